//! CNS, the name service: its limits, deposits, and each TLD's token and prices at launch; and
//! its bridge to ENS and Unstoppable Domains names.
//!
//! docs/cns.md has the price table and the bridge's costs for users; change both together.

use alloc::vec::Vec;
use codec::MaxEncodedLen;
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32},
};
use ghostchain_primitives::{
	cns::Tld,
	currency::MILLI_GCC,
	time::{DAYS, YEARS},
	tokens::{TokenKind, UNIT},
	Balance,
};
use pallet_cns::{PrimaryName, TldConfig};
use pallet_revive::AddressMapper;
use sp_core::H160;
use sp_runtime::traits::Convert;
use sp_runtime::transaction_validity::TransactionPriority;

use super::monetary::{STORAGE_DEPOSIT_BASE, STORAGE_DEPOSIT_PER_BYTE};
use crate::{
	governance::GeneralAdminOrRoot, AccountId, BlockNumber, Runtime, RuntimeHoldReason, Tokens,
};

/// The launch configuration of `tld`: the token that pays, and the yearly price for labels of
/// 1, 2, 3, 4 and 5+ bytes. Shorter names are scarcer, so they cost more, as on ENS.
pub fn launch_tld_config(tld: Tld) -> TldConfig {
	let (token, yearly_prices) = match tld {
		// The brand TLD, paid in the brand token.
		Tld::Ghost => {
			(TokenKind::Ghost, [640, 160, 40, 10, 5].map(|n: Balance| n.saturating_mul(UNIT)))
		},
		Tld::Gcc | Tld::Gcp => (TokenKind::Gcc, [64 * UNIT, 16 * UNIT, 4 * UNIT, UNIT, UNIT / 2]),
		// Utility TLDs, paid in the utility token that block authors earn.
		Tld::Warp | Tld::Arc => {
			(TokenKind::Mana, [320, 80, 20, 5, 1].map(|n: Balance| n.saturating_mul(UNIT)))
		},
	};
	TldConfig { enabled: true, token, yearly_prices }
}

/// Every native TLD, open at launch.
pub fn launch_tlds() -> Vec<(Tld, TldConfig)> {
	Tld::ALL.iter().map(|&tld| (tld, launch_tld_config(tld))).collect()
}

/// An account's EVM address as the EVM sees it (`pallet-revive`'s mapping), so a name's GCC
/// address record can name the account that MetaMask shows.
pub struct ReviveEvmAddress;

impl Convert<AccountId, [u8; 20]> for ReviveEvmAddress {
	fn convert(account: AccountId) -> [u8; 20] {
		<Runtime as pallet_revive::Config>::AddressMapper::to_address(&account).0
	}
}

parameter_types! {
	/// A commitment must sit two blocks: a front-runner who sees the reveal cannot make an
	/// older commitment, and two blocks survive a one-block reorg.
	pub const MinCommitmentAge: BlockNumber = 2;
	/// A day to reveal, as on ENS.
	pub const MaxCommitmentAge: BlockNumber = DAYS;
	/// 90 days for an owner to notice an expiry and renew, as on ENS.
	pub const GracePeriod: BlockNumber = 90 * DAYS;
	pub const BlocksPerYear: BlockNumber = YEARS;
	pub const CommitmentDeposit: Balance = 10 * MILLI_GCC;
	/// The storage deposit of the largest primary-name entry.
	pub PrimaryNameDeposit: Balance = STORAGE_DEPOSIT_BASE
		.saturating_add(STORAGE_DEPOSIT_PER_BYTE.saturating_mul(PrimaryName::max_encoded_len() as Balance));
}

impl pallet_cns::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Tokens = Tokens;
	type TldOrigin = GeneralAdminOrRoot;
	type EvmAddress = ReviveEvmAddress;
	type BlocksPerYear = BlocksPerYear;
	type GracePeriod = GracePeriod;
	type MaxRegistrationYears = ConstU32<10>;
	type MinCommitmentAge = MinCommitmentAge;
	type MaxCommitmentAge = MaxCommitmentAge;
	type CommitmentDeposit = CommitmentDeposit;
	type PrimaryNameDeposit = PrimaryNameDeposit;
	type RecordDepositBase = ConstU128<STORAGE_DEPOSIT_BASE>;
	type RecordDepositPerByte = ConstU128<STORAGE_DEPOSIT_PER_BYTE>;
	type MaxAddresses = ConstU32<8>;
	/// Room for any chain's address; ETH and GCC take 20 bytes, DOT 32.
	type MaxAddressLength = ConstU32<64>;
	type MaxTextRecords = ConstU32<8>;
	type MaxTextKeyLength = ConstU32<32>;
	type MaxTextValueLength = ConstU32<256>;
	/// An ENSIP-7 IPFS or Swarm hash is under 40 bytes.
	type MaxContentHashLength = ConstU32<64>;
	/// Each release of an expired name removes its subnames too, so their number bounds the
	/// weight of `register`.
	type MaxSubnames = ConstU32<16>;
	type WeightInfo = pallet_cns::weights::SubstrateWeight<Runtime>;
}

/// ENS's registry (`ENSRegistryWithFallback`) on Ethereum mainnet: the bridge's default.
pub const MAINNET_ENS_REGISTRY: H160 =
	H160(sp_core::hex2array!("00000000000c2e074ec69a0dfb2997ba6c7d2e1e"));
/// Unstoppable Domains' `ProxyReader` on Ethereum mainnet: the bridge's default.
pub const MAINNET_UNS_PROXY_READER: H160 =
	H160(sp_core::hex2array!("578853aa776eef10cee6c4dd2b5862bdce767a8b"));

parameter_types! {
	/// Pays for the attestations: more than `MaxOracles` attestations would cost as ordinary
	/// transactions (runtime/tests/cns.rs checks it).
	pub const BridgeRequestDeposit: Balance = 100 * MILLI_GCC;
	pub BridgeFeeDestination: AccountId = Tokens::treasury_account();
	/// Attestations go before ordinary transactions, as the bridge's answers are awaited.
	pub const AttestationPriority: TransactionPriority = TransactionPriority::MAX / 2;
}

impl pallet_cns_bridge::Config for Runtime {
	type Currency = crate::Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type OracleId = pallet_cns_bridge::crypto::Public;
	type AdminOrigin = GeneralAdminOrRoot;
	type RequestDeposit = BridgeRequestDeposit;
	type FeeDestination = BridgeFeeDestination;
	type AttestationPriority = AttestationPriority;
	type MaxOracles = ConstU32<16>;
	type MaxRequests = ConstU32<64>;
	// Records as large as a native name's.
	type MaxAddresses = <Runtime as pallet_cns::Config>::MaxAddresses;
	type MaxAddressLength = <Runtime as pallet_cns::Config>::MaxAddressLength;
	type MaxTextRecords = <Runtime as pallet_cns::Config>::MaxTextRecords;
	type MaxTextKeyLength = <Runtime as pallet_cns::Config>::MaxTextKeyLength;
	type MaxTextValueLength = <Runtime as pallet_cns::Config>::MaxTextValueLength;
	type MaxContentHashLength = <Runtime as pallet_cns::Config>::MaxContentHashLength;
	type WeightInfo = pallet_cns_bridge::weights::SubstrateWeight<Runtime>;
}

/// Oracles' attestations: authorized transactions (`AuthorizeCall`) that no account signs.
impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	crate::RuntimeCall: From<LocalCall>,
{
	type RuntimeCall = crate::RuntimeCall;
	type Extrinsic = crate::UncheckedExtrinsic;
}

impl<LocalCall> frame_system::offchain::CreateTransaction<LocalCall> for Runtime
where
	crate::RuntimeCall: From<LocalCall>,
{
	type Extension = crate::TxExtension;
	fn create_transaction(
		call: crate::RuntimeCall,
		extension: crate::TxExtension,
	) -> crate::UncheckedExtrinsic {
		sp_runtime::generic::UncheckedExtrinsic::new_transaction(call, extension).into()
	}
}

impl<LocalCall> frame_system::offchain::CreateAuthorizedTransaction<LocalCall> for Runtime
where
	crate::RuntimeCall: From<LocalCall>,
{
	fn create_extension() -> crate::TxExtension {
		crate::tx_extension(0, sp_runtime::generic::Era::Immortal, 0)
	}
}
