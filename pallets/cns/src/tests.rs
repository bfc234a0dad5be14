use codec::{Decode, Encode};
use frame_support::{assert_noop, assert_ok, assert_storage_noop, traits::fungible::InspectHold};
use ghostchain_primitives::{
	cns::{NameStatus, Tld, DOT_COIN_TYPE, ETH_COIN_TYPE, GCC_COIN_TYPE},
	tokens::TokenKind,
	Balance,
};
use pallet_ghost_tokens::MultiToken;
use sp_core::H256;
use sp_runtime::{traits::Convert, DispatchError, DispatchResult};

use crate::{mock::*, *};

fn commit(who: AccountId, name_text: &str, owner: AccountId) {
	let commitment = Cns::commitment_hash(&name(name_text), &owner, &SECRET);
	assert_ok!(Cns::commit(RuntimeOrigin::signed(who), commitment));
}

/// Commits, waits the minimum age, and registers `name_text` to `owner` for `years`.
fn register(who: AccountId, name_text: &str, owner: AccountId, years: u32) {
	commit(who, name_text, owner);
	advance_blocks(MIN_COMMITMENT_AGE);
	assert_ok!(Cns::register(RuntimeOrigin::signed(who), name(name_text), owner, SECRET, years));
}

fn reveal(who: AccountId, name_text: &str, years: u32) -> DispatchResult {
	Cns::register(RuntimeOrigin::signed(who), name(name_text), who, SECRET, years)
		.map(|_| ())
		.map_err(|e| e.error)
}

fn balance(token: TokenKind, who: AccountId) -> Balance {
	Tokens::balance(token, &who)
}

fn treasury_balance(token: TokenKind) -> Balance {
	balance(token, Tokens::treasury_account())
}

fn held(who: AccountId) -> Balance {
	Balances::total_balance_on_hold(&who)
}

fn status(name_text: &str) -> NameStatus {
	Cns::resolve(name_text.as_bytes()).expect("the name is registered").status
}

fn set_text(who: AccountId, name_text: &str, key: &str, value: &str) -> DispatchResult {
	Cns::set_text(RuntimeOrigin::signed(who), name(name_text), bytes(key), Some(bytes(value)))
}

fn evm_address(who: AccountId) -> AddressOf<Test> {
	TestEvmAddress::convert(who).to_vec().try_into().unwrap()
}

mod registration {
	use super::*;

	#[test]
	fn commit_then_register_pays_the_tld_token_to_the_treasury() {
		new_test_ext().execute_with(|| {
			commit(ALICE, "alice.ghost", ALICE);
			assert_eq!(held(ALICE), COMMITMENT_DEPOSIT);
			advance_blocks(MIN_COMMITMENT_AGE);
			let before = treasury_balance(TokenKind::Ghost);

			assert_ok!(reveal(ALICE, "alice.ghost", 2));

			let price = PRICES[4] * 2;
			assert_eq!(treasury_balance(TokenKind::Ghost), before + price);
			assert_eq!(balance(TokenKind::Ghost, ALICE), INITIAL_BALANCE - price);
			assert_eq!(held(ALICE), 0, "the commitment deposit is returned");
			let expiry = 1 + MIN_COMMITMENT_AGE + 2 * YEAR;
			System::assert_last_event(
				Event::NameRegistered {
					name: name("alice.ghost"),
					owner: ALICE,
					expiry,
					token: TokenKind::Ghost,
					price,
				}
				.into(),
			);
			let resolution = Cns::resolve(b"alice.ghost").unwrap();
			assert_eq!((resolution.owner, resolution.expiry), (ALICE, expiry));
			assert_eq!(resolution.status, NameStatus::Active);
			assert_eq!(Cns::names_of(&ALICE, 0, 10), vec![name("alice.ghost")]);
		});
	}

	#[test]
	fn the_caller_pays_and_the_owner_gets_the_name() {
		new_test_ext().execute_with(|| {
			register(BOB, "gift.gcc", CHARLIE, 1);
			assert_eq!(balance(TokenKind::Gcc, BOB), INITIAL_BALANCE - PRICES[3], "a 4-byte label");
			assert_eq!(Cns::resolve(b"gift.gcc").unwrap().owner, CHARLIE);
		});
	}

	#[test]
	fn a_commitment_must_be_old_enough_and_not_too_old() {
		new_test_ext().execute_with(|| {
			commit(ALICE, "alice.ghost", ALICE);
			advance_blocks(MIN_COMMITMENT_AGE - 1);
			assert_noop!(reveal(ALICE, "alice.ghost", 1), Error::<Test>::CommitmentTooNew);

			advance_blocks(MAX_COMMITMENT_AGE);
			assert_noop!(reveal(ALICE, "alice.ghost", 1), Error::<Test>::CommitmentTooOld);

			// The last block of the window still works.
			run_to_block(1 + MAX_COMMITMENT_AGE);
			assert_ok!(reveal(ALICE, "alice.ghost", 1));
		});
	}

	#[test]
	fn the_reveal_must_match_name_owner_and_secret() {
		new_test_ext().execute_with(|| {
			commit(ALICE, "alice.ghost", ALICE);
			advance_blocks(MIN_COMMITMENT_AGE);
			let origin = || RuntimeOrigin::signed(ALICE);
			const NOT_FOUND: Error<Test> = Error::<Test>::CommitmentNotFound;
			assert_noop!(
				Cns::register(origin(), name("alice.ghost"), ALICE, [8; 32], 1),
				NOT_FOUND
			);
			assert_noop!(Cns::register(origin(), name("alice.ghost"), BOB, SECRET, 1), NOT_FOUND);
			assert_noop!(
				Cns::register(origin(), name("alicia.ghost"), ALICE, SECRET, 1),
				NOT_FOUND
			);
		});
	}

	#[test]
	fn a_commitment_is_made_once_and_removed_only_by_its_maker() {
		new_test_ext().execute_with(|| {
			let commitment = Cns::commitment_hash(&name("alice.ghost"), &ALICE, &SECRET);
			assert_ok!(Cns::commit(RuntimeOrigin::signed(ALICE), commitment));
			assert_noop!(
				Cns::commit(RuntimeOrigin::signed(ALICE), commitment),
				Error::<Test>::CommitmentExists
			);
			// Bob's remove finds no commitment of his.
			assert_noop!(
				Cns::remove_commitment(RuntimeOrigin::signed(BOB), commitment),
				Error::<Test>::CommitmentNotFound
			);
			assert_ok!(Cns::remove_commitment(RuntimeOrigin::signed(ALICE), commitment));
			assert_eq!(held(ALICE), 0);
			System::assert_last_event(Event::CommitmentRemoved { who: ALICE, commitment }.into());
			assert_noop!(
				Cns::remove_commitment(RuntimeOrigin::signed(ALICE), commitment),
				Error::<Test>::CommitmentNotFound
			);
		});
	}

	#[test]
	fn a_copied_commitment_cannot_block_or_steal_the_registration() {
		new_test_ext().execute_with(|| {
			// Bob sees Alice's commit in the pool and sends the same hash first.
			let commitment = Cns::commitment_hash(&name("alice.ghost"), &ALICE, &SECRET);
			assert_ok!(Cns::commit(RuntimeOrigin::signed(BOB), commitment));
			assert_ok!(Cns::commit(RuntimeOrigin::signed(ALICE), commitment));
			advance_blocks(MIN_COMMITMENT_AGE);

			// Removing his copy just before the reveal leaves Alice's in place.
			assert_ok!(Cns::remove_commitment(RuntimeOrigin::signed(BOB), commitment));
			// Nor can he reveal with it: the name and owner are Alice's, the commitment is not
			// his any more, and had he kept it, the registration would still go to Alice.
			assert_noop!(
				Cns::register(RuntimeOrigin::signed(BOB), name("alice.ghost"), ALICE, SECRET, 1),
				Error::<Test>::CommitmentNotFound
			);
			assert_ok!(reveal(ALICE, "alice.ghost", 1));
			assert_eq!(Registrations::<Test>::get(name("alice.ghost")).unwrap().owner, ALICE);
			assert_eq!(held(BOB), 0);
		});
	}

	#[test]
	fn each_malformed_name_has_its_own_error() {
		new_test_ext().execute_with(|| {
			let cases = [
				("", Error::<Test>::EmptyName),
				("Alice.ghost", Error::<Test>::Uppercase),
				("ålice.ghost", Error::<Test>::NonAscii),
				("al_ice.ghost", Error::<Test>::InvalidCharacter),
				("-a.ghost", Error::<Test>::HyphenAtLabelEdge),
				("a..ghost", Error::<Test>::EmptyLabel),
				("ghost", Error::<Test>::MissingTld),
				("alice.com", Error::<Test>::UnknownTld),
				("x.eth", Error::<Test>::BridgedTld),
				("pay.alice.ghost", Error::<Test>::NotSecondLevel),
			];
			for (name_text, error) in cases {
				commit(ALICE, name_text, ALICE);
				advance_blocks(MIN_COMMITMENT_AGE);
				assert_noop!(reveal(ALICE, name_text, 1), error);
			}
			let long_label = format!("{}.ghost", "a".repeat(64));
			assert_noop!(reveal(ALICE, &long_label, 1), Error::<Test>::LabelTooLong);
		});
	}

	#[test]
	fn registration_needs_an_open_tld_and_a_sane_term() {
		new_test_ext().execute_with(|| {
			commit(ALICE, "alice.warp", ALICE);
			advance_blocks(MIN_COMMITMENT_AGE);
			assert_noop!(reveal(ALICE, "alice.warp", 0), Error::<Test>::ZeroYears);
			assert_noop!(reveal(ALICE, "alice.warp", MAX_YEARS + 1), Error::<Test>::TooManyYears);

			let closed =
				TldConfig { enabled: false, token: TokenKind::Mana, yearly_prices: PRICES };
			assert_noop!(
				Cns::set_tld_config(RuntimeOrigin::signed(ALICE), Tld::Warp, closed.clone()),
				DispatchError::BadOrigin
			);
			assert_ok!(Cns::set_tld_config(RuntimeOrigin::root(), Tld::Warp, closed.clone()));
			System::assert_last_event(
				Event::TldConfigured { tld: Tld::Warp, config: closed }.into(),
			);
			assert_noop!(reveal(ALICE, "alice.warp", 1), Error::<Test>::TldDisabled);
		});
	}

	#[test]
	fn a_payer_without_the_token_changes_nothing() {
		new_test_ext().execute_with(|| {
			let dear = TldConfig {
				enabled: true,
				token: TokenKind::Ghost,
				yearly_prices: [INITIAL_BALANCE; 5],
			};
			assert_ok!(Cns::set_tld_config(RuntimeOrigin::root(), Tld::Ghost, dear));
			commit(ALICE, "alice.ghost", ALICE);
			advance_blocks(MIN_COMMITMENT_AGE);
			assert_noop!(
				reveal(ALICE, "alice.ghost", 1),
				pallet_ghost_tokens::Error::<Test>::WouldReapSender
			);

			let overflowing =
				TldConfig { enabled: true, token: TokenKind::Ghost, yearly_prices: [u128::MAX; 5] };
			assert_ok!(Cns::set_tld_config(RuntimeOrigin::root(), Tld::Ghost, overflowing));
			assert_noop!(reveal(ALICE, "alice.ghost", 2), Error::<Test>::Overflow);
		});
	}

	#[test]
	fn prices_follow_the_label_length_tiers_in_each_tld_token() {
		new_test_ext().execute_with(|| {
			for tld in Tld::ALL {
				let token = tld_token(tld);
				for (length, tier) in [(1, 0), (2, 1), (3, 2), (4, 3), (5, 4), (63, 4)] {
					let name_text = format!("{}.{}", "b".repeat(length), tld.label());
					let before = treasury_balance(token);
					register(BOB, &name_text, BOB, 3);
					assert_eq!(
						treasury_balance(token) - before,
						PRICES[tier] * 3,
						"{name_text} costs its tier's price for three years"
					);
				}
			}
		});
	}

	#[test]
	fn a_registered_name_is_taken_until_its_grace_period_ends() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			commit(BOB, "alice.ghost", BOB);
			advance_blocks(MIN_COMMITMENT_AGE);
			assert_noop!(reveal(BOB, "alice.ghost", 1), Error::<Test>::NameTaken);

			let commitment = Cns::commitment_hash(&name("alice.ghost"), &BOB, &SECRET);
			assert_ok!(Cns::remove_commitment(RuntimeOrigin::signed(BOB), commitment));
			let expiry = Cns::resolve(b"alice.ghost").unwrap().expiry;
			run_to_block(expiry);
			commit(BOB, "alice.ghost", BOB);
			advance_blocks(MIN_COMMITMENT_AGE);
			assert_eq!(status("alice.ghost"), NameStatus::Grace);
			assert_noop!(reveal(BOB, "alice.ghost", 1), Error::<Test>::NameTaken);
		});
	}
}

mod lifecycle {
	use super::*;

	#[test]
	fn a_name_goes_from_active_to_grace_to_expired() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(set_text(ALICE, "alice.ghost", "url", "https://alice.example"));
			let expiry = Cns::resolve(b"alice.ghost").unwrap().expiry;

			run_to_block(expiry - 1);
			assert_eq!(status("alice.ghost"), NameStatus::Active);
			assert_eq!(Cns::resolve(b"alice.ghost").unwrap().texts.len(), 1);

			run_to_block(expiry);
			let in_grace = Cns::resolve(b"alice.ghost").unwrap();
			assert_eq!(in_grace.status, NameStatus::Grace);
			assert!(in_grace.texts.is_empty(), "a name in grace does not resolve");

			run_to_block(expiry + GRACE_PERIOD);
			assert_eq!(status("alice.ghost"), NameStatus::Expired);
		});
	}

	#[test]
	fn active_records_serve_a_name_only_while_it_is_active() {
		new_test_ext().execute_with(|| {
			assert!(Cns::active_records(b"alice.ghost").is_none(), "not registered");
			register(ALICE, "alice.ghost", ALICE, 1);
			let records = Cns::active_records(b"alice.ghost").expect("the name is active");
			assert!(records.is_empty());

			assert_ok!(set_text(ALICE, "alice.ghost", "url", "https://alice.example"));
			let records = Cns::active_records(b"alice.ghost").unwrap();
			let (key, value): (TextKeyOf<Test>, TextValueOf<Test>) =
				(bytes("url"), bytes("https://alice.example"));
			assert_eq!(records.texts.get(&key), Some(&value));

			run_to_block(Cns::resolve(b"alice.ghost").unwrap().expiry);
			assert!(
				Cns::active_records(b"alice.ghost").is_none(),
				"a name in grace resolves to nothing"
			);
		});
	}

	#[test]
	fn after_grace_anyone_registers_the_name_and_the_old_records_are_gone() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(set_text(ALICE, "alice.ghost", "url", "https://alice.example"));
			assert_ok!(Cns::set_primary_name(
				RuntimeOrigin::signed(ALICE),
				Some(name("alice.ghost"))
			));
			assert!(held(ALICE) > 0);
			let expiry = Cns::resolve(b"alice.ghost").unwrap().expiry;
			run_to_block(expiry + GRACE_PERIOD);

			register(BOB, "alice.ghost", BOB, 1);

			System::assert_has_event(Event::NameReleased { name: name("alice.ghost") }.into());
			let resolution = Cns::resolve(b"alice.ghost").unwrap();
			assert_eq!((resolution.owner, resolution.status), (BOB, NameStatus::Active));
			assert!(resolution.texts.is_empty());
			assert!(!Records::<Test>::contains_key(name("alice.ghost")));
			assert_eq!(
				held(ALICE),
				PRIMARY_NAME_DEPOSIT,
				"the records deposit is returned; the primary-name one stays until Alice clears it"
			);
			assert!(Cns::names_of(&ALICE, 0, 10).is_empty());
			assert_eq!(Cns::primary_name(&ALICE), None);
			assert_ok!(Cns::set_primary_name(RuntimeOrigin::signed(ALICE), None));
			assert_eq!(held(ALICE), 0);
		});
	}

	#[test]
	fn anyone_renews_an_active_name_and_pays_for_it() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.gcc", ALICE, 1);
			let expiry = Cns::resolve(b"alice.gcc").unwrap().expiry;
			let before = treasury_balance(TokenKind::Gcc);

			assert_ok!(Cns::renew(RuntimeOrigin::signed(CHARLIE), name("alice.gcc"), 2));

			assert_eq!(treasury_balance(TokenKind::Gcc), before + 2 * PRICES[4]);
			assert_eq!(balance(TokenKind::Gcc, CHARLIE), INITIAL_BALANCE - 2 * PRICES[4]);
			let resolution = Cns::resolve(b"alice.gcc").unwrap();
			assert_eq!((resolution.owner, resolution.expiry), (ALICE, expiry + 2 * YEAR));
			System::assert_last_event(
				Event::NameRenewed {
					name: name("alice.gcc"),
					payer: CHARLIE,
					expiry: expiry + 2 * YEAR,
					token: TokenKind::Gcc,
					price: 2 * PRICES[4],
				}
				.into(),
			);
		});
	}

	#[test]
	fn in_grace_only_the_owner_renews_and_after_it_nobody() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.gcc", ALICE, 1);
			let expiry = Cns::resolve(b"alice.gcc").unwrap().expiry;
			run_to_block(expiry);
			let renew = |who| Cns::renew(RuntimeOrigin::signed(who), name("alice.gcc"), 1);
			assert_noop!(renew(CHARLIE), Error::<Test>::GraceOwnerOnly);
			assert_ok!(renew(ALICE));
			assert_eq!(status("alice.gcc"), NameStatus::Active);

			run_to_block(expiry + YEAR + GRACE_PERIOD);
			assert_noop!(renew(ALICE), Error::<Test>::NameExpired);
		});
	}

	#[test]
	fn renewal_stops_at_the_most_years_ahead() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.gcc", ALICE, MAX_YEARS - 1);
			let renew = |years| Cns::renew(RuntimeOrigin::signed(ALICE), name("alice.gcc"), years);
			assert_noop!(renew(2), Error::<Test>::TooManyYears);
			assert_noop!(renew(0), Error::<Test>::ZeroYears);
			assert_ok!(renew(1));
			assert_noop!(
				Cns::renew(RuntimeOrigin::signed(ALICE), name("nobody.gcc"), 1),
				Error::<Test>::NameNotFound
			);
		});
	}
}

mod ownership {
	use super::*;

	#[test]
	fn the_owner_transfers_a_name_with_its_records() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(set_text(ALICE, "alice.ghost", "url", "u"));
			assert_ok!(Cns::approve(
				RuntimeOrigin::signed(ALICE),
				name("alice.ghost"),
				Some(CHARLIE)
			));
			let transfer =
				|who, to| Cns::transfer(RuntimeOrigin::signed(who), name("alice.ghost"), to);
			assert_noop!(transfer(BOB, BOB), Error::<Test>::NotOwner);
			assert_noop!(transfer(CHARLIE, BOB), Error::<Test>::NotOwner);
			assert_noop!(transfer(ALICE, ALICE), Error::<Test>::AlreadyOwner);

			assert_ok!(transfer(ALICE, BOB));

			System::assert_last_event(
				Event::NameTransferred { name: name("alice.ghost"), from: ALICE, to: BOB }.into(),
			);
			let resolution = Cns::resolve(b"alice.ghost").unwrap();
			assert_eq!((resolution.owner, resolution.operator), (BOB, None));
			assert_eq!(resolution.texts.len(), 1);
			assert!(Cns::names_of(&ALICE, 0, 10).is_empty());
			assert_eq!(Cns::names_of(&BOB, 0, 10), vec![name("alice.ghost")]);
		});
	}

	#[test]
	fn an_expired_or_graced_name_cannot_be_transferred() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			run_to_block(Cns::resolve(b"alice.ghost").unwrap().expiry);
			assert_noop!(
				Cns::transfer(RuntimeOrigin::signed(ALICE), name("alice.ghost"), BOB),
				Error::<Test>::NameExpired
			);
		});
	}

	#[test]
	fn the_operator_manages_records_but_not_the_name() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_noop!(set_text(CHARLIE, "alice.ghost", "url", "u"), Error::<Test>::NotManager);
			assert_noop!(
				Cns::approve(RuntimeOrigin::signed(CHARLIE), name("alice.ghost"), Some(CHARLIE)),
				Error::<Test>::NotOwner
			);
			assert_ok!(Cns::approve(
				RuntimeOrigin::signed(ALICE),
				name("alice.ghost"),
				Some(CHARLIE)
			));
			System::assert_last_event(
				Event::OperatorChanged { name: name("alice.ghost"), operator: Some(CHARLIE) }
					.into(),
			);

			assert_ok!(set_text(CHARLIE, "alice.ghost", "url", "u"));
			assert_eq!(held(CHARLIE), 0, "the owner pays the records deposit");
			assert!(held(ALICE) > 0);
			assert_noop!(
				Cns::set_subname(
					RuntimeOrigin::signed(CHARLIE),
					name("alice.ghost"),
					bytes("x"),
					CHARLIE
				),
				Error::<Test>::NotOwner
			);

			assert_ok!(Cns::approve(RuntimeOrigin::signed(ALICE), name("alice.ghost"), None));
			assert_noop!(set_text(CHARLIE, "alice.ghost", "url", "v"), Error::<Test>::NotManager);
		});
	}
}

mod records {
	use super::*;

	fn records_of(name_text: &str) -> NameRecords<Test> {
		Records::<Test>::get(name(name_text)).expect("the name has records")
	}

	#[test]
	fn records_resolve_and_their_deposit_follows_their_size() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			let eth: AddressOf<Test> = vec![0xaa; 20].try_into().unwrap();
			let origin = || RuntimeOrigin::signed(ALICE);
			assert_ok!(Cns::set_address(
				origin(),
				name("alice.ghost"),
				ETH_COIN_TYPE,
				Some(eth.clone())
			));
			System::assert_last_event(
				Event::AddressChanged {
					name: name("alice.ghost"),
					coin_type: ETH_COIN_TYPE,
					address: Some(eth.clone()),
				}
				.into(),
			);
			assert_ok!(set_text(ALICE, "alice.ghost", "url", "https://alice.example"));
			let content_hash: ContentHashOf<Test> = vec![0xe3, 1, 2, 3].try_into().unwrap();
			assert_ok!(Cns::set_content_hash(origin(), name("alice.ghost"), Some(content_hash)));

			let records = records_of("alice.ghost");
			let size = records.encoded_size() as Balance;
			assert_eq!(
				records.deposit.amount,
				RECORD_DEPOSIT_BASE + size * RECORD_DEPOSIT_PER_BYTE
			);
			assert_eq!(held(ALICE), records.deposit.amount);

			let resolution = Cns::resolve(b"alice.ghost").unwrap();
			assert_eq!(resolution.addresses, vec![(ETH_COIN_TYPE, vec![0xaa; 20])]);
			assert_eq!(
				resolution.texts,
				vec![(b"url".to_vec(), b"https://alice.example".to_vec())]
			);
			assert_eq!(resolution.content_hash, Some(vec![0xe3, 1, 2, 3]));

			// A longer value costs more; removing records costs less, down to nothing.
			let before = held(ALICE);
			assert_ok!(set_text(ALICE, "alice.ghost", "url", "https://alice.example/longer"));
			assert_eq!(held(ALICE), before + "/longer".len() as Balance * RECORD_DEPOSIT_PER_BYTE);
			assert_ok!(Cns::set_content_hash(origin(), name("alice.ghost"), None));
			assert_ok!(Cns::set_address(origin(), name("alice.ghost"), ETH_COIN_TYPE, None));
			assert_ok!(Cns::set_text(origin(), name("alice.ghost"), bytes("url"), None));
			assert_eq!(held(ALICE), 0);
			assert!(!Records::<Test>::contains_key(name("alice.ghost")));
		});
	}

	#[test]
	fn addresses_must_fit_their_coin_type() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			let set = |coin, length: usize| {
				Cns::set_address(
					RuntimeOrigin::signed(ALICE),
					name("alice.ghost"),
					coin,
					Some(vec![1; length].try_into().unwrap()),
				)
			};
			assert_noop!(set(ETH_COIN_TYPE, 32), Error::<Test>::InvalidAddressLength);
			assert_noop!(set(GCC_COIN_TYPE, 19), Error::<Test>::InvalidAddressLength);
			assert_noop!(set(DOT_COIN_TYPE, 20), Error::<Test>::InvalidAddressLength);
			assert_ok!(set(DOT_COIN_TYPE, 32));
			assert_ok!(set(ETH_COIN_TYPE, 20));
			assert_ok!(set(0, 25)); // Bitcoin: any length CNS does not know.
			assert_noop!(set(2, 25), Error::<Test>::TooManyAddresses);
			// Replacing an address is not a new record.
			assert_ok!(set(0, 34));
		});
	}

	#[test]
	fn text_records_are_bounded_and_only_existing_ones_are_removed() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(set_text(ALICE, "alice.ghost", "a", "1"));
			assert_ok!(set_text(ALICE, "alice.ghost", "b", "2"));
			assert_noop!(
				set_text(ALICE, "alice.ghost", "c", "3"),
				Error::<Test>::TooManyTextRecords
			);
			let origin = || RuntimeOrigin::signed(ALICE);
			assert_noop!(
				Cns::set_text(origin(), name("alice.ghost"), bytes("c"), None),
				Error::<Test>::RecordNotFound
			);
			assert_noop!(
				Cns::set_content_hash(origin(), name("alice.ghost"), None),
				Error::<Test>::RecordNotFound
			);
			assert_noop!(set_text(ALICE, "bob.ghost", "a", "1"), Error::<Test>::NameNotFound);
		});
	}

	#[test]
	fn clearing_records_returns_the_deposit() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			let clear = |who| Cns::clear_records(RuntimeOrigin::signed(who), name("alice.ghost"));
			assert_noop!(clear(ALICE), Error::<Test>::NoRecords);
			assert_ok!(set_text(ALICE, "alice.ghost", "a", "1"));
			assert_noop!(clear(BOB), Error::<Test>::NotManager);

			// Even after the grace period, the owner may take the deposit back.
			run_to_block(Cns::resolve(b"alice.ghost").unwrap().expiry + GRACE_PERIOD);
			assert_ok!(clear(ALICE));

			assert_eq!(held(ALICE), 0);
			System::assert_last_event(Event::RecordsCleared { name: name("alice.ghost") }.into());
		});
	}

	#[test]
	fn the_deposit_moves_to_the_new_owner_when_they_change_the_records() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(set_text(ALICE, "alice.ghost", "a", "1"));
			assert_ok!(Cns::transfer(RuntimeOrigin::signed(ALICE), name("alice.ghost"), BOB));
			assert!(held(ALICE) > 0, "the deposit stays until the records change");

			assert_ok!(set_text(BOB, "alice.ghost", "b", "2"));

			assert_eq!(held(ALICE), 0);
			assert_eq!(held(BOB), records_of("alice.ghost").deposit.amount);
			assert_eq!(records_of("alice.ghost").deposit.depositor, BOB);
		});
	}

	#[test]
	fn a_new_owner_who_cannot_pay_the_deposit_changes_nothing() {
		new_test_ext().execute_with(|| {
			let pauper = 4;
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(set_text(ALICE, "alice.ghost", "a", "1"));
			assert_ok!(Cns::transfer(RuntimeOrigin::signed(ALICE), name("alice.ghost"), pauper));
			let before = records_of("alice.ghost");

			assert_noop!(
				set_text(pauper, "alice.ghost", "b", "2"),
				pallet_ghost_tokens::Error::<Test>::InsufficientBalance
			);
			let gid = Some(H256::repeat_byte(9));
			assert_noop!(
				<Cns as NameRegistry<_>>::set_gid(&pauper, b"alice.ghost", gid),
				pallet_ghost_tokens::Error::<Test>::InsufficientBalance
			);
			assert_eq!(records_of("alice.ghost"), before);
			assert_eq!(held(ALICE), before.deposit.amount);
			assert_eq!(held(pauper), 0);

			// The records are still Alice's deposit to get back, whoever clears them.
			assert_ok!(Cns::clear_records(RuntimeOrigin::signed(pauper), name("alice.ghost")));
			assert_eq!(held(ALICE), 0);
		});
	}

	#[test]
	fn unlinking_a_gid_clears_only_a_record_that_names_it() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			let (gid, other) = (H256::repeat_byte(9), H256::repeat_byte(8));
			assert_ok!(<Cns as NameRegistry<_>>::set_gid(&ALICE, b"alice.ghost", Some(gid)));

			// Another DID's link, someone else's name, or no such name: nothing changes.
			assert_storage_noop!(assert_ok!(<Cns as NameRegistry<_>>::unlink_gid(
				&ALICE,
				b"alice.ghost",
				other
			)));
			assert_storage_noop!(assert_ok!(<Cns as NameRegistry<_>>::unlink_gid(
				&BOB,
				b"alice.ghost",
				gid
			)));
			assert_storage_noop!(assert_ok!(<Cns as NameRegistry<_>>::unlink_gid(
				&ALICE,
				b"nobody.ghost",
				gid
			)));

			assert_ok!(<Cns as NameRegistry<_>>::unlink_gid(&ALICE, b"alice.ghost", gid));
			assert_eq!(Cns::resolve(b"alice.ghost").unwrap().gid, None);
			assert_eq!(held(ALICE), 0, "the only record is gone, and its deposit with it");
		});
	}

	#[test]
	fn gid_links_go_through_the_name_registry() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			let gid = H256::repeat_byte(9);
			assert_eq!(<Cns as NameRegistry<_>>::owner_of(b"alice.ghost"), Some(ALICE));
			assert_noop!(
				<Cns as NameRegistry<_>>::set_gid(&BOB, b"alice.ghost", Some(gid)),
				Error::<Test>::NotManager
			);
			assert_ok!(<Cns as NameRegistry<_>>::set_gid(&ALICE, b"alice.ghost", Some(gid)));
			System::assert_last_event(
				Event::GidChanged { name: name("alice.ghost"), gid: Some(gid) }.into(),
			);
			assert_eq!(Cns::resolve(b"alice.ghost").unwrap().gid, Some(gid));

			run_to_block(Cns::resolve(b"alice.ghost").unwrap().expiry);
			assert_eq!(<Cns as NameRegistry<_>>::owner_of(b"alice.ghost"), None);
		});
	}
}

mod subnames {
	use super::*;

	fn set_subname(who: AccountId, label: &str, owner: AccountId) -> DispatchResult {
		Cns::set_subname(RuntimeOrigin::signed(who), name("alice.ghost"), bytes(label), owner)
	}

	#[test]
	fn the_parent_owner_creates_reassigns_and_revokes_subnames() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_noop!(set_subname(BOB, "pay", BOB), Error::<Test>::NotOwner);
			assert_noop!(set_subname(ALICE, "Pay", BOB), Error::<Test>::Uppercase);

			assert_ok!(set_subname(ALICE, "pay", BOB));
			System::assert_last_event(
				Event::SubnameSet { name: name("pay.alice.ghost"), owner: BOB }.into(),
			);
			let resolution = Cns::resolve(b"pay.alice.ghost").unwrap();
			assert_eq!(resolution.owner, BOB);
			assert_eq!(resolution.parent, Some(b"alice.ghost".to_vec()));
			assert_eq!(resolution.expiry, Cns::resolve(b"alice.ghost").unwrap().expiry);

			// Bob manages his subname; Alice may still give it to someone else.
			assert_ok!(set_text(BOB, "pay.alice.ghost", "a", "1"));
			assert_noop!(set_subname(ALICE, "pay", BOB), Error::<Test>::AlreadyOwner);
			assert_ok!(set_subname(ALICE, "pay", CHARLIE));
			assert_eq!(Cns::resolve(b"pay.alice.ghost").unwrap().owner, CHARLIE);

			assert_ok!(Cns::revoke_subname(
				RuntimeOrigin::signed(ALICE),
				name("alice.ghost"),
				bytes("pay")
			));
			System::assert_last_event(
				Event::SubnameRevoked { name: name("pay.alice.ghost") }.into(),
			);
			assert_eq!(Cns::resolve(b"pay.alice.ghost"), None);
			assert_eq!(held(BOB), 0, "the subname's records deposit is returned");
			assert_noop!(
				Cns::revoke_subname(
					RuntimeOrigin::signed(ALICE),
					name("alice.ghost"),
					bytes("pay")
				),
				Error::<Test>::SubnameNotFound
			);
		});
	}

	#[test]
	fn subnames_are_bounded_and_not_registrable() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(set_subname(ALICE, "a", BOB));
			assert_ok!(set_subname(ALICE, "b", BOB));
			assert_noop!(set_subname(ALICE, "c", BOB), Error::<Test>::TooManySubnames);
			assert_noop!(
				Cns::set_subname(
					RuntimeOrigin::signed(BOB),
					name("a.alice.ghost"),
					bytes("x"),
					BOB
				),
				Error::<Test>::NotSecondLevel
			);
			assert_noop!(
				Cns::renew(RuntimeOrigin::signed(BOB), name("a.alice.ghost"), 1),
				Error::<Test>::NotSecondLevel
			);
		});
	}

	#[test]
	fn a_subname_expires_and_is_released_with_its_parent() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(set_subname(ALICE, "pay", BOB));
			assert_ok!(set_text(BOB, "pay.alice.ghost", "a", "1"));
			let expiry = Cns::resolve(b"alice.ghost").unwrap().expiry;

			run_to_block(expiry);
			assert_eq!(status("pay.alice.ghost"), NameStatus::Grace);
			run_to_block(expiry + GRACE_PERIOD);
			assert_eq!(status("pay.alice.ghost"), NameStatus::Expired);

			register(CHARLIE, "alice.ghost", CHARLIE, 1);

			assert_eq!(Cns::resolve(b"pay.alice.ghost"), None);
			assert_eq!(held(BOB), 0);
			assert!(Cns::names_of(&BOB, 0, 10).is_empty());
			assert_eq!(Subnames::<Test>::iter_prefix(name("alice.ghost")).count(), 0);
			assert_ok!(Cns::set_subname(
				RuntimeOrigin::signed(CHARLIE),
				name("alice.ghost"),
				bytes("pay"),
				CHARLIE
			));
		});
	}
}

mod reverse {
	use super::*;

	fn set_primary(who: AccountId, name_text: &str) -> DispatchResult {
		Cns::set_primary_name(RuntimeOrigin::signed(who), Some(name(name_text)))
	}

	#[test]
	fn an_owner_sets_its_primary_name_and_a_transfer_makes_it_stale() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_noop!(set_primary(BOB, "alice.ghost"), Error::<Test>::NotYourName);
			assert_noop!(set_primary(ALICE, "nobody.ghost"), Error::<Test>::NameNotFound);

			assert_ok!(set_primary(ALICE, "alice.ghost"));
			System::assert_last_event(
				Event::PrimaryNameChanged { who: ALICE, name: Some(name("alice.ghost")) }.into(),
			);
			assert_eq!(Cns::primary_name(&ALICE), Some(name("alice.ghost")));
			assert_eq!(held(ALICE), PRIMARY_NAME_DEPOSIT);

			assert_ok!(Cns::transfer(RuntimeOrigin::signed(ALICE), name("alice.ghost"), BOB));
			assert_eq!(Cns::primary_name(&ALICE), None, "the reverse record is checked on read");
		});
	}

	#[test]
	fn an_account_a_name_points_at_may_take_it_as_primary() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(Cns::set_address(
				RuntimeOrigin::signed(ALICE),
				name("alice.ghost"),
				GCC_COIN_TYPE,
				Some(evm_address(BOB))
			));
			assert_ok!(set_primary(BOB, "alice.ghost"));
			assert_eq!(Cns::primary_name(&BOB), Some(name("alice.ghost")));

			assert_ok!(Cns::set_address(
				RuntimeOrigin::signed(ALICE),
				name("alice.ghost"),
				GCC_COIN_TYPE,
				Some(evm_address(CHARLIE))
			));
			assert_eq!(Cns::primary_name(&BOB), None);
		});
	}

	#[test]
	fn a_primary_name_must_be_active_and_can_be_cleared() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(set_primary(ALICE, "alice.ghost"));
			run_to_block(Cns::resolve(b"alice.ghost").unwrap().expiry);
			assert_eq!(Cns::primary_name(&ALICE), None);
			assert_noop!(set_primary(ALICE, "alice.ghost"), Error::<Test>::NameExpired);

			assert_ok!(Cns::set_primary_name(RuntimeOrigin::signed(ALICE), None));
			assert_eq!(held(ALICE), 0, "the deposit is returned");
			assert_noop!(
				Cns::set_primary_name(RuntimeOrigin::signed(ALICE), None),
				Error::<Test>::NoPrimaryName
			);
		});
	}

	#[test]
	fn a_primary_name_holds_one_deposit_however_often_it_changes() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			register(ALICE, "alice.gcc", ALICE, 1);
			assert_ok!(set_primary(ALICE, "alice.ghost"));
			assert_ok!(set_primary(ALICE, "alice.gcc"));
			assert_eq!(held(ALICE), PRIMARY_NAME_DEPOSIT);
			assert_eq!(Cns::primary_name(&ALICE), Some(name("alice.gcc")));

			// An account without the deposit cannot keep a primary name.
			let pauper = 4;
			assert_ok!(Cns::set_address(
				RuntimeOrigin::signed(ALICE),
				name("alice.ghost"),
				GCC_COIN_TYPE,
				Some(evm_address(pauper))
			));
			assert_noop!(
				set_primary(pauper, "alice.ghost"),
				pallet_ghost_tokens::Error::<Test>::InsufficientBalance
			);
		});
	}
}

#[test]
fn names_of_pages_through_an_owners_names() {
	new_test_ext().execute_with(|| {
		for label in ["a", "b", "c"] {
			register(ALICE, &format!("{label}.gcc"), ALICE, 1);
		}
		let all = Cns::names_of(&ALICE, 0, 10);
		assert_eq!(all.len(), 3);
		let pages = [Cns::names_of(&ALICE, 0, 2), Cns::names_of(&ALICE, 2, 2)].concat();
		assert_eq!(pages, all);
		assert!(Cns::names_of(&ALICE, 3, 2).is_empty());
	});
}

#[test]
fn each_name_error_is_named_as_its_pallet_error() {
	use ghostchain_primitives::cns::NameError;
	// Every variant, by decoding each index until one is not a variant.
	let errors: Vec<NameError> =
		(0u8..=u8::MAX).map_while(|index| NameError::decode(&mut &[index][..]).ok()).collect();
	assert!(errors.contains(&NameError::BridgedTld), "the last variant is listed too");
	for error in errors {
		// The RPC reports `reason` as the name error's name; users look it up as the call's.
		assert_eq!(format!("{error:?}"), Error::<Test>::from(error).as_str());
	}
}

mod migration_v0_to_v1 {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	use super::*;
	use crate::migrations::v1::{v0, MigrateV0ToV1};

	/// Rewrites a commitment made by `who` in the version 0 layout, keyed by its hash alone.
	fn to_v0_commitment(who: AccountId, hash: H256) {
		let Commitment { made_at, deposit } = Commitments::<Test>::take(who, hash).unwrap();
		v0::Commitments::<Test>::insert(hash, v0::Commitment { who, made_at, deposit });
	}

	/// Runs the migration as a runtime upgrade does; with `try-runtime`, between its pre- and
	/// post-upgrade checks.
	fn run_migration() {
		#[cfg(feature = "try-runtime")]
		let state = MigrateV0ToV1::<Test>::pre_upgrade().unwrap();
		MigrateV0ToV1::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		MigrateV0ToV1::<Test>::post_upgrade(state).unwrap();
	}

	#[test]
	fn a_new_chain_starts_at_version_1() {
		new_test_ext().execute_with(|| {
			assert_eq!(Cns::on_chain_storage_version(), StorageVersion::new(1));
			assert_storage_noop!(MigrateV0ToV1::<Test>::on_runtime_upgrade());
		});
	}

	#[test]
	fn pending_commitments_move_under_their_committer_and_can_still_be_revealed() {
		new_test_ext().execute_with(|| {
			register(ALICE, "alice.ghost", ALICE, 1);
			assert_ok!(Cns::set_primary_name(
				RuntimeOrigin::signed(ALICE),
				Some(name("alice.ghost"))
			));
			commit(BOB, "bob.ghost", BOB);
			commit(CHARLIE, "charlie.ghost", CHARLIE);
			let bob_hash = Cns::commitment_hash(&name("bob.ghost"), &BOB, &SECRET);
			let charlie_hash = Cns::commitment_hash(&name("charlie.ghost"), &CHARLIE, &SECRET);
			// A chain on version 0: hash-keyed commitments and primary names without a deposit.
			to_v0_commitment(BOB, bob_hash);
			to_v0_commitment(CHARLIE, charlie_hash);
			assert_ok!(Cns::set_primary_name(RuntimeOrigin::signed(ALICE), None));
			v0::PrimaryNames::<Test>::insert(ALICE, name("alice.ghost"));
			StorageVersion::new(0).put::<Cns>();
			let holds_before = [held(ALICE), held(BOB), held(CHARLIE)];

			run_migration();

			assert_eq!(Cns::on_chain_storage_version(), StorageVersion::new(1));
			assert_eq!(Commitments::<Test>::iter().count(), 2);
			assert!(Commitments::<Test>::contains_key(BOB, bob_hash));
			assert!(Commitments::<Test>::contains_key(CHARLIE, charlie_hash));
			assert_eq!(
				PrimaryNames::<Test>::get(ALICE),
				Some(PrimaryName { name: name("alice.ghost"), deposit: 0 })
			);
			assert_eq!(Cns::primary_name(&ALICE), Some(name("alice.ghost")));
			assert_eq!([held(ALICE), held(BOB), held(CHARLIE)], holds_before, "no hold moved");

			// The migrated commitment reveals as any other, and returns its deposit.
			advance_blocks(MIN_COMMITMENT_AGE);
			assert_ok!(reveal(BOB, "bob.ghost", 1));
			assert_eq!(held(BOB), 0);
			// Clearing the migrated primary name releases nothing, since nothing was held.
			assert_ok!(Cns::set_primary_name(RuntimeOrigin::signed(ALICE), None));
			assert_eq!(held(ALICE), holds_before[0]);

			// The version check makes a second run a no-op.
			assert_storage_noop!(MigrateV0ToV1::<Test>::on_runtime_upgrade());
		});
	}
}
