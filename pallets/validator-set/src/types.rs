//! The session length as the session pallet reads it.

use core::marker::PhantomData;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::One;

use crate::{Config, SessionLength};

/// Where this pallet logs.
pub const LOG_TARGET: &str = "runtime::validator-set";

/// The session length of a genesis that names none: ten blocks (GhostChain presets name theirs).
pub const DEFAULT_SESSION_LENGTH: u32 = 10;

/// [`SessionLength`], for `pallet_session::PeriodicSessions` to rotate on; never zero, so that
/// its block arithmetic never divides by zero, even on a chain whose genesis did not set it.
pub struct SessionLengthOf<T>(PhantomData<T>);

impl<T: Config> Get<BlockNumberFor<T>> for SessionLengthOf<T> {
	fn get() -> BlockNumberFor<T> {
		SessionLength::<T>::get().max(One::one())
	}
}
