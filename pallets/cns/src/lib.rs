//! # CNS, the Crypto Name Service
//!
//! GhostChain's name registry for `.ghost`, `.gcc`, `.warp`, `.arc` and `.gcp`.
//!
//! - **Names** follow [`ghostchain_primitives::cns::parse_name`]: lowercase ASCII labels of
//!   letters, digits and inner hyphens, 1–63 bytes each, 253 bytes in all. Each malformed name
//!   gets its own error; `.eth` and the Unstoppable Domains TLDs get [`Error::BridgedTld`].
//! - **TLDs** each have a [`TldConfig`]: enabled or not, the token that pays, and a yearly price
//!   by label length. Set at genesis, changed by [`Config::TldOrigin`].
//! - **Registration is commit–reveal**, against front-running: [`Pallet::commit`] a hash of
//!   `(name, owner, secret)` (see [`Pallet::commitment_hash`]), wait at least
//!   [`Config::MinCommitmentAge`] blocks, then [`Pallet::register`] within
//!   [`Config::MaxCommitmentAge`]. The price × years goes to the treasury of
//!   `pallet-ghost-tokens`.
//! - **Lifecycle**: a name is active until its expiry, then in grace for
//!   [`Config::GracePeriod`] blocks (it does not resolve; only the owner may renew), then
//!   expired: anyone may register it again, which releases the old registration, its records
//!   and its subnames, and returns their deposits. Anyone may renew an active name.
//! - **Ownership** is NFT-like: [`Pallet::transfer`], and [`Pallet::approve`] of one operator
//!   who may change the records.
//! - **Records**: an address per coin type, text records, a content hash and a GID link, held
//!   against a GCC deposit that grows with their size and is returned when they go.
//! - **Subnames**: the owner of `name.tld` makes `sub.name.tld` for any account
//!   ([`Pallet::set_subname`]) and may revoke it; it lasts as long as its parent.
//! - **Reverse records**: [`Pallet::set_primary_name`] to a name the account owns, or whose GCC
//!   address record is the account's EVM address; [`Pallet::primary_name`] checks again.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod try_state;
mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::tokens::Preservation};
	use frame_system::pallet_prelude::*;
	use ghostchain_primitives::{
		cns::{
			address_length, parse_name, NameError, NameStatus, ParsedName, Resolution, Tld,
			GCC_COIN_TYPE, MAX_NAMES_PER_PAGE,
		},
		tokens::TokenKind,
		Balance,
	};
	use pallet_ghost_tokens::{Deposit, MultiToken};
	use sp_core::H256;
	use sp_runtime::traits::{CheckedAdd, CheckedMul, Convert, Saturating, Zero};

	use super::*;

	/// The version of this pallet's storage layout; a migration that changes the layout bumps
	/// it.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why CNS holds a balance.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an unused commitment.
		Commitment,
		/// The deposit for a name's records.
		Records,
		/// The deposit for an account's primary name.
		PrimaryName,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Charges prices and holds deposits in any of the four tokens.
		type Tokens: MultiToken<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// May change a TLD's configuration: Root, then governance.
		type TldOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// An account's 20-byte EVM address, which its GCC address record holds.
		type EvmAddress: Convert<Self::AccountId, [u8; 20]>;

		/// The length of one year of registration.
		#[pallet::constant]
		type BlocksPerYear: Get<BlockNumberFor<Self>>;

		/// How long an expired name stays its owner's to renew.
		#[pallet::constant]
		type GracePeriod: Get<BlockNumberFor<Self>>;

		/// The most years a name may be paid ahead, counted from now.
		#[pallet::constant]
		type MaxRegistrationYears: Get<u32>;

		/// A commitment must be at least this many blocks old to register with.
		#[pallet::constant]
		type MinCommitmentAge: Get<BlockNumberFor<Self>>;

		/// A commitment older than this many blocks can no longer register.
		#[pallet::constant]
		type MaxCommitmentAge: Get<BlockNumberFor<Self>>;

		/// GCC held for each commitment until it is used or removed.
		#[pallet::constant]
		type CommitmentDeposit: Get<Balance>;

		/// GCC held from an account while it has a primary name.
		#[pallet::constant]
		type PrimaryNameDeposit: Get<Balance>;

		/// GCC held for any non-empty set of records.
		#[pallet::constant]
		type RecordDepositBase: Get<Balance>;

		/// GCC held per byte of a name's records.
		#[pallet::constant]
		type RecordDepositPerByte: Get<Balance>;

		/// The most address records a name may have.
		#[pallet::constant]
		type MaxAddresses: Get<u32>;

		/// The longest address record, in bytes.
		#[pallet::constant]
		type MaxAddressLength: Get<u32>;

		/// The most text records a name may have.
		#[pallet::constant]
		type MaxTextRecords: Get<u32>;

		/// The longest text record key, in bytes.
		#[pallet::constant]
		type MaxTextKeyLength: Get<u32>;

		/// The longest text record value, in bytes.
		#[pallet::constant]
		type MaxTextValueLength: Get<u32>;

		/// The longest content hash, in bytes.
		#[pallet::constant]
		type MaxContentHashLength: Get<u32>;

		/// The most subnames one name may have.
		#[pallet::constant]
		type MaxSubnames: Get<u32>;

		type WeightInfo: WeightInfo;
	}

	/// How each TLD's names are sold. A TLD without one cannot be registered under.
	#[pallet::storage]
	pub type TldConfigs<T: Config> = StorageMap<_, Twox64Concat, Tld, TldConfig>;

	/// Commitments waiting to be revealed by [`Pallet::register`], by committer: only the
	/// account that committed may reveal or remove one, so nobody can take another's
	/// commitment first or remove it. Blake2 because the caller picks the hash.
	#[pallet::storage]
	pub type Commitments<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		H256,
		Commitment<BlockNumberFor<T>>,
	>;

	/// Every registered name and subname, until it is released.
	#[pallet::storage]
	pub type Registrations<T: Config> =
		StorageMap<_, Blake2_128Concat, Name, Registration<T::AccountId, BlockNumberFor<T>>>;

	/// The records of names that have any.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Blake2_128Concat, Name, NameRecords<T>>;

	/// The names each account owns, subnames included.
	#[pallet::storage]
	pub type NamesByOwner<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, Name, ()>;

	/// The subnames of each registered name, at most [`Config::MaxSubnames`] each.
	#[pallet::storage]
	pub type Subnames<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Name, Blake2_128Concat, Name, ()>;

	/// The name each account chose as its primary name, held against a deposit;
	/// [`Pallet::primary_name`] says whether it still holds.
	#[pallet::storage]
	pub type PrimaryNames<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, PrimaryName>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The configuration of each TLD open at launch.
		pub tlds: Vec<(Tld, TldConfig)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (tld, config) in &self.tlds {
				TldConfigs::<T>::insert(tld, config);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` committed to registering a name.
		Committed { who: T::AccountId, commitment: H256 },
		/// `who` removed an unused commitment and got its deposit back.
		CommitmentRemoved { who: T::AccountId, commitment: H256 },
		/// `name` now belongs to `owner` until `expiry`; `price` of `token` was paid.
		NameRegistered {
			name: Name,
			owner: T::AccountId,
			expiry: BlockNumberFor<T>,
			token: TokenKind,
			price: Balance,
		},
		/// `payer` extended `name` to `expiry`, paying `price` of `token`.
		NameRenewed {
			name: Name,
			payer: T::AccountId,
			expiry: BlockNumberFor<T>,
			token: TokenKind,
			price: Balance,
		},
		/// The expired `name`, its records and its subnames were removed, and deposits returned.
		NameReleased { name: Name },
		/// `name` moved from `from` to `to`.
		NameTransferred { name: Name, from: T::AccountId, to: T::AccountId },
		/// `operator` may now change the records of `name` (None: nobody but the owner).
		OperatorChanged { name: Name, operator: Option<T::AccountId> },
		/// The address of `name` for `coin_type` is now `address` (None: removed).
		AddressChanged { name: Name, coin_type: CoinType, address: Option<AddressOf<T>> },
		/// The text record `key` of `name` is now `value` (None: removed).
		TextChanged { name: Name, key: TextKeyOf<T>, value: Option<TextValueOf<T>> },
		/// The content hash of `name` is now `content_hash` (None: removed).
		ContentHashChanged { name: Name, content_hash: Option<ContentHashOf<T>> },
		/// `name` is now linked to the GID `gid` (None: unlinked).
		GidChanged { name: Name, gid: Option<H256> },
		/// Every record of `name` was removed and the deposit returned.
		RecordsCleared { name: Name },
		/// The subname `name` now belongs to `owner`.
		SubnameSet { name: Name, owner: T::AccountId },
		/// The subname `name` was revoked by its parent's owner.
		SubnameRevoked { name: Name },
		/// `who`'s primary name is now `name` (None: cleared).
		PrimaryNameChanged { who: T::AccountId, name: Option<Name> },
		/// Names under `tld` are now sold as `config` says.
		TldConfigured { tld: Tld, config: TldConfig },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The name is empty.
		EmptyName,
		/// The name is longer than 253 bytes.
		NameTooLong,
		/// A label is empty: two dots in a row, or a dot at the start or end.
		EmptyLabel,
		/// A label is longer than 63 bytes.
		LabelTooLong,
		/// The name has uppercase letters; names are lowercase.
		Uppercase,
		/// The name has a non-ASCII byte: Unicode names are not supported.
		NonAscii,
		/// The name has a character other than `a`–`z`, `0`–`9`, `-` and dots.
		InvalidCharacter,
		/// A label starts or ends with a hyphen.
		HyphenAtLabelEdge,
		/// The name is a single label, with no TLD.
		MissingTld,
		/// The TLD is not one of `.ghost`, `.gcc`, `.warp`, `.arc`, `.gcp`.
		UnknownTld,
		/// `.eth` and Unstoppable Domains names come from the Ethereum bridge, not registration.
		BridgedTld,
		/// Only `label.tld` names are registered and renewed, and have subnames.
		NotSecondLevel,
		/// Registration under this TLD is closed.
		TldDisabled,
		/// A registration or renewal must be for at least one year.
		ZeroYears,
		/// The name would be paid for more than `MaxRegistrationYears` ahead.
		TooManyYears,
		/// The price or the expiry does not fit its type.
		Overflow,
		/// The caller made this commitment already.
		CommitmentExists,
		/// The caller made no commitment matching `(name, owner, secret)`.
		CommitmentNotFound,
		/// The commitment is younger than `MinCommitmentAge` blocks: wait, then register.
		CommitmentTooNew,
		/// The commitment is older than `MaxCommitmentAge` blocks: commit again.
		CommitmentTooOld,
		/// The name is registered and not yet expired past its grace period.
		NameTaken,
		/// The name is not registered.
		NameNotFound,
		/// The name is expired (or in grace, for changes only an active name allows).
		NameExpired,
		/// Only the name's owner may do this.
		NotOwner,
		/// Only the name's owner or operator may change its records.
		NotManager,
		/// In the grace period only the owner may renew the name.
		GraceOwnerOnly,
		/// The account owns the name already.
		AlreadyOwner,
		/// The address has the wrong length for its coin type (20 bytes for ETH and GCC, 32
		/// for DOT).
		InvalidAddressLength,
		/// The name has `MaxAddresses` address records already.
		TooManyAddresses,
		/// The name has `MaxTextRecords` text records already.
		TooManyTextRecords,
		/// There is no such record to remove.
		RecordNotFound,
		/// The name has no records.
		NoRecords,
		/// The name has `MaxSubnames` subnames already.
		TooManySubnames,
		/// The name is not a subname of the given parent.
		SubnameNotFound,
		/// The account neither owns the name nor is its GCC address.
		NotYourName,
		/// The account has no primary name to clear.
		NoPrimaryName,
	}

	impl<T> From<NameError> for Error<T> {
		fn from(error: NameError) -> Self {
			match error {
				NameError::EmptyName => Error::EmptyName,
				NameError::NameTooLong => Error::NameTooLong,
				NameError::EmptyLabel => Error::EmptyLabel,
				NameError::LabelTooLong => Error::LabelTooLong,
				NameError::Uppercase => Error::Uppercase,
				NameError::NonAscii => Error::NonAscii,
				NameError::InvalidCharacter => Error::InvalidCharacter,
				NameError::HyphenAtLabelEdge => Error::HyphenAtLabelEdge,
				NameError::MissingTld => Error::MissingTld,
				NameError::UnknownTld => Error::UnknownTld,
				NameError::BridgedTld => Error::BridgedTld,
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(!T::BlocksPerYear::get().is_zero(), "a registration year must have blocks");
			assert!(
				T::MinCommitmentAge::get() < T::MaxCommitmentAge::get(),
				"a commitment must have a window in which it can be revealed"
			);
			assert!(
				T::MinCommitmentAge::get() >= 1u32.into(),
				"a commitment must be revealed in a later block than it was made"
			);
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Commits to registering a name: `commitment` is [`Pallet::commitment_hash`] of the
		/// name, its owner and a secret. Holds [`Config::CommitmentDeposit`] GCC until the
		/// commitment is used or removed.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::commit())]
		pub fn commit(origin: OriginFor<T>, commitment: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(
				!Commitments::<T>::contains_key(&who, commitment),
				Error::<T>::CommitmentExists
			);
			let deposit = T::CommitmentDeposit::get();

			// The hold is the funds check: when it fails, nothing has changed.
			T::Tokens::hold_deposit(&HoldReason::Commitment.into(), &who, deposit)?;
			let made_at = frame_system::Pallet::<T>::block_number();
			Commitments::<T>::insert(&who, commitment, Commitment { made_at, deposit });
			Self::deposit_event(Event::Committed { who, commitment });
			Ok(())
		}

		/// Removes an unused commitment made by the caller and returns its deposit.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_commitment())]
		pub fn remove_commitment(origin: OriginFor<T>, commitment: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let made =
				Commitments::<T>::get(&who, commitment).ok_or(Error::<T>::CommitmentNotFound)?;

			Self::release_commitment(&who, &made)?;
			Commitments::<T>::remove(&who, commitment);
			Self::deposit_event(Event::CommitmentRemoved { who, commitment });
			Ok(())
		}

		/// Registers `name` (`label.tld`) to `owner` for `years` years, revealing a commitment
		/// that the caller made [`Config::MinCommitmentAge`] to [`Config::MaxCommitmentAge`]
		/// blocks ago. The caller pays the TLD's price × `years` to the treasury. An expired
		/// name is released first: its records and subnames go, and their deposits are returned.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register(T::MaxSubnames::get()))]
		pub fn register(
			origin: OriginFor<T>,
			name: Name,
			owner: T::AccountId,
			secret: [u8; 32],
			years: u32,
		) -> DispatchResultWithPostInfo {
			let payer = ensure_signed(origin)?;
			let parsed = Self::parse_second_level(&name)?;
			let config = TldConfigs::<T>::get(parsed.tld)
				.filter(|config| config.enabled)
				.ok_or(Error::<T>::TldDisabled)?;
			let commitment_key = Self::commitment_hash(&name, &owner, &secret);
			let commitment = Commitments::<T>::get(&payer, commitment_key)
				.ok_or(Error::<T>::CommitmentNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			let age = now.saturating_sub(commitment.made_at);
			ensure!(age >= T::MinCommitmentAge::get(), Error::<T>::CommitmentTooNew);
			ensure!(age <= T::MaxCommitmentAge::get(), Error::<T>::CommitmentTooOld);
			let previous = Registrations::<T>::get(&name);
			if let Some(previous) = &previous {
				ensure!(Self::status(previous) == NameStatus::Expired, Error::<T>::NameTaken);
			}
			let expiry = Self::expiry_after(now, now, years)?;
			let price = config.price(parsed.label_length(), years).ok_or(Error::<T>::Overflow)?;
			Self::ensure_can_pay(config.token, &payer, price)?;

			// The payment was checked above; the releases return deposits whose holds
			// `try_state` keeps equal to the records, so they fail only on a broken invariant.
			Self::release_commitment(&payer, &commitment)?;
			Commitments::<T>::remove(&payer, commitment_key);
			let released_subnames = match previous {
				Some(previous) => Self::release_name(&name, previous)?,
				None => 0,
			};
			Self::pay(config.token, &payer, price)?;
			NamesByOwner::<T>::insert(&owner, &name, ());
			Registrations::<T>::insert(
				&name,
				Registration {
					owner: owner.clone(),
					operator: None,
					tenure: Tenure::Registered { expiry, subnames: 0 },
				},
			);
			Self::deposit_event(Event::NameRegistered {
				name,
				owner,
				expiry,
				token: config.token,
				price,
			});
			Ok(Some(T::WeightInfo::register(released_subnames)).into())
		}

		/// Extends `name` (`label.tld`) by `years` years from its current expiry, at the TLD's
		/// price. Anyone may renew an active name; in grace, only its owner.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::renew())]
		pub fn renew(origin: OriginFor<T>, name: Name, years: u32) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			let parsed = Self::parse_second_level(&name)?;
			let mut registration = Self::registration(&name)?;
			let Tenure::Registered { expiry, subnames } = registration.tenure else {
				return Err(Error::<T>::NotSecondLevel.into());
			};
			match Self::status(&registration) {
				NameStatus::Active => {},
				NameStatus::Grace => {
					ensure!(registration.owner == payer, Error::<T>::GraceOwnerOnly)
				},
				NameStatus::Expired => return Err(Error::<T>::NameExpired.into()),
			}
			// Renewal is open even when new registrations under the TLD are closed.
			let config = TldConfigs::<T>::get(parsed.tld).ok_or(Error::<T>::TldDisabled)?;
			let now = frame_system::Pallet::<T>::block_number();
			let expiry = Self::expiry_after(now, expiry, years)?;
			let price = config.price(parsed.label_length(), years).ok_or(Error::<T>::Overflow)?;

			// The payment is the one write that may fail; nothing is written before it.
			Self::pay(config.token, &payer, price)?;
			registration.tenure = Tenure::Registered { expiry, subnames };
			Registrations::<T>::insert(&name, registration);
			Self::deposit_event(Event::NameRenewed {
				name,
				payer,
				expiry,
				token: config.token,
				price,
			});
			Ok(())
		}

		/// Gives the caller's active name (or subname) to `to`, records included. The operator
		/// is cleared; the records' deposit stays with whoever paid it until they change.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::transfer())]
		pub fn transfer(origin: OriginFor<T>, name: Name, to: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let registration = Self::owned_active(&name, &who)?;
			ensure!(to != who, Error::<T>::AlreadyOwner);

			Self::change_owner(&name, registration, to.clone());
			Self::deposit_event(Event::NameTransferred { name, from: who, to });
			Ok(())
		}

		/// Lets `operator` change the records of the caller's active name, replacing any
		/// earlier operator; None leaves the records to the owner alone.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(
			origin: OriginFor<T>,
			name: Name,
			operator: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut registration = Self::owned_active(&name, &who)?;

			registration.operator = operator.clone();
			Registrations::<T>::insert(&name, registration);
			Self::deposit_event(Event::OperatorChanged { name, operator });
			Ok(())
		}

		/// Sets (Some) or removes (None) the address of `name` for `coin_type`. ETH (60) and
		/// GCC addresses are 20 bytes, DOT (354) 32; other coins take any length up to
		/// [`Config::MaxAddressLength`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_address())]
		pub fn set_address(
			origin: OriginFor<T>,
			name: Name,
			coin_type: CoinType,
			address: Option<AddressOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			if let (Some(address), Some(length)) = (&address, address_length(coin_type)) {
				ensure!(address.len() == length, Error::<T>::InvalidAddressLength);
			}
			Self::change_records(&name, &who, |records| match &address {
				Some(address) => records
					.addresses
					.try_insert(coin_type, address.clone())
					.map(|_| ())
					.map_err(|_| Error::<T>::TooManyAddresses),
				None => records
					.addresses
					.remove(&coin_type)
					.map(|_| ())
					.ok_or(Error::<T>::RecordNotFound),
			})?;
			Self::deposit_event(Event::AddressChanged { name, coin_type, address });
			Ok(())
		}

		/// Sets (Some) or removes (None) the text record `key` of `name`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_text())]
		pub fn set_text(
			origin: OriginFor<T>,
			name: Name,
			key: TextKeyOf<T>,
			value: Option<TextValueOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::change_records(&name, &who, |records| match &value {
				Some(value) => records
					.texts
					.try_insert(key.clone(), value.clone())
					.map(|_| ())
					.map_err(|_| Error::<T>::TooManyTextRecords),
				None => records.texts.remove(&key).map(|_| ()).ok_or(Error::<T>::RecordNotFound),
			})?;
			Self::deposit_event(Event::TextChanged { name, key, value });
			Ok(())
		}

		/// Sets (Some) or removes (None) the ENSIP-7 content hash of `name`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_content_hash())]
		pub fn set_content_hash(
			origin: OriginFor<T>,
			name: Name,
			content_hash: Option<ContentHashOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::change_records(&name, &who, |records| {
				let previous = core::mem::replace(&mut records.content_hash, content_hash.clone());
				ensure!(previous.is_some() || content_hash.is_some(), Error::<T>::RecordNotFound);
				Ok(())
			})?;
			Self::deposit_event(Event::ContentHashChanged { name, content_hash });
			Ok(())
		}

		/// Removes every record of `name` and returns their deposit. The owner or operator may
		/// do this in any state, so a lapsed name's deposit can be had back.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::clear_records())]
		pub fn clear_records(origin: OriginFor<T>, name: Name) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let registration = Self::registration(&name)?;
			ensure!(registration.may_manage(&who), Error::<T>::NotManager);
			let records = Records::<T>::get(&name).ok_or(Error::<T>::NoRecords)?;

			T::Tokens::release_deposit(&HoldReason::Records.into(), &records.deposit)?;
			Records::<T>::remove(&name);
			Self::deposit_event(Event::RecordsCleared { name });
			Ok(())
		}

		/// Makes `label.parent` a subname owned by `owner`, or gives an existing one to
		/// `owner`. The caller must own the active `parent`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_subname())]
		pub fn set_subname(
			origin: OriginFor<T>,
			parent: Name,
			label: Label,
			owner: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::parse_second_level(&parent)?;
			let mut parent_registration = Self::owned_active(&parent, &who)?;
			let name = Self::subname(&parent, &label)?;

			match Registrations::<T>::get(&name) {
				Some(registration) => {
					ensure!(registration.owner != owner, Error::<T>::AlreadyOwner);
					Self::change_owner(&name, registration, owner.clone());
				},
				None => {
					let Tenure::Registered { subnames, .. } = &mut parent_registration.tenure
					else {
						return Err(Error::<T>::NotSecondLevel.into());
					};
					ensure!(*subnames < T::MaxSubnames::get(), Error::<T>::TooManySubnames);
					*subnames = subnames.saturating_add(1);
					Registrations::<T>::insert(&parent, parent_registration);
					Subnames::<T>::insert(&parent, &name, ());
					NamesByOwner::<T>::insert(&owner, &name, ());
					Registrations::<T>::insert(
						&name,
						Registration {
							owner: owner.clone(),
							operator: None,
							tenure: Tenure::Subname { parent },
						},
					);
				},
			}
			Self::deposit_event(Event::SubnameSet { name, owner });
			Ok(())
		}

		/// Removes the subname `label.parent` with its records, returning their deposit. The
		/// caller must own `parent`, which may be in grace.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::revoke_subname())]
		pub fn revoke_subname(origin: OriginFor<T>, parent: Name, label: Label) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::parse_second_level(&parent)?;
			let mut parent_registration = Self::registration(&parent)?;
			ensure!(parent_registration.owner == who, Error::<T>::NotOwner);
			ensure!(
				Self::status(&parent_registration) != NameStatus::Expired,
				Error::<T>::NameExpired
			);
			let name = Self::subname(&parent, &label)?;
			ensure!(Subnames::<T>::contains_key(&parent, &name), Error::<T>::SubnameNotFound);
			let subname = Self::registration(&name)?;

			// Removing the subname returns its records' deposit: the one step that can fail.
			Self::remove_name(&name, &subname)?;
			if let Tenure::Registered { subnames, .. } = &mut parent_registration.tenure {
				*subnames = subnames.saturating_sub(1);
			}
			Registrations::<T>::insert(&parent, parent_registration);
			Subnames::<T>::remove(&parent, &name);
			Self::deposit_event(Event::SubnameRevoked { name });
			Ok(())
		}

		/// Sets the caller's primary name (reverse record) to an active `name` it owns or whose
		/// GCC address record is the caller's EVM address; None clears it. An account with a
		/// primary name holds [`Config::PrimaryNameDeposit`] GCC until it clears it.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_primary_name())]
		pub fn set_primary_name(origin: OriginFor<T>, name: Option<Name>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let reason = HoldReason::PrimaryName.into();
			let current = PrimaryNames::<T>::get(&who);
			match &name {
				Some(name) => {
					let registration = Self::registration(name)?;
					ensure!(
						Self::status(&registration) == NameStatus::Active,
						Error::<T>::NameExpired
					);
					ensure!(
						Self::names_account(name, &registration, &who),
						Error::<T>::NotYourName
					);
					let deposit = match current {
						Some(current) => current.deposit,
						None => {
							// The hold is the funds check: when it fails, nothing has changed.
							let deposit = T::PrimaryNameDeposit::get();
							T::Tokens::hold_deposit(&reason, &who, deposit)?;
							deposit
						},
					};
					PrimaryNames::<T>::insert(&who, PrimaryName { name: name.clone(), deposit });
				},
				None => {
					let current = current.ok_or(Error::<T>::NoPrimaryName)?;
					let deposit = Deposit { depositor: who.clone(), amount: current.deposit };
					T::Tokens::release_deposit(&reason, &deposit)?;
					PrimaryNames::<T>::remove(&who);
				},
			}
			Self::deposit_event(Event::PrimaryNameChanged { who, name });
			Ok(())
		}

		/// Sets how names under `tld` are sold. Names already registered keep their expiry;
		/// renewals pay the new price.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_tld_config())]
		pub fn set_tld_config(origin: OriginFor<T>, tld: Tld, config: TldConfig) -> DispatchResult {
			T::TldOrigin::ensure_origin(origin)?;

			TldConfigs::<T>::insert(tld, &config);
			Self::deposit_event(Event::TldConfigured { tld, config });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The commitment [`Pallet::commit`] expects: BLAKE2-256 of the SCALE encoding of
		/// `(name, owner, secret)`, i.e. the compact length and bytes of the name, the owner's
		/// account id, then the 32-byte secret.
		pub fn commitment_hash(name: &Name, owner: &T::AccountId, secret: &[u8; 32]) -> H256 {
			sp_io::hashing::blake2_256(&(name, owner, secret).encode()).into()
		}

		/// The registration and records of `name`, as the runtime API serves them.
		pub fn resolve(name: &[u8]) -> Option<Resolution<T::AccountId, BlockNumberFor<T>>> {
			let name = Name::try_from(name.to_vec()).ok()?;
			let registration = Registrations::<T>::get(&name)?;
			let expiry = Self::expiry(&registration);
			let status = Self::status(&registration);
			let records = Records::<T>::get(&name).filter(|_| status == NameStatus::Active);
			let (addresses, texts, content_hash, gid) = match records {
				Some(records) => (
					records
						.addresses
						.into_iter()
						.map(|(coin, address)| (coin, address.into()))
						.collect(),
					records
						.texts
						.into_iter()
						.map(|(key, value)| (key.into(), value.into()))
						.collect(),
					records.content_hash.map(Into::into),
					records.gid,
				),
				None => Default::default(),
			};
			let parent = match registration.tenure {
				Tenure::Subname { parent } => Some(parent.into()),
				Tenure::Registered { .. } => None,
			};
			Some(Resolution {
				owner: registration.owner,
				operator: registration.operator,
				parent,
				expiry,
				status,
				addresses,
				texts,
				content_hash,
				gid,
			})
		}

		/// The records of `name` while it is active, empty if it has none; `None` if no active
		/// registration has the name. A single record (one coin type's address, one text) is
		/// looked up here by contracts and precompiles without building a [`Resolution`].
		pub fn active_records(name: &[u8]) -> Option<NameRecords<T>> {
			let name = Name::try_from(name.to_vec()).ok()?;
			let registration = Registrations::<T>::get(&name)?;
			(Self::status(&registration) == NameStatus::Active).then(|| {
				Records::<T>::get(&name).unwrap_or_else(|| NameRecords::empty(registration.owner))
			})
		}

		/// `account`'s primary name, if it is active and the account still owns it or is still
		/// its GCC address.
		pub fn primary_name(account: &T::AccountId) -> Option<Name> {
			let PrimaryName { name, .. } = PrimaryNames::<T>::get(account)?;
			let registration = Registrations::<T>::get(&name)?;
			(Self::status(&registration) == NameStatus::Active
				&& Self::names_account(&name, &registration, account))
			.then_some(name)
		}

		/// Up to `limit` (at most [`MAX_NAMES_PER_PAGE`]) of `owner`'s names after the first
		/// `start`.
		pub fn names_of(owner: &T::AccountId, start: u32, limit: u32) -> Vec<Name> {
			NamesByOwner::<T>::iter_key_prefix(owner)
				.skip(start as usize)
				.take(limit.min(MAX_NAMES_PER_PAGE) as usize)
				.collect()
		}

		/// Where `registration` is in its lifecycle now.
		pub fn status(registration: &Registration<T::AccountId, BlockNumberFor<T>>) -> NameStatus {
			let expiry = Self::expiry(registration);
			let now = frame_system::Pallet::<T>::block_number();
			if now < expiry {
				NameStatus::Active
			} else if now < expiry.saturating_add(T::GracePeriod::get()) {
				NameStatus::Grace
			} else {
				NameStatus::Expired
			}
		}

		/// The block at which `registration` stops being active: its parent's, for a subname.
		fn expiry(
			registration: &Registration<T::AccountId, BlockNumberFor<T>>,
		) -> BlockNumberFor<T> {
			let parent_expiry = |parent: &Name| match Registrations::<T>::get(parent)?.tenure {
				Tenure::Registered { expiry, .. } => Some(expiry),
				Tenure::Subname { .. } => None,
			};
			match &registration.tenure {
				Tenure::Registered { expiry, .. } => *expiry,
				// Revoking a parent revokes its subnames, so the parent is always there.
				Tenure::Subname { parent } => parent_expiry(parent).unwrap_or_default(),
			}
		}

		/// `expiry + years` of registration, unless that is more than
		/// [`Config::MaxRegistrationYears`] ahead of `now`.
		fn expiry_after(
			now: BlockNumberFor<T>,
			expiry: BlockNumberFor<T>,
			years: u32,
		) -> Result<BlockNumberFor<T>, Error<T>> {
			ensure!(!years.is_zero(), Error::<T>::ZeroYears);
			let year = T::BlocksPerYear::get();
			let extended = year
				.checked_mul(&years.into())
				.and_then(|length| expiry.checked_add(&length))
				.ok_or(Error::<T>::Overflow)?;
			let limit = year
				.checked_mul(&T::MaxRegistrationYears::get().into())
				.and_then(|length| now.checked_add(&length))
				.ok_or(Error::<T>::Overflow)?;
			ensure!(extended <= limit, Error::<T>::TooManyYears);
			Ok(extended)
		}

		/// Parses `name`, which must be `label.tld`.
		fn parse_second_level(name: &Name) -> Result<ParsedName<'_>, Error<T>> {
			let parsed = parse_name(name)?;
			ensure!(parsed.is_second_level(), Error::<T>::NotSecondLevel);
			Ok(parsed)
		}

		/// `label.parent`, checked.
		fn subname(parent: &Name, label: &Label) -> Result<Name, Error<T>> {
			let name: Vec<u8> = [&label[..], b".", &parent[..]].concat();
			parse_name(&name)?;
			Name::try_from(name).map_err(|_| Error::<T>::NameTooLong)
		}

		fn registration(
			name: &Name,
		) -> Result<Registration<T::AccountId, BlockNumberFor<T>>, Error<T>> {
			Registrations::<T>::get(name).ok_or(Error::<T>::NameNotFound)
		}

		/// The registration of `name`, which must be active and owned by `who`.
		fn owned_active(
			name: &Name,
			who: &T::AccountId,
		) -> Result<Registration<T::AccountId, BlockNumberFor<T>>, Error<T>> {
			let registration = Self::registration(name)?;
			ensure!(registration.owner == *who, Error::<T>::NotOwner);
			ensure!(Self::status(&registration) == NameStatus::Active, Error::<T>::NameExpired);
			Ok(registration)
		}

		/// Whether `account` owns `name` or is its GCC address.
		fn names_account(
			name: &Name,
			registration: &Registration<T::AccountId, BlockNumberFor<T>>,
			account: &T::AccountId,
		) -> bool {
			registration.owner == *account
				|| Records::<T>::get(name)
					.and_then(|records| records.addresses.get(&GCC_COIN_TYPE).cloned())
					.is_some_and(|address| address[..] == T::EvmAddress::convert(account.clone()))
		}

		/// Gives `name` to `owner` and clears its operator.
		fn change_owner(
			name: &Name,
			mut registration: Registration<T::AccountId, BlockNumberFor<T>>,
			owner: T::AccountId,
		) {
			NamesByOwner::<T>::remove(&registration.owner, name);
			NamesByOwner::<T>::insert(&owner, name, ());
			registration.owner = owner;
			registration.operator = None;
			Registrations::<T>::insert(name, registration);
		}

		/// Applies `change` to the records of `name` for `who`, who must manage the name while
		/// it is not expired, and settles the deposit with the owner.
		pub(crate) fn change_records(
			name: &Name,
			who: &T::AccountId,
			change: impl FnOnce(&mut NameRecords<T>) -> Result<(), Error<T>>,
		) -> DispatchResult {
			let registration = Self::registration(name)?;
			ensure!(registration.may_manage(who), Error::<T>::NotManager);
			ensure!(Self::status(&registration) != NameStatus::Expired, Error::<T>::NameExpired);
			let owner = registration.owner;
			let mut records =
				Records::<T>::get(name).unwrap_or_else(|| NameRecords::empty(owner.clone()));
			change(&mut records)?;

			let reason = HoldReason::Records.into();
			if records.is_empty() {
				T::Tokens::release_deposit(&reason, &records.deposit)?;
				Records::<T>::remove(name);
				return Ok(());
			}
			let required = records.required_deposit();
			records.deposit =
				T::Tokens::adjust_deposit(&reason, &records.deposit, &owner, required)?;
			Records::<T>::insert(name, records);
			Ok(())
		}

		/// Removes the records of `name`, if any, and returns their deposit.
		fn remove_records(name: &Name) -> DispatchResult {
			if let Some(records) = Records::<T>::take(name) {
				T::Tokens::release_deposit(&HoldReason::Records.into(), &records.deposit)?;
			}
			Ok(())
		}

		/// Removes `name`'s registration and records, not its subnames.
		fn remove_name(
			name: &Name,
			registration: &Registration<T::AccountId, BlockNumberFor<T>>,
		) -> DispatchResult {
			Self::remove_records(name)?;
			NamesByOwner::<T>::remove(&registration.owner, name);
			Registrations::<T>::remove(name);
			Ok(())
		}

		/// Removes the expired `name` with its records and subnames; returns how many
		/// subnames went.
		fn release_name(
			name: &Name,
			registration: Registration<T::AccountId, BlockNumberFor<T>>,
		) -> Result<u32, DispatchError> {
			let mut released = 0;
			for subname in Subnames::<T>::iter_key_prefix(name).collect::<Vec<_>>() {
				if let Some(subname_registration) = Registrations::<T>::get(&subname) {
					Self::remove_name(&subname, &subname_registration)?;
				}
				Subnames::<T>::remove(name, &subname);
				released = released.saturating_add(1);
			}
			Self::remove_name(name, &registration)?;
			Self::deposit_event(Event::NameReleased { name: name.clone() });
			Ok(released)
		}

		/// Refuses a payment that [`Pallet::pay`] would refuse.
		fn ensure_can_pay(
			token: TokenKind,
			payer: &T::AccountId,
			price: Balance,
		) -> DispatchResult {
			if price.is_zero() {
				return Ok(());
			}
			let treasury = T::Tokens::treasury_account();
			T::Tokens::ensure_can_transfer(token, payer, &treasury, price, Preservation::Preserve)
		}

		/// Moves `price` of `token` from `payer` to the treasury; a free name costs nothing.
		fn pay(token: TokenKind, payer: &T::AccountId, price: Balance) -> DispatchResult {
			if price.is_zero() {
				return Ok(());
			}
			let treasury = T::Tokens::treasury_account();
			T::Tokens::transfer(token, payer, &treasury, price, Preservation::Preserve)
		}

		fn release_commitment(
			committer: &T::AccountId,
			commitment: &Commitment<BlockNumberFor<T>>,
		) -> DispatchResult {
			let deposit = Deposit { depositor: committer.clone(), amount: commitment.deposit };
			T::Tokens::release_deposit(&HoldReason::Commitment.into(), &deposit)
		}
	}

	impl<T: Config> NameRegistry<T::AccountId> for Pallet<T> {
		fn owner_of(name: &[u8]) -> Option<T::AccountId> {
			let registration = Registrations::<T>::get(Name::try_from(name.to_vec()).ok()?)?;
			(Self::status(&registration) == NameStatus::Active).then_some(registration.owner)
		}

		fn set_gid(who: &T::AccountId, name: &[u8], gid: Option<H256>) -> DispatchResult {
			let name = Name::try_from(name.to_vec()).map_err(|_| Error::<T>::NameTooLong)?;
			Self::change_records(&name, who, |records| {
				let previous = core::mem::replace(&mut records.gid, gid);
				ensure!(previous.is_some() || gid.is_some(), Error::<T>::RecordNotFound);
				Ok(())
			})?;
			Self::deposit_event(Event::GidChanged { name, gid });
			Ok(())
		}

		fn unlink_gid(who: &T::AccountId, name: &[u8], gid: H256) -> DispatchResult {
			let Ok(name) = Name::try_from(name.to_vec()) else { return Ok(()) };
			let manages = Registrations::<T>::get(&name).is_some_and(|registration| {
				registration.may_manage(who) && Self::status(&registration) != NameStatus::Expired
			});
			let linked = Records::<T>::get(&name).is_some_and(|records| records.gid == Some(gid));
			if manages && linked {
				Self::set_gid(who, &name, None)?;
			}
			Ok(())
		}
	}
}
