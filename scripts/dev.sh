#!/usr/bin/env bash
# Builds the node and starts a development chain (Alice validating, fresh state, RPC on 9944),
# sharing one build cache with the test suite. Extra arguments go to the node.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$repo_root/scripts/setup.sh"
cd "$repo_root"
ensure_build_prerequisites
announce_first_build "the node and its WASM runtime" 45
build_node
exec "$GHOSTCHAIN_NODE" --dev "$@"
