use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use ghostchain_primitives::{
	l2::{
		BatchHeader, BatchIndex, DepositMessage, L2Config, L2Limits, VerificationMode, Withdrawal,
	},
	Balance,
};
use proptest::prelude::*;
use sp_core::H256;
use sp_runtime::{
	traits::{BadOrigin, Keccak256},
	TokenError,
};

use crate::{mock::*, Batches, Error, Event, HoldReason, L2s, Sequencers, Verdict, *};

fn root(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

fn register() {
	assert_ok!(L2Commitments::register_l2(RuntimeOrigin::root(), L2, l2_config(), GENESIS_ROOT));
}

fn bond(who: AccountId) {
	assert_ok!(L2Commitments::bond(RuntimeOrigin::signed(who), L2));
}

fn info() -> L2Info<Test> {
	L2s::<Test>::get(L2).unwrap()
}

fn escrow() -> AccountId {
	L2Commitments::escrow_account(L2)
}

/// The batch after the last accepted one, with output root `output` and nothing else new.
fn next_header(output: H256) -> BatchHeader {
	let info = info();
	let prev = info.next_batch.checked_sub(1).map(|index| Batches::<Test>::get(L2, index).unwrap());
	let prev = prev.map(|batch| batch.header);
	BatchHeader {
		index: info.next_batch,
		prev_output_root: prev.as_ref().map_or(GENESIS_ROOT, |prev| prev.output_root),
		output_root: output,
		l2_block_number: prev.as_ref().map_or(0, |prev| prev.l2_block_number) + 10,
		tx_data_hash: root(0xda),
		withdrawals_root: H256::zero(),
		deposits_consumed: prev.map_or(0, |prev| prev.deposits_consumed),
	}
}

fn submit(who: AccountId, header: BatchHeader) {
	assert_ok!(L2Commitments::submit_batch(RuntimeOrigin::signed(who), L2, header));
}

fn run_past_window() {
	System::set_block_number(System::block_number() + CHALLENGE_PERIOD);
}

fn withdrawal(nonce: u64, recipient: AccountId, amount: Balance) -> WithdrawalOf<Test> {
	Withdrawal { nonce, recipient, amount }
}

/// The withdrawal tree's root, built by the reference implementation.
fn withdrawals_root(leaves: &[WithdrawalOf<Test>]) -> H256 {
	binary_merkle_tree::merkle_root::<Keccak256, _>(leaves.iter().map(Encode::encode))
}

fn proof(leaves: &[WithdrawalOf<Test>], index: u32) -> WithdrawalProof {
	let proof = binary_merkle_tree::merkle_proof::<Keccak256, _, _>(
		leaves.iter().map(Encode::encode),
		index,
	);
	WithdrawalProof {
		leaf_index: proof.leaf_index,
		leaf_count: proof.number_of_leaves,
		siblings: proof.proof.try_into().unwrap(),
	}
}

fn held(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&reason.into(), &who)
}

mod registration {
	use super::*;

	#[test]
	fn root_registers_an_l2_and_the_treasury_seeds_its_escrow() {
		new_test_ext().execute_with(|| {
			register();
			assert_eq!(Balances::balance(&escrow()), ED);
			assert_eq!(Balances::balance(&TREASURY), INITIAL_BALANCE - ED);
			let info = info();
			assert_eq!((info.next_batch, info.deposit_count, info.escrowed), (0, 0, 0));
			System::assert_last_event(
				Event::L2Registered { l2: L2, config: l2_config(), escrow: escrow() }.into(),
			);
			assert_ok!(L2Commitments::do_try_state());
		});
	}

	#[test]
	fn bad_registrations_are_rejected() {
		new_test_ext().execute_with(|| {
			let reject = |config, error: Error<Test>| {
				assert_noop!(
					L2Commitments::register_l2(RuntimeOrigin::root(), L2, config, GENESIS_ROOT),
					error
				);
			};
			assert_noop!(
				L2Commitments::register_l2(
					RuntimeOrigin::signed(ALICE),
					L2,
					l2_config(),
					GENESIS_ROOT
				),
				BadOrigin
			);
			let mut config = l2_config();
			config.mode = VerificationMode::Optimistic { challenge_period: 0 };
			reject(config, Error::ZeroChallengePeriod);
			reject(L2Config { sequencer_bond: 0, ..l2_config() }, Error::ZeroBond);
			reject(L2Config { challenge_bond: 0, ..l2_config() }, Error::ZeroBond);
			let limits = l2_config().limits;
			for limits in [
				L2Limits { max_sequencers: 0, ..limits },
				L2Limits { max_sequencers: 5, ..limits },
				L2Limits { max_pending_batches: 0, ..limits },
				L2Limits { max_pending_batches: 9, ..limits },
				L2Limits { max_pending_deposits: 0, ..limits },
				L2Limits { max_pending_deposits: 17, ..limits },
			] {
				reject(L2Config { limits, ..l2_config() }, Error::InvalidLimits);
			}
			register();
			reject(l2_config(), Error::L2Exists);
		});
	}
}

mod sequencers {
	use super::*;

	#[test]
	fn bonding_holds_the_bond_until_unbonded_and_released() {
		new_test_ext().execute_with(|| {
			register();
			bond(ALICE);
			assert_eq!(held(HoldReason::SequencerBond, ALICE), SEQUENCER_BOND);
			assert_eq!(info().sequencers, 1);
			assert_noop!(
				L2Commitments::bond(RuntimeOrigin::signed(ALICE), L2),
				Error::<Test>::AlreadySequencer
			);
			assert_noop!(
				L2Commitments::release_bond(RuntimeOrigin::signed(ALICE), L2),
				Error::<Test>::NotUnbonding
			);

			assert_ok!(L2Commitments::unbond(RuntimeOrigin::signed(ALICE), L2));
			System::assert_last_event(
				Event::SequencerUnbonding {
					l2: L2,
					sequencer: ALICE,
					release_at: 1 + UNBONDING_DELAY,
				}
				.into(),
			);
			assert_eq!(info().sequencers, 0);
			assert_noop!(
				L2Commitments::unbond(RuntimeOrigin::signed(ALICE), L2),
				Error::<Test>::AlreadyUnbonding
			);
			assert_noop!(
				L2Commitments::submit_batch(RuntimeOrigin::signed(ALICE), L2, next_header(root(1))),
				Error::<Test>::NotSequencer
			);
			System::set_block_number(UNBONDING_DELAY);
			assert_noop!(
				L2Commitments::release_bond(RuntimeOrigin::signed(ALICE), L2),
				Error::<Test>::UnbondingNotDue
			);
			System::set_block_number(1 + UNBONDING_DELAY);
			assert_ok!(L2Commitments::release_bond(RuntimeOrigin::signed(ALICE), L2));
			assert_eq!(held(HoldReason::SequencerBond, ALICE), 0);
			assert_eq!(Balances::balance(&ALICE), INITIAL_BALANCE);
			assert!(!Sequencers::<Test>::contains_key(L2, ALICE));
		});
	}

	#[test]
	fn a_bond_stays_until_the_sequencers_batches_are_final() {
		new_test_ext().execute_with(|| {
			register();
			bond(ALICE);
			submit(ALICE, next_header(root(1)));
			System::set_block_number(5);
			assert_ok!(L2Commitments::challenge(RuntimeOrigin::signed(CHARLIE), L2, 0));
			assert_ok!(L2Commitments::unbond(RuntimeOrigin::signed(ALICE), L2));
			// The delay is over, but batch 0 is under challenge.
			System::set_block_number(5 + UNBONDING_DELAY);
			assert_noop!(
				L2Commitments::release_bond(RuntimeOrigin::signed(ALICE), L2),
				Error::<Test>::BatchesPending
			);
			assert_ok!(L2Commitments::resolve_dispute(
				RuntimeOrigin::root(),
				L2,
				0,
				Verdict::BatchValid
			));
			assert_ok!(L2Commitments::release_bond(RuntimeOrigin::signed(ALICE), L2));
			assert_eq!(held(HoldReason::SequencerBond, ALICE), 0);
		});
	}

	#[test]
	fn the_set_is_bounded() {
		new_test_ext().execute_with(|| {
			let limits = L2Limits { max_sequencers: 2, ..l2_config().limits };
			assert_ok!(L2Commitments::register_l2(
				RuntimeOrigin::root(),
				L2,
				L2Config { limits, ..l2_config() },
				GENESIS_ROOT
			));
			bond(ALICE);
			bond(BOB);
			assert_noop!(
				L2Commitments::bond(RuntimeOrigin::signed(CHARLIE), L2),
				Error::<Test>::SequencerSetFull
			);
			assert_noop!(
				L2Commitments::bond(RuntimeOrigin::signed(ALICE), L2 + 1),
				Error::<Test>::UnknownL2
			);
		});
	}
}

mod batches {
	use super::*;

	fn reject(header: BatchHeader, error: Error<Test>) {
		assert_noop!(L2Commitments::submit_batch(RuntimeOrigin::signed(ALICE), L2, header), error);
	}

	#[test]
	fn every_malformed_batch_is_rejected_with_its_own_error() {
		new_test_ext().execute_with(|| {
			register();
			bond(ALICE);
			assert_ok!(L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb0), 100));
			let mut first = next_header(root(1));
			first.deposits_consumed = 1;
			first.l2_block_number = 50;
			submit(ALICE, first.clone());

			assert_noop!(
				L2Commitments::submit_batch(RuntimeOrigin::signed(BOB), L2, next_header(root(2))),
				Error::<Test>::NotSequencer
			);
			reject(first, Error::BatchAlreadySubmitted);
			reject(BatchHeader { index: 2, ..next_header(root(2)) }, Error::BatchIndexGap);
			reject(
				BatchHeader { prev_output_root: GENESIS_ROOT, ..next_header(root(2)) },
				Error::PrevOutputRootMismatch,
			);
			reject(
				BatchHeader { l2_block_number: 49, ..next_header(root(2)) },
				Error::L2BlockNumberDecreased,
			);
			reject(
				BatchHeader { deposits_consumed: 0, ..next_header(root(2)) },
				Error::DepositsConsumedDecreased,
			);
			reject(
				BatchHeader { deposits_consumed: 2, ..next_header(root(2)) },
				Error::DepositsConsumedPastQueue,
			);
			// An unchanged L2 block number is no step back.
			submit(ALICE, BatchHeader { l2_block_number: 50, ..next_header(root(2)) });
			assert_noop!(
				L2Commitments::submit_batch(
					RuntimeOrigin::signed(ALICE),
					L2 + 1,
					next_header(root(3))
				),
				Error::<Test>::UnknownL2
			);
		});
	}

	#[test]
	fn pending_batches_are_bounded_until_they_finalize() {
		new_test_ext().execute_with(|| {
			register();
			bond(ALICE);
			for output in 1..=8 {
				submit(ALICE, next_header(root(output)));
			}
			reject(next_header(root(9)), Error::TooManyPendingBatches);
			run_past_window();
			submit(ALICE, next_header(root(9)));
			let info = info();
			assert_eq!((info.finalized_batches, info.next_batch), (8, 9));
			System::assert_has_event(
				Event::BatchFinalized { l2: L2, index: 7, output_root: root(8) }.into(),
			);
		});
	}

	#[test]
	fn a_challenge_freezes_the_l2_and_holds_back_later_batches() {
		new_test_ext().execute_with(|| {
			register();
			bond(ALICE);
			submit(ALICE, next_header(root(1)));
			System::set_block_number(3);
			submit(ALICE, next_header(root(2)));
			assert_ok!(L2Commitments::challenge(RuntimeOrigin::signed(CHARLIE), L2, 0));
			assert_eq!(held(HoldReason::ChallengeBond, CHARLIE), CHALLENGE_BOND);
			System::assert_last_event(
				Event::BatchChallenged {
					l2: L2,
					index: 0,
					challenger: CHARLIE,
					bond: CHALLENGE_BOND,
				}
				.into(),
			);
			assert_noop!(
				L2Commitments::challenge(RuntimeOrigin::signed(DAVE), L2, 0),
				Error::<Test>::AlreadyChallenged
			);
			reject(next_header(root(3)), Error::L2Frozen);

			// Both windows pass, yet neither batch is final while batch 0 is disputed.
			System::set_block_number(3 + CHALLENGE_PERIOD);
			let status = L2Commitments::status(L2).unwrap();
			assert_eq!(status.last_finalized, None);
			assert_eq!(status.open_disputes, vec![0]);
			assert_eq!(status.pending.len(), 2);
			assert_noop!(
				L2Commitments::challenge(RuntimeOrigin::signed(DAVE), L2, 1),
				Error::<Test>::ChallengeWindowClosed
			);
			assert_noop!(
				L2Commitments::challenge(RuntimeOrigin::signed(DAVE), L2, 2),
				Error::<Test>::UnknownBatch
			);
			assert_noop!(
				L2Commitments::resolve_dispute(RuntimeOrigin::root(), L2, 1, Verdict::BatchValid),
				Error::<Test>::NotChallenged
			);
			assert_noop!(
				L2Commitments::resolve_dispute(
					RuntimeOrigin::signed(ALICE),
					L2,
					0,
					Verdict::BatchValid
				),
				BadOrigin
			);
		});
	}

	#[test]
	fn an_upheld_challenge_reverts_and_slashes() {
		new_test_ext().execute_with(|| {
			register();
			bond(ALICE);
			bond(BOB);
			submit(ALICE, next_header(root(1)));
			run_past_window();
			submit(ALICE, next_header(root(2)));
			submit(BOB, next_header(root(3)));
			// A second challenge against a later batch: its bond comes back with the revert.
			assert_ok!(L2Commitments::challenge(RuntimeOrigin::signed(DAVE), L2, 2));
			assert_ok!(L2Commitments::challenge(RuntimeOrigin::signed(CHARLIE), L2, 1));

			assert_ok!(L2Commitments::resolve_dispute(
				RuntimeOrigin::root(),
				L2,
				1,
				Verdict::BatchInvalid
			));
			System::assert_has_event(
				Event::ChallengeUpheld {
					l2: L2,
					index: 1,
					sequencer: ALICE,
					challenger: CHARLIE,
					slashed: SEQUENCER_BOND,
					reward: SEQUENCER_BOND / 2,
					reverted: 2,
				}
				.into(),
			);
			// Half of the bond to the challenger, half to the treasury; both challenges end.
			assert_eq!(Balances::total_balance(&ALICE), INITIAL_BALANCE - SEQUENCER_BOND);
			assert_eq!(Balances::balance(&CHARLIE), INITIAL_BALANCE + SEQUENCER_BOND / 2);
			assert_eq!(Balances::balance(&DAVE), INITIAL_BALANCE);
			assert_eq!(Balances::balance(&TREASURY), INITIAL_BALANCE - ED + SEQUENCER_BOND / 2);
			assert_eq!(held(HoldReason::ChallengeBond, CHARLIE), 0);
			assert!(!Sequencers::<Test>::contains_key(L2, ALICE));
			assert_eq!(Sequencers::<Test>::get(L2, BOB).unwrap().last_batch, Some(0));
			let info = info();
			assert_eq!((info.next_batch, info.finalized_batches), (1, 1));
			assert_eq!((info.open_disputes, info.sequencers), (0, 1));
			assert!(!Batches::<Test>::contains_key(L2, 1));
			assert!(!Batches::<Test>::contains_key(L2, 2));
			assert_ok!(L2Commitments::do_try_state());

			// The L2 goes on from batch 0's output root.
			submit(BOB, next_header(root(4)));
			assert_eq!(Batches::<Test>::get(L2, 1).unwrap().header.prev_output_root, root(1));
		});
	}

	#[test]
	fn a_rejected_challenge_slashes_the_challenger_and_the_batch_finalizes() {
		new_test_ext().execute_with(|| {
			register();
			bond(ALICE);
			submit(ALICE, next_header(root(1)));
			assert_ok!(L2Commitments::challenge(RuntimeOrigin::signed(CHARLIE), L2, 0));
			run_past_window();
			assert_ok!(L2Commitments::resolve_dispute(
				RuntimeOrigin::root(),
				L2,
				0,
				Verdict::BatchValid
			));
			System::assert_has_event(
				Event::ChallengeRejected {
					l2: L2,
					index: 0,
					challenger: CHARLIE,
					slashed: CHALLENGE_BOND,
					reward: CHALLENGE_BOND / 2,
				}
				.into(),
			);
			System::assert_last_event(
				Event::BatchFinalized { l2: L2, index: 0, output_root: root(1) }.into(),
			);
			assert_eq!(Balances::total_balance(&CHARLIE), INITIAL_BALANCE - CHALLENGE_BOND);
			assert_eq!(
				Balances::balance(&ALICE),
				INITIAL_BALANCE - SEQUENCER_BOND + CHALLENGE_BOND / 2
			);
			assert_eq!(Balances::balance(&TREASURY), INITIAL_BALANCE - ED + CHALLENGE_BOND / 2);
			let info = info();
			assert_eq!((info.finalized_batches, info.open_disputes), (1, 0));
		});
	}
}

mod deposits {
	use super::*;

	#[test]
	fn deposits_lock_gcc_and_extend_the_hash_chain() {
		new_test_ext().execute_with(|| {
			register();
			assert_ok!(L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb0), 300));
			assert_ok!(L2Commitments::deposit(RuntimeOrigin::signed(CHARLIE), L2, root(0xc0), 200));

			// The documented chain: keccak256(previous head ++ SCALE(message)), from zero.
			let message = |nonce: u64, sender, recipient, amount| {
				DepositMessage { nonce, sender, l2_recipient: recipient, amount }.encode()
			};
			let first = sp_io::hashing::keccak_256(
				&[&[0u8; 32][..], &message(0, BOB, root(0xb0), 300u128)].concat(),
			);
			let second = sp_io::hashing::keccak_256(
				&[&first[..], &message(1, CHARLIE, root(0xc0), 200u128)].concat(),
			);
			let info = info();
			assert_eq!((info.deposit_count, info.deposit_head), (2, H256(second)));
			assert_eq!(info.escrowed, 500);
			assert_eq!(Balances::balance(&escrow()), ED + 500);
			assert_eq!(Balances::balance(&BOB), INITIAL_BALANCE - 300);
			System::assert_last_event(
				Event::Deposited {
					l2: L2,
					nonce: 1,
					sender: CHARLIE,
					l2_recipient: root(0xc0),
					amount: 200,
					head: H256(second),
				}
				.into(),
			);

			// A batch records the head at the deposits it consumed.
			bond(ALICE);
			submit(ALICE, BatchHeader { deposits_consumed: 1, ..next_header(root(1)) });
			assert_eq!(Batches::<Test>::get(L2, 0).unwrap().deposit_head, H256(first));
		});
	}

	#[test]
	fn bad_deposits_are_rejected() {
		new_test_ext().execute_with(|| {
			register();
			assert_noop!(
				L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb0), 0),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb0), INITIAL_BALANCE),
				TokenError::NotExpendable
			);
			assert_noop!(
				L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2 + 1, root(0xb0), 1),
				Error::<Test>::UnknownL2
			);
		});
	}

	#[test]
	fn the_queue_is_bounded_by_what_final_batches_consumed_and_the_ring_keeps_its_heads() {
		new_test_ext().execute_with(|| {
			register();
			bond(ALICE);
			let mut heads = vec![H256::zero()];
			let mut deposit = || {
				assert_ok!(L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb0), 1));
				heads.push(info().deposit_head);
			};
			for _ in 0..16 {
				deposit();
			}
			assert_noop!(
				L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb0), 1),
				Error::<Test>::DepositQueueFull
			);
			// A pending batch that consumes them frees nothing; a final one does.
			submit(ALICE, BatchHeader { deposits_consumed: 10, ..next_header(root(1)) });
			assert_noop!(
				L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb0), 1),
				Error::<Test>::DepositQueueFull
			);
			run_past_window();
			for _ in 0..10 {
				deposit();
			}
			assert_eq!(info().deposit_count, 26);
			// Heads 10..=26 are all still in the 17-slot ring.
			for consumed in [10u64, 13, 17, 25, 26] {
				submit(ALICE, BatchHeader { deposits_consumed: consumed, ..next_header(root(2)) });
				let index = info().next_batch - 1;
				assert_eq!(
					Batches::<Test>::get(L2, index).unwrap().deposit_head,
					heads[consumed as usize]
				);
			}
		});
	}
}

mod withdrawals {
	use super::*;

	/// Registers the L2, deposits 1,000 from BOB, and has ALICE submit batch 0 (consuming it)
	/// and batch 1 with `leaves` as its withdrawals.
	fn with_batches(leaves: &[WithdrawalOf<Test>]) {
		register();
		bond(ALICE);
		assert_ok!(L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb0), 1_000));
		submit(ALICE, BatchHeader { deposits_consumed: 1, ..next_header(root(1)) });
		submit(
			ALICE,
			BatchHeader { withdrawals_root: withdrawals_root(leaves), ..next_header(root(2)) },
		);
	}

	fn leaves() -> Vec<WithdrawalOf<Test>> {
		vec![
			withdrawal(0, CHARLIE, 400),
			withdrawal(1, DAVE, 100),
			withdrawal(2, CHARLIE, 50),
			withdrawal(3, BOB, 7),
			withdrawal(4, DAVE, 11),
		]
	}

	fn withdraw(
		leaves: &[WithdrawalOf<Test>],
		index: u32,
	) -> frame_support::dispatch::DispatchResultWithPostInfo {
		L2Commitments::withdraw(
			RuntimeOrigin::signed(BOB),
			L2,
			1,
			leaves[index as usize].clone(),
			proof(leaves, index),
		)
	}

	#[test]
	fn a_final_batch_pays_each_of_its_withdrawals_once() {
		new_test_ext().execute_with(|| {
			let leaves = leaves();
			with_batches(&leaves);
			assert_noop!(withdraw(&leaves, 0), Error::<Test>::BatchNotFinalized);
			run_past_window();

			for index in 0..5 {
				assert_ok!(withdraw(&leaves, index));
			}
			System::assert_last_event(
				Event::Withdrawn { l2: L2, batch: 1, nonce: 4, recipient: DAVE, amount: 11 }.into(),
			);
			assert_eq!(Balances::balance(&CHARLIE), INITIAL_BALANCE + 450);
			assert_eq!(Balances::balance(&DAVE), INITIAL_BALANCE + 111);
			assert_eq!(Balances::balance(&BOB), INITIAL_BALANCE - 1_000 + 7);
			assert_eq!(info().escrowed, 1_000 - 568);
			assert_eq!(Balances::balance(&escrow()), ED + 1_000 - 568);
			assert_noop!(withdraw(&leaves, 2), Error::<Test>::AlreadyWithdrawn);
			assert_ok!(L2Commitments::do_try_state());
		});
	}

	#[test]
	fn only_the_newest_final_batches_are_kept_to_withdraw_against() {
		new_test_ext().execute_with(|| {
			let leaves = leaves();
			with_batches(&leaves);
			run_past_window();
			assert_ok!(withdraw(&leaves, 0));

			// Batch 1 stays while it is among the newest RETAINED_FINAL_BATCHES final ones.
			let retained = u64::from(RETAINED_FINAL_BATCHES);
			for n in 0..retained {
				submit(ALICE, next_header(root(0x40 + n as u8)));
				run_past_window();
				// The next call finalizes what is due, the way any settling call does.
				assert_ok!(L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb1), 1));
				let pruned_through = info().finalized_batches.saturating_sub(retained);
				assert_eq!(Batches::<Test>::contains_key(L2, 1), 1 >= pruned_through, "after {n}");
			}
			assert!(!Batches::<Test>::contains_key(L2, 0) && !Batches::<Test>::contains_key(L2, 1));
			assert_eq!(Batches::<Test>::iter_prefix(L2).count() as u64, retained);
			assert_noop!(withdraw(&leaves, 1), Error::<Test>::BatchPruned);
		});
	}

	#[test]
	fn a_withdrawal_not_in_the_tree_is_rejected() {
		new_test_ext().execute_with(|| {
			let leaves = leaves();
			with_batches(&leaves);
			run_past_window();
			let forged = |withdrawal, proof| {
				L2Commitments::withdraw(RuntimeOrigin::signed(BOB), L2, 1, withdrawal, proof)
			};
			assert_noop!(
				forged(withdrawal(0, CHARLIE, 401), proof(&leaves, 0)),
				Error::<Test>::InvalidWithdrawalProof
			);
			assert_noop!(
				forged(withdrawal(0, DAVE, 400), proof(&leaves, 0)),
				Error::<Test>::InvalidWithdrawalProof
			);
			assert_noop!(
				forged(leaves[0].clone(), proof(&leaves, 1)),
				Error::<Test>::InvalidWithdrawalProof
			);
			let mut short = proof(&leaves, 0);
			short.siblings.pop();
			assert_noop!(forged(leaves[0].clone(), short), Error::<Test>::InvalidWithdrawalProof);
			// Batch 0 is final but has an empty tree.
			assert_noop!(
				L2Commitments::withdraw(
					RuntimeOrigin::signed(BOB),
					L2,
					0,
					leaves[0].clone(),
					proof(&leaves, 0)
				),
				Error::<Test>::InvalidWithdrawalProof
			);
			assert_noop!(
				L2Commitments::withdraw(
					RuntimeOrigin::signed(BOB),
					L2,
					2,
					leaves[0].clone(),
					proof(&leaves, 0)
				),
				Error::<Test>::UnknownBatch
			);
		});
	}

	#[test]
	fn the_escrow_never_pays_more_than_was_deposited() {
		new_test_ext().execute_with(|| {
			let leaves = vec![withdrawal(0, CHARLIE, 600), withdrawal(1, DAVE, 600)];
			with_batches(&leaves);
			run_past_window();
			assert_ok!(withdraw(&leaves, 0));
			assert_noop!(withdraw(&leaves, 1), Error::<Test>::EscrowExhausted);
		});
	}

	#[test]
	fn a_withdrawal_against_a_reverted_batch_is_gone_with_it() {
		new_test_ext().execute_with(|| {
			let leaves = leaves();
			with_batches(&leaves);
			assert_ok!(L2Commitments::challenge(RuntimeOrigin::signed(CHARLIE), L2, 1));
			assert_ok!(L2Commitments::resolve_dispute(
				RuntimeOrigin::root(),
				L2,
				1,
				Verdict::BatchInvalid
			));
			run_past_window();
			assert_noop!(withdraw(&leaves, 0), Error::<Test>::UnknownBatch);
		});
	}
}

mod validity {
	use super::*;
	use frame_support::dispatch::DispatchResultWithPostInfo;
	use ghostchain_primitives::l2::{
		BatchPublicInputs, Groth16Proof, Groth16VerifyingKey, ValidityProof,
	};
	use sp_core::Bytes;
	use sp_runtime::{DispatchError, StateVersion};
	use std::sync::OnceLock;

	/// A `tools/l2-prover` setup: its key and proofs come from `fixtures/groth16.json`, which
	/// `scripts/l2-test-proofs.sh` makes with ark-groth16 from `fixtures/groth16-requests.json`.
	struct Prover(u64);

	#[derive(serde::Deserialize)]
	#[serde(rename_all = "camelCase")]
	struct Setup {
		seed: u64,
		verifying_key: Bytes,
		proofs: Vec<Proven>,
	}

	#[derive(serde::Deserialize)]
	#[serde(rename_all = "camelCase")]
	struct Proven {
		public_inputs: BatchPublicInputs,
		proof: Bytes,
	}

	fn setups() -> &'static [Setup] {
		static SETUPS: OnceLock<Vec<Setup>> = OnceLock::new();
		SETUPS.get_or_init(|| {
			serde_json::from_str(include_str!("../fixtures/groth16.json")).expect("fixtures parse")
		})
	}

	impl Prover {
		fn setup(seed: u64) -> Self {
			Self(seed)
		}

		fn fixture(&self) -> &'static Setup {
			setups().iter().find(|setup| setup.seed == self.0).expect("a fixture for the seed")
		}

		fn verifying_key(&self) -> Vec<u8> {
			self.fixture().verifying_key.to_vec()
		}

		fn prove(&self, inputs: &BatchPublicInputs) -> Groth16Proof {
			let proven =
				self.fixture().proofs.iter().find(|proven| &proven.public_inputs == inputs);
			let Some(proven) = proven else {
				panic!(
					"no proof in fixtures/groth16.json; add to groth16-requests.json, under seed \
					 {}: {}",
					self.0,
					serde_json::to_string(inputs).unwrap()
				)
			};
			proven.proof.to_vec().try_into().expect("128 bytes")
		}
	}

	fn validity_mode(prover: &Prover) -> VerificationMode<u64> {
		VerificationMode::Validity { verifying_key: prover.verifying_key().try_into().unwrap() }
	}

	/// L2 in validity mode under `prover`'s key, ALICE bonded and CHARLIE's 1,000 deposited.
	fn register_validity(prover: &Prover) {
		let config = L2Config { mode: validity_mode(prover), ..l2_config() };
		assert_ok!(L2Commitments::register_l2(RuntimeOrigin::root(), L2, config, GENESIS_ROOT));
		bond(ALICE);
		assert_ok!(L2Commitments::deposit(RuntimeOrigin::signed(CHARLIE), L2, root(0xc0), 1_000));
	}

	/// `header`'s public inputs, given that it consumes every deposit made.
	fn public_inputs(header: &BatchHeader) -> BatchPublicInputs {
		assert_eq!(header.deposits_consumed, info().deposit_count);
		BatchPublicInputs::of(header, info().deposit_head)
	}

	fn prove(prover: &Prover, header: &BatchHeader) -> ValidityProof {
		let public_inputs = public_inputs(header);
		ValidityProof { proof: prover.prove(&public_inputs), public_inputs }
	}

	fn submit_proven(header: &BatchHeader, proof: ValidityProof) -> DispatchResultWithPostInfo {
		L2Commitments::submit_proven_batch(
			RuntimeOrigin::signed(ALICE),
			L2,
			header.clone(),
			Box::new(proof),
		)
	}

	/// The error `call` fails with, having changed no storage.
	fn rejection(call: impl FnOnce() -> DispatchResultWithPostInfo) -> DispatchError {
		let before = sp_io::storage::root(StateVersion::V1);
		let error = call().expect_err("rejected").error;
		assert_eq!(sp_io::storage::root(StateVersion::V1), before, "storage changed");
		error
	}

	fn leaves() -> Vec<WithdrawalOf<Test>> {
		vec![withdrawal(0, DAVE, 300), withdrawal(1, BOB, 200)]
	}

	fn header_with_withdrawals() -> BatchHeader {
		BatchHeader {
			withdrawals_root: withdrawals_root(&leaves()),
			deposits_consumed: 1,
			..next_header(root(0xb0))
		}
	}

	#[test]
	fn a_proven_batch_is_final_at_once_and_pays_its_withdrawals() {
		new_test_ext().execute_with(|| {
			let prover = Prover::setup(1);
			register_validity(&prover);
			let header = header_with_withdrawals();
			assert_noop!(
				L2Commitments::submit_batch(RuntimeOrigin::signed(ALICE), L2, header.clone()),
				Error::<Test>::ValidityProofRequired
			);

			assert_ok!(submit_proven(&header, prove(&prover, &header)));
			let submitted = Event::BatchSubmitted {
				l2: L2,
				index: 0,
				sequencer: ALICE,
				output_root: root(0xb0),
				finalizes_at: 1,
			};
			let finalized = Event::BatchFinalized { l2: L2, index: 0, output_root: root(0xb0) };
			let events: Vec<_> = System::events().into_iter().map(|record| record.event).collect();
			assert_eq!(events[events.len() - 2..], [submitted.into(), finalized.into()]);
			let state = info();
			assert_eq!((state.finalized_batches, state.pending_deposits()), (1, 0));
			let status = L2Commitments::status(L2).unwrap();
			assert_eq!(status.last_finalized.unwrap().header, header);
			assert!(status.pending.is_empty());
			assert_noop!(
				L2Commitments::challenge(RuntimeOrigin::signed(BOB), L2, 0),
				Error::<Test>::ChallengeWindowClosed
			);

			// In the same block, with no window to wait out.
			let leaves = leaves();
			for index in 0..2 {
				assert_ok!(L2Commitments::withdraw(
					RuntimeOrigin::signed(CHARLIE),
					L2,
					0,
					leaves[index as usize].clone(),
					proof(&leaves, index),
				));
			}
			assert_eq!(Balances::balance(&DAVE), INITIAL_BALANCE + 300);
			assert_eq!(Balances::balance(&BOB), INITIAL_BALANCE + 200);
			assert_eq!(info().escrowed, 500);
			assert_ok!(L2Commitments::do_try_state());
		});
	}

	#[test]
	fn a_tampered_proof_is_rejected() {
		new_test_ext().execute_with(|| {
			let prover = Prover::setup(1);
			register_validity(&prover);
			let header = header_with_withdrawals();
			let valid = prove(&prover, &header);
			let malformed: DispatchError = Error::<Test>::MalformedProof.into();
			let invalid: DispatchError = Error::<Test>::InvalidProof.into();
			let tampered = |byte: usize, mask: u8| {
				let mut proof = valid.clone();
				proof.proof[byte] ^= mask;
				rejection(|| submit_proven(&header, proof))
			};

			// A is bytes 0..32, B 32..96, C 96..128. Each point's last byte holds its flags:
			// setting the infinity flag makes it the identity, which no proof has.
			for last_byte in [31, 95, 127] {
				assert_eq!(tampered(last_byte, 0x40), malformed);
			}
			// A flipped coordinate byte yields no curve point (or for B, one outside G2), or
			// another point that fails the pairing check.
			let mut errors = Vec::new();
			for byte in (0..128).filter(|byte| ![31, 95, 127].contains(byte)) {
				let error = tampered(byte, 0x01);
				assert!(error == malformed || error == invalid, "byte {byte}: {error:?}");
				errors.push(error);
			}
			assert!(errors.contains(&malformed) && errors.contains(&invalid));

			assert_ok!(submit_proven(&header, valid));
		});
	}

	#[test]
	fn a_proof_for_other_inputs_or_another_key_is_rejected() {
		new_test_ext().execute_with(|| {
			let prover = Prover::setup(1);
			register_validity(&prover);
			let header = header_with_withdrawals();
			let valid = prove(&prover, &header);

			// The batch claims another output root than the proof was made for.
			let other_root = BatchHeader { output_root: root(0xee), ..header.clone() };
			assert_eq!(
				rejection(|| submit_proven(&other_root, valid.clone())),
				Error::<Test>::PublicInputsMismatch.into()
			);
			// ... and the proof is presented as if it were made for it.
			let relabelled =
				ValidityProof { public_inputs: public_inputs(&other_root), ..valid.clone() };
			assert_eq!(
				rejection(|| submit_proven(&other_root, relabelled)),
				Error::<Test>::InvalidProof.into()
			);
			// Every other input is bound too, the deposit head included.
			let wrong_head = ValidityProof {
				public_inputs: BatchPublicInputs {
					deposit_head: root(0xde),
					..public_inputs(&header)
				},
				..valid.clone()
			};
			assert_eq!(
				rejection(|| submit_proven(&header, wrong_head)),
				Error::<Test>::PublicInputsMismatch.into()
			);

			// A proof of the right inputs for another setup's key.
			let other_key = prove(&Prover::setup(2), &header);
			assert_eq!(
				rejection(|| submit_proven(&header, other_key)),
				Error::<Test>::InvalidProof.into()
			);

			assert_ok!(submit_proven(&header, valid));
		});
	}

	#[test]
	fn root_sets_only_well_formed_keys() {
		new_test_ext().execute_with(|| {
			let prover = Prover::setup(1);
			register();
			let good = prover.verifying_key();
			let set = |key: Vec<u8>| {
				let verifying_key = Groth16VerifyingKey::try_from(key).unwrap();
				L2Commitments::set_verification_mode(
					RuntimeOrigin::root(),
					L2,
					VerificationMode::Validity { verifying_key },
				)
			};
			let tampered = |byte: usize, mask: u8| {
				let mut key = good.clone();
				key[byte] ^= mask;
				key
			};

			// alpha is bytes 0..32, beta 32..96, gamma 96..160, delta 160..224, then the count.
			for last_byte in [31, 95, 159, 223] {
				assert_noop!(set(tampered(last_byte, 0x40)), Error::<Test>::MalformedVerifyingKey);
			}
			// Coordinates that give no point, or a G2 point outside the subgroup.
			for byte in [0, 40, 100, 170, 300] {
				assert_noop!(set(tampered(byte, 0x01)), Error::<Test>::MalformedVerifyingKey);
			}
			assert_noop!(
				set(good[..good.len() - 1].to_vec()),
				Error::<Test>::MalformedVerifyingKey
			);
			assert_noop!(set(good[..200].to_vec()), Error::<Test>::MalformedVerifyingKey);
			// A key for a circuit with two public inputs: three gamma_abc points.
			let mut two_inputs = good[..232 + 3 * 32].to_vec();
			two_inputs[224..232].copy_from_slice(&3u64.to_le_bytes());
			assert_noop!(set(two_inputs), Error::<Test>::VerifyingKeyInputCount);
			// A hostile count is refused before anything is allocated for it.
			let mut huge_count = good.clone();
			huge_count[224..232].copy_from_slice(&u64::MAX.to_le_bytes());
			assert_noop!(set(huge_count), Error::<Test>::VerifyingKeyInputCount);

			let bad_mode =
				VerificationMode::Validity { verifying_key: tampered(0, 0x01).try_into().unwrap() };
			assert_noop!(
				L2Commitments::register_l2(
					RuntimeOrigin::root(),
					L2 + 1,
					L2Config { mode: bad_mode, ..l2_config() },
					GENESIS_ROOT
				),
				Error::<Test>::MalformedVerifyingKey
			);
			assert_noop!(
				L2Commitments::set_verification_mode(
					RuntimeOrigin::signed(ALICE),
					L2,
					validity_mode(&prover)
				),
				BadOrigin
			);
			assert_noop!(
				L2Commitments::set_verification_mode(
					RuntimeOrigin::root(),
					L2,
					VerificationMode::Optimistic { challenge_period: 0 }
				),
				Error::<Test>::ZeroChallengePeriod
			);

			assert_ok!(set(good));
			System::assert_last_event(
				Event::VerificationModeSet { l2: L2, mode: validity_mode(&prover) }.into(),
			);
		});
	}

	#[cfg(feature = "runtime-benchmarks")]
	#[test]
	fn the_benchmark_fixtures_are_the_provers() {
		use crate::benchmarking::{proven_header, BENCHMARK_PROOF, BENCHMARK_VERIFYING_KEY};
		let prover = Prover::setup(1);
		assert_eq!(BENCHMARK_VERIFYING_KEY, &prover.verifying_key()[..]);
		let inputs = BatchPublicInputs::of(&proven_header(), H256::zero());
		assert_eq!(BENCHMARK_PROOF, &prover.prove(&inputs));
	}

	#[test]
	fn a_mode_or_key_change_applies_to_later_batches_only() {
		new_test_ext().execute_with(|| {
			let (first, second) = (Prover::setup(1), Prover::setup(2));
			register();
			bond(ALICE);
			submit(ALICE, next_header(root(0xa0)));
			let set = |mode| {
				assert_ok!(L2Commitments::set_verification_mode(RuntimeOrigin::root(), L2, mode));
			};
			set(validity_mode(&first));

			// Batch 0 keeps its challenge period; batch 1 needs a proof, and is final only
			// with batch 0.
			assert_eq!(Batches::<Test>::get(L2, 0).unwrap().finalizes_at, 1 + CHALLENGE_PERIOD);
			let header = next_header(root(0xa1));
			assert_noop!(
				L2Commitments::submit_batch(RuntimeOrigin::signed(ALICE), L2, header.clone()),
				Error::<Test>::ValidityProofRequired
			);
			assert_ok!(submit_proven(&header, prove(&first, &header)));
			assert_eq!(info().finalized_batches, 0);
			run_past_window();
			assert_eq!(L2Commitments::status(L2).unwrap().last_finalized.unwrap().header, header);

			// Under a new key, a proof for the old one fails.
			set(validity_mode(&second));
			let header = next_header(root(0xa2));
			assert_eq!(
				rejection(|| submit_proven(&header, prove(&first, &header))),
				Error::<Test>::InvalidProof.into()
			);
			assert_ok!(submit_proven(&header, prove(&second, &header)));
			assert_eq!(info().finalized_batches, 3);

			// Back to optimistic: proofs are refused, windows apply again.
			let proof = prove(&second, &header);
			set(VerificationMode::Optimistic { challenge_period: CHALLENGE_PERIOD });
			let header = next_header(root(0xa3));
			assert_eq!(
				rejection(|| submit_proven(&header, proof)),
				Error::<Test>::NotValidityMode.into()
			);
			submit(ALICE, header);
			assert_eq!(info().finalized_batches, 3);
			assert_ok!(L2Commitments::do_try_state());
		});
	}
}

#[test]
fn status_reports_batches_that_became_final_by_time() {
	new_test_ext().execute_with(|| {
		assert_eq!(L2Commitments::status(L2), None);
		register();
		bond(ALICE);
		assert_ok!(L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb0), 5));
		submit(ALICE, next_header(root(1)));
		System::set_block_number(5);
		submit(ALICE, next_header(root(2)));
		System::set_block_number(1 + CHALLENGE_PERIOD);

		let status = L2Commitments::status(L2).unwrap();
		assert_eq!(status.last_finalized.map(|batch| batch.header.output_root), Some(root(1)));
		let pending: Vec<BatchIndex> =
			status.pending.iter().map(|batch| batch.header.index).collect();
		assert_eq!(pending, vec![1]);
		assert_eq!(status.pending[0].finalizes_at, 5 + CHALLENGE_PERIOD);
		assert_eq!((status.sequencers, status.deposit_count, status.escrowed), (1, 1, 5));
		assert_eq!(status.deposit_head, info().deposit_head);
		// Nothing was written: the chain records it on the next call that needs it.
		assert_eq!(info().finalized_batches, 0);
	});
}

/// The test vectors of docs/l2.md, with GhostChain's 32-byte account ids, from the pallet's own
/// chain function and the reference tree implementation.
#[test]
fn the_documented_test_vectors_hold() {
	use sp_core::{crypto::AccountId32, hex2array};
	let alice = AccountId32::new(hex2array!(
		"d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"
	));
	let bob = AccountId32::new(hex2array!(
		"8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48"
	));
	let charlie = AccountId32::new(hex2array!(
		"90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22"
	));
	let mut recipient = [0u8; 32];
	recipient[12..].copy_from_slice(&hex2array!("f24ff3a9cf04c71dbc94d0b566f7a27b94566cac"));
	let gcc: Balance = 10u128.pow(18);

	let message = |nonce, sender: &AccountId32, amount| DepositMessage {
		nonce,
		sender: sender.clone(),
		l2_recipient: H256(recipient),
		amount,
	};
	let first = message(0, &alice, gcc);
	assert_eq!(first.encode().len(), 88);
	let head_1 = extend_deposit_chain(H256::zero(), &first);
	let head_2 = extend_deposit_chain(head_1, &message(1, &bob, gcc / 2));
	assert_eq!(
		head_1,
		H256(hex2array!("4862c95fd014d8920def27522d19b68044f0ae1199b7280a66608d65c6e4b2a5"))
	);
	assert_eq!(
		head_2,
		H256(hex2array!("893a21758b594554b0a9e4fba422fc57e556bda1e3e098f9f6abc73b0727b874"))
	);

	let leaves: Vec<Vec<u8>> = [(0u64, &alice, gcc), (1, &bob, 2 * gcc), (2, &charlie, 3 * gcc)]
		.into_iter()
		.map(|(nonce, recipient, amount)| {
			Withdrawal { nonce, recipient: recipient.clone(), amount }.encode()
		})
		.collect();
	assert_eq!(leaves[0].len(), 56);
	let root = binary_merkle_tree::merkle_root::<Keccak256, _>(&leaves);
	assert_eq!(
		root,
		H256(hex2array!("60b4ce3f4fcc22ea0f51df6d9ecf5491a3ac12728a0040fa7ed77a5715792b4d"))
	);
	let proof = binary_merkle_tree::merkle_proof::<Keccak256, _, _>(&leaves, 2);
	assert_eq!(
		proof.proof,
		vec![H256(hex2array!("149ea4e99685cc3ffe1dbacaf2bb9dea9e621561f5d5ca6d2cb9ec131cdc1f45"))]
	);
}

#[derive(Clone, Debug)]
enum Operation {
	Deposit(Balance),
	Withdraw(Balance),
}

fn operation() -> impl Strategy<Value = Operation> {
	prop_oneof![
		(1..5_000u128).prop_map(Operation::Deposit),
		(1..5_000u128).prop_map(Operation::Withdraw),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(48))]

	/// Whatever the order and sizes of deposits and withdrawals, the escrow pays out no more than
	/// was deposited, keeps what it owes, and counters agree with storage.
	#[test]
	fn the_escrow_invariant_holds(operations in prop::collection::vec(operation(), 1..24)) {
		new_test_ext().execute_with(|| {
			register();
			bond(ALICE);
			let (mut deposited, mut paid) = (0, 0);
			for (nonce, operation) in operations.into_iter().enumerate() {
				match operation {
					Operation::Deposit(amount) => {
						assert_ok!(L2Commitments::deposit(RuntimeOrigin::signed(BOB), L2, root(0xb0), amount));
						deposited += amount;
					},
					Operation::Withdraw(amount) => {
						let leaves = [withdrawal(nonce as u64, CHARLIE, amount)];
						let header = BatchHeader {
							withdrawals_root: withdrawals_root(&leaves),
							deposits_consumed: info().deposit_count,
							..next_header(root(nonce as u8))
						};
						submit(ALICE, header);
						run_past_window();
						let batch = info().next_batch - 1;
						let result = L2Commitments::withdraw(
							RuntimeOrigin::signed(CHARLIE), L2, batch, leaves[0].clone(), proof(&leaves, 0),
						);
						if amount <= deposited - paid {
							assert_ok!(result);
							paid += amount;
						} else {
							assert_eq!(result.map_err(|error| error.error), Err(Error::<Test>::EscrowExhausted.into()));
						}
					},
				}
				assert_eq!(info().escrowed, deposited - paid);
				assert_eq!(Balances::balance(&escrow()), ED + deposited - paid);
				assert_eq!(Balances::balance(&CHARLIE), INITIAL_BALANCE + paid);
				assert_ok!(L2Commitments::do_try_state());
			}
		});
	}
}
