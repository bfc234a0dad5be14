//! GhostChain's chain extension: what WASM contracts (`pallet-contracts`) may ask of CNS, GID
//! and the four tokens, natively.
//!
//! A contract calls `seal_call_chain_extension(id, input, output)` (ink!:
//! `#[ink::chain_extension(extension = 0x4743)]`) with `id = (EXTENSION_ID << 16) | function`.
//! Input and output are SCALE-encoded; the call returns `0` on success, with the output written,
//! or an [`ErrorCode`], with nothing written. Every function charges its worst-case weight
//! before it reads its input (see [`Function::weight`]).
//!
//! | function           | id       | input                                   | output          |
//! |--------------------|----------|-----------------------------------------|-----------------|
//! | `cns_owner`        | `0x0001` | name: `Vec<u8>`                         | `AccountId`     |
//! | `cns_gcc_address`  | `0x0002` | name: `Vec<u8>`                         | `[u8; 20]`      |
//! | `cns_reverse`      | `0x0003` | account: `AccountId`                    | name: `Vec<u8>` |
//! | `gid_is_active`    | `0x0010` | DID subject: `AccountId`                | `bool`          |
//! | `gid_controller`   | `0x0011` | DID subject: `AccountId`                | `AccountId`     |
//! | `token_balance`    | `0x0020` | `(TokenKind, AccountId)`                | `Balance` (u128)|
//! | `token_transfer`   | `0x0021` | `(TokenKind, to: AccountId, Balance)`   | nothing         |
//!
//! `token_transfer` moves the calling contract's own tokens, never its caller's, and never
//! removes the contract's account (`transfer_keep_alive`'s rules). An unknown extension or
//! function id traps, as does a transfer in a read-only call: both are bugs in the contract,
//! not bad input.

use alloc::vec::Vec;
use codec::{DecodeAll, Encode};
use frame_support::{
	traits::{tokens::Preservation, StorageInfoTrait},
	weights::Weight,
};
use ghostchain_primitives::{
	cns::{parse_name, NameError, GCC_COIN_TYPE, MAX_NAME_LENGTH},
	tokens::TokenKind,
};
use pallet_cns::NameRegistry;
use pallet_contracts::chain_extension::{
	BufInBufOutState, ChainExtension, Environment, Ext, InitState, RegisteredChainExtension,
	Result, RetVal,
};
use pallet_ghost_tokens::MultiToken;
use sp_runtime::DispatchError;

use crate::{AccountId, Balance, Cns, Runtime, Tokens};

/// The extension's id, the upper half of a function id: `"GC"` in ASCII.
pub const EXTENSION_ID: u16 = 0x4743;

/// Time allowed for what a function does besides its storage reads: decoding and checking its
/// input, and encoding its output. Set so that a CNS lookup's charge (42.8 µs) covers the 27–42 µs
/// that `scripts/bench-chain-extension.mjs` measured for it end to end (docs/benchmarks.md).
pub(crate) const EXECUTION_ALLOWANCE: Weight = Weight::from_parts(32_000_000, 0);

/// The longest SCALE-encoded name: a two-byte compact length, then the bytes.
const MAX_NAME_INPUT: u32 = MAX_NAME_LENGTH as u32 + 2;

/// Why a function refused its input; the contract gets the code as the call's return value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
pub enum ErrorCode {
	/// The input does not decode as the function's arguments.
	MalformedInput = 1,
	/// The name is not a valid CNS name (uppercase, an empty label, no TLD, too long, …).
	MalformedName = 2,
	/// The name is an ENS or Unstoppable Domains name, which the bridge serves, not CNS.
	BridgedName = 3,
	/// No active registration has this name.
	UnknownName = 4,
	/// The name has no GCC address record, or the account no primary name.
	NoRecord = 5,
	/// No DID has this subject.
	UnknownDid = 6,
	/// The DID was deactivated.
	DidDeactivated = 7,
	/// The contract cannot spend that much of the token and keep its account.
	InsufficientBalance = 8,
	/// The ledger refused the transfer otherwise: a zero amount, a transfer to the contract
	/// itself, or a recipient that would end below the existential deposit.
	TransferRefused = 9,
}

/// The extension's functions, by function id.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Function {
	CnsOwner,
	CnsGccAddress,
	CnsReverse,
	GidIsActive,
	GidController,
	TokenBalance,
	TokenTransfer,
}

impl Function {
	pub const fn id(self) -> u16 {
		match self {
			Function::CnsOwner => 0x0001,
			Function::CnsGccAddress => 0x0002,
			Function::CnsReverse => 0x0003,
			Function::GidIsActive => 0x0010,
			Function::GidController => 0x0011,
			Function::TokenBalance => 0x0020,
			Function::TokenTransfer => 0x0021,
		}
	}

	pub const ALL: [Function; 7] = [
		Function::CnsOwner,
		Function::CnsGccAddress,
		Function::CnsReverse,
		Function::GidIsActive,
		Function::GidController,
		Function::TokenBalance,
		Function::TokenTransfer,
	];

	fn from_id(id: u16) -> Option<Function> {
		Function::ALL.into_iter().find(|function| function.id() == id)
	}

	/// The longest input the function reads; longer input is refused unread.
	const fn max_input_len(self) -> u32 {
		const ACCOUNT: u32 = 32;
		const TOKEN: u32 = 1;
		const BALANCE: u32 = 16;
		match self {
			Function::CnsOwner | Function::CnsGccAddress => MAX_NAME_INPUT,
			Function::CnsReverse | Function::GidIsActive | Function::GidController => ACCOUNT,
			Function::TokenBalance => TOKEN + ACCOUNT,
			Function::TokenTransfer => TOKEN + ACCOUNT + BALANCE,
		}
	}

	/// What the function costs at most: a read of each storage item it may touch, with the
	/// item's largest encoding as proof size, plus [`EXECUTION_ALLOWANCE`]; a transfer costs
	/// the benchmarked weight of `Tokens.transfer` of the costliest token.
	pub fn weight(self) -> Weight {
		use pallet_cns::{PrimaryNames, Records, Registrations};
		use pallet_gid::{Dids, Tombstones};
		// A subname's expiry is its parent's: two registrations.
		let registration = reads::<Registrations<Runtime>>().saturating_mul(2);
		let lookup = match self {
			Function::CnsOwner => registration,
			Function::CnsGccAddress => registration.saturating_add(reads::<Records<Runtime>>()),
			Function::CnsReverse => registration
				.saturating_add(reads::<PrimaryNames<Runtime>>())
				.saturating_add(reads::<Records<Runtime>>()),
			Function::GidIsActive => reads::<Dids<Runtime>>(),
			Function::GidController => {
				reads::<Dids<Runtime>>().saturating_add(reads::<Tombstones<Runtime>>())
			},
			Function::TokenBalance => reads::<frame_system::Account<Runtime>>()
				.max(reads::<
					pallet_balances::Account<Runtime, crate::configs::tokens::SpiritInstance>,
				>())
				.max(reads::<pallet_assets::Account<Runtime>>()),
			Function::TokenTransfer => TokenKind::ALL
				.into_iter()
				.map(Tokens::transfer_weight)
				.fold(Weight::zero(), |heaviest, weight| heaviest.max(weight)),
		};
		lookup.saturating_add(EXECUTION_ALLOWANCE)
	}

	/// Runs the function for the contract at `contract` on its SCALE-encoded `input`.
	fn run(self, input: &[u8], contract: &AccountId) -> core::result::Result<Vec<u8>, ErrorCode> {
		match self {
			Function::CnsOwner => cns_owner(&decode::<Vec<u8>>(input)?).map(|owner| owner.encode()),
			Function::CnsGccAddress => {
				cns_gcc_address(&decode::<Vec<u8>>(input)?).map(|address| address.encode())
			},
			Function::CnsReverse => cns_reverse(&decode(input)?).map(|name| name.encode()),
			Function::GidIsActive => Ok(gid_is_active(&decode(input)?).encode()),
			Function::GidController => {
				gid_controller(&decode(input)?).map(|controller| controller.encode())
			},
			Function::TokenBalance => {
				let (token, who): (TokenKind, AccountId) = decode(input)?;
				Ok(<Tokens as MultiToken<AccountId>>::balance(token, &who).encode())
			},
			Function::TokenTransfer => {
				let (token, to, amount): (TokenKind, AccountId, Balance) = decode(input)?;
				token_transfer(token, contract, &to, amount).map(|()| Vec::new())
			},
		}
	}
}

/// The weight of one read of storage item `S`, with its largest key and value as proof size.
pub(crate) fn reads<S: StorageInfoTrait>() -> Weight {
	let proof: u64 = S::storage_info().iter().filter_map(|info| info.max_size).map(u64::from).sum();
	<Runtime as frame_system::Config>::DbWeight::get()
		.reads(1)
		.saturating_add(Weight::from_parts(0, proof))
}

fn decode<T: DecodeAll>(input: &[u8]) -> core::result::Result<T, ErrorCode> {
	T::decode_all(&mut &input[..]).map_err(|_| ErrorCode::MalformedInput)
}

/// Checks that `name` is a native CNS name.
pub(crate) fn check_name(name: &[u8]) -> core::result::Result<(), ErrorCode> {
	match parse_name(name) {
		Ok(_) => Ok(()),
		Err(NameError::BridgedTld) => Err(ErrorCode::BridgedName),
		Err(_) => Err(ErrorCode::MalformedName),
	}
}

/// The owner of the active name `name`.
pub fn cns_owner(name: &[u8]) -> core::result::Result<AccountId, ErrorCode> {
	check_name(name)?;
	Cns::owner_of(name).ok_or(ErrorCode::UnknownName)
}

/// The GCC address record (a 20-byte EVM address) of the active name `name`.
pub fn cns_gcc_address(name: &[u8]) -> core::result::Result<[u8; 20], ErrorCode> {
	check_name(name)?;
	let records = Cns::active_records(name).ok_or(ErrorCode::UnknownName)?;
	records
		.addresses
		.get(&GCC_COIN_TYPE)
		.and_then(|address| <[u8; 20]>::try_from(&address[..]).ok())
		.ok_or(ErrorCode::NoRecord)
}

/// The primary name of `account`, if it is active and still the account's.
pub fn cns_reverse(account: &AccountId) -> core::result::Result<Vec<u8>, ErrorCode> {
	Cns::primary_name(account).map(|name| name.into_inner()).ok_or(ErrorCode::NoRecord)
}

/// Whether the DID of `subject` exists and is not deactivated.
pub fn gid_is_active(subject: &AccountId) -> bool {
	pallet_gid::Dids::<Runtime>::contains_key(subject)
}

/// The controller of the live DID of `subject`.
pub fn gid_controller(subject: &AccountId) -> core::result::Result<AccountId, ErrorCode> {
	match pallet_gid::Dids::<Runtime>::get(subject) {
		Some(details) => Ok(details.controller),
		None if pallet_gid::Tombstones::<Runtime>::contains_key(subject) => {
			Err(ErrorCode::DidDeactivated)
		},
		None => Err(ErrorCode::UnknownDid),
	}
}

/// Moves `amount` of `token` from `contract` to `to` by the ledger rules of `Tokens.transfer`,
/// keeping the contract's account alive.
fn token_transfer(
	token: TokenKind,
	contract: &AccountId,
	to: &AccountId,
	amount: Balance,
) -> core::result::Result<(), ErrorCode> {
	use pallet_ghost_tokens::Error;
	<Tokens as MultiToken<AccountId>>::transfer(token, contract, to, amount, Preservation::Preserve)
		.map_err(|error| {
			let insufficient: [DispatchError; 2] = [
				Error::<Runtime>::InsufficientBalance.into(),
				Error::<Runtime>::WouldReapSender.into(),
			];
			if insufficient.contains(&error) {
				ErrorCode::InsufficientBalance
			} else {
				ErrorCode::TransferRefused
			}
		})
}

/// The extension `pallet-contracts` hands each contract call.
#[derive(Default)]
pub struct GhostChainExtension;

impl ChainExtension<Runtime> for GhostChainExtension {
	fn call<E: Ext<T = Runtime>>(&mut self, env: Environment<E, InitState>) -> Result<RetVal> {
		if env.ext_id() != EXTENSION_ID {
			return Err(DispatchError::Other("unknown chain extension id"));
		}
		let function = Function::from_id(env.func_id())
			.ok_or(DispatchError::Other("unknown GhostChain chain extension function"))?;
		let mut env: Environment<E, BufInBufOutState> = env.buf_in_buf_out();
		env.charge_weight(function.weight())?;
		if function == Function::TokenTransfer && env.ext().is_read_only() {
			return Err(pallet_contracts::Error::<Runtime>::StateChangeDenied.into());
		}
		let outcome = if env.in_len() > function.max_input_len() {
			Err(match function {
				Function::CnsOwner | Function::CnsGccAddress => ErrorCode::MalformedName,
				_ => ErrorCode::MalformedInput,
			})
		} else {
			let input = env.read(function.max_input_len())?;
			let contract = env.ext().address().clone();
			function.run(&input, &contract)
		};
		match outcome {
			Ok(output) => {
				env.write(&output, false, None)?;
				Ok(RetVal::Converging(0))
			},
			Err(code) => Ok(RetVal::Converging(code as u32)),
		}
	}
}

impl RegisteredChainExtension<Runtime> for GhostChainExtension {
	const ID: u16 = EXTENSION_ID;
}
