//! `tokens_balances`: an account's holding of all four tokens, in whole tokens, as wallets show
//! them.

use std::{collections::BTreeMap, sync::Arc};

use ghostchain_primitives::tokens::{format_amount, TokensApi as TokensRuntimeApi};
use ghostchain_runtime::{opaque::Block, AccountId};

use super::{parse_address, runtime_error};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// One token's holding, in whole tokens written as decimal strings, so no JSON number loses
/// precision.
#[derive(Clone, Serialize, Debug, PartialEq)]
pub struct TokenBalanceJson {
	/// Decimal places of the token; every amount here is already divided by 10^decimals.
	pub decimals: u8,
	/// Not held: what transfers and fees work with.
	pub free: String,
	/// Held for deposits.
	pub held: String,
	/// The largest lock or freeze; it may overlap `held`.
	pub frozen: String,
}

#[rpc(server, namespace = "tokens")]
pub trait TokensApi<BlockHash> {
	/// The balances of `address` (SS58 with any prefix, or the 32-byte account id in hex) in
	/// every token, keyed by symbol, at block `at` or the best block.
	#[method(name = "balances")]
	fn balances(
		&self,
		address: String,
		at: Option<BlockHash>,
	) -> RpcResult<BTreeMap<&'static str, TokenBalanceJson>>;
}

/// Serves `tokens_*` from the runtime's `TokensApi`.
pub struct Tokens<C> {
	client: Arc<C>,
}

impl<C> Tokens<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> TokensApiServer<<Block as BlockT>::Hash> for Tokens<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: TokensRuntimeApi<Block, AccountId>,
{
	fn balances(
		&self,
		address: String,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<BTreeMap<&'static str, TokenBalanceJson>> {
		let account = parse_address(&address)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let balances = self.client.runtime_api().balances(at, account).map_err(runtime_error)?;
		Ok(balances
			.into_iter()
			.map(|balance| {
				let decimals = balance.token.decimals();
				let json = TokenBalanceJson {
					decimals,
					free: format_amount(balance.free, decimals),
					held: format_amount(balance.held, decimals),
					frozen: format_amount(balance.frozen, decimals),
				};
				(balance.token.symbol(), json)
			})
			.collect())
	}
}
