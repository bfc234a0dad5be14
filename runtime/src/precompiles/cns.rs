//! CNS as a Solidity contract (`contracts/solidity/ICns.sol`): the lookups of the chain
//! extension's CNS functions, with a revert reason where those return an error code.

use alloc::{string::String, vec::Vec};

use pallet_revive::precompiles::{
	alloy::{primitives::Address, sol, sol_types::SolCall},
	AddressMatcher, Error, Ext, Precompile, RuntimeCosts,
};

use super::{ensure_plain_call, evm_address, fixed, h160, revert};
use crate::{
	chain_extension::{self, check_name, ErrorCode, Function},
	Cns, Runtime,
};

sol!("../contracts/solidity/ICns.sol");

use ICns::ICnsCalls;

/// CNS, at precompile `0x2000`.
pub struct CnsPrecompile;

impl Precompile for CnsPrecompile {
	type T = Runtime;
	type Interface = ICnsCalls;
	const MATCHER: AddressMatcher = fixed(0x2000);
	const HAS_CONTRACT_INFO: bool = false;

	fn call(
		_address: &[u8; 20],
		input: &Self::Interface,
		env: &mut impl Ext<T = Runtime>,
	) -> Result<Vec<u8>, Error> {
		ensure_plain_call(&*env)?;
		match input {
			ICnsCalls::resolve(ICns::resolveCall { name }) => {
				env.charge(Function::CnsGccAddress.weight())?;
				let address =
					chain_extension::cns_gcc_address(name.as_bytes()).map_err(reverted)?;
				Ok(ICns::resolveCall::abi_encode_returns(&Address::from(address)))
			},
			ICnsCalls::owner(ICns::ownerCall { name }) => {
				env.charge(Function::CnsOwner.weight())?;
				let owner = chain_extension::cns_owner(name.as_bytes()).map_err(reverted)?;
				Ok(ICns::ownerCall::abi_encode_returns(&evm_address(&owner)))
			},
			ICnsCalls::reverse(ICns::reverseCall { account }) => {
				env.frame_meter_mut().charge_weight_token(RuntimeCosts::ToAccountId)?;
				env.charge(Function::CnsReverse.weight())?;
				let account = env.to_account_id(&h160(account));
				let name = chain_extension::cns_reverse(&account).map_err(reverted)?;
				Ok(ICns::reverseCall::abi_encode_returns(&utf8(name)))
			},
			ICnsCalls::text(ICns::textCall { name, key }) => {
				// The same reads as the GCC address record: the name's registrations and records.
				env.charge(Function::CnsGccAddress.weight())?;
				let value = text(name.as_bytes(), key.as_bytes()).map_err(reverted)?;
				Ok(ICns::textCall::abi_encode_returns(&utf8(value)))
			},
		}
	}
}

/// The text record `key` of the active name `name`.
fn text(name: &[u8], key: &[u8]) -> Result<Vec<u8>, ErrorCode> {
	check_name(name)?;
	let records = Cns::active_records(name).ok_or(ErrorCode::UnknownName)?;
	// A key longer than any stored key has no record.
	let key = pallet_cns::TextKeyOf::<Runtime>::try_from(key.to_vec())
		.map_err(|_| ErrorCode::NoRecord)?;
	records.texts.get(&key).map(|value| value.to_vec()).ok_or(ErrorCode::NoRecord)
}

/// Names and text records are UTF-8 when set through CNS; anything else shows replaced.
fn utf8(bytes: Vec<u8>) -> String {
	String::from_utf8(bytes)
		.unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// The revert of a CNS lookup that returned `code`.
fn reverted(code: ErrorCode) -> Error {
	revert(match code {
		ErrorCode::MalformedName => "CNS: malformed name",
		ErrorCode::BridgedName => "CNS: bridged name",
		ErrorCode::UnknownName => "CNS: unknown name",
		ErrorCode::NoRecord => "CNS: no such record",
		// No CNS lookup returns the other codes.
		_ => "CNS: lookup failed",
	})
}
