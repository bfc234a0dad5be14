//! A runtime with the token ledgers behind `pallet-ghost-tokens` (for deposits), a CNS stand-in
//! whose name owners a test sets, and GID.

use std::collections::BTreeMap;

use frame_support::{construct_runtime, derive_impl, parameter_types, traits::ConstU32};
use ghostchain_primitives::{
	tokens::{GHOST_ASSET_ID, MANA_ASSET_ID},
	Balance,
};
use pallet_cns::NameRegistry;
use sp_core::H256;
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};

use crate as pallet_gid;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const INITIAL_BALANCE: Balance = 1_000_000;
pub const DEPOSIT_BASE: Balance = 100;
pub const DEPOSIT_PER_BYTE: Balance = 1;
pub const TOMBSTONE_FEE: Balance = 20;
pub const MAX_KEYS: u32 = 3;
pub const MAX_SERVICES: u32 = 2;

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		SpiritBalances: pallet_balances::<Instance2>,
		Assets: pallet_assets,
		AssetsHolder: pallet_assets_holder,
		Tokens: pallet_ghost_tokens,
		Gid: pallet_gid,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

pallet_ghost_tokens::impl_test_ledgers!(Test, AccountId, RuntimeHoldReason, 1);
pallet_ghost_tokens::impl_test_tokens!(Test, AccountId, RuntimeHoldReason);

parameter_types! {
	/// Who owns each active CNS name, as the test says.
	pub static NameOwners: BTreeMap<Vec<u8>, AccountId> = BTreeMap::new();
	/// Each name's GID record.
	pub static GidRecords: BTreeMap<Vec<u8>, H256> = BTreeMap::new();
}

/// CNS as far as GID sees it.
pub struct TestNames;

impl NameRegistry<AccountId> for TestNames {
	fn owner_of(name: &[u8]) -> Option<AccountId> {
		NameOwners::get().get(name).copied()
	}

	fn set_gid(who: &AccountId, name: &[u8], gid: Option<H256>) -> DispatchResult {
		if Self::owner_of(name).as_ref() != Some(who) {
			return Err(DispatchError::Other("not the name's owner"));
		}
		GidRecords::mutate(|records| match gid {
			Some(gid) => records.insert(name.to_vec(), gid),
			None => records.remove(name),
		});
		Ok(())
	}

	fn unlink_gid(who: &AccountId, name: &[u8], gid: H256) -> DispatchResult {
		let linked = GidRecords::get().get(name) == Some(&gid);
		if linked && Self::owner_of(name).as_ref() == Some(who) {
			Self::set_gid(who, name, None)?;
		}
		Ok(())
	}
}

/// Six seconds a block, from the epoch.
pub struct BlockTime;

impl frame_support::traits::UnixTime for BlockTime {
	fn now() -> core::time::Duration {
		core::time::Duration::from_secs(System::block_number() * 6)
	}
}

impl pallet_gid::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Tokens = Tokens;
	type Names = TestNames;
	type Time = BlockTime;
	type DepositBase = frame_support::traits::ConstU128<DEPOSIT_BASE>;
	type DepositPerByte = frame_support::traits::ConstU128<DEPOSIT_PER_BYTE>;
	type TombstoneFee = frame_support::traits::ConstU128<TOMBSTONE_FEE>;
	type MaxKeys = ConstU32<MAX_KEYS>;
	type MaxServices = ConstU32<MAX_SERVICES>;
	type MaxServiceIdLength = ConstU32<16>;
	type MaxServiceTypeLength = ConstU32<32>;
	type MaxServiceUrlLength = ConstU32<64>;
	type MaxAlsoKnownAs = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestNames;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_gid::BenchmarkHelper<AccountId> for TestNames {
	fn make_name_owner(name: &pallet_cns::Name, owner: &AccountId) {
		NameOwners::mutate(|owners| owners.insert(name.to_vec(), *owner));
	}
}

ghostchain_primitives::impl_checked_test_ext!(Gid::do_try_state);

/// Alice, Bob and Charlie hold GCC; keys sign through a keystore (as benchmarks need).

pub fn new_test_ext() -> CheckedExt {
	let treasury = Tokens::treasury_account();
	let genesis = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: [ALICE, BOB, CHARLIE].map(|who| (who, INITIAL_BALANCE)).to_vec(),
			..Default::default()
		},
		// The tokens pallet's genesis needs MANA and GHOST to exist.
		assets: pallet_assets::GenesisConfig {
			assets: vec![(MANA_ASSET_ID, treasury, true, 1), (GHOST_ASSET_ID, treasury, true, 1)],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(genesis);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| {
		System::set_block_number(1);
		NameOwners::take();
		GidRecords::take();
	});
	ext.into()
}
