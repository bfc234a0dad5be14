//! Smart contracts: `pallet-revive` runs Solidity (EVM bytecode) and PolkaVM contracts, and
//! accepts Ethereum-signed transactions, which the Ethereum JSON-RPC server submits.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
};
use frame_system::EnsureSigned;
use ghostchain_primitives::{
	chain::EVM_CHAIN_ID,
	currency::{MICRO_GCC, MILLI_GCC},
};
use pallet_revive::{evm::fees::Info as FeeInfo, AccountId32Mapper};
use sp_runtime::{FixedU128, Perbill};

use crate::{
	AccountId, Address, Balance, Balances, EthExtension, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, Signature, Timestamp,
};

/// What keeping `items` storage entries of `bytes` bytes in all costs, held from the account
/// that created them and returned when they are removed.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	const PER_ITEM: Balance = 10 * MILLI_GCC;
	const PER_BYTE: Balance = 10 * MICRO_GCC;
	(items as Balance)
		.saturating_mul(PER_ITEM)
		.saturating_add((bytes as Balance).saturating_mul(PER_BYTE))
}

parameter_types! {
	pub const DepositPerItem: Balance = deposit(1, 0);
	pub const DepositPerByte: Balance = deposit(0, 1);
	/// A contract's storage slots are small and many, so each costs a hundredth of an item.
	pub const DepositPerChildTrieItem: Balance = deposit(1, 0) / 100;
	/// Instantiating from uploaded code locks this share of the code's deposit, so the code
	/// cannot be removed from under its contracts.
	pub const CodeHashLockupDepositPercent: Perbill = Perbill::from_percent(30);
	/// An Ethereum transaction may use at most 90% of a transaction's maximum weight.
	pub const MaxEthExtrinsicWeight: FixedU128 = FixedU128::from_rational(9, 10);
}

impl pallet_revive::Config for Runtime {
	type Time = Timestamp;
	type Balance = Balance;
	type Currency = Balances;
	/// Gas rounding is burned, like fees.
	type OnBurn = ();
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeHoldReason = RuntimeHoldReason;
	type WeightInfo = pallet_revive::weights::SubstrateWeight<Self>;
	/// SPIRIT, MANA and GHOST as ERC-20s; CNS and GID (`crate::precompiles`).
	type Precompiles = crate::precompiles::GhostChainPrecompiles;
	/// The Aura author is `block.coinbase`.
	type FindAuthor = super::AuraAuthorAccount;
	type DepositPerByte = DepositPerByte;
	type DepositPerItem = DepositPerItem;
	type DepositPerChildTrieItem = DepositPerChildTrieItem;
	type CodeHashLockupDepositPercent = CodeHashLockupDepositPercent;
	/// An account's H160 address is the last 20 bytes of the keccak-256 of its 32-byte id; an
	/// Ethereum-derived account (`H160 ++ 0xEE * 12`) maps back to its own address.
	type AddressMapper = AccountId32Mapper<Self>;
	/// Solidity compiled by solc, as Ethereum tooling produces it, runs on the EVM interpreter.
	type AllowEVMBytecode = ConstBool<true>;
	type UploadOrigin = EnsureSigned<AccountId>;
	type InstantiateOrigin = EnsureSigned<AccountId>;
	/// The node's default runtime heap (2048 extra pages of 64 KiB).
	type RuntimeMemory = ConstU32<{ 128 * 1024 * 1024 }>;
	/// Checked against contract memory limits by the pallet's integrity test.
	type PVFMemory = ConstU32<{ 512 * 1024 * 1024 }>;
	type ChainId = ConstU64<EVM_CHAIN_ID>;
	/// GCC has 18 decimals, like ether: one planck is one wei, so `eth_getBalance` shows the
	/// balance Polkadot.js shows, less the existential deposit (revive reports what an account
	/// can spend and stay alive).
	type NativeToEthRatio = ConstU32<1>;
	type FeeInfo = FeeInfo<Address, Signature, EthExtension>;
	/// Storage deposits are paid in GCC.
	type Deposit = ();
	type MaxEthExtrinsicWeight = MaxEthExtrinsicWeight;
	type DebugEnabled = ConstBool<false>;
	/// Accounts map their H160 explicitly with `Revive::map_account`, paying a refundable deposit
	/// for the mapping; development accounts are mapped at genesis.
	type AutoMap = ConstBool<false>;
	/// Gas price in wei = fee multiplier (1) x `NativeToEthRatio` (1) x `GasScale`.
	type GasScale = ConstU32<1_000_000_000>;
}
