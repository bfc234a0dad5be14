//! WASM contracts (`pallet-contracts`) on the real runtime: the WAT contracts of
//! `contracts/wasm`, built here from source, deployed and called as an account would, and
//! GhostChain's chain extension as each contract sees it.

mod common;

use codec::{Decode, Encode};
use common::{account, apply, create_did, development_ext, register_name, signed, update_did};
use frame_support::{
	traits::{
		fungible::{Inspect, InspectHold},
		Get,
	},
	weights::Weight,
};
use ghostchain_primitives::{cns::GCC_COIN_TYPE, currency::GCC, tokens::TokenKind};
use ghostchain_runtime::{
	chain_extension::{ErrorCode, Function},
	AccountId, Balance, Balances, Contracts, Runtime, RuntimeCall, Tokens,
};
use pallet_contracts::{
	Code, CollectEvents, ContractExecResult, DebugInfo, Determinism, ExecReturnValue,
	StorageDeposit,
};
use pallet_ghost_tokens::MultiToken;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};

/// Far more than any call here needs: a tenth of a block.
const GAS_LIMIT: Weight = Weight::from_parts(200_000_000_000, 4 * 1024 * 1024);

/// The WASM of `contracts/wasm/{name}.wat`.
fn contract_code(name: &str) -> Vec<u8> {
	let path = format!("{}/../contracts/wasm/{name}.wat", env!("CARGO_MANIFEST_DIR"));
	wat::parse_file(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// ink!'s selector of `message`.
fn selector(message: &str) -> Vec<u8> {
	sp_io::hashing::blake2_256(message.as_bytes())[..4].to_vec()
}

fn message(name: &str, args: impl Encode) -> Vec<u8> {
	let mut data = selector(name);
	args.encode_to(&mut data);
	data
}

/// Deploys `code` as `who`, endowed with `value`; returns its account and what the
/// instantiation charged as storage deposit.
fn instantiate(
	who: Sr25519Keyring,
	code: Vec<u8>,
	data: Vec<u8>,
	value: Balance,
) -> (AccountId, Balance) {
	let outcome = Contracts::bare_instantiate(
		account(who),
		value,
		GAS_LIMIT,
		None,
		Code::Upload(code),
		data,
		vec![],
		DebugInfo::Skip,
		CollectEvents::Skip,
	);
	let instantiated = outcome.result.expect("the contract instantiates");
	assert!(!instantiated.result.did_revert());
	let StorageDeposit::Charge(deposit) = outcome.storage_deposit else {
		panic!("instantiation charges a deposit, not {:?}", outcome.storage_deposit)
	};
	(instantiated.account_id, deposit)
}

fn call_with(
	who: Sr25519Keyring,
	contract: &AccountId,
	data: Vec<u8>,
	gas_limit: Weight,
) -> ContractExecResult<
	Balance,
	frame_system::EventRecord<ghostchain_runtime::RuntimeEvent, sp_core::H256>,
> {
	Contracts::bare_call(
		account(who),
		contract.clone(),
		0,
		gas_limit,
		None,
		data,
		DebugInfo::Skip,
		CollectEvents::Skip,
		Determinism::Enforced,
	)
}

/// Calls `contract` as `who`, as a `Contracts.call` extrinsic runs it (state changes stay
/// unless the contract reverts).
fn call(who: Sr25519Keyring, contract: &AccountId, data: Vec<u8>) -> ExecReturnValue {
	call_with(who, contract, data, GAS_LIMIT).result.expect("the call executes")
}

/// The error code a message reverted with: its output is ink!'s `Ok(Err(code))`.
fn reverted_with(returned: ExecReturnValue) -> u32 {
	assert!(returned.did_revert(), "the call succeeded: {:?}", returned.data);
	match returned.data[..] {
		[0, 1, code] => code.into(),
		_ => panic!("not an ink! error: {:?}", returned.data),
	}
}

/// The value a fallible message returned: its output is ink!'s `Ok(Ok(value))`.
fn succeeded<T: Decode>(returned: ExecReturnValue) -> T {
	assert!(!returned.did_revert(), "the call reverted: {:?}", returned.data);
	match &returned.data[..] {
		[0, 0, value @ ..] => T::decode(&mut &value[..]).unwrap(),
		_ => panic!("not an ink! result: {:?}", returned.data),
	}
}

fn gcc(who: &AccountId) -> Balance {
	Balances::total_balance(who)
}

fn token(kind: TokenKind, who: &AccountId) -> Balance {
	<Tokens as MultiToken<AccountId>>::balance(kind, who)
}

#[test]
fn a_token_contract_keeps_balances_and_refunds_its_deposit_on_terminate() {
	development_ext().execute_with(|| {
		let free = || Balances::free_balance(account(Alice));
		let alice_before = free();
		let (token, deposit) =
			instantiate(Alice, contract_code("token"), message("new", 1_000u128), 0);
		assert!(deposit > 0);
		assert_eq!(free(), alice_before - deposit, "the deployer pays the deposits, nothing else");
		let balance_of = |who: Sr25519Keyring| -> u128 {
			let returned = call(Charlie, &token, message("balance_of", account(who)));
			// `Ok(balance)`: the message cannot fail.
			<Result<u128, ()>>::decode(&mut &returned.data[..]).unwrap().unwrap()
		};
		assert_eq!(balance_of(Alice), 1_000);

		let () = succeeded(call(Alice, &token, message("transfer", (account(Bob), 300u128))));
		assert_eq!((balance_of(Alice), balance_of(Bob)), (700, 300));

		let too_much = call(Alice, &token, message("transfer", (account(Bob), 701u128)));
		assert_eq!(reverted_with(too_much), 0, "Err(InsufficientBalance)");
		assert_eq!((balance_of(Alice), balance_of(Bob)), (700, 300), "a revert changes nothing");

		assert_eq!(
			reverted_with(call(Bob, &token, message("terminate", ()))),
			1,
			"Err(NotDeployer)"
		);
		let code_hash = Contracts::code_hash(&token).expect("a contract has code");
		let terminated = call(Alice, &token, message("terminate", ()));
		assert!(!terminated.did_revert() && terminated.data.is_empty());
		assert!(Contracts::code_hash(&token).is_none(), "the contract is gone");
		// The code stays, with its deposit, until its uploader removes it.
		let alice = ghostchain_runtime::RuntimeOrigin::signed(account(Alice));
		Contracts::remove_code(alice, code_hash).unwrap();
		assert_eq!(free(), alice_before, "terminate and remove_code refund every deposit");
	});
}

#[test]
fn a_contract_pays_a_names_owner_from_its_own_balance_through_the_chain_extension() {
	development_ext().execute_with(|| {
		register_name(Alice, "alice.ghost");
		let (pay, _) = instantiate(Charlie, contract_code("ghost_pay"), selector("new"), 10 * GCC);
		let to_contract = RuntimeCall::Tokens(pallet_ghost_tokens::Call::transfer {
			token: TokenKind::Mana,
			dest: pay.clone(),
			amount: 5 * GCC,
		});
		apply(signed(Bob, to_contract).0).unwrap().unwrap();

		let resolved = call(Dave, &pay, message("resolve", b"alice.ghost".to_vec()));
		assert_eq!(succeeded::<AccountId>(resolved), account(Alice));

		for (kind, amount) in [(TokenKind::Mana, 2 * GCC), (TokenKind::Gcc, 3 * GCC)] {
			let (alice_before, contract_before, caller_before) =
				(token(kind, &account(Alice)), token(kind, &pay), token(kind, &account(Dave)));
			let paid = call(Dave, &pay, message("pay", (b"alice.ghost".to_vec(), kind, amount)));
			let () = succeeded(paid);
			assert_eq!(token(kind, &account(Alice)), alice_before + amount);
			assert_eq!(token(kind, &pay), contract_before - amount);
			assert_eq!(token(kind, &account(Dave)), caller_before, "the caller pays nothing");
			let balance = call(Dave, &pay, message("balance", kind));
			assert_eq!(succeeded::<u128>(balance), token(kind, &pay));
		}
	});
}

#[test]
fn bad_input_reverts_with_the_extensions_error_and_changes_nothing() {
	development_ext().execute_with(|| {
		register_name(Alice, "alice.ghost");
		let (pay, _) = instantiate(Charlie, contract_code("ghost_pay"), selector("new"), 10 * GCC);
		let pay_gcc = |name: &[u8], amount: Balance| {
			call(Dave, &pay, message("pay", (name.to_vec(), TokenKind::Gcc, amount)))
		};
		let contract_before = gcc(&pay);
		let long_name = [b'a'; 300];
		for (name, amount, error) in [
			(&b"Alice.ghost"[..], GCC, ErrorCode::MalformedName),
			(b"alice..ghost", GCC, ErrorCode::MalformedName),
			(&long_name, GCC, ErrorCode::MalformedName),
			(b"vitalik.eth", GCC, ErrorCode::BridgedName),
			(b"nobody.ghost", GCC, ErrorCode::UnknownName),
			(b"alice.ghost", 10 * GCC + 1, ErrorCode::InsufficientBalance),
			(b"alice.ghost", 0, ErrorCode::TransferRefused),
		] {
			let name = String::from_utf8_lossy(name);
			assert_eq!(reverted_with(pay_gcc(name.as_bytes(), amount)), error as u32, "{name}");
		}
		assert_eq!(gcc(&pay), contract_before);

		let trapped = call_with(Dave, &pay, selector("fail"), GAS_LIMIT).result;
		assert_eq!(trapped, Err(pallet_contracts::Error::<Runtime>::ContractTrapped.into()));
		let starved = call_with(
			Dave,
			&pay,
			message("resolve", b"alice.ghost".to_vec()),
			Weight::from_parts(1_000_000, 1_000),
		)
		.result;
		assert_eq!(starved, Err(pallet_contracts::Error::<Runtime>::OutOfGas.into()));
	});
}

#[test]
fn code_larger_than_the_limit_is_refused_at_upload() {
	development_ext().execute_with(|| {
		let max_code_len: u32 = <Runtime as pallet_contracts::Config>::MaxCodeLen::get();
		let max_code_len = max_code_len as usize;
		// A valid module padded past the limit with a custom section.
		let mut code = contract_code("token");
		let padding = max_code_len + 1 - code.len();
		code.push(0);
		code.extend(leb128(padding as u32 + 1));
		code.push(0); // the section's name: empty
		code.extend(vec![0u8; padding]);
		let uploaded =
			Contracts::bare_upload_code(account(Alice), code, None, Determinism::Enforced);
		assert_eq!(uploaded, Err(pallet_contracts::Error::<Runtime>::CodeTooLarge.into()));
	});
}

fn leb128(mut value: u32) -> Vec<u8> {
	let mut bytes = Vec::new();
	loop {
		let byte = (value & 0x7f) as u8;
		value >>= 7;
		if value == 0 {
			bytes.push(byte);
			return bytes;
		}
		bytes.push(byte | 0x80);
	}
}

/// Calls `function` of the chain extension through `contracts/wasm/extension_proxy.wat`: its
/// output, or the error code it returned.
fn extension(proxy: &AccountId, function: Function, input: impl Encode) -> Result<Vec<u8>, u32> {
	let mut data = function.id().to_le_bytes().to_vec();
	input.encode_to(&mut data);
	let returned = call(Dave, proxy, data);
	if returned.did_revert() {
		Err(reverted_with(returned))
	} else {
		Ok(returned.data[2..].to_vec())
	}
}

#[test]
fn every_function_of_the_chain_extension_answers_as_documented() {
	development_ext().execute_with(|| {
		let (proxy, _) = instantiate(Charlie, contract_code("extension_proxy"), vec![], 10 * GCC);
		let error = |code: ErrorCode| Err(code as u32);

		// CNS
		register_name(Alice, "alice.ghost");
		let name: pallet_cns::Name = b"alice.ghost".to_vec().try_into().unwrap();
		let alice = account(Alice);
		assert_eq!(
			extension(&proxy, Function::CnsOwner, b"alice.ghost".to_vec()),
			Ok(alice.encode())
		);
		assert_eq!(
			extension(&proxy, Function::CnsGccAddress, b"alice.ghost".to_vec()),
			error(ErrorCode::NoRecord)
		);
		let evm_address = [0x11u8; 20];
		let set_address = RuntimeCall::Cns(pallet_cns::Call::set_address {
			name: name.clone(),
			coin_type: GCC_COIN_TYPE,
			address: Some(evm_address.to_vec().try_into().unwrap()),
		});
		apply(signed(Alice, set_address).0).unwrap().unwrap();
		assert_eq!(
			extension(&proxy, Function::CnsGccAddress, b"alice.ghost".to_vec()),
			Ok(evm_address.encode())
		);
		assert_eq!(extension(&proxy, Function::CnsReverse, &alice), error(ErrorCode::NoRecord));
		let set_primary = RuntimeCall::Cns(pallet_cns::Call::set_primary_name { name: Some(name) });
		apply(signed(Alice, set_primary).0).unwrap().unwrap();
		assert_eq!(
			extension(&proxy, Function::CnsReverse, &alice),
			Ok(b"alice.ghost".to_vec().encode())
		);

		// GID
		let bob = account(Bob);
		assert_eq!(extension(&proxy, Function::GidIsActive, &bob), Ok(false.encode()));
		assert_eq!(extension(&proxy, Function::GidController, &bob), error(ErrorCode::UnknownDid));
		let key = create_did(Bob, [7; 32]);
		assert_eq!(extension(&proxy, Function::GidIsActive, &bob), Ok(true.encode()));
		assert_eq!(extension(&proxy, Function::GidController, &bob), Ok(bob.encode()));
		update_did(Bob, bob.clone(), &key, pallet_gid::DidChange::Deactivate);
		assert_eq!(extension(&proxy, Function::GidIsActive, &bob), Ok(false.encode()));
		assert_eq!(
			extension(&proxy, Function::GidController, &bob),
			error(ErrorCode::DidDeactivated)
		);

		// Tokens: the contract's own, never its caller's.
		for kind in TokenKind::ALL {
			assert_eq!(
				extension(&proxy, Function::TokenBalance, (kind, &alice)),
				Ok(token(kind, &alice).encode())
			);
		}
		let (proxy_before, dave_before, eve) =
			(gcc(&proxy), gcc(&account(Dave)), account(Sr25519Keyring::Eve));
		let eve_before = gcc(&eve);
		assert_eq!(
			extension(&proxy, Function::TokenTransfer, (TokenKind::Gcc, &eve, GCC)),
			Ok(vec![])
		);
		assert_eq!((gcc(&proxy), gcc(&eve)), (proxy_before - GCC, eve_before + GCC));
		assert_eq!(gcc(&account(Dave)), dave_before, "the caller pays nothing");
		assert_eq!(
			extension(&proxy, Function::TokenTransfer, (TokenKind::Mana, &eve, GCC)),
			error(ErrorCode::InsufficientBalance),
			"the caller's MANA is not the contract's"
		);
		// The contract keeps its deposit on hold and its account alive.
		let held = Balances::total_balance_on_hold(&proxy);
		let spendable = gcc(&proxy) - held - ghostchain_runtime::EXISTENTIAL_DEPOSIT;
		assert_eq!(
			extension(&proxy, Function::TokenTransfer, (TokenKind::Gcc, &eve, spendable + 1)),
			error(ErrorCode::InsufficientBalance)
		);

		// Input that does not decode as the function's arguments.
		assert_eq!(
			extension(&proxy, Function::TokenBalance, [9u8; 33]),
			error(ErrorCode::MalformedInput),
			"token 9 does not exist"
		);
		assert_eq!(
			extension(&proxy, Function::GidIsActive, [0u8; 40]),
			error(ErrorCode::MalformedInput)
		);
	});
}

#[test]
fn each_extension_call_charges_its_functions_weight_before_reading() {
	development_ext().execute_with(|| {
		let (proxy, _) = instantiate(Charlie, contract_code("extension_proxy"), vec![], GCC);
		// Input too long for either function: each charges its weight and refuses it unread,
		// so the two calls differ in nothing but the weight charged.
		let consumed = |function: Function| {
			let mut data = function.id().to_le_bytes().to_vec();
			data.extend([0u8; 300]);
			let outcome = call_with(Dave, &proxy, data, GAS_LIMIT);
			assert!(outcome.result.unwrap().did_revert());
			outcome.gas_consumed
		};
		let difference = |a: Weight, b: Weight| {
			(
				i128::from(a.ref_time()) - i128::from(b.ref_time()),
				i128::from(a.proof_size()) - i128::from(b.proof_size()),
			)
		};
		let (transfer, lookup) = (Function::TokenTransfer, Function::GidIsActive);
		assert_eq!(
			difference(consumed(transfer), consumed(lookup)),
			difference(transfer.weight(), lookup.weight())
		);
	});
}

#[test]
fn the_weights_docs_contracts_md_lists_are_the_ones_charged() {
	let documented: Vec<(Function, u64, u64)> = vec![
		(Function::CnsOwner, 42_820_000, 1_184),
		(Function::CnsGccAddress, 48_230_000, 4_493),
		(Function::CnsReverse, 53_640_000, 4_812),
		(Function::GidIsActive, 37_410_000, 5_736),
		(Function::GidController, 42_820_000, 5_812),
		(Function::TokenBalance, 37_410_000, 134),
		(Function::TokenTransfer, 414_906_000, 6_208),
	];
	let charged: Vec<(Function, u64, u64)> = Function::ALL
		.into_iter()
		.map(|function| {
			let weight = function.weight();
			(function, weight.ref_time(), weight.proof_size())
		})
		.collect();
	assert_eq!(charged, documented);
}
