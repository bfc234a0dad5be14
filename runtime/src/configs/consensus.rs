//! Block production (Aura), finality (GRANDPA), the clock they share (Timestamp), and the
//! validator set that both follow (Session, managed by ValidatorSet).

use frame_support::traits::{ConstBool, ConstU128, ConstU32, ConstU64, FindAuthor};
use ghostchain_primitives::{time::SLOT_DURATION, Balance};
use pallet_session::PeriodicSessions;
use pallet_validator_set::SessionLengthOf;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::ConvertInto, ConsensusEngineId};

use super::monetary::{STORAGE_DEPOSIT_BASE, STORAGE_DEPOSIT_PER_BYTE};
use crate::{
	governance::GeneralAdminOrRoot, opaque::SessionKeys, AccountId, Aura, Balances, Runtime,
	RuntimeEvent, Session, ValidatorSet,
};

/// The most validators an authority set can hold, for Aura and GRANDPA alike.
type MaxAuthorities = ConstU32<32>;

/// The fewest validators the admin origin may leave: with fewer than four, GRANDPA (which
/// needs more than two thirds of them) halts when a single one is lost.
const MIN_VALIDATORS: u32 = 4;

/// Sessions start at block 0 and last `ValidatorSet`'s genesis-set length.
type Sessions = PeriodicSessions<SessionLengthOf<Runtime>, ConstU32<0>>;

/// What an account's session keys occupy: `NextKeys` (account, Aura and GRANDPA keys) and a
/// `KeyOwner` entry per key (key type, key, account).
const SESSION_KEYS_BYTES: Balance = (32 + 64) + 2 * (4 + 32 + 32);

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	/// Any account may register keys; `ValidatorSet` decides which ones validate.
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// No offences are reported (no staking to slash), so nobody is disabled.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// The storage deposit of three items, held while the keys are registered, so that
	/// registering keys from many accounts costs what it stores.
	type KeyDeposit =
		ConstU128<{ 3 * STORAGE_DEPOSIT_BASE + SESSION_KEYS_BYTES * STORAGE_DEPOSIT_PER_BYTE }>;
}

impl pallet_validator_set::Config for Runtime {
	type AdminOrigin = GeneralAdminOrRoot;
	type MaxValidators = MaxAuthorities;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = Session;
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// GRANDPA's own: its calls take equivocation reports, which this runtime cannot receive
	/// (`KeyOwnerProof` below is uninhabited), and Root's `note_stalled`.
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
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
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
