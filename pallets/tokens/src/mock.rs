//! A runtime with the four ledgers the pallet fronts: GCC and SPIRIT in two pallet-balances
//! instances, MANA and GHOST in pallet-assets with holds from pallet-assets-holder.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	construct_runtime, derive_impl, parameter_types,
	traits::{ConstU128, ConstU64, FindAuthor, Hooks, VariantCount},
	PalletId,
};
use frame_system::EnsureRoot;
use ghostchain_primitives::{
	tokens::{TokenKind, GHOST_ASSET_ID, MANA_ASSET_ID},
	Balance,
};
use scale_info::TypeInfo;
use sp_runtime::{BuildStorage, ConsensusEngineId};

use crate as pallet_ghost_tokens;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;

/// The existential deposit of every token here.
pub const ED: Balance = 10;
/// The yearly MANA cap.
pub const MANA_CAP: Balance = 100;
/// Blocks in a reward year.
pub const YEAR: u64 = 100;

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		SpiritBalances: pallet_balances::<Instance2>,
		Assets: pallet_assets,
		AssetsHolder: pallet_assets_holder,
		Tokens: pallet_ghost_tokens,
	}
);

/// The one reason to hold a balance here: a deposit.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum TestHoldReason {
	Deposit,
}

impl VariantCount for TestHoldReason {
	const VARIANT_COUNT: u32 = 1;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

crate::impl_test_ledgers!(Test, AccountId, TestHoldReason, ED);

parameter_types! {
	/// The author `MockAuthor` reports for the current block.
	pub static BlockAuthor: Option<AccountId> = Some(CHARLIE);
	pub const TokensPalletId: PalletId = PalletId(*b"gc/token");
}

/// Reports [`BlockAuthor`], whatever the digest says.
pub struct MockAuthor;

impl FindAuthor<AccountId> for MockAuthor {
	fn find_author<'a, I>(_digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		BlockAuthor::get()
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockAuthor {
	fn make_block_author() -> AccountId {
		BlockAuthor::set(Some(CHARLIE));
		CHARLIE
	}
}

impl pallet_ghost_tokens::Config for Test {
	type RuntimeHoldReason = TestHoldReason;
	type Gcc = Balances;
	type Spirit = SpiritBalances;
	type Assets = Assets;
	type AssetHolds = AssetsHolder;
	type FindAuthor = MockAuthor;
	type RewardOrigin = EnsureRoot<AccountId>;
	type ManaYearlyCap = ConstU128<MANA_CAP>;
	type BlocksPerYear = ConstU64<YEAR>;
	type PalletId = TokensPalletId;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockAuthor;
}

ghostchain_primitives::impl_checked_test_ext!(Tokens::do_try_state);

/// Genesis for a test: who holds what of each token, and the MANA reward per block.
pub struct ExtBuilder {
	balances: Vec<(TokenKind, AccountId, Balance)>,
	mana_reward_per_block: Balance,
}

impl Default for ExtBuilder {
	/// Alice holds 1,000 of every token; the reward is 10 MANA a block.
	fn default() -> Self {
		Self {
			balances: TokenKind::ALL.iter().map(|&token| (token, ALICE, 1_000)).collect(),
			mana_reward_per_block: 10,
		}
	}
}

impl ExtBuilder {
	pub fn with_mana_reward(mut self, amount: Balance) -> Self {
		self.mana_reward_per_block = amount;
		self
	}

	fn holders(&self, token: TokenKind) -> Vec<(AccountId, Balance)> {
		self.balances.iter().filter(|(t, ..)| *t == token).map(|&(_, who, b)| (who, b)).collect()
	}

	pub fn build(self) -> CheckedExt {
		let treasury = Tokens::treasury_account();
		let assets = [TokenKind::Mana, TokenKind::Ghost];
		let genesis = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig {
				balances: self.holders(TokenKind::Gcc),
				..Default::default()
			},
			spirit_balances: pallet_balances::GenesisConfig {
				balances: self.holders(TokenKind::Spirit),
				..Default::default()
			},
			assets: pallet_assets::GenesisConfig {
				assets: vec![
					(MANA_ASSET_ID, treasury, true, ED),
					(GHOST_ASSET_ID, treasury, true, ED),
				],
				metadata: assets
					.iter()
					.map(|t| {
						(t.asset_id().unwrap(), t.name().into(), t.symbol().into(), t.decimals())
					})
					.collect(),
				accounts: assets
					.iter()
					.flat_map(|&t| {
						self.holders(t)
							.into_iter()
							.map(move |(who, b)| (t.asset_id().unwrap(), who, b))
					})
					.collect(),
				..Default::default()
			},
			tokens: pallet_ghost_tokens::GenesisConfig {
				mana_reward_per_block: self.mana_reward_per_block,
				..Default::default()
			},
		}
		.build_storage()
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(genesis);
		ext.execute_with(|| System::set_block_number(1));
		ext.into()
	}
}

/// Initializes blocks up to `n`, as the executive would, so each mints its MANA reward.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Tokens::on_initialize(next);
	}
}
