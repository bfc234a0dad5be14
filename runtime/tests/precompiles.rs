//! The precompiles on the real runtime, called as Ethereum tools and Solidity contracts call
//! them: SPIRIT, MANA and GHOST as ERC-20 tokens, CNS and GID.

mod common;

use common::{account, apply, create_did, development_ext, register_name, signed, update_did};
use frame_support::{
	traits::{LockableCurrency, WithdrawReasons},
	weights::Weight,
};
use ghostchain_primitives::{
	chain::SS58_PREFIX,
	cns::GCC_COIN_TYPE,
	currency::MICRO_GCC,
	tokens::{TokenKind, UNIT},
};
use ghostchain_runtime::{
	configs::tokens::token_balances,
	precompiles::{
		address, CnsPrecompile, Erc20, Erc20Token, Ghost, GidPrecompile, ICns, IGid, Mana, Spirit,
		IERC20,
	},
	AccountId, Revive, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, SpiritBalances, System,
	Tokens,
};
use pallet_ghost_tokens::MultiToken;
use pallet_revive::{
	precompiles::{
		alloy::{
			primitives::{Address, B256, U256},
			sol_types::{Revert, SolCall, SolError, SolEvent},
		},
		Precompile, H160,
	},
	AddressMapper, ExecConfig, StorageDeposit, TransactionLimits,
};
use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie};

type Mapper = <Runtime as pallet_revive::Config>::AddressMapper;

/// Far more than any call here needs.
const WEIGHT_LIMIT: Weight = Weight::from_parts(100_000_000_000, 2 * 1024 * 1024);
const DEPOSIT_LIMIT: u128 = 10 * UNIT;

const ERC20S: [(TokenKind, u16); 3] = [
	(TokenKind::Spirit, Spirit::PRECOMPILE),
	(TokenKind::Mana, Mana::PRECOMPILE),
	(TokenKind::Ghost, Ghost::PRECOMPILE),
];
const CNS: u16 = 0x2000;
const GID: u16 = 0x2001;

fn evm_address(who: Sr25519Keyring) -> Address {
	Address::from(Mapper::to_address(&account(who)).0)
}

/// An Ethereum account that holds nothing yet, and the Substrate account it maps to.
fn newcomer() -> (Address, AccountId) {
	let address = H160([0x42; 20]);
	(Address::from(address.0), Mapper::to_account_id(&address))
}

/// What calling precompile `n` with `call` as `who` gives, the way `eth_call` or a contract
/// sees it: the decoded return value, or the revert reason. State changes persist.
fn call_as<C: SolCall>(who: Sr25519Keyring, n: u16, call: C) -> Result<C::Return, String> {
	call_with_value(who, n, call.abi_encode(), 0).map(|output| {
		C::abi_decode_returns(&output).expect("the precompile returns what its interface says")
	})
}

fn call_with_value(
	who: Sr25519Keyring,
	n: u16,
	data: Vec<u8>,
	value: u128,
) -> Result<Vec<u8>, String> {
	let outcome = bare_call(who, n, data, value);
	let output = outcome.result.map_err(|error| format!("{error:?}"))?;
	if output.did_revert() {
		return Err(Revert::abi_decode(&output.data)
			.map(|revert| revert.reason)
			.unwrap_or_else(|_| format!("reverted without a reason: {:?}", output.data)));
	}
	Ok(output.data)
}

fn bare_call(
	who: Sr25519Keyring,
	n: u16,
	data: Vec<u8>,
	value: u128,
) -> pallet_revive::ContractResult<pallet_revive::ExecReturnValue, u128> {
	Revive::bare_call(
		RuntimeOrigin::signed(account(who)),
		address(n),
		sp_core::U256::from(value),
		TransactionLimits::WeightAndDeposit {
			weight_limit: WEIGHT_LIMIT,
			deposit_limit: DEPOSIT_LIMIT,
		},
		data,
		&ExecConfig::new_substrate_tx(),
	)
}

/// Sends `call` to precompile `n` in a signed `revive.call` extrinsic, as Polkadot.js would.
fn send<C: SolCall>(who: Sr25519Keyring, n: u16, call: C) {
	let call = RuntimeCall::Revive(pallet_revive::Call::call {
		dest: address(n),
		value: 0,
		weight_limit: WEIGHT_LIMIT,
		storage_deposit_limit: DEPOSIT_LIMIT,
		data: call.abi_encode(),
	});
	apply(signed(who, call).0).unwrap().unwrap();
}

/// The logs that precompile `n` emitted in this block, decoded as `E`.
fn logs<E: SolEvent>(n: u16) -> Vec<E> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Revive(pallet_revive::Event::ContractEmitted {
				contract,
				topics,
				data,
			}) if contract == address(n) => {
				let topics = topics.iter().map(|topic| B256::from(topic.0));
				E::decode_raw_log(topics, &data).ok()
			},
			_ => None,
		})
		.collect()
}

fn amount(value: u128) -> U256 {
	U256::from(value)
}

#[test]
fn the_precompiles_are_at_their_documented_addresses() {
	/// Where pallet-revive routes calls to `P`, and where `address` says `P` is.
	fn at<P: Precompile>(n: u16) -> String {
		let routed = format!("{:?}", H160(P::MATCHER.base_address()));
		assert_eq!(format!("{:?}", address(n)), routed, "precompile {n:#x}");
		routed
	}
	assert_eq!(
		at::<Erc20<Spirit>>(Spirit::PRECOMPILE),
		"0x0000000000000000000000000000000010010000"
	);
	assert_eq!(at::<Erc20<Mana>>(Mana::PRECOMPILE), "0x0000000000000000000000000000000010020000");
	assert_eq!(at::<Erc20<Ghost>>(Ghost::PRECOMPILE), "0x0000000000000000000000000000000010030000");
	assert_eq!(at::<CnsPrecompile>(CNS), "0x0000000000000000000000000000000020000000");
	assert_eq!(at::<GidPrecompile>(GID), "0x0000000000000000000000000000000020010000");
}

#[test]
fn each_erc20_shows_what_the_ledgers_hold() {
	development_ext().execute_with(|| {
		for (token, n) in ERC20S {
			assert_eq!(call_as(Bob, n, IERC20::nameCall {}), Ok(token.name().into()));
			assert_eq!(call_as(Bob, n, IERC20::symbolCall {}), Ok(token.symbol().into()));
			assert_eq!(call_as(Bob, n, IERC20::decimalsCall {}), Ok(18));
			assert_eq!(
				call_as(Bob, n, IERC20::totalSupplyCall {}),
				Ok(amount(<Tokens as MultiToken<AccountId>>::total_issuance(token)))
			);
			let free = token_balances(&account(Alice))
				.into_iter()
				.find(|balance| balance.token == token)
				.map(|balance| balance.free);
			assert!(free.unwrap() > 0, "{token:?}");
			assert_eq!(
				call_as(Bob, n, IERC20::balanceOfCall { account: evm_address(Alice) }),
				Ok(amount(free.unwrap()))
			);
		}
	});
}

#[test]
fn an_erc20_transfer_ends_where_tokens_transfer_ends() {
	let (to, recipient) = development_ext().execute_with(newcomer);
	let value = 7 * UNIT;
	for (token, n) in ERC20S {
		let by_erc20 = development_ext().execute_with(|| {
			send(Alice, n, IERC20::transferCall { to, value: amount(value) });
			let logs = logs::<IERC20::Transfer>(n);
			assert_eq!(logs.len(), 1);
			assert_eq!(
				(logs[0].from, logs[0].to, logs[0].value),
				(evm_address(Alice), to, amount(value))
			);
			System::assert_has_event(
				pallet_ghost_tokens::Event::Transferred {
					token,
					from: account(Alice),
					to: recipient.clone(),
					amount: value,
				}
				.into(),
			);
			(token_balances(&account(Alice)), token_balances(&recipient))
		});
		let by_tokens = development_ext().execute_with(|| {
			let transfer = RuntimeCall::Tokens(pallet_ghost_tokens::Call::transfer {
				token,
				dest: recipient.clone(),
				amount: value,
			});
			apply(signed(Alice, transfer).0).unwrap().unwrap();
			(token_balances(&account(Alice)), token_balances(&recipient))
		});
		// GCC differs by the fees, which the two extrinsics pay differently.
		let tokens_only = |(sender, recipient): (Vec<_>, Vec<_>)| {
			let others = |balances: Vec<ghostchain_primitives::tokens::TokenBalance>| {
				balances.into_iter().filter(|b| b.token != TokenKind::Gcc).collect::<Vec<_>>()
			};
			(others(sender), others(recipient))
		};
		assert_eq!(tokens_only(by_erc20), tokens_only(by_tokens), "{token:?}");
	}
}

#[test]
fn approve_and_transfer_from_spend_an_allowance_kept_for_a_deposit() {
	development_ext().execute_with(|| {
		let n = Mana::PRECOMPILE;
		let allowance =
			|owner, spender| call_as(Bob, n, IERC20::allowanceCall { owner, spender }).unwrap();
		let approve = |value: u128| {
			bare_call(
				Alice,
				n,
				IERC20::approveCall { spender: evm_address(Bob), value: amount(value) }
					.abi_encode(),
				0,
			)
		};

		let outcome = approve(100 * UNIT);
		assert!(!outcome.result.unwrap().did_revert());
		let StorageDeposit::Charge(deposit) = outcome.storage_deposit else {
			panic!("a new allowance is charged a deposit, not {:?}", outcome.storage_deposit)
		};
		// A contract storage slot (a hundredth of an item) and its 64 bytes: key and value.
		assert_eq!(deposit, 740 * MICRO_GCC, "docs/metamask.md quotes 0.00074 GCC");
		assert_eq!(allowance(evm_address(Alice), evm_address(Bob)), amount(100 * UNIT));
		let approval = logs::<IERC20::Approval>(n);
		assert_eq!(
			(approval[0].owner, approval[0].spender, approval[0].value),
			(evm_address(Alice), evm_address(Bob), amount(100 * UNIT))
		);

		let charlie_before = Tokens::free_balance(TokenKind::Mana, &account(Charlie));
		let spend = |value: u128| {
			call_as(
				Bob,
				n,
				IERC20::transferFromCall {
					from: evm_address(Alice),
					to: evm_address(Charlie),
					value: amount(value),
				},
			)
		};
		assert_eq!(spend(60 * UNIT), Ok(true));
		assert_eq!(allowance(evm_address(Alice), evm_address(Bob)), amount(40 * UNIT));
		assert_eq!(
			Tokens::free_balance(TokenKind::Mana, &account(Charlie)),
			charlie_before + 60 * UNIT
		);

		// Above the allowance: refused, and nothing moves.
		assert_eq!(spend(40 * UNIT + 1), Err("ERC20: insufficient allowance".into()));
		assert_eq!(allowance(evm_address(Alice), evm_address(Bob)), amount(40 * UNIT));
		assert_eq!(
			Tokens::free_balance(TokenKind::Mana, &account(Charlie)),
			charlie_before + 60 * UNIT
		);
		// Only the owner's own allowance counts: Charlie was allowed nothing.
		assert_eq!(
			call_as(
				Charlie,
				n,
				IERC20::transferFromCall {
					from: evm_address(Alice),
					to: evm_address(Charlie),
					value: amount(1),
				}
			),
			Err("ERC20: insufficient allowance".into())
		);

		// An unlimited allowance is never spent down.
		let unlimited = bare_call(
			Alice,
			n,
			IERC20::approveCall { spender: evm_address(Bob), value: U256::MAX }.abi_encode(),
			0,
		);
		assert!(!unlimited.result.unwrap().did_revert());
		assert_eq!(spend(UNIT), Ok(true));
		assert_eq!(allowance(evm_address(Alice), evm_address(Bob)), U256::MAX);

		// Setting the allowance back to zero clears the slot and returns its deposit.
		let cleared = approve(0);
		assert!(!cleared.result.unwrap().did_revert());
		assert_eq!(cleared.storage_deposit, StorageDeposit::Refund(deposit));
		assert_eq!(allowance(evm_address(Alice), evm_address(Bob)), U256::ZERO);
	});
}

#[test]
fn refused_transfers_revert_with_a_reason_and_change_nothing() {
	development_ext().execute_with(|| {
		let (to, recipient) = newcomer();
		let balance = |token| Tokens::free_balance(token, &account(Alice));
		let transfer = |n, value: U256| call_as(Alice, n, IERC20::transferCall { to, value });

		for (token, n) in ERC20S {
			let before = (balance(token), Tokens::free_balance(token, &recipient));
			assert_eq!(
				transfer(n, amount(balance(token) + 1)),
				Err("ERC20: transfer amount exceeds balance".into()),
				"{token:?}"
			);
			assert_eq!(
				transfer(n, U256::MAX),
				Err("ERC20: transfer amount exceeds balance".into()),
				"{token:?}"
			);
			assert_eq!(
				transfer(n, amount(1)),
				Err("ERC20: amount below the existential deposit".into()),
				"{token:?}"
			);
			assert_eq!((balance(token), Tokens::free_balance(token, &recipient)), before);
		}

		// SPIRIT locked (as a conviction vote locks it) cannot be sent; the rest can.
		let free = balance(TokenKind::Spirit);
		SpiritBalances::set_lock(*b"testlock", &account(Alice), free / 2, WithdrawReasons::all());
		let n = Spirit::PRECOMPILE;
		assert_eq!(
			transfer(n, amount(free / 2 + 1)),
			Err("ERC20: transfer amount exceeds balance".into())
		);
		assert_eq!(balance(TokenKind::Spirit), free);
		assert_eq!(transfer(n, amount(free / 2)), Ok(true));

		// Value sent along is refused: it would be stuck at the precompile's address.
		let with_value = IERC20::transferCall { to, value: amount(UNIT) }.abi_encode();
		assert_eq!(
			call_with_value(Alice, Mana::PRECOMPILE, with_value, UNIT),
			Err("precompile functions are not payable".into())
		);
	});
}

#[test]
fn zero_and_self_transfers_succeed_and_log_as_erc20_requires() {
	development_ext().execute_with(|| {
		let n = Ghost::PRECOMPILE;
		let before = token_balances(&account(Alice));
		let to_self = IERC20::transferCall { to: evm_address(Alice), value: amount(UNIT) };
		assert_eq!(call_as(Alice, n, to_self), Ok(true));
		let (to, _) = newcomer();
		assert_eq!(call_as(Alice, n, IERC20::transferCall { to, value: U256::ZERO }), Ok(true));
		assert_eq!(token_balances(&account(Alice)), before);
		assert_eq!(logs::<IERC20::Transfer>(n).len(), 2);
		// Even to oneself, no more than one holds.
		let too_much = Tokens::free_balance(TokenKind::Ghost, &account(Alice)) + 1;
		assert_eq!(
			call_as(
				Alice,
				n,
				IERC20::transferCall { to: evm_address(Alice), value: amount(too_much) }
			),
			Err("ERC20: transfer amount exceeds balance".into())
		);
	});
}

#[test]
fn no_precompile_function_mints_ghost() {
	development_ext().execute_with(|| {
		let supply = <Tokens as MultiToken<AccountId>>::total_issuance(TokenKind::Ghost);
		// `mint(address,uint256)`, `issue(address,uint256)`: not in the interface.
		for signature in ["mint(address,uint256)", "issue(address,uint256)"] {
			let mut data = pallet_revive::keccak_256(signature.as_bytes())[..4].to_vec();
			data.extend_from_slice(&[0u8; 12]);
			data.extend_from_slice(&evm_address(Alice).0 .0);
			data.extend_from_slice(&amount(UNIT).to_be_bytes::<32>());
			let outcome = bare_call(Alice, Ghost::PRECOMPILE, data, 0);
			assert!(outcome.result.map_or(true, |output| output.did_revert()), "{signature}");
		}
		assert_eq!(<Tokens as MultiToken<AccountId>>::total_issuance(TokenKind::Ghost), supply);
	});
}

#[test]
fn cns_resolves_names_to_addresses_owners_and_records() {
	development_ext().execute_with(|| {
		register_name(Alice, "alice.ghost");
		let name: pallet_cns::Name = b"alice.ghost".to_vec().try_into().unwrap();
		let resolve = |name: &str| call_as(Bob, CNS, ICns::resolveCall { name: name.into() });
		assert_eq!(resolve("alice.ghost"), Err("CNS: no such record".into()));

		let payee = [0x11u8; 20];
		let records = [
			RuntimeCall::Cns(pallet_cns::Call::set_address {
				name: name.clone(),
				coin_type: GCC_COIN_TYPE,
				address: Some(payee.to_vec().try_into().unwrap()),
			}),
			RuntimeCall::Cns(pallet_cns::Call::set_text {
				name: name.clone(),
				key: b"url".to_vec().try_into().unwrap(),
				value: Some(b"https://alice.example".to_vec().try_into().unwrap()),
			}),
			RuntimeCall::Cns(pallet_cns::Call::set_primary_name { name: Some(name) }),
		];
		for call in records {
			apply(signed(Alice, call).0).unwrap().unwrap();
		}

		assert_eq!(resolve("alice.ghost"), Ok(Address::from(payee)));
		assert_eq!(
			call_as(Bob, CNS, ICns::ownerCall { name: "alice.ghost".into() }),
			Ok(evm_address(Alice))
		);
		assert_eq!(
			call_as(Bob, CNS, ICns::reverseCall { account: evm_address(Alice) }),
			Ok("alice.ghost".into())
		);
		let text = |key: &str| {
			call_as(Bob, CNS, ICns::textCall { name: "alice.ghost".into(), key: key.into() })
		};
		assert_eq!(text("url"), Ok("https://alice.example".into()));
		assert_eq!(text("email"), Err("CNS: no such record".into()));
		assert_eq!(text(&"k".repeat(1000)), Err("CNS: no such record".into()));

		assert_eq!(resolve("Alice.ghost"), Err("CNS: malformed name".into()));
		assert_eq!(resolve(&"a".repeat(300)), Err("CNS: malformed name".into()));
		assert_eq!(resolve("vitalik.eth"), Err("CNS: bridged name".into()));
		assert_eq!(resolve("nobody.ghost"), Err("CNS: unknown name".into()));
		assert_eq!(
			call_as(Bob, CNS, ICns::reverseCall { account: evm_address(Bob) }),
			Err("CNS: no such record".into())
		);
	});
}

#[test]
fn gid_tells_whether_a_did_is_active_and_who_controls_it() {
	development_ext().execute_with(|| {
		let did_of = |who: Sr25519Keyring| {
			let address =
				account(who).to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX));
			format!("did:ghost:{address}")
		};
		let key = create_did(Alice, [1; 32]);
		let is_active = |did: String| call_as(Bob, GID, IGid::isActiveCall { did });
		let controller = |did: String| call_as(Bob, GID, IGid::controllerCall { did });
		assert_eq!(is_active(did_of(Alice)), Ok(true));
		assert_eq!(controller(did_of(Alice)), Ok(evm_address(Alice)));
		assert_eq!(is_active(did_of(Bob)), Ok(false));
		assert_eq!(controller(did_of(Bob)), Err("GID: unknown DID".into()));

		update_did(Alice, account(Alice), &key, pallet_gid::DidChange::Deactivate);
		assert_eq!(is_active(did_of(Alice)), Ok(false));
		assert_eq!(controller(did_of(Alice)), Err("GID: DID deactivated".into()));

		let polkadot_address =
			account(Alice).to_ss58check_with_version(Ss58AddressFormat::custom(0));
		for malformed in
			[format!("did:ghost:{polkadot_address}"), "did:ghost:".into(), "x".repeat(300)]
		{
			assert_eq!(is_active(malformed), Err("GID: malformed DID".into()));
		}
	});
}
