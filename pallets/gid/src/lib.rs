//! # GID, Ghost ID
//!
//! `did:ghost` decentralized identifiers, after W3C DID Core and KILT's DID pallet.
//!
//! - **Identifier**: an account creates the DID `did:ghost:<its SS58 address>` with
//!   [`Pallet::create`]; the DID is keyed by that account id, so each account has at most one.
//! - **Document**: verification methods (sr25519, ed25519 and ecdsa-secp256k1 keys that sign,
//!   x25519 keys for key agreement), each in some of the five W3C verification relationships;
//!   a controller account; service endpoints; `alsoKnownAs` CNS names; created and updated
//!   blocks and a version. All of it is bounded, and paid for with a GCC deposit.
//! - **Changes** are authorised by a DID key or by the controller. A [`DidOperation`] carries
//!   the DID's current nonce, an expiry block and the id of the signing key, which must be in
//!   `capabilityInvocation`; anyone may submit it with [`Pallet::update`] and pays its fees and
//!   deposit changes, and a replayed, late or wrongly signed operation changes nothing. The
//!   controller account may also send a change itself with [`Pallet::update_as_controller`].
//! - **alsoKnownAs**: a CNS name is accepted only while the controller owns it (through
//!   [`pallet_cns::NameRegistry`]), which also links the name's GID record to the DID; the
//!   document shows a name only while the controller still owns it.
//! - **Deactivation** is final: the data goes and its deposit is returned, a tombstone stays,
//!   and the DID can never be updated or created again.

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
mod try_state;
mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{tokens::Preservation, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use ghostchain_primitives::{
		gid::{
			DidDocument, DidSignature, PublicKey, Relationship, Relationships, ServiceEndpoint,
			VerificationMethod, OPERATION_CONTEXT,
		},
		tokens::TokenKind,
		Balance,
	};
	use pallet_cns::NameRegistry;
	use pallet_ghost_tokens::{Deposit, MultiToken};
	use sp_core::H256;
	use sp_runtime::traits::Zero;

	use super::*;

	/// The version of this pallet's storage layout; a migration that changes the layout bumps
	/// it.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why GID holds a balance.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a DID's data.
		Did,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Holds deposits (in GCC).
		type Tokens: MultiToken<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// Who owns CNS names, and their GID records.
		type Names: NameRegistry<Self::AccountId>;

		/// The time of the current block, for the document's created and updated times.
		type Time: UnixTime;

		/// GCC held for every DID.
		#[pallet::constant]
		type DepositBase: Get<Balance>;

		/// GCC held per byte of a DID's data.
		#[pallet::constant]
		type DepositPerByte: Get<Balance>;

		/// GCC kept from a DID's deposit when it is deactivated, paid to the treasury: its
		/// tombstone stays forever. At most [`Config::DepositBase`].
		#[pallet::constant]
		type TombstoneFee: Get<Balance>;

		/// The most verification methods a DID may have.
		#[pallet::constant]
		type MaxKeys: Get<u32>;

		/// The most service endpoints a DID may have.
		#[pallet::constant]
		type MaxServices: Get<u32>;

		/// The longest service id, in bytes.
		#[pallet::constant]
		type MaxServiceIdLength: Get<u32>;

		/// The longest service type, in bytes.
		#[pallet::constant]
		type MaxServiceTypeLength: Get<u32>;

		/// The longest service URL, in bytes.
		#[pallet::constant]
		type MaxServiceUrlLength: Get<u32>;

		/// The most CNS names a DID may claim.
		#[pallet::constant]
		type MaxAlsoKnownAs: Get<u32>;

		type WeightInfo: WeightInfo;

		/// Gives benchmark accounts CNS names.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Live DIDs, by subject account.
	#[pallet::storage]
	pub type Dids<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, DidDetails<T>>;

	/// Deactivated DIDs, by subject account: they can never come back.
	#[pallet::storage]
	pub type Tombstones<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Tombstone<BlockNumberFor<T>>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `did:ghost:<did>` was created, controlled by the same account.
		DidCreated { did: T::AccountId },
		/// A DID-signed change made version `version` of the DID's document.
		DidUpdated { did: T::AccountId, version: u32 },
		/// The DID was deactivated for good.
		DidDeactivated { did: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account has a DID already.
		DidExists,
		/// There is no such DID.
		DidNotFound,
		/// The DID was deactivated: it can never be changed or created again.
		DidDeactivated,
		/// The relationships do not fit the key: X25519 keys are for key agreement only, signing
		/// keys are never for key agreement, and a key needs at least one relationship.
		InvalidRelationship,
		/// The DID has this key already.
		DuplicateKey,
		/// The DID has `MaxKeys` keys already.
		TooManyKeys,
		/// The DID has no key with this id.
		UnknownKey,
		/// The DID would have no key in capabilityInvocation, so nobody could change it again.
		NoCapabilityInvocationKey,
		/// The DID has a service with this id already.
		DuplicateService,
		/// The DID has `MaxServices` services already.
		TooManyServices,
		/// The DID has no service with this id.
		UnknownService,
		/// The DID's controller does not own this CNS name (or it is not active).
		NameNotOwned,
		/// The DID claims this name already.
		DuplicateAlsoKnownAs,
		/// The DID claims `MaxAlsoKnownAs` names already.
		TooManyAlsoKnownAs,
		/// The DID does not claim this name.
		UnknownAlsoKnownAs,
		/// The operation's nonce is not the DID's current nonce: it was replayed or is stale.
		WrongNonce,
		/// The operation's expiry block has passed.
		OperationExpired,
		/// The signing key is not in capabilityInvocation, which changes need.
		KeyNotAuthorized,
		/// The signature does not verify with the signing key.
		InvalidSignature,
		/// Only the DID's controller account may change it without a DID signature.
		NotController,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(
				T::TombstoneFee::get() <= T::DepositBase::get(),
				"the tombstone fee must come out of every DID's deposit"
			);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates `did:ghost:<caller>`, controlled by the caller, with `keys` (ids 1, 2, …)
		/// and `services`. At least one key must be in capabilityInvocation. The caller pays
		/// the deposit.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create())]
		pub fn create(
			origin: OriginFor<T>,
			keys: BoundedVec<(PublicKey, Relationships), T::MaxKeys>,
			services: BoundedVec<Service<T>, T::MaxServices>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!Tombstones::<T>::contains_key(&who), Error::<T>::DidDeactivated);
			ensure!(!Dids::<T>::contains_key(&who), Error::<T>::DidExists);
			let now = frame_system::Pallet::<T>::block_number();
			let now_ms = Self::now_ms();
			let mut details = DidDetails {
				controller: who.clone(),
				keys: BoundedVec::new(),
				next_key_id: 1,
				services: BoundedVec::new(),
				also_known_as: BoundedVec::new(),
				created: now,
				updated: now,
				created_at: now_ms,
				updated_at: now_ms,
				version: 1,
				nonce: 0,
				deposit: Deposit { depositor: who.clone(), amount: 0 },
			};
			for (key, relationships) in keys {
				Self::add_key(&mut details, key, relationships)?;
			}
			for service in services {
				Self::add_service(&mut details, service)?;
			}
			ensure!(details.has_capability_invocation_key(), Error::<T>::NoCapabilityInvocationKey);
			let reason = HoldReason::Did.into();

			let required = details.required_deposit();
			details.deposit = T::Tokens::adjust_deposit(&reason, &details.deposit, &who, required)?;
			Dids::<T>::insert(&who, details);
			Self::deposit_event(Event::DidCreated { did: who });
			Ok(())
		}

		/// Applies a DID-signed `operation`. The caller pays the fees and any change of the
		/// deposit (the old deposit goes back to whoever paid it).
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::change_weight(&operation.change))]
		pub fn update(
			origin: OriginFor<T>,
			operation: DidOperation<T>,
			signature: DidSignature,
		) -> DispatchResult {
			let submitter = ensure_signed(origin)?;
			let details = Self::live_did(&operation.did)?;
			Self::check_signed(&details, &operation, &signature)?;
			Self::execute(operation.did, details, operation.change, &submitter)
		}

		/// Applies `change` to `did` on the authority of its controller account, which sends
		/// it and pays the deposit change. Like a DID-signed change, it uses up the nonce.
		#[pallet::call_index(2)]
		#[pallet::weight(Pallet::<T>::change_weight(change))]
		pub fn update_as_controller(
			origin: OriginFor<T>,
			did: T::AccountId,
			change: DidChange<T>,
		) -> DispatchResult {
			let controller = ensure_signed(origin)?;
			let details = Self::live_did(&did)?;
			ensure!(details.controller == controller, Error::<T>::NotController);
			Self::execute(did, details, change, &controller)
		}
	}

	impl<T: Config> Pallet<T> {
		/// What a DID key signs for `operation`: the SCALE encoding of
		/// `(OPERATION_CONTEXT, genesis hash, operation)`. ECDSA keys sign its BLAKE2-256 hash.
		pub fn signing_payload(operation: &DidOperation<T>) -> Vec<u8> {
			let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
			(OPERATION_CONTEXT, genesis, operation).encode()
		}

		/// The weight of `update` with `change`.
		pub fn change_weight(change: &DidChange<T>) -> Weight {
			match change {
				DidChange::AddKey { .. } => T::WeightInfo::add_key(),
				DidChange::RemoveKey { .. } => T::WeightInfo::remove_key(),
				DidChange::SetRelationships { .. } => T::WeightInfo::set_relationships(),
				DidChange::AddService { .. } => T::WeightInfo::add_service(),
				DidChange::RemoveService { .. } => T::WeightInfo::remove_service(),
				DidChange::SetController { .. } => T::WeightInfo::set_controller(),
				DidChange::AddAlsoKnownAs { .. } => T::WeightInfo::add_also_known_as(),
				DidChange::RemoveAlsoKnownAs { .. } => T::WeightInfo::remove_also_known_as(),
				DidChange::Deactivate => T::WeightInfo::deactivate(),
			}
		}

		/// The document of `subject`'s DID, as the runtime API serves it.
		pub fn document(
			subject: &T::AccountId,
		) -> Option<DidDocument<T::AccountId, BlockNumberFor<T>>> {
			if let Some(tombstone) = Tombstones::<T>::get(subject) {
				return Some(DidDocument {
					controller: None,
					verification_methods: Vec::new(),
					services: Vec::new(),
					also_known_as: Vec::new(),
					created: tombstone.created,
					updated: tombstone.deactivated,
					created_at: tombstone.created_at,
					updated_at: tombstone.deactivated_at,
					version: tombstone.version,
					deactivated: true,
				});
			}
			let details = Dids::<T>::get(subject)?;
			let controller = details.controller.clone();
			Some(DidDocument {
				verification_methods: details
					.keys
					.into_iter()
					.map(|key| VerificationMethod {
						id: key.id,
						key: key.key,
						relationships: key.relationships,
					})
					.collect(),
				services: details
					.services
					.into_iter()
					.map(|service| ServiceEndpoint {
						id: service.id.into(),
						service_type: service.service_type.into(),
						url: service.url.into(),
					})
					.collect(),
				also_known_as: details
					.also_known_as
					.into_iter()
					.filter(|name| T::Names::owner_of(name).as_ref() == Some(&controller))
					.map(Into::into)
					.collect(),
				controller: Some(controller),
				created: details.created,
				updated: details.updated,
				created_at: details.created_at,
				updated_at: details.updated_at,
				version: details.version,
				deactivated: false,
			})
		}

		/// Whether `signature` of `message` is valid for one of the live DID's keys in
		/// `relationship`.
		pub fn verify(
			subject: &T::AccountId,
			relationship: Relationship,
			message: &[u8],
			signature: &DidSignature,
		) -> bool {
			Dids::<T>::get(subject).is_some_and(|details| {
				details
					.keys
					.iter()
					.filter(|key| key.is_in(relationship))
					.any(|key| signature.verify(message, &key.key))
			})
		}

		fn now_ms() -> u64 {
			T::Time::now().as_millis().try_into().unwrap_or(u64::MAX)
		}

		/// The value of a CNS name's GID record for `did`: the 32-byte subject account id
		/// itself (other account types, as in tests, are hashed to 32 bytes).
		fn gid_of(did: &T::AccountId) -> H256 {
			let encoded = did.encode();
			match <[u8; 32]>::try_from(&encoded[..]) {
				Ok(account) => H256(account),
				Err(_) => sp_io::hashing::blake2_256(&encoded).into(),
			}
		}

		/// The details of `did`, which must live.
		fn live_did(did: &T::AccountId) -> Result<DidDetails<T>, Error<T>> {
			ensure!(!Tombstones::<T>::contains_key(did), Error::<T>::DidDeactivated);
			Dids::<T>::get(did).ok_or(Error::<T>::DidNotFound)
		}

		/// Applies an authorised `change` to `did`: bumps the version and the nonce, and settles
		/// the deposit with `payer`; or deactivates the DID.
		fn execute(
			did: T::AccountId,
			mut details: DidDetails<T>,
			change: DidChange<T>,
			payer: &T::AccountId,
		) -> DispatchResult {
			let reason = HoldReason::Did.into();
			if let DidChange::Deactivate = change {
				// No check can fail here: the deposit was held when recorded, and the fee is
				// part of it (integrity test), so each step fails only on a broken invariant.
				T::Tokens::release_deposit(&reason, &details.deposit)?;
				let fee = T::TombstoneFee::get();
				if !fee.is_zero() {
					let treasury = T::Tokens::treasury_account();
					let depositor = &details.deposit.depositor;
					T::Tokens::transfer(
						TokenKind::Gcc,
						depositor,
						&treasury,
						fee,
						Preservation::Preserve,
					)?;
				}
				let gid = Self::gid_of(&did);
				for name in &details.also_known_as {
					T::Names::unlink_gid(&details.controller, name, gid)?;
				}
				Dids::<T>::remove(&did);
				let tombstone = Tombstone {
					created: details.created,
					deactivated: frame_system::Pallet::<T>::block_number(),
					created_at: details.created_at,
					deactivated_at: Self::now_ms(),
					version: details.version.saturating_add(1),
				};
				Tombstones::<T>::insert(&did, tombstone);
				Self::deposit_event(Event::DidDeactivated { did });
				return Ok(());
			}
			let link = Self::apply_change(&mut details, change)?;
			details.version = details.version.saturating_add(1);
			details.nonce = details.nonce.saturating_add(1);
			details.updated = frame_system::Pallet::<T>::block_number();
			details.updated_at = Self::now_ms();
			let required = details.required_deposit();

			// The deposit is the payer's funds check; the name's GID record, written next,
			// settles its own deposit with the name's manager, which may fail too (and then
			// undoes this call with it).
			details.deposit =
				T::Tokens::adjust_deposit(&reason, &details.deposit, payer, required)?;
			let gid = Self::gid_of(&did);
			match link {
				Some(NameLink::Claim(name)) => {
					T::Names::set_gid(&details.controller, &name, Some(gid))?
				},
				// A name that changed hands keeps its record: it is its new owner's.
				Some(NameLink::Release(name)) => {
					T::Names::unlink_gid(&details.controller, &name, gid)?
				},
				None => {},
			}
			let version = details.version;
			Dids::<T>::insert(&did, details);
			Self::deposit_event(Event::DidUpdated { did, version });
			Ok(())
		}

		/// Checks that `operation` is due, fresh and signed by a capabilityInvocation key.
		fn check_signed(
			details: &DidDetails<T>,
			operation: &DidOperation<T>,
			signature: &DidSignature,
		) -> DispatchResult {
			ensure!(operation.nonce == details.nonce, Error::<T>::WrongNonce);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= operation.expires_at, Error::<T>::OperationExpired);
			let signer = details.key(operation.signer).ok_or(Error::<T>::UnknownKey)?;
			ensure!(signer.is_in(Relationship::CapabilityInvocation), Error::<T>::KeyNotAuthorized);
			let payload = Self::signing_payload(operation);
			ensure!(signature.verify(&payload, &signer.key), Error::<T>::InvalidSignature);
			Ok(())
		}

		fn add_key(
			details: &mut DidDetails<T>,
			key: PublicKey,
			relationships: Relationships,
		) -> DispatchResult {
			ensure!(relationships.fit(&key), Error::<T>::InvalidRelationship);
			ensure!(details.keys.iter().all(|stored| stored.key != key), Error::<T>::DuplicateKey);
			let id = details.next_key_id;
			details
				.keys
				.try_push(StoredKey { id, key, relationships })
				.map_err(|_| Error::<T>::TooManyKeys)?;
			details.next_key_id = id.saturating_add(1);
			Ok(())
		}

		fn add_service(details: &mut DidDetails<T>, service: Service<T>) -> DispatchResult {
			ensure!(
				details.services.iter().all(|stored| stored.id != service.id),
				Error::<T>::DuplicateService
			);
			details.services.try_push(service).map_err(|_| Error::<T>::TooManyServices)?;
			Ok(())
		}

		fn key_index(details: &DidDetails<T>, key_id: KeyId) -> Result<usize, Error<T>> {
			details.keys.iter().position(|key| key.id == key_id).ok_or(Error::<T>::UnknownKey)
		}

		/// Applies every change but deactivation to `details`, and says which name's GID
		/// record the change links or unlinks, for the caller to write once the DID's deposit is
		/// settled.
		fn apply_change(
			details: &mut DidDetails<T>,
			change: DidChange<T>,
		) -> Result<Option<NameLink>, DispatchError> {
			let mut link = None;
			match change {
				DidChange::AddKey { key, relationships } => {
					Self::add_key(details, key, relationships)?
				},
				DidChange::RemoveKey { key_id } => {
					let index = Self::key_index(details, key_id)?;
					details.keys.remove(index);
				},
				DidChange::SetRelationships { key_id, relationships } => {
					let key = details
						.keys
						.iter_mut()
						.find(|key| key.id == key_id)
						.ok_or(Error::<T>::UnknownKey)?;
					ensure!(relationships.fit(&key.key), Error::<T>::InvalidRelationship);
					key.relationships = relationships;
				},
				DidChange::AddService { service } => Self::add_service(details, service)?,
				DidChange::RemoveService { id } => {
					let index = details
						.services
						.iter()
						.position(|service| service.id == id)
						.ok_or(Error::<T>::UnknownService)?;
					details.services.remove(index);
				},
				DidChange::SetController { controller } => details.controller = controller,
				DidChange::AddAlsoKnownAs { name } => {
					ensure!(
						T::Names::owner_of(&name).as_ref() == Some(&details.controller),
						Error::<T>::NameNotOwned
					);
					ensure!(
						!details.also_known_as.contains(&name),
						Error::<T>::DuplicateAlsoKnownAs
					);
					details
						.also_known_as
						.try_push(name.clone())
						.map_err(|_| Error::<T>::TooManyAlsoKnownAs)?;
					link = Some(NameLink::Claim(name));
				},
				DidChange::RemoveAlsoKnownAs { name } => {
					let index = details
						.also_known_as
						.iter()
						.position(|claimed| *claimed == name)
						.ok_or(Error::<T>::UnknownAlsoKnownAs)?;
					details.also_known_as.remove(index);
					link = Some(NameLink::Release(name));
				},
				DidChange::Deactivate => {},
			}
			ensure!(details.has_capability_invocation_key(), Error::<T>::NoCapabilityInvocationKey);
			Ok(link)
		}
	}
}
