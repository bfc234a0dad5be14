//! A runtime with the four token ledgers behind `pallet-ghost-tokens`, and CNS on top.
//! Years are 100 blocks long, so the lifecycle fits in a test.

use frame_support::{
	construct_runtime, derive_impl,
	traits::{ConstU128, ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use ghostchain_primitives::{
	cns::Tld,
	tokens::{TokenKind, GHOST_ASSET_ID, MANA_ASSET_ID},
	Balance,
};
use sp_runtime::{traits::Convert, BuildStorage};

use crate::{self as pallet_cns, Name, TldConfig};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;

/// What each test account starts with, of every token.
pub const INITIAL_BALANCE: Balance = 10_000;
pub const YEAR: u64 = 100;
pub const GRACE_PERIOD: u64 = 20;
pub const MIN_COMMITMENT_AGE: u64 = 2;
pub const MAX_COMMITMENT_AGE: u64 = 10;
pub const MAX_YEARS: u32 = 5;
pub const COMMITMENT_DEPOSIT: Balance = 5;
pub const PRIMARY_NAME_DEPOSIT: Balance = 7;
pub const RECORD_DEPOSIT_BASE: Balance = 10;
pub const RECORD_DEPOSIT_PER_BYTE: Balance = 1;
pub const MAX_SUBNAMES: u32 = 2;
pub const SECRET: [u8; 32] = [7; 32];

/// Yearly prices for label lengths 1, 2, 3, 4 and 5+: a distinct price for each tier.
pub const PRICES: [Balance; 5] = [500, 200, 100, 50, 10];

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		SpiritBalances: pallet_balances::<Instance2>,
		Assets: pallet_assets,
		AssetsHolder: pallet_assets_holder,
		Tokens: pallet_ghost_tokens,
		Cns: pallet_cns,
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

/// The account number in the last eight bytes of the address.
pub struct TestEvmAddress;

impl Convert<AccountId, [u8; 20]> for TestEvmAddress {
	fn convert(who: AccountId) -> [u8; 20] {
		let mut address = [0; 20];
		address[12..].copy_from_slice(&who.to_be_bytes());
		address
	}
}

impl pallet_cns::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Tokens = Tokens;
	type TldOrigin = EnsureRoot<AccountId>;
	type EvmAddress = TestEvmAddress;
	type BlocksPerYear = ConstU64<YEAR>;
	type GracePeriod = ConstU64<GRACE_PERIOD>;
	type MaxRegistrationYears = ConstU32<MAX_YEARS>;
	type MinCommitmentAge = ConstU64<MIN_COMMITMENT_AGE>;
	type MaxCommitmentAge = ConstU64<MAX_COMMITMENT_AGE>;
	type CommitmentDeposit = ConstU128<COMMITMENT_DEPOSIT>;
	type PrimaryNameDeposit = ConstU128<PRIMARY_NAME_DEPOSIT>;
	type RecordDepositBase = ConstU128<RECORD_DEPOSIT_BASE>;
	type RecordDepositPerByte = ConstU128<RECORD_DEPOSIT_PER_BYTE>;
	type MaxAddresses = ConstU32<3>;
	type MaxAddressLength = ConstU32<64>;
	type MaxTextRecords = ConstU32<2>;
	type MaxTextKeyLength = ConstU32<16>;
	type MaxTextValueLength = ConstU32<32>;
	type MaxContentHashLength = ConstU32<40>;
	type MaxSubnames = ConstU32<MAX_SUBNAMES>;
	type WeightInfo = ();
}

/// The payment token of each TLD: the runtime's defaults.
pub fn tld_token(tld: Tld) -> TokenKind {
	match tld {
		Tld::Ghost => TokenKind::Ghost,
		Tld::Gcc | Tld::Gcp => TokenKind::Gcc,
		Tld::Warp | Tld::Arc => TokenKind::Mana,
	}
}

ghostchain_primitives::impl_checked_test_ext!(Cns::do_try_state);

/// Alice, Bob and Charlie hold [`INITIAL_BALANCE`] of every token; every TLD is open at
/// [`PRICES`] in its token.

pub fn new_test_ext() -> CheckedExt {
	let treasury = Tokens::treasury_account();
	let accounts = [ALICE, BOB, CHARLIE];
	let holders: Vec<_> = accounts.iter().map(|&who| (who, INITIAL_BALANCE)).collect();
	let assets = [TokenKind::Mana, TokenKind::Ghost];
	let genesis = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig {
			balances: holders.clone(),
			..Default::default()
		},
		spirit_balances: pallet_balances::GenesisConfig { balances: holders, ..Default::default() },
		assets: pallet_assets::GenesisConfig {
			assets: vec![(MANA_ASSET_ID, treasury, true, 1), (GHOST_ASSET_ID, treasury, true, 1)],
			accounts: assets
				.iter()
				.flat_map(|token| {
					accounts.map(|who| (token.asset_id().unwrap(), who, INITIAL_BALANCE))
				})
				.collect(),
			..Default::default()
		},
		tokens: Default::default(),
		cns: pallet_cns::GenesisConfig {
			tlds: Tld::ALL
				.iter()
				.map(|&tld| {
					(tld, TldConfig { enabled: true, token: tld_token(tld), yearly_prices: PRICES })
				})
				.collect(),
			..Default::default()
		},
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(genesis);
	ext.execute_with(|| System::set_block_number(1));
	ext.into()
}

/// `text` as a name (or label, key, value: any bounded byte string).
pub fn bytes<S: TryFrom<Vec<u8>>>(text: &str) -> S
where
	S::Error: core::fmt::Debug,
{
	S::try_from(text.as_bytes().to_vec()).unwrap()
}

pub fn name(text: &str) -> Name {
	bytes(text)
}

pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

pub fn advance_blocks(blocks: u64) {
	run_to_block(System::block_number() + blocks);
}
