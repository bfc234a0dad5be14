//! SPIRIT (a second pallet-balances instance), MANA and GHOST (pallet-assets, with holds from
//! pallet-assets-holder), and `pallet-ghost-tokens`, the front door to all four tokens.
//!
//! The assets and SPIRIT pallets have their calls disabled (`lib.rs`): nobody can create,
//! destroy, mint or re-parameterize an asset, not even Root, so GHOST's supply stays what
//! genesis made it. Tokens move through `Tokens::transfer`.

use alloc::vec::Vec;
use frame_support::{
	parameter_types,
	traits::{
		fungibles::InspectHold as _, AsEnsureOriginWithArg, ConstU128, ConstU32, StorageMapShim,
		VariantCountOf,
	},
	PalletId,
};
use ghostchain_primitives::{
	time::YEARS,
	tokens::{TokenBalance, TokenKind, EXISTENTIAL_DEPOSIT, GHOST_ASSET_ID, MANA_ASSET_ID, UNIT},
	AssetId,
};

use super::AuraAuthorAccount;
use crate::{
	governance::GeneralAdminOrRoot, AccountId, AssetsHolder, Balance, Balances, Runtime,
	RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, SpiritBalances,
};

/// The MANA minted to each block's author at genesis; governance may change it.
pub const MANA_REWARD_PER_BLOCK: Balance = UNIT;
/// At most ten million MANA a year: about 1.27 per 4 s block, so the genesis reward (7.89 million
/// a year) leaves governance room to raise it.
pub const MANA_YEARLY_CAP: Balance = 10_000_000 * UNIT;

/// The SPIRIT ledger: pallet-balances, so conviction voting can lock it.
pub type SpiritInstance = pallet_balances::Instance2;

impl pallet_balances::Config<SpiritInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances_spirit_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	/// Dust left by a removed SPIRIT account is burned.
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	/// SPIRIT accounts live in this instance's own map, beside the GCC data in System.
	type AccountStore = StorageMapShim<
		pallet_balances::Account<Runtime, SpiritInstance>,
		AccountId,
		pallet_balances::AccountData<Balance>,
	>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = AssetId;
	type AssetIdParameter = AssetId;
	type ReserveData = ();
	type Currency = Balances;
	/// Only genesis creates assets: MANA and GHOST.
	#[cfg(not(feature = "runtime-benchmarks"))]
	type CreateOrigin = AsEnsureOriginWithArg<frame_support::traits::NeverEnsureOrigin<AccountId>>;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type ForceOrigin = frame_support::traits::NeverEnsureOrigin<()>;
	/// The benchmarks need origins that can succeed. With the Assets calls out of `RuntimeCall`
	/// their weights charge nothing on chain; they are measured so that no reference weight
	/// remains.
	#[cfg(feature = "runtime-benchmarks")]
	type CreateOrigin = AsEnsureOriginWithArg<frame_system::EnsureSigned<AccountId>>;
	#[cfg(feature = "runtime-benchmarks")]
	type ForceOrigin = frame_system::EnsureRoot<AccountId>;
	/// No deposits: with its calls disabled, nobody can create an asset or its metadata.
	type AssetDeposit = ConstU128<0>;
	type AssetAccountDeposit = ConstU128<0>;
	type MetadataDepositBase = ConstU128<0>;
	type MetadataDepositPerByte = ConstU128<0>;
	type ApprovalDeposit = ConstU128<0>;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = AssetsHolder;
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_assets_holder::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	/// Derives the treasury account, `modlghst/tkn` followed by zeros.
	pub const TokensPalletId: PalletId = PalletId(*b"ghst/tkn");
}

impl pallet_ghost_tokens::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Gcc = Balances;
	type Spirit = SpiritBalances;
	type Assets = crate::Assets;
	type AssetHolds = AssetsHolder;
	type FindAuthor = AuraAuthorAccount;
	type RewardOrigin = GeneralAdminOrRoot;
	type ManaYearlyCap = ConstU128<MANA_YEARLY_CAP>;
	type BlocksPerYear = ConstU32<YEARS>;
	type PalletId = TokensPalletId;
	type WeightInfo = pallet_ghost_tokens::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmarks::AuraSlotZeroAuthor;
}

/// What `TokensApi::balances` reports: each ledger's own free, held and frozen figures, as
/// Polkadot.js reads them from storage.
pub fn token_balances(who: &AccountId) -> Vec<TokenBalance> {
	// pallet-balances counts holds in `reserved`.
	let of_balances = |token, data: pallet_balances::AccountData<Balance>| TokenBalance {
		token,
		free: data.free,
		held: data.reserved,
		frozen: data.frozen,
	};
	let of_asset = |token: TokenKind, id: AssetId| {
		let account = pallet_assets::Account::<Runtime>::get(id, who);
		let free = account.as_ref().map_or(0, |a| a.balance);
		// Without a freezer, only a frozen account status keeps an asset from moving.
		let frozen = account.filter(|a| a.status.is_frozen()).map_or(0, |a| a.balance);
		TokenBalance { token, free, held: AssetsHolder::total_balance_on_hold(id, who), frozen }
	};
	TokenKind::ALL
		.into_iter()
		.map(|token| match token {
			TokenKind::Gcc => of_balances(token, frame_system::Account::<Runtime>::get(who).data),
			TokenKind::Spirit => {
				of_balances(token, pallet_balances::Account::<Runtime, SpiritInstance>::get(who))
			},
			TokenKind::Mana => of_asset(token, MANA_ASSET_ID),
			TokenKind::Ghost => of_asset(token, GHOST_ASSET_ID),
		})
		.collect()
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmarks {
	use codec::Encode;
	use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
	use sp_runtime::DigestItem;

	use crate::{AccountId, Runtime, System};

	/// Makes the block one of slot 0, whose author is the first Aura authority.
	pub struct AuraSlotZeroAuthor;

	impl pallet_ghost_tokens::BenchmarkHelper<AccountId> for AuraSlotZeroAuthor {
		fn make_block_author() -> AccountId {
			System::deposit_log(DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(0).encode()));
			let authority = pallet_aura::Authorities::<Runtime>::get()
				.first()
				.cloned()
				.expect("the benchmark genesis has an Aura authority");
			AccountId::from(authority.into_inner())
		}
	}
}
