//! The Ethereum JSON-RPC server (`pallet-revive-eth-rpc`), for MetaMask, ethers.js and other
//! Ethereum tools.
//!
//! It runs in its own process: it installs its own logger and tokio runtime, which cannot share
//! the node's. The node starts that process itself (`ghostchain-node eth-rpc …`, this same
//! executable), pointed at its own RPC server, so one command serves both interfaces.

use std::{
	net::{Ipv4Addr, SocketAddr},
	process::Stdio,
};

use sc_service::{ChainType, Configuration, TaskManager};
use tokio::process::{Child, Command};

/// Where the Ethereum JSON-RPC server listens unless told otherwise: the port Ethereum tools
/// expect.
pub const DEFAULT_ETH_RPC_PORT: u16 = 8545;

/// Whether and where the node starts the Ethereum JSON-RPC server.
#[derive(Debug, Clone, clap::Args)]
pub struct EthRpcParams {
	/// Start the Ethereum JSON-RPC server with the node on any chain. Development chains
	/// (`--dev`) start it unless `--no-eth-rpc` is given.
	#[arg(long, conflicts_with = "no_eth_rpc")]
	pub enable_eth_rpc: bool,

	/// Do not start the Ethereum JSON-RPC server.
	#[arg(long)]
	pub no_eth_rpc: bool,

	/// Port of the Ethereum JSON-RPC server (HTTP and WebSocket).
	#[arg(long, value_name = "PORT", default_value_t = DEFAULT_ETH_RPC_PORT)]
	pub eth_rpc_port: u16,
}

impl EthRpcParams {
	fn enabled_for(&self, chain_type: &ChainType) -> bool {
		!self.no_eth_rpc && (self.enable_eth_rpc || *chain_type == ChainType::Development)
	}
}

/// Runs the server in this process: the `eth-rpc` subcommand.
pub fn run(cmd: pallet_revive_eth_rpc::cli::CliCommand) -> sc_cli::Result<()> {
	pallet_revive_eth_rpc::cli::run(cmd).map_err(|e| sc_cli::Error::Application(e.into()))
}

/// The server process a node starts beside itself, pointed at the node's RPC server.
pub struct EthRpcProcess {
	command: Command,
	port: u16,
}

impl EthRpcProcess {
	/// The process for a node configured by `config`, or `None` when `params` and the chain
	/// type leave the server off.
	pub fn for_node(
		params: &EthRpcParams,
		config: &Configuration,
	) -> Result<Option<Self>, sc_service::Error> {
		if !params.enabled_for(&config.chain_spec.chain_type()) {
			return Ok(None);
		}
		// Without listen addresses the node serves RPC on loopback at `rpc.port`.
		let node_rpc = config
			.rpc
			.addr
			.as_ref()
			.and_then(|endpoints| endpoints.first())
			.map_or(SocketAddr::from((Ipv4Addr::LOCALHOST, config.rpc.port)), |endpoint| {
				endpoint.listen_addr
			});
		let mut command = Command::new(std::env::current_exe()?);
		command.args(child_args(params, config, node_rpc)).stdin(Stdio::null()).kill_on_drop(true);
		#[cfg(target_os = "linux")]
		terminate_when_parent_dies(&mut command);
		Ok(Some(Self { command, port: params.eth_rpc_port }))
	}

	/// Starts the process once the node's RPC server listens. It stops with the node: it is
	/// killed when the task watching it is dropped at shutdown, and on Linux also when the
	/// node dies without shutting down.
	pub fn spawn(mut self, task_manager: &TaskManager) -> Result<(), sc_service::Error> {
		let child = self.command.spawn()?;
		log::info!(
			"🦊 Ethereum JSON-RPC server starting on port {} (pid {})",
			self.port,
			child.id().unwrap_or_default()
		);
		task_manager.spawn_handle().spawn("eth-rpc-process", None, watch(child));
		Ok(())
	}
}

/// The `eth-rpc` command line for a node configured by `config`, listening at `node_rpc`.
fn child_args(params: &EthRpcParams, config: &Configuration, node_rpc: SocketAddr) -> Vec<String> {
	// Connect over loopback even when the node listens on all interfaces.
	let node_url = if node_rpc.ip().is_unspecified() {
		format!("ws://127.0.0.1:{}", node_rpc.port())
	} else {
		format!("ws://{node_rpc}")
	};
	let mut args = vec![
		"eth-rpc".to_string(),
		"--node-rpc-url".into(),
		node_url,
		"--rpc-port".into(),
		params.eth_rpc_port.to_string(),
		// Its receipt index lives beside the chain database, and goes with it.
		"--base-path".into(),
		config.data_path.join("eth-rpc").to_string_lossy().into_owned(),
		// The node's Prometheus endpoint covers the chain; a second one would clash on ports.
		"--no-prometheus".into(),
		// Wallets send their own origins (e.g. `chrome-extension://…` for MetaMask), so the
		// Ethereum endpoint accepts the origins the node's own RPC server accepts.
		"--rpc-cors".into(),
		config.rpc.cors.as_ref().map_or_else(|| "all".to_string(), |origins| origins.join(",")),
	];
	if !node_rpc.ip().is_loopback() {
		args.push("--rpc-external".into());
	}
	if config.chain_spec.chain_type() == ChainType::Development {
		// Serves `eth_accounts` with the development keys, as Ethereum dev chains do.
		args.push("--dev".into());
	}
	args
}

/// Waits for the child; it only exits early on failure, which leaves the node running without
/// the Ethereum endpoint. Dropping this future at shutdown kills the child.
async fn watch(mut child: Child) {
	match child.wait().await {
		Ok(status) => log::error!("🦊 Ethereum JSON-RPC server exited: {status}"),
		Err(err) => log::error!("🦊 Ethereum JSON-RPC server could not be watched: {err}"),
	}
}

/// Asks Linux to send the child SIGTERM when the node's main thread ends, even if the node
/// is killed outright and never runs its shutdown.
#[cfg(target_os = "linux")]
fn terminate_when_parent_dies(command: &mut Command) {
	// SAFETY: `prctl` is async-signal-safe, as code between fork and exec must be.
	unsafe {
		command.pre_exec(|| {
			if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) == 0 {
				Ok(())
			} else {
				Err(std::io::Error::last_os_error())
			}
		});
	}
}
