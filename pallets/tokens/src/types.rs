//! The pallet's domain types and the [`MultiToken`] trait it offers other pallets.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::DispatchResult, traits::tokens::Preservation};
use ghostchain_primitives::{tokens::TokenKind, Balance};
use scale_info::TypeInfo;
use sp_runtime::DispatchError;

/// The MANA minted in one reward year.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct YearlyIssuance {
	/// The year since genesis: block number divided by the blocks in a year.
	pub year: u32,
	/// MANA minted in that year, never above the yearly cap.
	pub issued: Balance,
}

/// A storage deposit held for data kept on chain, and the account it is returned to.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Deposit<AccountId> {
	pub depositor: AccountId,
	pub amount: Balance,
}

/// Any of the four tokens, for other pallets: CNS charges name fees through it, and pallets
/// that keep data on chain hold storage deposits with it. Refusals carry this pallet's errors
/// (`Error::InsufficientBalance`, `Error::WouldReapSender`, ...) and change nothing.
pub trait MultiToken<AccountId> {
	/// Why a balance is held.
	type Reason;

	/// The account that receives payments to the chain, in any token.
	fn treasury_account() -> AccountId;

	/// What `who` holds of `token`, not counting what is on hold.
	fn balance(token: TokenKind, who: &AccountId) -> Balance;

	/// All of `token` in existence.
	fn total_issuance(token: TokenKind) -> Balance;

	/// Refuses, with the error [`MultiToken::transfer`] would give, a transfer that it would
	/// refuse; changes nothing either way. Lets a caller check a payment before its other
	/// writes.
	fn ensure_can_transfer(
		token: TokenKind,
		source: &AccountId,
		dest: &AccountId,
		amount: Balance,
		preservation: Preservation,
	) -> DispatchResult;

	/// Moves `amount` of `token`; `preservation` says whether `source` may be emptied.
	fn transfer(
		token: TokenKind,
		source: &AccountId,
		dest: &AccountId,
		amount: Balance,
		preservation: Preservation,
	) -> DispatchResult;

	/// Mints `amount` of `token` to `to`. MANA counts against the yearly cap; GHOST is refused.
	fn issue(token: TokenKind, to: &AccountId, amount: Balance) -> DispatchResult;

	/// What `who` has on hold in `token` for `reason`.
	fn balance_on_hold(token: TokenKind, reason: &Self::Reason, who: &AccountId) -> Balance;

	/// Puts `amount` of `who`'s `token` on hold for `reason` (a deposit); the account must keep
	/// its existential deposit besides.
	fn hold(
		token: TokenKind,
		reason: &Self::Reason,
		who: &AccountId,
		amount: Balance,
	) -> DispatchResult;

	/// Releases exactly `amount` held for `reason`, or fails if less is held.
	fn release(
		token: TokenKind,
		reason: &Self::Reason,
		who: &AccountId,
		amount: Balance,
	) -> Result<Balance, DispatchError>;

	/// Holds a GCC storage deposit of `amount` from `who`; nothing for a zero amount.
	fn hold_deposit(reason: &Self::Reason, who: &AccountId, amount: Balance) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		Self::hold(TokenKind::Gcc, reason, who, amount)
	}

	/// Returns `deposit` to its depositor.
	fn release_deposit(reason: &Self::Reason, deposit: &Deposit<AccountId>) -> DispatchResult {
		if deposit.amount == 0 {
			return Ok(());
		}
		Self::release(TokenKind::Gcc, reason, &deposit.depositor, deposit.amount).map(|_| ())
	}

	/// Makes `deposit` `required`, held from `payer`: the difference if `payer` holds it
	/// already, otherwise all of it, and the old deposit is returned to its depositor. On
	/// failure nothing has changed: both holds are as they were.
	fn adjust_deposit(
		reason: &Self::Reason,
		deposit: &Deposit<AccountId>,
		payer: &AccountId,
		required: Balance,
	) -> Result<Deposit<AccountId>, DispatchError>
	where
		AccountId: PartialEq + Clone,
	{
		if deposit.depositor == *payer {
			// One hold or one release: each changes nothing when it fails.
			match required.checked_sub(deposit.amount) {
				Some(more) => Self::hold_deposit(reason, payer, more)?,
				None => {
					let excess = deposit.amount.saturating_sub(required);
					Self::release_deposit(
						reason,
						&Deposit { depositor: payer.clone(), amount: excess },
					)?
				},
			}
		} else {
			// The new hold first, as it is the step that fails for want of funds; the layer
			// undoes it should the release fail.
			frame_support::storage::with_storage_layer(|| {
				Self::hold_deposit(reason, payer, required)?;
				Self::release_deposit(reason, deposit)
			})?;
		}
		Ok(Deposit { depositor: payer.clone(), amount: required })
	}
}

/// Whether every account in `deposits` (depositor, amount pairs; an account may recur) has
/// exactly the sum of its amounts on hold in GCC for `reason`: the `try_state` check of a
/// pallet that keeps deposits with [`MultiToken::hold_deposit`].
pub fn deposits_match_holds<AccountId: Ord, Tokens: MultiToken<AccountId>>(
	reason: &Tokens::Reason,
	deposits: impl IntoIterator<Item = (AccountId, Balance)>,
) -> bool {
	let mut totals = alloc::collections::BTreeMap::<AccountId, Balance>::new();
	for (depositor, amount) in deposits {
		let total = totals.entry(depositor).or_default();
		*total = total.saturating_add(amount);
	}
	totals.iter().all(|(depositor, total)| {
		Tokens::balance_on_hold(TokenKind::Gcc, reason, depositor) == *total
	})
}

/// Sets up what the benchmarks cannot make generically.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes the current block one whose author [`crate::Config::FindAuthor`] finds, and
	/// returns that author.
	fn make_block_author() -> AccountId;
}
