//! Migrations to run on the next runtime upgrade, besides those the pallets declare. Each runs
//! once: it is versioned, or checks the state it starts from, so it is a no-op on a chain
//! whose storage is already newer.

use alloc::vec::Vec;
use frame_support::{traits::OnRuntimeUpgrade, weights::Weight, BoundedVec};
use sp_runtime::traits::OpaqueKeys;

use crate::{
	genesis_config_presets::TESTNET_SESSION_LENGTH, opaque::SessionKeys, AccountId, Runtime,
};

pub type Migrations = (pallet_cns::migrations::v1::MigrateV0ToV1<Runtime>, InitializeValidatorSet);

/// Spec 105 adds the session and validator-set pallets. On a chain started before, Aura and
/// GRANDPA hold authorities that the session pallet does not know, and its first session would
/// hand them an empty set. This registers each authority's keys with the session pallet, under
/// the account Aura's block author maps to (its Aura key), in the order Aura and GRANDPA hold
/// them (the genesis order: nothing else changed them), makes those accounts the validator set,
/// and gives sessions `ghostchain_testnet`'s length. A chain whose session pallet has
/// validators, such as every chain started from a preset since, is left alone.
pub struct InitializeValidatorSet;

impl InitializeValidatorSet {
	/// The validators Aura and GRANDPA hold now, with their keys.
	fn consensus_authorities() -> Vec<(AccountId, SessionKeys)> {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
		aura.into_iter()
			.zip(grandpa)
			.map(|(aura, (grandpa, _weight))| {
				let account = AccountId::from(aura.clone().into_inner());
				(account, SessionKeys { aura, grandpa })
			})
			.collect()
	}
}

impl OnRuntimeUpgrade for InitializeValidatorSet {
	fn on_runtime_upgrade() -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		if !pallet_session::Validators::<Runtime>::get().is_empty() {
			return db.reads(1);
		}
		let authorities = Self::consensus_authorities();
		for (account, keys) in &authorities {
			pallet_session::NextKeys::<Runtime>::insert(account, keys);
			for id in SessionKeys::key_ids() {
				pallet_session::KeyOwner::<Runtime>::insert(
					(*id, keys.get_raw(*id).to_vec()),
					account,
				);
			}
			// What `session.setKeys` takes, without a deposit, as the session genesis does.
			if frame_system::Pallet::<Runtime>::inc_consumers_without_limit(account).is_err() {
				frame_system::Pallet::<Runtime>::inc_providers(account);
			}
		}
		let accounts: Vec<AccountId> =
			authorities.iter().map(|(account, _)| account.clone()).collect();
		pallet_validator_set::Validators::<Runtime>::put(BoundedVec::truncate_from(
			accounts.clone(),
		));
		pallet_validator_set::SessionLength::<Runtime>::put(TESTNET_SESSION_LENGTH);
		pallet_session::Validators::<Runtime>::put(accounts);
		pallet_session::QueuedKeys::<Runtime>::put(authorities.clone());

		let count = authorities.len() as u64;
		db.reads_writes(3, count.saturating_mul(4).saturating_add(4))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		Ok(Self::consensus_authorities().encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(before: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let before = Vec::<(AccountId, SessionKeys)>::decode(&mut &before[..])
			.map_err(|_| "the pre-upgrade state does not decode")?;
		frame_support::ensure!(
			Self::consensus_authorities() == before,
			"the consensus authorities changed"
		);
		let validators = pallet_session::Validators::<Runtime>::get();
		frame_support::ensure!(
			validators.len() == before.len()
				&& validators.iter().all(|v| pallet_session::NextKeys::<Runtime>::contains_key(v)),
			"a consensus authority has no session keys"
		);
		pallet_validator_set::Pallet::<Runtime>::do_try_state()
	}
}
