fn main() {
	#[cfg(feature = "std")]
	{
		use substrate_wasm_builder::WasmBuilder;

		let builder = || {
			let builder = WasmBuilder::init_with_defaults();
			#[cfg(feature = "metadata-hash")]
			let builder = builder.enable_metadata_hash("GCC", 18);
			builder
		};
		builder().build();
		// The same runtime with the next `spec_version`, which the forkless-upgrade tests
		// enact (`spec_version_incremented::WASM_BINARY`). Benchmark builds need only one.
		#[cfg(not(feature = "runtime-benchmarks"))]
		builder()
			.enable_feature("increment-spec-version")
			.set_file_name("wasm_binary_spec_version_incremented.rs")
			.build();
	}
}
