//! Chain specs, each built from one of the runtime's genesis presets.

use ghostchain_primitives::{
	chain::SS58_PREFIX,
	currency::{GCC_DECIMALS, GCC_SYMBOL},
};
use ghostchain_runtime::{genesis_config_presets::GHOSTCHAIN_TESTNET_PRESET, WASM_BINARY};
use sc_service::{ChainType, Properties};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// A chain spec with no client extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets read from `system_properties` to show balances and addresses.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), GCC_SYMBOL.into());
	properties.insert("tokenDecimals".into(), GCC_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| "the runtime WASM binary was not built".to_string())?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_protocol_id("ghost")
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: a single validator, Alice.
pub fn development() -> Result<ChainSpec, String> {
	from_preset(
		"GhostChain Development",
		"ghostchain_dev",
		ChainType::Development,
		DEV_RUNTIME_PRESET,
	)
}

/// `--chain local`: validators Alice and Bob on one machine.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"GhostChain Local Testnet",
		"ghostchain_local",
		ChainType::Local,
		LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// `--chain ghostchain_testnet`: the public testnet template (see docs/validator.md).
pub fn ghostchain_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"GhostChain Testnet",
		"ghostchain_testnet",
		ChainType::Live,
		GHOSTCHAIN_TESTNET_PRESET,
	)
}
