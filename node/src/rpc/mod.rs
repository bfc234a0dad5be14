//! The node's own RPC methods, added to the standard set (`system_*`, `chain_*`, `state_*`,
//! `author_*`) that sc-service provides.

mod tokens;

use std::sync::Arc;

use ghostchain_runtime::{opaque::Block, AccountId, Balance, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods read from.
pub struct FullDeps<C, P> {
	/// The client, for runtime API calls and chain data.
	pub client: Arc<C>,
	/// The transaction pool, for nonces that count pending transactions.
	pub pool: Arc<P>,
}

/// `system_accountNextIndex`, `system_dryRun`, `payment_queryInfo`/`payment_queryFeeDetails` and
/// `tokens_balances`.
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
		+ BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};
	use tokens::{Tokens, TokensApiServer};

	let mut module = RpcModule::new(());
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Tokens::new(client).into_rpc())?;
	Ok(module)
}
