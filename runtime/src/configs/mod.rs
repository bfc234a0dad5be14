//! Every `impl X::Config for Runtime`, grouped by concern: [`consensus`] (Aura, GRANDPA,
//! Timestamp, Session, ValidatorSet), [`monetary`] (GCC balances and fees), [`tokens`] (SPIRIT,
//! MANA, GHOST and the tokens pallet), [`cns`] (the name service), [`gid`] (DIDs), [`l2`]
//! (GhostPlane commitments), [`contracts`] (the EVM) and [`wasm_contracts`] (WASM contracts). System-wide and small configs stay here. Governance, with its
//! origins and tracks, is a module of its own: [`crate::governance`].

pub mod cns;
pub mod consensus;
pub mod contracts;
pub mod gid;
mod l2;
pub(crate) mod monetary;
pub mod tokens;
pub mod wasm_contracts;

pub use consensus::AuraAuthorAccount;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use ghostchain_primitives::chain::SS58_PREFIX;
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use crate::{
	weights::{
		self, block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
		paritydb_weights::constants::ParityDbWeight,
	},
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, OriginCaller, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};

/// The share of a block that ordinary transactions may fill; the rest is kept for operational
/// ones (e.g. governance fixing a stalled chain).
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Two seconds of compute in every four-second block, leaving the rest of the slot to import and
/// gossip. It cannot grow: pallet-revive's integrity test bounds what one block may write by a
/// validator's memory, and with our measured ParityDB writes three seconds would let a block
/// store 294 MB against 201 MB (docs/benchmarks.md).
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(2 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

/// The normal-dispatch share of [`MAXIMUM_BLOCK_WEIGHT`].
fn normal_block_weight() -> Weight {
	Weight::from_parts(
		NORMAL_DISPATCH_RATIO.mul_floor(MAXIMUM_BLOCK_WEIGHT.ref_time()),
		NORMAL_DISPATCH_RATIO.mul_floor(MAXIMUM_BLOCK_WEIGHT.proof_size()),
	)
}

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// FRAME's sensible defaults (a tenth of the block for `on_initialize`, operational
	/// transactions may use the whole block), with our measured base costs of a block and of
	/// an extrinsic in place of Substrate's reference ones.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| weights.base_extrinsic = ExtrinsicBaseWeight::get())
		.for_class(DispatchClass::Normal, |weights| weights.max_total = Some(normal_block_weight()))
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved = Some(MAXIMUM_BLOCK_WEIGHT.saturating_sub(normal_block_weight()));
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	/// 5 MiB, of which ordinary transactions may fill the normal-dispatch share.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO.mul_floor(*max))
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// Nodes store state in ParityDB by default; measured by `benchmark storage`.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	/// Account balances live in the system account record, so GCC needs no extra lookup.
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	/// Bounds the references other pallets (holds, contracts) may keep on one account.
	type MaxConsumers = frame_support::traits::ConstU32<16>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = weights::pallet_utility::WeightInfo<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = weights::pallet_sudo::WeightInfo<Runtime>;
}
