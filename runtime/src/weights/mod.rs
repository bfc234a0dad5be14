//! The weights this runtime charges, measured on GhostChain's reference machine (2 vCPUs, AMD
//! EPYC; docs/benchmarks.md) by `scripts/benchmark-runtime.sh`, which writes every file here
//! but this one: the base costs of a block and of an extrinsic (`benchmark overhead`), a
//! ParityDB read and write (`benchmark storage`) and FRAME's pallets (`benchmark pallet`). Our
//! own pallets keep theirs in their crates; GRANDPA keeps its default (see its config).
//! Still on their reference weights: pallet-revive (its benchmarks need PolkaVM and resolc
//! fixtures), pallet-contracts, pallet-referenda (`nudge_referendum_preparing` fails with our
//! tracks) and pallet-session (its benchmarks need pallet-staking): docs/benchmarks.md.

pub mod block_weights;
pub mod extrinsic_weights;
// The CLI's template documents the fields of a struct literal, which rustdoc does not render.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;

pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_assets;
pub mod pallet_balances_balances;
pub mod pallet_balances_spirit_balances;
pub mod pallet_conviction_voting;
pub mod pallet_preimage;
pub mod pallet_scheduler;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
