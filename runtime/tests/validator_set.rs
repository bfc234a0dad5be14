//! The validator set on the real runtime: the spec-105 migration gives a chain started before
//! it the session state its genesis would have built.

mod common;

use common::preset_storage;
use frame_support::traits::OnRuntimeUpgrade;
use ghostchain_runtime::{
	genesis_config_presets::TESTNET_SESSION_LENGTH, migrations::InitializeValidatorSet,
	opaque::SessionKeys, Runtime, System,
};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::traits::OpaqueKeys;

type KeyOwners = Vec<((sp_core::crypto::KeyTypeId, Vec<u8>), ghostchain_runtime::AccountId)>;

/// What the session and validator-set pallets hold, and each validator's consumer count.
fn session_state() -> (Vec<String>, KeyOwners, Vec<u32>, u32) {
	let validators = pallet_session::Validators::<Runtime>::get();
	let keys = pallet_session::QueuedKeys::<Runtime>::get();
	let mut owners: KeyOwners = pallet_session::KeyOwner::<Runtime>::iter().collect();
	owners.sort();
	let consumers = validators.iter().map(|v| System::consumers(v)).collect();
	let described = validators
		.iter()
		.zip(&keys)
		.map(|(v, (queued, k))| {
			assert_eq!(v, queued);
			assert_eq!(pallet_session::NextKeys::<Runtime>::get(v).as_ref(), Some(k));
			format!("{v:?} {k:?}")
		})
		.chain(pallet_validator_set::Validators::<Runtime>::get().iter().map(|v| format!("{v:?}")))
		.collect();
	(described, owners, consumers, pallet_validator_set::SessionLength::<Runtime>::get())
}

/// Removes what the session and validator-set pallets hold, as on a chain before spec 105.
fn forget_sessions() {
	for validator in pallet_session::Validators::<Runtime>::take() {
		System::dec_consumers(&validator);
	}
	pallet_session::QueuedKeys::<Runtime>::kill();
	let _ = pallet_session::NextKeys::<Runtime>::clear(u32::MAX, None);
	let _ = pallet_session::KeyOwner::<Runtime>::clear(u32::MAX, None);
	pallet_validator_set::Validators::<Runtime>::kill();
	pallet_validator_set::SessionLength::<Runtime>::kill();
}

#[test]
fn the_migration_registers_the_consensus_authorities_as_genesis_would() {
	sp_io::TestExternalities::new(preset_storage("local_testnet").unwrap()).execute_with(|| {
		let (genesis, owners, consumers, _) = session_state();
		assert_eq!(
			pallet_session::Validators::<Runtime>::get(),
			[Alice, Bob].map(|k| k.to_account_id())
		);
		assert_eq!(owners.len(), 2 * SessionKeys::key_ids().len());

		forget_sessions();
		assert!(pallet_session::Validators::<Runtime>::get().is_empty());
		assert_eq!(
			pallet_aura::Authorities::<Runtime>::get().len(),
			2,
			"Aura keeps its authorities"
		);

		InitializeValidatorSet::on_runtime_upgrade();
		let (migrated, migrated_owners, migrated_consumers, session_length) = session_state();
		assert_eq!(migrated, genesis);
		assert_eq!(migrated_owners, owners);
		assert_eq!(migrated_consumers, consumers, "the keys count as a consumer, as at genesis");
		assert_eq!(consumers, [1, 1]);
		assert_eq!(session_length, TESTNET_SESSION_LENGTH);

		// A second run, like a run on any chain started from a preset, changes nothing.
		let migrated = session_state();
		InitializeValidatorSet::on_runtime_upgrade();
		assert_eq!(session_state(), migrated);
	});
}
