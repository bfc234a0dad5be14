//! A runtime fuzzer. Random sequences of signed extrinsics (every call of GhostChain's pallets,
//! and the FRAME calls they meet: transfers, batches, Sudo, WASM contracts calling the chain
//! extension) from random accounts, with random
//! and adversarial arguments, run on the real runtime over many blocks with their
//! `on_initialize` and `on_finalize`, each extrinsic in its own storage transaction as a block
//! builder runs it. It checks that:
//!
//! - no extrinsic panics the runtime;
//! - an extrinsic the runtime refuses changes nothing, and one that fails in dispatch changes
//!   nothing but its sender's nonce and the fee it paid;
//! - after every block, every GhostChain pallet's invariants hold (`do_try_state`), each hold
//!   reason of ours holds exactly the deposits and bonds the pallets recorded, and each token's
//!   issuance moved only by the documented mints and burns (docs/tokens.md).
//!
//! `cargo test --release --workspace --test fuzz` runs a short campaign with a fixed
//! seed. `scripts/fuzz.sh [seconds] [seed]` runs campaigns for as long as asked and prints the
//! seed of any failure; `FUZZ_SEED=<seed>` replays it.

mod common;

use std::{
	collections::BTreeMap,
	panic::{catch_unwind, AssertUnwindSafe},
	time::{Duration, Instant},
};

use codec::Encode;
use common::{preset_storage, signed};
use frame_support::{
	traits::{fungibles::Inspect as _, Get},
	weights::Weight,
	BoundedVec,
};
use ghostchain_primitives::{
	cns::GCC_COIN_TYPE,
	gid::{PublicKey, Relationship, Relationships},
	l2::{BatchHeader, BatchPublicInputs, L2Config, L2Limits, ValidityProof, VerificationMode},
	time::{DAYS, YEARS},
	tokens::{TokenKind, EXISTENTIAL_DEPOSIT, GHOST_ASSET_ID, MANA_ASSET_ID, UNIT},
	AccountId, Balance, BlockNumber,
};
use ghostchain_runtime::{
	chain_extension::Function, opaque::SessionKeys, Assets, Balances, Cns, CnsBridge, Contracts,
	Executive, Gid, Header, L2Commitments, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason,
	SpiritBalances, System, Tokens, UncheckedExtrinsic, ValidatorSet,
};
use pallet_l2_commitments::{WithdrawalOf, WithdrawalProof};
use proptest::{
	prelude::RngExt,
	test_runner::{RngAlgorithm, TestRng},
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{
	traits::{Convert, Hash as _, Header as _, Keccak256},
	Digest, DigestItem,
};

/// The accounts that sign: the funded dev accounts (Alice holds Sudo) and two with nothing.
const SIGNERS: [Sr25519Keyring; 8] = [Alice, Bob, Charlie, Dave, Eve, Ferdie, One, Two];
/// The L2 ids the fuzzer registers and uses.
const L2_IDS: u32 = 3;
/// Blocks in one campaign, and extrinsics in each block.
const BLOCKS: u32 = 30;
const EXTRINSICS_PER_BLOCK: usize = 20;

/// One run of the fuzzer on a fresh development chain.
struct Campaign {
	rng: TestRng,
	/// Commitments made, so that reveals can match them: (committer, name, owner, secret).
	commitments: Vec<(Sr25519Keyring, Vec<u8>, AccountId, [u8; 32])>,
	/// The withdrawals of each L2 batch the fuzzer submitted, by L2 and batch index.
	withdrawal_trees: BTreeMap<(u32, u64), Vec<WithdrawalOf<Runtime>>>,
	/// Extrinsics applied so far.
	extrinsics: u64,
	/// The WASM of contracts/wasm/extension_proxy.wat, which the fuzzer deploys and calls.
	proxy_code: Vec<u8>,
	/// Where the proxy's instantiations put (or would put) it.
	contracts: Vec<AccountId>,
}

impl Campaign {
	fn new(seed: u64) -> Self {
		let mut seed_bytes = [0u8; 32];
		seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
		Self {
			rng: TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
			commitments: Vec::new(),
			withdrawal_trees: BTreeMap::new(),
			extrinsics: 0,
			proxy_code: wat::parse_file(concat!(
				env!("CARGO_MANIFEST_DIR"),
				"/../contracts/wasm/extension_proxy.wat"
			))
			.expect("the proxy contract builds"),
			contracts: Vec::new(),
		}
	}

	fn below(&mut self, n: usize) -> usize {
		self.rng.random_range(0..n)
	}

	fn chance(&mut self, percent: u32) -> bool {
		self.rng.random_range(0..100) < percent
	}

	fn pick<T: Clone>(&mut self, items: &[T]) -> T {
		let index = self.below(items.len());
		items[index].clone()
	}

	fn account(&mut self) -> AccountId {
		self.pick(&SIGNERS).to_account_id()
	}

	/// An amount likely to sit on an edge: zero, one, around the existential deposit, whole
	/// balances, or the largest values.
	fn amount(&mut self) -> Balance {
		match self.below(12) {
			0 => 0,
			1 => 1,
			2 => EXISTENTIAL_DEPOSIT - 1,
			3 => EXISTENTIAL_DEPOSIT,
			4 => UNIT,
			5 => 1_000 * UNIT,
			6 => 100_000 * UNIT,
			7 => 1_000_000 * UNIT,
			8 => u128::MAX,
			9 => u128::MAX / 2,
			_ => self.rng.random_range(0..1_000 * UNIT),
		}
	}

	/// Random bytes, at most `max` of them.
	fn bytes(&mut self, max: usize) -> Vec<u8> {
		let length = self.below(max + 1);
		(0..length).map(|_| self.rng.random_range(0..=255u8)).collect()
	}

	fn bounded<S: frame_support::traits::Get<u32>>(&mut self) -> BoundedVec<u8, S> {
		let bytes = self.bytes(S::get() as usize);
		BoundedVec::truncate_from(bytes)
	}

	/// A name from a small pool, so that calls meet each other's names: mostly valid ones,
	/// some malformed, bridged or too long.
	fn name_bytes(&mut self) -> Vec<u8> {
		const LABELS: [&str; 5] = ["a", "bob", "carol-x", "d1", "zz"];
		const TLDS: [&str; 5] = ["ghost", "gcc", "warp", "arc", "gcp"];
		match self.below(10) {
			0 => self
				.pick(&["", "A.ghost", "x.eth", "a..gcc", "-a.ghost", "ghost", "é.ghost"])
				.as_bytes()
				.to_vec(),
			1 => [vec![b'a'; 64], b".gcc".to_vec()].concat(),
			2 => {
				let (sub, label, tld) =
					(self.pick(&["pay", "sub"]), self.pick(&LABELS), self.pick(&TLDS));
				format!("{sub}.{label}.{tld}").into_bytes()
			},
			_ => format!("{}.{}", self.pick(&LABELS), self.pick(&TLDS)).into_bytes(),
		}
	}

	fn name(&mut self) -> pallet_cns::Name {
		let bytes = self.name_bytes();
		BoundedVec::truncate_from(bytes)
	}

	fn secret(&mut self) -> [u8; 32] {
		[self.below(3) as u8; 32]
	}

	/// The next extrinsic: its signer and call.
	fn extrinsic(&mut self) -> (Sr25519Keyring, RuntimeCall) {
		let signer = self.pick(&SIGNERS);
		match self.below(100) {
			0..=11 => (signer, self.transfer_call()),
			12..=38 => self.cns_call(signer),
			39..=41 => (signer, self.bridge_request()),
			42..=59 => (signer, self.gid_call(signer)),
			60..=75 => (signer, self.l2_call()),
			76..=81 => (signer, self.contract_call(signer)),
			82..=84 => (signer, self.session_call(signer)),
			85..=93 => {
				// Sudo, mostly from its key holder: every admin call, at any argument.
				let signer = if self.chance(80) { Alice } else { signer };
				let call = self.admin_call();
				(signer, RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) }))
			},
			_ => {
				let calls = (0..1 + self.below(3))
					.map(|_| match self.below(3) {
						0 => self.transfer_call(),
						1 => self.gid_call(signer),
						_ => self.l2_call(),
					})
					.collect();
				let call = match self.below(3) {
					0 => pallet_utility::Call::batch { calls },
					1 => pallet_utility::Call::batch_all { calls },
					_ => pallet_utility::Call::force_batch { calls },
				};
				(signer, RuntimeCall::Utility(call))
			},
		}
	}

	/// Deploys the chain-extension proxy, or calls a deployment of it with any function id and
	/// input: well-formed arguments of each function, or random bytes.
	fn contract_call(&mut self, signer: Sr25519Keyring) -> RuntimeCall {
		use pallet_contracts::Call;
		let gas_limit = Weight::from_parts(20_000_000_000, 1024 * 1024);
		if self.contracts.is_empty() || self.chance(10) {
			let salt = vec![self.below(3) as u8];
			let code_hash = <Runtime as frame_system::Config>::Hashing::hash(&self.proxy_code);
			let deployer = signer.to_account_id();
			let address = Contracts::contract_address(&deployer, &code_hash, &[], &salt);
			if !self.contracts.contains(&address) {
				self.contracts.push(address);
			}
			let (value, code) = (self.amount(), self.proxy_code.clone());
			let storage_deposit_limit = None;
			let data = Vec::new();
			return RuntimeCall::Contracts(Call::instantiate_with_code {
				value,
				gas_limit,
				storage_deposit_limit,
				code,
				data,
				salt,
			});
		}
		let dest = self.pick(&self.contracts.clone()).into();
		let function = if self.chance(90) {
			self.pick(&Function::ALL).id()
		} else {
			self.rng.random_range(0..=u16::MAX)
		};
		let input = match self.below(6) {
			0 => self.name_bytes().encode(),
			1 => self.account().encode(),
			2 => (self.pick(&TokenKind::ALL), self.account()).encode(),
			3 => (self.pick(&TokenKind::ALL), self.account(), self.amount()).encode(),
			_ => self.bytes(300),
		};
		let data = [function.to_le_bytes().to_vec(), input].concat();
		let value = if self.chance(80) { 0 } else { self.amount() };
		RuntimeCall::Contracts(Call::call {
			dest,
			value,
			gas_limit,
			storage_deposit_limit: None,
			data,
		})
	}

	fn transfer_call(&mut self) -> RuntimeCall {
		let (token, dest, amount) = (self.pick(&TokenKind::ALL), self.account(), self.amount());
		match self.below(4) {
			0 => RuntimeCall::Tokens(pallet_ghost_tokens::Call::transfer { token, dest, amount }),
			1 => RuntimeCall::Tokens(pallet_ghost_tokens::Call::transfer_keep_alive {
				token,
				dest,
				amount,
			}),
			2 => RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
				dest: dest.into(),
				value: amount,
			}),
			_ => RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: dest.into(),
				value: amount,
			}),
		}
	}

	fn cns_call(&mut self, signer: Sr25519Keyring) -> (Sr25519Keyring, RuntimeCall) {
		use pallet_cns::Call;
		let call = match self.below(15) {
			0 | 1 => {
				let (name, owner, secret) = (self.name_bytes(), self.account(), self.secret());
				let commitment = sp_io::hashing::blake2_256(&(&name, &owner, &secret).encode());
				if self.commitments.len() == 64 {
					self.commitments.remove(0);
				}
				self.commitments.push((signer, name, owner, secret));
				Call::commit { commitment: commitment.into() }
			},
			2 | 3 if !self.commitments.is_empty() && self.chance(90) => {
				// A reveal of an earlier commitment, mostly by its committer.
				let (committer, name, owner, secret) = self.pick(&self.commitments.clone());
				let years = self.pick(&[1, 1, 2, 10, 11, 0]);
				let name = BoundedVec::truncate_from(name);
				let sender = if self.chance(85) { committer } else { signer };
				return (sender, RuntimeCall::Cns(Call::register { name, owner, secret, years }));
			},
			2 | 3 => Call::register {
				name: self.name(),
				owner: self.account(),
				secret: self.secret(),
				years: self.below(12) as u32,
			},
			4 => {
				let commitment = match self.commitments.is_empty() {
					true => H256::repeat_byte(1),
					false => {
						let (_, name, owner, secret) = self.pick(&self.commitments.clone());
						sp_io::hashing::blake2_256(&(&name, &owner, &secret).encode()).into()
					},
				};
				Call::remove_commitment { commitment }
			},
			5 => Call::renew { name: self.name(), years: self.pick(&[0, 1, 3, 11]) },
			6 => Call::transfer { name: self.name(), to: self.account() },
			7 => Call::approve {
				name: self.name(),
				operator: self.chance(70).then(|| self.account()),
			},
			8 => {
				let coin_type = self.pick(&[60, 354, GCC_COIN_TYPE, 0, u32::MAX]);
				let evm_address = match self.chance(50) {
					true => Some(ghostchain_runtime::configs::cns::ReviveEvmAddress::convert(
						self.account(),
					)),
					false => None,
				};
				let address = match (coin_type, evm_address) {
					(GCC_COIN_TYPE, Some(address)) => {
						Some(BoundedVec::truncate_from(address.to_vec()))
					},
					_ if self.chance(80) => Some(self.bounded()),
					_ => None,
				};
				Call::set_address { name: self.name(), coin_type, address }
			},
			9 => Call::set_text {
				name: self.name(),
				key: self.bounded(),
				value: self.chance(80).then(|| self.bounded()),
			},
			10 => Call::set_content_hash {
				name: self.name(),
				content_hash: self.chance(80).then(|| self.bounded()),
			},
			11 => Call::clear_records { name: self.name() },
			12 => {
				let label = self.pick(&["pay", "sub", "", "X"]).as_bytes().to_vec();
				Call::set_subname {
					parent: self.name(),
					label: BoundedVec::truncate_from(label),
					owner: self.account(),
				}
			},
			13 => {
				let label = self.pick(&["pay", "sub"]).as_bytes().to_vec();
				Call::revoke_subname {
					parent: self.name(),
					label: BoundedVec::truncate_from(label),
				}
			},
			_ => Call::set_primary_name { name: self.chance(80).then(|| self.name()) },
		};
		(signer, RuntimeCall::Cns(call))
	}

	fn relationships(&mut self) -> Relationships {
		use codec::Decode;
		match self.below(4) {
			0 => Relationships::decode(&mut &[self.rng.random_range(0..=255u8)][..])
				.expect("any byte decodes"),
			1 => Relationships::of(&[Relationship::Authentication]),
			_ => Relationships::of(&[
				Relationship::Authentication,
				Relationship::CapabilityInvocation,
			]),
		}
	}

	fn public_key(&mut self, signer: Sr25519Keyring) -> PublicKey {
		match self.below(4) {
			0 => PublicKey::Ed25519(sp_core::ed25519::Public::from_raw([self.below(4) as u8; 32])),
			1 => PublicKey::X25519([self.below(4) as u8; 32]),
			_ => PublicKey::Sr25519(signer.public()),
		}
	}

	fn service(&mut self) -> pallet_gid::Service<Runtime> {
		let id = self.pick(&["home", "pay", ""]).as_bytes().to_vec();
		pallet_gid::Service {
			id: BoundedVec::truncate_from(id),
			service_type: self.bounded(),
			url: self.bounded(),
		}
	}

	fn did_change(&mut self, signer: Sr25519Keyring) -> pallet_gid::DidChange<Runtime> {
		use pallet_gid::DidChange;
		match self.below(10) {
			0 => DidChange::AddKey {
				key: self.public_key(signer),
				relationships: self.relationships(),
			},
			1 => DidChange::RemoveKey { key_id: self.below(4) as u32 },
			2 => DidChange::SetRelationships {
				key_id: self.below(4) as u32,
				relationships: self.relationships(),
			},
			3 => DidChange::AddService { service: self.service() },
			4 => {
				let id = self.pick(&["home", "pay"]).as_bytes().to_vec();
				DidChange::RemoveService { id: BoundedVec::truncate_from(id) }
			},
			5 => DidChange::SetController { controller: self.account() },
			6 | 7 => DidChange::AddAlsoKnownAs { name: self.name() },
			8 => DidChange::RemoveAlsoKnownAs { name: self.name() },
			_ => DidChange::Deactivate,
		}
	}

	fn gid_call(&mut self, signer: Sr25519Keyring) -> RuntimeCall {
		use pallet_gid::{Call, DidOperation};
		let call = match self.below(4) {
			0 => {
				let keys = (0..self.below(3))
					.map(|_| (self.public_key(signer), self.relationships()))
					.collect::<Vec<_>>();
				let services = (0..self.below(3)).map(|_| self.service()).collect::<Vec<_>>();
				Call::create {
					keys: BoundedVec::truncate_from(keys),
					services: BoundedVec::truncate_from(services),
				}
			},
			1 => {
				Call::update_as_controller { did: self.account(), change: self.did_change(signer) }
			},
			_ => {
				// A DID-signed change, signed with the subject's own sr25519 key (key 1 of the
				// DIDs the fuzzer creates), with a nonce that is usually right.
				let subject = self.pick(&SIGNERS);
				let did = subject.to_account_id();
				let nonce = pallet_gid::Dids::<Runtime>::get(&did).map_or(0, |d| d.nonce);
				let operation = DidOperation {
					did,
					nonce: if self.chance(85) { nonce } else { nonce + 1 },
					expires_at: System::block_number() + self.pick(&[0, 10]),
					signer: self.pick(&[1, 1, 2]),
					change: self.did_change(subject),
				};
				let payload = pallet_gid::Pallet::<Runtime>::signing_payload(&operation);
				let signature =
					ghostchain_primitives::gid::DidSignature::Sr25519(subject.sign(&payload));
				Call::update { operation, signature }
			},
		};
		RuntimeCall::Gid(call)
	}

	fn l2_id(&mut self) -> u32 {
		self.below(L2_IDS as usize + 1) as u32
	}

	/// Batch `index` of `l2` following the last accepted one, mostly; with withdrawals that
	/// are remembered for later proofs.
	fn batch_header(&mut self, l2: u32) -> BatchHeader {
		let info = pallet_l2_commitments::L2s::<Runtime>::get(l2);
		let next = info.as_ref().map_or(0, |info| info.next_batch);
		let previous = next
			.checked_sub(1)
			.and_then(|index| pallet_l2_commitments::Batches::<Runtime>::get(l2, index));
		let (prev_output_root, l2_block_number, deposits_consumed) = match (&info, previous) {
			(_, Some(previous)) => (
				previous.header.output_root,
				previous.header.l2_block_number,
				previous.header.deposits_consumed,
			),
			(Some(info), None) => (info.genesis_output_root, 0, 0),
			(None, None) => (H256::zero(), 0, 0),
		};
		let deposit_count = info.as_ref().map_or(0, |info| info.deposit_count);
		let leaves: Vec<WithdrawalOf<Runtime>> = (0..self.below(4))
			.map(|_| ghostchain_primitives::l2::Withdrawal {
				nonce: self.rng.random_range(0..64),
				recipient: self.account(),
				amount: self.pick(&[1, UNIT, 100 * UNIT, u128::MAX]),
			})
			.collect();
		let index = if self.chance(90) { next } else { next + self.below(3) as u64 };
		self.withdrawal_trees.insert((l2, index), leaves.clone());
		BatchHeader {
			index,
			prev_output_root: match self.chance(95) {
				true => prev_output_root,
				false => H256::repeat_byte(0x99),
			},
			output_root: H256::repeat_byte(self.below(256) as u8),
			l2_block_number: l2_block_number + self.pick(&[0, 1, 100]),
			tx_data_hash: H256::repeat_byte(7),
			withdrawals_root: binary_merkle_tree::merkle_root::<Keccak256, _>(
				leaves.iter().map(Encode::encode),
			),
			deposits_consumed: self.pick(&[
				deposits_consumed,
				deposits_consumed,
				deposit_count,
				deposit_count + 1,
				deposits_consumed.saturating_sub(1),
			]),
		}
	}

	/// A withdrawal from one of the batches the fuzzer submitted to `l2`, with its proof,
	/// now and then for a changed amount.
	fn withdrawal(&mut self, l2: u32) -> RuntimeCall {
		let trees: Vec<_> = self
			.withdrawal_trees
			.range((l2, 0)..(l2 + 1, 0))
			.filter(|(_, leaves)| !leaves.is_empty())
			.map(|(&(_, batch), leaves)| (batch, leaves.clone()))
			.collect();
		if trees.is_empty() {
			let remark = b"no withdrawal to make".to_vec();
			return RuntimeCall::System(frame_system::Call::remark { remark });
		}
		let (batch, leaves) = self.pick(&trees);
		let index = self.below(leaves.len()) as u32;
		let proof = binary_merkle_tree::merkle_proof::<Keccak256, _, _>(
			leaves.iter().map(Encode::encode),
			index,
		);
		let mut withdrawal = leaves[index as usize].clone();
		if self.chance(10) {
			withdrawal.amount = withdrawal.amount.saturating_add(1);
		}
		RuntimeCall::L2Commitments(pallet_l2_commitments::Call::withdraw {
			l2,
			batch,
			withdrawal,
			proof: WithdrawalProof {
				leaf_index: proof.leaf_index,
				leaf_count: proof.number_of_leaves,
				siblings: BoundedVec::truncate_from(proof.proof),
			},
		})
	}

	fn l2_call(&mut self) -> RuntimeCall {
		use pallet_l2_commitments::Call;
		let l2 = self.l2_id();
		let call = match self.below(11) {
			0 => Call::bond { l2 },
			1 => Call::unbond { l2 },
			2 => Call::release_bond { l2 },
			3 | 4 => Call::submit_batch { l2, header: self.batch_header(l2) },
			5 => Call::challenge { l2, index: self.below(6) as u64 },
			6 | 7 => {
				Call::deposit { l2, l2_recipient: H256::repeat_byte(3), amount: self.amount() }
			},
			8 => {
				// Random bytes for a proof: the error paths of validity mode.
				let header = self.batch_header(l2);
				let deposit_head = H256::repeat_byte(self.below(2) as u8);
				let public_inputs = BatchPublicInputs::of(&header, deposit_head);
				let mut proof = [0u8; 128];
				proof.iter_mut().for_each(|byte| *byte = self.rng.random_range(0..=255u8));
				let proof = Box::new(ValidityProof { public_inputs, proof });
				Call::submit_proven_batch { l2, header, proof }
			},
			_ => return self.withdrawal(l2),
		};
		RuntimeCall::L2Commitments(call)
	}

	fn l2_config(&mut self) -> L2Config<Balance, BlockNumber> {
		L2Config {
			mode: VerificationMode::Optimistic {
				challenge_period: self.pick(&[0, 1, 3, 20, DAYS]),
			},
			sequencer_bond: self.pick(&[0, UNIT, 1_000 * UNIT, u128::MAX]),
			challenge_bond: self.pick(&[0, UNIT, 100 * UNIT]),
			limits: L2Limits {
				max_sequencers: self.pick(&[0, 1, 4, 33]),
				max_pending_batches: self.pick(&[1, 4, 65]),
				max_pending_deposits: self.pick(&[1, 8, 2_000]),
			},
		}
	}

	/// `signer` registers session keys (its own or another signer's, with a proof of ownership
	/// now and then made out to someone else) or purges its keys.
	fn session_call(&mut self, signer: Sr25519Keyring) -> RuntimeCall {
		use sp_core::{ed25519, proof_of_possession::ProofOfPossessionGenerator, Pair};
		if self.chance(20) {
			return RuntimeCall::Session(pallet_session::Call::purge_keys {});
		}
		let holder = if self.chance(80) { signer } else { self.pick(&SIGNERS) };
		let mut aura = holder.pair();
		let mut grandpa =
			ed25519::Pair::from_string(&holder.to_seed(), None).expect("a keyring seed is valid");
		let keys = SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() };
		let owner = if self.chance(90) { signer } else { self.pick(&SIGNERS) };
		let owner = owner.to_account_id().encode();
		let proof = (
			aura.generate_proof_of_possession(&owner),
			grandpa.generate_proof_of_possession(&owner),
		)
			.encode();
		RuntimeCall::Session(pallet_session::Call::set_keys { keys, proof })
	}

	/// A request for a bridged name, or for one the bridge refuses.
	fn bridge_request(&mut self) -> RuntimeCall {
		let name = self.pick(&["vitalik.eth", "brad.crypto", "a.x", "Bad.eth", "alice.ghost"]);
		RuntimeCall::CnsBridge(pallet_cns_bridge::Call::request { name: name.into() })
	}

	/// Oracles from the signers' keys, repeats possible, or parameters of any quorum and TTL.
	fn bridge_admin_call(&mut self) -> RuntimeCall {
		use pallet_cns_bridge::{crypto::Public, BridgeParameters, Call};
		if self.chance(50) {
			let oracles = (0..self.below(4)).map(|_| Public::from(self.pick(&SIGNERS).public()));
			return RuntimeCall::CnsBridge(Call::set_oracles { oracles: oracles.collect() });
		}
		let parameters = BridgeParameters {
			quorum: self.below(4) as u32,
			record_ttl: self.pick(&[0, 1, DAYS]),
			request_ttl: self.pick(&[0, 1, 3]),
			ens_registry: Default::default(),
			uns_proxy_reader: Default::default(),
		};
		RuntimeCall::CnsBridge(Call::set_parameters { parameters })
	}

	/// A call for Root: registrations, rulings, prices, rewards, validators, the bridge's
	/// oracles and parameters, and the treasury's funding.
	fn admin_call(&mut self) -> RuntimeCall {
		use pallet_l2_commitments::{Call, Verdict};
		let l2 = self.l2_id();
		match self.below(10) {
			0 | 1 => RuntimeCall::L2Commitments(Call::register_l2 {
				l2,
				config: self.l2_config(),
				genesis_output_root: H256::repeat_byte(0x11),
			}),
			2 => RuntimeCall::L2Commitments(Call::resolve_dispute {
				l2,
				index: self.below(6) as u64,
				verdict: if self.chance(50) { Verdict::BatchValid } else { Verdict::BatchInvalid },
			}),
			3 => RuntimeCall::L2Commitments(Call::set_verification_mode {
				l2,
				mode: VerificationMode::Optimistic { challenge_period: self.pick(&[0, 2]) },
			}),
			4 => {
				let tld = self.pick(&ghostchain_primitives::cns::Tld::ALL);
				let config = pallet_cns::TldConfig {
					enabled: self.chance(80),
					token: self.pick(&TokenKind::ALL),
					yearly_prices: [(); 5].map(|_| self.amount()),
				};
				RuntimeCall::Cns(pallet_cns::Call::set_tld_config { tld, config })
			},
			5 => RuntimeCall::Tokens(pallet_ghost_tokens::Call::set_mana_reward {
				amount: self.pick(&[0, UNIT, 2 * UNIT, 10_000_000 * UNIT, u128::MAX]),
			}),
			6 => RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
				validator: self.account(),
			}),
			7 => RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
				validator: self.account(),
			}),
			8 => self.bridge_admin_call(),
			// Seeds the treasury, which registering an L2 draws on.
			_ => RuntimeCall::Balances(pallet_balances::Call::force_transfer {
				source: Alice.to_account_id().into(),
				dest: Tokens::treasury_account().into(),
				value: self.pick(&[EXISTENTIAL_DEPOSIT, UNIT]),
			}),
		}
	}
}

/// Every key and value in storage.
fn storage_snapshot() -> BTreeMap<Vec<u8>, Vec<u8>> {
	let mut snapshot = BTreeMap::new();
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		let value = sp_io::storage::get(&next).map(|value| value.to_vec()).unwrap_or_default();
		snapshot.insert(next.clone(), value);
		key = next;
	}
	snapshot
}

/// The keys whose values differ between two snapshots.
fn changed_keys(
	before: &BTreeMap<Vec<u8>, Vec<u8>>,
	after: &BTreeMap<Vec<u8>, Vec<u8>>,
) -> Vec<Vec<u8>> {
	let mut keys: Vec<_> = before
		.iter()
		.filter(|(key, value)| after.get(*key) != Some(value))
		.map(|(key, _)| key.clone())
		.collect();
	keys.extend(after.keys().filter(|key| !before.contains_key(*key)).cloned());
	keys
}

/// Whether `key` is one that any applied extrinsic writes: its bookkeeping in System (weight,
/// length, phase, events), the
/// issuance its fee burns, and the block's fee-payment bookkeeping.
fn is_bookkeeping(key: &[u8]) -> bool {
	const ITEMS: [(&str, &str); 11] = [
		("System", "Events"),
		("System", "EventCount"),
		("System", "EventTopics"),
		("System", "BlockWeight"),
		("System", "AllExtrinsicsLen"),
		("System", "BlockSize"),
		("System", "ExtrinsicWeightReclaimed"),
		("System", "ExecutionPhase"),
		("System", "ExtrinsicData"),
		("System", "InherentsApplied"),
		("Balances", "TotalIssuance"),
	];
	key == sp_core::storage::well_known_keys::EXTRINSIC_INDEX
		|| ITEMS.iter().any(|(pallet, item)| {
			key.starts_with(&frame_support::storage::storage_prefix(
				pallet.as_bytes(),
				item.as_bytes(),
			))
		})
}

/// Applies `extrinsic` as a block builder does: in a storage transaction that is kept only if
/// the runtime accepts the extrinsic. Checks that one that failed in dispatch changed nothing
/// but its sender's nonce and fee.
///
/// Comparing all of storage is what costs, so it is done only for a failed dispatch: the
/// extrinsic is rolled back, storage read, and the extrinsic applied again, which is
/// deterministic.
fn apply_checked(
	signer: Sr25519Keyring,
	extrinsic: UncheckedExtrinsic,
	call: &RuntimeCall,
) -> Result<(), String> {
	sp_io::storage::start_transaction();
	match Executive::apply_extrinsic(extrinsic.clone()) {
		// Refused, as the pool would refuse it: the builder drops it with all it wrote.
		Err(_) => {
			sp_io::storage::rollback_transaction();
			return Ok(());
		},
		Ok(Ok(())) => {
			sp_io::storage::commit_transaction();
			return Ok(());
		},
		Ok(Err(_)) => sp_io::storage::rollback_transaction(),
	}
	let before = storage_snapshot();
	let sender = signer.to_account_id();
	let account_before = System::account(&sender);
	let events_before = System::events().len();
	if !matches!(Executive::apply_extrinsic(extrinsic), Ok(Err(_))) {
		return Err(format!("{call:?} failed, then did not fail on the same state"));
	}
	let fee = System::events()
		.into_iter()
		.skip(events_before)
		.find_map(|record| match record.event {
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { who, actual_fee, tip },
			) if who == sender => Some(actual_fee + tip),
			_ => None,
		})
		.ok_or_else(|| format!("no fee paid for the failed {call:?}"))?;
	let account_after = System::account(&sender);
	let mut expected = account_before.clone();
	expected.nonce += 1;
	expected.data.free -= fee;
	if account_after != expected {
		return Err(format!(
			"the failed {call:?} left its sender at {account_after:?}, not {expected:?}"
		));
	}
	let sender_key = frame_system::Account::<Runtime>::hashed_key_for(&sender);
	let unexpected: Vec<_> = changed_keys(&before, &storage_snapshot())
		.into_iter()
		.filter(|key| *key != sender_key && !is_bookkeeping(key))
		.collect();
	match unexpected.is_empty() {
		true => Ok(()),
		false => Err(format!(
			"the failed {call:?} changed {} keys beyond its fee, first {}",
			unexpected.len(),
			sp_core::hexdisplay::HexDisplay::from(&unexpected[0])
		)),
	}
}

/// Each token's total issuance.
fn issuance() -> [Balance; 4] {
	[
		Balances::total_issuance(),
		SpiritBalances::total_issuance(),
		Assets::total_issuance(MANA_ASSET_ID),
		Assets::total_issuance(GHOST_ASSET_ID),
	]
}

/// How this block's events say each token's issuance moved: GCC burns fees and dust, SPIRIT
/// burns dust, MANA grows by rewards and issues, GHOST never changes.
fn documented_issuance_change(events: &[RuntimeEvent]) -> [i128; 4] {
	let mut change = [0i128; 4];
	let signed = |amount: Balance| i128::try_from(amount).unwrap_or(i128::MAX);
	for event in events {
		match event {
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, tip, .. },
			) => change[0] -= signed(actual_fee + tip),
			RuntimeEvent::Balances(pallet_balances::Event::DustLost { amount, .. }) => {
				change[0] -= signed(*amount)
			},
			RuntimeEvent::SpiritBalances(pallet_balances::Event::DustLost { amount, .. }) => {
				change[1] -= signed(*amount)
			},
			RuntimeEvent::Tokens(pallet_ghost_tokens::Event::AuthorRewarded { amount, .. }) => {
				change[2] += signed(*amount)
			},
			RuntimeEvent::Tokens(pallet_ghost_tokens::Event::Issued { token, amount, .. }) => {
				change[*token as usize] += signed(*amount)
			},
			_ => {},
		}
	}
	change
}

/// Every account's GCC holds.
type AllHolds =
	Vec<(AccountId, Vec<frame_support::traits::tokens::IdAmount<RuntimeHoldReason, Balance>>)>;

/// The GCC on hold for each of our pallets' reasons, summed over all accounts, against what
/// the pallets recorded.
fn check_hold_totals(all_holds: &AllHolds) -> Result<(), String> {
	let mut held = BTreeMap::<Vec<u8>, Balance>::new();
	for (_, holds) in all_holds {
		for hold in holds {
			let ours = matches!(
				hold.id,
				RuntimeHoldReason::Cns(_)
					| RuntimeHoldReason::CnsBridge(_)
					| RuntimeHoldReason::Gid(_)
					| RuntimeHoldReason::L2Commitments(_)
			);
			if ours {
				*held.entry(hold.id.encode()).or_default() += hold.amount;
			}
		}
	}
	let recorded: [(RuntimeHoldReason, Balance); 7] = [
		(
			pallet_cns::HoldReason::Records.into(),
			pallet_cns::Records::<Runtime>::iter_values().map(|r| r.deposit.amount).sum(),
		),
		(
			pallet_cns::HoldReason::Commitment.into(),
			pallet_cns::Commitments::<Runtime>::iter_values().map(|c| c.deposit).sum(),
		),
		(
			pallet_cns::HoldReason::PrimaryName.into(),
			pallet_cns::PrimaryNames::<Runtime>::iter_values().map(|p| p.deposit).sum(),
		),
		(
			pallet_cns_bridge::HoldReason::Request.into(),
			pallet_cns_bridge::Requests::<Runtime>::iter_values().map(|r| r.deposit).sum(),
		),
		(
			pallet_gid::HoldReason::Did.into(),
			pallet_gid::Dids::<Runtime>::iter_values().map(|d| d.deposit.amount).sum(),
		),
		(
			pallet_l2_commitments::HoldReason::SequencerBond.into(),
			pallet_l2_commitments::Sequencers::<Runtime>::iter_values().map(|s| s.bond).sum(),
		),
		(
			pallet_l2_commitments::HoldReason::ChallengeBond.into(),
			pallet_l2_commitments::Batches::<Runtime>::iter_values()
				.filter_map(|batch| batch.challenge.map(|c| c.bond))
				.sum(),
		),
	];
	for (reason, total) in recorded {
		let on_hold = held.remove(&reason.encode()).unwrap_or_default();
		if on_hold != total {
			return Err(format!("{reason:?}: {on_hold} on hold, {total} recorded"));
		}
	}
	match held.is_empty() {
		true => Ok(()),
		false => Err(format!("holds of ours that nothing records: {held:?}")),
	}
}

/// Every session-key deposit is the runtime's `KeyDeposit`, held from an account whose keys are
/// registered. Genesis validators registered theirs without one.
fn check_session_deposits(all_holds: &AllHolds) -> Result<(), String> {
	let deposit = <Runtime as pallet_session::Config>::KeyDeposit::get();
	for (account, holds) in all_holds {
		for hold in holds.iter().filter(|hold| matches!(hold.id, RuntimeHoldReason::Session(_))) {
			if hold.amount != deposit {
				return Err(format!(
					"{account}: {} held for session keys, not {deposit}",
					hold.amount
				));
			}
			if pallet_session::NextKeys::<Runtime>::get(account).is_none() {
				return Err(format!("{account}: a session-key deposit without session keys"));
			}
		}
	}
	Ok(())
}

fn check_invariants() -> Result<(), String> {
	let invariants: [(&str, fn() -> Result<(), sp_runtime::TryRuntimeError>); 6] = [
		("Tokens", Tokens::do_try_state),
		("Cns", Cns::do_try_state),
		("CnsBridge", CnsBridge::do_try_state),
		("Gid", Gid::do_try_state),
		("L2Commitments", L2Commitments::do_try_state),
		("ValidatorSet", ValidatorSet::do_try_state),
	];
	for (pallet, check) in invariants {
		check().map_err(|error| format!("{pallet}: {error:?}"))?;
	}
	let all_holds: AllHolds = pallet_balances::Holds::<Runtime>::iter()
		.map(|(account, holds)| (account, holds.into_inner()))
		.collect();
	check_hold_totals(&all_holds)?;
	check_session_deposits(&all_holds)
}

/// Opens block `number` on `parent` in slot `number`, authored by the only development
/// validator, and applies its timestamp inherent.
fn open_block(number: BlockNumber, parent: H256) {
	let slot = Slot::from(u64::from(number));
	let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
	// A jump of days skips the blocks between: System expects the block after the last.
	System::set_block_number(number.saturating_sub(1));
	Executive::initialize_block(&Header::new(
		number,
		Default::default(),
		Default::default(),
		parent,
		digest,
	));
	let now = u64::from(number) * ghostchain_primitives::time::SLOT_DURATION;
	let timestamp = RuntimeCall::Timestamp(pallet_timestamp::Call::set { now });
	let inherent: UncheckedExtrinsic =
		sp_runtime::generic::UncheckedExtrinsic::new_bare(timestamp).into();
	Executive::apply_extrinsic(inherent)
		.expect("the timestamp inherent is valid")
		.expect("the timestamp inherent succeeds");
}

/// Runs one campaign from the development genesis; returns how many extrinsics it applied, or
/// where it failed.
fn run_campaign(genesis: &sp_runtime::Storage, seed: u64) -> Result<u64, String> {
	let mut campaign = Campaign::new(seed);
	let mut ext = sp_io::TestExternalities::new(genesis.clone());
	ext.execute_with(|| {
		let mut number: BlockNumber = 0;
		let mut parent = System::block_hash(0);
		for _ in 0..BLOCKS {
			// Mostly the next block; now and then days or a year later, for expiry, grace,
			// challenge windows and commitment ages.
			number += match campaign.below(20) {
				0 => DAYS,
				1 if campaign.chance(20) => YEARS,
				2 => 3,
				_ => 1,
			};
			let issuance_before = issuance();
			let block = catch_unwind(AssertUnwindSafe(|| -> Result<(), String> {
				open_block(number, parent);
				for _ in 0..EXTRINSICS_PER_BLOCK {
					let (signer, call) = campaign.extrinsic();
					let (extrinsic, _) = signed(signer, call.clone());
					apply_checked(signer, extrinsic, &call)?;
					campaign.extrinsics += 1;
				}
				parent = Executive::finalize_block().hash();
				Ok(())
			}))
			.map_err(|panic| {
				let message = panic
					.downcast_ref::<String>()
					.cloned()
					.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
					.unwrap_or_default();
				format!("the runtime panicked: {message}")
			})
			.and_then(|result| result);
			block.map_err(|error| format!("block {number}: {error}"))?;

			check_invariants().map_err(|error| format!("block {number}: {error}"))?;
			let events: Vec<_> = System::events().into_iter().map(|record| record.event).collect();
			let documented = documented_issuance_change(&events);
			for (index, (before, after)) in issuance_before.iter().zip(issuance()).enumerate() {
				let moved = i128::try_from(after).unwrap_or(i128::MAX)
					- i128::try_from(*before).unwrap_or(i128::MAX);
				if moved != documented[index] {
					let token = TokenKind::ALL[index].symbol();
					return Err(format!(
						"block {number}: {token} issuance moved by {moved}, the events say {}",
						documented[index]
					));
				}
			}
		}
		Ok(campaign.extrinsics)
	})
}

/// Runs campaigns with consecutive seeds from `first_seed` until `duration` has passed (at
/// least one); panics with the seed of the first failure.
fn fuzz(first_seed: u64, duration: Duration) {
	let genesis = preset_storage("development").expect("the development preset builds");
	let started = Instant::now();
	let (mut seed, mut extrinsics, mut campaigns) = (first_seed, 0, 0);
	loop {
		match run_campaign(&genesis, seed) {
			Ok(applied) => extrinsics += applied,
			Err(failure) => panic!("FUZZ_SEED={seed} fails: {failure}"),
		}
		campaigns += 1;
		seed += 1;
		if started.elapsed() >= duration {
			break;
		}
	}
	let seconds = started.elapsed().as_secs_f64();
	println!(
		"fuzz: {campaigns} campaigns (seeds {first_seed}..{seed}), {extrinsics} extrinsics in \
		 {seconds:.1} s: {:.0} extrinsics/s",
		extrinsics as f64 / seconds
	);
}

#[test]
fn random_extrinsics_keep_every_invariant() {
	let seed = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
	let seconds = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
	fuzz(seed, Duration::from_secs(seconds));
}
