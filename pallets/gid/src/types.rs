//! The pallet's domain types: stored DIDs, their tombstones, and the DID-signed operations that
//! change them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use ghostchain_primitives::{
	gid::{PublicKey, Relationship, Relationships},
	Balance,
};
use pallet_cns::Name;
use pallet_ghost_tokens::Deposit;
use scale_info::TypeInfo;

use crate::Config;

/// A verification method's number within its DID: `#key-<id>`. Never reused.
pub type KeyId = u32;

/// A verification method as stored.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct StoredKey {
	pub id: KeyId,
	pub key: PublicKey,
	pub relationships: Relationships,
}

impl StoredKey {
	pub fn is_in(&self, relationship: Relationship) -> bool {
		self.relationships.contains(relationship)
	}
}

/// A service endpoint: `#<id>`, its type, and where it is.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Service<T: Config> {
	pub id: BoundedVec<u8, T::MaxServiceIdLength>,
	pub service_type: BoundedVec<u8, T::MaxServiceTypeLength>,
	pub url: BoundedVec<u8, T::MaxServiceUrlLength>,
}

/// A live DID.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct DidDetails<T: Config> {
	/// The account that controls the DID: the W3C `controller`, whose CNS names the DID may
	/// claim in `alsoKnownAs`.
	pub controller: T::AccountId,
	pub keys: BoundedVec<StoredKey, T::MaxKeys>,
	/// The id the next added key gets.
	pub next_key_id: KeyId,
	pub services: BoundedVec<Service<T>, T::MaxServices>,
	/// CNS names claimed while the controller owned them.
	pub also_known_as: BoundedVec<Name, T::MaxAlsoKnownAs>,
	pub created: BlockNumberFor<T>,
	pub updated: BlockNumberFor<T>,
	/// The time of block `created`, in milliseconds since the Unix epoch.
	pub created_at: u64,
	/// The time of block `updated`, in milliseconds since the Unix epoch.
	pub updated_at: u64,
	/// 1 when created, one more after each change.
	pub version: u32,
	/// The nonce the next DID-signed operation must carry.
	pub nonce: u64,
	/// GCC held for this data, from whoever last sent a change.
	pub deposit: Deposit<T::AccountId>,
}

impl<T: Config> DidDetails<T> {
	pub fn key(&self, id: KeyId) -> Option<&StoredKey> {
		self.keys.iter().find(|key| key.id == id)
	}

	/// Whether any key can still sign changes.
	pub fn has_capability_invocation_key(&self) -> bool {
		self.keys.iter().any(|key| key.is_in(Relationship::CapabilityInvocation))
	}

	/// The deposit this DID calls for: a base plus its encoded size.
	pub fn required_deposit(&self) -> Balance {
		let bytes = self.encoded_size() as Balance;
		T::DepositPerByte::get().saturating_mul(bytes).saturating_add(T::DepositBase::get())
	}
}

/// What is left of a deactivated DID: enough to show it existed, and to refuse it forever.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Tombstone<BlockNumber> {
	pub created: BlockNumber,
	pub deactivated: BlockNumber,
	/// The times of those blocks, in milliseconds since the Unix epoch.
	pub created_at: u64,
	pub deactivated_at: u64,
	/// The version the deactivation made.
	pub version: u32,
}

/// One change to a DID document.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub enum DidChange<T: Config> {
	/// Adds a verification method in `relationships`.
	#[codec(index = 0)]
	AddKey { key: PublicKey, relationships: Relationships },
	#[codec(index = 1)]
	RemoveKey { key_id: KeyId },
	/// Replaces the relationships of a key.
	#[codec(index = 2)]
	SetRelationships { key_id: KeyId, relationships: Relationships },
	#[codec(index = 3)]
	AddService { service: Service<T> },
	#[codec(index = 4)]
	RemoveService { id: BoundedVec<u8, T::MaxServiceIdLength> },
	/// Hands the DID to another account.
	#[codec(index = 5)]
	SetController { controller: T::AccountId },
	/// Claims a CNS name that the controller owns.
	#[codec(index = 6)]
	AddAlsoKnownAs { name: Name },
	#[codec(index = 7)]
	RemoveAlsoKnownAs { name: Name },
	/// Ends the DID for good: its data goes, a tombstone stays, the deposit is returned.
	#[codec(index = 8)]
	Deactivate,
}

/// A change signed by one of the DID's capabilityInvocation keys. The signed payload is
/// [`crate::Pallet::signing_payload`] of this operation.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct DidOperation<T: Config> {
	/// The DID's subject account: `did:ghost:<its address>`.
	pub did: T::AccountId,
	/// The DID's current nonce; the operation uses it up.
	pub nonce: u64,
	/// The last block in which the operation is valid.
	pub expires_at: BlockNumberFor<T>,
	/// The key that signed.
	pub signer: KeyId,
	pub change: DidChange<T>,
}

/// A change to a CNS name's GID record that a DID change calls for.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum NameLink {
	/// Point the name's GID record at the DID.
	Claim(Name),
	/// Clear the name's GID record if it still points at the DID.
	Release(Name),
}

/// Sets up what the benchmarks cannot make generically.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `owner` the owner of the active CNS name `name`.
	fn make_name_owner(name: &Name, owner: &AccountId);
}
