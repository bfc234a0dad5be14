//! The invariants of GID storage, checked by `try_state`, after every unit test, and by the
//! runtime fuzzer.

use alloc::vec::Vec;
use frame_support::ensure;
use pallet_ghost_tokens::deposits_match_holds;
use sp_runtime::TryRuntimeError;

use crate::*;

impl<T: Config> Pallet<T> {
	/// No DID is both live and deactivated; every live DID can still be changed, numbers its
	/// keys below its next key id, claims each name once, and holds exactly the deposit its
	/// size calls for, which its depositor has on hold.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits = Vec::new();
		for (did, details) in Dids::<T>::iter() {
			ensure!(!Tombstones::<T>::contains_key(&did), "a deactivated DID is live");
			ensure!(
				details.has_capability_invocation_key(),
				"a DID has no capabilityInvocation key"
			);
			let mut ids: Vec<_> = details.keys.iter().map(|key| key.id).collect();
			ids.sort_unstable();
			ids.dedup();
			ensure!(
				ids.len() == details.keys.len() && ids.iter().all(|&id| id < details.next_key_id),
				"DID key ids repeat or reach the next key id"
			);
			let mut names = details.also_known_as.to_vec();
			names.sort_unstable();
			names.dedup();
			ensure!(names.len() == details.also_known_as.len(), "a DID claims a name twice");
			ensure!(
				details.deposit.amount == details.required_deposit(),
				"a DID's deposit differs from what its size calls for"
			);
			deposits.push((details.deposit.depositor, details.deposit.amount));
		}
		ensure!(
			deposits_match_holds::<_, T::Tokens>(&HoldReason::Did.into(), deposits),
			"DID deposits differ from the holds"
		);
		Ok(())
	}
}
