//! SPIRIT governance (OpenGov): referenda on tracks ([`tracks`]), voted with SPIRIT by
//! conviction, enacted by the scheduler with the track's origin ([`origins`]).
//!
//! Every administrative origin of the runtime is "Root or its track" ([`GeneralAdminOrRoot`],
//! [`L2ArbiterOrRoot`]), so Sudo keeps working on development chains and referenda work
//! everywhere. docs/governance.md is the user's guide.

pub mod origins;
mod referenda;
pub mod tracks;

use frame_support::traits::{EitherOf, Get};
use frame_system::EnsureRoot;

pub use origins::{GeneralAdmin, L2Arbiter, PeriodDivisor, ReferendumCanceller, ReferendumKiller};
pub use referenda::{SubmissionDeposit, VoteLockingPeriod};

use crate::{AccountId, BlockNumber, Runtime};

/// Chain parameters: CNS TLDs and prices, the MANA reward, L2 registration.
pub type GeneralAdminOrRoot = EitherOf<EnsureRoot<AccountId>, GeneralAdmin>;
/// Rulings on challenged GhostPlane batches.
pub type L2ArbiterOrRoot = EitherOf<EnsureRoot<AccountId>, L2Arbiter>;

/// The divisor that development presets set: a day of governance lasts two blocks.
pub const DEVELOPMENT_PERIOD_DIVISOR: u32 = ghostchain_primitives::time::DAYS / 2;

/// This chain's [`PeriodDivisor`], never zero.
pub fn period_divisor() -> u32 {
	PeriodDivisor::<Runtime>::get().max(1)
}

/// `period`, a production length in blocks, at this chain's pace: divided by its
/// [`PeriodDivisor`] and rounded up, so no period shrinks to nothing.
pub fn paced(period: BlockNumber) -> BlockNumber {
	period.div_ceil(period_divisor())
}

/// `Period` at this chain's pace.
pub struct Paced<Period>(core::marker::PhantomData<Period>);

impl<Period: Get<BlockNumber>> Get<BlockNumber> for Paced<Period> {
	fn get() -> BlockNumber {
		paced(Period::get())
	}
}
