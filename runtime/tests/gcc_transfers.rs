//! GCC transfers on the real runtime: funds move, the sender pays the fee, and the existential
//! deposit protects a `keep_alive` sender.

mod common;

use common::{account, apply, development_ext, last_fee_paid_by, signed};
use frame_support::assert_noop;
use ghostchain_runtime::{
	currency::GCC, Balances, BalancesCall, Runtime, RuntimeOrigin, System, EXISTENTIAL_DEPOSIT,
};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::{DispatchError, TokenError};

#[test]
fn transfer_moves_funds_and_the_sender_pays_amount_plus_fee() {
	development_ext().execute_with(|| {
		let (alice, bob) = (account(Alice), account(Bob));
		let (alice_before, bob_before) =
			(Balances::free_balance(&alice), Balances::free_balance(&bob));
		let amount = 12 * GCC;

		let (extrinsic, len) = signed(
			Alice,
			BalancesCall::transfer_keep_alive { dest: bob.clone().into(), value: amount }.into(),
		);
		let estimate = pallet_transaction_payment::Pallet::<Runtime>::query_info(
			extrinsic.clone(),
			len as u32,
		);
		assert_eq!(apply(extrinsic), Ok(Ok(())));

		let fee = last_fee_paid_by(&alice);
		assert!(fee > 0, "a transfer is not free");
		assert!(fee <= estimate.partial_fee, "the fee never exceeds the RPC estimate");
		assert_eq!(Balances::free_balance(&bob), bob_before + amount);
		assert_eq!(Balances::free_balance(&alice), alice_before - amount - fee);
		assert_eq!(System::account_nonce(&alice), 1);
	});
}

#[test]
fn keep_alive_transfer_below_the_existential_deposit_fails_and_moves_nothing() {
	development_ext().execute_with(|| {
		let (alice, bob) = (account(Alice), account(Bob));
		let (alice_before, bob_before) =
			(Balances::free_balance(&alice), Balances::free_balance(&bob));

		// Dispatched directly, a transfer that would leave Alice half the existential deposit
		// fails and changes no storage at all.
		assert_noop!(
			Balances::transfer_keep_alive(
				RuntimeOrigin::signed(alice.clone()),
				bob.clone().into(),
				alice_before - EXISTENTIAL_DEPOSIT / 2,
			),
			TokenError::NotExpendable,
		);

		// Sent as a transaction, it is included and fails with the same error: Alice pays the
		// fee, nothing else moves.
		let call =
			|value| BalancesCall::transfer_keep_alive { dest: bob.clone().into(), value }.into();
		let (probe, len) = signed(Alice, call(alice_before));
		let fee = pallet_transaction_payment::Pallet::<Runtime>::query_info(probe, len as u32)
			.partial_fee;
		let (extrinsic, _) = signed(Alice, call(alice_before - fee - EXISTENTIAL_DEPOSIT / 2));
		assert_eq!(apply(extrinsic), Ok(Err(DispatchError::Token(TokenError::NotExpendable))));
		let fee_paid = last_fee_paid_by(&alice);
		assert_eq!(Balances::free_balance(&alice), alice_before - fee_paid);
		assert_eq!(Balances::free_balance(&bob), bob_before);
	});
}
