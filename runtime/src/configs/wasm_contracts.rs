//! WASM smart contracts: `pallet-contracts` runs ink! and other WASM contracts, which
//! Polkadot.js Apps and `@polkadot/api-contract` deploy and call, beside `Revive`'s Solidity.
//! Contracts reach CNS, GID and the four tokens through [`crate::chain_extension`].

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, Nothing, Randomness},
};
use frame_system::{pallet_prelude::BlockNumberFor, EnsureSigned};
use pallet_contracts::{DefaultAddressGenerator, Frame, Schedule};

use super::contracts::{deposit, CodeHashLockupDepositPercent, DepositPerByte, DepositPerItem};
use crate::{
	chain_extension::GhostChainExtension, AccountId, Balance, Balances, Hash, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, Timestamp, TransactionPayment,
};

/// `seal_random`, the only user of `Randomness`, is deprecated: `pallet-contracts` refuses to
/// upload or instantiate code that imports it, so this is never called on chain. It returns
/// the zero hash and says so; the chain has no randomness beacon, and a block-hash based source
/// would be one that block authors can bias. Contracts that need randomness must bring their
/// own (a commit-reveal scheme, for example).
pub struct NoRandomness;

impl Randomness<Hash, BlockNumberFor<Runtime>> for NoRandomness {
	fn random(_subject: &[u8]) -> (Hash, BlockNumberFor<Runtime>) {
		(Hash::zero(), frame_system::Pallet::<Runtime>::block_number())
	}
}

parameter_types! {
	/// What a call may commit to storage deposits when its caller sets no limit: room for 1,024
	/// items and 1 MiB, about 20 GCC.
	pub const DefaultDepositLimit: Balance = deposit(1024, 1024 * 1024);
	/// The pallet's own limits, but 8 KiB payloads (16 KiB is the default): with ParityDB's
	/// cheap writes a block could otherwise store more than a validator's memory can hold,
	/// which the pallet's integrity test refuses.
	pub ContractsSchedule: Schedule<Runtime> = {
		let mut schedule = Schedule::<Runtime>::default();
		schedule.limits.payload_len = 8 * 1024;
		schedule
	};
}

impl pallet_contracts::Config for Runtime {
	type Time = Timestamp;
	type Randomness = NoRandomness;
	type Currency = Balances;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Contracts dispatch no runtime call: they reach names, DIDs and tokens through the chain
	/// extension, which moves only the contract's own funds, and nothing a contract does can
	/// stand in for a governance origin.
	type CallFilter = Nothing;
	type WeightPrice = TransactionPayment;
	type WeightInfo = pallet_contracts::weights::SubstrateWeight<Self>;
	type ChainExtension = GhostChainExtension;
	type Schedule = ContractsSchedule;
	/// Six nested calls at most.
	type CallStack = [Frame<Self>; 5];
	/// The same GCC prices as `Revive`'s, so storage costs the same in both VMs.
	type DepositPerByte = DepositPerByte;
	type DefaultDepositLimit = DefaultDepositLimit;
	type DepositPerItem = DepositPerItem;
	type CodeHashLockupDepositPercent = CodeHashLockupDepositPercent;
	type AddressGenerator = DefaultAddressGenerator;
	/// Below the integrity test's bound for a call stack of six (128,501 bytes).
	type MaxCodeLen = ConstU32<{ 123 * 1024 }>;
	type MaxStorageKeyLen = ConstU32<128>;
	type MaxTransientStorageSize = ConstU32<{ 1024 * 1024 }>;
	type MaxDelegateDependencies = ConstU32<32>;
	/// Unstable host functions stay off: a contract built against them could break on upgrade.
	type UnsafeUnstableInterface = ConstBool<false>;
	/// Debug messages are collected only in dry runs, for the developer's RPC client.
	type MaxDebugBufferLen = ConstU32<{ 2 * 1024 * 1024 }>;
	type UploadOrigin = EnsureSigned<AccountId>;
	type InstantiateOrigin = EnsureSigned<AccountId>;
	/// The pallet starts at its latest storage version: nothing to migrate.
	type Migrations = ();
	type Debug = ();
	type Environment = ();
	type ApiVersion = ();
	/// No XCM on a solochain.
	type Xcm = ();
}
