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
}

/// Sets up what the benchmarks cannot make generically.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes the current block one whose author [`crate::Config::FindAuthor`] finds, and
	/// returns that author.
	fn make_block_author() -> AccountId;
}
