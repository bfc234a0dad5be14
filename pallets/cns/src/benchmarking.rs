//! Benchmarks of every call in its worst case: the longest registrable name, records filled to
//! every bound with the longest values, and deposits that move between accounts.

use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::{Pallet as System, RawOrigin};
use ghostchain_primitives::{
	cns::{Tld, GCC_COIN_TYPE, MAX_LABEL_LENGTH},
	tokens::{TokenKind, UNIT},
};
use pallet_ghost_tokens::MultiToken;
use sp_core::H256;
use sp_runtime::traits::Convert;

use crate::*;

/// GCC given to every account the benchmarks use: enough for any price and deposit here.
const FUNDS: u128 = 1_000_000 * UNIT;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = account(name, index, 0);
	T::Tokens::issue(TokenKind::Gcc, &who, FUNDS).expect("benchmark setup mints GCC");
	who
}

fn funded_caller<T: Config>() -> T::AccountId {
	let caller = whitelisted_caller();
	T::Tokens::issue(TokenKind::Gcc, &caller, FUNDS).expect("benchmark setup mints GCC");
	caller
}

/// `.ghost` names are paid in MANA here: an asset, like GHOST, so the payment costs what a
/// GHOST payment does, but one the benchmarks can mint. Returns a caller with GCC and MANA.
fn caller_paying_in_mana<T: Config>() -> T::AccountId {
	let config = TldConfig { enabled: true, token: TokenKind::Mana, yearly_prices: [UNIT; 5] };
	TldConfigs::<T>::insert(Tld::Ghost, config);
	let caller = funded_caller::<T>();
	T::Tokens::issue(TokenKind::Mana, &caller, 100 * UNIT).expect("benchmark setup mints MANA");
	caller
}

fn bounded<S: TryFrom<Vec<u8>>>(bytes: Vec<u8>) -> S {
	S::try_from(bytes).unwrap_or_else(|_| panic!("benchmark data fits its bound"))
}

/// The longest registrable name: a 63-byte label under `.ghost`.
fn longest_name() -> Name {
	bounded([vec![b'a'; MAX_LABEL_LENGTH], b".ghost".to_vec()].concat())
}

fn longest_label(first: u8) -> Label {
	bounded([vec![first], vec![b'b'; MAX_LABEL_LENGTH - 1]].concat())
}

fn name_of(label: &Label, parent: &Name) -> Name {
	bounded([&label[..], b".", &parent[..]].concat())
}

/// Registers `name` to `owner` for a year from now, skipping commit–reveal.
fn register_now<T: Config>(name: &Name, owner: &T::AccountId) {
	let expiry = System::<T>::block_number() + T::BlocksPerYear::get();
	NamesByOwner::<T>::insert(owner, name, ());
	Registrations::<T>::insert(
		name,
		Registration {
			owner: owner.clone(),
			operator: None,
			tenure: Tenure::Registered { expiry, subnames: 0 },
		},
	);
}

fn add_subname<T: Config>(parent: &Name, label: &Label, owner: &T::AccountId) -> Name {
	let name = name_of(label, parent);
	Registrations::<T>::mutate(parent, |registration| {
		if let Some(Registration { tenure: Tenure::Registered { subnames, .. }, .. }) = registration
		{
			*subnames += 1;
		}
	});
	Subnames::<T>::insert(parent, &name, ());
	NamesByOwner::<T>::insert(owner, &name, ());
	Registrations::<T>::insert(
		&name,
		Registration {
			owner: owner.clone(),
			operator: None,
			tenure: Tenure::Subname { parent: parent.clone() },
		},
	);
	name
}

/// Fills the records of `name` (owned by `owner`) to every bound with the longest values,
/// leaving one address and one text record free when `leave_room`. The GCC address is
/// `gcc_address`.
fn fill_records<T: Config>(
	name: &Name,
	owner: &T::AccountId,
	gcc_address: [u8; 20],
	leave_room: bool,
) {
	let spare = if leave_room { 1 } else { 0 };
	let addresses = T::MaxAddresses::get() - spare;
	let texts = T::MaxTextRecords::get() - spare;
	let address = vec![0xad; T::MaxAddressLength::get() as usize];
	let key_length = T::MaxTextKeyLength::get() as usize;
	let value = vec![b'v'; T::MaxTextValueLength::get() as usize];
	Pallet::<T>::change_records(name, owner, |records| {
		records.addresses.try_insert(GCC_COIN_TYPE, bounded(gcc_address.to_vec())).ok();
		for coin_type in 1_000..(1_000 + addresses - 1) {
			records.addresses.try_insert(coin_type, bounded(address.clone())).ok();
		}
		for index in 0..texts {
			let mut key = vec![b'k'; key_length];
			key[..4].copy_from_slice(&index.to_be_bytes());
			records.texts.try_insert(bounded(key), bounded(value.clone())).ok();
		}
		records.content_hash = Some(bounded(vec![0xe3; T::MaxContentHashLength::get() as usize]));
		records.gid = Some(H256::repeat_byte(0x1d));
		Ok(())
	})
	.expect("the benchmark name takes full records");
}

/// The longest name with full records paid by a previous owner, now owned by `owner`: so a
/// change of records returns one deposit and holds another.
fn name_with_records_of_previous_owner<T: Config>(owner: &T::AccountId, leave_room: bool) -> Name {
	let name = longest_name();
	let previous_owner = funded::<T>("previous", 0);
	register_now::<T>(&name, &previous_owner);
	fill_records::<T>(&name, &previous_owner, [0; 20], leave_room);
	Registrations::<T>::mutate(&name, |registration| {
		if let Some(registration) = registration {
			registration.owner = owner.clone();
		}
	});
	name
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn commit() {
		let caller = funded_caller::<T>();
		let commitment = H256::repeat_byte(1);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), commitment);
		assert!(Commitments::<T>::contains_key(&caller, commitment));
	}

	#[benchmark]
	fn remove_commitment() -> Result<(), BenchmarkError> {
		let caller = funded_caller::<T>();
		let commitment = H256::repeat_byte(1);
		Pallet::<T>::commit(RawOrigin::Signed(caller.clone()).into(), commitment)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), commitment);
		assert!(!Commitments::<T>::contains_key(&caller, commitment));
		Ok(())
	}

	/// Registers the longest name over an expired registration of it with full records and
	/// `s` subnames with full records, which are all released.
	#[benchmark]
	fn register(s: Linear<0, { T::MaxSubnames::get() }>) -> Result<(), BenchmarkError> {
		let name = longest_name();
		let previous_owner = funded::<T>("previous", 0);
		register_now::<T>(&name, &previous_owner);
		fill_records::<T>(&name, &previous_owner, [0; 20], false);
		for index in 0..s {
			let subname_owner = funded::<T>("subname owner", index);
			let subname =
				add_subname::<T>(&name, &longest_label(b'a' + (index % 26) as u8), &subname_owner);
			fill_records::<T>(&subname, &subname_owner, [0; 20], false);
		}
		let released_at =
			System::<T>::block_number() + T::BlocksPerYear::get() + T::GracePeriod::get();
		let caller = caller_paying_in_mana::<T>();
		let secret = [7; 32];
		let commitment = Pallet::<T>::commitment_hash(&name, &caller, &secret);
		System::<T>::set_block_number(released_at);
		Pallet::<T>::commit(RawOrigin::Signed(caller.clone()).into(), commitment)?;
		System::<T>::set_block_number(released_at + T::MinCommitmentAge::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), name.clone(), caller.clone(), secret, 1);

		assert_eq!(Registrations::<T>::get(&name).map(|r| r.owner), Some(caller));
		assert!(!Records::<T>::contains_key(&name));
		Ok(())
	}

	/// The owner renews in grace, the slowest path to payment.
	#[benchmark]
	fn renew() {
		let caller = caller_paying_in_mana::<T>();
		let name = longest_name();
		register_now::<T>(&name, &caller);
		let expiry = System::<T>::block_number() + T::BlocksPerYear::get();
		System::<T>::set_block_number(expiry);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), name.clone(), 1);
		assert_eq!(
			Registrations::<T>::get(&name).map(|r| r.tenure),
			Some(Tenure::Registered { expiry: expiry + T::BlocksPerYear::get(), subnames: 0 })
		);
	}

	#[benchmark]
	fn transfer() -> Result<(), BenchmarkError> {
		let caller = funded_caller::<T>();
		let recipient: T::AccountId = account("recipient", 0, 0);
		let name = longest_name();
		register_now::<T>(&name, &caller);
		Pallet::<T>::approve(
			RawOrigin::Signed(caller.clone()).into(),
			name.clone(),
			Some(recipient.clone()),
		)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), name.clone(), recipient.clone());
		assert_eq!(Registrations::<T>::get(&name).map(|r| r.owner), Some(recipient));
		Ok(())
	}

	#[benchmark]
	fn approve() {
		let caller = funded_caller::<T>();
		let operator: T::AccountId = account("operator", 0, 0);
		let name = longest_name();
		register_now::<T>(&name, &caller);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), name.clone(), Some(operator.clone()));
		assert_eq!(Registrations::<T>::get(&name).and_then(|r| r.operator), Some(operator));
	}

	#[benchmark]
	fn set_address() {
		let caller = funded_caller::<T>();
		let name = name_with_records_of_previous_owner::<T>(&caller, true);
		let address: AddressOf<T> = bounded(vec![0xad; T::MaxAddressLength::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), name.clone(), 999, Some(address));
		let records = Records::<T>::get(&name).expect("records are set");
		assert_eq!(records.addresses.len() as u32, T::MaxAddresses::get());
		assert_eq!(records.deposit.depositor, caller);
	}

	#[benchmark]
	fn set_text() {
		let caller = funded_caller::<T>();
		let name = name_with_records_of_previous_owner::<T>(&caller, true);
		let key: TextKeyOf<T> = bounded(vec![b'z'; T::MaxTextKeyLength::get() as usize]);
		let value: TextValueOf<T> = bounded(vec![b'v'; T::MaxTextValueLength::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), name.clone(), key, Some(value));
		let records = Records::<T>::get(&name).expect("records are set");
		assert_eq!(records.texts.len() as u32, T::MaxTextRecords::get());
		assert_eq!(records.deposit.depositor, caller);
	}

	#[benchmark]
	fn set_content_hash() {
		let caller = funded_caller::<T>();
		let name = name_with_records_of_previous_owner::<T>(&caller, false);
		let content_hash: ContentHashOf<T> =
			bounded(vec![0xe5; T::MaxContentHashLength::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), name.clone(), Some(content_hash.clone()));
		let records = Records::<T>::get(&name).expect("records are set");
		assert_eq!(records.content_hash, Some(content_hash));
	}

	#[benchmark]
	fn clear_records() {
		let caller = funded_caller::<T>();
		let name = longest_name();
		register_now::<T>(&name, &caller);
		fill_records::<T>(&name, &caller, [0; 20], false);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), name.clone());
		assert!(!Records::<T>::contains_key(&name));
	}

	/// Adds the last subname the parent may have, with the longest label.
	#[benchmark]
	fn set_subname() {
		let caller = funded_caller::<T>();
		let parent = longest_name();
		register_now::<T>(&parent, &caller);
		for index in 1..T::MaxSubnames::get() {
			add_subname::<T>(&parent, &longest_label(b'a' + (index % 26) as u8), &caller);
		}
		let owner: T::AccountId = account("subname owner", 0, 0);
		let label = longest_label(b'0');
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), parent.clone(), label.clone(), owner.clone());
		let name = name_of(&label, &parent);
		assert_eq!(Registrations::<T>::get(&name).map(|r| r.owner), Some(owner));
	}

	#[benchmark]
	fn revoke_subname() {
		let caller = funded_caller::<T>();
		let parent = longest_name();
		register_now::<T>(&parent, &caller);
		let owner = funded::<T>("subname owner", 0);
		let label = longest_label(b'a');
		let name = add_subname::<T>(&parent, &label, &owner);
		fill_records::<T>(&name, &owner, [0; 20], false);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), parent, label);
		assert!(!Registrations::<T>::contains_key(&name));
	}

	/// The caller does not own the name: the full records are read for its GCC address.
	#[benchmark]
	fn set_primary_name() {
		let caller = funded_caller::<T>();
		let owner = funded::<T>("owner", 0);
		let name = longest_name();
		register_now::<T>(&name, &owner);
		fill_records::<T>(&name, &owner, T::EvmAddress::convert(caller.clone()), false);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), Some(name.clone()));
		assert_eq!(Pallet::<T>::primary_name(&caller), Some(name));
	}

	#[benchmark]
	fn set_tld_config() -> Result<(), BenchmarkError> {
		let origin =
			T::TldOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let config = TldConfig { enabled: false, token: TokenKind::Mana, yearly_prices: [1; 5] };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Tld::Arc, config.clone());
		assert_eq!(TldConfigs::<T>::get(Tld::Arc), Some(config));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
