//! Benchmarks of both calls in the worst case: the set one short of full (adding) or full
//! (removing), the validator in question last in it.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use sp_runtime::traits::TrailingZeroInput;

use crate::*;

/// `who` with session keys registered, as `session.setKeys` leaves them.
fn with_session_keys<T: Config>(who: &T::AccountId) {
	let keys = T::Keys::decode(&mut TrailingZeroInput::new(&who.encode()))
		.unwrap_or_else(|_| panic!("session keys decode from any bytes"));
	pallet_session::NextKeys::<T>::insert(who, keys);
}

/// Fills the set with `count` validators.
fn set_of<T: Config>(count: u32) -> Vec<T::AccountId> {
	let members: Vec<T::AccountId> = (0..count).map(|i| account("validator", i, 0)).collect();
	Validators::<T>::put(
		BoundedVec::try_from(members.clone())
			.unwrap_or_else(|_| panic!("the benchmark set fits MaxValidators")),
	);
	members
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		set_of::<T>(T::MaxValidators::get().saturating_sub(1));
		let joiner: T::AccountId = account("joiner", 0, 0);
		with_session_keys::<T>(&joiner);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, joiner.clone());

		assert_eq!(Validators::<T>::get().last(), Some(&joiner));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let members = set_of::<T>(T::MaxValidators::get());
		let leaver = members.last().cloned().ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaver.clone());

		assert!(!Validators::<T>::get().contains(&leaver));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
