//! The four tokens on the real runtime: genesis supplies as documented, fees still in GCC, and
//! the MANA reward reaching the author of a block that `Executive` builds.

mod common;

use codec::Encode;
use common::{account, apply, development_ext, last_fee_paid_by, preset_storage, signed};
use frame_support::traits::fungibles::metadata::Inspect as _;
use ghostchain_primitives::tokens::{
	TokenBalance, TokenKind, EXISTENTIAL_DEPOSIT, GHOST_ASSET_ID, MANA_ASSET_ID, UNIT,
};
use ghostchain_runtime::{
	configs::tokens::{token_balances, MANA_REWARD_PER_BLOCK},
	currency::GCC,
	genesis_config_presets::DEV_TOKEN_BALANCE,
	time::SLOT_DURATION,
	Assets, Executive, Header, Runtime, RuntimeCall, RuntimeEvent, System, Tokens,
	UncheckedExtrinsic,
};
use pallet_ghost_tokens::MultiToken;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::{generic, traits::Header as _, Digest, DigestItem};

fn balance(token: TokenKind, who: &ghostchain_runtime::AccountId) -> u128 {
	<Tokens as MultiToken<_>>::balance(token, who)
}

fn total_issuance(token: TokenKind) -> u128 {
	<Tokens as MultiToken<_>>::total_issuance(token)
}

/// The initial supplies that `genesis_config_presets.rs` and docs/tokens.md promise: GCC,
/// SPIRIT, MANA, GHOST, each including the treasury's existential deposit where genesis had to
/// add it, and for GCC that of the revive pallet's account too.
const DOCUMENTED_SUPPLY: [(&str, [u128; 4]); 3] = [
	(
		"development",
		[
			17_000_000 * GCC + 2 * EXISTENTIAL_DEPOSIT,
			1_200_000 * UNIT + EXISTENTIAL_DEPOSIT,
			1_200_000 * UNIT + EXISTENTIAL_DEPOSIT,
			1_200_000 * UNIT + EXISTENTIAL_DEPOSIT,
		],
	),
	(
		"local_testnet",
		[
			17_000_000 * GCC + 2 * EXISTENTIAL_DEPOSIT,
			1_200_000 * UNIT + EXISTENTIAL_DEPOSIT,
			1_200_000 * UNIT + EXISTENTIAL_DEPOSIT,
			1_200_000 * UNIT + EXISTENTIAL_DEPOSIT,
		],
	),
	(
		"ghostchain_testnet",
		[
			30_000 * GCC + 2 * EXISTENTIAL_DEPOSIT,
			30_000 * UNIT + EXISTENTIAL_DEPOSIT,
			EXISTENTIAL_DEPOSIT,
			1_000_000_000 * UNIT,
		],
	),
];

#[test]
fn every_preset_starts_with_the_documented_supply_of_each_token() {
	for (preset, supplies) in DOCUMENTED_SUPPLY {
		sp_io::TestExternalities::new(preset_storage(preset).unwrap()).execute_with(|| {
			for (token, supply) in TokenKind::ALL.into_iter().zip(supplies) {
				assert_eq!(total_issuance(token), supply, "{preset}: {token:?}");
			}
			let treasury = Tokens::treasury_account();
			for token in TokenKind::ALL {
				assert!(balance(token, &treasury) >= EXISTENTIAL_DEPOSIT, "{preset}: {token:?}");
			}
		});
	}
}

#[test]
fn mana_and_ghost_are_assets_with_fixed_ids_and_metadata() {
	development_ext().execute_with(|| {
		for (token, id) in [(TokenKind::Mana, MANA_ASSET_ID), (TokenKind::Ghost, GHOST_ASSET_ID)] {
			assert_eq!(Assets::name(id), token.name().as_bytes());
			assert_eq!(Assets::symbol(id), token.symbol().as_bytes());
			assert_eq!(Assets::decimals(id), 18);
			let details = pallet_assets::Asset::<Runtime>::get(id).expect("created at genesis");
			// Owned and issued by the treasury account, which no key controls.
			assert_eq!(details.owner, Tokens::treasury_account());
			assert_eq!(details.issuer, Tokens::treasury_account());
			assert_eq!(details.min_balance, EXISTENTIAL_DEPOSIT);
		}
	});
}

#[test]
fn the_tokens_api_reports_each_dev_account_holding() {
	development_ext().execute_with(|| {
		let balances = token_balances(&account(Bob));
		let free: Vec<_> = balances.iter().map(|b| (b.token, b.free)).collect();
		assert_eq!(
			free,
			[
				(TokenKind::Gcc, 1_000_000 * GCC),
				(TokenKind::Spirit, DEV_TOKEN_BALANCE),
				(TokenKind::Mana, DEV_TOKEN_BALANCE),
				(TokenKind::Ghost, DEV_TOKEN_BALANCE),
			]
		);
		assert!(balances.iter().all(|b| b.frozen == 0), "{balances:?}");
	});
}

#[test]
fn token_transfers_pay_their_fee_in_gcc() {
	development_ext().execute_with(|| {
		let (alice, bob) = (account(Alice), account(Bob));
		let before: Vec<TokenBalance> = token_balances(&alice);
		let amount = 5 * UNIT;

		let call = pallet_ghost_tokens::Call::transfer {
			token: TokenKind::Mana,
			dest: bob.clone(),
			amount,
		};
		let (extrinsic, _) = signed(Alice, call.into());
		assert_eq!(apply(extrinsic), Ok(Ok(())));

		let fee = last_fee_paid_by(&alice);
		assert!(fee > 0);
		let after = token_balances(&alice);
		assert_eq!(after[0].free, before[0].free - fee, "GCC pays the fee");
		assert_eq!(after[1], before[1], "SPIRIT untouched");
		assert_eq!(after[2].free, before[2].free - amount, "MANA moved, no more");
		assert_eq!(after[3], before[3], "GHOST untouched");
		assert_eq!(balance(TokenKind::Mana, &bob), DEV_TOKEN_BALANCE + amount);
	});
}

#[test]
fn the_author_of_a_block_built_by_executive_earns_the_mana_reward() {
	let mut ext = sp_io::TestExternalities::new(preset_storage("development").unwrap());
	ext.execute_with(|| {
		let alice = account(Alice);
		let before = balance(TokenKind::Mana, &alice);
		// Slot 1 of a single-validator chain is Alice's.
		let slot = Slot::from(1);
		let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
		let header =
			Header::new(1, Default::default(), Default::default(), System::block_hash(0), digest);
		Executive::initialize_block(&header);
		let timestamp = RuntimeCall::Timestamp(pallet_timestamp::Call::set {
			now: u64::from(slot) * SLOT_DURATION,
		});
		let inherent: UncheckedExtrinsic = generic::UncheckedExtrinsic::new_bare(timestamp).into();
		assert_eq!(Executive::apply_extrinsic(inherent), Ok(Ok(())));
		Executive::finalize_block();

		assert_eq!(balance(TokenKind::Mana, &alice), before + MANA_REWARD_PER_BLOCK);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Tokens(pallet_ghost_tokens::Event::AuthorRewarded {
				author: alice.clone(),
				amount: MANA_REWARD_PER_BLOCK,
			})));
	});
}
