//! CNS on the real runtime: names paid in the TLD's token reach the treasury, through signed
//! extrinsics as a wallet sends them.

mod common;

use common::{account, apply, development_ext, signed};
use ghostchain_primitives::{
	cns::{NameStatus, Tld},
	tokens::TokenKind,
};
use ghostchain_runtime::{
	configs::cns::{launch_tld_config, MinCommitmentAge},
	Cns, RuntimeCall, System, Tokens,
};
use pallet_cns::Name;
use pallet_ghost_tokens::MultiToken;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob};

fn balance(token: TokenKind, who: &ghostchain_runtime::AccountId) -> u128 {
	<Tokens as MultiToken<_>>::balance(token, who)
}

/// Commits, lets the commitment age, and registers `name` to `who` for one year, each step a
/// signed extrinsic.
fn register(who: Sr25519Keyring, name: &str) {
	let name: Name = name.as_bytes().to_vec().try_into().unwrap();
	let secret = [42; 32];
	let commitment = Cns::commitment_hash(&name, &account(who), &secret);
	let commit = RuntimeCall::Cns(pallet_cns::Call::commit { commitment });
	apply(signed(who, commit).0).unwrap().unwrap();
	System::set_block_number(System::block_number() + MinCommitmentAge::get());
	let register = RuntimeCall::Cns(pallet_cns::Call::register {
		name,
		owner: account(who),
		secret,
		years: 1,
	});
	apply(signed(who, register).0).unwrap().unwrap();
}

#[test]
fn names_are_paid_in_their_tld_token_to_the_treasury() {
	development_ext().execute_with(|| {
		let treasury = <Tokens as MultiToken<_>>::treasury_account();
		let ghost_before = balance(TokenKind::Ghost, &treasury);
		let gcc_before = balance(TokenKind::Gcc, &treasury);
		let alice_ghost_before = balance(TokenKind::Ghost, &account(Alice));

		register(Alice, "alice.ghost");
		register(Bob, "bob.gcc");

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
