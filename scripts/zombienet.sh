#!/usr/bin/env bash
# Runs the zombienet tests (zombienet/*.zndsl, or the ones named) against the release node:
# each spawns its own four-validator network with zombienet's native provider.
#   scripts/zombienet.sh                                   # all of them
#   scripts/zombienet.sh zombienet/0001-validator-faults.zndsl
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$repo_root"

[ -x "$GHOSTCHAIN_NODE" ] || { echo "build the node first: cargo build --release --workspace --bins" >&2; exit 2; }
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(zombienet/*.zndsl)

# Two free ports for the Ethereum nodes (anvil) that 0003's oracles read (network.toml), below
# the ephemeral range, from which zombienet takes the nodes' ports while nothing holds these.
read -r CNS_BRIDGE_HONEST_ETH_PORT CNS_BRIDGE_DISHONEST_ETH_PORT < <(node -e '
	const net = require("node:net");
	const free = (port) => new Promise((ok) => {
		const server = net.createServer().once("error", () => ok(false));
		server.listen(port, "127.0.0.1", () => server.close(() => ok(true)));
	});
	(async () => {
		const ports = [];
		for (let port = 20000 + Math.floor(Math.random() * 10000); ports.length < 2; port++) {
			if (await free(port)) ports.push(port);
		}
		console.log(ports.join(" "));
	})();')
export CNS_BRIDGE_HONEST_ETH_PORT CNS_BRIDGE_DISHONEST_ETH_PORT

for test in "${tests[@]}"; do
	# A known directory, so that every process the test started (its js-scripts start nodes
	# of their own) can be stopped, whatever the outcome.
	dir=$(mktemp -d "${TMPDIR:-/tmp}/ghostchain-zombienet.XXXXXX")
	started=$(date +%s)
	status=0
	npx zombienet --provider native --logType text --dir "$dir" --force test "$test" || status=$?
	pkill -f -- "$dir" || true
	echo "$test: exit $status after $(($(date +%s) - started)) s (logs in $dir)"
	[ "$status" -eq 0 ] || exit "$status"
	rm -rf "$dir"
done
