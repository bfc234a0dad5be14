#!/usr/bin/env bash
# Measures every weight the runtime charges on this machine and writes them:
#   scripts/benchmark-runtime.sh                          # all of it
#   scripts/benchmark-runtime.sh pallet_cns pallet_gid    # only these pallets' benchmarks
# (`ghostchain-node-benchmarks benchmark pallet --list=pallets` lists them).
# - `benchmark overhead`: runtime/src/weights/{block,extrinsic}_weights.rs (the empty block, and
#   the base of every extrinsic);
# - `benchmark storage` on ParityDB: runtime/src/weights/paritydb_weights.rs (one read, one write);
# - `benchmark pallet`: FRAME's pallets into runtime/src/weights/<pallet>.rs, ours into
#   pallets/<dir>/src/weights.rs.
# Run it on an otherwise idle machine: the figures are wall-clock times. STEPS and REPEAT
# override the sampling (50 and 20, as production runtimes use); the two contract VMs, with
# hundreds of benchmarks each, use CONTRACT_STEPS and CONTRACT_REPEAT (docs/benchmarks.md).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$repo_root"

steps=${STEPS:-50}
repeat=${REPEAT:-20}
contract_steps=${CONTRACT_STEPS:-10}
contract_repeat=${CONTRACT_REPEAT:-5}
weights_dir=runtime/src/weights
bench_node="$CARGO_TARGET_DIR/release/ghostchain-node-benchmarks"
bench_wasm="$CARGO_TARGET_DIR/release/ghostchain_runtime.benchmarks.wasm"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# `benchmark storage` needs the database access that only a `runtime-benchmarks` node exposes,
# and `benchmark pallet` a runtime with its benchmarks compiled in. pallet-revive's PolkaVM
# fixtures need a toolchain this machine lacks: skipped, so its benchmarks fail and it keeps its
# reference weights (docs/benchmarks.md).
SKIP_PALLET_REVIVE_FIXTURES=1 cargo build --release --locked -p ghostchain-node --features runtime-benchmarks
cp "$GHOSTCHAIN_NODE" "$bench_node"
cp "$CARGO_TARGET_DIR/release/wbuild/ghostchain-runtime/ghostchain_runtime.compact.compressed.wasm" "$bench_wasm"
# Back to the ordinary node and runtime: overhead is measured on the runtime a chain runs, and
# the test suite needs them.
build_node

run_pallet() { # pallet steps repeat output [template]
	local pallet=$1 steps=$2 repeat=$3 output=$4
	shift 4
	echo "benchmark pallet $pallet ($steps steps, $repeat repeats) -> $output"
	"$bench_node" benchmark pallet \
		--runtime "$bench_wasm" \
		--genesis-builder runtime --genesis-builder-preset development \
		--pallet "$pallet" --extrinsic '*' \
		--steps "$steps" --repeat "$repeat" \
		--output "$output" "$@"
}

# Our pallets keep their weights in their own crate, in a template that serves any runtime.
our_pallet_dir() {
	grep -l "^name = \"${1//_/-}\"" pallets/*/Cargo.toml 2>/dev/null | head -1 | xargs -r dirname
}

if [ $# -eq 0 ]; then
	echo "benchmark overhead -> $weights_dir/{block,extrinsic}_weights.rs"
	"$GHOSTCHAIN_NODE" benchmark overhead --chain dev --weight-path "$weights_dir" --warmup 10 --repeat 100
	echo "benchmark storage (ParityDB) -> $weights_dir/paritydb_weights.rs"
	# In a state the size of a young live chain (20,000 more accounts) rather than the dev
	# genesis' 134 keys, where the 6 MB runtime code would be most of the average. One commit per
	# written key (`--batch-size 1`): what a lone write costs, the worst case.
	node scripts/funded-dev-spec.mjs 20000 > "$scratch/spec.json"
	"$bench_node" benchmark storage --chain "$scratch/spec.json" --base-path "$scratch/db" \
		--database paritydb --state-version 1 --warmups 2 --batch-size 1 --weight-path "$weights_dir"
	# The overhead and storage templates do not format their output as rustfmt would.
	rustfmt --edition 2021 "$weights_dir"/{block,extrinsic,paritydb}_weights.rs
	mapfile -t pallets < <("$bench_node" benchmark pallet --runtime "$bench_wasm" \
		--genesis-builder runtime --genesis-builder-preset development --list=pallets 2>/dev/null |
		tail -n +2 | grep -v '^frame_benchmarking$')
else
	pallets=("$@")
fi

# A pallet whose benchmarks fail keeps its old weights (the CLI writes no file); the others run.
failed=()
for pallet in "${pallets[@]}"; do
	if dir=$(our_pallet_dir "$pallet") && [ -n "$dir" ]; then
		run_pallet "$pallet" "$steps" "$repeat" "$dir/src/weights.rs" \
			--template scripts/frame-weight-template.hbs || failed+=("$pallet")
	elif [ "$pallet" = pallet_revive ] || [ "$pallet" = pallet_contracts ]; then
		run_pallet "$pallet" "$contract_steps" "$contract_repeat" "$weights_dir/" || failed+=("$pallet")
	else
		run_pallet "$pallet" "$steps" "$repeat" "$weights_dir/" || failed+=("$pallet")
	fi
done
if [ "${#failed[@]}" -gt 0 ]; then
	echo "benchmarks failed, weights not rewritten: ${failed[*]} (docs/benchmarks.md says why)" >&2
	exit 1
fi
