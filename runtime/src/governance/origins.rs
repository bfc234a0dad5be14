//! The origins that referenda on GhostChain's non-root tracks dispatch with, and the pace of
//! every governance period.
//!
//! A runtime-local pallet, as in Polkadot's runtimes: its [`Origin`] joins the runtime's
//! `OriginCaller`, so a referendum on the general-admin track dispatches its call with
//! `Origin::GeneralAdmin`, which [`GeneralAdmin`] accepts.

pub use pallet_governance::*;

#[frame_support::pallet]
pub mod pallet_governance {
	use frame_support::pallet_prelude::*;

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// What a referendum on a non-root track is entitled to do.
	#[derive(
		PartialEq,
		Eq,
		Clone,
		Copy,
		MaxEncodedLen,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// Chain parameters: CNS TLDs and prices, the MANA reward, L2 registration.
		#[codec(index = 0)]
		GeneralAdmin,
		/// Rulings on challenged GhostPlane batches.
		#[codec(index = 1)]
		L2Arbiter,
		/// Cancels an ongoing referendum and refunds its deposits.
		#[codec(index = 2)]
		ReferendumCanceller,
		/// Kills an ongoing referendum and slashes its deposits.
		#[codec(index = 3)]
		ReferendumKiller,
	}

	/// Every governance period (track periods, vote locks, the undeciding timeout) lasts its
	/// production length divided by this, rounded up to a whole block. One on real networks;
	/// development presets set it so that a referendum passes within a minute. Set at genesis
	/// only: changing a live network's pace would change every running referendum's.
	#[pallet::storage]
	pub type PeriodDivisor<T> = StorageValue<_, u32, ValueQuery, ConstU32<1>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The chain's [`PeriodDivisor`]; zero means one.
		pub period_divisor: u32,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			PeriodDivisor::<T>::put(self.period_divisor.max(1));
		}
	}

	/// Declares, for each listed [`Origin`] variant, an `EnsureOrigin` of the same name that
	/// accepts exactly that origin.
	macro_rules! ensure_origin_for {
		($($variant:ident),* $(,)?) => {
			$(
				#[doc = concat!("Accepts `Origin::", stringify!($variant), "`.")]
				pub struct $variant;

				impl<O: OriginTrait + From<Origin>> EnsureOrigin<O> for $variant
				where
					for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
				{
					type Success = ();

					fn try_origin(origin: O) -> Result<Self::Success, O> {
						if let Ok(Origin::$variant) = origin.caller().try_into() {
							return Ok(());
						}
						Err(origin)
					}

					#[cfg(feature = "runtime-benchmarks")]
					fn try_successful_origin() -> Result<O, ()> {
						Ok(O::from(Origin::$variant))
					}
				}
			)*
		};
	}

	ensure_origin_for!(GeneralAdmin, L2Arbiter, ReferendumCanceller, ReferendumKiller);
}
