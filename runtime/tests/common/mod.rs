//! Test helpers: the real runtime on the state a genesis preset builds.

// Each test binary uses its own subset of these helpers.
#![allow(dead_code)]

use codec::Encode;
use ghostchain_primitives::gid::{DidSignature, PublicKey, Relationship, Relationships};
use ghostchain_runtime::{
	tx_extension, AccountId, Executive, Gid, Header, Runtime, RuntimeCall, RuntimeEvent,
	SignedPayload, System, UncheckedExtrinsic, WASM_BINARY,
};
use pallet_gid::{DidChange, DidOperation};
use sc_chain_spec::GenesisConfigBuilderRuntimeCaller;
use sp_core::{ed25519, Pair};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{self, Era},
	traits::Header as _,
	ApplyExtrinsicResult, Storage,
};

/// The genesis state of `preset`, built by the WASM runtime exactly as the node builds it.
pub fn preset_storage(preset: &str) -> Result<Storage, String> {
	let wasm = WASM_BINARY.expect("the runtime WASM is built for tests");
	GenesisConfigBuilderRuntimeCaller::<()>::new(wasm)
		.get_storage_for_named_preset(Some(&preset.to_string()))
}

/// Externalities holding the `development` genesis, with block 1 initialized so that
/// extrinsics can be applied.
pub fn development_ext() -> sp_io::TestExternalities {
	let mut ext = sp_io::TestExternalities::new(preset_storage("development").unwrap());
	ext.execute_with(|| {
		let parent_hash = System::block_hash(0);
		Executive::initialize_block(&Header::new(
			1,
			Default::default(),
			Default::default(),
			parent_hash,
			Default::default(),
		));
	});
	ext
}

/// The account id of a development keyring account.
pub fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

/// Signs `call` as `signer` with its current nonce, as a wallet would, and returns the
/// extrinsic with its encoded length.
pub fn signed(signer: Sr25519Keyring, call: RuntimeCall) -> (UncheckedExtrinsic, usize) {
	let nonce = System::account_nonce(signer.to_account_id());
	let extension = tx_extension(nonce, Era::Immortal, 0);
	let payload = SignedPayload::new(call.clone(), extension.clone()).unwrap();
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	let extrinsic: UncheckedExtrinsic = generic::UncheckedExtrinsic::new_signed(
		call,
		signer.to_account_id().into(),
		signature.into(),
		extension,
	)
	.into();
	let len = extrinsic.encoded_size();
	(extrinsic, len)
}

/// Applies a signed extrinsic in the current block.
pub fn apply(extrinsic: UncheckedExtrinsic) -> ApplyExtrinsicResult {
	Executive::apply_extrinsic(extrinsic)
}

/// The fee the last extrinsic paid, from its `TransactionFeePaid` event.
pub fn last_fee_paid_by(who: &AccountId) -> u128 {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid {
					who: payer,
					actual_fee,
					..
				},
			) if &payer == who => Some(actual_fee),
			_ => None,
		})
		.expect("a signed extrinsic pays a fee")
}

/// Registers the CNS name `name` to `who` for a year as a wallet does: commits, lets the
/// commitment age, and reveals, each a signed extrinsic.
pub fn register_name(who: Sr25519Keyring, name: &str) {
	let name: pallet_cns::Name = name.as_bytes().to_vec().try_into().unwrap();
	let secret = [42; 32];
	let commitment = ghostchain_runtime::Cns::commitment_hash(&name, &account(who), &secret);
	let commit = RuntimeCall::Cns(pallet_cns::Call::commit { commitment });
	apply(signed(who, commit).0).unwrap().unwrap();
	let min_age = ghostchain_runtime::configs::cns::MinCommitmentAge::get();
	System::set_block_number(System::block_number() + min_age);
	let register = RuntimeCall::Cns(pallet_cns::Call::register {
		name,
		owner: account(who),
		secret,
		years: 1,
	});
	apply(signed(who, register).0).unwrap().unwrap();
}

/// Creates `who`'s DID, controlled by `who`, with one Ed25519 key (from `seed`) for capability
/// invocation: the key that signs the DID's updates as signer 1.
pub fn create_did(who: Sr25519Keyring, seed: [u8; 32]) -> ed25519::Pair {
	let key = ed25519::Pair::from_seed(&seed);
	let invoke = Relationships::of(&[Relationship::CapabilityInvocation]);
	let create = RuntimeCall::Gid(pallet_gid::Call::create {
		keys: vec![(PublicKey::Ed25519(key.public()), invoke)].try_into().unwrap(),
		services: Default::default(),
	});
	apply(signed(who, create).0).unwrap().unwrap();
	key
}

/// Applies `change` to the DID of `did` with its next nonce, signed by `key` as signer 1 and
/// submitted by `submitter`.
pub fn update_did(
	submitter: Sr25519Keyring,
	did: AccountId,
	key: &ed25519::Pair,
	change: DidChange<Runtime>,
) {
	let nonce = pallet_gid::Dids::<Runtime>::get(&did).expect("the DID is live").nonce;
	let operation = DidOperation::<Runtime> {
		did,
		nonce,
		expires_at: System::block_number() + 10,
		signer: 1,
		change,
	};
	let signature = DidSignature::Ed25519(key.sign(&Gid::signing_payload(&operation)));
	let update = RuntimeCall::Gid(pallet_gid::Call::update { operation, signature });
	apply(signed(submitter, update).0).unwrap().unwrap();
}
