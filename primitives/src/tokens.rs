//! The four GhostChain tokens: GCC (native, fees and gas), SPIRIT (governance), MANA (utility
//! and rewards) and GHOST (brand and collectibles). docs/tokens.md explains their roles.

use alloc::{format, string::String, vec::Vec};
use codec::{Codec, Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

use crate::{currency, AssetId, Balance};

/// The `pallet-assets` id of MANA.
pub const MANA_ASSET_ID: AssetId = 1;
/// The `pallet-assets` id of GHOST.
pub const GHOST_ASSET_ID: AssetId = 2;

/// Every token has GCC's 18 decimal places, like ether, so wallets show the same figures
/// everywhere.
pub const DECIMALS: u8 = currency::GCC_DECIMALS;
/// One whole token (GCC, SPIRIT, MANA or GHOST) in its smallest unit.
pub const UNIT: Balance = 10u128.pow(DECIMALS as u32);
/// The least balance an account may hold of any token, one thousandth of it as for GCC: below
/// it the holding is removed.
pub const EXISTENTIAL_DEPOSIT: Balance = currency::EXISTENTIAL_DEPOSIT;

/// One of the four tokens. The SCALE index of each variant is fixed: it is part of every
/// encoded transfer, event and storage key that names a token.
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
	Serialize,
	Deserialize,
)]
pub enum TokenKind {
	/// GCC, the native token: fees, EVM gas, the existential deposit of an account.
	#[codec(index = 0)]
	Gcc,
	/// SPIRIT: governance votes and locks.
	#[codec(index = 1)]
	Spirit,
	/// MANA: utility and rewards, minted to block authors.
	#[codec(index = 2)]
	Mana,
	/// GHOST: brand and collectibles, with a supply fixed at genesis.
	#[codec(index = 3)]
	Ghost,
}

impl TokenKind {
	/// All four tokens, in the order of their SCALE index.
	pub const ALL: [TokenKind; 4] =
		[TokenKind::Gcc, TokenKind::Spirit, TokenKind::Mana, TokenKind::Ghost];

	/// The ticker wallets show.
	pub const fn symbol(self) -> &'static str {
		match self {
			TokenKind::Gcc => currency::GCC_SYMBOL,
			TokenKind::Spirit => "SPIRIT",
			TokenKind::Mana => "MANA",
			TokenKind::Ghost => "GHOST",
		}
	}

	/// The full name, as asset metadata holds it.
	pub const fn name(self) -> &'static str {
		match self {
			TokenKind::Gcc => "GhostChain Coin",
			TokenKind::Spirit => "Spirit",
			TokenKind::Mana => "Mana",
			TokenKind::Ghost => "Ghost",
		}
	}

	/// Decimal places: the same for all four, see [`DECIMALS`].
	pub const fn decimals(self) -> u8 {
		DECIMALS
	}

	/// The `pallet-assets` id, for the two tokens that are assets.
	pub const fn asset_id(self) -> Option<AssetId> {
		match self {
			TokenKind::Gcc | TokenKind::Spirit => None,
			TokenKind::Mana => Some(MANA_ASSET_ID),
			TokenKind::Ghost => Some(GHOST_ASSET_ID),
		}
	}
}

/// `amount` smallest units as a decimal number of whole tokens with `decimals` places, without
/// trailing zeros: `1_500_000_000_000_000_000` with 18 decimals is `"1.5"`, one whole token is
/// `"1"`.
pub fn format_amount(amount: Balance, decimals: u8) -> String {
	// With more decimals than a u128 has digits, no amount reaches one whole token.
	let (whole, fraction) = match 10u128.checked_pow(decimals.into()) {
		Some(unit) => (amount.checked_div(unit), amount.checked_rem(unit)),
		None => (Some(0), Some(amount)),
	};
	let (whole, fraction) = (whole.unwrap_or_default(), fraction.unwrap_or_default());
	if fraction == 0 {
		return format!("{whole}");
	}
	let digits = format!("{fraction:0width$}", width = usize::from(decimals));
	format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// One account's holding of one token, in the token's smallest unit.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct TokenBalance {
	pub token: TokenKind,
	/// Not held: what transfers, fees and freezes work with.
	pub free: Balance,
	/// Held (reserved) for deposits; it still belongs to the account.
	pub held: Balance,
	/// The largest lock or freeze on the account; it may overlap `held`.
	pub frozen: Balance,
}

sp_api::decl_runtime_apis! {
	/// Balances of all four tokens in one call, for wallets and the node's `tokens_balances` RPC.
	pub trait TokensApi<AccountId> where AccountId: Codec {
		/// The account's holding of each token, in the order of [`TokenKind::ALL`].
		fn balances(account: AccountId) -> Vec<TokenBalance>;
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn token_encodings_are_stable() {
		let encoded: Vec<Vec<u8>> = TokenKind::ALL.iter().map(Encode::encode).collect();
		assert_eq!(encoded, [[0u8], [1], [2], [3]]);
		assert_eq!(serde_json::to_string(&TokenKind::Mana).unwrap(), "\"Mana\"");
		assert_eq!(serde_json::from_str::<TokenKind>("\"Ghost\"").unwrap(), TokenKind::Ghost);
	}

	#[test]
	fn amounts_are_formatted_in_whole_tokens() {
		assert_eq!(format_amount(0, DECIMALS), "0");
		assert_eq!(format_amount(UNIT, DECIMALS), "1");
		assert_eq!(format_amount(UNIT * 3 / 2, DECIMALS), "1.5");
		assert_eq!(format_amount(EXISTENTIAL_DEPOSIT, DECIMALS), "0.001");
		assert_eq!(format_amount(1, DECIMALS), "0.000000000000000001");
		assert_eq!(format_amount(u128::MAX, DECIMALS), "340282366920938463463.374607431768211455");
		assert_eq!(format_amount(1234, 0), "1234");
	}

	#[test]
	fn only_mana_and_ghost_are_assets_with_distinct_ids() {
		let ids: Vec<_> = TokenKind::ALL.iter().map(|t| t.asset_id()).collect();
		assert_eq!(ids, [None, None, Some(MANA_ASSET_ID), Some(GHOST_ASSET_ID)]);
		assert_ne!(MANA_ASSET_ID, GHOST_ASSET_ID);
	}
}
