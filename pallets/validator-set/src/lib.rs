//! # Validator set
//!
//! The validators of a proof-of-authority chain, as `pallet-session`'s [`SessionManager`].
//!
//! - **Joining**: an operator generates session keys on their node
//!   (`author_rotateKeysWithOwner`, which also returns the ownership proof) and registers them
//!   from their account with `session.setKeys`; then [`Config::AdminOrigin`] adds the account
//!   with [`Pallet::add_validator`]. An account without session keys is refused, since the
//!   session pallet would silently leave it out.
//! - **Leaving**: the admin origin removes a validator with [`Pallet::remove_validator`], never
//!   below [`Config::MinValidators`], and the set never exceeds [`Config::MaxValidators`].
//! - **Enactment**: a change is handed to the session pallet at the next session boundary, which
//!   queues it; it becomes the authority set of Aura and GRANDPA at the boundary after that
//!   (the session pallet announces every set one session ahead).
//! - **Sessions** last [`SessionLength`] blocks, set at genesis, so a development chain can
//!   rotate every few blocks and a public one every hour.
//! - **Genesis**: the validators are the owners of the session pallet's genesis keys, so the
//!   chain-spec tooling that patches those keys (zombienet's among them) sets this set too.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;
	use pallet_session::SessionManager;
	use sp_runtime::traits::Zero;
	use sp_staking::SessionIndex;

	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
	{
		/// Who may add and remove validators.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most validators the set holds: at most what Aura and GRANDPA accept.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The fewest validators a removal may leave.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Weight information for the calls of this pallet.
		type WeightInfo: WeightInfo;
	}

	/// The validators, in the order they joined, as the session pallet will be given them.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether [`Validators`] changed since it was last handed to the session pallet.
	#[pallet::storage]
	pub type ValidatorsChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// How many blocks a session lasts.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// How many blocks a session lasts; at least one.
		pub session_length: BlockNumberFor<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { session_length: DEFAULT_SESSION_LENGTH.into() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(!self.session_length.is_zero(), "a session lasts at least one block");
			SessionLength::<T>::put(self.session_length);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `validator` joins the set at the session after next.
		ValidatorAdded { validator: T::AccountId },
		/// `validator` leaves the set at the session after next.
		ValidatorRemoved { validator: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The account has registered no session keys (`session.setKeys`).
		NoSessionKeys,
		/// The set holds `MaxValidators` already.
		TooManyValidators,
		/// The removal would leave fewer than `MinValidators`.
		TooFewValidators,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"the fewest validators must not exceed the most"
			);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `validator`, who has registered session keys, to the set.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			ensure!(!validators.contains(&validator), Error::<T>::AlreadyValidator);
			ensure!(
				pallet_session::Pallet::<T>::is_registered(&validator),
				Error::<T>::NoSessionKeys
			);
			validators.try_push(validator.clone()).map_err(|_| Error::<T>::TooManyValidators)?;

			Validators::<T>::put(validators);
			ValidatorsChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { validator });
			Ok(())
		}

		/// Removes `validator` from the set.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			let position = validators
				.iter()
				.position(|member| member == &validator)
				.ok_or(Error::<T>::NotValidator)?;
			ensure!(
				validators.len() > T::MinValidators::get() as usize,
				Error::<T>::TooFewValidators
			);

			validators.remove(position);
			Validators::<T>::put(validators);
			ValidatorsChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { validator });
			Ok(())
		}
	}

	impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			ValidatorsChanged::<T>::take().then(|| Validators::<T>::get().into_inner())
		}

		/// The session pallet takes its genesis validators from its keys.
		fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			None
		}

		/// Session 0 starts at genesis, once the session pallet holds its validators: they
		/// become this set.
		fn start_session(start_index: SessionIndex) {
			if start_index.is_zero() && Validators::<T>::get().is_empty() {
				let genesis_validators = pallet_session::Validators::<T>::get();
				if genesis_validators.len() > T::MaxValidators::get() as usize {
					log::error!(
						target: LOG_TARGET,
						"{} genesis validators, more than the {} allowed: the rest are dropped",
						genesis_validators.len(),
						T::MaxValidators::get(),
					);
				}
				Validators::<T>::put(BoundedVec::truncate_from(genesis_validators));
			}
		}

		fn end_session(_end_index: SessionIndex) {}
	}

	impl<T: Config> Pallet<T> {
		/// The set names no account twice, and a session lasts at least one block.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let mut validators = Validators::<T>::get().into_inner();
			let count = validators.len();
			validators.sort();
			validators.dedup();
			ensure!(validators.len() == count, "a validator is in the set twice");
			ensure!(!SessionLength::<T>::get().is_zero(), "sessions have no length");
			Ok(())
		}
	}
}
