//! CNS on the real runtime: names paid in the TLD's token reach the treasury, through signed
//! extrinsics as a wallet sends them.

mod common;

use common::{account, development_ext, register_name};
use ghostchain_primitives::{
	cns::{NameStatus, Tld},
	tokens::TokenKind,
};
use ghostchain_runtime::{configs::cns::launch_tld_config, Cns, Tokens};
use pallet_ghost_tokens::MultiToken;
use sp_keyring::Sr25519Keyring::{Alice, Bob};

fn balance(token: TokenKind, who: &ghostchain_runtime::AccountId) -> u128 {
	<Tokens as MultiToken<_>>::balance(token, who)
}

#[test]
fn names_are_paid_in_their_tld_token_to_the_treasury() {
	development_ext().execute_with(|| {
		let treasury = <Tokens as MultiToken<_>>::treasury_account();
		let ghost_before = balance(TokenKind::Ghost, &treasury);
		let gcc_before = balance(TokenKind::Gcc, &treasury);
		let alice_ghost_before = balance(TokenKind::Ghost, &account(Alice));

		register_name(Alice, "alice.ghost");
		register_name(Bob, "bob.gcc");

		let ghost_price = launch_tld_config(Tld::Ghost).yearly_price(5);
		let gcc_price = launch_tld_config(Tld::Gcc).yearly_price(3);
		assert_eq!(launch_tld_config(Tld::Ghost).token, TokenKind::Ghost);
		assert_eq!(balance(TokenKind::Ghost, &treasury), ghost_before + ghost_price);
		assert_eq!(balance(TokenKind::Gcc, &treasury), gcc_before + gcc_price);
		assert_eq!(balance(TokenKind::Ghost, &account(Alice)), alice_ghost_before - ghost_price);

		for (name, owner) in [("alice.ghost", Alice), ("bob.gcc", Bob)] {
			let resolution = Cns::resolve(name.as_bytes()).expect("the name is registered");
			assert_eq!((resolution.owner, resolution.status), (account(owner), NameStatus::Active));
		}
	});
}
