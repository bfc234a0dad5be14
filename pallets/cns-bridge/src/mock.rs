//! A runtime with the bridge, three oracles of quorum two, and funded accounts 1 to 3.

use frame_support::{
	construct_runtime, derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_core::{H160, H256};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{BuildStorage, RuntimeAppPublic};

use crate as pallet_cns_bridge;
use crate::{
	crypto::Public as OracleId, Attestation, BridgeParameters, BridgedRecords, EthBlock, Lookup,
	Name, ATTESTATION_CONTEXT,
};

pub type AccountId = u64;
type TxExtension = frame_system::AuthorizeCall<Test>;
pub type Extrinsic = sp_runtime::testing::TestXt<RuntimeCall, TxExtension>;
type Block = sp_runtime::generic::Block<
	sp_runtime::generic::Header<u64, sp_runtime::traits::BlakeTwo256>,
	Extrinsic,
>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
/// Holds nothing.
pub const PAUPER: AccountId = 4;
pub const TREASURY: AccountId = 99;
pub const DEPOSIT: u64 = 50;
pub const RECORD_TTL: u64 = 20;
pub const REQUEST_TTL: u64 = 10;
pub const MAX_REQUESTS: u32 = 3;
pub const ENS_REGISTRY: H160 = H160([0xe5; 20]);
pub const UNS_PROXY_READER: H160 = H160([0x0d; 20]);

construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		CnsBridge: pallet_cns_bridge,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const Treasury: AccountId = TREASURY;
}

impl pallet_cns_bridge::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type OracleId = OracleId;
	type AdminOrigin = EnsureRoot<AccountId>;
	type RequestDeposit = ConstU64<DEPOSIT>;
	type FeeDestination = Treasury;
	type AttestationPriority = ConstU64<{ u64::MAX / 2 }>;
	type MaxOracles = ConstU32<4>;
	type MaxRequests = ConstU32<MAX_REQUESTS>;
	type MaxAddresses = ConstU32<3>;
	type MaxAddressLength = ConstU32<32>;
	type MaxTextRecords = ConstU32<3>;
	type MaxTextKeyLength = ConstU32<16>;
	type MaxTextValueLength = ConstU32<64>;
	type MaxContentHashLength = ConstU32<64>;
	type WeightInfo = ();
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	type RuntimeCall = RuntimeCall;
	type Extrinsic = Extrinsic;
}

impl<LocalCall> frame_system::offchain::CreateTransaction<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	type Extension = TxExtension;
	fn create_transaction(call: RuntimeCall, extension: TxExtension) -> Extrinsic {
		Extrinsic::new_transaction(call, extension)
	}
}

impl<LocalCall> frame_system::offchain::CreateAuthorizedTransaction<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	fn create_extension() -> TxExtension {
		TxExtension::new()
	}
}

ghostchain_primitives::impl_checked_test_ext!(CnsBridge::do_try_state);

pub fn parameters() -> BridgeParameters<u64> {
	BridgeParameters {
		quorum: 2,
		record_ttl: RECORD_TTL,
		request_ttl: REQUEST_TTL,
		ens_registry: ENS_REGISTRY,
		uns_proxy_reader: UNS_PROXY_READER,
	}
}

/// Oracle `index`'s key, from the test keystore.
pub fn oracle(index: u8) -> OracleId {
	OracleId::generate_pair(Some(format!("//Oracle{index}").into_bytes()))
}

/// Oracles 1 to 3, quorum 2.
pub fn new_test_ext() -> CheckedExt {
	genesis_ext().into()
}

/// The storage of [`new_test_ext`], for tests that add externalities extensions.
pub fn genesis_ext() -> sp_io::TestExternalities {
	let mut ext = sp_io::TestExternalities::new(
		frame_system::GenesisConfig::<Test>::default().build_storage().unwrap(),
	);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| {
		let genesis = RuntimeGenesisConfig {
			balances: pallet_balances::GenesisConfig {
				balances: vec![(ALICE, 1_000), (BOB, 1_000), (3, 1_000)],
				..Default::default()
			},
			cns_bridge: pallet_cns_bridge::GenesisConfig {
				parameters: Some(parameters()),
				oracles: (1..=3).map(oracle).collect(),
			},
			..Default::default()
		};
		frame_support::traits::BuildGenesisConfig::build(&genesis);
		System::set_block_number(1);
	});
	ext
}

/// Runs the bridge's `on_initialize` for each block after the current one up to `until`.
pub fn run_to_block(until: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < until {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		CnsBridge::on_initialize(next);
	}
}

pub fn name(name: &str) -> Name {
	Name::try_from(name.as_bytes().to_vec()).unwrap()
}

pub fn eth_block(number: u64) -> EthBlock {
	EthBlock { number, hash: H256::repeat_byte(number as u8) }
}

/// Records with an ETH address, a `url` text and a content hash.
pub fn records(eth_address: u8) -> Lookup<Test> {
	Lookup::Found(BridgedRecords {
		owner: H160::repeat_byte(0x0a),
		addresses: vec![(60, vec![eth_address; 20].try_into().unwrap())].try_into().unwrap(),
		texts: vec![(
			b"url".to_vec().try_into().unwrap(),
			b"https://ens.domains".to_vec().try_into().unwrap(),
		)]
		.try_into()
		.unwrap(),
		content_hash: Some(vec![0xe3, 0x01, 0x01].try_into().unwrap()),
	})
}

/// Oracle `index`'s attestation and signature.
pub fn attestation(
	index: u8,
	request: u64,
	bridged: &str,
	block: u64,
	lookup: Lookup<Test>,
) -> (Attestation<Test>, OracleId, <OracleId as RuntimeAppPublic>::Signature) {
	let attestation =
		Attestation { request, name: name(bridged), eth_block: eth_block(block), lookup };
	let oracle = oracle(index);
	let signature =
		oracle.sign(&codec::Encode::encode(&(ATTESTATION_CONTEXT, &attestation))).unwrap();
	(attestation, oracle, signature)
}

/// The keys of oracles `indices`, in the ascending order the pallet keeps them in.
pub fn oracles_sorted(indices: &[u8]) -> Vec<OracleId> {
	let mut oracles: Vec<OracleId> = indices.iter().copied().map(oracle).collect();
	oracles.sort();
	oracles
}
