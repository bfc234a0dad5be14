#!/usr/bin/env bash
# Everything `cargo publish` would do for the crates a runtime developer depends on, without
# uploading: package each one and build it from its package, in the dependency order cargo
# finds (docs/build.md lists it), each against the packages before it rather than crates.io.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$repo_root"

crates=(-p ghostchain-primitives)
crates+=($(sed -n 's/^name = "\(.*\)"/-p \1/p' pallets/*/Cargo.toml))
# --allow-dirty: a developer runs the suite on uncommitted work; CI runs it on a clean clone.
cargo publish --dry-run --locked --allow-dirty "${crates[@]}"
