//! `cns_resolve`, `cns_reverse` and `cns_namesOf`: CNS names as JSON, from the runtime's
//! `CnsApi`.
//!
//! Resolutions are cached per (block hash, name): state at a block never changes, so a hit is
//! always right, and a new best block makes new keys while old ones age out of the LRU.

use std::{collections::BTreeMap, sync::Arc};

use ghostchain_primitives::cns::{
	parse_name, CnsApi as CnsRuntimeApi, NameStatus, Resolution, MAX_NAMES_PER_PAGE,
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
use sp_api::ProvideRuntimeApi;
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
	/// The owner's SS58 address, with GhostChain's prefix.
	pub owner: String,
	/// The account that may manage the records besides the owner.
	pub operator: Option<String>,
	/// The parent of a subname.
	pub parent: Option<String>,
	/// The block at which the registration stops being active.
	pub expiry: BlockNumber,
	/// `active`, `grace` or `expired`; only an active name has records here.
	pub status: NameStatus,
	/// Address records by coin type (ENSIP-9/11), as 0x-prefixed hex.
	pub addresses: BTreeMap<u32, String>,
	/// Text records; values that are not UTF-8 come with replacement characters.
	pub texts: BTreeMap<String, String>,
	/// The ENSIP-7 content hash, as 0x-prefixed hex.
	pub content_hash: Option<String>,
	/// The linked GID's identifier, as 0x-prefixed hex.
	pub gid: Option<String>,
}

fn text(bytes: Vec<u8>) -> String {
	String::from_utf8_lossy(&bytes).into_owned()
}

impl ResolutionJson {
	fn new(name: String, resolution: Resolution<AccountId, BlockNumber>) -> Self {
		Self {
			name,
			owner: ss58(&resolution.owner),
			operator: resolution.operator.as_ref().map(ss58),
			parent: resolution.parent.map(text),
			expiry: resolution.expiry,
			status: resolution.status,
			addresses: resolution
				.addresses
				.into_iter()
				.map(|(coin_type, address)| (coin_type, to_hex(&address, false)))
				.collect(),
			texts: resolution
				.texts
				.into_iter()
				.map(|(key, value)| (text(key), text(value)))
				.collect(),
			content_hash: resolution.content_hash.map(|hash| to_hex(&hash, false)),
			gid: resolution.gid.map(|gid| to_hex(gid.as_bytes(), false)),
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

/// `name` lowercased, if it is then a valid native name.
fn normalized_name(name: &str) -> Result<String, ErrorObjectOwned> {
	let name = name.to_ascii_lowercase();
	parse_name(name.as_bytes()).map_err(|error| {
		ErrorObjectOwned::owned(
			INVALID_PARAMS_CODE,
			format!("invalid name {name:?}: {}", error.reason()),
			Some(serde_json::json!({ "reason": format!("{error:?}") })),
		)
	})?;
	Ok(name)
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
		let name = normalized_name(&name)?;
		let key = (self.at(at), name);
		if let Some(cached) = self.resolutions.lock().get(&key) {
			return Ok(cached.clone());
		}
		let resolution = self
			.client
			.runtime_api()
			.resolve(key.0, key.1.as_bytes().to_vec())
			.map_err(runtime_error)?
			.map(|resolution| ResolutionJson::new(key.1.clone(), resolution));
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
