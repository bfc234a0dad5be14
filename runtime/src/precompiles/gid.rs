//! GID as a Solidity contract (`contracts/solidity/IGid.sol`): the chain extension's GID
//! lookups, on DIDs written as `did:ghost:<address>`.

use alloc::vec::Vec;
use core::num::NonZero;

use ghostchain_primitives::gid::parse_did;
use pallet_revive::{
	precompiles::{
		alloy::{primitives::Address, sol, sol_types::SolCall},
		AddressMatcher, Error, Ext, Precompile,
	},
	AddressMapper,
};

use super::{ensure_plain_call, revert};
use crate::{
	chain_extension::{self, ErrorCode, Function},
	AccountId, Runtime,
};

sol!("../contracts/solidity/IGid.sol");

use IGid::IGidCalls;

type Mapper = <Runtime as pallet_revive::Config>::AddressMapper;

/// GID, at precompile `0x2001`.
pub struct GidPrecompile;

impl Precompile for GidPrecompile {
	type T = Runtime;
	type Interface = IGidCalls;
	const MATCHER: AddressMatcher = AddressMatcher::Fixed(match NonZero::new(0x2001) {
		Some(n) => n,
		None => panic!("GID's precompile number is not zero"),
	});
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
				let controller = Mapper::to_address(&controller);
				Ok(IGid::controllerCall::abi_encode_returns(&Address::from(controller.0)))
			},
		}
	}
}

/// The subject account of `did`. An overlong DID is refused before it is decoded.
fn subject_of(did: &str) -> Result<AccountId, Error> {
	parse_did(did).map_err(|_| revert("GID: malformed DID"))
}
