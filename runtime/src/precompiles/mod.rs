//! GhostChain's `pallet-revive` precompiles: SPIRIT, MANA and GHOST as ERC-20 tokens, CNS and
//! GID as Solidity contracts, each at a fixed address that Ethereum tools call like any
//! contract. Their Solidity interfaces are in `contracts/solidity/` (docs/metamask.md).
//!
//! A fixed precompile `n` lives at `0x00000000000000000000000000000000nnnn0000`:
//!
//! | `n`      | precompile                     | interface    |
//! |----------|--------------------------------|--------------|
//! | `0x1001` | SPIRIT ([`Erc20`]`<Spirit>`)   | `IERC20.sol` |
//! | `0x1002` | MANA ([`Erc20`]`<Mana>`)       | `IERC20.sol` |
//! | `0x1003` | GHOST ([`Erc20`]`<Ghost>`)     | `IERC20.sol` |
//! | `0x2000` | [`CnsPrecompile`]              | `ICns.sol`   |
//! | `0x2001` | [`GidPrecompile`]              | `IGid.sol`   |
//!
//! An ERC-20's `n` is `0x1000` plus its token's SCALE index. pallet-revive refuses two
//! precompiles at one address at compile time. GCC is the EVM's native currency (`msg.value`,
//! `eth_getBalance`) and has no ERC-20 precompile.
//!
//! Precompiles run unmetered, so each function charges its worst-case weight before it reads
//! anything: the chain extension's storage-read weights and its measured execution allowance
//! for lookups ([`crate::chain_extension::Function::weight`]), the benchmarked weight of
//! `Tokens.transfer` for transfers, and pallet-revive's own costs for contract storage and logs.

mod cns;
mod erc20;
mod gid;

use core::num::NonZero;

use pallet_revive::{
	precompiles::{
		alloy::{primitives::Address, sol_types::Revert},
		AddressMatcher, Error, Ext, H160,
	},
	AddressMapper,
};

use crate::{AccountId, Runtime};

pub use cns::{CnsPrecompile, ICns};
pub use erc20::{Erc20, Erc20Token, Ghost, Mana, Spirit, IERC20};
pub use gid::{GidPrecompile, IGid};

/// Every GhostChain precompile, for `pallet_revive::Config::Precompiles`.
pub type GhostChainPrecompiles =
	(Erc20<Spirit>, Erc20<Mana>, Erc20<Ghost>, CnsPrecompile, GidPrecompile);

/// The matcher of the fixed precompile `n`, for `Precompile::MATCHER`: evaluated at compile
/// time there, so a zero `n` fails the build rather than a call.
const fn fixed(n: u16) -> AddressMatcher {
	AddressMatcher::Fixed(match NonZero::new(n) {
		Some(n) => n,
		None => panic!("a precompile's number is not zero"),
	})
}

/// The address of the fixed precompile `n` (see the table above): what
/// `AddressMatcher::base_address` gives for [`fixed`]`(n)`, without its zero check.
pub const fn address(n: u16) -> H160 {
	let mut bytes = [0u8; 20];
	let [high, low] = n.to_be_bytes();
	bytes[16] = high;
	bytes[17] = low;
	H160(bytes)
}

type Mapper = <Runtime as pallet_revive::Config>::AddressMapper;

/// The Ethereum address of `account`, as pallet-revive maps it.
fn evm_address(account: &AccountId) -> Address {
	Address::from(Mapper::to_address(account).0)
}

fn h160(address: &Address) -> H160 {
	H160(address.into_array())
}

/// A call that reverts with `reason`, which Solidity's `try`/`catch` and ethers show.
fn revert(reason: &str) -> Error {
	Error::Revert(Revert { reason: reason.into() })
}

/// Refuses value sent along, which no precompile function accepts and which would stay stuck at
/// its address, and delegate calls, which would run the precompile as the calling contract.
fn ensure_plain_call(env: &impl Ext) -> Result<(), Error> {
	if env.is_delegate_call() {
		return Err(revert("precompiles cannot be delegate called"));
	}
	if !env.value_transferred().is_zero() {
		return Err(revert("precompile functions are not payable"));
	}
	Ok(())
}
