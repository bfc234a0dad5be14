#!/usr/bin/env bash
# Fails when Cargo.lock holds more than one version of a core polkadot-sdk crate: two copies
# mean two incompatible SDKs in one binary (and an hour more of build).
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
for crate in frame-support sp-runtime sp-core sp-io sc-service sc-cli; do
	versions=$(awk -v name="$crate" '$0 == "name = \"" name "\"" { getline; print $3 }' Cargo.lock | tr -d '"' | tr '\n' ' ')
	count=$(wc -w <<<"$versions")
	if [ "$count" -ne 1 ]; then
		echo "Cargo.lock: $count versions of $crate: $versions(want exactly one)"
		status=1
	fi
done
[ "$status" -eq 0 ] && echo "Cargo.lock: one version each of frame-support, sp-runtime, sp-core, sp-io, sc-service, sc-cli"
exit "$status"
