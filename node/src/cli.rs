//! Command-line arguments.

/// The subcommands besides running the node, as in the polkadot-sdk solochain template.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Write a chain spec (from a runtime preset or a file) to stdout.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a block as a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Runtime and node benchmarks; `pallet` and `storage` need a node built with
	/// `--features runtime-benchmarks`.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Run only the Ethereum JSON-RPC server, connected to a node's RPC (`--node-rpc-url`). A
	/// node on a development chain, or started with `--enable-eth-rpc`, runs it by itself.
	EthRpc(pallet_revive_eth_rpc::cli::CliCommand),
}

#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	#[clap(flatten)]
	pub eth_rpc: crate::eth_rpc::EthRpcParams,

	/// The Ethereum JSON-RPC endpoint this node's CNS bridge oracles read (docs/validator.md).
	/// Without it, the node does not attest bridged names.
	#[arg(long, value_name = "URL")]
	pub cns_bridge_eth_rpc: Option<String>,
}
