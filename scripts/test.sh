#!/usr/bin/env bash
# Runs every GhostChain test: the lockfile and formatting checks, Rust unit and runtime tests, the
# end-to-end tests against a release node that the tests start themselves, then the zombienet
# networks.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$repo_root/scripts/setup.sh"
cd "$repo_root"
ensure_build_prerequisites
ensure_node_modules
announce_first_build "the tests, the node and its WASM runtime" 60

scripts/check-lockfile.sh
cargo fmt --all -- --check
# The L2 prover is its own workspace (see its manifest); the e2e tests run its binary.
prover=(--manifest-path tools/l2-prover/Cargo.toml)
cargo fmt "${prover[@]}" -- --check
cargo test --release --locked "${prover[@]}"

# Runtime code never overflows, unwraps or indexes (Cargo.toml's [workspace.lints]).
scripts/clippy.sh
# The crates a runtime developer depends on package and build from their packages alone.
scripts/publish-dry-run.sh

# One profile (--release) everywhere, so tests, the node and the e2e runs share artifacts.
cargo test --release --locked --workspace --tests
# Every benchmark of our pallets, run once as a test on the pallet's mock runtime, with the
# try-runtime checks (migrations' pre- and post-upgrade) compiled in.
pallets=$(sed -n 's/^name = "\(.*\)"/-p \1/p' pallets/*/Cargo.toml)
cargo test --release --locked $pallets --features runtime-benchmarks,try-runtime --lib
build_node
cargo build --release --locked "${prover[@]}"

node --test --test-concurrency=2 tests/e2e/
# Four-validator networks whose validators are paused, killed, joined and removed.
scripts/zombienet.sh
