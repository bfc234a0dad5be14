use frame_support::{assert_noop, assert_ok, traits::Get};
use sp_runtime::{testing::UintAuthorityId, DispatchError};

use crate::{mock::*, Error, Event, SessionLength, SessionLengthOf, Validators, ValidatorsChanged};

fn validators() -> Vec<AccountId> {
	Validators::<Test>::get().into_inner()
}

#[test]
fn genesis_validators_are_the_owners_of_the_session_keys() {
	new_test_ext().execute_with(|| {
		assert_eq!(validators(), GENESIS_VALIDATORS.to_vec());
		assert_eq!(active_validators(), GENESIS_VALIDATORS.to_vec());
		assert_eq!(SessionLength::<Test>::get(), SESSION_LENGTH);
		assert!(!ValidatorsChanged::<Test>::get());
	});
}

#[test]
fn genesis_validators_beyond_the_maximum_are_dropped() {
	let genesis_validators: Vec<AccountId> = (11..=11 + AccountId::from(MAX_VALIDATORS)).collect();
	new_test_ext_with(&genesis_validators).execute_with(|| {
		let kept = genesis_validators[..MAX_VALIDATORS as usize].to_vec();
		assert_eq!(validators(), kept);
		// The session pallet keeps all of them until the set next changes.
		assert_eq!(active_validators(), genesis_validators);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), kept[0]));
		run_to_block(2 * SESSION_LENGTH);
		assert_eq!(active_validators(), kept[1..].to_vec());
	});
}

#[test]
fn an_added_validator_is_active_from_the_session_after_next() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), CANDIDATE));
		System::assert_last_event(Event::ValidatorAdded { validator: CANDIDATE }.into());
		assert_eq!(validators(), [1, 2, 3, 4, CANDIDATE]);

		// Session 1 starts with the set queued at genesis, and queues the new one.
		run_to_block(SESSION_LENGTH);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 1);
		assert_eq!(active_validators(), GENESIS_VALIDATORS.to_vec());
		assert!(!ValidatorsChanged::<Test>::get(), "the change is handed over once");

		run_to_block(2 * SESSION_LENGTH - 1);
		assert_eq!(active_validators(), GENESIS_VALIDATORS.to_vec());
		run_to_block(2 * SESSION_LENGTH);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 2);
		assert_eq!(active_validators(), [1, 2, 3, 4, CANDIDATE]);
	});
}

#[test]
fn a_removed_validator_leaves_from_the_session_after_next() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
		System::assert_last_event(Event::ValidatorRemoved { validator: 2 }.into());
		assert_eq!(validators(), [1, 3, 4]);

		run_to_block(SESSION_LENGTH);
		assert_eq!(active_validators(), GENESIS_VALIDATORS.to_vec());
		run_to_block(2 * SESSION_LENGTH);
		assert_eq!(active_validators(), [1, 3, 4]);
	});
}

#[test]
fn sessions_without_a_change_keep_the_set() {
	new_test_ext().execute_with(|| {
		run_to_block(3 * SESSION_LENGTH);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 3);
		assert_eq!(active_validators(), GENESIS_VALIDATORS.to_vec());
	});
}

#[test]
fn only_the_admin_origin_changes_the_set() {
	new_test_ext().execute_with(|| {
		for origin in [RuntimeOrigin::signed(1), RuntimeOrigin::none()] {
			assert_noop!(
				ValidatorSet::add_validator(origin.clone(), CANDIDATE),
				DispatchError::BadOrigin
			);
			assert_noop!(ValidatorSet::remove_validator(origin, 1), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn adding_refuses_members_accounts_without_keys_and_a_full_set() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::AlreadyValidator
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), STRANGER),
			Error::<Test>::NoSessionKeys
		);

		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), CANDIDATE));
		assert_eq!(validators().len(), MAX_VALIDATORS as usize);
		assert_ok!(Session::set_keys(
			RuntimeOrigin::signed(STRANGER),
			UintAuthorityId(STRANGER),
			Vec::new()
		));
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), STRANGER),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn removing_refuses_non_members_and_leaving_too_few() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), CANDIDATE),
			Error::<Test>::NotValidator
		);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 4));
		assert_eq!(validators().len(), MIN_VALIDATORS as usize);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::TooFewValidators
		);
	});
}

#[test]
fn a_removed_validator_can_rejoin() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 4));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_eq!(validators(), GENESIS_VALIDATORS.to_vec());
		assert!(ValidatorsChanged::<Test>::get());
	});
}

#[test]
fn an_unset_session_length_reads_as_one_block() {
	new_test_ext().execute_with(|| {
		assert_eq!(SessionLengthOf::<Test>::get(), SESSION_LENGTH);
		SessionLength::<Test>::kill();
		assert_eq!(SessionLengthOf::<Test>::get(), 1);
		SessionLength::<Test>::put(SESSION_LENGTH);
	});
}
