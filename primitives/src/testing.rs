//! Test support for the mock runtimes of GhostChain's pallets.

/// Declares `CheckedExt`: test externalities that run `$invariants` (a pallet's
/// `do_try_state`) after every test they run, so each unit test also proves the pallet's
/// storage invariants hold at its end.
#[macro_export]
macro_rules! impl_checked_test_ext {
	($invariants:path) => {
		/// Test externalities that check the pallet's storage invariants after each test.
		pub struct CheckedExt(sp_io::TestExternalities);

		impl From<sp_io::TestExternalities> for CheckedExt {
			fn from(ext: sp_io::TestExternalities) -> Self {
				Self(ext)
			}
		}

		impl CheckedExt {
			pub fn execute_with<R>(&mut self, test: impl FnOnce() -> R) -> R {
				self.0.execute_with(|| {
					let result = test();
					if let Err(error) = $invariants() {
						panic!("a storage invariant is broken after the test: {error:?}");
					}
					result
				})
			}
		}
	};
}
