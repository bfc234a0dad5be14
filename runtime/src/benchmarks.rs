//! The pallets whose benchmarks `ghostchain-node benchmark pallet` runs: every pallet of the
//! runtime that has benchmarks. scripts/benchmark-runtime.sh runs them all and writes
//! `runtime/src/weights/` (FRAME's pallets) and each of our pallets' `weights.rs`.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_balances, SpiritBalances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_assets, Assets]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_sudo, Sudo]
	[pallet_preimage, Preimage]
	[pallet_scheduler, Scheduler]
	[pallet_referenda, Referenda]
	[pallet_conviction_voting, ConvictionVoting]
	[pallet_revive, Revive]
	[pallet_contracts, Contracts]
	[pallet_cns, Cns]
	[pallet_cns_bridge, CnsBridge]
	[pallet_ghost_tokens, Tokens]
	[pallet_gid, Gid]
	[pallet_l2_commitments, L2Commitments]
	[pallet_validator_set, ValidatorSet]
);

impl frame_system_benchmarking::Config for crate::Runtime {}
impl frame_benchmarking::baseline::Config for crate::Runtime {}
impl pallet_transaction_payment::BenchmarkConfig for crate::Runtime {}
