#!/usr/bin/env bash
# Benchmarks our pallets against the runtime and writes their weights.rs:
#   scripts/benchmark-pallet.sh tokens        # pallets/tokens -> pallet_ghost_tokens
#   scripts/benchmark-pallet.sh cns gid       # several, with one build
# The runtime is built with its benchmarks compiled in (`cargo check` builds only its WASM
# for real); the ordinary node binary runs that WASM, so no second node build is needed.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$repo_root"

[ $# -gt 0 ] || { echo "usage: $0 <pallet directory under pallets/>..." >&2; exit 2; }

cargo build --release --locked -p ghostchain-node

# pallet-revive's own benchmark fixtures need a PolkaVM toolchain that we do not use.
SKIP_PALLET_REVIVE_FIXTURES=1 cargo check --release --locked -p ghostchain-runtime --features runtime-benchmarks
wasm_dir="$CARGO_TARGET_DIR/release/wbuild/ghostchain-runtime"
benchmark_wasm="$CARGO_TARGET_DIR/release/ghostchain_runtime.benchmarks.wasm"
cp "$wasm_dir/ghostchain_runtime.compact.compressed.wasm" "$benchmark_wasm"

for directory in "$@"; do
	crate_dir="pallets/$directory"
	pallet=$(sed -n 's/^name = "\(.*\)"/\1/p' "$crate_dir/Cargo.toml" | head -1 | tr - _)
	"$GHOSTCHAIN_NODE" benchmark pallet \
		--runtime "$benchmark_wasm" \
		--genesis-builder runtime --genesis-builder-preset development \
		--pallet "$pallet" --extrinsic '*' \
		--steps 50 --repeat 20 \
		--template scripts/frame-weight-template.hbs \
		--output "$crate_dir/src/weights.rs"
done

# The check replaced the runtime WASM in the shared build with its benchmarking variant; the
# ordinary runtime's build script watches that file, so this build restores the ordinary one.
cargo build --release --locked -p ghostchain-node
