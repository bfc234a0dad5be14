//! A runtime with the session pallet managed by this one: accounts 1 to 4 are the genesis
//! validators, 5 has registered session keys and 6 has none.

use frame_support::{
	construct_runtime, derive_impl,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use pallet_session::{PeriodicSessions, TestSessionHandler};
use sp_runtime::{testing::UintAuthorityId, traits::ConvertInto, BuildStorage};

use crate as pallet_validator_set;
use crate::SessionLengthOf;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const GENESIS_VALIDATORS: [AccountId; 4] = [1, 2, 3, 4];
/// Has registered session keys but is not a validator.
pub const CANDIDATE: AccountId = 5;
/// Has registered no session keys.
pub const STRANGER: AccountId = 6;
pub const SESSION_LENGTH: u64 = 5;
pub const MAX_VALIDATORS: u32 = 5;
pub const MIN_VALIDATORS: u32 = 3;

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Session: pallet_session,
		ValidatorSet: pallet_validator_set,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

type Sessions = PeriodicSessions<SessionLengthOf<Test>, ConstU64<0>>;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = ValidatorSet;
	type SessionHandler = TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<0>;
}

impl pallet_validator_set::Config for Test {
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type WeightInfo = ();
}

ghostchain_primitives::impl_checked_test_ext!(ValidatorSet::do_try_state);

pub fn new_test_ext() -> CheckedExt {
	new_test_ext_with(&GENESIS_VALIDATORS)
}

/// As [`new_test_ext`], with `genesis_validators` (accounts other than 5 and 6) as the owners
/// of the session pallet's genesis keys.
pub fn new_test_ext_with(genesis_validators: &[AccountId]) -> CheckedExt {
	let keys = |who: AccountId| (who, who, UintAuthorityId(who));
	let genesis = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: (1..=STRANGER).map(|who| (who, 1_000)).collect(),
			..Default::default()
		},
		session: pallet_session::GenesisConfig {
			keys: genesis_validators.iter().copied().map(keys).collect(),
			non_authority_keys: vec![keys(CANDIDATE)],
		},
		validator_set: pallet_validator_set::GenesisConfig { session_length: SESSION_LENGTH },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(genesis);
	ext.execute_with(|| System::set_block_number(1));
	ext.into()
}

/// Runs blocks up to and including `until`, as the session pallet sees them.
pub fn run_to_block(until: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < until {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}

/// The session pallet's active validators.
pub fn active_validators() -> Vec<AccountId> {
	pallet_session::Validators::<Test>::get()
}
