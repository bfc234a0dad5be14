//! The pallet's domain types: the bridge's parameters, requests, attestations and records.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::ConstU32, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use ghostchain_primitives::cns::{BridgeSource, MAX_NAME_LENGTH};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::{H160, H256};

use crate::Config;

/// A bridged name as bytes, `vitalik.eth` or `brad.crypto`.
pub type Name = BoundedVec<u8, ConstU32<{ MAX_NAME_LENGTH as u32 }>>;
/// A SLIP-44 coin type, numbered as ENSIP-9 and ENSIP-11 do.
pub type CoinType = u32;
/// An address in its coin's binary form (ENSIP-9).
pub type AddressOf<T> = BoundedVec<u8, <T as Config>::MaxAddressLength>;
/// The key of a text record, `url` or `com.github`.
pub type TextKeyOf<T> = BoundedVec<u8, <T as Config>::MaxTextKeyLength>;
/// The value of a text record.
pub type TextValueOf<T> = BoundedVec<u8, <T as Config>::MaxTextValueLength>;
/// An ENSIP-7 content hash.
pub type ContentHashOf<T> = BoundedVec<u8, <T as Config>::MaxContentHashLength>;
/// Numbers requests, so that an attestation answers one request and cannot be replayed for
/// the next request of the same name.
pub type RequestId = u64;

/// What the bridge reads and how long its answers last. Genesis sets it; the admin origin
/// changes it with `set_parameters`.
#[derive(
	Clone,
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
#[serde(rename_all = "camelCase")]
pub struct BridgeParameters<BlockNumber> {
	/// How many oracles must attest the same answer: more than half of them, so that two
	/// different answers can never both be stored.
	pub quorum: u32,
	/// How long a stored record resolves, in blocks from the attestation that completed it.
	pub record_ttl: BlockNumber,
	/// How long a request waits for its quorum before it expires and refunds its deposit.
	pub request_ttl: BlockNumber,
	/// The ENS registry contract (`ENSRegistry`) on Ethereum.
	pub ens_registry: H160,
	/// Unstoppable Domains' `ProxyReader` contract on Ethereum.
	pub uns_proxy_reader: H160,
}

/// A name waiting for its quorum.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Request<AccountId, Balance, BlockNumber> {
	pub id: RequestId,
	pub name: Name,
	pub source: BridgeSource,
	/// Who asked, and paid the deposit.
	pub requester: AccountId,
	/// Held from the requester: paid to the fee destination once answered, refunded on expiry.
	pub deposit: Balance,
	/// The block whose start expires the request if it is still unanswered.
	pub expires_at: BlockNumber,
}

/// A name's records as an Ethereum name service holds them, each bounded as CNS bounds its own.
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
pub struct BridgedRecords<T: Config> {
	/// The owner: the ENS registry's `owner(node)`, or the UNS token's owner.
	pub owner: H160,
	/// One address per coin type, in ascending coin-type order.
	pub addresses: BoundedVec<(CoinType, AddressOf<T>), T::MaxAddresses>,
	/// Text records, in ascending key order.
	pub texts: BoundedVec<(TextKeyOf<T>, TextValueOf<T>), T::MaxTextRecords>,
	pub content_hash: Option<ContentHashOf<T>>,
}

impl<T: Config> BridgedRecords<T> {
	/// Whether addresses and texts are each in ascending key order, without repeats: the one
	/// form in which oracles' answers compare equal.
	pub fn is_canonical(&self) -> bool {
		self.addresses.windows(2).all(|pair| matches!(pair, [a, b] if a.0 < b.0))
			&& self.texts.windows(2).all(|pair| matches!(pair, [a, b] if a.0 < b.0))
	}
}

/// What Ethereum says about a name.
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
pub enum Lookup<T: Config> {
	/// The name is not registered (no owner, or on ENS no resolver).
	#[codec(index = 0)]
	NotFound,
	#[codec(index = 1)]
	Found(BridgedRecords<T>),
}

/// The Ethereum block an oracle read.
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
pub struct EthBlock {
	pub number: u64,
	pub hash: H256,
}

/// One oracle's answer to one request, which it signs.
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
pub struct Attestation<T: Config> {
	pub request: RequestId,
	pub name: Name,
	/// The finalized Ethereum block the oracle read the name at.
	pub eth_block: EthBlock,
	pub lookup: Lookup<T>,
}

/// A bridged name's answer as the quorum agreed on it.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct BridgedRecord<T: Config> {
	pub name: Name,
	pub source: BridgeSource,
	/// The earliest Ethereum block among the agreeing attestations: the records held there,
	/// and, as far as the quorum knows, since.
	pub eth_block: EthBlock,
	pub lookup: Lookup<T>,
	/// The block whose start removes the record; it resolves until then.
	pub expires_at: frame_system::pallet_prelude::BlockNumberFor<T>,
}
