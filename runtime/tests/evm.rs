//! The EVM (pallet-revive) as the `development` genesis sets it up: valid fee configuration,
//! funded Ethereum dev accounts, Substrate dev accounts mapped to their H160 addresses.

mod common;

use common::{account, apply, development_ext, signed};
use frame_support::traits::{fungible::InspectHold, IntegrityTest};
use ghostchain_runtime::{
	configs::contracts::deposit,
	currency::GCC,
	genesis_config_presets::{DEV_ACCOUNT_BALANCE, DEV_ETH_ACCOUNTS},
	AllPalletsWithSystem, Balances, Revive, Runtime, RuntimeCall, EXISTENTIAL_DEPOSIT,
};
use pallet_revive::{AddressMapper, Error as ReviveError};
use sp_core::U256;
use sp_keyring::Sr25519Keyring::{Alice, One};
use sp_runtime::DispatchError;

type Mapper = <Runtime as pallet_revive::Config>::AddressMapper;

#[test]
fn the_fee_and_evm_configuration_passes_every_pallets_integrity_test() {
	// pallet-revive checks here that its gas price and fee conversions can never be zero.
	development_ext().execute_with(AllPalletsWithSystem::integrity_test);
}

#[test]
fn ethereum_dev_accounts_hold_their_balance_in_wei() {
	development_ext().execute_with(|| {
		for address in DEV_ETH_ACCOUNTS {
			let account = Mapper::to_account_id(&address);
			assert_eq!(Balances::free_balance(&account), DEV_ACCOUNT_BALANCE);
			// One planck is one wei; the EVM shows what can be spent with the account kept alive.
			assert_eq!(
				Revive::evm_balance(&address),
				U256::from(DEV_ACCOUNT_BALANCE - EXISTENTIAL_DEPOSIT)
			);
		}
	});
}

#[test]
fn substrate_dev_accounts_are_mapped_and_others_map_themselves_for_a_deposit() {
	development_ext().execute_with(|| {
		assert!(Mapper::is_mapped(&account(Alice)));

		// A new account maps itself; the deposit for the 52-byte mapping entry is held from it.
		let newcomer = account(One);
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: newcomer.clone().into(),
			value: GCC,
		});
		assert_eq!(apply(signed(Alice, transfer).0), Ok(Ok(())));
		assert!(!Mapper::is_mapped(&newcomer));
		let map = RuntimeCall::Revive(pallet_revive::Call::map_account {});
		assert_eq!(apply(signed(One, map.clone()).0), Ok(Ok(())));
		assert!(Mapper::is_mapped(&newcomer));
		assert_eq!(Balances::total_balance_on_hold(&newcomer), deposit(1, 52));

		// Mapping twice is refused, and only the fee moves.
		assert_eq!(
			apply(signed(One, map).0),
			Ok(Err(DispatchError::from(ReviveError::<Runtime>::AccountAlreadyMapped)))
		);
		assert_eq!(Balances::total_balance_on_hold(&newcomer), deposit(1, 52));
	});
}
