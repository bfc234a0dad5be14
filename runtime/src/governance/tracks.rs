//! The referendum tracks: who may decide what, how fast, with how much SPIRIT behind it.
//!
//! The table holds production periods; every chain runs them at its pace
//! ([`paced`](super::paced)), so development chains decide in blocks what real networks
//! decide in days. docs/governance.md shows this table to users: change both together.

use alloc::borrow::Cow;
use frame_support::traits::OriginTrait;
use ghostchain_primitives::{
	currency::GCC,
	time::{DAYS, HOURS, MINUTES},
};
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::{str_array as name, FixedI64};

use super::{origins::Origin, paced, period_divisor};
use crate::{Balance, BlockNumber, OriginCaller, RuntimeOrigin};

/// A referendum track's id, as referenda store it.
pub type TrackId = u16;

/// Anything, runtime upgrades included.
pub const ROOT: TrackId = 0;
/// [`Origin::GeneralAdmin`]: CNS TLDs and prices, the MANA reward, L2 registration, the
/// validator set.
pub const GENERAL_ADMIN: TrackId = 10;
/// [`Origin::L2Arbiter`]: rulings on challenged GhostPlane batches.
pub const L2_ARBITER: TrackId = 11;
/// [`Origin::ReferendumCanceller`].
pub const REFERENDUM_CANCELLER: TrackId = 20;
/// [`Origin::ReferendumKiller`].
pub const REFERENDUM_KILLER: TrackId = 21;

const fn percent(x: u128) -> FixedI64 {
	FixedI64::from_rational(x, 100)
}

/// A track whose approval and support requirements fall from their ceilings over the decision
/// period as the curves say.
const fn track(
	id: TrackId,
	track_name: &str,
	max_deciding: u32,
	decision_deposit: Balance,
	[prepare_period, decision_period, confirm_period, min_enactment_period]: [BlockNumber; 4],
	min_approval: Curve,
	min_support: Curve,
) -> Track<TrackId, Balance, BlockNumber> {
	Track {
		id,
		info: TrackInfo {
			name: name(track_name),
			max_deciding,
			decision_deposit,
			prepare_period,
			decision_period,
			confirm_period,
			min_enactment_period,
			min_approval,
			min_support,
		},
	}
}

/// The tracks at production pace, sorted by id as referenda require.
static TRACKS: [Track<TrackId, Balance, BlockNumber>; 5] = [
	// Upgrades and anything else: half of all SPIRIT must back one at first, falling to none by
	// the end; one at a time.
	track(
		ROOT,
		"root",
		1,
		1_000 * GCC,
		[2 * HOURS, 14 * DAYS, DAYS, DAYS],
		Curve::make_reciprocal(4, 14, percent(80), percent(50), percent(100)),
		Curve::make_linear(14, 14, percent(0), percent(50)),
	),
	track(
		GENERAL_ADMIN,
		"general_admin",
		10,
		100 * GCC,
		[2 * HOURS, 7 * DAYS, 3 * HOURS, DAYS],
		Curve::make_reciprocal(4, 7, percent(80), percent(50), percent(100)),
		Curve::make_reciprocal(7, 7, percent(10), percent(0), percent(50)),
	),
	// Fast: an L2 stays frozen until its dispute is ruled on.
	track(
		L2_ARBITER,
		"l2_arbiter",
		10,
		100 * GCC,
		[10 * MINUTES, 2 * DAYS, HOURS, 10 * MINUTES],
		Curve::make_reciprocal(1, 2, percent(80), percent(50), percent(100)),
		Curve::make_reciprocal(2, 2, percent(10), percent(0), percent(50)),
	),
	track(
		REFERENDUM_CANCELLER,
		"referendum_canceller",
		100,
		500 * GCC,
		REFERENDUM_CONTROL_PERIODS,
		REFERENDUM_CONTROL_APPROVAL,
		REFERENDUM_CONTROL_SUPPORT,
	),
	// Killing slashes the deposits, so it needs a larger deposit of its own.
	track(
		REFERENDUM_KILLER,
		"referendum_killer",
		100,
		1_000 * GCC,
		REFERENDUM_CONTROL_PERIODS,
		REFERENDUM_CONTROL_APPROVAL,
		REFERENDUM_CONTROL_SUPPORT,
	),
];

/// Stopping a referendum is urgent: it is decided in days and enacted minutes after approval,
/// but needs a near-unanimous approval at first.
const REFERENDUM_CONTROL_PERIODS: [BlockNumber; 4] = [HOURS, 7 * DAYS, 3 * HOURS, 10 * MINUTES];
const REFERENDUM_CONTROL_APPROVAL: Curve =
	Curve::make_reciprocal(1, 7, percent(96), percent(50), percent(100));
const REFERENDUM_CONTROL_SUPPORT: Curve =
	Curve::make_reciprocal(1, 7, percent(1), percent(0), percent(50));

/// `track` with its periods at the chain's pace.
fn at_pace(track: &Track<TrackId, Balance, BlockNumber>) -> Track<TrackId, Balance, BlockNumber> {
	let mut paced_track = track.clone();
	let info = &mut paced_track.info;
	for period in [
		&mut info.prepare_period,
		&mut info.decision_period,
		&mut info.confirm_period,
		&mut info.min_enactment_period,
	] {
		*period = paced(*period);
	}
	paced_track
}

/// The track of each origin that governance may dispatch with.
pub struct TracksInfo;

impl pallet_referenda::TracksInfo<Balance, BlockNumber> for TracksInfo {
	type Id = TrackId;
	type RuntimeOrigin = <RuntimeOrigin as OriginTrait>::PalletsOrigin;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<TrackId, Balance, BlockNumber>>> {
		let production_pace = period_divisor() == 1;
		TRACKS.iter().map(move |track| {
			if production_pace {
				Cow::Borrowed(track)
			} else {
				Cow::Owned(at_pace(track))
			}
		})
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<TrackId, ()> {
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(ROOT),
			OriginCaller::Governance(origin) => Ok(match origin {
				Origin::GeneralAdmin => GENERAL_ADMIN,
				Origin::L2Arbiter => L2_ARBITER,
				Origin::ReferendumCanceller => REFERENDUM_CANCELLER,
				Origin::ReferendumKiller => REFERENDUM_KILLER,
			}),
			_ => Err(()),
		}
	}
}
