//! Benchmarks in the worst case: every record at its bounds, the most oracles and attestations,
//! and expiry queues full.

use alloc::{vec, vec::Vec};
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		Authorize, EnsureOrigin, Get, Hooks,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use ghostchain_primitives::cns::namehash;
use sp_core::{H160, H256};
use sp_runtime::{
	traits::{Bounded, One, Saturating},
	transaction_validity::TransactionSource,
	RuntimeAppPublic,
};

use crate::*;

/// A bounded vector of `len` copies of `byte`.
fn filled<S: Get<u32>>(byte: u8, len: u32) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(vec![byte; len as usize])
}

/// Records at every bound, told apart by `salt`.
fn largest_lookup<T: Config>(salt: u8) -> Lookup<T> {
	let addresses = (0..T::MaxAddresses::get())
		.map(|coin| (coin, filled(salt, T::MaxAddressLength::get())))
		.collect::<Vec<_>>();
	let texts = (0..T::MaxTextRecords::get())
		.map(|i| {
			let mut key: TextKeyOf<T> = filled(b'k', T::MaxTextKeyLength::get());
			if let Some(last) = key.last_mut() {
				*last = i as u8;
			}
			(key, filled(salt, T::MaxTextValueLength::get()))
		})
		.collect::<Vec<_>>();
	Lookup::Found(BridgedRecords {
		owner: H160::repeat_byte(salt),
		addresses: BoundedVec::truncate_from(addresses),
		texts: BoundedVec::truncate_from(texts),
		content_hash: Some(filled(salt, T::MaxContentHashLength::get())),
	})
}

/// The longest bridged name.
fn longest_name() -> Name {
	let label = |c: u8, len: usize| vec![c; len];
	let name = [label(b'a', 62), label(b'b', 62), label(b'c', 62), label(b'd', 60)]
		.join(&b'.')
		.into_iter()
		.chain(b".eth".iter().copied())
		.collect::<Vec<u8>>();
	BoundedVec::truncate_from(name)
}

/// `MaxOracles` oracles with keys in the keystore, all of whom make the quorum.
fn setup_bridge<T: Config>() -> Vec<T::OracleId> {
	let count = T::MaxOracles::get();
	let mut oracles: Vec<T::OracleId> =
		(0..count).map(|_| T::OracleId::generate_pair(None)).collect();
	oracles.sort();
	Oracles::<T>::put(BoundedVec::truncate_from(oracles.clone()));
	Parameters::<T>::put(BridgeParameters {
		quorum: count,
		record_ttl: 100u32.into(),
		request_ttl: 50u32.into(),
		ens_registry: H160::repeat_byte(1),
		uns_proxy_reader: H160::repeat_byte(2),
	});
	oracles
}

fn quorum<T: Config>() -> u32 {
	Parameters::<T>::get().map_or(1, |parameters| parameters.quorum)
}

/// A funded requester.
fn requester<T: Config>(index: u32) -> T::AccountId {
	let who: T::AccountId = account("requester", index, 0);
	let amount = T::RequestDeposit::get().saturating_mul(10u32.into());
	T::Currency::set_balance(&who, amount.saturating_add(T::Currency::minimum_balance()));
	who
}

/// Fills `EXPIRY_SLACK - 1` expiry queues from `from` with `put`, so that an expiry lands on
/// the last block it may.
fn fill_queues<T: Config>(
	from: BlockNumberFor<T>,
	put: impl Fn(BlockNumberFor<T>, BoundedVec<H256, T::MaxRequests>),
) {
	let full =
		(0..T::MaxRequests::get()).map(|i| H256::from_low_u64_be(u64::from(i))).collect::<Vec<_>>();
	let mut block = from;
	for _ in 1..pallet::EXPIRY_SLACK {
		put(block, BoundedVec::truncate_from(full.clone()));
		block = block.saturating_add(One::one());
	}
}

/// A request for the longest name, with `attested` of the oracles' largest answers, all alike.
fn pending_request<T: Config>(
	oracles: &[T::OracleId],
	attested: u32,
) -> Result<(Name, RequestId), BenchmarkError> {
	let name = longest_name();
	Pallet::<T>::request(RawOrigin::Signed(requester::<T>(0)).into(), name.to_vec())
		.map_err(|_| BenchmarkError::Stop("the request is refused"))?;
	let hash = H256(namehash(&name));
	let request = Requests::<T>::get(hash).ok_or(BenchmarkError::Stop("no request"))?;
	let attestations = oracles
		.iter()
		.take(attested as usize)
		.map(|oracle| {
			(oracle.clone(), EthBlock { number: 1, hash: H256::zero() }, largest_lookup::<T>(7))
		})
		.collect::<Vec<_>>();
	Attestations::<T>::insert(hash, BoundedVec::truncate_from(attestations));
	Ok((name, request.id))
}

/// `oracle`'s signed answer to `request`.
fn signed_attestation<T: Config>(
	oracle: &T::OracleId,
	name: Name,
	request: RequestId,
) -> Result<(Attestation<T>, SignatureOf<T>), BenchmarkError> {
	let attestation = Attestation {
		request,
		name,
		eth_block: EthBlock { number: u64::MAX, hash: H256::repeat_byte(0xff) },
		lookup: largest_lookup::<T>(7),
	};
	let signature = oracle
		.sign(&(ATTESTATION_CONTEXT, &attestation).encode())
		.ok_or(BenchmarkError::Stop("the oracle key is not in the keystore"))?;
	Ok((attestation, signature))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn request() -> Result<(), BenchmarkError> {
		setup_bridge::<T>();
		let now = frame_system::Pallet::<T>::block_number();
		let ttl = Parameters::<T>::get().map(|p| p.request_ttl).unwrap_or_else(One::one);
		fill_queues::<T>(now.saturating_add(ttl), RequestExpiries::<T>::insert);
		let who = requester::<T>(0);
		let name = longest_name();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), name.to_vec());

		assert!(Requests::<T>::contains_key(H256(namehash(&name))));
		Ok(())
	}

	#[benchmark]
	fn authorize_attest() -> Result<(), BenchmarkError> {
		let oracles = setup_bridge::<T>();
		let (name, id) = pending_request::<T>(&oracles, quorum::<T>().saturating_sub(1))?;
		let oracle = oracles.last().cloned().ok_or(BenchmarkError::Weightless)?;
		let (attestation, signature) = signed_attestation::<T>(&oracle, name, id)?;
		let call = Call::<T>::attest { attestation, oracle, signature };

		#[block]
		{
			call.authorize(TransactionSource::External)
				.ok_or(BenchmarkError::Stop("attest is authorized"))?
				.map_err(|_| BenchmarkError::Stop("the attestation is refused"))?;
		}
		Ok(())
	}

	#[benchmark]
	fn attest_waiting() -> Result<(), BenchmarkError> {
		let oracles = setup_bridge::<T>();
		// All but two have answered alike: one more makes no quorum yet.
		let (name, id) = pending_request::<T>(&oracles, quorum::<T>().saturating_sub(2))?;
		let oracle = oracles.last().cloned().ok_or(BenchmarkError::Weightless)?;
		let (attestation, signature) = signed_attestation::<T>(&oracle, name.clone(), id)?;

		#[extrinsic_call]
		attest(RawOrigin::Authorized, attestation, oracle, signature);

		assert!(Records::<T>::get(H256(namehash(&name))).is_none() || quorum::<T>() == 1);
		Ok(())
	}

	#[benchmark]
	fn attest_completing() -> Result<(), BenchmarkError> {
		let oracles = setup_bridge::<T>();
		let (name, id) = pending_request::<T>(&oracles, quorum::<T>().saturating_sub(1))?;
		let now = frame_system::Pallet::<T>::block_number();
		let ttl = Parameters::<T>::get().map(|p| p.record_ttl).unwrap_or_else(One::one);
		fill_queues::<T>(now.saturating_add(ttl), RecordExpiries::<T>::insert);
		let oracle = oracles.last().cloned().ok_or(BenchmarkError::Weightless)?;
		let (attestation, signature) = signed_attestation::<T>(&oracle, name.clone(), id)?;

		#[extrinsic_call]
		attest(RawOrigin::Authorized, attestation, oracle, signature);

		assert!(Records::<T>::contains_key(H256(namehash(&name))));
		Ok(())
	}

	#[benchmark]
	fn set_oracles(n: Linear<1, { T::MaxOracles::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Parameters::<T>::put(BridgeParameters {
			quorum: n / 2 + 1,
			record_ttl: 100u32.into(),
			request_ttl: 50u32.into(),
			ens_registry: H160::repeat_byte(1),
			uns_proxy_reader: H160::repeat_byte(2),
		});
		let oracles: Vec<T::OracleId> = (0..n).map(|_| T::OracleId::generate_pair(None)).collect();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, oracles);

		assert_eq!(Oracles::<T>::decode_len(), Some(n as usize));
		Ok(())
	}

	#[benchmark]
	fn set_parameters() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		setup_bridge::<T>();
		let parameters = BridgeParameters {
			quorum: T::MaxOracles::get(),
			record_ttl: BlockNumberFor::<T>::max_value(),
			request_ttl: BlockNumberFor::<T>::max_value(),
			ens_registry: H160::repeat_byte(3),
			uns_proxy_reader: H160::repeat_byte(4),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, parameters.clone());

		assert_eq!(Parameters::<T>::get(), Some(parameters));
		Ok(())
	}

	/// `r` requests expire unanswered, each with all but one oracle's attestations, and `s`
	/// records expire.
	#[benchmark]
	fn on_initialize(
		r: Linear<0, { T::MaxRequests::get() }>,
		s: Linear<0, { T::MaxRequests::get() }>,
	) -> Result<(), BenchmarkError> {
		let oracles = setup_bridge::<T>();
		let at: BlockNumberFor<T> = 10u32.into();
		let mut requests = Vec::new();
		for i in 0..r {
			let name: Name =
				BoundedVec::truncate_from(alloc::format!("request{i}.eth").into_bytes());
			let hash = H256(namehash(&name));
			let who = requester::<T>(i);
			let deposit = T::RequestDeposit::get();
			T::Currency::hold(&HoldReason::Request.into(), &who, deposit)
				.map_err(|_| BenchmarkError::Stop("the deposit is not held"))?;
			Requests::<T>::insert(
				hash,
				Request {
					id: u64::from(i),
					name,
					source: ghostchain_primitives::cns::BridgeSource::Ens,
					requester: who,
					deposit,
					expires_at: at,
				},
			);
			let attestations = oracles
				.iter()
				.skip(1)
				.map(|oracle| {
					(
						oracle.clone(),
						EthBlock { number: 1, hash: H256::zero() },
						largest_lookup::<T>(7),
					)
				})
				.collect::<Vec<_>>();
			Attestations::<T>::insert(hash, BoundedVec::truncate_from(attestations));
			requests.push(hash);
		}
		NextRequestId::<T>::put(u64::from(r));
		RequestExpiries::<T>::insert(at, BoundedVec::truncate_from(requests));
		let mut records = Vec::new();
		for i in 0..s {
			let name: Name =
				BoundedVec::truncate_from(alloc::format!("record{i}.eth").into_bytes());
			let hash = H256(namehash(&name));
			Records::<T>::insert(
				hash,
				BridgedRecord {
					name,
					source: ghostchain_primitives::cns::BridgeSource::Ens,
					eth_block: EthBlock { number: 1, hash: H256::zero() },
					lookup: largest_lookup::<T>(7),
					expires_at: at,
				},
			);
			records.push(hash);
		}
		RecordExpiries::<T>::insert(at, BoundedVec::truncate_from(records));

		#[block]
		{
			Pallet::<T>::on_initialize(at);
		}

		assert_eq!(Requests::<T>::count(), 0);
		assert_eq!(Records::<T>::iter().count(), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
