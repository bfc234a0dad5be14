#!/usr/bin/env bash
# Remakes the Groth16 keys and proofs that pallet-l2-commitments' tests and benchmarks verify,
# with tools/l2-prover (ark-groth16): fixtures/groth16-requests.json -> fixtures/groth16.json,
# and the benchmarks' key and proof (seed 1's key, its first proof) as raw bytes.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$repo_root"

fixtures=pallets/l2-commitments/fixtures
cargo run --release --locked --quiet --manifest-path tools/l2-prover/Cargo.toml \
	<"$fixtures/groth16-requests.json" >"$fixtures/groth16.json"
benchmark=$(jq -c '.[] | select(.seed == 1)' "$fixtures/groth16.json")
jq -r '.verifyingKey[2:]' <<<"$benchmark" | xxd -r -p >"$fixtures/benchmark-verifying-key.bin"
jq -r '.proofs[0].proof[2:]' <<<"$benchmark" | xxd -r -p >"$fixtures/benchmark-proof.bin"
