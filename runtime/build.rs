fn main() {
	#[cfg(feature = "std")]
	{
		#[cfg(not(feature = "metadata-hash"))]
		substrate_wasm_builder::WasmBuilder::build_using_defaults();

		#[cfg(feature = "metadata-hash")]
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_metadata_hash("GCC", 18)
			.build();
	}
}
