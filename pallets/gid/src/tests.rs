use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use ghostchain_primitives::gid::{DidSignature, PublicKey, Relationship, Relationships};
use pallet_cns::Name;
use sp_core::{ecdsa, ed25519, sr25519, Pair, H256};
use sp_runtime::DispatchResult;

use crate::{mock::*, *};

use Relationship::*;

/// A DID key whose secret the test holds.
enum TestKey {
	Sr25519(sr25519::Pair),
	Ed25519(ed25519::Pair),
	Ecdsa(ecdsa::Pair),
}

impl TestKey {
	fn sr25519(seed: u8) -> Self {
		TestKey::Sr25519(sr25519::Pair::from_seed(&[seed; 32]))
	}

	fn ed25519(seed: u8) -> Self {
		TestKey::Ed25519(ed25519::Pair::from_seed(&[seed; 32]))
	}

	fn ecdsa(seed: u8) -> Self {
		TestKey::Ecdsa(ecdsa::Pair::from_seed(&[seed; 32]))
	}

	fn public(&self) -> PublicKey {
		match self {
			TestKey::Sr25519(pair) => PublicKey::Sr25519(pair.public()),
			TestKey::Ed25519(pair) => PublicKey::Ed25519(pair.public()),
			TestKey::Ecdsa(pair) => PublicKey::EcdsaSecp256k1(pair.public()),
		}
	}

	fn sign(&self, message: &[u8]) -> DidSignature {
		match self {
			TestKey::Sr25519(pair) => DidSignature::Sr25519(pair.sign(message)),
			TestKey::Ed25519(pair) => DidSignature::Ed25519(pair.sign(message)),
			TestKey::Ecdsa(pair) => DidSignature::EcdsaSecp256k1(pair.sign(message)),
		}
	}
}

fn relationships(of: &[Relationship]) -> Relationships {
	Relationships::of(of)
}

fn service(id: &str) -> Service<Test> {
	Service {
		id: id.as_bytes().to_vec().try_into().unwrap(),
		service_type: b"LinkedDomains".to_vec().try_into().unwrap(),
		url: b"https://alice.example".to_vec().try_into().unwrap(),
	}
}

fn name(text: &str) -> Name {
	text.as_bytes().to_vec().try_into().unwrap()
}

/// Alice's DID with key 1 (sr25519) for authentication and capabilityInvocation, key 2
/// (ed25519) for assertions, and one service.
fn create_alice_did() -> (TestKey, TestKey) {
	let (controller_key, assertion_key) = (TestKey::sr25519(1), TestKey::ed25519(2));
	let keys = vec![
		(controller_key.public(), relationships(&[Authentication, CapabilityInvocation])),
		(assertion_key.public(), relationships(&[AssertionMethod])),
	];
	assert_ok!(Gid::create(
		RuntimeOrigin::signed(ALICE),
		keys.try_into().unwrap(),
		vec![service("home")].try_into().unwrap()
	));
	(controller_key, assertion_key)
}

/// An operation on Alice's DID with its current nonce, valid for ten blocks.
fn operation(signer: KeyId, change: DidChange<Test>) -> DidOperation<Test> {
	let nonce = Dids::<Test>::get(ALICE).map_or(0, |details| details.nonce);
	DidOperation { did: ALICE, nonce, expires_at: System::block_number() + 10, signer, change }
}

fn submit(key: &TestKey, operation: DidOperation<Test>) -> DispatchResult {
	let signature = key.sign(&Gid::signing_payload(&operation));
	Gid::update(RuntimeOrigin::signed(BOB), operation, signature)
}

fn change(key: &TestKey, change: DidChange<Test>) -> DispatchResult {
	submit(key, operation(1, change))
}

fn held(who: AccountId) -> u128 {
	Balances::total_balance_on_hold(&who)
}

fn document() -> ghostchain_primitives::gid::DidDocument<AccountId, u64> {
	Gid::document(&ALICE).expect("Alice has a DID")
}

mod create {
	use super::*;

	#[test]
	fn create_stores_keys_services_and_a_deposit() {
		new_test_ext().execute_with(|| {
			let (controller_key, assertion_key) = create_alice_did();
			System::assert_last_event(Event::DidCreated { did: ALICE }.into());

			let document = document();
			assert_eq!(document.controller, Some(ALICE));
			let keys: Vec<_> =
				document.verification_methods.iter().map(|m| (m.id, m.key.clone())).collect();
			assert_eq!(keys, vec![(1, controller_key.public()), (2, assertion_key.public())]);
			assert_eq!(document.services.len(), 1);
			assert_eq!((document.version, document.created, document.deactivated), (1, 1, false));

			let details = Dids::<Test>::get(ALICE).unwrap();
			let expected = DEPOSIT_BASE + details.encoded_size() as u128 * DEPOSIT_PER_BYTE;
			assert_eq!(details.deposit.amount, expected);
			assert_eq!(held(ALICE), expected);
		});
	}

	#[test]
	fn an_account_has_one_did() {
		new_test_ext().execute_with(|| {
			create_alice_did();
			let key = TestKey::sr25519(9).public();
			assert_noop!(
				Gid::create(
					RuntimeOrigin::signed(ALICE),
					vec![(key, relationships(&[CapabilityInvocation]))].try_into().unwrap(),
					Default::default()
				),
				Error::<Test>::DidExists
			);
		});
	}

	#[test]
	fn keys_and_relationships_must_fit() {
		new_test_ext().execute_with(|| {
			let create = |keys: Vec<(PublicKey, Relationships)>, services: Vec<Service<Test>>| {
				Gid::create(
					RuntimeOrigin::signed(ALICE),
					keys.try_into().unwrap(),
					services.try_into().unwrap(),
				)
			};
			let signer = TestKey::sr25519(1).public();
			let invoke = relationships(&[CapabilityInvocation]);
			let x25519 = PublicKey::X25519([5; 32]);
			assert_noop!(
				create(vec![(signer.clone(), relationships(&[Authentication]))], vec![]),
				Error::<Test>::NoCapabilityInvocationKey
			);
			assert_noop!(
				create(
					vec![(signer.clone(), relationships(&[KeyAgreement, CapabilityInvocation]))],
					vec![]
				),
				Error::<Test>::InvalidRelationship
			);
			assert_noop!(
				create(
					vec![
						(signer.clone(), invoke),
						(x25519.clone(), relationships(&[Authentication]))
					],
					vec![]
				),
				Error::<Test>::InvalidRelationship
			);
			assert_noop!(
				create(vec![(signer.clone(), Relationships::default())], vec![]),
				Error::<Test>::InvalidRelationship
			);
			assert_noop!(
				create(vec![(signer.clone(), invoke), (signer.clone(), invoke)], vec![]),
				Error::<Test>::DuplicateKey
			);
			assert_noop!(
				create(vec![(signer.clone(), invoke)], vec![service("a"), service("a")]),
				Error::<Test>::DuplicateService
			);
			assert_ok!(create(
				vec![(signer, invoke), (x25519, relationships(&[KeyAgreement]))],
				vec![]
			));
		});
	}
}

mod operations {
	use super::*;

	#[test]
	fn keys_services_and_relationships_change_by_signed_operation() {
		new_test_ext().execute_with(|| {
			let (controller_key, _) = create_alice_did();
			let ecdsa_key = TestKey::ecdsa(3);
			assert_ok!(change(
				&controller_key,
				DidChange::AddKey {
					key: ecdsa_key.public(),
					relationships: relationships(&[CapabilityInvocation])
				}
			));
			System::assert_last_event(Event::DidUpdated { did: ALICE, version: 2 }.into());

			// The new ECDSA key signs the next changes.
			let by_ecdsa = |change| submit(&ecdsa_key, operation(3, change));
			assert_ok!(by_ecdsa(DidChange::AddService { service: service("second") }));
			assert_ok!(by_ecdsa(DidChange::RemoveService { id: service("home").id }));
			assert_ok!(by_ecdsa(DidChange::SetRelationships {
				key_id: 2,
				relationships: relationships(&[AssertionMethod, Authentication])
			}));
			assert_ok!(by_ecdsa(DidChange::RemoveKey { key_id: 1 }));

			let document = document();
			assert_eq!(document.version, 6);
			let ids: Vec<_> = document.verification_methods.iter().map(|m| m.id).collect();
			assert_eq!(ids, vec![2, 3]);
			assert_eq!(document.services[0].id, b"second".to_vec());
			assert!(document.verification_methods[0].relationships.contains(Authentication));
		});
	}

	#[test]
	fn bounds_and_unknown_items_are_refused() {
		new_test_ext().execute_with(|| {
			let (key, _) = create_alice_did();
			let add_key = |seed| DidChange::AddKey {
				key: TestKey::ed25519(seed).public(),
				relationships: relationships(&[Authentication]),
			};
			assert_ok!(change(&key, add_key(10)));
			assert_noop!(change(&key, add_key(11)), Error::<Test>::TooManyKeys);
			assert_noop!(
				change(&key, DidChange::RemoveKey { key_id: 9 }),
				Error::<Test>::UnknownKey
			);
			assert_noop!(
				change(
					&key,
					DidChange::SetRelationships {
						key_id: 9,
						relationships: relationships(&[Authentication])
					}
				),
				Error::<Test>::UnknownKey
			);
			assert_ok!(change(&key, DidChange::AddService { service: service("b") }));
			assert_noop!(
				change(&key, DidChange::AddService { service: service("c") }),
				Error::<Test>::TooManyServices
			);
			assert_noop!(
				change(&key, DidChange::RemoveService { id: service("c").id }),
				Error::<Test>::UnknownService
			);
			assert_noop!(
				change(&key, DidChange::RemoveKey { key_id: 1 }),
				Error::<Test>::NoCapabilityInvocationKey
			);
		});
	}

	#[test]
	fn replayed_late_and_wrongly_signed_operations_change_nothing() {
		new_test_ext().execute_with(|| {
			let (controller_key, assertion_key) = create_alice_did();
			let add = DidChange::AddService { service: service("b") };
			let first = operation(1, add.clone());
			assert_ok!(submit(&controller_key, first.clone()));
			assert_noop!(submit(&controller_key, first), Error::<Test>::WrongNonce);

			let mut late = operation(1, add.clone());
			late.expires_at = System::block_number() - 1;
			assert_noop!(submit(&controller_key, late), Error::<Test>::OperationExpired);

			// Key 2 is only in assertionMethod.
			assert_noop!(
				submit(&assertion_key, operation(2, add.clone())),
				Error::<Test>::KeyNotAuthorized
			);
			assert_noop!(
				submit(&controller_key, operation(7, add.clone())),
				Error::<Test>::UnknownKey
			);

			let other = operation(1, DidChange::RemoveService { id: service("home").id });
			let signature = controller_key.sign(&Gid::signing_payload(&operation(1, add)));
			assert_noop!(
				Gid::update(RuntimeOrigin::signed(BOB), other, signature),
				Error::<Test>::InvalidSignature
			);
		});
	}

	#[test]
	fn the_controller_changes_the_did_without_a_did_signature() {
		new_test_ext().execute_with(|| {
			let (key, _) = create_alice_did();
			let as_controller =
				|who, change| Gid::update_as_controller(RuntimeOrigin::signed(who), ALICE, change);
			let add = || DidChange::AddService { service: service("b") };
			assert_noop!(as_controller(BOB, add()), Error::<Test>::NotController);
			assert_ok!(as_controller(ALICE, add()));
			assert_eq!(document().version, 2);

			// The change used up the nonce: an operation signed for it is stale.
			let stale = DidOperation {
				did: ALICE,
				nonce: 0,
				expires_at: 10,
				signer: 1,
				change: DidChange::RemoveService { id: service("b").id },
			};
			assert_noop!(submit(&key, stale), Error::<Test>::WrongNonce);

			// Handing the DID to Bob hands him control.
			assert_ok!(as_controller(ALICE, DidChange::SetController { controller: BOB }));
			assert_noop!(as_controller(ALICE, DidChange::Deactivate), Error::<Test>::NotController);
			assert_ok!(as_controller(BOB, DidChange::Deactivate));
			assert!(document().deactivated);
			assert_noop!(as_controller(BOB, DidChange::Deactivate), Error::<Test>::DidDeactivated);
		});
	}

	#[test]
	fn an_operation_needs_an_existing_did() {
		new_test_ext().execute_with(|| {
			let key = TestKey::sr25519(1);
			assert_noop!(
				change(&key, DidChange::AddService { service: service("b") }),
				Error::<Test>::DidNotFound
			);
		});
	}

	#[test]
	fn the_submitter_pays_the_deposit() {
		new_test_ext().execute_with(|| {
			let (key, _) = create_alice_did();
			assert_ok!(change(&key, DidChange::AddService { service: service("b") }));
			assert_eq!(held(ALICE), 0, "Alice's deposit went back");
			let details = Dids::<Test>::get(ALICE).unwrap();
			assert_eq!(details.deposit.depositor, BOB);
			assert_eq!(held(BOB), details.required_deposit());
		});
	}

	#[test]
	fn a_submitter_who_cannot_pay_the_deposit_changes_nothing() {
		new_test_ext().execute_with(|| {
			let (key, _) = create_alice_did();
			let pauper = 4;
			let before = Dids::<Test>::get(ALICE).unwrap();
			let operation = operation(1, DidChange::AddService { service: service("b") });
			let signature = key.sign(&Gid::signing_payload(&operation));
			assert_noop!(
				Gid::update(RuntimeOrigin::signed(pauper), operation, signature),
				pallet_ghost_tokens::Error::<Test>::InsufficientBalance
			);
			assert_eq!(Dids::<Test>::get(ALICE).unwrap().deposit, before.deposit);
			assert_eq!(held(ALICE), before.deposit.amount);
			assert_eq!(held(pauper), 0);
		});
	}

	#[test]
	fn verify_checks_the_relationship() {
		new_test_ext().execute_with(|| {
			let (controller_key, assertion_key) = create_alice_did();
			let message = b"a credential";
			let signature = assertion_key.sign(message);
			assert!(Gid::verify(&ALICE, AssertionMethod, message, &signature));
			assert!(!Gid::verify(&ALICE, Authentication, message, &signature));
			assert!(!Gid::verify(&ALICE, AssertionMethod, b"another", &signature));
			let by_controller = controller_key.sign(message);
			assert!(Gid::verify(&ALICE, Authentication, message, &by_controller));
			assert!(!Gid::verify(&BOB, Authentication, message, &by_controller));
		});
	}
}

mod deactivation {
	use super::*;

	#[test]
	fn a_deactivated_did_is_gone_for_good() {
		new_test_ext().execute_with(|| {
			let (key, _) = create_alice_did();
			System::set_block_number(5);
			let treasury = Tokens::treasury_account();
			let treasury_before = Balances::free_balance(treasury);
			assert_ok!(change(&key, DidChange::Deactivate));
			System::assert_last_event(Event::DidDeactivated { did: ALICE }.into());
			assert_eq!(held(ALICE), 0, "the deposit is returned");
			assert_eq!(Balances::free_balance(ALICE), INITIAL_BALANCE - TOMBSTONE_FEE);
			assert_eq!(Balances::free_balance(treasury), treasury_before + TOMBSTONE_FEE);

			let document = document();
			assert!(document.deactivated);
			assert!(document.verification_methods.is_empty());
			assert_eq!((document.created, document.updated, document.version), (1, 5, 2));
			assert_eq!((document.created_at, document.updated_at), (6_000, 30_000));

			let operation = DidOperation {
				did: ALICE,
				nonce: 1,
				expires_at: 10,
				signer: 1,
				change: DidChange::AddService { service: service("b") },
			};
			let signature = key.sign(&Gid::signing_payload(&operation));
			assert_noop!(
				Gid::update(RuntimeOrigin::signed(BOB), operation, signature),
				Error::<Test>::DidDeactivated
			);
			assert_noop!(
				Gid::create(
					RuntimeOrigin::signed(ALICE),
					vec![(key.public(), relationships(&[CapabilityInvocation]))]
						.try_into()
						.unwrap(),
					Default::default()
				),
				Error::<Test>::DidDeactivated
			);
		});
	}
}

mod also_known_as {
	use super::*;

	fn claim(key: &TestKey, text: &str) -> DispatchResult {
		change(key, DidChange::AddAlsoKnownAs { name: name(text) })
	}

	#[test]
	fn only_names_the_controller_owns_are_claimed_and_shown() {
		new_test_ext().execute_with(|| {
			let (key, _) = create_alice_did();
			NameOwners::mutate(|owners| owners.insert(b"alice.ghost".to_vec(), ALICE));
			NameOwners::mutate(|owners| owners.insert(b"bob.ghost".to_vec(), BOB));
			assert_noop!(claim(&key, "bob.ghost"), Error::<Test>::NameNotOwned);
			assert_noop!(claim(&key, "nobody.ghost"), Error::<Test>::NameNotOwned);

			assert_ok!(claim(&key, "alice.ghost"));
			assert_noop!(claim(&key, "alice.ghost"), Error::<Test>::DuplicateAlsoKnownAs);
			assert_eq!(document().also_known_as, vec![b"alice.ghost".to_vec()]);
			let gid = GidRecords::get().get(&b"alice.ghost"[..]).copied();
			assert_eq!(gid, Some(H256(sp_io::hashing::blake2_256(&ALICE.encode()))));

			// The name is transferred: the document stops showing it.
			NameOwners::mutate(|owners| owners.insert(b"alice.ghost".to_vec(), CHARLIE));
			assert!(document().also_known_as.is_empty());
		});
	}

	#[test]
	fn deactivation_unlinks_the_names_the_controller_still_holds() {
		new_test_ext().execute_with(|| {
			let (key, _) = create_alice_did();
			for text in ["a.ghost", "b.ghost"] {
				NameOwners::mutate(|owners| owners.insert(text.as_bytes().to_vec(), ALICE));
				assert_ok!(claim(&key, text));
			}
			// b.ghost changes hands; its record is now Charlie's to keep or change.
			NameOwners::mutate(|owners| owners.insert(b"b.ghost".to_vec(), CHARLIE));

			assert_ok!(change(&key, DidChange::Deactivate));
			let linked: Vec<_> = GidRecords::get().into_keys().collect();
			assert_eq!(linked, vec![b"b.ghost".to_vec()]);
		});
	}

	#[test]
	fn claims_are_bounded() {
		new_test_ext().execute_with(|| {
			let (key, _) = create_alice_did();
			for text in ["a.ghost", "b.ghost", "c.ghost"] {
				NameOwners::mutate(|owners| owners.insert(text.as_bytes().to_vec(), ALICE));
			}
			assert_ok!(claim(&key, "a.ghost"));
			assert_ok!(claim(&key, "b.ghost"));
			assert_noop!(claim(&key, "c.ghost"), Error::<Test>::TooManyAlsoKnownAs);
		});
	}

	#[test]
	fn a_new_controller_shows_only_its_own_names() {
		new_test_ext().execute_with(|| {
			let (key, _) = create_alice_did();
			NameOwners::mutate(|owners| owners.insert(b"alice.ghost".to_vec(), ALICE));
			assert_ok!(claim(&key, "alice.ghost"));
			assert_ok!(change(&key, DidChange::SetController { controller: BOB }));
			let document = document();
			assert_eq!(document.controller, Some(BOB));
			assert!(document.also_known_as.is_empty());

			assert_ok!(change(&key, DidChange::RemoveAlsoKnownAs { name: name("alice.ghost") }));
			assert_noop!(
				change(&key, DidChange::RemoveAlsoKnownAs { name: name("alice.ghost") }),
				Error::<Test>::UnknownAlsoKnownAs
			);
		});
	}
}
