//! The pallet's domain types: TLD configurations, commitments, registrations and records.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{ConstU32, Get},
	BoundedBTreeMap, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use ghostchain_primitives::{
	cns::{MAX_LABEL_LENGTH, MAX_NAME_LENGTH},
	tokens::TokenKind,
	Balance,
};
use pallet_ghost_tokens::Deposit;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;

use crate::Config;

/// A full name as bytes, `alice.ghost` or `pay.alice.ghost`; the pallet checks its syntax.
pub type Name = BoundedVec<u8, ConstU32<{ MAX_NAME_LENGTH as u32 }>>;
/// One label of a name, without dots: `pay` in `pay.alice.ghost`.
pub type Label = BoundedVec<u8, ConstU32<{ MAX_LABEL_LENGTH as u32 }>>;
/// An address in its coin's binary form (ENSIP-9).
pub type AddressOf<T> = BoundedVec<u8, <T as Config>::MaxAddressLength>;
/// The key of a text record, `url` or `com.github`.
pub type TextKeyOf<T> = BoundedVec<u8, <T as Config>::MaxTextKeyLength>;
/// The value of a text record.
pub type TextValueOf<T> = BoundedVec<u8, <T as Config>::MaxTextValueLength>;
/// An ENSIP-7 content hash: a multicodec-prefixed content identifier.
pub type ContentHashOf<T> = BoundedVec<u8, <T as Config>::MaxContentHashLength>;
/// A SLIP-44 coin type, numbered as ENSIP-9 and ENSIP-11 do.
pub type CoinType = u32;

/// Yearly prices by label length: 1, 2, 3, 4, and 5 or more bytes. Shorter names are rarer.
pub type PriceTable = [Balance; 5];

/// How one TLD's second-level names are sold.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub struct TldConfig {
	/// Whether new names may be registered. Registered names keep working either way.
	pub enabled: bool,
	/// The token that registrations and renewals are paid in.
	pub token: TokenKind,
	/// The price of one year, by the length of the label left of the TLD.
	pub yearly_prices: PriceTable,
}

impl TldConfig {
	/// The price of one year of a name whose label is `label_length` bytes.
	pub fn yearly_price(&self, label_length: usize) -> Balance {
		let index = label_length.clamp(1, self.yearly_prices.len()).saturating_sub(1);
		// The index is within the table; were it not, the name would be unaffordable.
		self.yearly_prices.get(index).copied().unwrap_or(Balance::MAX)
	}

	/// The price of `years` years, or None if it overflows.
	pub fn price(&self, label_length: usize, years: u32) -> Option<Balance> {
		self.yearly_price(label_length).checked_mul(years.into())
	}
}

/// A commitment to register a name, made at block `made_at` by the account it is stored under.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Commitment<BlockNumber> {
	pub made_at: BlockNumber,
	/// GCC held from the committer until the commitment is used or removed.
	pub deposit: Balance,
}

/// An account's chosen primary name, and the GCC held for keeping it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct PrimaryName {
	pub name: Name,
	/// Held from the account until it clears its primary name.
	pub deposit: Balance,
}

/// How long a name lasts.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum Tenure<BlockNumber> {
	/// A paid `label.tld`, active until `expiry`; it has `subnames` subnames.
	Registered { expiry: BlockNumber, subnames: u32 },
	/// A subname: it lasts as long as `parent`'s registration.
	Subname { parent: Name },
}

/// Who holds a name, and for how long.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Registration<AccountId, BlockNumber> {
	pub owner: AccountId,
	/// The one account, besides the owner, that may change the records. Cleared on transfer.
	pub operator: Option<AccountId>,
	pub tenure: Tenure<BlockNumber>,
}

impl<AccountId: PartialEq, BlockNumber> Registration<AccountId, BlockNumber> {
	/// Whether `who` may change the name's records.
	pub fn may_manage(&self, who: &AccountId) -> bool {
		self.owner == *who || self.operator.as_ref() == Some(who)
	}
}

/// A name's records. Each is bounded; together they are paid for with one deposit.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct NameRecords<T: Config> {
	/// One address per coin type.
	pub addresses: BoundedBTreeMap<CoinType, AddressOf<T>, T::MaxAddresses>,
	pub texts: BoundedBTreeMap<TextKeyOf<T>, TextValueOf<T>, T::MaxTextRecords>,
	pub content_hash: Option<ContentHashOf<T>>,
	/// The 32-byte identifier of the GID (`did:ghost`) this name belongs to.
	pub gid: Option<H256>,
	/// What the records cost, held from whoever last changed them as the name's owner.
	pub deposit: Deposit<T::AccountId>,
}

impl<T: Config> NameRecords<T> {
	/// No records yet; the deposit will be taken from `owner`.
	pub fn empty(owner: T::AccountId) -> Self {
		Self {
			addresses: Default::default(),
			texts: Default::default(),
			content_hash: None,
			gid: None,
			deposit: Deposit { depositor: owner, amount: 0 },
		}
	}

	/// Whether there is no record left to pay for.
	pub fn is_empty(&self) -> bool {
		self.addresses.is_empty()
			&& self.texts.is_empty()
			&& self.content_hash.is_none()
			&& self.gid.is_none()
	}

	/// The deposit these records call for: a base plus their encoded size.
	pub fn required_deposit(&self) -> Balance {
		let bytes = self.encoded_size() as Balance;
		T::RecordDepositPerByte::get()
			.saturating_mul(bytes)
			.saturating_add(T::RecordDepositBase::get())
	}
}

/// What other pallets may ask of CNS: GID links DIDs to names through it.
pub trait NameRegistry<AccountId> {
	/// The owner of `name`, if it is active.
	fn owner_of(name: &[u8]) -> Option<AccountId>;

	/// Sets or clears the GID record of `name` on behalf of `who`, who must manage the name.
	fn set_gid(
		who: &AccountId,
		name: &[u8],
		gid: Option<H256>,
	) -> frame_support::dispatch::DispatchResult;

	/// Clears the GID record of `name` if it is `gid` and `who` may still manage the name;
	/// otherwise the record is someone else's and stays. Fails only if the records' deposit
	/// cannot be settled.
	fn unlink_gid(
		who: &AccountId,
		name: &[u8],
		gid: H256,
	) -> frame_support::dispatch::DispatchResult;
}
