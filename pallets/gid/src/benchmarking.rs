//! Benchmarks of `create` and of `update` with each change, in the worst case: a DID with the
//! most keys, services and claimed names, every item at its longest, and changes signed by an
//! ECDSA key, whose check recovers the public key.

use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{dispatch::DispatchResult, traits::Get};
use frame_system::{Pallet as System, RawOrigin};
use ghostchain_primitives::{
	cns::MAX_LABEL_LENGTH,
	gid::{DidSignature, PublicKey, Relationship, Relationships},
	tokens::{TokenKind, UNIT},
};
use pallet_cns::Name;
use pallet_ghost_tokens::MultiToken;
use sp_core::{crypto::KeyTypeId, sr25519};

use crate::*;

/// Where the benchmark keys live in the keystore.
const KEY_TYPE: KeyTypeId = KeyTypeId(*b"gidb");

fn funded<T: Config>(name: &'static str) -> T::AccountId {
	let who = account(name, 0, 0);
	T::Tokens::issue(TokenKind::Gcc, &who, 1_000_000 * UNIT).expect("benchmark setup mints GCC");
	who
}

fn bounded<I, S: TryFrom<Vec<I>>>(items: Vec<I>) -> S {
	S::try_from(items).unwrap_or_else(|_| panic!("benchmark data fits its bound"))
}

/// A service whose id, type and URL are as long as allowed, told apart by `index`.
fn longest_service<T: Config>(index: u8) -> Service<T> {
	let mut id = vec![b's'; T::MaxServiceIdLength::get() as usize];
	id[0] = index;
	Service {
		id: bounded(id),
		service_type: bounded(vec![b't'; T::MaxServiceTypeLength::get() as usize]),
		url: bounded(vec![b'u'; T::MaxServiceUrlLength::get() as usize]),
	}
}

/// A signing key the DID never uses to sign, told apart by `index`.
fn spare_key(index: u32) -> PublicKey {
	let mut bytes = [0x5a; 32];
	bytes[..4].copy_from_slice(&index.to_le_bytes());
	PublicKey::Sr25519(sr25519::Public::from_raw(bytes))
}

/// The longest second-level name, told apart by `index`.
fn longest_name(index: u8) -> Name {
	let mut label = vec![b'a'; MAX_LABEL_LENGTH];
	label[0] = b'a' + index % 26;
	bounded([label, b".ghost".to_vec()].concat())
}

/// A DID and the ECDSA key (id 1) that signs its changes.
struct BenchDid<T: Config> {
	did: T::AccountId,
	signer: sp_core::ecdsa::Public,
}

impl<T: Config> BenchDid<T> {
	/// A DID with `keys` keys, `services` services and `names` claimed names, each at its
	/// longest.
	fn new(keys: u32, services: u32, names: u32) -> Self {
		let did = funded::<T>("did");
		let signer = sp_io::crypto::ecdsa_generate(KEY_TYPE, None);
		let invoke =
			Relationships::of(&[Relationship::Authentication, Relationship::CapabilityInvocation]);
		let mut all_keys = vec![(PublicKey::EcdsaSecp256k1(signer), invoke)];
		let authenticate = Relationships::of(&[Relationship::Authentication]);
		all_keys.extend((1..keys).map(|index| (spare_key(index), authenticate)));
		let all_services = (0..services as u8).map(longest_service::<T>).collect::<Vec<_>>();
		Pallet::<T>::create(
			RawOrigin::Signed(did.clone()).into(),
			bounded(all_keys),
			bounded(all_services),
		)
		.expect("the benchmark DID is valid");
		let bench = Self { did, signer };
		for index in 0..names as u8 {
			let name = longest_name(index);
			T::BenchmarkHelper::make_name_owner(&name, &bench.did);
			bench.update(DidChange::AddAlsoKnownAs { name }).expect("the controller owns it");
		}
		bench
	}

	/// `change` as an operation, signed.
	fn signed(&self, change: DidChange<T>) -> (DidOperation<T>, DidSignature) {
		let nonce = Dids::<T>::get(&self.did).map_or(0, |details| details.nonce);
		let expires_at = System::<T>::block_number() + 10u32.into();
		let operation =
			DidOperation { did: self.did.clone(), nonce, expires_at, signer: 1, change };
		let payload = Pallet::<T>::signing_payload(&operation);
		let signature = sp_io::crypto::ecdsa_sign(KEY_TYPE, &self.signer, &payload)
			.expect("the keystore holds the benchmark key");
		(operation, DidSignature::EcdsaSecp256k1(signature))
	}

	fn update(&self, change: DidChange<T>) -> DispatchResult {
		let (operation, signature) = self.signed(change);
		Pallet::<T>::update(RawOrigin::Signed(self.did.clone()).into(), operation, signature)
	}

	fn version(&self) -> u32 {
		Pallet::<T>::document(&self.did).map_or(0, |document| document.version)
	}
}

/// `change` to `bench`'s DID, signed, and a submitter other than the depositor, so the deposit
/// moves.
fn signed_for_another<T: Config>(
	bench: BenchDid<T>,
	change: DidChange<T>,
) -> (DidOperation<T>, DidSignature, T::AccountId) {
	let submitter = funded::<T>("submitter");
	let (operation, signature) = bench.signed(change);
	(operation, signature, submitter)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create() {
		let caller = funded::<T>("did");
		let keys: Vec<_> = (0..T::MaxKeys::get())
			.map(|index| {
				let relationships = Relationships::of(&[Relationship::CapabilityInvocation]);
				(spare_key(index), relationships)
			})
			.collect();
		let services: Vec<_> = (0..T::MaxServices::get() as u8).map(longest_service::<T>).collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), bounded(keys), bounded(services));
		assert!(Dids::<T>::contains_key(&caller));
	}

	#[benchmark]
	fn add_key() {
		let bench = BenchDid::<T>::new(
			T::MaxKeys::get() - 1,
			T::MaxServices::get(),
			T::MaxAlsoKnownAs::get(),
		);
		let change = DidChange::AddKey {
			key: spare_key(u32::MAX),
			relationships: Relationships::of(&[Relationship::AssertionMethod]),
		};
		let version = bench.version();
		let (operation, signature, submitter) = signed_for_another(bench, change);
		let did = operation.did.clone();
		#[extrinsic_call]
		update(RawOrigin::Signed(submitter), operation, signature);
		assert_eq!(Pallet::<T>::document(&did).map(|d| d.version), Some(version + 1));
	}

	#[benchmark]
	fn remove_key() {
		let bench =
			BenchDid::<T>::new(T::MaxKeys::get(), T::MaxServices::get(), T::MaxAlsoKnownAs::get());
		let change = DidChange::RemoveKey { key_id: T::MaxKeys::get() };
		let (operation, signature, submitter) = signed_for_another(bench, change);
		let did = operation.did.clone();
		#[extrinsic_call]
		update(RawOrigin::Signed(submitter), operation, signature);
		let keys = Dids::<T>::get(&did).map(|details| details.keys.len() as u32);
		assert_eq!(keys, Some(T::MaxKeys::get() - 1));
	}

	#[benchmark]
	fn set_relationships() {
		let bench =
			BenchDid::<T>::new(T::MaxKeys::get(), T::MaxServices::get(), T::MaxAlsoKnownAs::get());
		let relationships = Relationships::of(&[Relationship::CapabilityDelegation]);
		let change = DidChange::SetRelationships { key_id: T::MaxKeys::get(), relationships };
		let (operation, signature, submitter) = signed_for_another(bench, change);
		let did = operation.did.clone();
		#[extrinsic_call]
		update(RawOrigin::Signed(submitter), operation, signature);
		let details = Dids::<T>::get(&did).expect("the DID lives");
		assert_eq!(details.key(T::MaxKeys::get()).map(|k| k.relationships), Some(relationships));
	}

	#[benchmark]
	fn add_service() {
		let bench = BenchDid::<T>::new(
			T::MaxKeys::get(),
			T::MaxServices::get() - 1,
			T::MaxAlsoKnownAs::get(),
		);
		let change = DidChange::AddService { service: longest_service::<T>(u8::MAX) };
		let (operation, signature, submitter) = signed_for_another(bench, change);
		let did = operation.did.clone();
		#[extrinsic_call]
		update(RawOrigin::Signed(submitter), operation, signature);
		let services = Dids::<T>::get(&did).map(|details| details.services.len() as u32);
		assert_eq!(services, Some(T::MaxServices::get()));
	}

	#[benchmark]
	fn remove_service() {
		let bench =
			BenchDid::<T>::new(T::MaxKeys::get(), T::MaxServices::get(), T::MaxAlsoKnownAs::get());
		let last = (T::MaxServices::get() - 1) as u8;
		let change = DidChange::RemoveService { id: longest_service::<T>(last).id };
		let (operation, signature, submitter) = signed_for_another(bench, change);
		let did = operation.did.clone();
		#[extrinsic_call]
		update(RawOrigin::Signed(submitter), operation, signature);
		let services = Dids::<T>::get(&did).map(|details| details.services.len() as u32);
		assert_eq!(services, Some(T::MaxServices::get() - 1));
	}

	#[benchmark]
	fn set_controller() {
		let bench =
			BenchDid::<T>::new(T::MaxKeys::get(), T::MaxServices::get(), T::MaxAlsoKnownAs::get());
		let controller: T::AccountId = account("controller", 0, 0);
		let change = DidChange::SetController { controller: controller.clone() };
		let (operation, signature, submitter) = signed_for_another(bench, change);
		let did = operation.did.clone();
		#[extrinsic_call]
		update(RawOrigin::Signed(submitter), operation, signature);
		assert_eq!(Dids::<T>::get(&did).map(|details| details.controller), Some(controller));
	}

	#[benchmark]
	fn add_also_known_as() {
		let bench = BenchDid::<T>::new(
			T::MaxKeys::get(),
			T::MaxServices::get(),
			T::MaxAlsoKnownAs::get() - 1,
		);
		let name = longest_name(25);
		T::BenchmarkHelper::make_name_owner(&name, &bench.did);
		let change = DidChange::AddAlsoKnownAs { name: name.clone() };
		let (operation, signature, submitter) = signed_for_another(bench, change);
		let did = operation.did.clone();
		#[extrinsic_call]
		update(RawOrigin::Signed(submitter), operation, signature);
		let claimed = Dids::<T>::get(&did).map(|details| details.also_known_as.contains(&name));
		assert_eq!(claimed, Some(true));
	}

	#[benchmark]
	fn remove_also_known_as() {
		let bench =
			BenchDid::<T>::new(T::MaxKeys::get(), T::MaxServices::get(), T::MaxAlsoKnownAs::get());
		let name = longest_name(0);
		let change = DidChange::RemoveAlsoKnownAs { name: name.clone() };
		let (operation, signature, submitter) = signed_for_another(bench, change);
		let did = operation.did.clone();
		#[extrinsic_call]
		update(RawOrigin::Signed(submitter), operation, signature);
		let claimed = Dids::<T>::get(&did).map(|details| details.also_known_as.contains(&name));
		assert_eq!(claimed, Some(false));
	}

	#[benchmark]
	fn deactivate() {
		let bench =
			BenchDid::<T>::new(T::MaxKeys::get(), T::MaxServices::get(), T::MaxAlsoKnownAs::get());
		let (operation, signature, submitter) = signed_for_another(bench, DidChange::Deactivate);
		let did = operation.did.clone();
		#[extrinsic_call]
		update(RawOrigin::Signed(submitter), operation, signature);
		assert!(Tombstones::<T>::contains_key(&did));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
