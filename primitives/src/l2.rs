//! GhostPlane, GhostChain's layer 2: what its L1 side (`pallet-l2-commitments`) stores about
//! each registered L2, and the `L2Api` runtime API that reports it.
//!
//! The byte layouts that a sequencer must reproduce (the deposit hash chain and the withdrawal
//! Merkle tree) are specified in `docs/l2.md` and implemented in `pallet-l2-commitments`.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::{ConstU32, H256};
use sp_runtime::BoundedVec;

/// The id of a registered L2, chosen when it is registered.
pub type L2Id = u32;

/// The position of a batch in its L2's sequence of batches, from 0.
pub type BatchIndex = u64;

/// The number of BN254 scalars a validity proof's circuit takes as public inputs: the five
/// 32-byte values of [`BatchPublicInputs`], two 128-bit limbs each.
pub const BATCH_PUBLIC_INPUT_LIMBS: usize = 10;

/// The length of a Groth16 (BN254) verifying key for [`BATCH_PUBLIC_INPUT_LIMBS`] inputs in
/// arkworks' compressed encoding: alpha (G1, 32 bytes), beta, gamma, delta (G2, 64 bytes each),
/// then a u64 little-endian count of 11 followed by 11 G1 points (see `docs/l2.md`).
pub const GROTH16_VERIFYING_KEY_LEN: u32 =
	32 + 3 * 64 + 8 + 32 * (BATCH_PUBLIC_INPUT_LIMBS as u32 + 1);

/// The length of a Groth16 (BN254) proof in arkworks' compressed encoding: A (G1), B (G2), C
/// (G1).
pub const GROTH16_PROOF_LEN: usize = 32 + 64 + 32;

/// A Groth16 verifying key over BN254 in arkworks' compressed encoding; a key of another
/// length is rejected with an error rather than at decoding.
pub type Groth16VerifyingKey = BoundedVec<u8, ConstU32<GROTH16_VERIFYING_KEY_LEN>>;

/// A Groth16 proof over BN254 in arkworks' compressed encoding.
pub type Groth16Proof = [u8; GROTH16_PROOF_LEN];

/// How an L2's batches become final.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum VerificationMode<BlockNumber> {
	/// A batch is final once `challenge_period` blocks have passed since it was submitted
	/// without an open challenge against it or an earlier batch.
	#[codec(index = 0)]
	Optimistic { challenge_period: BlockNumber },
	/// A batch carries a Groth16 proof over BN254 that verifies under `verifying_key` for the
	/// batch's public inputs, and is final as soon as every earlier batch is.
	#[codec(index = 1)]
	Validity { verifying_key: Groth16VerifyingKey },
}

/// The bounds of one L2's state on chain; each must be at least 1 and within the pallet's
/// maximum.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct L2Limits {
	/// The most bonded sequencers at once.
	pub max_sequencers: u32,
	/// The most batches submitted but not yet final.
	pub max_pending_batches: u32,
	/// The most deposits queued past the last final batch's `deposits_consumed`.
	pub max_pending_deposits: u32,
}

/// What governance sets when it registers an L2.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct L2Config<Balance, BlockNumber> {
	pub mode: VerificationMode<BlockNumber>,
	/// GCC a sequencer holds to join the sequencer set; slashed if its batch is proven invalid.
	pub sequencer_bond: Balance,
	/// GCC a challenger holds while its challenge is open; slashed if the batch was valid.
	pub challenge_bond: Balance,
	pub limits: L2Limits,
}

/// What a sequencer submits for each batch of L2 blocks.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct BatchHeader {
	/// The batch's position: one past the last accepted batch.
	pub index: BatchIndex,
	/// The output root of the last accepted batch (the L2's genesis root for batch 0).
	pub prev_output_root: H256,
	/// The L2 state commitment after this batch.
	pub output_root: H256,
	/// The last L2 block in this batch; never less than the previous batch's.
	pub l2_block_number: u64,
	/// The data-availability commitment: the hash of the batch's transaction data.
	pub tx_data_hash: H256,
	/// The root of the batch's withdrawal Merkle tree (see `docs/l2.md`).
	pub withdrawals_root: H256,
	/// How many L1 → L2 deposits the L2 has processed, counted from the first.
	pub deposits_consumed: u64,
}

/// The values a validity proof is bound to: what the batch claims and the deposits it consumed.
///
/// The circuit sees each value as two 128-bit limbs, the big-endian high half first, in field
/// order (see [`BatchPublicInputs::limbs`] and `docs/l2.md`).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct BatchPublicInputs {
	pub prev_output_root: H256,
	pub output_root: H256,
	pub tx_data_hash: H256,
	pub withdrawals_root: H256,
	/// The deposit hash-chain head after the batch's `deposits_consumed` deposits.
	pub deposit_head: H256,
}

impl BatchPublicInputs {
	/// The inputs of `header`, which consumed the deposits up to `deposit_head`.
	pub fn of(header: &BatchHeader, deposit_head: H256) -> Self {
		Self {
			prev_output_root: header.prev_output_root,
			output_root: header.output_root,
			tx_data_hash: header.tx_data_hash,
			withdrawals_root: header.withdrawals_root,
			deposit_head,
		}
	}

	/// The circuit's public inputs: each value split into big-endian 128-bit halves, high half
	/// first. Each limb is below 2^128, so below the BN254 scalar field's modulus: the mapping
	/// is one-to-one, unlike reducing a 256-bit value modulo it.
	pub fn limbs(&self) -> [u128; BATCH_PUBLIC_INPUT_LIMBS] {
		let values = [
			self.prev_output_root,
			self.output_root,
			self.tx_data_hash,
			self.withdrawals_root,
			self.deposit_head,
		];
		let mut limbs = [0; BATCH_PUBLIC_INPUT_LIMBS];
		let halves = values.iter().flat_map(|value| value.0.chunks_exact(16));
		for (limb, half) in limbs.iter_mut().zip(halves) {
			*limb = u128::from_be_bytes(half.try_into().unwrap_or_default());
		}
		limbs
	}
}

/// What a sequencer submits with a batch of an L2 in validity mode.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ValidityProof {
	/// The inputs the proof was made for; they must be the batch's.
	pub public_inputs: BatchPublicInputs,
	pub proof: Groth16Proof,
}

/// An open challenge against a batch.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Challenge<AccountId, Balance> {
	pub challenger: AccountId,
	/// The GCC held from the challenger.
	pub bond: Balance,
}

/// An accepted batch as the chain keeps it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct BatchRecord<AccountId, Balance, BlockNumber> {
	pub header: BatchHeader,
	/// The sequencer that submitted it.
	pub sequencer: AccountId,
	pub submitted_at: BlockNumber,
	/// The first block in which the batch may be final, given no challenge.
	pub finalizes_at: BlockNumber,
	/// The deposit hash-chain head after `header.deposits_consumed` deposits.
	pub deposit_head: H256,
	pub challenge: Option<Challenge<AccountId, Balance>>,
}

/// An L1 → L2 deposit, as it is hashed into the deposit chain.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct DepositMessage<AccountId, Balance> {
	/// Its place in the L2's deposit queue, from 0.
	pub nonce: u64,
	/// The L1 account that locked the GCC.
	pub sender: AccountId,
	/// The L2 account credited: 32 bytes, an EVM address left-padded with 12 zero bytes.
	pub l2_recipient: H256,
	pub amount: Balance,
}

/// An L2 → L1 withdrawal: a leaf of a batch's withdrawal tree.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Withdrawal<AccountId, Balance> {
	/// Unique per L2: each nonce is paid at most once.
	pub nonce: u64,
	/// The L1 account paid.
	pub recipient: AccountId,
	/// GCC paid from the L2's escrow.
	pub amount: Balance,
}

/// An L2 as the `l2_status` RPC reports it, at one block.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct L2Status<AccountId, Balance, BlockNumber> {
	pub config: L2Config<Balance, BlockNumber>,
	/// The output root batch 0 builds on.
	pub genesis_output_root: H256,
	/// Bonded sequencers that may submit batches.
	pub sequencers: u32,
	/// The newest final batch, if any.
	pub last_finalized: Option<BatchRecord<AccountId, Balance, BlockNumber>>,
	/// Batches accepted but not final, oldest first.
	pub pending: Vec<BatchRecord<AccountId, Balance, BlockNumber>>,
	/// The indexes of pending batches under challenge.
	pub open_disputes: Vec<BatchIndex>,
	/// Deposits queued so far: the next deposit's nonce.
	pub deposit_count: u64,
	/// The deposit hash-chain head after `deposit_count` deposits.
	pub deposit_head: H256,
	/// GCC in escrow for the L2: deposited and not yet withdrawn.
	pub escrowed: Balance,
}

sp_api::decl_runtime_apis! {
	/// Reads GhostPlane commitments for the node's `l2_status` RPC and other clients.
	pub trait L2Api<AccountId, Balance, BlockNumber> where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The L2's state as of this block, with every batch whose window has passed counted
		/// as final; None if no L2 has this id.
		fn status(l2: L2Id) -> Option<L2Status<AccountId, Balance, BlockNumber>>;
	}
}
