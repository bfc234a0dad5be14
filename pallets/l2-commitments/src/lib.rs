//! # L2 commitments
//!
//! GhostChain's side of GhostPlane, its layer 2, as OP Stack's L2OutputOracle and dispute games
//! are Ethereum's side of an optimistic rollup. `docs/l2.md` specifies the protocol.
//!
//! - **L2s** are registered by governance ([`Pallet::register_l2`]) with a verification mode, the
//!   GCC bonds sequencers and challengers post, and bounds on their state. Registration seeds
//!   the L2's escrow account with the existential deposit from the treasury, so the escrow can
//!   always be paid out to its last deposited unit.
//! - **Sequencers** hold a bond to join an L2's set ([`Pallet::bond`]); one that leaves
//!   ([`Pallet::unbond`]) gets the bond back after `UnbondingDelay` blocks and once its batches
//!   are final ([`Pallet::release_bond`]).
//! - **Batches** ([`Pallet::submit_batch`]) are strictly sequential: each names the previous
//!   output root, never lowers the L2 block number or the deposits consumed, and cannot consume
//!   deposits not yet made.
//! - **Optimistic finality**: a batch is final once its challenge period has passed with no open
//!   challenge against it or an earlier batch. Anyone may [`Pallet::challenge`] a batch in its
//!   period by holding a bond; no batch is accepted until the arbiter rules
//!   ([`Pallet::resolve_dispute`]). An invalid batch is reverted with every later one and its
//!   sequencer's bond is slashed, `DisputeReward` of it to the challenger and the rest to the
//!   treasury; a valid one costs the challenger its bond, shared the same way with the
//!   sequencer. Finality is recorded lazily by the calls that need it, each stepping over at most
//!   `max_pending_batches` batches; the runtime API reports it as of the block.
//! - **Validity finality**: an L2 in validity mode takes batches with a Groth16 proof over BN254
//!   ([`Pallet::submit_proven_batch`]) that verifies under the L2's verifying key for the batch's
//!   public inputs; such a batch is final as soon as every earlier batch is. Governance sets the
//!   key, checked when it is set, and may change the mode ([`Pallet::set_verification_mode`]);
//!   a change applies to the batches after it.
//! - **Deposits** ([`Pallet::deposit`]) move GCC into the L2's escrow and extend a Keccak-256
//!   hash chain of the deposit messages, which batches consume in order.
//! - **Withdrawals** ([`Pallet::withdraw`]) pay from the escrow a leaf of a final batch's
//!   withdrawal tree (a binary Merkle tree over Keccak-256, built as `binary-merkle-tree`
//!   builds it), once per withdrawal nonce and never more than the escrow holds for the L2.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod groth16;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

/// The deposit chain after `message`: `keccak256(head ++ SCALE(message))`.
pub fn extend_deposit_chain<AccountId: codec::Encode>(
	head: sp_core::H256,
	message: &ghostchain_primitives::l2::DepositMessage<AccountId, ghostchain_primitives::Balance>,
) -> sp_core::H256 {
	let mut preimage = head.as_bytes().to_vec();
	codec::Encode::encode_to(message, &mut preimage);
	sp_core::H256(sp_io::hashing::keccak_256(&preimage))
}

#[frame_support::pallet]
pub mod pallet {
	use alloc::{boxed::Box, vec::Vec};
	use codec::Encode;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Preservation, Restriction},
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use ghostchain_primitives::{
		l2::{
			BatchHeader, BatchIndex, BatchPublicInputs, BatchRecord, Challenge, DepositMessage,
			Groth16VerifyingKey, L2Id, L2Status, ValidityProof, VerificationMode, Withdrawal,
		},
		Balance,
	};
	use sp_core::H256;
	use sp_runtime::{
		traits::{AccountIdConversion, Keccak256, Saturating, Zero},
		Perbill,
	};

	use super::*;

	/// The version of this pallet's storage layout; a migration that changes the layout bumps
	/// it.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds GCC.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A sequencer's bond.
		SequencerBond,
		/// A challenger's bond on an open challenge.
		ChallengeBond,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// GCC: bonds, deposits and withdrawals.
		type Currency: Mutate<Self::AccountId, Balance = Balance>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// Registers L2s.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Rules on challenged batches.
		type ArbiterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Derives each L2's escrow account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Seeds escrows with the existential deposit and receives what slashing does not reward.
		type Treasury: Get<Self::AccountId>;

		/// The share of a slashed bond paid to the other side of the dispute.
		#[pallet::constant]
		type DisputeReward: Get<Perbill>;

		/// Blocks from `unbond` until a sequencer's bond may be released.
		#[pallet::constant]
		type UnbondingDelay: Get<BlockNumberFor<Self>>;

		/// The highest `max_sequencers` an L2 may have.
		#[pallet::constant]
		type MaxSequencers: Get<u32>;

		/// The highest `max_pending_batches` an L2 may have; bounds the work of finalizing and
		/// reverting.
		#[pallet::constant]
		type MaxPendingBatches: Get<u32>;

		/// The highest `max_pending_deposits` an L2 may have; bounds its deposit-head ring.
		#[pallet::constant]
		type MaxPendingDeposits: Get<u32>;

		/// How many of each L2's newest final batches are kept for withdrawals to be proven
		/// against; an older one is removed as a new batch becomes final. At least one.
		#[pallet::constant]
		type RetainedFinalBatches: Get<u32>;

		type WeightInfo: WeightInfo;
	}

	/// Registered L2s. Ids are chosen by governance, so Twox is safe.
	#[pallet::storage]
	pub type L2s<T: Config> = StorageMap<_, Twox64Concat, L2Id, L2Info<T>>;

	/// Bonded sequencers, by L2 and account (chosen by anyone, so Blake2).
	#[pallet::storage]
	pub type Sequencers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, L2Id, Blake2_128Concat, T::AccountId, SequencerInfo<T>>;

	/// Accepted batches, by L2 and index. Indexes are sequential, so Twox is safe. The newest
	/// [`Config::RetainedFinalBatches`] final batches stay for withdrawals to be proven
	/// against; older ones are removed.
	#[pallet::storage]
	pub type Batches<T: Config> =
		StorageDoubleMap<_, Twox64Concat, L2Id, Twox64Concat, BatchIndex, BatchRecordOf<T>>;

	/// The deposit hash-chain head after `n` deposits, for `n` from the newest final batch's
	/// `deposits_consumed` to the deposit count, in slot `n % (max_pending_deposits + 1)`: a
	/// ring that bounds the storage of each L2.
	#[pallet::storage]
	pub type DepositHeads<T: Config> =
		StorageDoubleMap<_, Twox64Concat, L2Id, Twox64Concat, u32, H256>;

	/// Paid withdrawal nonces: bit `nonce % 128` of word `nonce / 128`. Nonces come from the
	/// L2, so Blake2.
	#[pallet::storage]
	pub type PaidWithdrawals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, L2Id, Blake2_128Concat, u64, u128, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A new L2, its escrow seeded with the existential deposit.
		L2Registered { l2: L2Id, config: L2ConfigOf<T>, escrow: T::AccountId },
		/// `sequencer` holds `bond` and may submit batches.
		SequencerBonded { l2: L2Id, sequencer: T::AccountId, bond: Balance },
		/// `sequencer` left the set; its bond may be released from block `release_at`.
		SequencerUnbonding { l2: L2Id, sequencer: T::AccountId, release_at: BlockNumberFor<T> },
		/// The bond of a sequencer that left was returned.
		BondReleased { l2: L2Id, sequencer: T::AccountId, amount: Balance },
		/// Batches after this one are verified under `mode`.
		VerificationModeSet { l2: L2Id, mode: VerificationModeOf<T> },
		/// A batch was accepted; unchallenged, it is final from block `finalizes_at` (at once
		/// for a proven batch whose predecessors are final).
		BatchSubmitted {
			l2: L2Id,
			index: BatchIndex,
			sequencer: T::AccountId,
			output_root: H256,
			finalizes_at: BlockNumberFor<T>,
		},
		/// A batch became final: withdrawals may be proven against it.
		BatchFinalized { l2: L2Id, index: BatchIndex, output_root: H256 },
		/// A batch was challenged; the L2 accepts no batch until the arbiter rules.
		BatchChallenged { l2: L2Id, index: BatchIndex, challenger: T::AccountId, bond: Balance },
		/// The batch was ruled invalid: `slashed` of its sequencer's bond was taken, `reward`
		/// of it paid to the challenger, and the batch and `reverted - 1` later ones removed.
		ChallengeUpheld {
			l2: L2Id,
			index: BatchIndex,
			sequencer: T::AccountId,
			challenger: T::AccountId,
			slashed: Balance,
			reward: Balance,
			reverted: u32,
		},
		/// The batch was ruled valid: the challenger's bond `slashed` was taken, `reward` of it
		/// paid to the sequencer.
		ChallengeRejected {
			l2: L2Id,
			index: BatchIndex,
			challenger: T::AccountId,
			slashed: Balance,
			reward: Balance,
		},
		/// GCC moved into the L2's escrow, and deposit `nonce` extended the hash chain to `head`.
		Deposited {
			l2: L2Id,
			nonce: u64,
			sender: T::AccountId,
			l2_recipient: H256,
			amount: Balance,
			head: H256,
		},
		/// Withdrawal `nonce`, proven in final batch `batch`, was paid from the escrow.
		Withdrawn {
			l2: L2Id,
			batch: BatchIndex,
			nonce: u64,
			recipient: T::AccountId,
			amount: Balance,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No L2 has this id.
		UnknownL2,
		/// An L2 has this id already.
		L2Exists,
		/// The challenge period is zero blocks.
		ZeroChallengePeriod,
		/// A sequencer or challenge bond of zero would make slashing meaningless.
		ZeroBond,
		/// A limit is zero or above the pallet's maximum.
		InvalidLimits,
		/// The account is a sequencer of this L2 already (or still unbonding).
		AlreadySequencer,
		/// The L2 has `max_sequencers` sequencers.
		SequencerSetFull,
		/// The account is not a bonded sequencer of this L2.
		NotSequencer,
		/// The sequencer is unbonding already.
		AlreadyUnbonding,
		/// The sequencer has not unbonded.
		NotUnbonding,
		/// The unbonding delay has not passed.
		UnbondingNotDue,
		/// A batch of this sequencer is not final yet.
		BatchesPending,
		/// A challenge is open: the L2 accepts no batch until the arbiter rules.
		L2Frozen,
		/// A batch with this index was accepted already.
		BatchAlreadySubmitted,
		/// The index skips batches: it must be the next one.
		BatchIndexGap,
		/// `prev_output_root` is not the last accepted batch's output root.
		PrevOutputRootMismatch,
		/// `l2_block_number` is below the last accepted batch's.
		L2BlockNumberDecreased,
		/// `deposits_consumed` is below the last accepted batch's.
		DepositsConsumedDecreased,
		/// `deposits_consumed` is past the deposits made.
		DepositsConsumedPastQueue,
		/// The L2 has `max_pending_batches` batches pending.
		TooManyPendingBatches,
		/// No accepted batch has this index.
		UnknownBatch,
		/// The batch's challenge period is over.
		ChallengeWindowClosed,
		/// The batch is under challenge already.
		AlreadyChallenged,
		/// The batch is not under challenge.
		NotChallenged,
		/// A deposit of nothing.
		ZeroAmount,
		/// The L2 has `max_pending_deposits` deposits no final batch has consumed.
		DepositQueueFull,
		/// The batch is not final.
		BatchNotFinalized,
		/// The proof does not place the withdrawal in the batch's withdrawal tree.
		InvalidWithdrawalProof,
		/// This withdrawal nonce was paid already.
		AlreadyWithdrawn,
		/// The escrow holds less for the L2 than the withdrawal pays.
		EscrowExhausted,
		/// The escrow total would overflow.
		EscrowOverflow,
		/// The verifying key is not a Groth16 BN254 key in arkworks' compressed encoding: a
		/// point off the curve or outside its subgroup, an identity point, or a bad length.
		MalformedVerifyingKey,
		/// The verifying key's circuit does not take exactly the ten public-input limbs.
		VerifyingKeyInputCount,
		/// The L2 is in validity mode: batches come with a proof (`submit_proven_batch`).
		ValidityProofRequired,
		/// The L2 is in optimistic mode: batches come without a proof (`submit_batch`).
		NotValidityMode,
		/// The proof was made for public inputs other than this batch's.
		PublicInputsMismatch,
		/// The proof is not a Groth16 BN254 proof in arkworks' compressed encoding.
		MalformedProof,
		/// The proof does not verify for the batch's public inputs under the L2's key.
		InvalidProof,
		/// The batch is final but older than the `RetainedFinalBatches` kept: withdrawals
		/// against it are no longer possible.
		BatchPruned,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers L2 `l2`, whose batch 0 builds on `genesis_output_root`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_l2())]
		pub fn register_l2(
			origin: OriginFor<T>,
			l2: L2Id,
			config: L2ConfigOf<T>,
			genesis_output_root: H256,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!L2s::<T>::contains_key(l2), Error::<T>::L2Exists);
			Self::ensure_valid_mode(&config.mode)?;
			ensure!(
				!config.sequencer_bond.is_zero() && !config.challenge_bond.is_zero(),
				Error::<T>::ZeroBond
			);
			let limits = config.limits;
			ensure!(
				(1..=T::MaxSequencers::get()).contains(&limits.max_sequencers)
					&& (1..=T::MaxPendingBatches::get()).contains(&limits.max_pending_batches)
					&& (1..=T::MaxPendingDeposits::get()).contains(&limits.max_pending_deposits),
				Error::<T>::InvalidLimits
			);

			let escrow = Self::escrow_account(l2);
			// The transfer is the treasury's funds check: when it fails, nothing has changed.
			T::Currency::transfer(
				&T::Treasury::get(),
				&escrow,
				T::Currency::minimum_balance(),
				Preservation::Preserve,
			)?;
			L2s::<T>::insert(
				l2,
				L2Info {
					config: config.clone(),
					genesis_output_root,
					sequencers: 0,
					next_batch: 0,
					finalized_batches: 0,
					finalized_deposits_consumed: 0,
					open_disputes: 0,
					deposit_count: 0,
					deposit_head: H256::zero(),
					escrowed: 0,
				},
			);
			Self::deposit_event(Event::L2Registered { l2, config, escrow });
			Ok(())
		}

		/// Joins `l2`'s sequencer set, holding its `sequencer_bond`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::bond())]
		pub fn bond(origin: OriginFor<T>, l2: L2Id) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = L2s::<T>::get(l2).ok_or(Error::<T>::UnknownL2)?;
			ensure!(!Sequencers::<T>::contains_key(l2, &who), Error::<T>::AlreadySequencer);
			ensure!(
				info.sequencers < info.config.limits.max_sequencers,
				Error::<T>::SequencerSetFull
			);

			let bond = info.config.sequencer_bond;
			// The hold is the funds check: when it fails, nothing has changed.
			T::Currency::hold(&HoldReason::SequencerBond.into(), &who, bond)?;
			Sequencers::<T>::insert(
				l2,
				&who,
				SequencerInfo { bond, unbonded_at: None, last_batch: None },
			);
			info.sequencers.saturating_inc();
			L2s::<T>::insert(l2, info);
			Self::deposit_event(Event::SequencerBonded { l2, sequencer: who, bond });
			Ok(())
		}

		/// Leaves `l2`'s sequencer set; the bond stays held for `UnbondingDelay` blocks and
		/// until the sequencer's batches are final.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(origin: OriginFor<T>, l2: L2Id) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = L2s::<T>::get(l2).ok_or(Error::<T>::UnknownL2)?;
			let mut sequencer = Sequencers::<T>::get(l2, &who).ok_or(Error::<T>::NotSequencer)?;
			ensure!(sequencer.unbonded_at.is_none(), Error::<T>::AlreadyUnbonding);

			let now = frame_system::Pallet::<T>::block_number();
			sequencer.unbonded_at = Some(now);
			Sequencers::<T>::insert(l2, &who, sequencer);
			info.sequencers.saturating_dec();
			L2s::<T>::insert(l2, info);
			let release_at = now.saturating_add(T::UnbondingDelay::get());
			Self::deposit_event(Event::SequencerUnbonding { l2, sequencer: who, release_at });
			Ok(())
		}

		/// Returns the bond of a sequencer that unbonded, once the delay has passed and its
		/// batches are final.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::release_bond()
			.saturating_add(T::WeightInfo::finalize_batches(T::MaxPendingBatches::get())))]
		pub fn release_bond(origin: OriginFor<T>, l2: L2Id) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut info = L2s::<T>::get(l2).ok_or(Error::<T>::UnknownL2)?;
			let sequencer = Sequencers::<T>::get(l2, &who).ok_or(Error::<T>::NotSequencer)?;
			let unbonded_at = sequencer.unbonded_at.ok_or(Error::<T>::NotUnbonding)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(
				now >= unbonded_at.saturating_add(T::UnbondingDelay::get()),
				Error::<T>::UnbondingNotDue
			);
			// Finality first: the checks below depend on it (see `finalize_ready`).
			let finalized = Self::finalize_ready(l2, &mut info, now);
			ensure!(
				sequencer.last_batch.is_none_or(|last| last < info.finalized_batches),
				Error::<T>::BatchesPending
			);

			T::Currency::release(
				&HoldReason::SequencerBond.into(),
				&who,
				sequencer.bond,
				Precision::BestEffort,
			)?;
			Sequencers::<T>::remove(l2, &who);
			L2s::<T>::insert(l2, info);
			Self::deposit_event(Event::BondReleased { l2, sequencer: who, amount: sequencer.bond });
			Ok(Some(
				T::WeightInfo::release_bond()
					.saturating_add(T::WeightInfo::finalize_batches(finalized)),
			)
			.into())
		}

		/// Submits the next batch of `l2`, which is in optimistic mode. The sender must be a
		/// bonded sequencer.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::submit_batch()
			.saturating_add(T::WeightInfo::finalize_batches(T::MaxPendingBatches::get())))]
		pub fn submit_batch(
			origin: OriginFor<T>,
			l2: L2Id,
			header: BatchHeader,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let finalized = Self::accept_batch(who, l2, header, None)?;
			Ok(Some(
				T::WeightInfo::submit_batch()
					.saturating_add(T::WeightInfo::finalize_batches(finalized)),
			)
			.into())
		}

		/// Challenges batch `index` of `l2` within its challenge period, holding the L2's
		/// `challenge_bond` until the arbiter rules.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::challenge())]
		pub fn challenge(origin: OriginFor<T>, l2: L2Id, index: BatchIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = L2s::<T>::get(l2).ok_or(Error::<T>::UnknownL2)?;
			let mut batch = Batches::<T>::get(l2, index).ok_or(Error::<T>::UnknownBatch)?;
			ensure!(batch.challenge.is_none(), Error::<T>::AlreadyChallenged);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now < batch.finalizes_at, Error::<T>::ChallengeWindowClosed);

			let bond = info.config.challenge_bond;
			// The hold is the funds check: when it fails, nothing has changed.
			T::Currency::hold(&HoldReason::ChallengeBond.into(), &who, bond)?;
			batch.challenge = Some(Challenge { challenger: who.clone(), bond });
			Batches::<T>::insert(l2, index, batch);
			info.open_disputes.saturating_inc();
			L2s::<T>::insert(l2, info);
			Self::deposit_event(Event::BatchChallenged { l2, index, challenger: who, bond });
			Ok(())
		}

		/// Rules on the challenge against batch `index` of `l2`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::resolve_dispute_invalid(T::MaxPendingBatches::get())
			.max(T::WeightInfo::resolve_dispute_valid())
			.saturating_add(T::WeightInfo::finalize_batches(T::MaxPendingBatches::get())))]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			l2: L2Id,
			index: BatchIndex,
			verdict: Verdict,
		) -> DispatchResultWithPostInfo {
			T::ArbiterOrigin::ensure_origin(origin)?;
			let mut info = L2s::<T>::get(l2).ok_or(Error::<T>::UnknownL2)?;
			let mut batch = Batches::<T>::get(l2, index).ok_or(Error::<T>::UnknownBatch)?;
			let challenge = batch.challenge.take().ok_or(Error::<T>::NotChallenged)?;

			let ruling_weight = match verdict {
				Verdict::BatchInvalid => {
					let reverted = Self::uphold_challenge(l2, &mut info, batch, challenge)?;
					T::WeightInfo::resolve_dispute_invalid(reverted)
				},
				Verdict::BatchValid => {
					let (slashed, reward) = Self::slash(
						HoldReason::ChallengeBond,
						&challenge.challenger,
						challenge.bond,
						&batch.sequencer,
					)?;
					Batches::<T>::insert(l2, index, batch);
					info.open_disputes.saturating_dec();
					Self::deposit_event(Event::ChallengeRejected {
						l2,
						index,
						challenger: challenge.challenger,
						slashed,
						reward,
					});
					T::WeightInfo::resolve_dispute_valid()
				},
			};
			let now = frame_system::Pallet::<T>::block_number();
			let finalized = Self::finalize_ready(l2, &mut info, now);
			L2s::<T>::insert(l2, info);
			Ok(Some(ruling_weight.saturating_add(T::WeightInfo::finalize_batches(finalized)))
				.into())
		}

		/// Locks `amount` GCC in `l2`'s escrow for `l2_recipient` on the L2, as the next
		/// message of its deposit chain.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::deposit()
			.saturating_add(T::WeightInfo::finalize_batches(T::MaxPendingBatches::get())))]
		pub fn deposit(
			origin: OriginFor<T>,
			l2: L2Id,
			l2_recipient: H256,
			amount: Balance,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut info = L2s::<T>::get(l2).ok_or(Error::<T>::UnknownL2)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let now = frame_system::Pallet::<T>::block_number();
			// Finality first: the checks below depend on it (see `finalize_ready`).
			let finalized = Self::finalize_ready(l2, &mut info, now);
			ensure!(
				info.pending_deposits() < u64::from(info.config.limits.max_pending_deposits),
				Error::<T>::DepositQueueFull
			);
			let escrowed = info.escrowed.checked_add(amount).ok_or(Error::<T>::EscrowOverflow)?;

			// The transfer is the funds check: when it fails, only the finality above was written.
			T::Currency::transfer(&who, &Self::escrow_account(l2), amount, Preservation::Preserve)?;
			let message =
				DepositMessage { nonce: info.deposit_count, sender: who, l2_recipient, amount };
			let head = extend_deposit_chain(info.deposit_head, &message);
			info.deposit_count.saturating_inc();
			info.deposit_head = head;
			info.escrowed = escrowed;
			DepositHeads::<T>::insert(l2, Self::deposit_slot(&info, info.deposit_count), head);
			L2s::<T>::insert(l2, info);
			let DepositMessage { nonce, sender, .. } = message;
			Self::deposit_event(Event::Deposited { l2, nonce, sender, l2_recipient, amount, head });
			Ok(Some(
				T::WeightInfo::deposit().saturating_add(T::WeightInfo::finalize_batches(finalized)),
			)
			.into())
		}

		/// Pays `withdrawal` from `l2`'s escrow, given a proof that it is a leaf of final batch
		/// `batch`'s withdrawal tree. Anyone may send it; the recipient is paid.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::withdraw(proof.siblings.len() as u32)
			.saturating_add(T::WeightInfo::finalize_batches(T::MaxPendingBatches::get())))]
		pub fn withdraw(
			origin: OriginFor<T>,
			l2: L2Id,
			batch: BatchIndex,
			withdrawal: WithdrawalOf<T>,
			proof: WithdrawalProof,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut info = L2s::<T>::get(l2).ok_or(Error::<T>::UnknownL2)?;
			let now = frame_system::Pallet::<T>::block_number();
			// Finality first: the checks below depend on it (see `finalize_ready`).
			let finalized = Self::finalize_ready(l2, &mut info, now);
			ensure!(batch < info.next_batch, Error::<T>::UnknownBatch);
			ensure!(batch < info.finalized_batches, Error::<T>::BatchNotFinalized);
			ensure!(!Self::is_pruned(&info, batch), Error::<T>::BatchPruned);
			let record = Batches::<T>::get(l2, batch).ok_or(Error::<T>::UnknownBatch)?;
			let proof_depth = proof.siblings.len() as u32;
			ensure!(
				Self::proves_withdrawal(&record.header.withdrawals_root, &withdrawal, proof),
				Error::<T>::InvalidWithdrawalProof
			);
			let (word, bit) = (withdrawal.nonce / 128, 1u128 << (withdrawal.nonce % 128));
			let paid = PaidWithdrawals::<T>::get(l2, word);
			ensure!(paid & bit == 0, Error::<T>::AlreadyWithdrawn);
			let escrowed =
				info.escrowed.checked_sub(withdrawal.amount).ok_or(Error::<T>::EscrowExhausted)?;

			T::Currency::transfer(
				&Self::escrow_account(l2),
				&withdrawal.recipient,
				withdrawal.amount,
				Preservation::Preserve,
			)?;
			PaidWithdrawals::<T>::insert(l2, word, paid | bit);
			info.escrowed = escrowed;
			L2s::<T>::insert(l2, info);
			let Withdrawal { nonce, recipient, amount } = withdrawal;
			Self::deposit_event(Event::Withdrawn { l2, batch, nonce, recipient, amount });
			Ok(Some(
				T::WeightInfo::withdraw(proof_depth)
					.saturating_add(T::WeightInfo::finalize_batches(finalized)),
			)
			.into())
		}

		/// Submits the next batch of `l2`, which is in validity mode, with a Groth16 proof for
		/// its public inputs. The sender must be a bonded sequencer. The batch is final at once
		/// if every earlier batch is.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::submit_proven_batch()
			.saturating_add(T::WeightInfo::finalize_batches(T::MaxPendingBatches::get())))]
		pub fn submit_proven_batch(
			origin: OriginFor<T>,
			l2: L2Id,
			header: BatchHeader,
			// Boxed: inline, the proof would make every `RuntimeCall` 444 bytes.
			proof: Box<ValidityProof>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let finalized = Self::accept_batch(who, l2, header, Some(*proof))?;
			Ok(Some(
				T::WeightInfo::submit_proven_batch()
					.saturating_add(T::WeightInfo::finalize_batches(finalized)),
			)
			.into())
		}

		/// Verifies the batches of `l2` submitted from now on under `mode`; batches pending
		/// already keep the finality they were accepted with.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_verification_mode())]
		pub fn set_verification_mode(
			origin: OriginFor<T>,
			l2: L2Id,
			mode: VerificationModeOf<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let mut info = L2s::<T>::get(l2).ok_or(Error::<T>::UnknownL2)?;
			Self::ensure_valid_mode(&mode)?;

			info.config.mode = mode.clone();
			L2s::<T>::insert(l2, info);
			Self::deposit_event(Event::VerificationModeSet { l2, mode });
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The account holding `l2`'s deposits: `modl` + the pallet id + the L2 id.
		pub fn escrow_account(l2: L2Id) -> T::AccountId {
			T::PalletId::get().into_sub_account_truncating(l2)
		}

		/// A nonzero challenge period, or a verifying key that decodes and validates.
		fn ensure_valid_mode(mode: &VerificationModeOf<T>) -> DispatchResult {
			match mode {
				VerificationMode::Optimistic { challenge_period } => {
					ensure!(!challenge_period.is_zero(), Error::<T>::ZeroChallengePeriod);
				},
				VerificationMode::Validity { verifying_key } => {
					groth16::decode_verifying_key(verifying_key).map_err(|error| match error {
						groth16::KeyError::Malformed => Error::<T>::MalformedVerifyingKey,
						groth16::KeyError::InputCount => Error::<T>::VerifyingKeyInputCount,
					})?;
				},
			}
			Ok(())
		}

		/// Accepts `header` as the next batch of `l2` from sequencer `who`, with `proof` exactly
		/// when the L2 is in validity mode. Returns how many earlier batches became final.
		fn accept_batch(
			who: T::AccountId,
			l2: L2Id,
			header: BatchHeader,
			proof: Option<ValidityProof>,
		) -> Result<u32, DispatchError> {
			let mut info = L2s::<T>::get(l2).ok_or(Error::<T>::UnknownL2)?;
			let mut sequencer = Sequencers::<T>::get(l2, &who)
				.filter(|sequencer| sequencer.unbonded_at.is_none())
				.ok_or(Error::<T>::NotSequencer)?;
			let now = frame_system::Pallet::<T>::block_number();
			// Finality first: the checks below depend on it (see `finalize_ready`).
			let finalized = Self::finalize_ready(l2, &mut info, now);
			ensure!(info.open_disputes == 0, Error::<T>::L2Frozen);
			ensure!(header.index >= info.next_batch, Error::<T>::BatchAlreadySubmitted);
			ensure!(header.index == info.next_batch, Error::<T>::BatchIndexGap);

			let (prev_output_root, prev_l2_block_number, prev_deposits_consumed) =
				match header.index.checked_sub(1) {
					None => (info.genesis_output_root, 0, 0),
					Some(prev) => {
						let prev = Batches::<T>::get(l2, prev).ok_or(Error::<T>::UnknownBatch)?;
						let prev = prev.header;
						(prev.output_root, prev.l2_block_number, prev.deposits_consumed)
					},
				};
			ensure!(
				header.prev_output_root == prev_output_root,
				Error::<T>::PrevOutputRootMismatch
			);
			ensure!(
				header.l2_block_number >= prev_l2_block_number,
				Error::<T>::L2BlockNumberDecreased
			);
			ensure!(
				header.deposits_consumed >= prev_deposits_consumed,
				Error::<T>::DepositsConsumedDecreased
			);
			ensure!(
				header.deposits_consumed <= info.deposit_count,
				Error::<T>::DepositsConsumedPastQueue
			);
			ensure!(
				info.pending_batches() < u64::from(info.config.limits.max_pending_batches),
				Error::<T>::TooManyPendingBatches
			);

			let deposit_head = Self::deposit_head_at(l2, &info, header.deposits_consumed);
			let finalizes_at = match (&info.config.mode, proof) {
				(VerificationMode::Optimistic { challenge_period }, None) => {
					now.saturating_add(*challenge_period)
				},
				(VerificationMode::Validity { verifying_key }, Some(proof)) => {
					let inputs = BatchPublicInputs::of(&header, deposit_head);
					Self::verify_proof(verifying_key, &inputs, &proof)?;
					now
				},
				(VerificationMode::Optimistic { .. }, Some(_)) => {
					return Err(Error::<T>::NotValidityMode.into())
				},
				(VerificationMode::Validity { .. }, None) => {
					return Err(Error::<T>::ValidityProofRequired.into())
				},
			};

			let index = header.index;
			let output_root = header.output_root;
			Batches::<T>::insert(
				l2,
				index,
				BatchRecord {
					header,
					sequencer: who.clone(),
					submitted_at: now,
					finalizes_at,
					deposit_head,
					challenge: None,
				},
			);
			sequencer.last_batch = Some(index);
			Sequencers::<T>::insert(l2, &who, sequencer);
			info.next_batch.saturating_inc();
			Self::deposit_event(Event::BatchSubmitted {
				l2,
				index,
				sequencer: who,
				output_root,
				finalizes_at,
			});
			if finalizes_at <= now {
				// A proven batch is final with its predecessors; `submit_proven_batch`'s weight
				// covers finalizing it.
				Self::finalize_ready(l2, &mut info, now);
			}
			L2s::<T>::insert(l2, info);
			Ok(finalized)
		}

		/// Checks that `proof` was made for `inputs` and verifies under `verifying_key`.
		fn verify_proof(
			verifying_key: &Groth16VerifyingKey,
			inputs: &BatchPublicInputs,
			proof: &ValidityProof,
		) -> DispatchResult {
			ensure!(&proof.public_inputs == inputs, Error::<T>::PublicInputsMismatch);
			let key = groth16::decode_stored_key(verifying_key)
				.map_err(|_| Error::<T>::MalformedVerifyingKey)?;
			groth16::verify(&key, inputs, &proof.proof).map_err(|error| match error {
				groth16::ProofError::Malformed => Error::<T>::MalformedProof,
				groth16::ProofError::Invalid => Error::<T>::InvalidProof,
			})?;
			Ok(())
		}

		/// Whether `proof` places `withdrawal` (as its SCALE encoding) in the tree with `root`.
		pub fn proves_withdrawal(
			root: &H256,
			withdrawal: &WithdrawalOf<T>,
			proof: WithdrawalProof,
		) -> bool {
			binary_merkle_tree::verify_proof::<Keccak256, _, _>(
				root,
				proof.siblings,
				proof.leaf_count,
				proof.leaf_index,
				&withdrawal.encode(),
			)
		}

		/// Marks final, in order, every pending batch whose period has passed up to the first
		/// that is challenged or still in its period, and removes the final batches that fall
		/// out of the retained ones. Returns how many it marked.
		///
		/// Calls run it before their own checks, a write ahead of checks on purpose: those checks
		/// look at what is final (deposit-queue room, which batches pay withdrawals, whether a
		/// sequencer's batches are settled). When a check then fails, the call's storage layer
		/// undoes the finalization with the rest.
		pub(crate) fn finalize_ready(
			l2: L2Id,
			info: &mut L2Info<T>,
			now: BlockNumberFor<T>,
		) -> u32 {
			let mut finalized = 0;
			while info.finalized_batches < info.next_batch {
				let index = info.finalized_batches;
				let Some(batch) = Batches::<T>::get(l2, index) else { break };
				if !Self::may_finalize(&batch, now) {
					break;
				}
				info.finalized_batches.saturating_inc();
				info.finalized_deposits_consumed = batch.header.deposits_consumed;
				finalized.saturating_inc();
				if let Some(expired) = index.checked_sub(T::RetainedFinalBatches::get().into()) {
					Batches::<T>::remove(l2, expired);
				}
				Self::deposit_event(Event::BatchFinalized {
					l2,
					index,
					output_root: batch.header.output_root,
				});
			}
			finalized
		}

		/// Whether final batch `index` is older than the retained ones, and so removed.
		fn is_pruned(info: &L2Info<T>, index: BatchIndex) -> bool {
			let retained = u64::from(T::RetainedFinalBatches::get());
			index.saturating_add(retained) < info.finalized_batches
		}

		/// Whether `batch` is final at block `now` once every earlier batch is: its period has
		/// passed and no challenge against it is open.
		fn may_finalize(batch: &BatchRecordOf<T>, now: BlockNumberFor<T>) -> bool {
			batch.challenge.is_none() && now >= batch.finalizes_at
		}

		/// The ring slot of the deposit-chain head after `count` deposits.
		fn deposit_slot(info: &L2Info<T>, count: u64) -> u32 {
			let slots = u64::from(info.config.limits.max_pending_deposits).saturating_add(1);
			// The remainder is at most `max_pending_deposits`, a u32; `slots` is never zero.
			count.checked_rem(slots).and_then(|slot| u32::try_from(slot).ok()).unwrap_or_default()
		}

		/// The deposit-chain head after `count` deposits, for `count` between the newest final
		/// batch's `deposits_consumed` and the deposit count, which the ring keeps.
		fn deposit_head_at(l2: L2Id, info: &L2Info<T>, count: u64) -> H256 {
			if count == info.deposit_count {
				info.deposit_head
			} else if count == 0 {
				H256::zero()
			} else {
				DepositHeads::<T>::get(l2, Self::deposit_slot(info, count)).unwrap_or_default()
			}
		}

		/// Moves `amount` held from `offender` for `reason`: `DisputeReward` of it to
		/// `rewarded`, the rest to the treasury. Returns what was slashed and the reward.
		fn slash(
			reason: HoldReason,
			offender: &T::AccountId,
			amount: Balance,
			rewarded: &T::AccountId,
		) -> Result<(Balance, Balance), DispatchError> {
			let reason = reason.into();
			let slashed = amount.min(T::Currency::balance_on_hold(&reason, offender));
			let reward = T::DisputeReward::get().mul_floor(slashed);
			for (dest, share) in
				[(rewarded, reward), (&T::Treasury::get(), slashed.saturating_sub(reward))]
			{
				if !share.is_zero() {
					T::Currency::transfer_on_hold(
						&reason,
						offender,
						dest,
						share,
						Precision::Exact,
						Restriction::Free,
						Fortitude::Force,
					)?;
				}
			}
			Ok((slashed, reward))
		}

		/// Upholds `challenge` against `batch`: slashes its sequencer, returns the challenger's
		/// bond, and reverts the batch and every later one. Returns how many were reverted.
		fn uphold_challenge(
			l2: L2Id,
			info: &mut L2Info<T>,
			batch: BatchRecordOf<T>,
			challenge: Challenge<T::AccountId, Balance>,
		) -> Result<u32, DispatchError> {
			let index = batch.header.index;
			let offender = batch.sequencer;
			let bond = Sequencers::<T>::get(l2, &offender).map_or(0, |sequencer| sequencer.bond);
			let (slashed, reward) =
				Self::slash(HoldReason::SequencerBond, &offender, bond, &challenge.challenger)?;
			if let Some(sequencer) = Sequencers::<T>::take(l2, &offender) {
				if sequencer.unbonded_at.is_none() {
					info.sequencers.saturating_dec();
				}
			}
			Self::release_challenge_bond(&challenge)?;
			info.open_disputes.saturating_dec();

			// Later batches built on the invalid one: they go, their challengers are made whole,
			// and their sequencers' newest batch can be at most the one before `index`.
			let mut reverted: u32 = 1;
			for later in index.saturating_add(1)..info.next_batch {
				let Some(later) = Batches::<T>::take(l2, later) else { continue };
				reverted.saturating_inc();
				if let Some(challenge) = later.challenge {
					Self::release_challenge_bond(&challenge)?;
					info.open_disputes.saturating_dec();
				}
				Sequencers::<T>::mutate(l2, &later.sequencer, |sequencer| {
					if let Some(sequencer) = sequencer {
						if sequencer.last_batch.is_some_and(|last| last >= index) {
							sequencer.last_batch = index.checked_sub(1);
						}
					}
				});
			}
			Batches::<T>::remove(l2, index);
			info.next_batch = index;
			Self::deposit_event(Event::ChallengeUpheld {
				l2,
				index,
				sequencer: offender,
				challenger: challenge.challenger,
				slashed,
				reward,
				reverted,
			});
			Ok(reverted)
		}

		fn release_challenge_bond(challenge: &Challenge<T::AccountId, Balance>) -> DispatchResult {
			T::Currency::release(
				&HoldReason::ChallengeBond.into(),
				&challenge.challenger,
				challenge.bond,
				Precision::BestEffort,
			)
			.map(|_| ())
		}

		/// `l2` as of this block, counting as final every batch that `finalize_ready` would.
		pub fn status(l2: L2Id) -> Option<L2Status<T::AccountId, Balance, BlockNumberFor<T>>> {
			let info = L2s::<T>::get(l2)?;
			let now = frame_system::Pallet::<T>::block_number();
			let stored_final = info
				.finalized_batches
				.checked_sub(1)
				.and_then(|index| Batches::<T>::get(l2, index));
			let unsettled: Vec<_> = (info.finalized_batches..info.next_batch)
				.filter_map(|index| Batches::<T>::get(l2, index))
				.collect();
			let newly_final =
				unsettled.iter().take_while(|batch| Self::may_finalize(batch, now)).count();
			let (newly_final, pending) = unsettled.split_at(newly_final);
			Some(L2Status {
				config: info.config,
				genesis_output_root: info.genesis_output_root,
				sequencers: info.sequencers,
				last_finalized: newly_final.last().cloned().or(stored_final),
				open_disputes: pending
					.iter()
					.filter(|batch| batch.challenge.is_some())
					.map(|batch| batch.header.index)
					.collect(),
				pending: pending.to_vec(),
				deposit_count: info.deposit_count,
				deposit_head: info.deposit_head,
				escrowed: info.escrowed,
			})
		}

		/// Every L2's counters agree with its batches and sequencers, its escrow holds at least
		/// what it may still pay out, and its verifying key, if any, is a valid one; every bond
		/// recorded is what its account has on hold.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use sp_runtime::TryRuntimeError;
			for (l2, info) in L2s::<T>::iter() {
				let escrow = T::Currency::balance(&Self::escrow_account(l2));
				if escrow < info.escrowed.saturating_add(T::Currency::minimum_balance()) {
					return Err(TryRuntimeError::Other("escrow holds less than it owes"));
				}
				if let VerificationMode::Validity { verifying_key } = &info.config.mode {
					if groth16::decode_verifying_key(verifying_key).is_err() {
						return Err(TryRuntimeError::Other("L2 verifying key does not decode"));
					}
				}
				let limits = info.config.limits;
				if info.finalized_batches > info.next_batch
					|| info.pending_batches() > u64::from(limits.max_pending_batches)
					|| info.pending_deposits() > u64::from(limits.max_pending_deposits)
				{
					return Err(TryRuntimeError::Other("L2 state out of its bounds"));
				}
				let batches = Batches::<T>::iter_prefix(l2).count() as u64;
				let disputes = Batches::<T>::iter_prefix_values(l2)
					.filter(|batch| batch.challenge.is_some())
					.count() as u32;
				let retained = u64::from(T::RetainedFinalBatches::get());
				let pruned = info.finalized_batches.saturating_sub(retained);
				let oldest_kept = Batches::<T>::iter_key_prefix(l2).min();
				if batches != info.next_batch.saturating_sub(pruned)
					|| disputes != info.open_disputes
					|| oldest_kept.is_some_and(|oldest| oldest != pruned)
				{
					return Err(TryRuntimeError::Other("L2 batch counters disagree with storage"));
				}
				let active = Sequencers::<T>::iter_prefix_values(l2)
					.filter(|sequencer| sequencer.unbonded_at.is_none())
					.count() as u32;
				if active != info.sequencers {
					return Err(TryRuntimeError::Other("L2 sequencer count disagrees"));
				}
			}
			Self::check_bonds_held()
		}

		/// The sequencer and challenge bonds each account has recorded, summed over every L2,
		/// are what it has on hold for them.
		fn check_bonds_held() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::BTreeMap;
			let mut sequencer_bonds = BTreeMap::<T::AccountId, Balance>::new();
			for (_, who, sequencer) in Sequencers::<T>::iter() {
				let total = sequencer_bonds.entry(who).or_default();
				*total = total.saturating_add(sequencer.bond);
			}
			let mut challenge_bonds = BTreeMap::<T::AccountId, Balance>::new();
			for challenge in Batches::<T>::iter_values().filter_map(|batch| batch.challenge) {
				let total = challenge_bonds.entry(challenge.challenger).or_default();
				*total = total.saturating_add(challenge.bond);
			}
			for (reason, bonds) in [
				(HoldReason::SequencerBond, sequencer_bonds),
				(HoldReason::ChallengeBond, challenge_bonds),
			] {
				let reason = reason.into();
				if bonds
					.iter()
					.any(|(who, bond)| T::Currency::balance_on_hold(&reason, who) != *bond)
				{
					return Err(sp_runtime::TryRuntimeError::Other(
						"L2 bonds differ from the holds",
					));
				}
			}
			Ok(())
		}
	}
}
