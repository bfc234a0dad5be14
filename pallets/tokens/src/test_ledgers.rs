//! Mock-runtime configuration of the four ledgers behind this pallet, and of the pallet itself,
//! for the tests of pallets that charge through [`crate::MultiToken`].
//!
//! The mock runtime names its pallets `System`, `Balances`, `SpiritBalances`, `Assets`,
//! `AssetsHolder` and `Tokens`, and has the dev-dependencies `pallet-balances`, `pallet-assets`
//! and `pallet-assets-holder`. Then:
//!
//! ```ignore
//! pallet_ghost_tokens::impl_test_ledgers!(Test, AccountId, RuntimeHoldReason, 1);
//! pallet_ghost_tokens::impl_test_tokens!(Test, AccountId, RuntimeHoldReason);
//! ```

/// Configures GCC and SPIRIT (two pallet-balances instances) and MANA and GHOST
/// (pallet-assets with pallet-assets-holder) on `$runtime`, every token with the existential
/// deposit `$existential_deposit` and holds for `$hold_reason`.
#[macro_export]
macro_rules! impl_test_ledgers {
	($runtime:ty, $account:ty, $hold_reason:ty, $existential_deposit:expr) => {
		#[frame_support::derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for $runtime {
			type Balance = ghostchain_primitives::Balance;
			type ExistentialDeposit = frame_support::traits::ConstU128<{ $existential_deposit }>;
			type AccountStore = System;
			type RuntimeHoldReason = $hold_reason;
		}

		#[frame_support::derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config<pallet_balances::Instance2> for $runtime {
			type Balance = ghostchain_primitives::Balance;
			type ExistentialDeposit = frame_support::traits::ConstU128<{ $existential_deposit }>;
			type AccountStore = frame_support::traits::StorageMapShim<
				pallet_balances::Account<$runtime, pallet_balances::Instance2>,
				$account,
				pallet_balances::AccountData<ghostchain_primitives::Balance>,
			>;
			type RuntimeHoldReason = $hold_reason;
		}

		#[frame_support::derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
		impl pallet_assets::Config for $runtime {
			type Balance = ghostchain_primitives::Balance;
			type Currency = Balances;
			type CreateOrigin =
				frame_support::traits::AsEnsureOriginWithArg<frame_system::EnsureSigned<$account>>;
			type ForceOrigin = frame_system::EnsureRoot<$account>;
			type Holder = AssetsHolder;
		}

		impl pallet_assets_holder::Config for $runtime {
			type RuntimeEvent = RuntimeEvent;
			type RuntimeHoldReason = $hold_reason;
		}
	};
}

/// Configures this pallet on `$runtime` over the ledgers of [`impl_test_ledgers`], for pallets
/// that only charge and hold: no MANA cap, no block author, years of 100 blocks.
#[macro_export]
macro_rules! impl_test_tokens {
	($runtime:ty, $account:ty, $hold_reason:ty) => {
		frame_support::parameter_types! {
			pub const TestTokensPalletId: frame_support::PalletId =
				frame_support::PalletId(*b"gc/token");
		}

		impl $crate::Config for $runtime {
			type RuntimeHoldReason = $hold_reason;
			type Gcc = Balances;
			type Spirit = SpiritBalances;
			type Assets = Assets;
			type AssetHolds = AssetsHolder;
			type FindAuthor = ();
			type RewardOrigin = frame_system::EnsureRoot<$account>;
			type ManaYearlyCap = frame_support::traits::ConstU128<{ u128::MAX }>;
			type BlocksPerYear = frame_support::traits::ConstU64<100>;
			type PalletId = TestTokensPalletId;
			type WeightInfo = ();
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = NoBlockAuthor;
		}

		/// Blocks have no author here, so the reward benchmark cannot run.
		#[cfg(feature = "runtime-benchmarks")]
		pub struct NoBlockAuthor;

		#[cfg(feature = "runtime-benchmarks")]
		impl $crate::BenchmarkHelper<$account> for NoBlockAuthor {
			fn make_block_author() -> $account {
				unreachable!("this runtime does not reward block authors")
			}
		}
	};
}
