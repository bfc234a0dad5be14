//! GhostPlane's L1 side: who registers L2s and rules on challenges, what is slashed, and the
//! bounds of each L2's state.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Get},
	PalletId,
};
use ghostchain_primitives::time::DAYS;
use sp_runtime::Perbill;

use crate::{
	governance::{GeneralAdminOrRoot, L2ArbiterOrRoot},
	AccountId, Balances, Runtime, RuntimeHoldReason, Tokens,
};

parameter_types! {
	/// Derives each L2's escrow account: `modlghst/l2c` followed by the L2 id.
	pub const L2PalletId: PalletId = PalletId(*b"ghst/l2c");
	/// Half of a slashed bond rewards the side that was right; the treasury takes the rest.
	pub const DisputeReward: Perbill = Perbill::from_percent(50);
}

/// The tokens pallet's treasury account.
pub struct TreasuryAccount;

impl Get<AccountId> for TreasuryAccount {
	fn get() -> AccountId {
		Tokens::treasury_account()
	}
}

impl pallet_l2_commitments::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type AdminOrigin = GeneralAdminOrRoot;
	/// A fast track of its own, so that a frozen L2 waits days, not weeks; an on-chain fault
	/// proof may replace it later.
	type ArbiterOrigin = L2ArbiterOrRoot;
	type PalletId = L2PalletId;
	type Treasury = TreasuryAccount;
	type DisputeReward = DisputeReward;
	/// Longer than any sensible challenge period, so a sequencer cannot leave before its
	/// batches can be challenged.
	type UnbondingDelay = ConstU32<{ 7 * DAYS }>;
	type MaxSequencers = ConstU32<32>;
	/// A day of hourly batches with room to spare.
	type MaxPendingBatches = ConstU32<64>;
	type MaxPendingDeposits = ConstU32<1024>;
	/// Almost a year of hourly batches to withdraw against, about 2.3 MB per L2.
	type RetainedFinalBatches = ConstU32<8192>;
	type WeightInfo = pallet_l2_commitments::weights::SubstrateWeight<Runtime>;
}
