//! The GhostChain node.

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod eth_rpc;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
