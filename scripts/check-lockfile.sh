#!/usr/bin/env bash
# Fails when Cargo.lock holds more than one version of a core polkadot-sdk crate (two copies
# mean two incompatible SDKs in one binary, and an hour more of build), or an alloy-trie that
# pallet-revive 0.20.2 does not compile against (docs/build.md).
set -euo pipefail
cd "$(dirname "$0")/.."

versions_of() {
	awk -v name="$1" '$0 == "name = \"" name "\"" { getline; print $3 }' Cargo.lock | tr -d '"' | tr '\n' ' '
}

status=0
for crate in frame-support sp-runtime sp-core sp-io sc-service sc-cli; do
	versions=$(versions_of "$crate")
	count=$(wc -w <<<"$versions")
	if [ "$count" -ne 1 ]; then
		echo "Cargo.lock: $count versions of $crate: $versions(want exactly one)"
		status=1
	fi
done
alloy_trie=$(versions_of alloy-trie)
if [ "$alloy_trie" != "0.9.8 " ]; then
	echo "Cargo.lock: alloy-trie $alloy_trie(want 0.9.8: cargo update -p alloy-trie --precise 0.9.8)"
	status=1
fi
[ "$status" -eq 0 ] && echo "Cargo.lock: one version each of frame-support, sp-runtime, sp-core, sp-io, sc-service, sc-cli; alloy-trie 0.9.8"
exit "$status"
