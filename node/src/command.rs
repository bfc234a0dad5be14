//! Parses the command line and runs the node or a subcommand.

use ghostchain_primitives::chain::SS58_PREFIX;
use ghostchain_runtime::opaque::Block;
use sc_cli::{Database, DatabaseParams, SubstrateCli};
use sc_service::PartialComponents;
use sp_core::crypto::{set_default_ss58_version, Ss58AddressFormat};

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	eth_rpc, service,
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"GhostChain Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://ghostchain.invalid/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development()?),
			"" | "local" => Box::new(chain_spec::local_testnet()?),
			"ghostchain_testnet" => Box::new(chain_spec::ghostchain_testnet()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			},
		})
	}
}

impl Cli {
	/// The database choice of whichever command opens the database.
	fn database_params_mut(&mut self) -> Option<&mut DatabaseParams> {
		match &mut self.subcommand {
			None => Some(&mut self.run.import_params.database_params),
			Some(Subcommand::CheckBlock(cmd)) => Some(&mut cmd.import_params.database_params),
			Some(Subcommand::ImportBlocks(cmd)) => Some(&mut cmd.import_params.database_params),
			Some(Subcommand::ExportBlocks(cmd)) => Some(&mut cmd.database_params),
			Some(Subcommand::ExportState(cmd)) => Some(&mut cmd.database_params),
			Some(Subcommand::PurgeChain(cmd)) => Some(&mut cmd.database_params),
			Some(Subcommand::Revert(cmd)) => Some(&mut cmd.database_params),
			Some(Subcommand::ChainInfo(cmd)) => Some(&mut cmd.database_params),
			_ => None,
		}
	}
}

/// Parses the command line and runs what it asks for.
pub fn run() -> sc_cli::Result<()> {
	// RPC methods and `key` subcommands parse and print addresses in GhostChain's format.
	set_default_ss58_version(Ss58AddressFormat::custom(SS58_PREFIX));

	let mut cli = match Cli::from_args() {
		// A process of its own, which sets up its own logging: see `eth_rpc`.
		Cli { subcommand: Some(Subcommand::EthRpc(cmd)), .. } => return eth_rpc::run(cmd),
		cli => cli,
	};
	// ParityDB unless `--database` says otherwise; sc-cli alone would pick RocksDB whenever it
	// is compiled in.
	if let Some(params) = cli.database_params_mut() {
		params.database.get_or_insert(Database::ParityDb);
	}

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		Some(Subcommand::Benchmark(cmd)) => crate::benchmarking::run(&cli, cmd),
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		Some(Subcommand::EthRpc(_)) => unreachable!("handled before the runner is built"),
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				let eth_rpc = eth_rpc::EthRpcProcess::for_node(&cli.eth_rpc, &config)?;
				let task_manager = match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => {
						service::new_full::<
							sc_network::NetworkWorker<
								Block,
								<Block as sp_runtime::traits::Block>::Hash,
							>,
						>(config, cli.cns_bridge_eth_rpc.clone())
					},
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(
							config,
							cli.cns_bridge_eth_rpc.clone(),
						)
					},
				}?;
				if let Some(eth_rpc) = eth_rpc {
					eth_rpc.spawn(&task_manager)?;
				}
				Ok(task_manager)
			})
		},
	}
}
