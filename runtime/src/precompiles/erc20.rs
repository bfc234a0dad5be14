//! SPIRIT, MANA and GHOST as ERC-20 tokens (`contracts/solidity/IERC20.sol`).
//!
//! Balances and transfers are `pallet-ghost-tokens`' own: `transfer` and `transferFrom` call
//! the same [`MultiToken::transfer`] as `Tokens.transfer`, so existential deposits, holds and
//! locks (SPIRIT's conviction votes) apply alike, and each transfer also emits
//! `Tokens.Transferred`. Allowances live in the precompile's own contract storage, so
//! pallet-revive meters them and takes their storage deposit from the transaction's signer, as
//! it does for a Solidity ERC-20. Nothing here can mint: GHOST's supply stays what genesis made
//! it.

use alloc::{string::String, vec::Vec};
use core::marker::PhantomData;

use frame_support::{traits::tokens::Preservation, weights::Weight};
use ghostchain_primitives::tokens::TokenKind;
use pallet_ghost_tokens::MultiToken;
use pallet_revive::{
	precompiles::{
		alloy::{
			primitives::U256,
			sol,
			sol_types::{SolCall, SolEvent},
		},
		AddressMatcher, Error, ExtWithInfo, Precompile, RuntimeCosts, StorageOp, H160, H256,
	},
	AddressMapper, Key,
};
use sp_runtime::DispatchError;

use super::{ensure_plain_call, fixed, h160, revert, Mapper};
use crate::{
	chain_extension::{reads, Function, EXECUTION_ALLOWANCE},
	configs::tokens::SpiritInstance,
	AccountId, Balance, Runtime, Tokens,
};

sol!("../contracts/solidity/IERC20.sol");

use IERC20::IERC20Calls;

/// A token with an ERC-20 precompile.
pub trait Erc20Token {
	const TOKEN: TokenKind;
	/// The precompile's `n`: `0x1000` plus the token's SCALE index.
	const PRECOMPILE: u16;
}

/// SPIRIT, at precompile `0x1001`.
pub struct Spirit;
/// MANA, at precompile `0x1002`.
pub struct Mana;
/// GHOST, at precompile `0x1003`.
pub struct Ghost;

impl Erc20Token for Spirit {
	const TOKEN: TokenKind = TokenKind::Spirit;
	const PRECOMPILE: u16 = 0x1001;
}
impl Erc20Token for Mana {
	const TOKEN: TokenKind = TokenKind::Mana;
	const PRECOMPILE: u16 = 0x1002;
}
impl Erc20Token for Ghost {
	const TOKEN: TokenKind = TokenKind::Ghost;
	const PRECOMPILE: u16 = 0x1003;
}

/// The ERC-20 precompile of `Token`, at [`Erc20Token::PRECOMPILE`].
pub struct Erc20<Token>(PhantomData<Token>);

/// An allowance is one 32-byte word, like a Solidity `uint256`.
const ALLOWANCE_BYTES: u32 = 32;

/// An allowance that transfers never spend down, as OpenZeppelin's ERC-20 treats it.
const UNLIMITED: U256 = U256::MAX;

impl<Token: Erc20Token> Precompile for Erc20<Token> {
	type T = Runtime;
	type Interface = IERC20Calls;
	const MATCHER: AddressMatcher = fixed(Token::PRECOMPILE);
	/// For the contract storage that keeps allowances.
	const HAS_CONTRACT_INFO: bool = true;

	fn call_with_info(
		_address: &[u8; 20],
		input: &Self::Interface,
		env: &mut impl ExtWithInfo<T = Runtime>,
	) -> Result<Vec<u8>, Error> {
		ensure_plain_call(&*env)?;
		let token = Token::TOKEN;
		match input {
			IERC20Calls::name(_) => {
				env.charge(EXECUTION_ALLOWANCE)?;
				Ok(IERC20::nameCall::abi_encode_returns(&String::from(token.name())))
			},
			IERC20Calls::symbol(_) => {
				env.charge(EXECUTION_ALLOWANCE)?;
				Ok(IERC20::symbolCall::abi_encode_returns(&String::from(token.symbol())))
			},
			IERC20Calls::decimals(_) => {
				env.charge(EXECUTION_ALLOWANCE)?;
				Ok(IERC20::decimalsCall::abi_encode_returns(&token.decimals()))
			},
			IERC20Calls::totalSupply(_) => {
				env.charge(total_supply_weight())?;
				let supply = <Tokens as MultiToken<AccountId>>::total_issuance(token);
				Ok(IERC20::totalSupplyCall::abi_encode_returns(&U256::from(supply)))
			},
			IERC20Calls::balanceOf(IERC20::balanceOfCall { account }) => {
				env.frame_meter_mut().charge_weight_token(RuntimeCosts::ToAccountId)?;
				env.charge(Function::TokenBalance.weight())?;
				let who = env.to_account_id(&h160(account));
				let balance = <Tokens as MultiToken<AccountId>>::balance(token, &who);
				Ok(IERC20::balanceOfCall::abi_encode_returns(&U256::from(balance)))
			},
			IERC20Calls::allowance(IERC20::allowanceCall { owner, spender }) => {
				let key = allowance_key(&h160(owner), &h160(spender));
				let allowance = read_allowance(env, &key)?;
				Ok(IERC20::allowanceCall::abi_encode_returns(&allowance))
			},
			IERC20Calls::transfer(IERC20::transferCall { to, value }) => {
				ensure_writable(&*env)?;
				let from = caller_address(&*env)?;
				transfer(env, token, from, h160(to), *value)?;
				Ok(IERC20::transferCall::abi_encode_returns(&true))
			},
			IERC20Calls::approve(IERC20::approveCall { spender, value }) => {
				ensure_writable(&*env)?;
				let owner = caller_address(&*env)?;
				let spender = h160(spender);
				write_allowance(env, &allowance_key(&owner, &spender), *value)?;
				deposit_log(
					env,
					IERC20::Approval {
						owner: owner.0.into(),
						spender: spender.0.into(),
						value: *value,
					},
				)?;
				Ok(IERC20::approveCall::abi_encode_returns(&true))
			},
			IERC20Calls::transferFrom(IERC20::transferFromCall { from, to, value }) => {
				ensure_writable(&*env)?;
				let spender = caller_address(&*env)?;
				let from = h160(from);
				let key = allowance_key(&from, &spender);
				let allowance = read_allowance(env, &key)?;
				if allowance < *value {
					return Err(revert("ERC20: insufficient allowance"));
				}
				transfer(env, token, from, h160(to), *value)?;
				if allowance != UNLIMITED {
					write_allowance(env, &key, allowance.saturating_sub(*value))?;
				}
				Ok(IERC20::transferFromCall::abi_encode_returns(&true))
			},
		}
	}
}

/// The address of the account that called the precompile: the signer of an Ethereum
/// transaction, a mapped Substrate account, or a contract. Root holds no tokens.
fn caller_address(env: &impl ExtWithInfo<T = Runtime>) -> Result<H160, Error> {
	let caller = env.caller();
	let account = caller.account_id().map_err(|_| revert("ERC20: Root holds no tokens"))?;
	Ok(Mapper::to_address(account))
}

/// Refuses a state change in a static call, as the EVM refuses `SSTORE` there.
fn ensure_writable(env: &impl ExtWithInfo<T = Runtime>) -> Result<(), Error> {
	if env.is_read_only() {
		return Err(Error::Error(
			DispatchError::from(pallet_revive::Error::<Runtime>::StateChangeDenied).into(),
		));
	}
	Ok(())
}

/// A read of the total issuance of any of the three tokens: pallet-balances' or the asset's.
fn total_supply_weight() -> Weight {
	reads::<pallet_balances::TotalIssuance<Runtime, SpiritInstance>>()
		.max(reads::<pallet_assets::Asset<Runtime>>())
		.saturating_add(EXECUTION_ALLOWANCE)
}

/// Moves `value` of `token` from `from` to `to` by the rules of `Tokens.transfer`, and logs it.
/// Zero and self transfers move nothing, but succeed and log when `from` could pay, as ERC-20
/// requires (`Tokens.transfer` refuses both).
fn transfer(
	env: &mut impl ExtWithInfo<T = Runtime>,
	token: TokenKind,
	from: H160,
	to: H160,
	value: U256,
) -> Result<(), Error> {
	let account_lookup = RuntimeCosts::ToAccountId;
	env.frame_meter_mut().charge_weight_token(account_lookup)?;
	env.frame_meter_mut().charge_weight_token(account_lookup)?;
	env.charge(Tokens::transfer_weight(token))?;
	let source = env.to_account_id(&from);
	let dest = env.to_account_id(&to);
	let amount = Balance::try_from(value).map_err(|_| revert(EXCEEDS_BALANCE))?;
	if amount == 0 || source == dest {
		if amount > Tokens::transferable_balance(token, &source) {
			return Err(revert(EXCEEDS_BALANCE));
		}
	} else {
		<Tokens as MultiToken<AccountId>>::transfer(
			token,
			&source,
			&dest,
			amount,
			Preservation::Expendable,
		)
		.map_err(transfer_error)?;
	}
	deposit_log(env, IERC20::Transfer { from: from.0.into(), to: to.0.into(), value })
}

const EXCEEDS_BALANCE: &str = "ERC20: transfer amount exceeds balance";

/// The revert reason for a transfer that the ledger refused.
fn transfer_error(error: DispatchError) -> Error {
	use pallet_ghost_tokens::Error as TokensError;
	let reason = if error == TokensError::<Runtime>::InsufficientBalance.into() {
		EXCEEDS_BALANCE
	} else if error == TokensError::<Runtime>::BelowExistentialDeposit.into() {
		"ERC20: amount below the existential deposit"
	} else if error == TokensError::<Runtime>::Overflow.into() {
		"ERC20: the recipient's balance would overflow"
	} else {
		"ERC20: the ledger refused the transfer"
	};
	revert(reason)
}

/// Where the allowance of `spender` over `owner`'s tokens is kept: like a Solidity nested
/// mapping, one hashed slot per pair.
fn allowance_key(owner: &H160, spender: &H160) -> Key {
	Key::Fix(pallet_revive::keccak_256(&[owner.0, spender.0].concat()))
}

fn read_allowance(env: &mut impl ExtWithInfo<T = Runtime>, key: &Key) -> Result<U256, Error> {
	let kind = env.touch_storage_access(false, key, StorageOp::Read);
	env.frame_meter_mut()
		.charge_weight_token(RuntimeCosts::GetStorage { len: ALLOWANCE_BYTES, kind })?;
	let word = env.get_storage(key);
	Ok(word.and_then(|word| U256::try_from_be_slice(&word)).unwrap_or(U256::ZERO))
}

/// Stores `value`, or clears the slot (returning its deposit) when `value` is zero.
fn write_allowance(
	env: &mut impl ExtWithInfo<T = Runtime>,
	key: &Key,
	value: U256,
) -> Result<(), Error> {
	let kind = env.touch_storage_access(false, key, StorageOp::Write);
	env.frame_meter_mut().charge_weight_token(RuntimeCosts::SetStorage {
		new_bytes: ALLOWANCE_BYTES,
		old_bytes: ALLOWANCE_BYTES,
		kind,
	})?;
	let word = (!value.is_zero()).then(|| value.to_be_bytes::<32>().to_vec());
	env.set_storage(key, word, false)?;
	Ok(())
}

/// Emits `event` as an Ethereum log of the precompile, charging what pallet-revive charges a
/// contract for it.
fn deposit_log(env: &mut impl ExtWithInfo<T = Runtime>, event: impl SolEvent) -> Result<(), Error> {
	let (topics, data) = event.encode_log_data().split();
	env.frame_meter_mut().charge_weight_token(RuntimeCosts::DepositEvent {
		num_topic: topics.len() as u32,
		len: data.len() as u32,
	})?;
	env.deposit_event(topics.into_iter().map(|topic| H256(topic.0)).collect(), data.to_vec());
	Ok(())
}
