//! The oracles' off-chain worker: on each block, it reads the waiting requests' names on
//! Ethereum, at the `finalized` block of the endpoint the node's operator configured, and
//! submits each answer as an authorized `attest` signed with a local oracle key.
//!
//! ENS: the registry's `owner(node)` and `resolver(node)`, then on the resolver `addr(node)`
//! (ETH), `addr(node, coinType)` for DOT and GCC, `text(node, key)` for [`TEXT_KEYS`] and
//! `contenthash(node)`. A name without a resolver of its own is resolved through the nearest
//! parent's resolver if it supports ENSIP-10 (`resolve(bytes,bytes)`). UNS: `ProxyReader`'s
//! `getData(keys, tokenId)` with the namehash as the token id, for `crypto.ETH.address` and
//! [`TEXT_KEYS`]. A record the contract does not have, or that is larger than the runtime's
//! bounds, is left out: every honest oracle leaves out the same ones.

use alloc::{format, string::String, vec, vec::Vec};
use alloy_primitives::{hex, Address, Bytes, FixedBytes, U256};
use alloy_sol_types::{sol, SolCall};
use codec::Encode;
use frame_support::{traits::Get, BoundedVec};
use frame_system::{offchain::SubmitTransaction, pallet_prelude::BlockNumberFor};
use ghostchain_primitives::cns::{
	namehash, BridgeSource, DOT_COIN_TYPE, ETH_COIN_TYPE, GCC_COIN_TYPE,
};
use serde::Deserialize;
use sp_core::{H160, H256};
use sp_runtime::{
	offchain::{http, storage::StorageValueRef, Duration},
	traits::Saturating,
	RuntimeAppPublic,
};

use crate::*;

/// Where the node keeps the Ethereum JSON-RPC URL its operator gave (`--cns-bridge-eth-rpc`),
/// in the offchain database's persistent storage. No URL: this node does not attest.
pub const ETH_RPC_URL_KEY: &[u8] = b"cns-bridge::eth-rpc-url";

/// The offchain value noting when each local oracle last tried each waiting request.
const TRIED_KEY: &[u8] = b"cns-bridge::tried";

/// The text records the bridge copies, in ascending order (ENS's and UNS's keys alike).
pub const TEXT_KEYS: [&str; 6] =
	["avatar", "com.github", "com.twitter", "description", "email", "url"];

/// The UNS key of a name's ETH address.
const UNS_ETH_ADDRESS_KEY: &str = "crypto.ETH.address";

/// The coin types read with ENSIP-9's `addr(node, coinType)`, besides ETH's `addr(node)`.
const ENS_COIN_TYPES: [u32; 2] = [DOT_COIN_TYPE, GCC_COIN_TYPE];

/// ENSIP-10's `resolve(bytes,bytes)` interface id.
const EXTENDED_RESOLVER_INTERFACE: [u8; 4] = [0x90, 0x61, 0xb9, 0x23];

/// How long one JSON-RPC call may take.
const HTTP_TIMEOUT_MS: u64 = 10_000;

/// Requests answered per block, so that a slow endpoint cannot hold the worker for long.
const REQUESTS_PER_BLOCK: usize = 4;

/// Blocks before an oracle submits again for a request its answer has not reached.
pub(crate) const RESUBMIT_AFTER: u32 = 3;

sol! {
	function owner(bytes32 node) external view returns (address);
	function resolver(bytes32 node) external view returns (address);
	function addr(bytes32 node) external view returns (address);
	function addr(bytes32 node, uint256 coinType) external view returns (bytes memory);
	function text(bytes32 node, string calldata key) external view returns (string memory);
	function contenthash(bytes32 node) external view returns (bytes memory);
	function supportsInterface(bytes4 interfaceID) external view returns (bool);
	function resolve(bytes calldata name, bytes calldata data) external view returns (bytes memory);
	function getData(string[] calldata keys, uint256 tokenId)
		external view returns (address resolver, address owner, string[] memory values);
}

/// Why a name could not be read; the worker tries again at a later block.
#[derive(Debug, PartialEq, Eq)]
pub enum FetchError {
	/// No answer, or not JSON-RPC.
	Http,
	/// The endpoint answered with an error other than a revert.
	Rpc(i64),
	/// A result that is not what the call returns.
	Malformed,
}

#[derive(Deserialize)]
struct RpcResponse {
	result: Option<serde_json::Value>,
	error: Option<RpcError>,
}

#[derive(Deserialize)]
struct RpcError {
	code: i64,
	message: String,
}

#[derive(Deserialize)]
struct RpcBlock {
	number: String,
	hash: String,
}

/// An Ethereum JSON-RPC endpoint, read at one block.
struct Ethereum {
	url: String,
	block: EthBlock,
}

/// One JSON-RPC call; a revert is `Ok(None)`.
fn rpc_call(
	url: &str,
	method: &str,
	params: serde_json::Value,
) -> Result<Option<serde_json::Value>, FetchError> {
	let body = serde_json::json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
	let body = serde_json::to_vec(&body).map_err(|_| FetchError::Malformed)?;
	let deadline = sp_io::offchain::timestamp().add(Duration::from_millis(HTTP_TIMEOUT_MS));
	let pending = http::Request::post(url, vec![body])
		.add_header("Content-Type", "application/json")
		.deadline(deadline)
		.send()
		.map_err(|_| FetchError::Http)?;
	let response =
		pending.try_wait(deadline).map_err(|_| FetchError::Http)?.map_err(|_| FetchError::Http)?;
	if response.code != 200 {
		return Err(FetchError::Http);
	}
	let body: Vec<u8> = response.body().collect();
	let response: RpcResponse = serde_json::from_slice(&body).map_err(|_| FetchError::Http)?;
	match (response.result, response.error) {
		// Geth and anvil report a revert as error 3; some nodes only say so in the message.
		(_, Some(error)) if error.code == 3 || error.message.contains("revert") => Ok(None),
		(_, Some(error)) => Err(FetchError::Rpc(error.code)),
		(Some(result), None) => Ok(Some(result)),
		(None, None) => Err(FetchError::Malformed),
	}
}

/// The endpoint's finalized block.
fn finalized_block(url: &str) -> Result<EthBlock, FetchError> {
	let result = rpc_call(url, "eth_getBlockByNumber", serde_json::json!(["finalized", false]))?
		.ok_or(FetchError::Malformed)?;
	let block: RpcBlock = serde_json::from_value(result).map_err(|_| FetchError::Malformed)?;
	let number = u64::from_str_radix(block.number.trim_start_matches("0x"), 16)
		.map_err(|_| FetchError::Malformed)?;
	let hash = hex::decode(&block.hash).map_err(|_| FetchError::Malformed)?;
	let hash = <[u8; 32]>::try_from(hash).map_err(|_| FetchError::Malformed)?;
	Ok(EthBlock { number, hash: H256(hash) })
}

impl Ethereum {
	/// `call` on `to` at the block; `None` if it reverts or returns nothing it decodes to.
	fn call<C: SolCall>(&self, to: H160, call: C) -> Result<Option<C::Return>, FetchError> {
		let params = serde_json::json!([
			{ "to": format!("0x{}", hex::encode(to.0)), "data": format!("0x{}", hex::encode(call.abi_encode())) },
			format!("0x{:x}", self.block.number),
		]);
		let Some(result) = rpc_call(&self.url, "eth_call", params)? else { return Ok(None) };
		let data = result.as_str().ok_or(FetchError::Malformed)?;
		let data = hex::decode(data).map_err(|_| FetchError::Malformed)?;
		// A call to an account without code returns nothing.
		Ok(C::abi_decode_returns(&data).ok())
	}
}

/// The bounded form of `value`, if it fits.
fn bounded<S: Get<u32>>(value: impl Into<Vec<u8>>) -> Option<BoundedVec<u8, S>> {
	let value: Vec<u8> = value.into();
	(!value.is_empty()).then_some(())?;
	BoundedVec::try_from(value).ok()
}

fn h160(address: Address) -> H160 {
	H160(address.into_array())
}

/// The records of `name` by reading `resolver`, through ENSIP-10's `resolve` if `extended`.
fn ens_records<T: Config>(
	ethereum: &Ethereum,
	name: &[u8],
	owner: H160,
	resolver: H160,
	extended: bool,
) -> Result<BridgedRecords<T>, FetchError> {
	let node = FixedBytes(namehash(name));
	let dns_name = Bytes::from(dns_encode(name));
	// Each record call, directly or wrapped in `resolve(name, call)`.
	fn read<C: SolCall>(
		ethereum: &Ethereum,
		resolver: H160,
		wrap: Option<&Bytes>,
		call: C,
	) -> Result<Option<C::Return>, FetchError> {
		match wrap {
			None => ethereum.call(resolver, call),
			Some(dns_name) => {
				let data = Bytes::from(call.abi_encode());
				let inner =
					ethereum.call(resolver, resolveCall { name: dns_name.clone(), data })?;
				Ok(inner.and_then(|inner| C::abi_decode_returns(&inner).ok()))
			},
		}
	}
	let wrap = extended.then_some(&dns_name);

	let mut addresses = Vec::new();
	if let Some(eth) = read(ethereum, resolver, wrap, addr_0Call { node })? {
		if eth != Address::ZERO {
			addresses.extend(bounded(eth.to_vec()).map(|address| (ETH_COIN_TYPE, address)));
		}
	}
	for coin_type in ENS_COIN_TYPES {
		let call = addr_1Call { node, coinType: U256::from(coin_type) };
		if let Some(address) = read(ethereum, resolver, wrap, call)? {
			addresses.extend(bounded(address.to_vec()).map(|address| (coin_type, address)));
		}
	}
	let mut texts = Vec::new();
	for key in TEXT_KEYS {
		let call = textCall { node, key: key.into() };
		if let (Some(value), Some(key)) = (read(ethereum, resolver, wrap, call)?, bounded(key)) {
			texts.extend(bounded(value.into_bytes()).map(|value| (key, value)));
		}
	}
	let content_hash = read(ethereum, resolver, wrap, contenthashCall { node })?
		.and_then(|hash| bounded(hash.to_vec()));
	Ok(BridgedRecords {
		owner,
		addresses: BoundedVec::truncate_from(addresses),
		texts: BoundedVec::truncate_from(texts),
		content_hash,
	})
}

/// What ENS says about `name`.
fn ens_lookup<T: Config>(
	ethereum: &Ethereum,
	registry: H160,
	name: &[u8],
) -> Result<Lookup<T>, FetchError> {
	let node = FixedBytes(namehash(name));
	let owner = ethereum.call(registry, ownerCall { node })?.map(h160).unwrap_or_default();
	let resolver = ethereum.call(registry, resolverCall { node })?.map(h160).unwrap_or_default();
	if !resolver.is_zero() {
		return ens_records::<T>(ethereum, name, owner, resolver, false).map(Lookup::Found);
	}
	// ENSIP-10: the nearest parent with a resolver answers for its subnames if it can.
	let mut parent = name;
	while let Some(dot) = parent.iter().position(|&byte| byte == b'.') {
		parent = parent.get(dot.saturating_add(1)..).unwrap_or_default();
		let parent_node = FixedBytes(namehash(parent));
		let resolver = ethereum.call(registry, resolverCall { node: parent_node })?.map(h160);
		let Some(resolver) = resolver.filter(|resolver| !resolver.is_zero()) else { continue };
		let interface =
			supportsInterfaceCall { interfaceID: FixedBytes(EXTENDED_RESOLVER_INTERFACE) };
		if ethereum.call(resolver, interface)? == Some(true) {
			return ens_records::<T>(ethereum, name, owner, resolver, true).map(Lookup::Found);
		}
		break;
	}
	Ok(if owner.is_zero() {
		Lookup::NotFound
	} else {
		Lookup::Found(BridgedRecords::owned_by(owner))
	})
}

/// What UNS says about `name`.
fn uns_lookup<T: Config>(
	ethereum: &Ethereum,
	reader: H160,
	name: &[u8],
) -> Result<Lookup<T>, FetchError> {
	let keys: Vec<String> =
		[UNS_ETH_ADDRESS_KEY].into_iter().chain(TEXT_KEYS).map(String::from).collect();
	let call = getDataCall { keys, tokenId: U256::from_be_bytes(namehash(name)) };
	let Some(data) = ethereum.call(reader, call)? else { return Ok(Lookup::NotFound) };
	if data.owner == Address::ZERO {
		return Ok(Lookup::NotFound);
	}
	let mut values = data.values.into_iter();
	let addresses = values
		.next()
		.and_then(|eth| hex::decode(eth.trim()).ok())
		.filter(|eth| eth.len() == 20)
		.and_then(bounded)
		.map(|eth| (ETH_COIN_TYPE, eth));
	let texts = TEXT_KEYS
		.into_iter()
		.zip(values)
		.filter_map(|(key, value)| Some((bounded(key)?, bounded(value.into_bytes())?)));
	Ok(Lookup::Found(BridgedRecords {
		owner: h160(data.owner),
		addresses: BoundedVec::truncate_from(addresses.into_iter().collect()),
		texts: BoundedVec::truncate_from(texts.collect()),
		content_hash: None,
	}))
}

/// `name` in DNS wire format, as ENSIP-10's `resolve` takes it.
pub fn dns_encode(name: &[u8]) -> Vec<u8> {
	let mut encoded = Vec::with_capacity(name.len().saturating_add(2));
	for label in name.split(|&byte| byte == b'.') {
		// Labels are at most 63 bytes: `classify_name` checked the name.
		encoded.push(label.len() as u8);
		encoded.extend_from_slice(label);
	}
	encoded.push(0);
	encoded
}

impl<T: Config> BridgedRecords<T> {
	/// A registered name without records.
	fn owned_by(owner: H160) -> Self {
		Self { owner, addresses: Default::default(), texts: Default::default(), content_hash: None }
	}
}

impl<T: Config> Pallet<T> {
	/// Answers up to [`REQUESTS_PER_BLOCK`] waiting requests that a local oracle key has not
	/// answered yet (nor tried to within [`RESUBMIT_AFTER`] blocks).
	pub(crate) fn attest_waiting_requests(now: BlockNumberFor<T>) {
		let Some(url) =
			StorageValueRef::persistent(ETH_RPC_URL_KEY).get::<Vec<u8>>().ok().flatten()
		else {
			return;
		};
		let Ok(url) = String::from_utf8(url) else { return };
		let (Some(parameters), oracles) = (Parameters::<T>::get(), Oracles::<T>::get()) else {
			return;
		};
		let local: Vec<T::OracleId> = T::OracleId::all()
			.into_iter()
			.filter(|key| oracles.binary_search(key).is_ok())
			.collect();
		if local.is_empty() {
			return;
		}
		// Each waiting request with the local oracles that still owe it an answer.
		let owed: Vec<(RequestOf<T>, Vec<T::OracleId>)> = Requests::<T>::iter()
			.map(|(hash, request)| {
				let attested = Attestations::<T>::get(hash);
				let owing = local
					.iter()
					.filter(|oracle| !attested.iter().any(|(by, _, _)| by == *oracle))
					.cloned()
					.collect();
				(request, owing)
			})
			.collect();
		let todo = Self::take_due(now, owed);
		if todo.is_empty() {
			return;
		}
		let block = match finalized_block(&url) {
			Ok(block) => block,
			Err(error) => {
				log::warn!(target: LOG_TARGET, "no finalized block from the Ethereum endpoint: {error:?}");
				return;
			},
		};
		let ethereum = Ethereum { url, block };
		for (request, oracles) in todo {
			let lookup = match request.source {
				BridgeSource::Ens => {
					ens_lookup::<T>(&ethereum, parameters.ens_registry, &request.name)
				},
				BridgeSource::Uns => {
					uns_lookup::<T>(&ethereum, parameters.uns_proxy_reader, &request.name)
				},
			};
			let lookup = match lookup {
				Ok(lookup) => lookup,
				Err(error) => {
					log::warn!(target: LOG_TARGET, "request {} unread: {error:?}", request.id);
					continue;
				},
			};
			let attestation = Attestation {
				request: request.id,
				name: request.name.clone(),
				eth_block: block,
				lookup,
			};
			for oracle in oracles {
				let payload = (ATTESTATION_CONTEXT, &attestation).encode();
				let Some(signature) = oracle.sign(&payload) else { continue };
				let call = Call::attest { attestation: attestation.clone(), oracle, signature };
				let transaction = T::create_authorized_transaction(call.into());
				if SubmitTransaction::<T, Call<T>>::submit_transaction(transaction).is_err() {
					log::warn!(target: LOG_TARGET, "the attestation of request {} was not submitted", request.id);
				}
			}
		}
	}

	/// Up to [`REQUESTS_PER_BLOCK`] of the `owed` requests with the oracles that owe them an
	/// answer and have not tried within [`RESUBMIT_AFTER`] blocks, noted as tried at `now`. The
	/// notes live in one offchain value, changed atomically so that workers of consecutive
	/// blocks do not take the same request, and keep only waiting requests.
	fn take_due(
		now: BlockNumberFor<T>,
		owed: Vec<(RequestOf<T>, Vec<T::OracleId>)>,
	) -> Vec<(RequestOf<T>, Vec<T::OracleId>)> {
		type Tried<T> = Vec<((RequestId, <T as Config>::OracleId), BlockNumberFor<T>)>;
		let mut taken = Vec::new();
		let noted = StorageValueRef::persistent(TRIED_KEY).mutate::<Tried<T>, (), _>(|tried| {
			let mut tried = tried.ok().flatten().unwrap_or_default();
			tried.retain(|((id, _), _)| owed.iter().any(|(request, _)| request.id == *id));
			for (request, oracles) in &owed {
				let due: Vec<T::OracleId> = oracles
					.iter()
					.filter(|oracle| {
						!tried.iter().any(|((id, by), at)| {
							*id == request.id
								&& by == *oracle && now < at.saturating_add(RESUBMIT_AFTER.into())
						})
					})
					.cloned()
					.collect();
				if due.is_empty() {
					continue;
				}
				tried.retain(|((id, by), _)| !(*id == request.id && due.contains(by)));
				tried.extend(due.iter().map(|oracle| ((request.id, oracle.clone()), now)));
				taken.push((request.clone(), due));
				if taken.len() >= REQUESTS_PER_BLOCK {
					break;
				}
			}
			Ok(tried)
		});
		// Another worker changed the notes meanwhile: it takes this block's requests.
		if noted.is_err() {
			return Vec::new();
		}
		taken
	}
}
