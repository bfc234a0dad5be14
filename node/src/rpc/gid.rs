//! `gid_resolve` and `gid_verify`: `did:ghost` DIDs as W3C DID Resolution results, from the
//! runtime's `GidApi`.

use std::sync::Arc;

use ghostchain_primitives::gid::{
	parse_did, DidDocument, DidError, DidSignature, GidApi as GidRuntimeApi, PublicKey,
	Relationship, DID_METHOD,
};
use ghostchain_runtime::{opaque::Block, AccountId, BlockNumber};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned},
};
use serde_json::{json, Map, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{bytes::from_hex, ecdsa, ed25519, sr25519};
use sp_runtime::traits::Block as BlockT;

use super::{runtime_error, ss58};

type BlockHash = <Block as BlockT>::Hash;

/// The media type of the DID documents this resolver returns.
const DID_LD_JSON: &str = "application/did+ld+json";

/// Why a DID does not resolve, as DID Resolution names it.
#[derive(Debug, PartialEq)]
enum ResolutionError {
	InvalidDid,
	NotFound,
	MethodNotSupported,
}

impl ResolutionError {
	fn code(&self) -> &'static str {
		match self {
			ResolutionError::InvalidDid => "invalidDid",
			ResolutionError::NotFound => "notFound",
			ResolutionError::MethodNotSupported => "methodNotSupported",
		}
	}
}

impl From<DidError> for ResolutionError {
	fn from(error: DidError) -> Self {
		match error {
			DidError::InvalidDid => ResolutionError::InvalidDid,
			DidError::MethodNotSupported => ResolutionError::MethodNotSupported,
		}
	}
}

/// `did:ghost:<account's address>`.
fn did_of(account: &AccountId) -> String {
	format!("did:{DID_METHOD}:{}", ss58(account))
}

/// The key as `publicKeyMultibase`: base58-btc of its multicodec prefix and bytes.
fn public_key_multibase(key: &PublicKey) -> String {
	let (codec, bytes): ([u8; 2], &[u8]) = match key {
		PublicKey::Sr25519(key) => ([0xef, 0x01], key.as_ref()),
		PublicKey::Ed25519(key) => ([0xed, 0x01], key.as_ref()),
		PublicKey::EcdsaSecp256k1(key) => ([0xe7, 0x01], key.as_ref()),
		PublicKey::X25519(key) => ([0xec, 0x01], &key[..]),
	};
	multibase::encode(multibase::Base::Base58Btc, [&codec[..], bytes].concat())
}

fn iso_time(milliseconds: u64) -> Value {
	chrono::DateTime::from_timestamp_millis(milliseconds as i64)
		.map(|time| time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
		.map_or(Value::Null, Value::String)
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// The W3C DID document of `did`.
fn did_document(did: &str, document: &DidDocument<AccountId, BlockNumber>) -> Value {
	let mut json = Map::new();
	json.insert(
		"@context".into(),
		json!(["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]),
	);
	json.insert("id".into(), did.into());
	if let Some(controller) = &document.controller {
		json.insert("controller".into(), did_of(controller).into());
	}
	let method_id = |id: u32| format!("{did}#key-{id}");
	if !document.verification_methods.is_empty() {
		let methods: Vec<Value> = document
			.verification_methods
			.iter()
			.map(|method| {
				json!({
					"id": method_id(method.id),
					"type": "Multikey",
					"controller": did,
					"publicKeyMultibase": public_key_multibase(&method.key),
				})
			})
			.collect();
		json.insert("verificationMethod".into(), methods.into());
	}
	for relationship in Relationship::ALL {
		let ids: Vec<Value> = document
			.verification_methods
			.iter()
			.filter(|method| method.relationships.contains(relationship))
			.map(|method| method_id(method.id).into())
			.collect();
		if !ids.is_empty() {
			json.insert(relationship.property().into(), ids.into());
		}
	}
	if !document.services.is_empty() {
		let services: Vec<Value> = document
			.services
			.iter()
			.map(|service| {
				json!({
					"id": format!("{did}#{}", text(&service.id)),
					"type": text(&service.service_type),
					"serviceEndpoint": text(&service.url),
				})
			})
			.collect();
		json.insert("service".into(), services.into());
	}
	if !document.also_known_as.is_empty() {
		let names: Vec<Value> = document
			.also_known_as
			.iter()
			.map(|name| format!("cns:{}", text(name)).into())
			.collect();
		json.insert("alsoKnownAs".into(), names.into());
	}
	json.into()
}

/// A DID Resolution result.
fn resolution(
	document: Option<Value>,
	error: Option<ResolutionError>,
	metadata: Map<String, Value>,
) -> Value {
	let resolution_metadata = match error {
		Some(error) => json!({ "error": error.code() }),
		None => json!({ "contentType": DID_LD_JSON }),
	};
	json!({
		"@context": "https://w3id.org/did-resolution/v1",
		"didDocument": document,
		"didResolutionMetadata": resolution_metadata,
		"didDocumentMetadata": metadata,
	})
}

/// A relationship by its DID document property name.
fn parse_relationship(name: &str) -> Result<Relationship, ErrorObjectOwned> {
	Relationship::ALL.into_iter().find(|r| r.property() == name).ok_or_else(|| {
		invalid_params(format!(
			"unknown relationship {name:?}: authentication, assertionMethod, keyAgreement, \
			 capabilityInvocation or capabilityDelegation"
		))
	})
}

fn invalid_params(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message, None::<()>)
}

fn hex_param(name: &str, value: &str) -> Result<Vec<u8>, ErrorObjectOwned> {
	from_hex(value).map_err(|_| invalid_params(format!("{name} is not 0x-prefixed hex")))
}

/// The signatures `bytes` may be: 64 bytes are sr25519 or ed25519, 65 bytes ECDSA.
fn candidate_signatures(bytes: &[u8]) -> Result<Vec<DidSignature>, ErrorObjectOwned> {
	match bytes.len() {
		64 => {
			let raw: [u8; 64] = bytes.try_into().expect("the length is 64; qed");
			Ok(vec![
				DidSignature::Sr25519(sr25519::Signature::from_raw(raw)),
				DidSignature::Ed25519(ed25519::Signature::from_raw(raw)),
			])
		},
		65 => {
			let raw: [u8; 65] = bytes.try_into().expect("the length is 65; qed");
			Ok(vec![DidSignature::EcdsaSecp256k1(ecdsa::Signature::from_raw(raw))])
		},
		length => Err(invalid_params(format!(
			"a signature is 64 bytes (sr25519, ed25519) or 65 (ECDSA), not {length}"
		))),
	}
}

#[rpc(server, namespace = "gid")]
pub trait GidApi<BlockHash> {
	/// Resolves `did` at block `at` (default: the best block) to a W3C DID Resolution result:
	/// `didDocument`, `didResolutionMetadata` (`contentType`, or `error`: `invalidDid`,
	/// `notFound`, `methodNotSupported`) and `didDocumentMetadata`.
	#[method(name = "resolve")]
	fn resolve(&self, did: String, at: Option<BlockHash>) -> RpcResult<Value>;

	/// Whether `signature` (hex) of `message` (hex) is valid for a key of `did` in
	/// `relationship` (`authentication`, `assertionMethod`, …).
	#[method(name = "verify")]
	fn verify(
		&self,
		did: String,
		relationship: String,
		message: String,
		signature: String,
		at: Option<BlockHash>,
	) -> RpcResult<bool>;
}

/// Serves `gid_*` from the runtime's `GidApi`.
pub struct Gid<C> {
	client: Arc<C>,
}

impl<C> Gid<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> GidApiServer<BlockHash> for Gid<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: GidRuntimeApi<Block, AccountId, BlockNumber>,
{
	fn resolve(&self, did: String, at: Option<BlockHash>) -> RpcResult<Value> {
		let subject = match parse_did(&did) {
			Ok(subject) => subject,
			Err(error) => return Ok(resolution(None, Some(error.into()), Map::new())),
		};
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let Some(document) =
			self.client.runtime_api().document(at, subject).map_err(runtime_error)?
		else {
			return Ok(resolution(None, Some(ResolutionError::NotFound), Map::new()));
		};
		let mut metadata = Map::new();
		metadata.insert("created".into(), iso_time(document.created_at));
		metadata.insert("updated".into(), iso_time(document.updated_at));
		metadata.insert("versionId".into(), document.version.to_string().into());
		if document.deactivated {
			metadata.insert("deactivated".into(), true.into());
		}
		Ok(resolution(Some(did_document(&did, &document)), None, metadata))
	}

	fn verify(
		&self,
		did: String,
		relationship: String,
		message: String,
		signature: String,
		at: Option<BlockHash>,
	) -> RpcResult<bool> {
		let subject = parse_did(&did).map_err(|error| {
			invalid_params(format!("{did:?}: {}", ResolutionError::from(error).code()))
		})?;
		let relationship = parse_relationship(&relationship)?;
		let message = hex_param("message", &message)?;
		let signatures = candidate_signatures(&hex_param("signature", &signature)?)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		for signature in signatures {
			let api = self.client.runtime_api();
			let valid = api
				.verify(at, subject.clone(), relationship, message.clone(), signature)
				.map_err(runtime_error)?;
			if valid {
				return Ok(true);
			}
		}
		Ok(false)
	}
}
