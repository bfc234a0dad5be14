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

#[test]
fn a_bridge_request_deposit_pays_for_every_oracle_attestation() {
	use codec::Encode;
	use frame_support::{dispatch::GetDispatchInfo, traits::Get, BoundedVec};
	use ghostchain_runtime::{configs::cns::BridgeRequestDeposit, RuntimeCall, TransactionPayment};
	use pallet_cns_bridge::{crypto, Attestation, BridgedRecords, Config, EthBlock, Lookup};

	fn filled<S: Get<u32>>(len: u32) -> BoundedVec<u8, S> {
		BoundedVec::truncate_from(vec![0xff; len as usize])
	}
	type Limits = ghostchain_runtime::Runtime;

	development_ext().execute_with(|| {
		// The largest attestation the runtime accepts.
		let addresses = (0..<Limits as Config>::MaxAddresses::get())
			.map(|coin| (coin, filled(<Limits as Config>::MaxAddressLength::get())));
		let texts = (0..<Limits as Config>::MaxTextRecords::get()).map(|_| {
			(
				filled(<Limits as Config>::MaxTextKeyLength::get()),
				filled(<Limits as Config>::MaxTextValueLength::get()),
			)
		});
		let records = BridgedRecords {
			owner: Default::default(),
			addresses: BoundedVec::truncate_from(addresses.collect()),
			texts: BoundedVec::truncate_from(texts.collect()),
			content_hash: Some(filled(<Limits as Config>::MaxContentHashLength::get())),
		};
		let attestation = Attestation {
			request: u64::MAX,
			name: filled(253),
			eth_block: EthBlock { number: u64::MAX, hash: Default::default() },
			lookup: Lookup::Found(records),
		};
		let call = RuntimeCall::CnsBridge(pallet_cns_bridge::Call::attest {
			attestation,
			oracle: crypto::Public::from(Alice.public()),
			signature: crypto::Signature::from(sp_core::sr25519::Signature::from_raw([0; 64])),
		});
		// The call, and more than a signed transaction's address, signature and extensions.
		let length = call.encoded_size() + 200;
		let fee = TransactionPayment::compute_fee(length as u32, &call.get_dispatch_info(), 0);
		let oracles: u32 = <Limits as Config>::MaxOracles::get();
		let oracles = u128::from(oracles);
		assert!(
			BridgeRequestDeposit::get() >= fee * oracles,
			"{oracles} attestations would cost {}, more than the deposit",
			fee * oracles
		);
	});
}
