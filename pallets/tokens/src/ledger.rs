//! Each token's ledger seen through the `fungible` traits, and the macros that pick the ledger
//! of a [`TokenKind`](ghostchain_primitives::tokens::TokenKind) at run time.

use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::{
		fungible::{Inspect, ItemOf, Mutate, MutateHold},
		tokens::{DepositConsequence, Fortitude, Precision, Preservation, Provenance},
		ConstU32,
	},
};
use ghostchain_primitives::{
	tokens::{GHOST_ASSET_ID, MANA_ASSET_ID},
	Balance,
};

use crate::{Config, Error};

type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

/// MANA, as a single-asset view of [`Config::Assets`].
pub(crate) type Mana<T> = ItemOf<<T as Config>::Assets, ConstU32<MANA_ASSET_ID>, AccountIdOf<T>>;
/// GHOST, as a single-asset view of [`Config::Assets`].
pub(crate) type Ghost<T> = ItemOf<<T as Config>::Assets, ConstU32<GHOST_ASSET_ID>, AccountIdOf<T>>;
/// Holds on MANA.
pub(crate) type ManaHolds<T> =
	ItemOf<<T as Config>::AssetHolds, ConstU32<MANA_ASSET_ID>, AccountIdOf<T>>;
/// Holds on GHOST.
pub(crate) type GhostHolds<T> =
	ItemOf<<T as Config>::AssetHolds, ConstU32<GHOST_ASSET_ID>, AccountIdOf<T>>;

/// Calls `ledger::$function::<T, X>(args)`, where `X` is the one of the four types given for
/// GCC, SPIRIT, MANA and GHOST that matches `$token`.
macro_rules! dispatch_by_token {
	($token:expr, [$gcc:ty, $spirit:ty, $mana:ty, $ghost:ty], $function:ident($($argument:expr),*)) => {
		match $token {
			ghostchain_primitives::tokens::TokenKind::Gcc =>
				$crate::ledger::$function::<T, $gcc>($($argument),*),
			ghostchain_primitives::tokens::TokenKind::Spirit =>
				$crate::ledger::$function::<T, $spirit>($($argument),*),
			ghostchain_primitives::tokens::TokenKind::Mana =>
				$crate::ledger::$function::<T, $mana>($($argument),*),
			ghostchain_primitives::tokens::TokenKind::Ghost =>
				$crate::ledger::$function::<T, $ghost>($($argument),*),
		}
	};
}

/// Calls `ledger::$function::<T, Ledger>(args)` with the ledger of `$token`.
macro_rules! dispatch_ledger {
	($token:expr, ledger::$function:ident($($argument:expr),*)) => {
		dispatch_by_token!(
			$token,
			[T::Gcc, T::Spirit, $crate::ledger::Mana<T>, $crate::ledger::Ghost<T>],
			$function($($argument),*)
		)
	};
}

/// Calls `ledger::$function::<T, Holds>(args)` with the holds of `$token`.
macro_rules! dispatch_holds {
	($token:expr, ledger::$function:ident($($argument:expr),*)) => {
		dispatch_by_token!(
			$token,
			[T::Gcc, T::Spirit, $crate::ledger::ManaHolds<T>, $crate::ledger::GhostHolds<T>],
			$function($($argument),*)
		)
	};
}

pub(crate) fn minimum_balance<T: Config, L: Inspect<AccountIdOf<T>, Balance = Balance>>() -> Balance
{
	L::minimum_balance()
}

pub(crate) fn total_issuance<T: Config, L: Inspect<AccountIdOf<T>, Balance = Balance>>() -> Balance
{
	L::total_issuance()
}

pub(crate) fn free_balance<T: Config, L: Inspect<AccountIdOf<T>, Balance = Balance>>(
	who: &AccountIdOf<T>,
) -> Balance {
	L::balance(who)
}

/// What `who` can move with `transfer`: its balance less holds and locks.
pub(crate) fn transferable_balance<T: Config, L: Inspect<AccountIdOf<T>, Balance = Balance>>(
	who: &AccountIdOf<T>,
) -> Balance {
	L::reducible_balance(who, Preservation::Expendable, Fortitude::Polite)
}

/// Refuses, with this pallet's error, an `amount` that `who` cannot spend: more than its
/// transferable balance, or (with `Preserve`) so much that the account would be removed.
pub(crate) fn ensure_can_withdraw<T: Config, L: Inspect<AccountIdOf<T>, Balance = Balance>>(
	who: &AccountIdOf<T>,
	amount: Balance,
	preservation: Preservation,
) -> DispatchResult {
	ensure!(amount <= transferable_balance::<T, L>(who), Error::<T>::InsufficientBalance);
	if preservation != Preservation::Expendable {
		let keeping_alive = L::reducible_balance(who, preservation, Fortitude::Polite);
		ensure!(amount <= keeping_alive, Error::<T>::WouldReapSender);
	}
	Ok(())
}

/// Refuses, with this pallet's error where there is one, an `amount` that `who` cannot receive.
pub(crate) fn ensure_can_deposit<T: Config, L: Inspect<AccountIdOf<T>, Balance = Balance>>(
	who: &AccountIdOf<T>,
	amount: Balance,
	provenance: Provenance,
) -> DispatchResult {
	match L::can_deposit(who, amount, provenance) {
		DepositConsequence::BelowMinimum => Err(Error::<T>::BelowExistentialDeposit.into()),
		DepositConsequence::Overflow => Err(Error::<T>::Overflow.into()),
		consequence => consequence.into_result(),
	}
}

pub(crate) fn transfer<T: Config, L: Mutate<AccountIdOf<T>, Balance = Balance>>(
	source: &AccountIdOf<T>,
	dest: &AccountIdOf<T>,
	amount: Balance,
	preservation: Preservation,
) -> DispatchResult {
	L::transfer(source, dest, amount, preservation).map(drop)
}

pub(crate) fn mint<T: Config, L: Mutate<AccountIdOf<T>, Balance = Balance>>(
	who: &AccountIdOf<T>,
	amount: Balance,
) -> DispatchResult {
	L::mint_into(who, amount).map(drop)
}

pub(crate) fn balance_on_hold<T: Config, H>(
	reason: &T::RuntimeHoldReason,
	who: &AccountIdOf<T>,
) -> Balance
where
	H: MutateHold<AccountIdOf<T>, Balance = Balance, Reason = T::RuntimeHoldReason>,
{
	H::balance_on_hold(reason, who)
}

pub(crate) fn hold<T: Config, H>(
	reason: &T::RuntimeHoldReason,
	who: &AccountIdOf<T>,
	amount: Balance,
) -> DispatchResult
where
	H: MutateHold<AccountIdOf<T>, Balance = Balance, Reason = T::RuntimeHoldReason>,
{
	H::hold(reason, who, amount)
}

/// Releases exactly `amount`, or nothing if less is on hold for `reason`.
pub(crate) fn release<T: Config, H>(
	reason: &T::RuntimeHoldReason,
	who: &AccountIdOf<T>,
	amount: Balance,
) -> Result<Balance, DispatchError>
where
	H: MutateHold<AccountIdOf<T>, Balance = Balance, Reason = T::RuntimeHoldReason>,
{
	H::release(reason, who, amount, Precision::Exact)
}
