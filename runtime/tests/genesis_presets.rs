//! Every genesis preset builds, through the WASM runtime as the node builds it, into the chain
//! it promises.

mod common;

use common::preset_storage;
use ghostchain_runtime::{
	configs::cns::{MAINNET_ENS_REGISTRY, MAINNET_UNS_PROXY_READER},
	genesis_config_presets::{preset_names, DEV_ACCOUNT_BALANCE},
	time::{DAYS, HOURS, MINUTES},
	Balances, BlockNumber, Grandpa, Runtime,
};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};

/// What a preset should put in genesis.
struct Expected {
	name: &'static str,
	/// The first of Alice, Bob, Charlie, … in this number.
	validators: usize,
	session_length: BlockNumber,
	/// The bridge's quorum and record TTL.
	bridge: (u32, BlockNumber),
	sudo: Option<Sr25519Keyring>,
	funded_dev_accounts: bool,
}

const EXPECTED: [Expected; 3] = [
	Expected {
		name: "development",
		validators: 1,
		session_length: MINUTES,
		bridge: (1, 10 * MINUTES),
		sudo: Some(Alice),
		funded_dev_accounts: true,
	},
	Expected {
		name: "local_testnet",
		validators: 2,
		session_length: MINUTES,
		bridge: (1, 10 * MINUTES),
		sudo: Some(Alice),
		funded_dev_accounts: true,
	},
	Expected {
		name: "ghostchain_testnet",
		validators: 3,
		session_length: HOURS,
		bridge: (2, DAYS),
		sudo: None,
		funded_dev_accounts: false,
	},
];

#[test]
fn the_runtime_lists_exactly_the_documented_presets() {
	let mut names = preset_names();
	names.sort();
	let mut expected: Vec<String> = EXPECTED.iter().map(|e| e.name.to_string()).collect();
	expected.sort();
	assert_eq!(names, expected);
}

#[test]
fn every_preset_builds_its_promised_genesis() {
	for expected in EXPECTED {
		let storage = preset_storage(expected.name)
			.unwrap_or_else(|e| panic!("preset {} does not build: {e}", expected.name));
		sp_io::TestExternalities::new(storage).execute_with(|| {
			assert_eq!(
				pallet_aura::Authorities::<Runtime>::get().len(),
				expected.validators,
				"{}",
				expected.name
			);
			assert_eq!(
				Grandpa::grandpa_authorities().len(),
				expected.validators,
				"{}",
				expected.name
			);
			let validators: Vec<_> = [Alice, Bob, Charlie][..expected.validators]
				.iter()
				.map(|k| k.to_account_id())
				.collect();
			assert_eq!(
				pallet_validator_set::Validators::<Runtime>::get().into_inner(),
				validators,
				"{}",
				expected.name
			);
			assert_eq!(
				pallet_session::Validators::<Runtime>::get(),
				validators,
				"{}",
				expected.name
			);
			assert_eq!(
				pallet_validator_set::SessionLength::<Runtime>::get(),
				expected.session_length,
				"{}",
				expected.name
			);
			// The bridge reads mainnet, and waits for the admin origin to name its oracles.
			let bridge =
				pallet_cns_bridge::Parameters::<Runtime>::get().expect("bridge parameters");
			assert_eq!((bridge.quorum, bridge.record_ttl), expected.bridge, "{}", expected.name);
			assert_eq!(
				(bridge.ens_registry, bridge.uns_proxy_reader),
				(MAINNET_ENS_REGISTRY, MAINNET_UNS_PROXY_READER),
				"{}",
				expected.name
			);
			assert!(pallet_cns_bridge::Oracles::<Runtime>::get().is_empty(), "{}", expected.name);
			assert_eq!(
				pallet_sudo::Key::<Runtime>::get(),
				expected.sudo.map(|k| k.to_account_id()),
				"{}",
				expected.name
			);
			let dev_balance = Balances::free_balance(Dave.to_account_id());
			let expected_dev_balance =
				if expected.funded_dev_accounts { DEV_ACCOUNT_BALANCE } else { 0 };
			assert_eq!(dev_balance, expected_dev_balance, "{}", expected.name);
			assert!(Balances::free_balance(Bob.to_account_id()) > 0, "{}", expected.name);
		});
	}
}

#[test]
fn an_unknown_preset_is_refused() {
	assert!(preset_storage("mainnet").is_err());
}
