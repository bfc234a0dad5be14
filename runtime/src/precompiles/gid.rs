//! GID as a Solidity contract (`contracts/solidity/IGid.sol`): the chain extension's GID
//! lookups, on DIDs written as `did:ghost:<address>`.

use alloc::vec::Vec;

use ghostchain_primitives::gid::parse_did;
use pallet_revive::precompiles::{
	alloy::{sol, sol_types::SolCall},
	AddressMatcher, Error, Ext, Precompile,
};

use super::{ensure_plain_call, evm_address, fixed, revert};
use crate::{
	chain_extension::{self, ErrorCode, Function},
	AccountId, Runtime,
};

sol!("../contracts/solidity/IGid.sol");

use IGid::IGidCalls;

/// GID, at precompile `0x2001`.
pub struct GidPrecompile;

impl Precompile for GidPrecompile {
	type T = Runtime;
	type Interface = IGidCalls;
	const MATCHER: AddressMatcher = fixed(0x2001);
	const HAS_CONTRACT_INFO: bool = false;

	fn call(
		_address: &[u8; 20],
		input: &Self::Interface,
		env: &mut impl Ext<T = Runtime>,
	) -> Result<Vec<u8>, Error> {
		ensure_plain_call(&*env)?;
		match input {
			IGidCalls::isActive(IGid::isActiveCall { did }) => {
				env.charge(Function::GidIsActive.weight())?;
				let subject = subject_of(did)?;
				Ok(IGid::isActiveCall::abi_encode_returns(&chain_extension::gid_is_active(
					&subject,
				)))
			},
			IGidCalls::controller(IGid::controllerCall { did }) => {
				env.charge(Function::GidController.weight())?;
				let subject = subject_of(did)?;
				let controller = chain_extension::gid_controller(&subject).map_err(|code| {
					revert(match code {
						ErrorCode::DidDeactivated => "GID: DID deactivated",
						_ => "GID: unknown DID",
					})
				})?;
				Ok(IGid::controllerCall::abi_encode_returns(&evm_address(&controller)))
			},
		}
	}
}

/// The subject account of `did`. An overlong DID is refused before it is decoded.
fn subject_of(did: &str) -> Result<AccountId, Error> {
	parse_did(did).map_err(|_| revert("GID: malformed DID"))
}
