//! GID on the real runtime, with CNS as its name registry: a DID claims a name its controller
//! registered, and stops showing it once the name changes hands.

mod common;

use common::{account, apply, development_ext, register_name, signed};
use ghostchain_primitives::gid::{DidSignature, PublicKey, Relationship, Relationships};
use ghostchain_runtime::{Cns, Gid, Runtime, RuntimeCall, System};
use pallet_gid::{DidChange, DidOperation};
use sp_core::{ed25519, Pair, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob};

#[test]
fn a_did_shows_a_cns_name_only_while_its_controller_owns_it() {
	development_ext().execute_with(|| {
		let key = ed25519::Pair::from_seed(&[1; 32]);
		let invoke = Relationships::of(&[Relationship::CapabilityInvocation]);
		let create = RuntimeCall::Gid(pallet_gid::Call::create {
			keys: vec![(PublicKey::Ed25519(key.public()), invoke)].try_into().unwrap(),
			services: Default::default(),
		});
		apply(signed(Alice, create).0).unwrap().unwrap();
		register_name(Alice, "alice.ghost");

		let name: pallet_cns::Name = b"alice.ghost".to_vec().try_into().unwrap();
		let operation = DidOperation::<Runtime> {
			did: account(Alice),
			nonce: 0,
			expires_at: System::block_number() + 10,
			signer: 1,
			change: DidChange::AddAlsoKnownAs { name: name.clone() },
		};
		let signature = DidSignature::Ed25519(key.sign(&Gid::signing_payload(&operation)));
		let update = RuntimeCall::Gid(pallet_gid::Call::update { operation, signature });
		apply(signed(Bob, update).0).unwrap().unwrap();

		let also_known_as = || Gid::document(&account(Alice)).unwrap().also_known_as;
		assert_eq!(also_known_as(), vec![b"alice.ghost".to_vec()]);
		let alice_bytes: [u8; 32] = account(Alice).into();
		assert_eq!(Cns::resolve(b"alice.ghost").unwrap().gid, Some(H256(alice_bytes)));

		let transfer = RuntimeCall::Cns(pallet_cns::Call::transfer { name, to: account(Bob) });
		apply(signed(Alice, transfer).0).unwrap().unwrap();
		assert!(also_known_as().is_empty(), "the name left the controller");
	});
}
