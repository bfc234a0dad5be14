//! GID, `did:ghost` identifiers: their bounds and deposit, and CNS as the registry of the names
//! a DID may claim.

use frame_support::traits::{ConstU128, ConstU32};

use super::monetary::{STORAGE_DEPOSIT_BASE, STORAGE_DEPOSIT_PER_BYTE};
use crate::{Cns, Runtime, RuntimeHoldReason, Timestamp, Tokens};

impl pallet_gid::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Tokens = Tokens;
	type Names = Cns;
	type Time = Timestamp;
	type DepositBase = ConstU128<STORAGE_DEPOSIT_BASE>;
	type DepositPerByte = ConstU128<STORAGE_DEPOSIT_PER_BYTE>;
	/// A tombstone is a small item kept forever: it costs what the base deposit of any item is.
	type TombstoneFee = ConstU128<STORAGE_DEPOSIT_BASE>;
	/// Room for a key of each kind per device, as wallets rotate them.
	type MaxKeys = ConstU32<10>;
	type MaxServices = ConstU32<10>;
	type MaxServiceIdLength = ConstU32<64>;
	type MaxServiceTypeLength = ConstU32<64>;
	type MaxServiceUrlLength = ConstU32<256>;
	type MaxAlsoKnownAs = ConstU32<5>;
	type WeightInfo = pallet_gid::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmarks::CnsNames;
}

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarks {
	use frame_system::pallet_prelude::BlockNumberFor;
	use pallet_cns::{Name, NamesByOwner, Registration, Registrations, Tenure};

	use crate::{AccountId, Runtime, System};

	/// Registers names straight into CNS storage, for a year from now.
	pub struct CnsNames;

	impl pallet_gid::BenchmarkHelper<AccountId> for CnsNames {
		fn make_name_owner(name: &Name, owner: &AccountId) {
			let expiry: BlockNumberFor<Runtime> =
				System::block_number() + ghostchain_primitives::time::YEARS;
			NamesByOwner::<Runtime>::insert(owner, name, ());
			Registrations::<Runtime>::insert(
				name,
				Registration {
					owner: owner.clone(),
					operator: None,
					tenure: Tenure::Registered { expiry, subnames: 0 },
				},
			);
		}
	}
}
