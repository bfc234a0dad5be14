use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, Authorize},
	BoundedVec,
};
use ghostchain_primitives::cns::{namehash, BridgeSource, DOT_COIN_TYPE, GCC_COIN_TYPE};
use sp_core::H256;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	DispatchError, RuntimeAppPublic,
};

use crate::{mock::*, *};

type OracleSignature = <crate::crypto::Public as RuntimeAppPublic>::Signature;

fn hash(bridged: &str) -> H256 {
	H256(namehash(bridged.as_bytes()))
}

fn held(who: AccountId) -> u64 {
	Balances::balance_on_hold(&HoldReason::Request.into(), &who)
}

fn attest_call(
	attestation: Attestation<Test>,
	oracle: crypto::Public,
	signature: OracleSignature,
) -> RuntimeCall {
	RuntimeCall::CnsBridge(Call::attest { attestation, oracle, signature })
}

/// Submits oracle `index`'s attestation as the transaction pool and then a block would:
/// authorized first, then dispatched with the `Authorized` origin.
fn attest(index: u8, request: RequestId, bridged: &str, block: u64, lookup: Lookup<Test>) {
	let (attestation, oracle, signature) = attestation(index, request, bridged, block, lookup);
	let call = attest_call(attestation.clone(), oracle.clone(), signature.clone());
	assert_ok!(call.authorize(TransactionSource::External).expect("attest is authorized"));
	assert_ok!(CnsBridge::attest(
		frame_system::RawOrigin::Authorized.into(),
		attestation,
		oracle,
		signature
	));
}

fn authorize(call: RuntimeCall) -> Result<(), TransactionValidityError> {
	call.authorize(TransactionSource::External).expect("attest is authorized").map(|_| ())
}

#[test]
fn a_request_holds_the_deposit_and_waits_for_the_oracles() {
	new_test_ext().execute_with(|| {
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));
		System::assert_last_event(
			Event::Requested { name: name("vitalik.eth"), request: 0, requester: ALICE }.into(),
		);
		assert_eq!(held(ALICE), DEPOSIT);
		let request = Requests::<Test>::get(hash("vitalik.eth")).unwrap();
		assert_eq!(request.source, BridgeSource::Ens);
		assert_eq!(request.expires_at, 1 + REQUEST_TTL);

		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(BOB), b"brad.crypto".to_vec()));
		assert_eq!(Requests::<Test>::get(hash("brad.crypto")).unwrap().source, BridgeSource::Uns);
		assert_eq!(Requests::<Test>::get(hash("brad.crypto")).unwrap().id, 1);
	});
}

#[test]
fn bad_names_are_refused_with_their_error() {
	new_test_ext().execute_with(|| {
		let request = |name: &str| CnsBridge::request(RuntimeOrigin::signed(ALICE), name.into());
		for (bad, error) in [
			("", Error::<Test>::MalformedName),
			("Vitalik.eth", Error::<Test>::MalformedName),
			("vi_talik.eth", Error::<Test>::MalformedName),
			("-a.eth", Error::<Test>::MalformedName),
			("eth", Error::<Test>::MalformedName),
			("vitalík.eth", Error::<Test>::NonAscii),
			("alice.ghost", Error::<Test>::NotBridged),
			("alice.com", Error::<Test>::NotBridged),
		] {
			assert_noop!(request(bad), error);
		}
	});
}

#[test]
fn requests_are_refused_while_waiting_fresh_full_or_unpaid() {
	new_test_ext().execute_with(|| {
		let request = |who, name: &str| CnsBridge::request(RuntimeOrigin::signed(who), name.into());
		assert_ok!(request(ALICE, "a.eth"));
		assert_noop!(request(BOB, "a.eth"), Error::<Test>::AlreadyRequested);
		assert_noop!(
			request(PAUPER, "b.eth"),
			DispatchError::Token(sp_runtime::TokenError::FundsUnavailable)
		);
		assert_ok!(request(ALICE, "b.eth"));
		assert_ok!(request(ALICE, "c.eth"));
		assert_noop!(request(ALICE, "d.eth"), Error::<Test>::TooManyRequests);

		attest(1, 0, "a.eth", 100, Lookup::NotFound);
		attest(2, 0, "a.eth", 100, Lookup::NotFound);
		assert_noop!(request(BOB, "a.eth"), Error::<Test>::RecordFresh);
	});
}

#[test]
fn requests_are_refused_without_oracles_or_parameters() {
	new_test_ext().execute_with(|| {
		assert_ok!(CnsBridge::set_oracles(RuntimeOrigin::root(), vec![]));
		assert_noop!(
			CnsBridge::request(RuntimeOrigin::signed(ALICE), b"a.eth".to_vec()),
			Error::<Test>::BridgeOffline
		);
		Parameters::<Test>::kill();
		assert_ok!(CnsBridge::set_oracles(RuntimeOrigin::root(), vec![oracle(1)]));
		assert_noop!(
			CnsBridge::request(RuntimeOrigin::signed(ALICE), b"a.eth".to_vec()),
			Error::<Test>::BridgeOffline
		);
	});
}

#[test]
fn a_quorum_of_identical_answers_stores_the_record_and_pays_the_fee() {
	new_test_ext().execute_with(|| {
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));
		attest(1, 0, "vitalik.eth", 105, records(0xd8));
		assert!(CnsBridge::record(b"vitalik.eth").is_none(), "one of two is no quorum");
		assert_eq!(Attestations::<Test>::get(hash("vitalik.eth")).len(), 1);

		run_to_block(3);
		attest(2, 0, "vitalik.eth", 101, records(0xd8));
		System::assert_last_event(
			Event::RecordStored {
				name: name("vitalik.eth"),
				found: true,
				eth_block: eth_block(101),
				expires_at: 3 + RECORD_TTL,
			}
			.into(),
		);
		let record = CnsBridge::record(b"vitalik.eth").unwrap();
		assert_eq!(record.lookup, records(0xd8));
		assert_eq!(record.source, BridgeSource::Ens);
		assert_eq!(record.eth_block, eth_block(101), "the earlier of the agreeing blocks");
		assert!(!Requests::<Test>::contains_key(hash("vitalik.eth")));
		assert!(!Attestations::<Test>::contains_key(hash("vitalik.eth")));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), 1_000 - DEPOSIT);
		assert_eq!(Balances::free_balance(TREASURY), DEPOSIT);

		// The third oracle is too late: the request is answered.
		let (attestation, oracle, signature) = attestation(3, 0, "vitalik.eth", 101, records(0xd8));
		assert_eq!(
			authorize(attest_call(attestation, oracle, signature)),
			Err(InvalidTransaction::Stale.into())
		);
	});
}

#[test]
fn not_found_is_an_answer_too() {
	new_test_ext().execute_with(|| {
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"nobody.crypto".to_vec()));
		attest(3, 0, "nobody.crypto", 7, Lookup::NotFound);
		attest(1, 0, "nobody.crypto", 7, Lookup::NotFound);
		let record = CnsBridge::record(b"nobody.crypto").unwrap();
		assert_eq!(record.lookup, Lookup::NotFound);
		assert_eq!(record.source, BridgeSource::Uns);
	});
}

#[test]
fn disagreeing_answers_store_nothing_and_say_so() {
	new_test_ext().execute_with(|| {
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));
		attest(1, 0, "vitalik.eth", 100, records(0xd8));
		attest(2, 0, "vitalik.eth", 100, records(0x66));
		System::assert_last_event(
			Event::Disagreement {
				name: name("vitalik.eth"),
				request: 0,
				oracle: oracle(2),
				answers: 2,
			}
			.into(),
		);
		assert!(CnsBridge::record(b"vitalik.eth").is_none());

		// The third sides with the first: that is a quorum.
		attest(3, 0, "vitalik.eth", 100, records(0xd8));
		assert_eq!(CnsBridge::record(b"vitalik.eth").unwrap().lookup, records(0xd8));
	});
}

#[test]
fn an_unanswered_request_expires_with_a_refund() {
	new_test_ext().execute_with(|| {
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));
		attest(1, 0, "vitalik.eth", 100, records(0xd8));
		run_to_block(REQUEST_TTL);
		assert!(Requests::<Test>::contains_key(hash("vitalik.eth")));
		run_to_block(1 + REQUEST_TTL);
		System::assert_last_event(
			Event::RequestExpired { name: name("vitalik.eth"), request: 0, refunded: DEPOSIT }
				.into(),
		);
		assert!(!Requests::<Test>::contains_key(hash("vitalik.eth")));
		assert!(!Attestations::<Test>::contains_key(hash("vitalik.eth")));
		assert_eq!(Balances::free_balance(ALICE), 1_000);

		// A new request gets a new id: the old attestation cannot be replayed for it.
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));
		let (old, oracle, signature) = attestation(2, 0, "vitalik.eth", 100, records(0xd8));
		assert_eq!(
			authorize(attest_call(old, oracle, signature)),
			Err(InvalidTransaction::Stale.into())
		);
	});
}

#[test]
fn a_record_resolves_until_its_ttl_and_can_then_be_requested_again() {
	new_test_ext().execute_with(|| {
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));
		attest(1, 0, "vitalik.eth", 100, records(0xd8));
		attest(2, 0, "vitalik.eth", 100, records(0xd8));
		run_to_block(RECORD_TTL);
		assert!(CnsBridge::record(b"vitalik.eth").is_some());
		run_to_block(1 + RECORD_TTL);
		System::assert_last_event(Event::RecordExpired { name: name("vitalik.eth") }.into());
		assert!(CnsBridge::record(b"vitalik.eth").is_none());
		assert!(!Records::<Test>::contains_key(hash("vitalik.eth")));

		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(BOB), b"vitalik.eth".to_vec()));
		attest(1, 1, "vitalik.eth", 200, records(0x11));
		attest(3, 1, "vitalik.eth", 200, records(0x11));
		assert_eq!(CnsBridge::record(b"vitalik.eth").unwrap().lookup, records(0x11));
	});
}

#[test]
fn only_oracles_attest_once_each_with_a_valid_signature() {
	new_test_ext().execute_with(|| {
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));

		let (attestation, _, _) = attestation(1, 0, "vitalik.eth", 100, records(0xd8));
		let stranger = oracle(9);
		let signature = stranger.sign(&(ATTESTATION_CONTEXT, &attestation).encode()).unwrap();
		assert_eq!(
			authorize(attest_call(attestation.clone(), stranger.clone(), signature.clone())),
			Err(InvalidTransaction::BadSigner.into())
		);
		assert_noop!(
			CnsBridge::attest(
				RuntimeOrigin::signed(ALICE),
				attestation.clone(),
				stranger,
				signature
			),
			DispatchError::BadOrigin
		);

		// Signed by oracle 2, claimed for oracle 1.
		let (_, _, by_two) = crate::mock::attestation(2, 0, "vitalik.eth", 100, records(0xd8));
		assert_eq!(
			authorize(attest_call(attestation.clone(), oracle(1), by_two)),
			Err(InvalidTransaction::BadProof.into())
		);

		attest(1, 0, "vitalik.eth", 100, records(0xd8));
		let (again, oracle, signature) =
			crate::mock::attestation(1, 0, "vitalik.eth", 100, records(0xd8));
		assert_eq!(
			authorize(attest_call(again.clone(), oracle.clone(), signature.clone())),
			Err(InvalidTransaction::Stale.into())
		);
		assert_noop!(
			CnsBridge::attest(frame_system::RawOrigin::Authorized.into(), again, oracle, signature),
			Error::<Test>::AlreadyAttested
		);
	});
}

#[test]
fn records_out_of_canonical_order_are_refused() {
	new_test_ext().execute_with(|| {
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));
		let Lookup::Found(mut unsorted) = records(0xd8) else { unreachable!() };
		unsorted.addresses.try_insert(0, (354, vec![1; 32].try_into().unwrap())).unwrap();
		let (attestation, oracle, signature) =
			attestation(1, 0, "vitalik.eth", 100, Lookup::Found(unsorted));
		assert_eq!(
			authorize(attest_call(attestation, oracle, signature)),
			Err(InvalidTransaction::Custom(NON_CANONICAL_RECORDS).into())
		);
	});
}

#[test]
fn removed_oracles_no_longer_count() {
	new_test_ext().execute_with(|| {
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));
		attest(1, 0, "vitalik.eth", 100, records(0xd8));
		assert_ok!(CnsBridge::set_oracles(
			RuntimeOrigin::root(),
			vec![oracle(2), oracle(3), oracle(4)]
		));
		System::assert_last_event(Event::OraclesSet { oracles: oracles_sorted(&[2, 3, 4]) }.into());
		attest(2, 0, "vitalik.eth", 100, records(0xd8));
		assert!(CnsBridge::record(b"vitalik.eth").is_none(), "oracle 1's answer is gone");
		attest(4, 0, "vitalik.eth", 100, records(0xd8));
		assert!(CnsBridge::record(b"vitalik.eth").is_some());
	});
}

#[test]
fn the_admin_origin_sets_oracles_and_parameters_within_bounds() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			CnsBridge::set_oracles(RuntimeOrigin::signed(ALICE), vec![oracle(1)]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CnsBridge::set_parameters(RuntimeOrigin::signed(ALICE), parameters()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CnsBridge::set_oracles(RuntimeOrigin::root(), vec![oracle(1), oracle(1), oracle(2)]),
			Error::<Test>::DuplicateOracle
		);
		// Quorum two of four is no majority.
		assert_noop!(
			CnsBridge::set_oracles(RuntimeOrigin::root(), (1..=4).map(oracle).collect()),
			Error::<Test>::InvalidQuorum
		);
		assert_noop!(
			CnsBridge::set_oracles(RuntimeOrigin::root(), (1..=5).map(oracle).collect()),
			Error::<Test>::TooManyOracles
		);
		for bad in [
			BridgeParameters { quorum: 0, ..parameters() },
			BridgeParameters { quorum: 1, ..parameters() },
		] {
			assert_noop!(
				CnsBridge::set_parameters(RuntimeOrigin::root(), bad),
				Error::<Test>::InvalidQuorum
			);
		}
		for bad in [
			BridgeParameters { record_ttl: 0, ..parameters() },
			BridgeParameters { request_ttl: 0, ..parameters() },
		] {
			assert_noop!(
				CnsBridge::set_parameters(RuntimeOrigin::root(), bad),
				Error::<Test>::InvalidTtl
			);
		}

		let three_of_four = BridgeParameters { quorum: 3, ..parameters() };
		assert_ok!(CnsBridge::set_parameters(RuntimeOrigin::root(), three_of_four.clone()));
		System::assert_last_event(
			Event::ParametersSet { parameters: three_of_four.clone() }.into(),
		);
		assert_ok!(CnsBridge::set_oracles(RuntimeOrigin::root(), (1..=4).map(oracle).collect()));
		assert_eq!(Parameters::<Test>::get(), Some(three_of_four));
		assert_eq!(Oracles::<Test>::get().into_inner(), oracles_sorted(&[1, 2, 3, 4]));
	});
}

#[test]
fn the_oracle_set_grows_and_shrinks_with_a_majority_at_every_step() {
	new_test_ext().execute_with(|| {
		let quorum = |quorum| BridgeParameters { quorum, ..parameters() };
		// Two of three down to one of one: the set first, then the quorum. In between, the
		// quorum is more than all the oracles, and the bridge takes no requests.
		assert_ok!(CnsBridge::set_oracles(RuntimeOrigin::root(), vec![oracle(1)]));
		assert_noop!(
			CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()),
			Error::<Test>::BridgeOffline
		);
		assert_ok!(CnsBridge::set_parameters(RuntimeOrigin::root(), quorum(1)));
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));

		// And back up to three of four: the quorum first.
		assert_noop!(
			CnsBridge::set_oracles(RuntimeOrigin::root(), (1..=4).map(oracle).collect()),
			Error::<Test>::InvalidQuorum
		);
		assert_ok!(CnsBridge::set_parameters(RuntimeOrigin::root(), quorum(3)));
		assert_ok!(CnsBridge::set_oracles(RuntimeOrigin::root(), (1..=4).map(oracle).collect()));
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"brad.crypto".to_vec()));
	});
}

#[test]
fn expiries_move_on_when_their_block_is_full() {
	new_test_ext().execute_with(|| {
		let at = 1 + REQUEST_TTL;
		let full: Vec<H256> = (0..MAX_REQUESTS).map(|i| H256::repeat_byte(i as u8)).collect();
		RequestExpiries::<Test>::insert(at, BoundedVec::try_from(full).unwrap());
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"a.eth".to_vec()));
		assert_eq!(Requests::<Test>::get(hash("a.eth")).unwrap().expires_at, at + 1);
		assert!(RequestExpiries::<Test>::get(at + 1).contains(&hash("a.eth")));
		RequestExpiries::<Test>::remove(at);
	});
}

#[test]
fn genesis_and_the_namehash_keys_agree() {
	new_test_ext().execute_with(|| {
		assert_eq!(Oracles::<Test>::get().into_inner(), oracles_sorted(&[1, 2, 3]));
		assert_eq!(Parameters::<Test>::get(), Some(parameters()));
		assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"foo.eth".to_vec()));
		// EIP-137's vector for `foo.eth`.
		assert_eq!(
			Requests::<Test>::iter_keys().collect::<Vec<_>>(),
			[H256(sp_core::hex2array!(
				"de9b09fd7c5f901e23a3f19fecc54828e9c848539801e86591bd9801b019f84f"
			))]
		);
	});
}

mod offchain_worker {
	use alloy_primitives::{Address, Bytes, FixedBytes, U256};
	use alloy_sol_types::{SolCall, SolValue};
	use codec::Decode;
	use frame_support::traits::Hooks;
	use parking_lot::RwLock;
	use sp_core::offchain::{
		testing::{
			OffchainState, PendingRequest, PoolState, TestOffchainExt, TestTransactionPoolExt,
		},
		OffchainDbExt, OffchainWorkerExt, TransactionPoolExt,
	};
	use sp_runtime::offchain::storage::StorageValueRef;
	use std::sync::Arc;

	use super::*;
	use crate::offchain::{self, ETH_RPC_URL_KEY, TEXT_KEYS};

	const URL: &str = "http://127.0.0.1:8545";
	const FINALIZED: u64 = 0x1234;
	const ETH_ADDRESS: [u8; 20] = [0xd8; 20];
	const OWNER: [u8; 20] = [0x0a; 20];
	const RESOLVER: [u8; 20] = [0x4e; 20];

	/// The dev externalities with an offchain worker, a transaction pool, and this node's
	/// keystore holding oracle 1's key.
	fn worker_ext() -> (CheckedExt, Arc<RwLock<OffchainState>>, Arc<RwLock<PoolState>>) {
		let mut ext = genesis_ext();
		let (offchain, state) = TestOffchainExt::new();
		let (pool, pool_state) = TestTransactionPoolExt::new();
		ext.register_extension(OffchainDbExt::new(offchain.clone()));
		ext.register_extension(OffchainWorkerExt::new(offchain));
		ext.register_extension(TransactionPoolExt::new(pool));
		(ext.into(), state, pool_state)
	}

	fn rpc_body(method: &str, params: serde_json::Value) -> Vec<u8> {
		serde_json::to_vec(
			&serde_json::json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }),
		)
		.unwrap()
	}

	fn expect(
		state: &mut OffchainState,
		method: &str,
		params: serde_json::Value,
		response: serde_json::Value,
	) {
		state.expect_request(PendingRequest {
			method: "POST".into(),
			uri: URL.into(),
			headers: vec![("Content-Type".into(), "application/json".into())],
			body: rpc_body(method, params),
			response: Some(serde_json::to_vec(&response).unwrap()),
			sent: true,
			..Default::default()
		});
	}

	fn expect_finalized(state: &mut OffchainState) {
		expect(
			state,
			"eth_getBlockByNumber",
			serde_json::json!(["finalized", false]),
			serde_json::json!({ "jsonrpc": "2.0", "id": 1, "result": { "number": format!("0x{FINALIZED:x}"), "hash": format!("0x{}", "ab".repeat(32)) } }),
		);
	}

	/// An `eth_call` of `call` on `to` that returns `returns` (ABI-encoded), or reverts.
	fn expect_call<C: SolCall>(
		state: &mut OffchainState,
		to: [u8; 20],
		call: C,
		returns: Option<Vec<u8>>,
	) {
		expect_call_data(state, to, call.abi_encode(), returns)
	}

	/// An `eth_call` with calldata `data` on `to` that returns `returns`, or reverts.
	fn expect_call_data(
		state: &mut OffchainState,
		to: [u8; 20],
		data: Vec<u8>,
		returns: Option<Vec<u8>>,
	) {
		let params = serde_json::json!([
			{ "to": format!("0x{}", hex(&to)), "data": format!("0x{}", hex(&data)) },
			format!("0x{FINALIZED:x}"),
		]);
		let response = match returns {
			Some(data) => {
				serde_json::json!({ "jsonrpc": "2.0", "id": 1, "result": format!("0x{}", hex(&data)) })
			},
			None => {
				serde_json::json!({ "jsonrpc": "2.0", "id": 1, "error": { "code": 3, "message": "execution reverted" } })
			},
		};
		expect(state, "eth_call", params, response);
	}

	/// The ENS registry's owner and resolver of `node`.
	fn expect_registry(
		state: &mut OffchainState,
		node: FixedBytes<32>,
		owner: Address,
		resolver: Address,
	) {
		expect_call(state, ENS_REGISTRY.0, offchain::ownerCall { node }, encoded(owner));
		expect_call(state, ENS_REGISTRY.0, offchain::resolverCall { node }, encoded(resolver));
	}

	/// What `RESOLVER` answers for each record of a name; it has no content hash.
	struct ResolverRecords {
		eth: Address,
		/// The address record of each of DOT and GCC (empty: none).
		address_of: fn(u32) -> Vec<u8>,
		/// The ABI-encoded text record of a key of `TEXT_KEYS`, or None to revert.
		text_of: fn(&str) -> Option<Vec<u8>>,
	}

	/// The record calls an oracle makes of `RESOLVER` for `node`, answered from `records`;
	/// with `wrapped_for`, each inside ENSIP-10's `resolve(dns_name, call)`.
	fn expect_records(
		state: &mut OffchainState,
		node: FixedBytes<32>,
		records: ResolverRecords,
		wrapped_for: Option<&[u8]>,
	) {
		let mut expect_record = |call: Vec<u8>, returns: Option<Vec<u8>>| match wrapped_for {
			None => expect_call_data(state, RESOLVER, call, returns),
			Some(name) => {
				let name = Bytes::from(offchain::dns_encode(name));
				let resolve = offchain::resolveCall { name, data: Bytes::from(call) };
				let returns = returns.map(|data| Bytes::from(data).abi_encode());
				expect_call(state, RESOLVER, resolve, returns);
			},
		};
		expect_record(offchain::addr_0Call { node }.abi_encode(), encoded(records.eth));
		for coin_type in [DOT_COIN_TYPE, GCC_COIN_TYPE] {
			let call = offchain::addr_1Call { node, coinType: U256::from(coin_type) };
			let address = Bytes::from((records.address_of)(coin_type));
			expect_record(call.abi_encode(), encoded(address));
		}
		for key in TEXT_KEYS {
			let call = offchain::textCall { node, key: key.into() };
			expect_record(call.abi_encode(), (records.text_of)(key));
		}
		expect_record(offchain::contenthashCall { node }.abi_encode(), None);
	}

	fn hex(bytes: &[u8]) -> String {
		bytes.iter().map(|byte| format!("{byte:02x}")).collect()
	}

	fn encoded<T: alloy_sol_types::SolValue>(value: T) -> Option<Vec<u8>> {
		Some(value.abi_encode())
	}

	/// The attestations the worker put in the pool.
	fn submitted(pool: &RwLock<PoolState>) -> Vec<Attestation<Test>> {
		pool.read()
			.transactions
			.iter()
			.map(|tx| match Extrinsic::decode(&mut &tx[..]).unwrap().function {
				RuntimeCall::CnsBridge(Call::attest { attestation, oracle, signature }) => {
					assert!(
						oracle.verify(&(ATTESTATION_CONTEXT, &attestation).encode(), &signature)
					);
					attestation
				},
				other => panic!("not an attestation: {other:?}"),
			})
			.collect()
	}

	fn configure_endpoint() {
		StorageValueRef::persistent(ETH_RPC_URL_KEY).set(&URL.as_bytes().to_vec());
	}

	#[test]
	fn an_oracle_reads_an_ens_name_and_attests_it() {
		let (mut ext, state, pool) = worker_ext();
		ext.execute_with(|| {
			configure_endpoint();
			assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));
			let node = FixedBytes(namehash(b"vitalik.eth"));
			{
				let mut state = state.write();
				expect_finalized(&mut state);
				let (owner, resolver) = (Address::from(OWNER), Address::from(RESOLVER));
				expect_registry(&mut state, node, owner, resolver);
				let records = ResolverRecords {
					eth: Address::from(ETH_ADDRESS),
					address_of: |coin_type| {
						if coin_type == DOT_COIN_TYPE {
							vec![7; 32]
						} else {
							vec![]
						}
					},
					text_of: |key| {
						encoded(if key == "url" { "https://vitalik.ca" } else { "" }.to_string())
					},
				};
				expect_records(&mut state, node, records, None);
			}
			// Oracle 1 of the genesis set is in this node's keystore (the mock's keystore holds all three).
			CnsBridge::offchain_worker(System::block_number());

			let attestations = submitted(&pool);
			assert_eq!(attestations.len(), 3, "each local oracle key attests once");
			let Lookup::Found(records) = &attestations[0].lookup else { panic!("not found") };
			assert_eq!(records.owner, sp_core::H160(OWNER));
			assert_eq!(
				records.addresses.iter().map(|(coin, a)| (*coin, a.to_vec())).collect::<Vec<_>>(),
				[(60, ETH_ADDRESS.to_vec()), (354, vec![7; 32])]
			);
			assert_eq!(
				records.texts.iter().map(|(k, v)| (k.to_vec(), v.to_vec())).collect::<Vec<_>>(),
				[(b"url".to_vec(), b"https://vitalik.ca".to_vec())]
			);
			assert_eq!(records.content_hash, None);
			assert_eq!(attestations[0].eth_block.number, FINALIZED);
		});
	}

	#[test]
	fn an_oracle_reads_a_uns_name_through_the_proxy_reader() {
		let (mut ext, state, pool) = worker_ext();
		ext.execute_with(|| {
			configure_endpoint();
			assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"brad.crypto".to_vec()));
			let keys: Vec<String> =
				["crypto.ETH.address"].into_iter().chain(TEXT_KEYS).map(String::from).collect();
			let mut values = vec![format!("0x{}", hex(&ETH_ADDRESS))];
			values.extend(
				TEXT_KEYS.map(|key| if key == "email" { "brad@example.com" } else { "" }.into()),
			);
			let call = offchain::getDataCall {
				keys,
				tokenId: U256::from_be_bytes(namehash(b"brad.crypto")),
			};
			let returns = (Address::from(RESOLVER), Address::from(OWNER), values);
			{
				let mut state = state.write();
				expect_finalized(&mut state);
				expect_call(
					&mut state,
					UNS_PROXY_READER.0,
					call,
					Some(returns.abi_encode_params()),
				);
			}
			CnsBridge::offchain_worker(System::block_number());

			let attestations = submitted(&pool);
			let Lookup::Found(records) = &attestations[0].lookup else { panic!("not found") };
			assert_eq!(records.owner, sp_core::H160(OWNER));
			assert_eq!(
				records.addresses.iter().map(|(coin, a)| (*coin, a.to_vec())).collect::<Vec<_>>(),
				[(60, ETH_ADDRESS.to_vec())]
			);
			assert_eq!(
				records.texts.iter().map(|(k, v)| (k.to_vec(), v.to_vec())).collect::<Vec<_>>(),
				[(b"email".to_vec(), b"brad@example.com".to_vec())]
			);
		});
	}

	#[test]
	fn an_unregistered_ens_name_is_attested_as_not_found() {
		let (mut ext, state, pool) = worker_ext();
		ext.execute_with(|| {
			configure_endpoint();
			assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"nobody.eth".to_vec()));
			let node = FixedBytes(namehash(b"nobody.eth"));
			let parent = FixedBytes(namehash(b"eth"));
			{
				let mut state = state.write();
				expect_finalized(&mut state);
				expect_registry(&mut state, node, Address::ZERO, Address::ZERO);
				// ENSIP-10: `eth` has no resolver either.
				let call = offchain::resolverCall { node: parent };
				expect_call(&mut state, ENS_REGISTRY.0, call, encoded(Address::ZERO));
			}
			CnsBridge::offchain_worker(System::block_number());

			let attestations = submitted(&pool);
			assert_eq!(attestations.len(), 3);
			assert!(attestations.iter().all(|attestation| attestation.lookup == Lookup::NotFound));
		});
	}

	#[test]
	fn a_subname_without_a_resolver_is_read_through_its_parents_extended_resolver() {
		let (mut ext, state, pool) = worker_ext();
		ext.execute_with(|| {
			configure_endpoint();
			assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"pay.wild.eth".to_vec()));
			let node = FixedBytes(namehash(b"pay.wild.eth"));
			let parent = FixedBytes(namehash(b"wild.eth"));
			{
				let mut state = state.write();
				expect_finalized(&mut state);
				expect_registry(&mut state, node, Address::ZERO, Address::ZERO);
				let call = offchain::resolverCall { node: parent };
				expect_call(&mut state, ENS_REGISTRY.0, call, encoded(Address::from(RESOLVER)));
				let interface = offchain::supportsInterfaceCall {
					interfaceID: FixedBytes([0x90, 0x61, 0xb9, 0x23]),
				};
				expect_call(&mut state, RESOLVER, interface, encoded(true));
				let records = ResolverRecords {
					eth: Address::from(ETH_ADDRESS),
					address_of: |_| vec![],
					text_of: |_| None,
				};
				expect_records(&mut state, node, records, Some(b"pay.wild.eth"));
			}
			CnsBridge::offchain_worker(System::block_number());

			let attestations = submitted(&pool);
			let Lookup::Found(records) = &attestations[0].lookup else { panic!("not found") };
			assert_eq!(
				records.addresses.iter().map(|(coin, a)| (*coin, a.to_vec())).collect::<Vec<_>>(),
				[(60, ETH_ADDRESS.to_vec())]
			);
			assert!(records.texts.is_empty());
		});
	}

	#[test]
	fn without_an_endpoint_or_with_a_failing_one_nothing_is_attested() {
		let (mut ext, state, pool) = worker_ext();
		ext.execute_with(|| {
			assert_ok!(CnsBridge::request(RuntimeOrigin::signed(ALICE), b"vitalik.eth".to_vec()));
			// No `--cns-bridge-eth-rpc`: no request is even sent.
			CnsBridge::offchain_worker(System::block_number());
			assert!(pool.read().transactions.is_empty());

			configure_endpoint();
			let failing_finalized_request = || PendingRequest {
				method: "POST".into(),
				uri: URL.into(),
				headers: vec![("Content-Type".into(), "application/json".into())],
				body: rpc_body("eth_getBlockByNumber", serde_json::json!(["finalized", false])),
				response: Some(b"Bad Gateway".to_vec()),
				sent: true,
				..Default::default()
			};
			state.write().expect_request(failing_finalized_request());
			CnsBridge::offchain_worker(System::block_number());
			assert!(pool.read().transactions.is_empty());

			// Tried: the next blocks' workers leave it (an HTTP request would fail the test)
			// until `RESUBMIT_AFTER` blocks have passed.
			run_to_block(1 + u64::from(offchain::RESUBMIT_AFTER) - 1);
			CnsBridge::offchain_worker(System::block_number());
			run_to_block(1 + u64::from(offchain::RESUBMIT_AFTER));
			state.write().expect_request(failing_finalized_request());
			CnsBridge::offchain_worker(System::block_number());
			assert!(pool.read().transactions.is_empty());
		});
	}
}
