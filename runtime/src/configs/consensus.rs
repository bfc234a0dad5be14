//! Block production (Aura), finality (GRANDPA) and the clock they share (Timestamp).

use frame_support::traits::{ConstBool, ConstU32, ConstU64, FindAuthor};
use ghostchain_primitives::time::SLOT_DURATION;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::ConsensusEngineId;

use crate::{AccountId, Aura, Runtime, RuntimeEvent};

/// The most validators an authority set can hold, for Aura and GRANDPA alike.
type MaxAuthorities = ConstU32<32>;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	/// Validator disabling needs a session pallet; authorities change only by governance here.
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	/// No nominated staking, so no nominators to bound.
	type MaxNominators = ConstU32<0>;
	/// Equivocation reports are not processed (no staking to slash), so no set ids are kept.
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	type Moment = ghostchain_primitives::Moment;
	/// Aura checks each block's timestamp against its slot.
	type OnTimestampSet = Aura;
	/// Half the slot, so that two blocks cannot share one slot.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

/// The account of the block's Aura author: the account whose id is the author's Aura key.
pub struct AuraAuthorAccount;

impl FindAuthor<AccountId> for AuraAuthorAccount {
	fn find_author<'a, I>(digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		pallet_aura::FindAccountFromAuthorIndex::<Runtime, Aura>::find_author(digests)
			.map(|aura_key| AccountId::from(aura_key.into_inner()))
	}
}
