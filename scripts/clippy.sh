#!/usr/bin/env bash
# Clippy over our runtime code (primitives, pallets, runtime), outside tests: fails on any lint,
# above all the ones Cargo.toml's [workspace.lints] names (no unchecked arithmetic, unwrap,
# expect or slice indexing). Debug profile, check only, without the runtime's WASM.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$repo_root"

pallets=$(sed -n 's/^name = "\(.*\)"/-p \1/p' pallets/*/Cargo.toml)
SKIP_WASM_BUILD=1 cargo clippy --locked --message-format=json \
	-p ghostchain-primitives -p ghostchain-runtime $pallets |
	node scripts/clippy-findings.mjs
