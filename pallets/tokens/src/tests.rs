use frame_support::{assert_noop, assert_ok, traits::tokens::Preservation};
use ghostchain_primitives::tokens::{
	TokenKind::{self, *},
	GHOST_ASSET_ID,
};
use sp_runtime::{DispatchError, TokenError};

use crate::{
	mock::*, Deposit, Error, Event, ManaIssuedThisYear, ManaRewardPerBlock, MultiToken,
	YearlyIssuance,
};

fn balance(token: TokenKind, who: AccountId) -> u128 {
	<Tokens as MultiToken<_>>::balance(token, &who)
}

fn issuance(token: TokenKind) -> u128 {
	<Tokens as MultiToken<_>>::total_issuance(token)
}

#[test]
fn genesis_gives_the_treasury_the_existential_deposit_of_every_token() {
	ExtBuilder::default().build().execute_with(|| {
		let treasury = Tokens::treasury_account();
		for token in TokenKind::ALL {
			assert_eq!(balance(token, treasury), ED, "{token:?}");
			assert_eq!(issuance(token), 1_000 + ED, "{token:?}");
		}
		assert_eq!(ManaRewardPerBlock::<Test>::get(), 10);
	});
}

#[test]
#[should_panic(expected = "the MANA reward per block exceeds the yearly cap")]
fn genesis_refuses_a_reward_above_the_cap() {
	ExtBuilder::default().with_mana_reward(MANA_CAP + 1).build();
}

#[test]
fn transfer_moves_each_token_and_says_which() {
	ExtBuilder::default().build().execute_with(|| {
		for token in TokenKind::ALL {
			assert_ok!(Tokens::transfer(RuntimeOrigin::signed(ALICE), token, BOB, 300));
			System::assert_last_event(
				Event::Transferred { token, from: ALICE, to: BOB, amount: 300 }.into(),
			);
			assert_ok!(Tokens::transfer_keep_alive(RuntimeOrigin::signed(ALICE), token, BOB, 200));
			assert_eq!((balance(token, ALICE), balance(token, BOB)), (500, 500), "{token:?}");
			assert_eq!(issuance(token), 1_000 + ED, "{token:?}");
		}
	});
}

#[test]
fn transfer_of_more_than_the_balance_is_refused() {
	ExtBuilder::default().build().execute_with(|| {
		for token in TokenKind::ALL {
			assert_noop!(
				Tokens::transfer(RuntimeOrigin::signed(ALICE), token, BOB, 1_001),
				Error::<Test>::InsufficientBalance
			);
			// Bob holds none of it at all.
			assert_noop!(
				Tokens::transfer_keep_alive(RuntimeOrigin::signed(BOB), token, ALICE, 100),
				Error::<Test>::InsufficientBalance
			);
		}
	});
}

#[test]
fn held_balance_cannot_be_transferred() {
	ExtBuilder::default().build().execute_with(|| {
		for token in TokenKind::ALL {
			assert_eq!(Tokens::transferable_balance(token, &ALICE), 1_000, "{token:?}");
			assert_ok!(Tokens::hold(token, &TestHoldReason::Deposit, &ALICE, 600));
			assert!(Tokens::transferable_balance(token, &ALICE) <= 400, "{token:?}");
			assert_noop!(
				Tokens::transfer(RuntimeOrigin::signed(ALICE), token, BOB, 401),
				Error::<Test>::InsufficientBalance
			);
			assert_ok!(Tokens::transfer(RuntimeOrigin::signed(ALICE), token, BOB, 300));
		}
	});
}

#[test]
fn keep_alive_refuses_to_leave_less_than_the_existential_deposit() {
	ExtBuilder::default().build().execute_with(|| {
		for token in TokenKind::ALL {
			assert_noop!(
				Tokens::transfer_keep_alive(
					RuntimeOrigin::signed(ALICE),
					token,
					BOB,
					1_000 - ED + 1
				),
				Error::<Test>::WouldReapSender
			);
			assert_ok!(Tokens::transfer_keep_alive(
				RuntimeOrigin::signed(ALICE),
				token,
				BOB,
				1_000 - ED
			));
			assert_eq!(balance(token, ALICE), ED, "{token:?}");
		}
	});
}

#[test]
fn transfer_may_empty_the_sender() {
	ExtBuilder::default().build().execute_with(|| {
		for token in TokenKind::ALL {
			assert_ok!(Tokens::transfer(RuntimeOrigin::signed(ALICE), token, BOB, 1_000));
			assert_eq!((balance(token, ALICE), balance(token, BOB)), (0, 1_000), "{token:?}");
		}
	});
}

#[test]
fn a_new_account_must_receive_at_least_the_existential_deposit() {
	ExtBuilder::default().build().execute_with(|| {
		for token in TokenKind::ALL {
			assert_noop!(
				Tokens::transfer(RuntimeOrigin::signed(ALICE), token, BOB, ED - 1),
				Error::<Test>::BelowExistentialDeposit
			);
			assert_ok!(Tokens::transfer(RuntimeOrigin::signed(ALICE), token, BOB, ED));
			// Once Bob holds the token, any amount may follow.
			assert_ok!(Tokens::transfer(RuntimeOrigin::signed(ALICE), token, BOB, 1));
		}
	});
}

#[test]
fn amounts_near_u128_max_are_refused_without_overflow() {
	ExtBuilder::default().build().execute_with(|| {
		for token in TokenKind::ALL {
			assert_noop!(
				Tokens::transfer(RuntimeOrigin::signed(ALICE), token, BOB, u128::MAX),
				Error::<Test>::InsufficientBalance
			);
		}
		for token in [Gcc, Spirit] {
			assert_noop!(Tokens::issue(token, &BOB, u128::MAX), Error::<Test>::Overflow);
			assert_noop!(
				Tokens::issue(token, &BOB, u128::MAX - issuance(token) + 1),
				Error::<Test>::Overflow
			);
		}
		assert_noop!(Tokens::issue(Mana, &BOB, u128::MAX), Error::<Test>::ManaCapReached);
	});
}

#[test]
fn transfer_to_self_is_refused() {
	ExtBuilder::default().build().execute_with(|| {
		for token in TokenKind::ALL {
			assert_noop!(
				Tokens::transfer(RuntimeOrigin::signed(ALICE), token, ALICE, 100),
				Error::<Test>::TransferToSelf
			);
		}
	});
}

#[test]
fn zero_amounts_are_refused() {
	ExtBuilder::default().build().execute_with(|| {
		for token in TokenKind::ALL {
			assert_noop!(
				Tokens::transfer(RuntimeOrigin::signed(ALICE), token, BOB, 0),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				Tokens::transfer_keep_alive(RuntimeOrigin::signed(ALICE), token, BOB, 0),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				Tokens::hold(token, &TestHoldReason::Deposit, &ALICE, 0),
				Error::<Test>::ZeroAmount
			);
		}
	});
}

#[test]
fn ghost_cannot_be_minted_after_genesis() {
	ExtBuilder::default().build().execute_with(|| {
		assert_noop!(Tokens::issue(Ghost, &ALICE, 1), Error::<Test>::FixedSupply);
		// Nor through the assets pallet: its issuer is the treasury account, which has no key.
		assert_noop!(
			Assets::mint(RuntimeOrigin::signed(ALICE), GHOST_ASSET_ID, ALICE, 1),
			pallet_assets::Error::<Test>::NoPermission
		);
		assert_eq!(issuance(Ghost), 1_000 + ED);
	});
}

#[test]
fn other_tokens_can_be_issued() {
	ExtBuilder::default().build().execute_with(|| {
		for token in [Gcc, Spirit, Mana] {
			assert_ok!(Tokens::issue(token, &BOB, 50));
			System::assert_last_event(Event::Issued { token, to: BOB, amount: 50 }.into());
			assert_eq!(balance(token, BOB), 50);
		}
		assert_eq!(ManaIssuedThisYear::<Test>::get(), YearlyIssuance { year: 0, issued: 50 });
	});
}

#[test]
fn each_block_rewards_its_author_with_mana() {
	ExtBuilder::default().build().execute_with(|| {
		run_to_block(2);
		System::assert_last_event(Event::AuthorRewarded { author: CHARLIE, amount: 10 }.into());
		run_to_block(4);
		assert_eq!(balance(Mana, CHARLIE), 30);
		assert_eq!(issuance(Mana), 1_000 + ED + 30);
	});
}

#[test]
fn a_block_without_a_known_author_rewards_nobody() {
	ExtBuilder::default().build().execute_with(|| {
		BlockAuthor::set(None);
		let before = issuance(Mana);
		run_to_block(3);
		assert_eq!(issuance(Mana), before);
		assert!(System::events().is_empty());
	});
}

#[test]
fn a_reward_below_the_existential_deposit_cannot_create_an_account() {
	ExtBuilder::default().with_mana_reward(ED - 1).build().execute_with(|| {
		run_to_block(2);
		assert_eq!(balance(Mana, CHARLIE), 0);
		// Once the author holds MANA, small rewards add up.
		assert_ok!(Tokens::transfer(RuntimeOrigin::signed(ALICE), Mana, CHARLIE, ED));
		run_to_block(3);
		assert_eq!(balance(Mana, CHARLIE), ED + ED - 1);
	});
}

#[test]
fn mana_issuance_stops_at_the_yearly_cap_and_resumes_next_year() {
	ExtBuilder::default().with_mana_reward(30).build().execute_with(|| {
		// Blocks 2, 3 and 4 pay 30 each; block 5 pays the 10 left under the cap of 100.
		run_to_block(5);
		System::assert_last_event(Event::AuthorRewarded { author: CHARLIE, amount: 10 }.into());
		assert_eq!(balance(Mana, CHARLIE), MANA_CAP);
		assert_noop!(Tokens::issue(Mana, &BOB, ED), Error::<Test>::ManaCapReached);

		run_to_block(YEAR - 1);
		assert_eq!(balance(Mana, CHARLIE), MANA_CAP);
		assert_eq!(ManaIssuedThisYear::<Test>::get(), YearlyIssuance { year: 0, issued: MANA_CAP });

		run_to_block(YEAR);
		assert_eq!(balance(Mana, CHARLIE), MANA_CAP + 30);
		assert_eq!(ManaIssuedThisYear::<Test>::get(), YearlyIssuance { year: 1, issued: 30 });
	});
}

#[test]
fn issuing_mana_counts_against_the_cap() {
	ExtBuilder::default().with_mana_reward(30).build().execute_with(|| {
		assert_ok!(Tokens::issue(Mana, &BOB, 80));
		run_to_block(2);
		System::assert_last_event(Event::AuthorRewarded { author: CHARLIE, amount: 20 }.into());
		assert_noop!(Tokens::issue(Mana, &BOB, 1), Error::<Test>::ManaCapReached);
	});
}

#[test]
fn only_the_reward_origin_sets_the_reward_and_never_above_the_cap() {
	ExtBuilder::default().build().execute_with(|| {
		assert_noop!(
			Tokens::set_mana_reward(RuntimeOrigin::signed(ALICE), 20),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::set_mana_reward(RuntimeOrigin::root(), MANA_CAP + 1),
			Error::<Test>::RewardAboveCap
		);
		assert_ok!(Tokens::set_mana_reward(RuntimeOrigin::root(), 20));
		System::assert_last_event(Event::ManaRewardSet { amount: 20 }.into());
		run_to_block(2);
		assert_eq!(balance(Mana, CHARLIE), 20);
	});
}

#[test]
fn deposits_are_held_and_released_in_any_token() {
	ExtBuilder::default().build().execute_with(|| {
		let deposit = TestHoldReason::Deposit;
		for token in TokenKind::ALL {
			assert_ok!(Tokens::hold(token, &deposit, &ALICE, 300));
			assert_eq!(Tokens::balance_on_hold(token, &deposit, &ALICE), 300);
			assert_eq!(balance(token, ALICE), 700, "{token:?}");
			assert_noop!(
				Tokens::release(token, &deposit, &ALICE, 301),
				DispatchError::Token(TokenError::FundsUnavailable)
			);
			assert_eq!(Tokens::release(token, &deposit, &ALICE, 300), Ok(300));
			assert_eq!(balance(token, ALICE), 1_000, "{token:?}");
			assert_eq!(issuance(token), 1_000 + ED, "{token:?}");
		}
	});
}

#[test]
fn a_hold_keeps_the_existential_deposit_free() {
	ExtBuilder::default().build().execute_with(|| {
		for token in TokenKind::ALL {
			assert_noop!(
				Tokens::hold(token, &TestHoldReason::Deposit, &ALICE, 1_001),
				Error::<Test>::InsufficientBalance
			);
			assert_noop!(
				Tokens::hold(token, &TestHoldReason::Deposit, &ALICE, 1_000 - ED + 1),
				Error::<Test>::WouldReapSender
			);
		}
	});
}

#[test]
fn payments_of_any_size_reach_the_treasury() {
	ExtBuilder::default().build().execute_with(|| {
		let treasury = Tokens::treasury_account();
		for token in TokenKind::ALL {
			assert_ok!(<Tokens as MultiToken<_>>::transfer(
				token,
				&ALICE,
				&treasury,
				1,
				Preservation::Preserve
			));
			assert_eq!(balance(token, treasury), ED + 1);
		}
	});
}

/// GCC `who` holds as a deposit, and what is free.
fn deposit_state(who: AccountId) -> (u128, u128) {
	(Tokens::balance_on_hold(Gcc, &TestHoldReason::Deposit, &who), balance(Gcc, who))
}

#[test]
fn a_deposit_moves_to_a_new_payer_who_can_afford_it() {
	ExtBuilder::default().build().execute_with(|| {
		let reason = TestHoldReason::Deposit;
		assert_ok!(Tokens::transfer(RuntimeOrigin::signed(ALICE), Gcc, BOB, 500));
		let old = Deposit { depositor: ALICE, amount: 300 };
		assert_ok!(Tokens::hold_deposit(&reason, &ALICE, 300));

		let new = Tokens::adjust_deposit(&reason, &old, &BOB, 200).unwrap();
		assert_eq!(new, Deposit { depositor: BOB, amount: 200 });
		assert_eq!(deposit_state(ALICE), (0, 500));
		assert_eq!(deposit_state(BOB), (200, 300));

		// The same payer: only the difference moves, either way.
		let grown = Tokens::adjust_deposit(&reason, &new, &BOB, 250).unwrap();
		assert_eq!(deposit_state(BOB), (250, 250));
		Tokens::adjust_deposit(&reason, &grown, &BOB, 50).unwrap();
		assert_eq!(deposit_state(BOB), (50, 450));
	});
}

#[test]
fn a_deposit_swap_that_fails_leaves_both_holds_as_they_were() {
	ExtBuilder::default().build().execute_with(|| {
		let reason = TestHoldReason::Deposit;
		assert_ok!(Tokens::transfer(RuntimeOrigin::signed(ALICE), Gcc, BOB, 100));
		let old = Deposit { depositor: ALICE, amount: 300 };
		assert_ok!(Tokens::hold_deposit(&reason, &ALICE, 300));
		let before = (deposit_state(ALICE), deposit_state(BOB));

		// Bob cannot hold 200: the old deposit must stay Alice's.
		assert_noop!(
			Tokens::adjust_deposit(&reason, &old, &BOB, 200),
			Error::<Test>::InsufficientBalance
		);
		assert_eq!((deposit_state(ALICE), deposit_state(BOB)), before);

		// A recorded deposit that is not (all) held: the new hold is undone with the release.
		let overstated = Deposit { depositor: ALICE, amount: 301 };
		assert_noop!(
			Tokens::adjust_deposit(&reason, &overstated, &BOB, 50),
			DispatchError::Token(TokenError::FundsUnavailable)
		);
		assert_eq!((deposit_state(ALICE), deposit_state(BOB)), before);

		// The same payer growing beyond its means.
		assert_noop!(
			Tokens::adjust_deposit(&reason, &old, &ALICE, 1_000),
			Error::<Test>::InsufficientBalance
		);
		assert_eq!((deposit_state(ALICE), deposit_state(BOB)), before);
	});
}
