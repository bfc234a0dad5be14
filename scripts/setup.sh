# What a fresh Debian/Ubuntu machine with rustup and Node.js lacks for a build, installed or
# named; sourced by dev.sh, test.sh (and through it .ci/run) after env.sh.

# protoc for litep2p; clang and libclang for RocksDB (bindgen, via pallet-revive-eth-rpc).
build_packages=(protobuf-compiler clang libclang-dev)

# Installs the missing Debian packages when run as root; otherwise prints the one command that
# does and fails, as nothing can be built without them.
ensure_build_packages() {
	local missing=() package
	for package in "${build_packages[@]}"; do
		dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
			missing+=("$package")
	done
	[ "${#missing[@]}" -eq 0 ] && return
	if [ "$(id -u)" -ne 0 ]; then
		echo "GhostChain needs ${missing[*]} to build. Install them with:" >&2
		echo "  sudo apt-get install -y ${missing[*]}" >&2
		return 1
	fi
	echo "Installing ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# rust-toolchain.toml names the WASM targets and rust-src, but rustup installs them only where
# auto-install is on; both commands are no-ops once they are there.
ensure_rust_components() {
	rustup target add wasm32-unknown-unknown wasm32v1-none >/dev/null
	rustup component add rust-src >/dev/null
}

# The end-to-end tests' npm packages, installed when absent or older than the lockfile.
ensure_node_modules() {
	if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		npm ci --no-audit --no-fund
	fi
}

# Says what the first, long build is before it starts: `announce_first_build WHAT MINUTES`, the
# minutes measured cold on 2 cores (docs/build.md). Later builds reuse CARGO_TARGET_DIR.
announce_first_build() {
	[ -x "$GHOSTCHAIN_NODE" ] && return
	echo "First build of $1 (about 1,600 crates) into $CARGO_TARGET_DIR:" \
		"about $2 minutes on 2 cores. Later builds reuse it and take minutes."
}

ensure_build_prerequisites() {
	ensure_build_packages
	ensure_rust_components
}
