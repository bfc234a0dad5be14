# Shared build settings, sourced by every script: one persistent target directory outside the
# work tree (so CI and every checkout reuse one warm build), and the workspace that
# substrate-wasm-builder builds the runtime from.
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ghostchain/target}"
export WASM_BUILD_WORKSPACE_HINT="$repo_root"
export GHOSTCHAIN_NODE="${GHOSTCHAIN_NODE:-$CARGO_TARGET_DIR/release/ghostchain-node}"

# Builds the node as the test suite does. `--workspace` gives our crates the features that
# `cargo test --workspace` gives them (their `default`), so the tests and the node share every
# artifact; `-p ghostchain-node` would build the runtime, the pallets and the node a second time.
build_node() {
	cargo build --release --locked --workspace --bins "$@"
}
