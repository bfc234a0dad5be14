//! Benchmarks of every call at its worst case, and of finalizing `n` batches at once.

use alloc::{boxed::Box, vec::Vec};
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use ghostchain_primitives::{
	l2::{
		BatchHeader, BatchIndex, BatchPublicInputs, BatchRecord, Groth16Proof, L2Config, L2Id,
		L2Limits, ValidityProof, VerificationMode, Withdrawal,
	},
	Balance,
};
use sp_core::H256;

use crate::*;

const L2: L2Id = 1;
const CHALLENGE_PERIOD: u32 = 10;

/// A verifying key of `tools/l2-prover`'s circuit and its proof for [`proven_header`]'s batch,
/// made by `scripts/l2-test-proofs.sh` (the test `the_benchmark_fixtures_are_the_provers` pins
/// them to `fixtures/groth16.json`).
pub(crate) const BENCHMARK_VERIFYING_KEY: &[u8] =
	include_bytes!("../fixtures/benchmark-verifying-key.bin");
pub(crate) const BENCHMARK_PROOF: &Groth16Proof = include_bytes!("../fixtures/benchmark-proof.bin");

/// Batch 0 of the benchmarks' L2 with most of its public-input bits set, as scalar
/// multiplication's cost grows with them.
pub(crate) fn proven_header() -> BatchHeader {
	BatchHeader {
		index: 0,
		prev_output_root: output_root(0),
		output_root: H256::repeat_byte(0xff),
		l2_block_number: 10,
		tx_data_hash: H256::repeat_byte(0xff),
		withdrawals_root: H256::repeat_byte(0xff),
		deposits_consumed: 0,
	}
}

fn validity_mode<T: Config>() -> VerificationModeOf<T> {
	let verifying_key = BENCHMARK_VERIFYING_KEY.to_vec().try_into().expect("a key's length");
	VerificationMode::Validity { verifying_key }
}

fn ed<T: Config>() -> Balance {
	T::Currency::minimum_balance()
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = account(name, index, 0);
	T::Currency::set_balance(&who, ed::<T>() * 1_000_000);
	who
}

/// An L2 with every limit at the pallet's maximum.
fn register<T: Config>() -> Result<(), BenchmarkError> {
	T::Currency::set_balance(&T::Treasury::get(), ed::<T>() * 1_000_000);
	let config = L2Config {
		mode: VerificationMode::Optimistic { challenge_period: CHALLENGE_PERIOD.into() },
		sequencer_bond: ed::<T>() * 1_000,
		challenge_bond: ed::<T>() * 100,
		limits: L2Limits {
			max_sequencers: T::MaxSequencers::get(),
			max_pending_batches: T::MaxPendingBatches::get(),
			max_pending_deposits: T::MaxPendingDeposits::get(),
		},
	};
	let origin = T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	Pallet::<T>::register_l2(origin, L2, config, output_root(0))?;
	Ok(())
}

fn sequencer<T: Config>(index: u32) -> Result<T::AccountId, BenchmarkError> {
	let who = funded::<T>("sequencer", index);
	Pallet::<T>::bond(RawOrigin::Signed(who.clone()).into(), L2)?;
	Ok(who)
}

/// The output root after batch `index - 1`; the genesis root for 0.
fn output_root(index: BatchIndex) -> H256 {
	H256::from_low_u64_be(index)
}

fn header(index: BatchIndex, deposits_consumed: u64, withdrawals_root: H256) -> BatchHeader {
	BatchHeader {
		index,
		prev_output_root: output_root(index),
		output_root: output_root(index + 1),
		l2_block_number: index * 10,
		tx_data_hash: H256::repeat_byte(0xda),
		withdrawals_root,
		deposits_consumed,
	}
}

fn submit<T: Config>(who: &T::AccountId, header: BatchHeader) -> Result<(), BenchmarkError> {
	Pallet::<T>::submit_batch(RawOrigin::Signed(who.clone()).into(), L2, header)?;
	Ok(())
}

fn deposits<T: Config>(count: u32) -> Result<(), BenchmarkError> {
	let depositor = funded::<T>("depositor", 0);
	for _ in 0..count {
		Pallet::<T>::deposit(
			RawOrigin::Signed(depositor.clone()).into(),
			L2,
			H256::zero(),
			ed::<T>(),
		)?;
	}
	Ok(())
}

fn challenge_batch<T: Config>(index: BatchIndex) -> Result<(), BenchmarkError> {
	let challenger = funded::<T>("challenger", index as u32);
	Pallet::<T>::challenge(RawOrigin::Signed(challenger).into(), L2, index)?;
	Ok(())
}

fn run_to<T: Config>(block: u32) {
	frame_system::Pallet::<T>::set_block_number(block.into());
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// In validity mode, the costlier: its key is decoded and checked.
	#[benchmark]
	fn register_l2() -> Result<(), BenchmarkError> {
		T::Currency::set_balance(&T::Treasury::get(), ed::<T>() * 1_000);
		let config = L2Config {
			mode: validity_mode::<T>(),
			sequencer_bond: ed::<T>(),
			challenge_bond: ed::<T>(),
			limits: L2Limits { max_sequencers: 1, max_pending_batches: 1, max_pending_deposits: 1 },
		};
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, L2, config, H256::zero());

		assert!(L2s::<T>::contains_key(L2));
		Ok(())
	}

	#[benchmark]
	fn bond() -> Result<(), BenchmarkError> {
		register::<T>()?;
		let who = funded::<T>("sequencer", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), L2);

		assert!(Sequencers::<T>::contains_key(L2, &who));
		Ok(())
	}

	#[benchmark]
	fn unbond() -> Result<(), BenchmarkError> {
		register::<T>()?;
		let who = sequencer::<T>(0)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), L2);

		assert!(Sequencers::<T>::get(L2, &who).is_some_and(|info| info.unbonded_at.is_some()));
		Ok(())
	}

	/// A sequencer whose batch is final: its bond comes back.
	#[benchmark]
	fn release_bond() -> Result<(), BenchmarkError> {
		register::<T>()?;
		let who = sequencer::<T>(0)?;
		submit::<T>(&who, header(0, 0, H256::zero()))?;
		Pallet::<T>::unbond(RawOrigin::Signed(who.clone()).into(), L2)?;
		run_to::<T>(1 + CHALLENGE_PERIOD);
		deposits::<T>(1)?;
		frame_system::Pallet::<T>::set_block_number(now::<T>() + T::UnbondingDelay::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), L2);

		assert!(!Sequencers::<T>::contains_key(L2, &who));
		Ok(())
	}

	/// A batch after another that consumes deposits from the middle of the ring.
	#[benchmark]
	fn submit_batch() -> Result<(), BenchmarkError> {
		register::<T>()?;
		let who = sequencer::<T>(0)?;
		deposits::<T>(3)?;
		submit::<T>(&who, header(0, 1, H256::zero()))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who), L2, header(1, 2, H256::zero()));

		assert_eq!(L2s::<T>::get(L2).map(|info| info.next_batch), Some(2));
		Ok(())
	}

	#[benchmark]
	fn challenge() -> Result<(), BenchmarkError> {
		register::<T>()?;
		let who = sequencer::<T>(0)?;
		submit::<T>(&who, header(0, 0, H256::zero()))?;
		let challenger = funded::<T>("challenger", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(challenger), L2, 0);

		assert_eq!(L2s::<T>::get(L2).map(|info| info.open_disputes), Some(1));
		Ok(())
	}

	#[benchmark]
	fn resolve_dispute_valid() -> Result<(), BenchmarkError> {
		register::<T>()?;
		let who = sequencer::<T>(0)?;
		submit::<T>(&who, header(0, 0, H256::zero()))?;
		challenge_batch::<T>(0)?;
		let origin =
			T::ArbiterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		resolve_dispute(origin as T::RuntimeOrigin, L2, 0, Verdict::BatchValid);

		assert_eq!(L2s::<T>::get(L2).map(|info| info.open_disputes), Some(0));
		Ok(())
	}

	/// Batch 0 ruled invalid with `n - 1` later batches, each also challenged, reverted.
	#[benchmark]
	fn resolve_dispute_invalid(
		n: Linear<1, { T::MaxPendingBatches::get() }>,
	) -> Result<(), BenchmarkError> {
		register::<T>()?;
		let offender = sequencer::<T>(0)?;
		let honest = sequencer::<T>(1)?;
		submit::<T>(&offender, header(0, 0, H256::zero()))?;
		for index in 1..BatchIndex::from(n) {
			submit::<T>(&honest, header(index, 0, H256::zero()))?;
		}
		for index in (0..BatchIndex::from(n)).rev() {
			challenge_batch::<T>(index)?;
		}
		let origin =
			T::ArbiterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		resolve_dispute(origin as T::RuntimeOrigin, L2, 0, Verdict::BatchInvalid);

		let info = L2s::<T>::get(L2).ok_or(BenchmarkError::Weightless)?;
		assert_eq!((info.next_batch, info.open_disputes), (0, 0));
		Ok(())
	}

	#[benchmark]
	fn deposit() -> Result<(), BenchmarkError> {
		register::<T>()?;
		let depositor = funded::<T>("depositor", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(depositor), L2, H256::repeat_byte(1), ed::<T>());

		assert_eq!(L2s::<T>::get(L2).map(|info| info.deposit_count), Some(1));
		Ok(())
	}

	/// A withdrawal to a new account, proven with `d` siblings, from a batch already final.
	#[benchmark]
	fn withdraw(d: Linear<0, MAX_WITHDRAWAL_PROOF_DEPTH>) -> Result<(), BenchmarkError> {
		register::<T>()?;
		deposits::<T>(1)?;
		let recipient: T::AccountId = account("recipient", 0, 0);
		let withdrawal = Withdrawal { nonce: 0, recipient: recipient.clone(), amount: ed::<T>() };
		// Leaf 0 of a tree as deep as `d`: its sibling is on the right at every level.
		let siblings: Vec<H256> = (0..d).map(|level| H256::repeat_byte(level as u8)).collect();
		let root = siblings.iter().fold(
			H256(sp_io::hashing::keccak_256(&withdrawal.encode())),
			|node, sibling| {
				H256(sp_io::hashing::keccak_256(&[node.as_bytes(), sibling.as_bytes()].concat()))
			},
		);
		let leaf_count =
			1u64.checked_shl(d).map_or(u32::MAX, |count| count.min(u32::MAX.into()) as u32);
		let proof = WithdrawalProof {
			leaf_index: 0,
			leaf_count,
			siblings: siblings.try_into().map_err(|_| BenchmarkError::Weightless)?,
		};
		let who = sequencer::<T>(0)?;
		submit::<T>(&who, header(0, 1, root))?;
		run_to::<T>(1 + CHALLENGE_PERIOD);
		deposits::<T>(1)?;
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), L2, 0, withdrawal, proof);

		assert_eq!(T::Currency::balance(&recipient), ed::<T>());
		Ok(())
	}

	/// `n` batches whose windows have passed become final at once, each pruning the final batch
	/// `RetainedFinalBatches` before it, and the batch after them, still in its window, is read
	/// and left pending. The batches are stored directly: submitting them would finalize the
	/// earlier ones first.
	#[benchmark]
	fn finalize_batches(
		n: Linear<0, { T::MaxPendingBatches::get() }>,
	) -> Result<(), BenchmarkError> {
		register::<T>()?;
		let who = sequencer::<T>(0)?;
		run_to::<T>(1 + CHALLENGE_PERIOD);
		let retained = BatchIndex::from(T::RetainedFinalBatches::get());
		let pending = retained + BatchIndex::from(n);
		let record = |index: BatchIndex, finalizes_at: BlockNumberFor<T>| BatchRecord {
			header: header(index, 0, H256::zero()),
			sequencer: who.clone(),
			submitted_at: now::<T>(),
			finalizes_at,
			deposit_head: H256::zero(),
			challenge: None,
		};
		for index in 0..pending {
			Batches::<T>::insert(L2, index, record(index, now::<T>()));
		}
		Batches::<T>::insert(L2, pending, record(pending, now::<T>() + CHALLENGE_PERIOD.into()));
		let mut info = L2s::<T>::get(L2).ok_or(BenchmarkError::Weightless)?;
		info.finalized_batches = retained;
		info.next_batch = pending + 1;
		L2s::<T>::insert(L2, &info);
		let finalized;

		#[block]
		{
			finalized = Pallet::<T>::finalize_ready(L2, &mut info, now::<T>());
		}

		assert_eq!(finalized, n);
		assert!(!Batches::<T>::contains_key(L2, 0) || n == 0, "the oldest final batch is pruned");
		L2s::<T>::insert(L2, info);
		Ok(())
	}

	/// Batch 0 of an L2 in validity mode: its proof verifies and it is final at once.
	#[benchmark]
	fn submit_proven_batch() -> Result<(), BenchmarkError> {
		register::<T>()?;
		let admin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Pallet::<T>::set_verification_mode(admin, L2, validity_mode::<T>())?;
		let who = sequencer::<T>(0)?;
		let header = proven_header();
		let proof = ValidityProof {
			public_inputs: BatchPublicInputs::of(&header, H256::zero()),
			proof: *BENCHMARK_PROOF,
		};

		#[extrinsic_call]
		_(RawOrigin::Signed(who), L2, header, Box::new(proof));

		assert_eq!(L2s::<T>::get(L2).map(|info| info.finalized_batches), Some(1));
		Ok(())
	}

	/// To validity mode: the key is decoded and checked.
	#[benchmark]
	fn set_verification_mode() -> Result<(), BenchmarkError> {
		register::<T>()?;
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, L2, validity_mode::<T>());

		let mode = L2s::<T>::get(L2).map(|info| info.config.mode);
		assert_eq!(mode, Some(validity_mode::<T>()));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
