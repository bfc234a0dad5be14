//! # CNS bridge
//!
//! ENS (`.eth`) and Unstoppable Domains (`.crypto`, `.nft`, `.x`, …) names, as a quorum of
//! oracles read them on Ethereum.
//!
//! - **Requests**: any account asks for a bridged name with [`Pallet::request`], which holds
//!   [`Config::RequestDeposit`]. The deposit pays for the attestations: it goes to
//!   [`Config::FeeDestination`] once the quorum answers, and back to the requester if the
//!   request expires unanswered ([`BridgeParameters::request_ttl`]). At most
//!   [`Config::MaxRequests`] wait at once, one per name.
//! - **Oracles**: keys of [`Config::OracleId`], set by [`Config::AdminOrigin`] with
//!   [`Pallet::set_oracles`]. Each attests the request with [`Pallet::attest`], an authorized
//!   transaction (`frame_system::AuthorizeCall`) signed with its key: oracles pay no fee and
//!   nobody else can attest. An attestation names its request's id, so it answers that request
//!   only.
//! - **Quorum**: when [`BridgeParameters::quorum`] oracles attest the same lookup (the same
//!   records, or "not found"), it is stored with the earliest Ethereum block among them, and
//!   resolves for [`BridgeParameters::record_ttl`] blocks; then it is removed, and the name
//!   resolves to nothing until it is requested again. An attestation that differs from an
//!   earlier one for the same request emits [`Event::Disagreement`] and is kept: the quorum may
//!   still form. The quorum is always more than half of the oracles, so two answers can never
//!   both form one.
//! - **Names** are the bridged names of [`ghostchain_primitives::cns::classify_name`]: lowercase
//!   ASCII, as CNS's own. Unicode ENS names are refused ([`Error::NonAscii`]) until ENSIP-15
//!   normalization exists in a `no_std` crate. Storage is keyed by the EIP-137 namehash.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod offchain;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

const LOG_TARGET: &str = "runtime::cns-bridge";

/// The oracles' key type in the node's keystore (`key insert --key-type cnsb`).
pub const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"cnsb");

/// What an oracle signs: this context, then its SCALE-encoded [`Attestation`].
pub const ATTESTATION_CONTEXT: &[u8] = b"ghostchain/cns-bridge/attestation";

/// The oracles' sr25519 keys.
pub mod crypto {
	use sp_application_crypto::{app_crypto, sr25519};
	app_crypto!(sr25519, super::KEY_TYPE);
}

#[frame_support::pallet]
pub mod pallet {
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Restriction},
		},
	};
	use frame_system::pallet_prelude::*;
	use ghostchain_primitives::cns::{
		classify_name, namehash, BridgeSource, BridgedNameRecords, BridgedResolution, NameError,
		NameKind,
	};
	use sp_core::H256;
	use sp_runtime::{
		traits::{MaybeSerializeDeserialize, One, Saturating, Zero},
		RuntimeAppPublic,
	};

	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// How many later blocks an expiry moves to when its own block's queue is full.
	pub(crate) const EXPIRY_SLACK: u32 = 16;

	/// The custom validity error of an attestation whose records are not in canonical order.
	pub const NON_CANONICAL_RECORDS: u8 = 1;

	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	pub type SignatureOf<T> = <<T as Config>::OracleId as RuntimeAppPublic>::Signature;
	pub type RequestOf<T> =
		Request<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// An oracle's attestation as kept until the quorum forms.
	pub type AttestationsOf<T> =
		BoundedVec<(<T as Config>::OracleId, EthBlock, Lookup<T>), <T as Config>::MaxOracles>;

	/// What `check_attestation` read: the request an attestation answers, the oracles, and
	/// the request's attestations so far.
	pub(crate) struct Checked<T: Config> {
		request: RequestOf<T>,
		oracles: BoundedVec<T::OracleId, T::MaxOracles>,
		attestations: AttestationsOf<T>,
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ frame_system::offchain::CreateAuthorizedTransaction<Call<Self>>
	{
		/// Holds request deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		type RuntimeHoldReason: From<HoldReason>;

		/// An oracle's public key, with which it signs its attestations.
		type OracleId: Member
			+ Parameter
			+ MaxEncodedLen
			+ Ord
			+ RuntimeAppPublic
			+ MaybeSerializeDeserialize;

		/// Sets the oracles and the bridge's parameters.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// What a request holds from the requester until it is answered or expires; at least
		/// the existential deposit, so that it can be paid to a fresh fee destination.
		#[pallet::constant]
		type RequestDeposit: Get<BalanceOf<Self>>;

		/// Where answered requests' deposits go.
		type FeeDestination: Get<Self::AccountId>;

		/// The priority of attestations in the transaction pool.
		#[pallet::constant]
		type AttestationPriority: Get<TransactionPriority>;

		#[pallet::constant]
		type MaxOracles: Get<u32>;
		/// The most requests waiting at once.
		#[pallet::constant]
		type MaxRequests: Get<u32>;
		#[pallet::constant]
		type MaxAddresses: Get<u32>;
		#[pallet::constant]
		type MaxAddressLength: Get<u32>;
		#[pallet::constant]
		type MaxTextRecords: Get<u32>;
		#[pallet::constant]
		type MaxTextKeyLength: Get<u32>;
		#[pallet::constant]
		type MaxTextValueLength: Get<u32>;
		#[pallet::constant]
		type MaxContentHashLength: Get<u32>;

		/// Weight information for the calls and hooks of this pallet.
		type WeightInfo: WeightInfo;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a waiting request.
		#[codec(index = 0)]
		Request,
	}

	/// The oracles, in ascending order.
	#[pallet::storage]
	pub type Oracles<T: Config> =
		StorageValue<_, BoundedVec<T::OracleId, T::MaxOracles>, ValueQuery>;

	/// The quorum, TTLs and Ethereum contracts.
	#[pallet::storage]
	pub type Parameters<T: Config> =
		StorageValue<_, BridgeParameters<BlockNumberFor<T>>, OptionQuery>;

	/// The id the next request gets.
	#[pallet::storage]
	pub type NextRequestId<T: Config> = StorageValue<_, RequestId, ValueQuery>;

	/// Waiting requests, by the namehash of their name.
	#[pallet::storage]
	pub type Requests<T: Config> = CountedStorageMap<_, Identity, H256, RequestOf<T>>;

	/// The attestations a waiting request has so far, by the namehash of its name.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageMap<_, Identity, H256, AttestationsOf<T>, ValueQuery>;

	/// Stored answers, by namehash, until they expire.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Identity, H256, BridgedRecord<T>>;

	/// The namehashes of the requests that expire at a block.
	#[pallet::storage]
	pub type RequestExpiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<H256, T::MaxRequests>,
		ValueQuery,
	>;

	/// The namehashes of the records that expire at a block.
	#[pallet::storage]
	pub type RecordExpiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<H256, T::MaxRequests>,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The quorum, TTLs and contracts; without them, requests are refused.
		pub parameters: Option<BridgeParameters<BlockNumberFor<T>>>,
		pub oracles: Vec<T::OracleId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let oracles = Pallet::<T>::checked_oracles(self.oracles.clone())
				.unwrap_or_else(|error| panic!("genesis oracles: {error:?}"));
			if let Some(parameters) = &self.parameters {
				Pallet::<T>::check_parameters(parameters, oracles.len())
					.unwrap_or_else(|error| panic!("genesis parameters: {error:?}"));
				Parameters::<T>::put(parameters);
			}
			Oracles::<T>::put(oracles);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `requester` asked for `name`; oracles answer request `request`.
		Requested {
			name: Name,
			request: RequestId,
			requester: T::AccountId,
		},
		/// `oracle` answered request `request` for `name`.
		Attested {
			name: Name,
			request: RequestId,
			oracle: T::OracleId,
		},
		/// `oracle`'s answer for `name` differs from an earlier oracle's: `answers` different
		/// lookups stand for the request now.
		Disagreement {
			name: Name,
			request: RequestId,
			oracle: T::OracleId,
			answers: u32,
		},
		/// The quorum agreed on `name`, as of `eth_block`: its records (or, if `found` is
		/// false, that it is not registered) resolve until `expires_at`.
		RecordStored {
			name: Name,
			found: bool,
			eth_block: EthBlock,
			expires_at: BlockNumberFor<T>,
		},
		/// `name`'s request expired unanswered, and its deposit went back to the requester.
		RequestExpired {
			name: Name,
			request: RequestId,
			refunded: BalanceOf<T>,
		},
		/// `name`'s record expired: it resolves to nothing until it is requested again.
		RecordExpired {
			name: Name,
		},
		OraclesSet {
			oracles: Vec<T::OracleId>,
		},
		ParametersSet {
			parameters: BridgeParameters<BlockNumberFor<T>>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The name breaks CNS's label rules (`cns_resolve` names the rule).
		MalformedName,
		/// The name has a byte outside ASCII: Unicode ENS names need ENSIP-15 normalization,
		/// which the bridge does not have yet.
		NonAscii,
		/// The name is native to CNS, or its TLD is unknown: only `.eth` and the Unstoppable
		/// Domains TLDs are bridged.
		NotBridged,
		/// The bridge has no parameters yet, or fewer oracles than its quorum.
		BridgeOffline,
		/// The name has a request waiting already.
		AlreadyRequested,
		/// The name has a record that has not expired; it can be requested again once it has.
		RecordFresh,
		/// `MaxRequests` requests are waiting already.
		TooManyRequests,
		/// So many requests or records expire around the same block that no queue has room.
		ExpiryQueueFull,
		/// An oracle key is listed twice.
		DuplicateOracle,
		/// More oracles than `MaxOracles`.
		TooManyOracles,
		/// The quorum is zero, or not more than half of the oracles.
		InvalidQuorum,
		/// A TTL is zero.
		InvalidTtl,
		/// The attesting key is not an oracle's.
		NotOracle,
		/// No request is waiting for this name with the attestation's request id.
		UnknownRequest,
		/// The oracle has answered this request already.
		AlreadyAttested,
		/// The addresses or texts are not in ascending key order, or repeat a key.
		NonCanonicalRecords,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Expires the requests and records due at `now`.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let requests = RequestExpiries::<T>::take(now);
			let records = RecordExpiries::<T>::take(now);
			let weight = T::WeightInfo::on_initialize(requests.len() as u32, records.len() as u32);
			for hash in requests {
				Self::expire_request(hash);
			}
			for hash in records {
				if let Some(record) = Records::<T>::take(hash) {
					Self::deposit_event(Event::RecordExpired { name: record.name });
				}
			}
			weight
		}

		/// Oracles whose node has an Ethereum endpoint answer the waiting requests.
		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::attest_waiting_requests(now);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(
				T::RequestDeposit::get() >= T::Currency::minimum_balance(),
				"a request deposit is at least the existential deposit"
			);
			assert!(T::MaxOracles::get() > 0, "the bridge allows at least one oracle");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Asks the oracles for the bridged `name`, holding [`Config::RequestDeposit`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::request())]
		pub fn request(origin: OriginFor<T>, name: Vec<u8>) -> DispatchResult {
			let requester = ensure_signed(origin)?;
			let (name, source) = Self::bridged_name(name)?;
			let parameters = Parameters::<T>::get().ok_or(Error::<T>::BridgeOffline)?;
			let oracles = Oracles::<T>::decode_len().unwrap_or(0);
			ensure!(oracles >= parameters.quorum as usize, Error::<T>::BridgeOffline);
			let hash = H256(namehash(&name));
			ensure!(!Requests::<T>::contains_key(hash), Error::<T>::AlreadyRequested);
			ensure!(!Records::<T>::contains_key(hash), Error::<T>::RecordFresh);
			ensure!(Requests::<T>::count() < T::MaxRequests::get(), Error::<T>::TooManyRequests);
			let now = frame_system::Pallet::<T>::block_number();
			let expires_at = Self::free_expiry(now.saturating_add(parameters.request_ttl), |at| {
				RequestExpiries::<T>::decode_len(at)
			})?;
			let deposit = T::RequestDeposit::get();
			T::Currency::hold(&HoldReason::Request.into(), &requester, deposit)?;

			let id = NextRequestId::<T>::mutate(|next| {
				let id = *next;
				*next = next.saturating_add(1);
				id
			});
			RequestExpiries::<T>::try_mutate(expires_at, |queue| queue.try_push(hash))
				.map_err(|_| Error::<T>::ExpiryQueueFull)?;
			Requests::<T>::insert(
				hash,
				Request {
					id,
					name: name.clone(),
					source,
					requester: requester.clone(),
					deposit,
					expires_at,
				},
			);
			Self::deposit_event(Event::Requested { name, request: id, requester });
			Ok(())
		}

		/// An oracle's answer to a request, authorized by its signature over
		/// [`ATTESTATION_CONTEXT`] and the encoded `attestation`. Completes the request when
		/// it makes the quorum.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::attest_completing().max(T::WeightInfo::attest_waiting()))]
		#[pallet::weight_of_authorize(T::WeightInfo::authorize_attest())]
		#[pallet::authorize(Self::authorize_attest)]
		pub fn attest(
			origin: OriginFor<T>,
			attestation: Attestation<T>,
			oracle: T::OracleId,
			// Checked in `authorize_attest`.
			_signature: SignatureOf<T>,
		) -> DispatchResultWithPostInfo {
			ensure_authorized(origin)?;
			let hash = H256(namehash(&attestation.name));
			let Checked { request, oracles, mut attestations } =
				Self::check_attestation(hash, &attestation, &oracle)?;
			let parameters = Parameters::<T>::get().ok_or(Error::<T>::BridgeOffline)?;
			// Oracles removed since they attested no longer count.
			attestations.retain(|(by, _, _)| oracles.binary_search(by).is_ok());
			let answers = Self::distinct_answers(&attestations, &attestation.lookup);
			// Cannot fail: the others are distinct oracles of a set of at most `MaxOracles`,
			// this one among them.
			attestations
				.try_push((oracle.clone(), attestation.eth_block, attestation.lookup.clone()))
				.map_err(|_| Error::<T>::AlreadyAttested)?;
			let agreeing: Vec<EthBlock> = attestations
				.iter()
				.filter(|(_, _, lookup)| *lookup == attestation.lookup)
				.map(|(_, eth_block, _)| *eth_block)
				.collect();

			Self::deposit_event(Event::Attested {
				name: request.name.clone(),
				request: request.id,
				oracle: oracle.clone(),
			});
			if answers > 1 {
				Self::deposit_event(Event::Disagreement {
					name: request.name.clone(),
					request: request.id,
					oracle,
					answers,
				});
			}
			if (agreeing.len() as u32) < parameters.quorum {
				Attestations::<T>::insert(hash, attestations);
				return Ok(Some(T::WeightInfo::attest_waiting()).into());
			}

			let eth_block = agreeing
				.into_iter()
				.min_by_key(|block| block.number)
				.unwrap_or(attestation.eth_block);
			Self::complete(hash, request, eth_block, attestation.lookup, parameters.record_ttl)?;
			Ok(Some(T::WeightInfo::attest_completing()).into())
		}

		/// Replaces the oracles. Waiting requests keep the attestations of oracles that stay.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_oracles(T::MaxOracles::get()))]
		pub fn set_oracles(origin: OriginFor<T>, oracles: Vec<T::OracleId>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let oracles = Self::checked_oracles(oracles)?;
			if let Some(parameters) = Parameters::<T>::get() {
				Self::check_parameters(&parameters, oracles.len())?;
			}

			Oracles::<T>::put(&oracles);
			Self::deposit_event(Event::OraclesSet { oracles: oracles.into_inner() });
			Ok(())
		}

		/// Replaces the quorum, TTLs and contracts. Stored records and waiting requests keep the
		/// expiry they were given.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(
			origin: OriginFor<T>,
			parameters: BridgeParameters<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::check_parameters(&parameters, Oracles::<T>::decode_len().unwrap_or(0))?;

			Parameters::<T>::put(&parameters);
			Self::deposit_event(Event::ParametersSet { parameters });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// `name` as a bridged name with the service that holds it, or the error that refuses
		/// it.
		fn bridged_name(name: Vec<u8>) -> Result<(Name, BridgeSource), Error<T>> {
			let source = match classify_name(&name) {
				Ok(NameKind::Bridged(source)) => source,
				Ok(NameKind::Native(_)) | Err(NameError::UnknownTld) => {
					return Err(Error::<T>::NotBridged)
				},
				Err(NameError::NonAscii) => return Err(Error::<T>::NonAscii),
				Err(_) => return Err(Error::<T>::MalformedName),
			};
			let name = Name::try_from(name).map_err(|_| Error::<T>::MalformedName)?;
			Ok((name, source))
		}

		/// The oracles in ascending order, refused if one repeats or there are too many.
		fn checked_oracles(
			mut oracles: Vec<T::OracleId>,
		) -> Result<BoundedVec<T::OracleId, T::MaxOracles>, Error<T>> {
			oracles.sort();
			ensure!(
				oracles.windows(2).all(|pair| pair.first() != pair.get(1)),
				Error::<T>::DuplicateOracle
			);
			BoundedVec::try_from(oracles).map_err(|_| Error::<T>::TooManyOracles)
		}

		/// Refuses zero TTLs, and a quorum that is not a majority of `oracles`. A quorum larger
		/// than the oracles is allowed (the bridge is offline until enough are set), so that
		/// the admin can grow the set by raising the quorum first, and shrink it by lowering the
		/// quorum after, with a majority at every step.
		fn check_parameters(
			parameters: &BridgeParameters<BlockNumberFor<T>>,
			oracles: usize,
		) -> Result<(), Error<T>> {
			ensure!(
				!parameters.record_ttl.is_zero() && !parameters.request_ttl.is_zero(),
				Error::<T>::InvalidTtl
			);
			let quorum = parameters.quorum as usize;
			ensure!(quorum > 0 && quorum.saturating_mul(2) > oracles, Error::<T>::InvalidQuorum);
			Ok(())
		}

		/// The waiting request that `attestation` by `oracle` answers, if it may.
		fn check_attestation(
			hash: H256,
			attestation: &Attestation<T>,
			oracle: &T::OracleId,
		) -> Result<Checked<T>, Error<T>> {
			let oracles = Oracles::<T>::get();
			ensure!(oracles.binary_search(oracle).is_ok(), Error::<T>::NotOracle);
			let request = Requests::<T>::get(hash)
				.filter(|request| request.id == attestation.request)
				.ok_or(Error::<T>::UnknownRequest)?;
			let attestations = Attestations::<T>::get(hash);
			ensure!(
				!attestations.iter().any(|(by, _, _)| by == oracle),
				Error::<T>::AlreadyAttested
			);
			if let Lookup::Found(records) = &attestation.lookup {
				ensure!(records.is_canonical(), Error::<T>::NonCanonicalRecords);
			}
			Ok(Checked { request, oracles, attestations })
		}

		/// How many different lookups stand once `lookup` joins `attestations`.
		fn distinct_answers(attestations: &AttestationsOf<T>, lookup: &Lookup<T>) -> u32 {
			let mut answers: Vec<&Lookup<T>> = Vec::new();
			for answer in attestations.iter().map(|(_, _, lookup)| lookup).chain([lookup]) {
				if !answers.contains(&answer) {
					answers.push(answer);
				}
			}
			answers.len() as u32
		}

		/// Stores the quorum's answer, ends the request and pays its deposit to the fee
		/// destination.
		fn complete(
			hash: H256,
			request: RequestOf<T>,
			eth_block: EthBlock,
			lookup: Lookup<T>,
			record_ttl: BlockNumberFor<T>,
		) -> DispatchResult {
			let now = frame_system::Pallet::<T>::block_number();
			let expires_at = Self::free_expiry(now.saturating_add(record_ttl), |at| {
				RecordExpiries::<T>::decode_len(at)
			})?;
			T::Currency::transfer_on_hold(
				&HoldReason::Request.into(),
				&request.requester,
				&T::FeeDestination::get(),
				request.deposit,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)?;

			RecordExpiries::<T>::try_mutate(expires_at, |queue| queue.try_push(hash))
				.map_err(|_| Error::<T>::ExpiryQueueFull)?;
			RequestExpiries::<T>::mutate(request.expires_at, |queue| queue.retain(|h| *h != hash));
			Requests::<T>::remove(hash);
			Attestations::<T>::remove(hash);
			let found = matches!(lookup, Lookup::Found(_));
			Records::<T>::insert(
				hash,
				BridgedRecord {
					name: request.name.clone(),
					source: request.source,
					eth_block,
					lookup,
					expires_at,
				},
			);
			Self::deposit_event(Event::RecordStored {
				name: request.name,
				found,
				eth_block,
				expires_at,
			});
			Ok(())
		}

		/// Ends an unanswered request and refunds its deposit.
		fn expire_request(hash: H256) {
			let Some(request) = Requests::<T>::take(hash) else { return };
			Attestations::<T>::remove(hash);
			let refunded = T::Currency::release(
				&HoldReason::Request.into(),
				&request.requester,
				request.deposit,
				Precision::BestEffort,
			)
			.unwrap_or_else(|_| Zero::zero());
			Self::deposit_event(Event::RequestExpired {
				name: request.name,
				request: request.id,
				refunded,
			});
		}

		/// The first block from `at`, within [`EXPIRY_SLACK`], whose expiry queue (of the length
		/// `queued` reads) has room.
		fn free_expiry(
			at: BlockNumberFor<T>,
			queued: impl Fn(BlockNumberFor<T>) -> Option<usize>,
		) -> Result<BlockNumberFor<T>, Error<T>> {
			let mut block = at;
			for _ in 0..EXPIRY_SLACK {
				if queued(block).unwrap_or(0) < T::MaxRequests::get() as usize {
					return Ok(block);
				}
				block = block.saturating_add(One::one());
			}
			Err(Error::<T>::ExpiryQueueFull)
		}

		/// Checks the attestation's signature and the request it answers, for the transaction
		/// pool and the block alike.
		fn authorize_attest(
			_source: TransactionSource,
			attestation: &Attestation<T>,
			oracle: &T::OracleId,
			signature: &SignatureOf<T>,
		) -> TransactionValidityWithRefund {
			let hash = H256(namehash(&attestation.name));
			let Checked { request, .. } = Self::check_attestation(hash, attestation, oracle)
				.map_err(|error| match error {
					Error::<T>::NotOracle => InvalidTransaction::BadSigner,
					Error::<T>::NonCanonicalRecords => {
						InvalidTransaction::Custom(NON_CANONICAL_RECORDS)
					},
					_ => InvalidTransaction::Stale,
				})?;
			let payload = (ATTESTATION_CONTEXT, attestation).encode();
			ensure!(oracle.verify(&payload, signature), InvalidTransaction::BadProof);

			let now = frame_system::Pallet::<T>::block_number();
			let longevity: u64 =
				request.expires_at.saturating_sub(now).try_into().unwrap_or(u64::MAX).max(1);
			ValidTransaction::with_tag_prefix("CnsBridge")
				.priority(T::AttestationPriority::get())
				.and_provides((request.id, oracle))
				.longevity(longevity)
				.propagate(true)
				.build()
				.map(|validity| (validity, Weight::zero()))
		}

		/// The record of `name`, which resolves until its expiry block removes it.
		pub fn record(name: &[u8]) -> Option<BridgedRecord<T>> {
			let now = frame_system::Pallet::<T>::block_number();
			Records::<T>::get(H256(namehash(name))).filter(|record| record.expires_at > now)
		}

		/// The stored answer for `name` as [`CnsApi::resolve_bridged`] returns it.
		///
		/// [`CnsApi::resolve_bridged`]: ghostchain_primitives::cns::CnsApi::resolve_bridged
		pub fn resolve(name: &[u8]) -> Option<BridgedResolution<BlockNumberFor<T>>> {
			let record = Self::record(name)?;
			let records = match record.lookup {
				Lookup::NotFound => None,
				Lookup::Found(records) => Some(BridgedNameRecords {
					owner: records.owner,
					addresses: records
						.addresses
						.into_iter()
						.map(|(coin_type, address)| (coin_type, address.into_inner()))
						.collect(),
					texts: records
						.texts
						.into_iter()
						.map(|(key, value)| (key.into_inner(), value.into_inner()))
						.collect(),
					content_hash: records.content_hash.map(BoundedVec::into_inner),
				}),
			};
			Some(BridgedResolution {
				source: record.source,
				eth_block_number: record.eth_block.number,
				eth_block_hash: record.eth_block.hash,
				// `expires_at`'s own block removes the record first.
				expiry: record.expires_at.saturating_sub(One::one()),
				records,
			})
		}

		/// Every waiting request and its attestations belong to one another, are queued for
		/// expiry where they say, and are fewer than allowed; records are queued likewise.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			ensure!(
				Requests::<T>::count() <= T::MaxRequests::get(),
				"more requests wait than MaxRequests"
			);
			for (hash, request) in Requests::<T>::iter() {
				ensure!(H256(namehash(&request.name)) == hash, "a request is under another name");
				ensure!(
					RequestExpiries::<T>::get(request.expires_at).contains(&hash),
					"a request is not queued for expiry"
				);
				ensure!(request.id < NextRequestId::<T>::get(), "a request id was not handed out");
			}
			for (hash, _) in Attestations::<T>::iter() {
				ensure!(Requests::<T>::contains_key(hash), "attestations without a request");
			}
			for (hash, record) in Records::<T>::iter() {
				ensure!(H256(namehash(&record.name)) == hash, "a record is under another name");
				ensure!(
					RecordExpiries::<T>::get(record.expires_at).contains(&hash),
					"a record is not queued for expiry"
				);
			}
			Ok(())
		}
	}
}
