//! Named genesis presets. The node builds its chain specs from these alone, so a change of
//! genesis never touches the node.
//!
//! - `development`: one validator (Alice), Sudo held by Alice, the dev accounts funded,
//!   governance at development pace ([`DEVELOPMENT_PERIOD_DIVISOR`]: a day lasts two blocks),
//!   one-minute sessions ([`DEV_SESSION_LENGTH`]), bridged names kept ten minutes.
//! - `local_testnet`: two validators (Alice, Bob), otherwise as `development`.
//! - `ghostchain_testnet`: for real validators. No Sudo: SPIRIT holders govern it, at
//!   production pace; sessions last an hour ([`TESTNET_SESSION_LENGTH`]) and bridged names a
//!   day, with two of three oracles agreeing. Its authorities are placeholders that operators
//!   replace in the exported chain spec before launch (docs/validator.md).
//!
//! Validators are placed as the session pallet's genesis keys, which give Aura and GRANDPA
//! their first authorities and `ValidatorSet` its members.
//!
//! SPIRIT votes in referenda. On `ghostchain_testnet` the three validator accounts hold all of
//! it, a third each, so that two of them can pass a root referendum from its first block and
//! none alone (docs/governance.md).
//!
//! The dev accounts are the Substrate ones (`//Alice` … `//Ferdie` and their stashes), mapped
//! to their EVM addresses so they can call contracts, and the Ethereum ones in
//! [`DEV_ETH_ACCOUNTS`], whose private keys are published for MetaMask (docs/metamask.md).
//!
//! Initial supply of each token (docs/tokens.md; `runtime/tests/tokens.rs` checks it). Every
//! preset also gives the treasury account the existential deposit (0.001) of each token it
//! lacks, and the revive pallet's account that of GCC.
//!
//! | preset | GCC | SPIRIT | MANA | GHOST |
//! |---|---|---|---|---|
//! | `development`, `local_testnet` | 1,000,000 to each of the 12 Substrate and 5 Ethereum dev accounts: 17,000,000 | 100,000 to each Substrate dev account: 1,200,000 | the same: 1,200,000 | the same: 1,200,000 |
//! | `ghostchain_testnet` | 10,000 to each of the 3 validators: 30,000 | 10,000 to each validator: 30,000 | none | 1,000,000,000, all to the treasury |
//!
//! MANA then grows by the block reward ([`MANA_REWARD_PER_BLOCK`]), at most
//! [`MANA_YEARLY_CAP`](crate::configs::tokens::MANA_YEARLY_CAP) a year. GHOST never grows.
//!
//! Every preset opens all five CNS TLDs at the launch prices of
//! [`launch_tld_config`](crate::configs::cns::launch_tld_config).

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use ghostchain_primitives::{
	currency::GCC,
	time::{DAYS, HOURS, MINUTES},
	tokens::{TokenKind, EXISTENTIAL_DEPOSIT, GHOST_ASSET_ID, MANA_ASSET_ID, UNIT},
};
use pallet_cns_bridge::BridgeParameters;
use pallet_revive::AddressMapper;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{hex2array, H160};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	configs::{
		cns::{launch_tlds, MAINNET_ENS_REGISTRY, MAINNET_UNS_PROXY_READER},
		tokens::MANA_REWARD_PER_BLOCK,
	},
	governance::DEVELOPMENT_PERIOD_DIVISOR,
	opaque::SessionKeys,
	AccountId, AssetsConfig, Balance, BalancesConfig, BlockNumber, CnsBridgeConfig, CnsConfig,
	GovernanceConfig, ReviveConfig, Runtime, RuntimeGenesisConfig, SessionConfig,
	SpiritBalancesConfig, SudoConfig, Tokens, TokensConfig, ValidatorSetConfig,
};

/// The id of the preset for a public testnet run by independent validators.
pub const GHOSTCHAIN_TESTNET_PRESET: &str = "ghostchain_testnet";

/// What each funded development account starts with.
pub const DEV_ACCOUNT_BALANCE: Balance = 1_000_000 * GCC;
/// What each Substrate development account starts with of SPIRIT, MANA and GHOST.
pub const DEV_TOKEN_BALANCE: Balance = 100_000 * UNIT;

/// Ethereum development accounts: the well-known keys of Moonbeam's development chain (Alith,
/// Baltathar, Charleth, Dorothy, Ethan), which Ethereum tooling already ships. Their private
/// keys are public: never use them outside a development chain.
pub const DEV_ETH_ACCOUNTS: [H160; 5] = [
	H160(hex2array!("f24ff3a9cf04c71dbc94d0b566f7a27b94566cac")),
	H160(hex2array!("3cd0a705a2dc65e5b1e1205896baa2be8a07c6e0")),
	H160(hex2array!("798d4ba9baf0064ec19eb4f0a1a45785ae9d6dfc")),
	H160(hex2array!("773539d4ac0e786233d90a233654ccee26a613d9")),
	H160(hex2array!("ff64d3f6efe2317ee2807d223a0bdc4c0c49dfdb")),
];

/// What each `ghostchain_testnet` validator account starts with, to pay its own fees.
pub const TESTNET_VALIDATOR_BALANCE: Balance = 10_000 * GCC;
/// The SPIRIT each `ghostchain_testnet` validator starts with, to vote.
pub const TESTNET_VALIDATOR_SPIRIT: Balance = 10_000 * UNIT;
/// The whole GHOST supply of `ghostchain_testnet`, held by the treasury for governance to
/// distribute.
pub const TESTNET_GHOST_SUPPLY: Balance = 1_000_000_000 * UNIT;

/// How long a session lasts on `development` and `local_testnet`: a minute, so that a
/// validator set change takes effect within two minutes.
pub const DEV_SESSION_LENGTH: BlockNumber = MINUTES;
/// How long a session lasts on `ghostchain_testnet`: an hour, so that a set change gives the
/// operators an hour's notice.
pub const TESTNET_SESSION_LENGTH: BlockNumber = HOURS;

/// How long development chains keep a bridged name's record, and wait for its attestations.
pub const DEV_BRIDGE_RECORD_TTL: BlockNumber = 10 * MINUTES;
pub const DEV_BRIDGE_REQUEST_TTL: BlockNumber = MINUTES;
/// How long `ghostchain_testnet` keeps a bridged name's record: a day, after which the name is
/// read from Ethereum again.
pub const TESTNET_BRIDGE_RECORD_TTL: BlockNumber = DAYS;
pub const TESTNET_BRIDGE_REQUEST_TTL: BlockNumber = 10 * MINUTES;

/// How fast sessions turn and bridged records age.
struct Pace {
	session_length: BlockNumber,
	bridge: BridgeParameters<BlockNumber>,
}

impl Pace {
	/// The bridge's parameters read the Ethereum mainnet contracts. It has no oracles at
	/// genesis: until the admin origin sets them, requests are refused.
	fn new(
		session_length: BlockNumber,
		quorum: u32,
		record_ttl: BlockNumber,
		request_ttl: BlockNumber,
	) -> Self {
		let bridge = BridgeParameters {
			quorum,
			record_ttl,
			request_ttl,
			ens_registry: MAINNET_ENS_REGISTRY,
			uns_proxy_reader: MAINNET_UNS_PROXY_READER,
		};
		Self { session_length, bridge }
	}

	/// `development` and `local_testnet`: one oracle answers.
	fn development() -> Self {
		Self::new(DEV_SESSION_LENGTH, 1, DEV_BRIDGE_RECORD_TTL, DEV_BRIDGE_REQUEST_TTL)
	}

	/// `ghostchain_testnet`: two of its three validators' oracles must agree.
	fn testnet() -> Self {
		Self::new(TESTNET_SESSION_LENGTH, 2, TESTNET_BRIDGE_RECORD_TTL, TESTNET_BRIDGE_REQUEST_TTL)
	}
}

/// A validator's account and consensus keys, as its node's keystore holds them.
struct Authority {
	account: AccountId,
	aura: AuraId,
	grandpa: GrandpaId,
}

/// The well-known development validator derived from `//Name`.
fn dev_authority(sr25519: Sr25519Keyring, ed25519: Ed25519Keyring) -> Authority {
	Authority {
		account: sr25519.to_account_id(),
		aura: sr25519.public().into(),
		grandpa: ed25519.public().into(),
	}
}

/// Who starts with how much of each token.
struct Endowments {
	gcc: Vec<(AccountId, Balance)>,
	spirit: Vec<(AccountId, Balance)>,
	mana: Vec<(AccountId, Balance)>,
	ghost: Vec<(AccountId, Balance)>,
}

/// MANA and GHOST, created with their fixed ids, owned by the treasury account (which has no
/// key), and their holders.
fn assets_genesis(
	mana: Vec<(AccountId, Balance)>,
	ghost: Vec<(AccountId, Balance)>,
) -> AssetsConfig {
	let assets = [(TokenKind::Mana, MANA_ASSET_ID), (TokenKind::Ghost, GHOST_ASSET_ID)];
	let holders = |id, accounts: Vec<(AccountId, Balance)>| {
		accounts.into_iter().map(move |(who, amount)| (id, who, amount))
	};
	AssetsConfig {
		assets: assets
			.iter()
			.map(|&(_, id)| (id, Tokens::treasury_account(), true, EXISTENTIAL_DEPOSIT))
			.collect(),
		metadata: assets
			.iter()
			.map(|&(t, id)| (id, t.name().into(), t.symbol().into(), t.decimals()))
			.collect(),
		accounts: holders(MANA_ASSET_ID, mana).chain(holders(GHOST_ASSET_ID, ghost)).collect(),
		..Default::default()
	}
}

/// How fast governance runs, and who may bypass it.
struct Governance {
	/// `governance::PeriodDivisor`: 1 for production periods.
	period_divisor: u32,
	/// The Sudo key, on development chains only.
	sudo: Option<AccountId>,
}

impl Governance {
	/// Development pace, with Alice holding Sudo.
	fn development() -> Self {
		Self {
			period_divisor: DEVELOPMENT_PERIOD_DIVISOR,
			sudo: Some(Sr25519Keyring::Alice.to_account_id()),
		}
	}
}

fn genesis(
	authorities: Vec<Authority>,
	pace: Pace,
	endowments: Endowments,
	evm_mapped: Vec<AccountId>,
	governance: Governance,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowments.gcc },
		spirit_balances: SpiritBalancesConfig { balances: endowments.spirit },
		assets: assets_genesis(endowments.mana, endowments.ghost),
		tokens: TokensConfig { mana_reward_per_block: MANA_REWARD_PER_BLOCK },
		cns: CnsConfig { tlds: launch_tlds() },
		// Aura and GRANDPA take their authorities from the session pallet's genesis keys, and
		// the validator set from their owners.
		session: SessionConfig {
			keys: authorities
				.into_iter()
				.map(|a| (
					a.account.clone(),
					a.account,
					SessionKeys { aura: a.aura, grandpa: a.grandpa }
				))
				.collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig { session_length: pace.session_length },
		cns_bridge: CnsBridgeConfig { parameters: Some(pace.bridge) },
		governance: GovernanceConfig { period_divisor: governance.period_divisor },
		sudo: SudoConfig { key: governance.sudo },
		revive: ReviveConfig { mapped_accounts: evm_mapped },
	})
}

/// Alice, Bob, Charlie, Dave, Eve, Ferdie and their `//stash` accounts.
fn dev_substrate_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

/// GCC for the Substrate and the Ethereum development accounts, each with
/// [`DEV_ACCOUNT_BALANCE`] (an Ethereum account's id is its address followed by twelve `0xEE`
/// bytes), and [`DEV_TOKEN_BALANCE`] of each other token for the Substrate ones, which can sign
/// token transfers.
fn dev_endowments() -> Endowments {
	let eth_accounts = DEV_ETH_ACCOUNTS
		.iter()
		.map(<Runtime as pallet_revive::Config>::AddressMapper::to_fallback_account_id);
	let each = |accounts: Vec<AccountId>, amount| {
		accounts.into_iter().map(|account| (account, amount)).collect::<Vec<_>>()
	};
	let substrate = dev_substrate_accounts();
	Endowments {
		gcc: each(substrate.iter().cloned().chain(eth_accounts).collect(), DEV_ACCOUNT_BALANCE),
		spirit: each(substrate.clone(), DEV_TOKEN_BALANCE),
		mana: each(substrate.clone(), DEV_TOKEN_BALANCE),
		ghost: each(substrate, DEV_TOKEN_BALANCE),
	}
}

fn development_genesis() -> Value {
	genesis(
		vec![dev_authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Pace::development(),
		dev_endowments(),
		dev_substrate_accounts(),
		Governance::development(),
	)
}

fn local_testnet_genesis() -> Value {
	genesis(
		vec![
			dev_authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		Pace::development(),
		dev_endowments(),
		dev_substrate_accounts(),
		Governance::development(),
	)
}

/// Three validators and no Sudo. The keys are the public development ones, placeholders that
/// the launch team swaps for its validators' own keys in the exported chain spec.
fn ghostchain_testnet_genesis() -> Value {
	let authorities = vec![
		dev_authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		dev_authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		dev_authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
	];
	let validators = |amount| authorities.iter().map(|a| (a.account.clone(), amount)).collect();
	let endowments = Endowments {
		gcc: validators(TESTNET_VALIDATOR_BALANCE),
		spirit: validators(TESTNET_VALIDATOR_SPIRIT),
		mana: Vec::new(),
		ghost: vec![(Tokens::treasury_account(), TESTNET_GHOST_SUPPLY)],
	};
	genesis(
		authorities,
		Pace::testnet(),
		endowments,
		Vec::new(),
		Governance { period_divisor: 1, sudo: None },
	)
}

/// The JSON patch of the preset named `id`, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_str() {
		DEV_RUNTIME_PRESET => development_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		GHOSTCHAIN_TESTNET_PRESET => ghostchain_testnet_genesis(),
		_ => return None,
	};
	// Serializing a `serde_json::Value` cannot fail: it holds no non-string map keys.
	serde_json::to_vec(&patch).ok()
}

/// The names of all presets, for `build-spec` and tooling.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(DEV_RUNTIME_PRESET),
		PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(GHOSTCHAIN_TESTNET_PRESET),
	]
}
