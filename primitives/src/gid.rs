//! GID, Ghost ID: the `did:ghost` DID method's on-chain types, shared by the runtime, which
//! stores and checks DID documents, and the node, which renders them as W3C DID documents.
//!
//! A DID is `did:ghost:<address>`, where `<address>` is the SS58 address (prefix 4242) of the
//! account that created it; the DID is keyed on chain by that account id.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::{
	crypto::{AccountId32, Ss58AddressFormat, Ss58Codec},
	ecdsa, ed25519, sr25519,
};

use crate::chain::SS58_PREFIX;

/// The method name in `did:ghost:…`.
pub const DID_METHOD: &str = "ghost";

/// DIDs longer than this are refused unread: no `did:ghost` DID comes close.
pub const MAX_DID_LENGTH: usize = 256;

/// Why a string is not a `did:ghost` DID.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DidError {
	/// Not `did:<method>:<id>` with a lowercase method, too long, or an id that is not an SS58
	/// address with GhostChain's prefix.
	InvalidDid,
	/// A well-formed DID of another method.
	MethodNotSupported,
}

/// The subject account of `did:ghost:<address>`, where the address is SS58 with GhostChain's
/// prefix.
pub fn parse_did(did: &str) -> Result<AccountId32, DidError> {
	if did.len() > MAX_DID_LENGTH {
		return Err(DidError::InvalidDid);
	}
	let mut parts = did.splitn(3, ':');
	let (Some("did"), Some(method), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
		return Err(DidError::InvalidDid);
	};
	let method_is_valid =
		!method.is_empty() && method.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
	if !method_is_valid {
		return Err(DidError::InvalidDid);
	}
	if method != DID_METHOD {
		return Err(DidError::MethodNotSupported);
	}
	match AccountId32::from_ss58check_with_version(id) {
		Ok((account, format)) if format == Ss58AddressFormat::custom(SS58_PREFIX) => Ok(account),
		_ => Err(DidError::InvalidDid),
	}
}

/// Domain tag in front of every DID-signed payload, so a DID signature can never be mistaken
/// for a transaction or another protocol's message.
pub const OPERATION_CONTEXT: &[u8] = b"ghost/gid/operation";

/// A verification method's public key.
#[derive(
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum PublicKey {
	/// Schnorrkel on Ristretto, the Substrate default: signing.
	#[codec(index = 0)]
	Sr25519(sr25519::Public),
	/// Ed25519: signing.
	#[codec(index = 1)]
	Ed25519(ed25519::Public),
	/// ECDSA on secp256k1, compressed (33 bytes): signing.
	#[codec(index = 2)]
	EcdsaSecp256k1(ecdsa::Public),
	/// X25519: key agreement (encryption) only.
	#[codec(index = 3)]
	X25519([u8; 32]),
}

impl PublicKey {
	/// Whether the key signs (every kind but X25519).
	pub fn is_signing(&self) -> bool {
		!matches!(self, PublicKey::X25519(_))
	}
}

/// A W3C verification relationship.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Relationship {
	#[codec(index = 0)]
	Authentication,
	#[codec(index = 1)]
	AssertionMethod,
	/// Only for X25519 keys.
	#[codec(index = 2)]
	KeyAgreement,
	/// Signs the operations that change the DID document.
	#[codec(index = 3)]
	CapabilityInvocation,
	#[codec(index = 4)]
	CapabilityDelegation,
}

impl Relationship {
	/// Every relationship, in the order DID documents list them.
	pub const ALL: [Relationship; 5] = [
		Relationship::Authentication,
		Relationship::AssertionMethod,
		Relationship::KeyAgreement,
		Relationship::CapabilityInvocation,
		Relationship::CapabilityDelegation,
	];

	/// The property name in a DID document.
	pub const fn property(self) -> &'static str {
		match self {
			Relationship::Authentication => "authentication",
			Relationship::AssertionMethod => "assertionMethod",
			Relationship::KeyAgreement => "keyAgreement",
			Relationship::CapabilityInvocation => "capabilityInvocation",
			Relationship::CapabilityDelegation => "capabilityDelegation",
		}
	}

	const fn bit(self) -> u8 {
		1 << (self as u8)
	}
}

/// The relationships a key is in, as a bit set (bit `n` for the relationship of index `n`).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Relationships(u8);

impl Relationships {
	/// The set of `relationships`.
	pub fn of(relationships: &[Relationship]) -> Self {
		Self(relationships.iter().fold(0, |bits, r| bits | r.bit()))
	}

	pub fn contains(self, relationship: Relationship) -> bool {
		self.0 & relationship.bit() != 0
	}

	/// Whether `key` may be in these relationships: at least one, only known ones, and key
	/// agreement exactly for X25519 keys.
	pub fn fit(self, key: &PublicKey) -> bool {
		let known = Relationships::of(&Relationship::ALL).0;
		let well_formed = self.0 != 0 && self.0 & !known == 0;
		let agreement_only = self.0 == Relationship::KeyAgreement.bit();
		well_formed
			&& if key.is_signing() {
				!self.contains(Relationship::KeyAgreement)
			} else {
				agreement_only
			}
	}
}

/// A signature by one of a DID's signing keys.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum DidSignature {
	#[codec(index = 0)]
	Sr25519(sr25519::Signature),
	#[codec(index = 1)]
	Ed25519(ed25519::Signature),
	/// Over the BLAKE2-256 hash of the message, as Substrate's ECDSA signatures are.
	#[codec(index = 2)]
	EcdsaSecp256k1(ecdsa::Signature),
}

impl DidSignature {
	/// Whether this is `key`'s valid signature of `message`, checked by sp-io's verifiers.
	pub fn verify(&self, message: &[u8], key: &PublicKey) -> bool {
		use sp_runtime::traits::Verify;
		match (self, key) {
			(DidSignature::Sr25519(signature), PublicKey::Sr25519(key)) => {
				signature.verify(message, key)
			},
			(DidSignature::Ed25519(signature), PublicKey::Ed25519(key)) => {
				signature.verify(message, key)
			},
			(DidSignature::EcdsaSecp256k1(signature), PublicKey::EcdsaSecp256k1(key)) => {
				signature.verify(message, key)
			},
			_ => false,
		}
	}
}

/// A verification method in a [`DidDocument`]: `did:ghost:<address>#key-<id>`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct VerificationMethod {
	pub id: u32,
	pub key: PublicKey,
	pub relationships: Relationships,
}

/// A service endpoint in a [`DidDocument`]: `did:ghost:<address>#<id>`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ServiceEndpoint {
	pub id: Vec<u8>,
	pub service_type: Vec<u8>,
	pub url: Vec<u8>,
}

/// A DID as [`GidApi::document`] returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct DidDocument<AccountId, BlockNumber> {
	/// The account that controls the DID; the document names it as `did:ghost:<its address>`.
	/// None once deactivated.
	pub controller: Option<AccountId>,
	pub verification_methods: Vec<VerificationMethod>,
	pub services: Vec<ServiceEndpoint>,
	/// CNS names the controller still owns.
	pub also_known_as: Vec<Vec<u8>>,
	pub created: BlockNumber,
	pub updated: BlockNumber,
	/// When the block `created` was made, in milliseconds since the Unix epoch.
	pub created_at: u64,
	/// When the block `updated` was made, in milliseconds since the Unix epoch.
	pub updated_at: u64,
	/// Counts the document's versions: 1 when created, one more after each change.
	pub version: u32,
	pub deactivated: bool,
}

sp_api::decl_runtime_apis! {
	/// Reads GID for the node's `gid_*` RPC.
	pub trait GidApi<AccountId, BlockNumber> where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The document of the DID of `subject`, or None if there never was one. A deactivated
		/// DID returns its tombstone: no keys, `deactivated: true`.
		fn document(subject: AccountId) -> Option<DidDocument<AccountId, BlockNumber>>;

		/// Whether `signature` of `message` is valid for a key of the DID that is in
		/// `relationship`.
		fn verify(
			subject: AccountId,
			relationship: Relationship,
			message: Vec<u8>,
			signature: DidSignature,
		) -> bool;
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::Pair;
	use Relationship::*;

	#[test]
	fn only_ghost_dids_of_ghostchain_addresses_parse() {
		let account = AccountId32::new([7; 32]);
		let address = account.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX));
		assert_eq!(parse_did(&alloc::format!("did:ghost:{address}")), Ok(account.clone()));
		let polkadot = account.to_ss58check_with_version(Ss58AddressFormat::custom(0));
		assert_eq!(parse_did(&alloc::format!("did:ghost:{polkadot}")), Err(DidError::InvalidDid));
		assert_eq!(
			parse_did(&alloc::format!("did:kilt:{address}")),
			Err(DidError::MethodNotSupported)
		);
		for malformed in ["", "did:ghost", "did:Ghost:x", "ghost:did:x", "did::x", "did:ghost:0x07"]
		{
			assert_eq!(parse_did(malformed), Err(DidError::InvalidDid), "{malformed}");
		}
		let too_long = alloc::format!("did:ghost:{address}{}", "1".repeat(MAX_DID_LENGTH));
		assert_eq!(parse_did(&too_long), Err(DidError::InvalidDid));
	}

	#[test]
	fn x25519_keys_only_agree_and_signing_keys_never_do() {
		let signing = PublicKey::Ed25519(ed25519::Public::from_raw([1; 32]));
		let agreeing = PublicKey::X25519([2; 32]);
		assert!(Relationships::of(&[Authentication, CapabilityInvocation]).fit(&signing));
		assert!(!Relationships::of(&[Authentication, KeyAgreement]).fit(&signing));
		assert!(Relationships::of(&[KeyAgreement]).fit(&agreeing));
		assert!(!Relationships::of(&[KeyAgreement, Authentication]).fit(&agreeing));
		assert!(!Relationships::default().fit(&signing));
		assert!(!Relationships(0b1000_0000).fit(&signing), "an unknown bit");
		assert_eq!(Relationships::of(&[Authentication, CapabilityInvocation]).encode(), [0b1001]);
	}

	#[test]
	fn signatures_verify_only_with_their_own_key() {
		let message = b"did:ghost";
		let sr = sr25519::Pair::from_seed(&[1; 32]);
		let ed = ed25519::Pair::from_seed(&[2; 32]);
		let ec = ecdsa::Pair::from_seed(&[3; 32]);
		let cases = [
			(DidSignature::Sr25519(sr.sign(message)), PublicKey::Sr25519(sr.public())),
			(DidSignature::Ed25519(ed.sign(message)), PublicKey::Ed25519(ed.public())),
			(
				DidSignature::EcdsaSecp256k1(ec.sign(message)),
				PublicKey::EcdsaSecp256k1(ec.public()),
			),
		];
		for (signature, key) in &cases {
			assert!(signature.verify(message, key));
			assert!(!signature.verify(b"another message", key));
		}
		// A signature never verifies with a key of another kind or another key of its kind.
		assert!(!cases[0].0.verify(message, &cases[1].1));
		let other = PublicKey::Sr25519(sr25519::Pair::from_seed(&[9; 32]).public());
		assert!(!cases[0].0.verify(message, &other));
	}
}
