//! The GhostChain runtime: the state transition function that every node executes as WASM.
//!
//! This file holds only the core types, the version and the pallet list. Pallet configuration
//! lives in [`configs`], runtime APIs in [`apis`], and genesis presets in
//! [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` expand to deeply nested code.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// This runtime with `spec_version` one higher and nothing else changed: the code the
/// forkless-upgrade tests enact.
#[cfg(all(feature = "std", not(feature = "runtime-benchmarks")))]
pub mod spec_version_incremented {
	include!(concat!(env!("OUT_DIR"), "/wasm_binary_spec_version_incremented.rs"));
}

extern crate alloc;

// Declared before `apis`, which uses the macros it defines.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod chain_extension;
pub mod configs;
pub mod genesis_config_presets;
pub mod governance;
pub mod migrations;
pub mod precompiles;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use pallet_revive::evm::{runtime::EthExtra, tx_extension::SetOrigin};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, InvalidVersion},
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use ghostchain_primitives::{
	currency::{self, EXISTENTIAL_DEPOSIT},
	time, tokens, AccountId, Balance, BlockNumber, Hash, Nonce, Signature,
};
pub use pallet_balances::Call as BalancesCall;

/// Types the node uses without knowing the runtime's call and extrinsic formats, so it keeps
/// syncing across runtime upgrades that change them.
pub mod opaque {
	use super::*;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;

	impl_opaque_keys! {
		/// The keys a validator registers: Aura for block production, GRANDPA for finality.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}

/// Declares [`VERSION`] with `spec_version` given as a literal, which `#[runtime_version]`
/// requires.
macro_rules! runtime_version_with_spec {
	(spec_version: $spec_version:tt) => {
		/// The runtime's identity. Bump `spec_version` with every runtime upgrade, and
		/// `transaction_version` whenever the encoding of calls or extensions changes.
		#[runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: Cow::Borrowed("ghostchain"),
			impl_name: Cow::Borrowed("ghostchain"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 2,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "increment-spec-version"))]
runtime_version_with_spec!(spec_version: 111);
// The same runtime one version on, built as a second WASM for the forkless-upgrade tests.
#[cfg(feature = "increment-spec-version")]
runtime_version_with_spec!(spec_version: 112);

/// How a transaction names its sender and beneficiary accounts.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The checks every signed transaction passes, in order, before and after dispatch.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	// After every extension that needs the plain signed origin: it marks Ethereum transactions.
	pallet_revive::evm::tx_extension::SetOrigin<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extensions of a transaction with `nonce`, valid during `era`, offering `tip`: what a
/// wallet attaches to a call before signing it. The metadata-hash check is off, as Polkadot.js
/// sends it by default.
pub fn tx_extension(nonce: Nonce, era: generic::Era, tip: Balance) -> TxExtension {
	extension_pipeline(nonce, era, tip, SetOrigin::default())
}

fn extension_pipeline(
	nonce: Nonce,
	era: generic::Era,
	tip: Balance,
	set_origin: SetOrigin<Runtime>,
) -> TxExtension {
	(
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(era),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(tip),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		set_origin,
		frame_system::WeightReclaim::new(),
	)
}

/// Turns an Ethereum-signed transaction, submitted as `Revive::eth_transact`, into an extrinsic
/// signed by the sender's account, with the same checks a Substrate transaction passes: nonce,
/// fee payment, weight.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct EthExtension;

impl EthExtra for EthExtension {
	type Config = Runtime;
	type ExtensionV0 = TxExtension;
	type ExtensionOtherVersions = InvalidVersion;

	fn get_eth_extension(nonce: Nonce, tip: Balance) -> TxExtension {
		// Ethereum transactions have no mortality; their nonce alone prevents replay.
		extension_pipeline(
			nonce,
			generic::Era::Immortal,
			tip,
			SetOrigin::new_from_eth_transaction(),
		)
	}
}

/// Unchecked extrinsic type as expected by this runtime: a Substrate extrinsic, or an
/// Ethereum transaction wrapped in `Revive::eth_transact`.
pub type UncheckedExtrinsic =
	pallet_revive::evm::runtime::UncheckedExtrinsic<Address, Signature, EthExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	migrations::Migrations,
>;

/// The pallets, with fixed indices: an index is part of every encoded call and storage key, so
/// it never changes once the chain runs. Genesis is built, and hooks run, in index order. Ranges: 0–9 consensus and system, 10–19 tokens,
/// 20–29 utilities, 30–39 smart contracts, 40–49 governance, 255 Sudo (development chains
/// only).
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// Who validates: the session pallet's validator manager.
	#[runtime::pallet_index(5)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// SPIRIT. Its calls are disabled: SPIRIT moves through `Tokens`.
	#[runtime::pallet_index(12)]
	#[runtime::disable_call]
	pub type SpiritBalances = pallet_balances<Instance2>;

	/// MANA and GHOST. Calls are disabled so that no origin can mint GHOST or re-parameterize
	/// either asset; they move through `Tokens`.
	#[runtime::pallet_index(13)]
	#[runtime::disable_call]
	pub type Assets = pallet_assets;

	#[runtime::pallet_index(14)]
	pub type AssetsHolder = pallet_assets_holder;

	/// The front door to all four tokens; declared after the ledgers, whose genesis it needs.
	#[runtime::pallet_index(15)]
	pub type Tokens = pallet_ghost_tokens;

	/// CNS, the name service; it charges through `Tokens`.
	#[runtime::pallet_index(16)]
	pub type Cns = pallet_cns;

	/// GID, `did:ghost` identifiers; they claim CNS names.
	#[runtime::pallet_index(17)]
	pub type Gid = pallet_gid;

	/// GhostPlane's batches, bonds, deposits and withdrawals, all in GCC.
	#[runtime::pallet_index(18)]
	pub type L2Commitments = pallet_l2_commitments;

	/// Session keys and the validators of each session, handed to Aura and GRANDPA. Genesis
	/// and hooks run in index order: numbered after Balances, whose genesis funds the validator
	/// accounts, so that their genesis keys count as a consumer, as `session.setKeys` does.
	#[runtime::pallet_index(19)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(20)]
	pub type Utility = pallet_utility;

	/// ENS and Unstoppable Domains names, attested by oracles reading Ethereum.
	#[runtime::pallet_index(21)]
	pub type CnsBridge = pallet_cns_bridge;

	/// Named `Revive` because the Ethereum RPC server looks its storage and calls up by name.
	#[runtime::pallet_index(30)]
	pub type Revive = pallet_revive;

	/// WASM contracts (ink!), with GhostChain's chain extension.
	#[runtime::pallet_index(31)]
	pub type Contracts = pallet_contracts;

	#[runtime::pallet_index(40)]
	pub type Preimage = pallet_preimage;

	/// Enacts approved referenda.
	#[runtime::pallet_index(41)]
	pub type Scheduler = pallet_scheduler;

	/// Referenda on the tracks of `governance::tracks`, with GCC deposits.
	#[runtime::pallet_index(42)]
	pub type Referenda = pallet_referenda;

	/// SPIRIT votes, locked by conviction.
	#[runtime::pallet_index(43)]
	pub type ConvictionVoting = pallet_conviction_voting;

	/// The origins of the non-root tracks, and the pace of governance periods.
	#[runtime::pallet_index(44)]
	pub type Governance = governance::origins::pallet_governance;

	#[runtime::pallet_index(255)]
	pub type Sudo = pallet_sudo;
}
