//! `cns_resolve`, `cns_reverse` and `cns_namesOf`: CNS names as JSON, from the runtime's
//! `CnsApi`. `cns_resolve` also answers for bridged names (`vitalik.eth`, `brad.crypto`) with
//! what the oracle quorum attested.
//!
//! Resolutions are cached per (block hash, name): state at a block never changes, so a hit is
//! always right, and a new best block makes new keys while old ones age out of the LRU.

use std::{collections::BTreeMap, sync::Arc};

use ghostchain_primitives::cns::{
	classify_name, BridgeSource, BridgedNameRecords, BridgedResolution, CnsApi as CnsRuntimeApi,
	NameKind, NameStatus, Resolution, MAX_NAMES_PER_PAGE,
};
use ghostchain_runtime::{opaque::Block, AccountId, BlockNumber};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned},
};
use parking_lot::Mutex;
use schnellru::{ByLength, LruMap};
use serde::Serialize;
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::bytes::to_hex;
use sp_runtime::traits::Block as BlockT;

use super::{parse_address, runtime_error, ss58};

type BlockHash = <Block as BlockT>::Hash;

/// How many resolutions the cache keeps: a few blocks' worth of a busy wallet backend.
const CACHE_ENTRIES: u32 = 16_384;

/// A name's registration and records, as `cns_resolve` returns them.
#[derive(Clone, Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ResolutionJson {
	/// The name as resolved: lowercased.
	pub name: String,
	/// The owner: an SS58 address with GhostChain's prefix, or for a bridged name the
	/// 0x-prefixed Ethereum account; null for a bridged name not registered on Ethereum.
	pub owner: Option<String>,
	/// The account that may manage the records besides the owner.
	pub operator: Option<String>,
	/// The parent of a subname.
	pub parent: Option<String>,
	/// The last block at which the registration is active, or a bridged answer resolves.
	pub expiry: BlockNumber,
	/// `active`, `grace` or `expired`, or `notFound` for a bridged name that the quorum found
	/// unregistered on Ethereum; only an active name has records here.
	pub status: StatusJson,
	/// Address records by coin type (ENSIP-9/11), as 0x-prefixed hex.
	pub addresses: BTreeMap<u32, String>,
	/// Text records; values that are not UTF-8 come with replacement characters.
	pub texts: BTreeMap<String, String>,
	/// The ENSIP-7 content hash, as 0x-prefixed hex.
	pub content_hash: Option<String>,
	/// The linked GID's identifier, as 0x-prefixed hex.
	pub gid: Option<String>,
	/// Bridged names only: `ens` or `uns`.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub source: Option<BridgeSource>,
	/// Bridged names only: the Ethereum block the answer reflects.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub eth_block: Option<EthBlockJson>,
}

/// A name's status in `cns_resolve`.
#[derive(Clone, Copy, Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub enum StatusJson {
	Active,
	Grace,
	Expired,
	NotFound,
}

impl From<NameStatus> for StatusJson {
	fn from(status: NameStatus) -> Self {
		match status {
			NameStatus::Active => Self::Active,
			NameStatus::Grace => Self::Grace,
			NameStatus::Expired => Self::Expired,
		}
	}
}

/// An Ethereum block, as `cns_resolve` names the one a bridged answer reflects.
#[derive(Clone, Serialize, Debug, PartialEq)]
pub struct EthBlockJson {
	pub number: u64,
	/// 0x-prefixed hex.
	pub hash: String,
}

fn text(bytes: Vec<u8>) -> String {
	String::from_utf8_lossy(&bytes).into_owned()
}

type Addresses = Vec<(u32, Vec<u8>)>;
type Texts = Vec<(Vec<u8>, Vec<u8>)>;

fn addresses_json(addresses: Addresses) -> BTreeMap<u32, String> {
	addresses.into_iter().map(|(coin_type, address)| (coin_type, to_hex(&address, false))).collect()
}

fn texts_json(texts: Texts) -> BTreeMap<String, String> {
	texts.into_iter().map(|(key, value)| (text(key), text(value))).collect()
}

impl ResolutionJson {
	fn new(name: String, resolution: Resolution<AccountId, BlockNumber>) -> Self {
		Self {
			name,
			owner: Some(ss58(&resolution.owner)),
			operator: resolution.operator.as_ref().map(ss58),
			parent: resolution.parent.map(text),
			expiry: resolution.expiry,
			status: resolution.status.into(),
			addresses: addresses_json(resolution.addresses),
			texts: texts_json(resolution.texts),
			content_hash: resolution.content_hash.map(|hash| to_hex(&hash, false)),
			gid: resolution.gid.map(|gid| to_hex(gid.as_bytes(), false)),
			source: None,
			eth_block: None,
		}
	}

	fn bridged(name: String, resolution: BridgedResolution<BlockNumber>) -> Self {
		let BridgedResolution { source, eth_block_number, eth_block_hash, expiry, records } =
			resolution;
		let (status, owner, addresses, texts, content_hash) = match records {
			Some(BridgedNameRecords { owner, addresses, texts, content_hash }) => {
				(StatusJson::Active, Some(owner), addresses, texts, content_hash)
			},
			None => (StatusJson::NotFound, None, Vec::new(), Vec::new(), None),
		};
		Self {
			name,
			owner: owner.map(|owner| to_hex(owner.as_bytes(), false)),
			operator: None,
			parent: None,
			expiry,
			status,
			addresses: addresses_json(addresses),
			texts: texts_json(texts),
			content_hash: content_hash.map(|hash| to_hex(&hash, false)),
			gid: None,
			source: Some(source),
			eth_block: Some(EthBlockJson {
				number: eth_block_number,
				hash: to_hex(eth_block_hash.as_bytes(), false),
			}),
		}
	}
}

#[rpc(server, namespace = "cns")]
pub trait CnsApi<BlockHash> {
	/// What `name` resolves to at block `at` (default: the best block), or null if it is not
	/// registered. ASCII capitals are lowercased first; a name that is still invalid gets
	/// error -32602 with the reason.
	#[method(name = "resolve")]
	fn resolve(&self, name: String, at: Option<BlockHash>) -> RpcResult<Option<ResolutionJson>>;

	/// The primary name of `address` (SS58 or 0x account id), if it still holds.
	#[method(name = "reverse")]
	fn reverse(&self, address: String, at: Option<BlockHash>) -> RpcResult<Option<String>>;

	/// Up to `limit` (at most 100) names owned by `address`, skipping the first `start`.
	#[method(name = "namesOf")]
	fn names_of(
		&self,
		address: String,
		start: u32,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<String>>;
}

/// Serves `cns_*` from the runtime's `CnsApi`, with a cache of resolutions.
pub struct Cns<C> {
	client: Arc<C>,
	resolutions: Mutex<LruMap<(BlockHash, String), Option<ResolutionJson>>>,
}

impl<C> Cns<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, resolutions: Mutex::new(LruMap::new(ByLength::new(CACHE_ENTRIES))) }
	}
}

/// `name` lowercased, if it is then a valid native or bridged name, and whether it is bridged.
fn normalized_name(name: &str) -> Result<(String, bool), ErrorObjectOwned> {
	let name = name.to_ascii_lowercase();
	let kind = classify_name(name.as_bytes()).map_err(|error| {
		ErrorObjectOwned::owned(
			INVALID_PARAMS_CODE,
			format!("invalid name {name:?}: {}", error.reason()),
			Some(serde_json::json!({ "reason": format!("{error:?}") })),
		)
	})?;
	let bridged = matches!(kind, NameKind::Bridged(_));
	Ok((name, bridged))
}

impl<C> Cns<C>
where
	C: HeaderBackend<Block>,
{
	fn at(&self, at: Option<BlockHash>) -> BlockHash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

impl<C> CnsApiServer<BlockHash> for Cns<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CnsRuntimeApi<Block, AccountId, BlockNumber>,
{
	fn resolve(&self, name: String, at: Option<BlockHash>) -> RpcResult<Option<ResolutionJson>> {
		let (name, bridged) = normalized_name(&name)?;
		let key = (self.at(at), name);
		if let Some(cached) = self.resolutions.lock().get(&key) {
			return Ok(cached.clone());
		}
		let api = self.client.runtime_api();
		let name = key.1.as_bytes().to_vec();
		let resolution = if !bridged {
			api.resolve(key.0, name)
				.map_err(runtime_error)?
				.map(|resolution| ResolutionJson::new(key.1.clone(), resolution))
		} else if api
			.has_api_with::<dyn CnsRuntimeApi<Block, AccountId, BlockNumber>, _>(key.0, |version| {
				version >= 2
			})
			.map_err(runtime_error)?
		{
			api.resolve_bridged(key.0, name)
				.map_err(runtime_error)?
				.map(|resolution| ResolutionJson::bridged(key.1.clone(), resolution))
		} else {
			// A block of a runtime from before the bridge.
			None
		};
		self.resolutions.lock().insert(key, resolution.clone());
		Ok(resolution)
	}

	fn reverse(&self, address: String, at: Option<BlockHash>) -> RpcResult<Option<String>> {
		let account = parse_address(&address)?;
		let name =
			self.client.runtime_api().reverse(self.at(at), account).map_err(runtime_error)?;
		Ok(name.map(text))
	}

	fn names_of(
		&self,
		address: String,
		start: u32,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<String>> {
		let account = parse_address(&address)?;
		let names = self
			.client
			.runtime_api()
			.names_of(self.at(at), account, start, limit.min(MAX_NAMES_PER_PAGE))
			.map_err(runtime_error)?;
		Ok(names.into_iter().map(text).collect())
	}
}
