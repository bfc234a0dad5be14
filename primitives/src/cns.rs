//! The name rules of CNS, the Crypto Name Service: which names exist and which TLDs they end
//! in. The runtime enforces them; the node's RPC checks a name with the same code before it asks
//! the runtime, so both refuse a name for the same reason.
//!
//! A name is dot-separated labels ending in a TLD: `alice.ghost`, `pay.alice.ghost`. A label is
//! 1–63 bytes of lowercase ASCII letters, digits and hyphens, with no hyphen at either end; a
//! name is at most 253 bytes.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::traits::{Hash, Keccak256};

/// The longest label, in bytes (as in DNS).
pub const MAX_LABEL_LENGTH: usize = 63;
/// The longest name, TLD and dots included, in bytes (as in DNS).
pub const MAX_NAME_LENGTH: usize = 253;
/// The most names [`CnsApi::names_of`] returns at once.
pub const MAX_NAMES_PER_PAGE: u32 = 100;

/// A native CNS top-level domain. The SCALE index of each variant is fixed.
#[derive(
	Clone,
	Copy,
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
	Serialize,
	Deserialize,
)]
pub enum Tld {
	/// `.ghost`
	#[codec(index = 0)]
	Ghost,
	/// `.gcc`
	#[codec(index = 1)]
	Gcc,
	/// `.warp`
	#[codec(index = 2)]
	Warp,
	/// `.arc`
	#[codec(index = 3)]
	Arc,
	/// `.gcp`
	#[codec(index = 4)]
	Gcp,
}

impl Tld {
	/// All native TLDs, in the order of their SCALE index.
	pub const ALL: [Tld; 5] = [Tld::Ghost, Tld::Gcc, Tld::Warp, Tld::Arc, Tld::Gcp];

	/// The TLD as it is written in a name, without the dot.
	pub const fn label(self) -> &'static str {
		match self {
			Tld::Ghost => "ghost",
			Tld::Gcc => "gcc",
			Tld::Warp => "warp",
			Tld::Arc => "arc",
			Tld::Gcp => "gcp",
		}
	}

	/// The native TLD written `label`, if it is one.
	pub fn from_label(label: &[u8]) -> Option<Tld> {
		Tld::ALL.into_iter().find(|tld| tld.label().as_bytes() == label)
	}
}

/// TLDs whose names live on Ethereum and reach CNS through the bridge: ENS's `.eth` and the
/// Unstoppable Domains TLDs of UNS as of 2026.
pub const BRIDGED_TLDS: [&str; 19] = [
	"eth",
	"crypto",
	"nft",
	"blockchain",
	"bitcoin",
	"coin",
	"wallet",
	"888",
	"dao",
	"x",
	"zil",
	"polygon",
	"unstoppable",
	"klever",
	"hi",
	"kresus",
	"anime",
	"manga",
	"binanceus",
];

/// Why a name is not a valid native CNS name. Each variant has the name of the CNS pallet's
/// error for it, which the RPC reports as its `reason`. SCALE-encoded as its index.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode)]
pub enum NameError {
	/// The name is empty.
	EmptyName,
	/// The name is longer than 253 bytes.
	NameTooLong,
	/// A label is empty: two dots in a row, or a dot at the start or end.
	EmptyLabel,
	/// A label is longer than 63 bytes.
	LabelTooLong,
	/// The name has uppercase letters; names are lowercase (the RPC lowercases for you).
	Uppercase,
	/// The name has a byte outside ASCII: Unicode names are not supported.
	NonAscii,
	/// The name has an ASCII character other than `a`–`z`, `0`–`9`, `-` and the dots.
	InvalidCharacter,
	/// A label starts or ends with a hyphen.
	HyphenAtLabelEdge,
	/// The name is a single label, with no TLD.
	MissingTld,
	/// The TLD is neither native nor bridged.
	UnknownTld,
	/// The TLD is `.eth` or an Unstoppable Domains TLD, whose names the bridge serves.
	BridgedTld,
}

/// A valid native name, split into its parts.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ParsedName<'a> {
	/// The labels left of the TLD, left to right: `["pay", "alice"]` for `pay.alice.ghost`.
	pub labels: Vec<&'a [u8]>,
	pub tld: Tld,
}

impl ParsedName<'_> {
	/// Whether the name is `label.tld`, the only kind that is registered and paid for.
	pub fn is_second_level(&self) -> bool {
		self.labels.len() == 1
	}

	/// The length of the label left of the TLD (`alice` in `pay.alice.ghost`), which prices a
	/// name; a parsed name always has one.
	pub fn label_length(&self) -> usize {
		self.labels.last().map_or(0, |label| label.len())
	}
}

/// Checks one label's bytes; the caller has split on dots.
fn check_label(label: &[u8]) -> Result<(), NameError> {
	if label.is_empty() {
		return Err(NameError::EmptyLabel);
	}
	if label.len() > MAX_LABEL_LENGTH {
		return Err(NameError::LabelTooLong);
	}
	for &byte in label {
		match byte {
			b'a'..=b'z' | b'0'..=b'9' | b'-' => {},
			b'A'..=b'Z' => return Err(NameError::Uppercase),
			0x80..=0xff => return Err(NameError::NonAscii),
			_ => return Err(NameError::InvalidCharacter),
		}
	}
	if label.starts_with(b"-") || label.ends_with(b"-") {
		return Err(NameError::HyphenAtLabelEdge);
	}
	Ok(())
}

/// The Ethereum name service that holds a bridged name.
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
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum BridgeSource {
	/// ENS: `.eth` names.
	#[codec(index = 0)]
	Ens,
	/// Unstoppable Domains' UNS: `.crypto`, `.nft`, `.x`, … ([`BRIDGED_TLDS`] but `.eth`).
	#[codec(index = 1)]
	Uns,
}

/// A syntactically valid name: native, or served by the Ethereum name bridge.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum NameKind<'a> {
	Native(ParsedName<'a>),
	Bridged(BridgeSource),
}

/// Says whether `name` is a native or a bridged name, or why it is neither. Both follow the
/// same label rules, so a bridged name is ASCII: ENSIP-15 normalization of Unicode ENS names has
/// no `no_std` implementation yet. Every label's syntax is checked before the TLD, so
/// `Alice.eth` is `Uppercase`.
pub fn classify_name(name: &[u8]) -> Result<NameKind<'_>, NameError> {
	if name.is_empty() {
		return Err(NameError::EmptyName);
	}
	if name.len() > MAX_NAME_LENGTH {
		return Err(NameError::NameTooLong);
	}
	let mut labels: Vec<&[u8]> = name.split(|&byte| byte == b'.').collect();
	labels.iter().try_for_each(|label| check_label(label))?;
	let tld = labels.pop().filter(|_| !labels.is_empty()).ok_or(NameError::MissingTld)?;
	if let Some(tld) = Tld::from_label(tld) {
		return Ok(NameKind::Native(ParsedName { labels, tld }));
	}
	match BRIDGED_TLDS.iter().position(|bridged| bridged.as_bytes() == tld) {
		Some(0) => Ok(NameKind::Bridged(BridgeSource::Ens)),
		Some(_) => Ok(NameKind::Bridged(BridgeSource::Uns)),
		None => Err(NameError::UnknownTld),
	}
}

/// Parses `name` as a native CNS name, or says why it is not one (`BridgedTld` for a valid
/// bridged name).
pub fn parse_name(name: &[u8]) -> Result<ParsedName<'_>, NameError> {
	match classify_name(name)? {
		NameKind::Native(parsed) => Ok(parsed),
		NameKind::Bridged(_) => Err(NameError::BridgedTld),
	}
}

/// The EIP-137 namehash of `name`: ENS's node and, as a number, UNS's token id. Each label is
/// hashed with keccak-256 and folded in from the TLD leftwards; the empty name hashes to zero.
/// The name should have passed [`classify_name`], which ENS's own normalization agrees with for
/// lowercase ASCII.
pub fn namehash(name: &[u8]) -> [u8; 32] {
	let mut node = [0u8; 32];
	if name.is_empty() {
		return node;
	}
	for label in name.rsplit(|&byte| byte == b'.') {
		let mut preimage = [0u8; 64];
		preimage[..32].copy_from_slice(&node);
		preimage[32..].copy_from_slice(Keccak256::hash(label).as_bytes());
		node = Keccak256::hash(&preimage).0;
	}
	node
}

impl NameError {
	/// The reason in words, for RPC errors and logs.
	pub const fn reason(self) -> &'static str {
		match self {
			NameError::EmptyName => "the name is empty",
			NameError::NameTooLong => "the name is longer than 253 bytes",
			NameError::EmptyLabel => "a label is empty (two dots in a row, or a dot at an end)",
			NameError::LabelTooLong => "a label is longer than 63 bytes",
			NameError::Uppercase => "names are lowercase",
			NameError::NonAscii => "names are ASCII: Unicode is not supported",
			NameError::InvalidCharacter => "a label may hold only a-z, 0-9 and hyphens",
			NameError::HyphenAtLabelEdge => "a label may not start or end with a hyphen",
			NameError::MissingTld => "the name has no TLD",
			NameError::UnknownTld => {
				"the TLD is neither CNS's (.ghost, .gcc, .warp, .arc, .gcp) nor a bridged one (.eth, .crypto, …)"
			},
			NameError::BridgedTld => "the TLD is served by the Ethereum name bridge, not CNS",
		}
	}
}

/// ENSIP-9 coin type (SLIP-44) of Ether: its address record is the 20-byte account.
pub const ETH_COIN_TYPE: u32 = 60;
/// ENSIP-9 coin type (SLIP-44) of DOT: its address record is the 32-byte public key.
pub const DOT_COIN_TYPE: u32 = 354;
/// Coin type of GCC, by ENSIP-11 for EVM chains: `0x8000_0000 | chain id`. Its address record
/// is a 20-byte GhostChain EVM address, so ENS tooling that resolves EVM chains finds it.
pub const GCC_COIN_TYPE: u32 = 0x8000_0000 | crate::chain::EVM_CHAIN_ID as u32;

/// The byte length an address record of `coin_type` must have, when CNS knows the coin.
pub const fn address_length(coin_type: u32) -> Option<usize> {
	match coin_type {
		ETH_COIN_TYPE | GCC_COIN_TYPE => Some(20),
		DOT_COIN_TYPE => Some(32),
		_ => None,
	}
}

/// Where a name is in its lifecycle.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NameStatus {
	/// Registered and not expired: it resolves.
	Active,
	/// Expired, within the grace period: only the owner may renew it, and it does not resolve.
	Grace,
	/// Past the grace period: anyone may register it, and its records are gone.
	Expired,
}

/// What a name resolves to, from [`CnsApi::resolve`].
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct Resolution<AccountId, BlockNumber> {
	/// Who owns the name.
	pub owner: AccountId,
	/// The one account the owner lets manage the records, if any.
	pub operator: Option<AccountId>,
	/// The parent of a subname (`alice.ghost` for `pay.alice.ghost`).
	pub parent: Option<Vec<u8>>,
	/// The last block of the paid registration (the parent's, for a subname).
	pub expiry: BlockNumber,
	pub status: NameStatus,
	/// Address per coin type, in coin-type order. Empty unless the name is active.
	pub addresses: Vec<(u32, Vec<u8>)>,
	/// Text records, in key order. Empty unless the name is active.
	pub texts: Vec<(Vec<u8>, Vec<u8>)>,
	/// The ENSIP-7 content hash. None unless the name is active.
	pub content_hash: Option<Vec<u8>>,
	/// The linked GID's 32-byte identifier. None unless the name is active.
	pub gid: Option<sp_core::H256>,
}

/// What a bridged name resolves to, from [`CnsApi::resolve_bridged`]: the answer an oracle
/// quorum attested, read on Ethereum.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct BridgedResolution<BlockNumber> {
	pub source: BridgeSource,
	/// The number of the Ethereum block the answer reflects.
	pub eth_block_number: u64,
	pub eth_block_hash: sp_core::H256,
	/// The last block at which the answer resolves; then it is gone until requested again.
	pub expiry: BlockNumber,
	/// The name's records, or None if it is not registered on Ethereum.
	pub records: Option<BridgedNameRecords>,
}

/// A bridged name's records, as the Ethereum name service holds them.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct BridgedNameRecords {
	/// The Ethereum account that owns the name.
	pub owner: sp_core::H160,
	/// Address per coin type, in coin-type order.
	pub addresses: Vec<(u32, Vec<u8>)>,
	/// Text records, in key order.
	pub texts: Vec<(Vec<u8>, Vec<u8>)>,
	/// The ENSIP-7 content hash.
	pub content_hash: Option<Vec<u8>>,
}

sp_api::decl_runtime_apis! {
	/// Reads CNS for the node's `cns_*` RPC and other clients.
	///
	/// Version 2 adds [`CnsApi::resolve_bridged`].
	#[api_version(2)]
	pub trait CnsApi<AccountId, BlockNumber> where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The registration and records of `name`, a valid native name, or None if it was
		/// never registered or has been released.
		fn resolve(name: Vec<u8>) -> Option<Resolution<AccountId, BlockNumber>>;

		/// The primary name of `account`, if it set one that it still owns or that still points
		/// at it, and that is active.
		fn reverse(account: AccountId) -> Option<Vec<u8>>;

		/// Up to `limit` (at most [`MAX_NAMES_PER_PAGE`]) names (subnames included) owned by
		/// `owner`, skipping the first `start`,
		/// in the chain's storage order (stable between blocks that do not change the set).
		fn names_of(owner: AccountId, start: u32, limit: u32) -> Vec<Vec<u8>>;

		/// The quorum's answer for `name`, a valid bridged name (`vitalik.eth`), or None if
		/// nobody requested it or its answer has expired.
		#[api_version(2)]
		fn resolve_bridged(name: Vec<u8>) -> Option<BridgedResolution<BlockNumber>>;
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::{format, vec};

	fn parse(name: &str) -> Result<ParsedName<'_>, NameError> {
		parse_name(name.as_bytes())
	}

	#[test]
	fn native_names_and_subnames_parse() {
		for tld in Tld::ALL {
			let name = format!("alice.{}", tld.label());
			assert_eq!(parse(&name), Ok(ParsedName { labels: vec![&b"alice"[..]], tld }));
		}
		let parsed = parse("pay-1.alice.ghost").unwrap();
		assert_eq!(parsed.labels, [&b"pay-1"[..], &b"alice"[..]]);
		assert_eq!(parse("0.gcc").unwrap().labels, [&b"0"[..]]);
	}

	#[test]
	fn each_malformed_name_has_its_own_error() {
		assert_eq!(parse(""), Err(NameError::EmptyName));
		assert_eq!(parse("Alice.ghost"), Err(NameError::Uppercase));
		assert_eq!(parse("alice.GHOST"), Err(NameError::Uppercase));
		assert_eq!(parse("ålice.ghost"), Err(NameError::NonAscii));
		assert_eq!(parse("al_ice.ghost"), Err(NameError::InvalidCharacter));
		assert_eq!(parse("al ice.ghost"), Err(NameError::InvalidCharacter));
		assert_eq!(parse("-a.ghost"), Err(NameError::HyphenAtLabelEdge));
		assert_eq!(parse("a-.ghost"), Err(NameError::HyphenAtLabelEdge));
		assert_eq!(parse("a..ghost"), Err(NameError::EmptyLabel));
		assert_eq!(parse(".a.ghost"), Err(NameError::EmptyLabel));
		assert_eq!(parse("a.ghost."), Err(NameError::EmptyLabel));
		assert_eq!(parse("ghost"), Err(NameError::MissingTld));
		assert_eq!(parse("alice.com"), Err(NameError::UnknownTld));
		assert_eq!(parse("x.eth"), Err(NameError::BridgedTld));
		assert_eq!(parse("brad.crypto"), Err(NameError::BridgedTld));
		assert_eq!(parse("Alice.eth"), Err(NameError::Uppercase));
	}

	#[test]
	fn bridged_names_name_their_service() {
		fn kind(name: &str) -> Result<NameKind<'_>, NameError> {
			classify_name(name.as_bytes())
		}
		assert_eq!(kind("vitalik.eth"), Ok(NameKind::Bridged(BridgeSource::Ens)));
		assert_eq!(kind("pay.vitalik.eth"), Ok(NameKind::Bridged(BridgeSource::Ens)));
		for tld in &BRIDGED_TLDS[1..] {
			assert_eq!(kind(&format!("brad.{tld}")), Ok(NameKind::Bridged(BridgeSource::Uns)));
		}
		assert!(matches!(kind("alice.ghost"), Ok(NameKind::Native(_))));
		assert_eq!(kind("vitalik.ETH"), Err(NameError::Uppercase));
		assert_eq!(kind("vitalík.eth"), Err(NameError::NonAscii));
		assert_eq!(kind("eth"), Err(NameError::MissingTld));
		assert_eq!(kind("alice.com"), Err(NameError::UnknownTld));
	}

	#[test]
	fn namehash_matches_eip_137() {
		use sp_core::hex2array;
		// The vectors of EIP-137, then UNS's `.crypto` root as its registry mints it.
		assert_eq!(namehash(b""), [0; 32]);
		assert_eq!(
			namehash(b"eth"),
			hex2array!("93cdeb708b7545dc668eb9280176169d1c33cfd8ed6f04690a0bcc88a93fc4ae")
		);
		assert_eq!(
			namehash(b"foo.eth"),
			hex2array!("de9b09fd7c5f901e23a3f19fecc54828e9c848539801e86591bd9801b019f84f")
		);
		assert_eq!(
			namehash(b"crypto"),
			hex2array!("0f4a10a4f46c288cea365fcf45cccf0e9d901b945b9829ccdb54c10dc3cb7a6f")
		);
	}

	#[test]
	fn labels_and_names_stop_at_the_dns_limits() {
		let longest_label = "a".repeat(MAX_LABEL_LENGTH);
		assert!(parse(&format!("{longest_label}.ghost")).is_ok());
		assert_eq!(parse(&format!("a{longest_label}.ghost")), Err(NameError::LabelTooLong));

		// 62 + 1 + 62 + 1 + 62 + 1 + 58 + 1 + 5 = 253 bytes.
		let label = "b".repeat(62);
		let longest_name = format!("{label}.{label}.{label}.{}.ghost", "c".repeat(58));
		assert_eq!(longest_name.len(), MAX_NAME_LENGTH);
		assert!(parse(&longest_name).is_ok());
		assert_eq!(parse(&format!("d{longest_name}")), Err(NameError::NameTooLong));
	}

	#[test]
	fn coin_types_follow_ensip_9_and_11() {
		assert_eq!(GCC_COIN_TYPE, 2_147_528_326, "0x80000000 | 44678");
		assert_eq!(address_length(ETH_COIN_TYPE), Some(20));
		assert_eq!(address_length(DOT_COIN_TYPE), Some(32));
		assert_eq!(address_length(GCC_COIN_TYPE), Some(20));
		assert_eq!(address_length(0), None);
	}

	#[test]
	fn tld_encodings_are_stable() {
		let encoded: Vec<Vec<u8>> = Tld::ALL.iter().map(Encode::encode).collect();
		assert_eq!(encoded, [[0u8], [1], [2], [3], [4]]);
		assert!(Tld::ALL.iter().all(|tld| !BRIDGED_TLDS.contains(&tld.label())));
	}
}
