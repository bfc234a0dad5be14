//! The OpenGov pallets: preimages, the scheduler that enacts referenda, referenda (deposits in
//! GCC) and conviction voting (votes in SPIRIT).

use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, tokens::currency::ActiveIssuanceOf, ConstU128, ConstU32,
		EqualPrivilegeOnly, LinearStoragePrice,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSigned};
use ghostchain_primitives::{currency::GCC, time::DAYS};
use sp_runtime::Perbill;

use super::{
	origins::{self, ReferendumCanceller, ReferendumKiller},
	tracks::TracksInfo,
	Paced,
};
use crate::{
	configs::{
		monetary::{STORAGE_DEPOSIT_BASE, STORAGE_DEPOSIT_PER_BYTE},
		RuntimeBlockWeights,
	},
	AccountId, Balance, Balances, OriginCaller, Preimage, Referenda, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, SpiritBalances, System,
};

impl origins::Config for Runtime {}

parameter_types! {
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	/// A noted preimage holds GCC like any other data a user keeps on chain.
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<
			ConstU128<STORAGE_DEPOSIT_BASE>,
			ConstU128<STORAGE_DEPOSIT_PER_BYTE>,
			Balance,
		>,
	>;
}

parameter_types! {
	/// Enacted referenda may fill most of a block, leaving room for the block's own work.
	pub MaximumSchedulerWeight: Weight = {
		let (share, max) = (Perbill::from_percent(80), RuntimeBlockWeights::get().max_block);
		Weight::from_parts(share.mul_floor(max.ref_time()), share.mul_floor(max.proof_size()))
	};
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Referenda schedule their enactment themselves; only Root schedules anything else.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// Held from whoever submits a referendum, so that spam costs something; refunded when the
	/// referendum is approved or cancelled.
	pub const SubmissionDeposit: Balance = 10 * GCC;
}

/// A referendum that no one places a decision deposit for is dropped after 14 days.
pub type UndecidingTimeout = Paced<ConstU32<{ 14 * DAYS }>>;

impl pallet_referenda::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	/// Deposits are GCC.
	type Currency = Balances;
	/// Any account may submit a referendum on any track.
	type SubmitOrigin = EnsureSigned<AccountId>;
	type CancelOrigin = frame_support::traits::EitherOf<EnsureRoot<AccountId>, ReferendumCanceller>;
	type KillOrigin = frame_support::traits::EitherOf<EnsureRoot<AccountId>, ReferendumKiller>;
	/// The deposits of a killed referendum are burned, as fees are.
	type Slash = ();
	type Votes = pallet_conviction_voting::VotesOf<Runtime>;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	/// Referenda are serviced every block, so a passing one confirms without delay.
	type AlarmInterval = ConstU32<1>;
	type Tracks = TracksInfo;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

/// A vote with conviction `n`x stays locked `2^(n-1)` times this long after its referendum
/// ends: 7 days at `Locked1x`. At least the longest enactment period, so that voters live with
/// what they enacted.
pub type VoteLockingPeriod = Paced<ConstU32<{ 7 * DAYS }>>;

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_conviction_voting::WeightInfo<Runtime>;
	/// Votes are SPIRIT.
	type Currency = SpiritBalances;
	type Polls = Referenda;
	/// Turnout is measured against all SPIRIT that can vote.
	type MaxTurnout = ActiveIssuanceOf<SpiritBalances, AccountId>;
	type MaxVotes = ConstU32<512>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}
