//! The pallets whose benchmarks `ghostchain-node benchmark pallet` runs.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_cns, Cns]
	[pallet_cns_bridge, CnsBridge]
	[pallet_ghost_tokens, Tokens]
	[pallet_gid, Gid]
	[pallet_l2_commitments, L2Commitments]
	[pallet_sudo, Sudo]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_validator_set, ValidatorSet]
);
