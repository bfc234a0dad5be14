//! GID on the real runtime, with CNS as its name registry: a DID claims a name its controller
//! registered, and stops showing it once the name changes hands.

mod common;

use common::{account, apply, create_did, development_ext, register_name, signed, update_did};
use ghostchain_runtime::{Cns, Gid, RuntimeCall};
use pallet_gid::DidChange;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{Alice, Bob};

#[test]
fn a_did_shows_a_cns_name_only_while_its_controller_owns_it() {
	development_ext().execute_with(|| {
		let key = create_did(Alice, [1; 32]);
		register_name(Alice, "alice.ghost");

		let name: pallet_cns::Name = b"alice.ghost".to_vec().try_into().unwrap();
		update_did(Bob, account(Alice), &key, DidChange::AddAlsoKnownAs { name: name.clone() });

		let also_known_as = || Gid::document(&account(Alice)).unwrap().also_known_as;
		assert_eq!(also_known_as(), vec![b"alice.ghost".to_vec()]);
		let alice_bytes: [u8; 32] = account(Alice).into();
		assert_eq!(Cns::resolve(b"alice.ghost").unwrap().gid, Some(H256(alice_bytes)));

		let transfer = RuntimeCall::Cns(pallet_cns::Call::transfer { name, to: account(Bob) });
		apply(signed(Alice, transfer).0).unwrap().unwrap();
		assert!(also_known_as().is_empty(), "the name left the controller");
	});
}
