//! The invariants of CNS storage, checked by `try_state`, after every unit test, and by the
//! runtime fuzzer.

use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use pallet_ghost_tokens::{deposits_match_holds, Deposit};
use sp_runtime::TryRuntimeError;

use crate::*;

impl<T: Config> Pallet<T> {
	/// Registrations, the owner index and the subname lists mirror each other; every name's
	/// subname count is its subnames'; every stored deposit is exactly what its item calls for
	/// and exactly what its depositor holds for it.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_names()?;
		Self::check_deposits()
	}

	fn check_names() -> Result<(), TryRuntimeError> {
		for (name, registration) in Registrations::<T>::iter() {
			ensure!(
				NamesByOwner::<T>::contains_key(&registration.owner, &name),
				"a name is missing from its owner's index"
			);
			match registration.tenure {
				Tenure::Registered { subnames, .. } => {
					let listed = Subnames::<T>::iter_key_prefix(&name).count();
					ensure!(
						u32::try_from(listed) == Ok(subnames) && subnames <= T::MaxSubnames::get(),
						"a name's subname count differs from its subnames"
					);
				},
				Tenure::Subname { parent } => {
					ensure!(
						Subnames::<T>::contains_key(&parent, &name),
						"a subname is missing from its parent's list"
					);
					let parent_tenure = Registrations::<T>::get(&parent).map(|p| p.tenure);
					ensure!(
						matches!(parent_tenure, Some(Tenure::Registered { .. })),
						"a subname's parent is not a registered name"
					);
				},
			}
		}
		for (owner, name, ()) in NamesByOwner::<T>::iter() {
			ensure!(
				Registrations::<T>::get(&name).is_some_and(|r| r.owner == owner),
				"the owner index lists a name its account does not own"
			);
		}
		for (parent, name, ()) in Subnames::<T>::iter() {
			let tenure = Registrations::<T>::get(&name).map(|r| r.tenure);
			ensure!(
				tenure == Some(Tenure::Subname { parent }),
				"a listed subname is not registered under its parent"
			);
		}
		Ok(())
	}

	fn check_deposits() -> Result<(), TryRuntimeError> {
		let mut records_deposits = Vec::new();
		for (name, records) in Records::<T>::iter() {
			ensure!(Registrations::<T>::contains_key(&name), "records of an unregistered name");
			ensure!(!records.is_empty(), "an empty set of records is stored");
			ensure!(
				records.deposit.amount == records.required_deposit(),
				"a records deposit differs from what their size calls for"
			);
			let Deposit { depositor, amount } = records.deposit;
			records_deposits.push((depositor, amount));
		}
		ensure!(
			deposits_match_holds::<_, T::Tokens>(&HoldReason::Records.into(), records_deposits),
			"records deposits differ from the holds"
		);
		ensure!(
			deposits_match_holds::<_, T::Tokens>(
				&HoldReason::Commitment.into(),
				Commitments::<T>::iter().map(|(who, _, commitment)| (who, commitment.deposit)),
			),
			"commitment deposits differ from the holds"
		);
		ensure!(
			deposits_match_holds::<_, T::Tokens>(
				&HoldReason::PrimaryName.into(),
				PrimaryNames::<T>::iter().map(|(who, primary)| (who, primary.deposit)),
			),
			"primary-name deposits differ from the holds"
		);
		Ok(())
	}
}
