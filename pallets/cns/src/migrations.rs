//! Storage migrations of CNS. A runtime runs them from its `Executive` migrations tuple:
//! `pallet_cns::migrations::v1::MigrateV0ToV1<Runtime>`.

pub mod v1 {
	//! Version 0 → 1: commitments are keyed by their committer as well as their hash, so that
	//! nobody can take or remove another account's commitment; primary names record the deposit
	//! held for them.
	//!
	//! Version 0 held no deposit for a primary name, so each one moves with a deposit of 0 and
	//! nothing is held or released. Commitments keep their maker, age and deposit; their holds
	//! stay where they are.

	use alloc::vec::Vec;
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, storage_alias,
		traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use ghostchain_primitives::Balance;
	use sp_core::H256;
	use sp_runtime::Saturating;

	use crate::{Commitment, Commitments, Config, Name, Pallet, PrimaryName, PrimaryNames};

	/// The version 0 layout, for reading storage written before the migration.
	pub(crate) mod v0 {
		use super::*;

		#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
		pub struct Commitment<AccountId, BlockNumber> {
			pub who: AccountId,
			pub made_at: BlockNumber,
			pub deposit: Balance,
		}

		#[storage_alias]
		pub type Commitments<T: Config> = StorageMap<
			Pallet<T>,
			Blake2_128Concat,
			H256,
			Commitment<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>,
		>;

		#[storage_alias]
		pub type PrimaryNames<T: Config> =
			StorageMap<Pallet<T>, Blake2_128Concat, <T as frame_system::Config>::AccountId, Name>;
	}

	/// The migration without its version check; use [`MigrateV0ToV1`].
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			// The old and new commitment keys share one storage prefix: all old entries are taken
			// out before any new one goes in, or the iteration would meet the new keys. Pending
			// commitments are few: each holds a deposit and is useless after
			// `MaxCommitmentAge` blocks.
			let commitments: Vec<_> = v0::Commitments::<T>::drain().collect();
			let moved_commitments = commitments.len() as u64;
			for (hash, old) in commitments {
				let commitment = Commitment { made_at: old.made_at, deposit: old.deposit };
				Commitments::<T>::insert(&old.who, hash, commitment);
			}
			let mut moved_primary_names = 0u64;
			PrimaryNames::<T>::translate::<Name, _>(|_, name| {
				moved_primary_names.saturating_inc();
				Some(PrimaryName { name, deposit: 0 })
			});
			// Each commitment is read and removed, then written; each primary name read and
			// written.
			T::DbWeight::get().reads_writes(
				moved_commitments.saturating_add(moved_primary_names),
				moved_commitments.saturating_mul(2).saturating_add(moved_primary_names),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let commitments: Vec<_> = v0::Commitments::<T>::iter().collect();
			let primary_names: Vec<_> = v0::PrimaryNames::<T>::iter().collect();
			Ok((commitments, primary_names).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			type OldState<T> = (
				Vec<(
					H256,
					v0::Commitment<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>,
				)>,
				Vec<(<T as frame_system::Config>::AccountId, Name)>,
			);
			let (commitments, primary_names) = OldState::<T>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade state does not decode")?;
			ensure!(
				Commitments::<T>::iter().count() == commitments.len(),
				"a commitment was lost or added"
			);
			for (hash, old) in commitments {
				let expected = Commitment { made_at: old.made_at, deposit: old.deposit };
				ensure!(
					Commitments::<T>::get(&old.who, hash) == Some(expected),
					"a commitment did not move under its committer"
				);
			}
			ensure!(
				PrimaryNames::<T>::iter().count() == primary_names.len(),
				"a primary name was lost or added"
			);
			for (who, name) in primary_names {
				ensure!(
					PrimaryNames::<T>::get(&who) == Some(PrimaryName { name, deposit: 0 }),
					"a primary name did not keep its name"
				);
			}
			Pallet::<T>::do_try_state()
		}
	}

	/// Moves CNS storage from version 0 to 1, once: a runtime at version 1 or later skips it.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		InnerMigrateV0ToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
