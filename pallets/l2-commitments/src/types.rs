//! The pallet's domain types: an L2's running state, its sequencers, and the arguments of the
//! withdrawal and dispute calls.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::ConstU32, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use ghostchain_primitives::{
	l2::{BatchIndex, BatchRecord, L2Config, VerificationMode, Withdrawal},
	Balance,
};
use scale_info::TypeInfo;
use sp_core::H256;

use crate::Config;

/// The deepest withdrawal tree, enough for the most leaves a `u32` counts.
pub const MAX_WITHDRAWAL_PROOF_DEPTH: u32 = 32;

pub type L2ConfigOf<T> = L2Config<Balance, BlockNumberFor<T>>;
pub type VerificationModeOf<T> = VerificationMode<BlockNumberFor<T>>;
pub type BatchRecordOf<T> =
	BatchRecord<<T as frame_system::Config>::AccountId, Balance, BlockNumberFor<T>>;
pub type WithdrawalOf<T> = Withdrawal<<T as frame_system::Config>::AccountId, Balance>;

/// An L2's configuration and running state.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct L2Info<T: Config> {
	pub config: L2ConfigOf<T>,
	/// The output root batch 0 builds on.
	pub genesis_output_root: H256,
	/// Bonded sequencers not unbonding: those that may submit.
	pub sequencers: u32,
	/// Batches accepted so far, final or pending: the next batch's index.
	pub next_batch: BatchIndex,
	/// Batches final so far: batches `finalized_batches..next_batch` are pending.
	pub finalized_batches: BatchIndex,
	/// `deposits_consumed` of the newest final batch (0 before any).
	pub finalized_deposits_consumed: u64,
	/// Pending batches under challenge; while any is open, no batch is accepted.
	pub open_disputes: u32,
	/// Deposits queued so far: the next deposit's nonce.
	pub deposit_count: u64,
	/// The deposit hash-chain head after `deposit_count` deposits.
	pub deposit_head: H256,
	/// GCC deposited and not yet withdrawn: the most the escrow may still pay out.
	pub escrowed: Balance,
}

impl<T: Config> L2Info<T> {
	/// Batches accepted but not yet final.
	pub fn pending_batches(&self) -> u64 {
		self.next_batch.saturating_sub(self.finalized_batches)
	}

	/// Deposits queued that no final batch has consumed.
	pub fn pending_deposits(&self) -> u64 {
		self.deposit_count.saturating_sub(self.finalized_deposits_consumed)
	}
}

/// A bonded sequencer of one L2.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct SequencerInfo<T: Config> {
	/// GCC held, as the L2 asked when the sequencer bonded.
	pub bond: Balance,
	/// When it left the set; the bond is released `UnbondingDelay` blocks later.
	pub unbonded_at: Option<BlockNumberFor<T>>,
	/// An index at or after its newest batch that is still accepted: its bond stays until that
	/// batch is final.
	pub last_batch: Option<BatchIndex>,
}

/// A withdrawal's place in its batch's withdrawal tree (see `docs/l2.md`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct WithdrawalProof {
	/// The leaf's position, from 0 on the left.
	pub leaf_index: u32,
	/// The number of leaves in the tree.
	pub leaf_count: u32,
	/// The sibling hashes from the leaf's level up to the root's children.
	pub siblings: BoundedVec<H256, ConstU32<MAX_WITHDRAWAL_PROOF_DEPTH>>,
}

/// The arbiter's ruling on a challenged batch.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum Verdict {
	/// The batch is valid: the challenger's bond is slashed and the batch may finalize.
	BatchValid,
	/// The batch is invalid: it and every later batch are reverted and its sequencer's bond is
	/// slashed.
	BatchInvalid,
}
