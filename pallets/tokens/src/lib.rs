//! # GhostChain tokens
//!
//! One front door to GhostChain's four tokens, whatever pallet keeps each one's ledger:
//!
//! | token | ledger | role |
//! |---|---|---|
//! | GCC | `Config::Gcc` (pallet-balances) | native: fees, gas, existential deposit |
//! | SPIRIT | `Config::Spirit` (a second pallet-balances instance) | governance votes and locks |
//! | MANA | `Config::Assets`, asset [`MANA_ASSET_ID`] | utility; minted to block authors |
//! | GHOST | `Config::Assets`, asset [`GHOST_ASSET_ID`] | brand; supply fixed at genesis |
//!
//! - Calls: [`Pallet::transfer`] and [`Pallet::transfer_keep_alive`] of any token, and
//!   [`Pallet::set_mana_reward`] for the reward origin.
//! - [`MultiToken`], for other pallets: balances, transfers, holds (storage deposits) and
//!   issuance in any token, and the treasury account that receives payments.
//! - Every block mints [`ManaRewardPerBlock`] MANA to its author, until the MANA issued in the
//!   current year reaches [`Config::ManaYearlyCap`].
//!
//! MANA and GHOST must exist in the assets pallet before this pallet's genesis runs (the
//! runtime's genesis creates them with their fixed ids). This pallet's genesis gives the
//! treasury account the existential deposit of each token, so that payments of any size reach
//! it.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

// Declared first: its macros pick a token's ledger in the modules below.
#[macro_use]
mod ledger;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
mod test_ledgers;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible, fungibles,
			tokens::{Preservation, Provenance},
			FindAuthor,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use ghostchain_primitives::{tokens::TokenKind, AssetId, Balance};
	use sp_runtime::{
		traits::{AccountIdConversion, CheckedDiv, Saturating, Zero},
		SaturatedConversion,
	};

	use super::*;
	use crate::ledger::Mana;

	/// The version of this pallet's storage layout; a migration that changes the layout bumps
	/// it.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Why a balance is held, in every token (the runtime's hold reasons).
		type RuntimeHoldReason: Parameter + Member + MaxEncodedLen + Copy;

		/// The GCC ledger.
		type Gcc: fungible::Mutate<Self::AccountId, Balance = Balance>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The SPIRIT ledger.
		type Spirit: fungible::Mutate<Self::AccountId, Balance = Balance>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The ledger of MANA and GHOST (and of any other asset, which this pallet ignores).
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = AssetId, Balance = Balance>;

		/// Holds on MANA and GHOST. Its balances must be those of [`Config::Assets`].
		type AssetHolds: fungibles::MutateHold<
			Self::AccountId,
			AssetId = AssetId,
			Balance = Balance,
			Reason = Self::RuntimeHoldReason,
		>;

		/// Finds the author of the current block, who receives the MANA reward.
		type FindAuthor: FindAuthor<Self::AccountId>;

		/// May change the MANA reward per block: Root, then governance.
		type RewardOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most MANA that may be minted in one year (see [`Config::BlocksPerYear`]).
		#[pallet::constant]
		type ManaYearlyCap: Get<Balance>;

		/// The length of a reward year: year `k` is blocks `k * BlocksPerYear` up to, not
		/// including, `(k + 1) * BlocksPerYear`. Must not be zero.
		#[pallet::constant]
		type BlocksPerYear: Get<BlockNumberFor<Self>>;

		/// Derives the treasury account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		type WeightInfo: WeightInfo;

		/// Makes a block author for the reward benchmark.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// MANA minted to the author of every block. Set at genesis and by
	/// [`Config::RewardOrigin`]; never above [`Config::ManaYearlyCap`].
	#[pallet::storage]
	pub type ManaRewardPerBlock<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// MANA minted so far in the latest reward year in which any was minted.
	#[pallet::storage]
	pub type ManaIssuedThisYear<T: Config> = StorageValue<_, YearlyIssuance, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial [`ManaRewardPerBlock`].
		pub mana_reward_per_block: Balance,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.mana_reward_per_block <= T::ManaYearlyCap::get(),
				"the MANA reward per block exceeds the yearly cap"
			);
			ManaRewardPerBlock::<T>::put(self.mana_reward_per_block);
			let treasury = Pallet::<T>::treasury_account();
			for token in TokenKind::ALL {
				let minimum = dispatch_ledger!(token, ledger::minimum_balance());
				let missing = minimum.saturating_sub(Pallet::<T>::free_balance(token, &treasury));
				if !missing.is_zero() {
					dispatch_ledger!(token, ledger::mint(&treasury, missing)).unwrap_or_else(|e| {
						panic!("cannot give the treasury {}: {e:?}", token.symbol())
					});
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `amount` of `token` moved from `from` to `to`.
		Transferred { token: TokenKind, from: T::AccountId, to: T::AccountId, amount: Balance },
		/// New `amount` of `token` was minted to `to` by another pallet.
		Issued { token: TokenKind, to: T::AccountId, amount: Balance },
		/// The author of the block received `amount` MANA.
		AuthorRewarded { author: T::AccountId, amount: Balance },
		/// The MANA reward per block is now `amount`.
		ManaRewardSet { amount: Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero: nothing would move.
		ZeroAmount,
		/// The sender and the recipient are the same account.
		TransferToSelf,
		/// The sender's transferable balance of the token is less than the amount.
		InsufficientBalance,
		/// The transfer or hold would take the account below the token's existential deposit,
		/// which `transfer_keep_alive` and holds refuse; use `transfer` to empty the account.
		WouldReapSender,
		/// The recipient holds none of the token and the amount is below its existential deposit.
		BelowExistentialDeposit,
		/// The recipient's balance or the token's total issuance would overflow.
		Overflow,
		/// GHOST's supply was fixed at genesis: no more can be minted.
		FixedSupply,
		/// Minting this much would take the MANA issued this year above the yearly cap.
		ManaCapReached,
		/// A reward per block above the yearly cap could never be paid in full.
		RewardAboveCap,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::reward_block_author(now);
			T::WeightInfo::reward_block_author()
		}

		fn integrity_test() {
			assert!(!T::BlocksPerYear::get().is_zero(), "a reward year must have blocks");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Moves `amount` of `token` to `dest`. The sender's account may be emptied and removed
		/// (everything below the existential deposit is then burned).
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::transfer_weight(*token))]
		pub fn transfer(
			origin: OriginFor<T>,
			token: TokenKind,
			dest: T::AccountId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let source = ensure_signed(origin)?;
			Self::do_transfer(token, &source, &dest, amount, Preservation::Expendable)
		}

		/// Moves `amount` of `token` to `dest`, refusing to take the sender below the token's
		/// existential deposit.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::transfer_weight(*token))]
		pub fn transfer_keep_alive(
			origin: OriginFor<T>,
			token: TokenKind,
			dest: T::AccountId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let source = ensure_signed(origin)?;
			Self::do_transfer(token, &source, &dest, amount, Preservation::Preserve)
		}

		/// Sets the MANA minted to each block's author, from the next block on.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_mana_reward())]
		pub fn set_mana_reward(
			origin: OriginFor<T>,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			T::RewardOrigin::ensure_origin(origin)?;
			ensure!(amount <= T::ManaYearlyCap::get(), Error::<T>::RewardAboveCap);

			ManaRewardPerBlock::<T>::put(amount);
			Self::deposit_event(Event::ManaRewardSet { amount });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The account that receives payments to the chain, in any token. It has no key.
		pub fn treasury_account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// The balance of `token` that `who` holds and is not on hold.
		pub fn free_balance(token: TokenKind, who: &T::AccountId) -> Balance {
			dispatch_ledger!(token, ledger::free_balance(who))
		}

		/// What `who` can move of `token` with [`Pallet::transfer`]: its free balance less what
		/// locks (such as conviction votes on SPIRIT) keep.
		pub fn transferable_balance(token: TokenKind, who: &T::AccountId) -> Balance {
			dispatch_ledger!(token, ledger::transferable_balance(who))
		}

		/// The benchmarked weight of a transfer of `token`: a transfer that creates the
		/// recipient and removes the sender, which bounds `transfer_keep_alive` too.
		pub fn transfer_weight(token: TokenKind) -> Weight {
			match token {
				TokenKind::Gcc => T::WeightInfo::transfer_gcc(),
				TokenKind::Spirit => T::WeightInfo::transfer_spirit(),
				TokenKind::Mana => T::WeightInfo::transfer_mana(),
				TokenKind::Ghost => T::WeightInfo::transfer_ghost(),
			}
		}

		pub(crate) fn do_transfer(
			token: TokenKind,
			source: &T::AccountId,
			dest: &T::AccountId,
			amount: Balance,
			preservation: Preservation,
		) -> DispatchResult {
			<Self as MultiToken<T::AccountId>>::ensure_can_transfer(
				token,
				source,
				dest,
				amount,
				preservation,
			)?;

			// The checks above are the ledger's own, so it fails here only if it disagrees
			// with itself; the error then still reverts the whole call.
			dispatch_ledger!(token, ledger::transfer(source, dest, amount, preservation))?;
			Self::deposit_event(Event::Transferred {
				token,
				from: source.clone(),
				to: dest.clone(),
				amount,
			});
			Ok(())
		}

		/// The reward and this year's MANA stay within the yearly cap, and the treasury keeps
		/// the existential deposit of every token, so that payments of any size reach it.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let cap = T::ManaYearlyCap::get();
			ensure!(ManaRewardPerBlock::<T>::get() <= cap, "the MANA reward exceeds the cap");
			ensure!(ManaIssuedThisYear::<T>::get().issued <= cap, "MANA issued above the cap");
			let treasury = Self::treasury_account();
			for token in TokenKind::ALL {
				let minimum = dispatch_ledger!(token, ledger::minimum_balance());
				ensure!(
					Self::free_balance(token, &treasury) >= minimum,
					"the treasury lost its existential deposit"
				);
			}
			Ok(())
		}

		/// MANA issuance of the year that `now` falls in.
		fn mana_issuance_in_year_of(now: BlockNumberFor<T>) -> YearlyIssuance {
			// `BlocksPerYear` is never zero (`integrity_test`).
			let year =
				now.checked_div(&T::BlocksPerYear::get()).unwrap_or_default().saturated_into();
			let issuance = ManaIssuedThisYear::<T>::get();
			if issuance.year == year {
				issuance
			} else {
				YearlyIssuance { year, issued: 0 }
			}
		}

		/// Mints the block's reward to its author, cut to what this year's cap leaves. A block
		/// without a known author, or whose author cannot receive MANA, rewards nobody.
		fn reward_block_author(now: BlockNumberFor<T>) {
			let mut issuance = Self::mana_issuance_in_year_of(now);
			let room = T::ManaYearlyCap::get().saturating_sub(issuance.issued);
			let amount = ManaRewardPerBlock::<T>::get().min(room);
			if amount.is_zero() {
				return;
			}
			let digest = frame_system::Pallet::<T>::digest();
			let pre_runtime = digest.logs.iter().filter_map(|d| d.as_pre_runtime());
			let Some(author) = T::FindAuthor::find_author(pre_runtime) else { return };
			if let Err(error) =
				ledger::ensure_can_deposit::<T, Mana<T>>(&author, amount, Provenance::Minted)
			{
				log::warn!(target: LOG_TARGET, "author {author:?} cannot receive MANA: {error:?}");
				return;
			}
			if let Err(error) = ledger::mint::<T, Mana<T>>(&author, amount) {
				log::error!(target: LOG_TARGET, "minting the block reward failed: {error:?}");
				return;
			}
			issuance.issued.saturating_accrue(amount);
			ManaIssuedThisYear::<T>::put(issuance);
			Self::deposit_event(Event::AuthorRewarded { author, amount });
		}
	}

	impl<T: Config> MultiToken<T::AccountId> for Pallet<T> {
		type Reason = T::RuntimeHoldReason;

		fn treasury_account() -> T::AccountId {
			Self::treasury_account()
		}

		fn balance(token: TokenKind, who: &T::AccountId) -> Balance {
			Self::free_balance(token, who)
		}

		fn total_issuance(token: TokenKind) -> Balance {
			dispatch_ledger!(token, ledger::total_issuance())
		}

		fn ensure_can_transfer(
			token: TokenKind,
			source: &T::AccountId,
			dest: &T::AccountId,
			amount: Balance,
			preservation: Preservation,
		) -> DispatchResult {
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(source != dest, Error::<T>::TransferToSelf);
			dispatch_ledger!(token, ledger::ensure_can_withdraw(source, amount, preservation))?;
			dispatch_ledger!(token, ledger::ensure_can_deposit(dest, amount, Provenance::Extant))
		}

		fn transfer(
			token: TokenKind,
			source: &T::AccountId,
			dest: &T::AccountId,
			amount: Balance,
			preservation: Preservation,
		) -> DispatchResult {
			Self::do_transfer(token, source, dest, amount, preservation)
		}

		fn issue(token: TokenKind, to: &T::AccountId, amount: Balance) -> DispatchResult {
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(token != TokenKind::Ghost, Error::<T>::FixedSupply);
			// Only MANA is counted against a cap.
			let mana_issuance = if token == TokenKind::Mana {
				let now = frame_system::Pallet::<T>::block_number();
				let mut issuance = Self::mana_issuance_in_year_of(now);
				issuance.issued =
					issuance.issued.checked_add(amount).ok_or(Error::<T>::ManaCapReached)?;
				ensure!(issuance.issued <= T::ManaYearlyCap::get(), Error::<T>::ManaCapReached);
				Some(issuance)
			} else {
				None
			};
			dispatch_ledger!(token, ledger::ensure_can_deposit(to, amount, Provenance::Minted))?;

			// `ensure_can_deposit` is the ledger's own check for minting, so this fails only if
			// the ledger disagrees with itself; the error then still reverts the caller.
			dispatch_ledger!(token, ledger::mint(to, amount))?;
			if let Some(issuance) = mana_issuance {
				ManaIssuedThisYear::<T>::put(issuance);
			}
			Self::deposit_event(Event::Issued { token, to: to.clone(), amount });
			Ok(())
		}

		fn balance_on_hold(token: TokenKind, reason: &Self::Reason, who: &T::AccountId) -> Balance {
			dispatch_holds!(token, ledger::balance_on_hold(reason, who))
		}

		fn hold(
			token: TokenKind,
			reason: &Self::Reason,
			who: &T::AccountId,
			amount: Balance,
		) -> DispatchResult {
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			dispatch_ledger!(
				token,
				ledger::ensure_can_withdraw(who, amount, Preservation::Preserve)
			)?;
			dispatch_holds!(token, ledger::hold(reason, who, amount))
		}

		fn release(
			token: TokenKind,
			reason: &Self::Reason,
			who: &T::AccountId,
			amount: Balance,
		) -> Result<Balance, DispatchError> {
			dispatch_holds!(token, ledger::release(reason, who, amount))
		}
	}
}

/// Where this pallet logs.
const LOG_TARGET: &str = "runtime::ghost-tokens";
