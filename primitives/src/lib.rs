//! Types and constants shared by the GhostChain runtime, node and pallets.
//!
//! Everything here is part of the chain's public interface: changing a type changes the
//! encoding that wallets, indexers and the node agree on.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod cns;
pub mod gid;
pub mod l2;
mod testing;
pub mod tokens;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// A transaction signature: sr25519, ed25519 or ecdsa, chosen by the signer.
pub type Signature = MultiSignature;

/// An account on chain: the 32-byte public key (or its hash, for ecdsa) behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// An amount of any GhostChain token, in its smallest unit.
pub type Balance = u128;

/// The id of a `pallet-assets` asset. MANA and GHOST have fixed ids: see [`tokens`].
pub type AssetId = u32;

/// A block height.
pub type BlockNumber = u32;

/// The number of transactions an account has sent.
pub type Nonce = u32;

/// The hash of a block, an extrinsic or a storage trie node.
pub type Hash = sp_core::H256;

/// Milliseconds since the Unix epoch.
pub type Moment = u64;

/// GCC, the native token: it pays fees and is the existential deposit.
pub mod currency {
	use super::Balance;

	/// Ticker shown by wallets (the `tokenSymbol` system property).
	pub const GCC_SYMBOL: &str = "GCC";
	/// Decimal places shown by wallets. 18, like ether, so MetaMask shows the same number.
	pub const GCC_DECIMALS: u8 = 18;

	/// One GCC in its smallest unit (10^18).
	pub const GCC: Balance = 10u128.pow(GCC_DECIMALS as u32);
	/// One thousandth of a GCC.
	pub const MILLI_GCC: Balance = GCC / 1_000;
	/// One millionth of a GCC.
	pub const MICRO_GCC: Balance = MILLI_GCC / 1_000;

	/// The least balance an account may hold: below it the account is reaped.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_GCC;
}

/// Block time and the durations derived from it.
pub mod time {
	use super::{BlockNumber, Moment};

	/// The Aura slot, and so the target block time. It cannot change once the chain has started.
	/// 4 s rather than Polkadot's 6 s: a block's 2 s of compute holds about 4,400 transfers
	/// (pallet-revive's memory bound caps it near 4,550), so 1,000 transfers a second needs a
	/// block at least every 4.5 s (docs/benchmarks.md).
	pub const MILLISECS_PER_BLOCK: Moment = 4_000;
	/// The Aura slot duration.
	pub const SLOT_DURATION: Moment = MILLISECS_PER_BLOCK;

	/// Blocks in one minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	/// Blocks in one hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks in one day.
	pub const DAYS: BlockNumber = HOURS * 24;
	/// Blocks in a year of 365.25 days.
	pub const YEARS: BlockNumber = DAYS * 365 + DAYS / 4;
}

/// Constants that identify the chain to wallets and other nodes.
pub mod chain {
	/// SS58 address prefix. 4242 is not registered to any chain in the SS58 registry (checked
	/// against ss58-registry 1.51.0), so GhostChain addresses cannot be mistaken for another
	/// network's.
	pub const SS58_PREFIX: u16 = 4242;

	/// EIP-155 chain id of the EVM, which Ethereum wallets sign into every transaction.
	/// 44678 spells GHOST on a phone keypad and is not in the ethereum-lists/chains registry, so
	/// MetaMask cannot confuse GhostChain with another network.
	pub const EVM_CHAIN_ID: u64 = 44_678;
}

#[cfg(test)]
mod tests {
	use super::currency::*;

	#[test]
	fn one_gcc_has_eighteen_decimals() {
		assert_eq!(GCC, 1_000_000_000_000_000_000);
		assert_eq!(MICRO_GCC * 1_000_000, GCC);
	}
}
