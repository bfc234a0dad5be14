//! A runtime with GCC balances and the pallet, whose L2 escrows the treasury seeds.

use frame_support::{
	construct_runtime, derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use frame_system::EnsureRoot;
use ghostchain_primitives::{
	l2::{L2Config, L2Id, L2Limits, VerificationMode},
	Balance,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};

use crate as pallet_l2_commitments;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const TREASURY: AccountId = 99;
pub const INITIAL_BALANCE: Balance = 1_000_000;
pub const ED: Balance = 10;
pub const SEQUENCER_BOND: Balance = 10_000;
pub const CHALLENGE_BOND: Balance = 1_000;
pub const CHALLENGE_PERIOD: u64 = 10;
pub const UNBONDING_DELAY: u64 = 20;
pub const RETAINED_FINAL_BATCHES: u32 = 8;
pub const L2: L2Id = 7;
pub const GENESIS_ROOT: H256 = H256::repeat_byte(0x11);

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		L2Commitments: pallet_l2_commitments,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = frame_support::traits::ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const L2PalletId: PalletId = PalletId(*b"ghst/l2c");
	pub const Treasury: AccountId = TREASURY;
	pub const DisputeReward: Perbill = Perbill::from_percent(50);
}

impl pallet_l2_commitments::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type AdminOrigin = EnsureRoot<AccountId>;
	type ArbiterOrigin = EnsureRoot<AccountId>;
	type PalletId = L2PalletId;
	type Treasury = Treasury;
	type DisputeReward = DisputeReward;
	type UnbondingDelay = ConstU64<UNBONDING_DELAY>;
	type MaxSequencers = ConstU32<4>;
	type MaxPendingBatches = ConstU32<8>;
	type MaxPendingDeposits = ConstU32<16>;
	type RetainedFinalBatches = ConstU32<RETAINED_FINAL_BATCHES>;
	type WeightInfo = ();
}

/// The L2 most tests register: every limit at the pallet's maximum.
pub fn l2_config() -> L2Config<Balance, u64> {
	L2Config {
		mode: VerificationMode::Optimistic { challenge_period: CHALLENGE_PERIOD },
		sequencer_bond: SEQUENCER_BOND,
		challenge_bond: CHALLENGE_BOND,
		limits: L2Limits { max_sequencers: 4, max_pending_batches: 8, max_pending_deposits: 16 },
	}
}

ghostchain_primitives::impl_checked_test_ext!(L2Commitments::do_try_state);

pub fn new_test_ext() -> CheckedExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CHARLIE, DAVE, TREASURY]
			.into_iter()
			.map(|account| (account, INITIAL_BALANCE))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext.into()
}
