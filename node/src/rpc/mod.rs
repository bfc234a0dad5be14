//! The node's own RPC methods, added to the standard set (`system_*`, `chain_*`, `state_*`,
//! `author_*`) that sc-service provides.

mod cns;
mod gid;
mod l2;
mod tokens;

use std::sync::Arc;

use ghostchain_primitives::chain::SS58_PREFIX;
use ghostchain_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use jsonrpsee::{
	types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned},
	RpcModule,
};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_core::crypto::{AccountId32, Ss58AddressFormat, Ss58Codec};
use sp_runtime::traits::Block as BlockT;

/// The JSON-RPC error code of a failed runtime API call.
const RUNTIME_ERROR_CODE: i32 = 1;

/// A failed runtime API call, as a JSON-RPC error.
fn runtime_error(error: sp_api::ApiError) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(RUNTIME_ERROR_CODE, error.to_string(), None::<()>)
}

/// `account` as an SS58 address with GhostChain's prefix.
fn ss58(account: &AccountId) -> String {
	account.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX))
}

/// The longest address `parse_address` reads: a 0x-prefixed 32-byte account id (66 characters);
/// an SS58 address has at most 50. Base58 decoding takes time quadratic in the length, so a
/// megabyte of garbage would hold an RPC worker for minutes.
const MAX_ADDRESS_LENGTH: usize = 66;

/// Reads an SS58 address of any network, or a hex account id.
fn parse_address(address: &str) -> Result<AccountId, ErrorObjectOwned> {
	let invalid =
		|message: String| ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message, None::<()>);
	if address.len() > MAX_ADDRESS_LENGTH {
		return Err(invalid(format!("an address has at most {MAX_ADDRESS_LENGTH} characters")));
	}
	let from_hex = || {
		let bytes = address.strip_prefix("0x")?;
		let bytes: [u8; 32] = sp_core::bytes::from_hex(bytes).ok()?.try_into().ok()?;
		Some(AccountId32::from(bytes))
	};
	AccountId32::from_ss58check_with_version(address)
		.map(|(account, _prefix)| account)
		.ok()
		.or_else(from_hex)
		.ok_or_else(|| {
			invalid(format!("not an SS58 address or a 0x-prefixed 32-byte account id: {address}"))
		})
}

/// Serves `system_accountNextIndex` (and its alias `account_nextIndex`) as
/// substrate-frame-rpc-system does, but reads the address with [`parse_address`]: the method's
/// own parameter type decodes base58 of any length, so a 256 KiB string held a worker for 28 s,
/// a megabyte for minutes.
fn bound_account_next_index<C, P>(
	module: &mut RpcModule<()>,
	system: substrate_frame_rpc_system::System<P, C, Block>,
) -> Result<(), jsonrpsee::core::RegisterMethodError>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api:
		substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce> + BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use substrate_frame_rpc_system::SystemApiServer;

	let system = Arc::new(system);
	for method in ["system_accountNextIndex", "account_nextIndex"] {
		module.remove_method(method);
		let system = system.clone();
		module.register_async_method(method, move |params, _, _| {
			let system = system.clone();
			async move {
				let account = parse_address(&params.one::<String>()?)?;
				SystemApiServer::<<Block as BlockT>::Hash, AccountId, Nonce>::nonce(
					&*system, account,
				)
				.await
			}
		})?;
	}
	Ok(())
}

/// What the RPC methods read from.
pub struct FullDeps<C, P> {
	/// The client, for runtime API calls and chain data.
	pub client: Arc<C>,
	/// The transaction pool, for nonces that count pending transactions.
	pub pool: Arc<P>,
}

/// `system_accountNextIndex`, `system_dryRun`, `payment_queryInfo`/`payment_queryFeeDetails`,
/// `tokens_balances`, `cns_resolve`/`cns_reverse`/`cns_namesOf`, `gid_resolve`/`gid_verify` and `l2_status`.
pub fn create_full<C, P>(
	FullDeps { client, pool }: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ ghostchain_primitives::tokens::TokensApi<Block, AccountId>
		+ ghostchain_primitives::cns::CnsApi<Block, AccountId, BlockNumber>
		+ ghostchain_primitives::gid::GidApi<Block, AccountId, BlockNumber>
		+ ghostchain_primitives::l2::L2Api<Block, AccountId, Balance, BlockNumber>
		+ BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use cns::{Cns, CnsApiServer};
	use gid::{Gid, GidApiServer};
	use l2::{L2Api, L2RpcApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};
	use tokens::{Tokens, TokensApiServer};

	let mut module = RpcModule::new(());
	module.merge(System::new(client.clone(), pool.clone()).into_rpc())?;
	bound_account_next_index(&mut module, System::new(client.clone(), pool))?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Tokens::new(client.clone()).into_rpc())?;
	module.merge(Cns::new(client.clone()).into_rpc())?;
	module.merge(Gid::new(client.clone()).into_rpc())?;
	module.merge(L2Api::new(client).into_rpc())?;
	Ok(module)
}
