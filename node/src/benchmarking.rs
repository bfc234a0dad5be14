//! The `benchmark` subcommand: pallet, block, storage, overhead, extrinsic and machine
//! benchmarks. `pallet` runs a runtime WASM built with its benchmarks (`--runtime`, as
//! scripts/benchmark-runtime.sh does); without `--runtime`, it and `storage` need a node built
//! with the `runtime-benchmarks` feature (see docs/build.md).

use std::{sync::Arc, time::Duration};

use codec::Encode;
use frame_benchmarking_cli::{
	BenchmarkCmd, ExtrinsicBuilder, ExtrinsicFactory, SUBSTRATE_REFERENCE_HARDWARE,
};
use ghostchain_runtime::{
	self as runtime, opaque::Block, AccountId, Balance, BalancesCall, SystemCall,
	EXISTENTIAL_DEPOSIT,
};
use sc_cli::SubstrateCli;
use sc_client_api::{BlockBackend, UsageProvider};
use sc_service::PartialComponents;
use sp_core::Pair;
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{self, Era},
	OpaqueExtrinsic, SaturatedConversion,
};

use crate::{
	cli::Cli,
	service::{self, FullClient},
};

const NEEDS_RUNTIME_BENCHMARKS: &str =
	"this benchmark needs a node built with `cargo build --release -p ghostchain-node --features runtime-benchmarks`, or (for `benchmark pallet`) a benchmarking runtime passed with `--runtime`: see scripts/benchmark-runtime.sh";

/// Runs one `benchmark` subcommand.
pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	runner.sync_run(|config| match cmd {
		BenchmarkCmd::Pallet(cmd)
			if cmd.runtime.is_none() && !cfg!(feature = "runtime-benchmarks") =>
		{
			Err(NEEDS_RUNTIME_BENCHMARKS.into())
		},
		BenchmarkCmd::Pallet(cmd) => {
			cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(config.chain_spec))
		},
		BenchmarkCmd::Block(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config)?;
			cmd.run(client)
		},
		#[cfg(not(feature = "runtime-benchmarks"))]
		BenchmarkCmd::Storage(_) => Err(NEEDS_RUNTIME_BENCHMARKS.into()),
		#[cfg(feature = "runtime-benchmarks")]
		BenchmarkCmd::Storage(cmd) => {
			let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
			let db = backend.expose_db();
			let storage = backend.expose_storage();
			let shared_cache = backend.expose_shared_trie_cache();
			cmd.run(config, client, db, storage, shared_cache)
		},
		BenchmarkCmd::Overhead(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config)?;
			let remark = RemarkBuilder { client: client.clone() };
			cmd.run(
				config.chain_spec.name().into(),
				client,
				inherent_benchmark_data()?,
				Vec::new(),
				&remark,
				false,
			)
		},
		BenchmarkCmd::Extrinsic(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config)?;
			let builders = ExtrinsicFactory(vec![
				Box::new(RemarkBuilder { client: client.clone() }),
				Box::new(TransferKeepAliveBuilder {
					client: client.clone(),
					dest: Sr25519Keyring::Alice.to_account_id(),
					value: EXISTENTIAL_DEPOSIT,
				}),
			]);
			cmd.run(client, inherent_benchmark_data()?, Vec::new(), &builders)
		},
		BenchmarkCmd::Machine(cmd) => cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
	})
}

/// Builds `system.remark` extrinsics signed by Bob: the cheapest transaction.
struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let call = SystemCall::remark { remark: vec![] }.into();
		Ok(signed_by_bob(&self.client, call, nonce).into())
	}
}

/// Builds `balances.transfer_keep_alive` extrinsics from Bob to `dest`.
struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
	dest: AccountId,
	value: Balance,
}

impl ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let call =
			BalancesCall::transfer_keep_alive { dest: self.dest.clone().into(), value: self.value }
				.into();
		Ok(signed_by_bob(&self.client, call, nonce).into())
	}
}

/// Signs `call` as Bob, mortal from the best block.
fn signed_by_bob(
	client: &FullClient,
	call: runtime::RuntimeCall,
	nonce: u32,
) -> runtime::UncheckedExtrinsic {
	let sender = Sr25519Keyring::Bob.pair();
	let genesis_hash = client.block_hash(0).ok().flatten().expect("the genesis block exists; qed");
	let chain = client.usage_info().chain;
	let period = runtime::configs::BlockHashCount::get()
		.checked_next_power_of_two()
		.map(|c| c / 2)
		.unwrap_or(2) as u64;
	let tx_extension =
		runtime::tx_extension(nonce, Era::mortal(period, chain.best_number.saturated_into()), 0);

	// The values the extensions add to the signed payload without sending them.
	let implicit = (
		(),
		(),
		runtime::VERSION.spec_version,
		runtime::VERSION.transaction_version,
		genesis_hash,
		chain.best_hash,
		(),
		(),
		(),
		None,
		(),
		(),
	);
	let payload = runtime::SignedPayload::from_raw(call.clone(), tx_extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| sender.sign(bytes));
	generic::UncheckedExtrinsic::new_signed(
		call,
		AccountId::from(sender.public()).into(),
		runtime::Signature::Sr25519(signature),
		tx_extension,
	)
	.into()
}

/// Inherent data for benchmark blocks: a timestamp of zero.
fn inherent_benchmark_data() -> sc_cli::Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(Duration::ZERO.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating inherent data: {e:?}"))?;
	Ok(inherent_data)
}
