//! `l2_status`: a GhostPlane L2's batches, disputes, deposit queue and escrow, for sequencers,
//! challengers and bridges (docs/l2.md).

use std::sync::Arc;

use ghostchain_primitives::l2::{
	BatchRecord, L2Api as L2RuntimeApi, L2Id, L2Limits, L2Status, VerificationMode,
};
use ghostchain_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{Bytes, H256};
use sp_runtime::traits::Block as BlockT;

use super::{runtime_error, ss58};

/// An accepted batch. Hashes are 0x-prefixed hex, amounts decimal strings of the smallest unit.
#[derive(Clone, Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BatchJson {
	pub index: u64,
	pub prev_output_root: H256,
	pub output_root: H256,
	pub l2_block_number: u64,
	pub tx_data_hash: H256,
	pub withdrawals_root: H256,
	pub deposits_consumed: u64,
	/// The deposit hash-chain head after `deposits_consumed` deposits.
	pub deposit_head: H256,
	/// The sequencer's SS58 address.
	pub sequencer: String,
	pub submitted_at: BlockNumber,
	/// The first block in which the batch is final if no challenge is open.
	pub finalizes_at: BlockNumber,
	/// The challenger's SS58 address, while a challenge is open.
	pub challenger: Option<String>,
	pub challenge_bond: Option<String>,
}

impl From<BatchRecord<AccountId, Balance, BlockNumber>> for BatchJson {
	fn from(batch: BatchRecord<AccountId, Balance, BlockNumber>) -> Self {
		let header = batch.header;
		Self {
			index: header.index,
			prev_output_root: header.prev_output_root,
			output_root: header.output_root,
			l2_block_number: header.l2_block_number,
			tx_data_hash: header.tx_data_hash,
			withdrawals_root: header.withdrawals_root,
			deposits_consumed: header.deposits_consumed,
			deposit_head: batch.deposit_head,
			sequencer: ss58(&batch.sequencer),
			submitted_at: batch.submitted_at,
			finalizes_at: batch.finalizes_at,
			challenger: batch.challenge.as_ref().map(|challenge| ss58(&challenge.challenger)),
			challenge_bond: batch.challenge.map(|challenge| challenge.bond.to_string()),
		}
	}
}

/// How batches become final: `{"optimistic": {"challengePeriod": blocks}}` or
/// `{"validity": {"verifyingKey": "0x…"}}` (a Groth16 BN254 key, arkworks compressed).
#[derive(Clone, Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub enum ModeJson {
	#[serde(rename_all = "camelCase")]
	Optimistic { challenge_period: BlockNumber },
	#[serde(rename_all = "camelCase")]
	Validity { verifying_key: Bytes },
}

impl From<VerificationMode<BlockNumber>> for ModeJson {
	fn from(mode: VerificationMode<BlockNumber>) -> Self {
		match mode {
			VerificationMode::Optimistic { challenge_period } => {
				Self::Optimistic { challenge_period }
			},
			VerificationMode::Validity { verifying_key } => {
				Self::Validity { verifying_key: verifying_key.into_inner().into() }
			},
		}
	}
}

#[derive(Clone, Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LimitsJson {
	pub max_sequencers: u32,
	pub max_pending_batches: u32,
	pub max_pending_deposits: u32,
}

/// An L2 as of one block, every batch whose period has passed unchallenged counted as final.
#[derive(Clone, Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct L2StatusJson {
	pub mode: ModeJson,
	pub sequencer_bond: String,
	pub challenge_bond: String,
	pub limits: LimitsJson,
	pub genesis_output_root: H256,
	/// Bonded sequencers that may submit.
	pub sequencers: u32,
	pub last_finalized: Option<BatchJson>,
	/// Accepted, not final, oldest first.
	pub pending: Vec<BatchJson>,
	/// Indexes of pending batches under challenge.
	pub open_disputes: Vec<u64>,
	/// Deposits queued so far: the next deposit's nonce.
	pub deposit_count: u64,
	/// The deposit hash-chain head after `depositCount` deposits.
	pub deposit_head: H256,
	/// GCC in escrow, deposited and not withdrawn, in the smallest unit.
	pub escrowed: String,
}

impl From<L2Status<AccountId, Balance, BlockNumber>> for L2StatusJson {
	fn from(status: L2Status<AccountId, Balance, BlockNumber>) -> Self {
		let L2Limits { max_sequencers, max_pending_batches, max_pending_deposits } =
			status.config.limits;
		Self {
			mode: status.config.mode.into(),
			sequencer_bond: status.config.sequencer_bond.to_string(),
			challenge_bond: status.config.challenge_bond.to_string(),
			limits: LimitsJson { max_sequencers, max_pending_batches, max_pending_deposits },
			genesis_output_root: status.genesis_output_root,
			sequencers: status.sequencers,
			last_finalized: status.last_finalized.map(Into::into),
			pending: status.pending.into_iter().map(Into::into).collect(),
			open_disputes: status.open_disputes,
			deposit_count: status.deposit_count,
			deposit_head: status.deposit_head,
			escrowed: status.escrowed.to_string(),
		}
	}
}

#[rpc(server, namespace = "l2")]
pub trait L2RpcApi<BlockHash> {
	/// L2 `l2` at block `at` or the best block; null if no L2 has that id.
	#[method(name = "status")]
	fn status(&self, l2: L2Id, at: Option<BlockHash>) -> RpcResult<Option<L2StatusJson>>;
}

/// Serves `l2_*` from the runtime's `L2Api`.
pub struct L2Api<C> {
	client: Arc<C>,
}

impl<C> L2Api<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> L2RpcApiServer<<Block as BlockT>::Hash> for L2Api<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: L2RuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn status(
		&self,
		l2: L2Id,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<L2StatusJson>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let status = self.client.runtime_api().status(at, l2).map_err(runtime_error)?;
		Ok(status.map(Into::into))
	}
}
