//! GCC, the native token: balances and transaction fees.

use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
	weights::ConstantMultiplier,
};
use ghostchain_primitives::currency::{EXISTENTIAL_DEPOSIT, MICRO_GCC, MILLI_GCC};
use pallet_revive::evm::fees::BlockRatioFee;
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

use crate::{
	Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, System,
};

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	/// Dust left by a reaped account is burned.
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// One picoGCC per unit of reference time (10^12 units = one second of compute): a plain
/// transfer (3.39 * 10^8 units, base weight and extensions included) pays 0.34 milli-GCC for
/// its weight.
pub const FEE_PER_REF_TIME: Balance = MICRO_GCC / 1_000_000;

/// Weight to fee in the form the EVM requires: it converts gas to weight and back through this
/// ratio. Proof size is priced at the same share of the block as reference time, which makes
/// it negligible here: a solochain block has no proof-size limit.
pub type WeightToFee = BlockRatioFee<FEE_PER_REF_TIME, 1, Runtime, Balance>;

/// The GCC held for any piece of data a user keeps on chain (CNS records, a DID), besides
/// [`STORAGE_DEPOSIT_PER_BYTE`].
pub const STORAGE_DEPOSIT_BASE: Balance = 10 * MILLI_GCC;
/// The GCC held per byte of data a user keeps on chain: 100 KB costs 10 GCC.
pub const STORAGE_DEPOSIT_PER_BYTE: Balance = 100 * MICRO_GCC;

parameter_types! {
	/// Fees do not float with block fullness yet: a transfer costs the same in every block.
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// One micro-GCC per byte of extrinsic.
	pub const FeePerByte: Balance = MICRO_GCC;
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are charged in GCC and burned.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, FeePerByte>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	/// Operational transactions (e.g. from governance) outbid ordinary ones fivefold.
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}
