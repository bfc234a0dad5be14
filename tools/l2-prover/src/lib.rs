//! Groth16 proofs over BN254 for GhostPlane batches, as `pallet-l2-commitments` verifies them in
//! validity mode: the prover side of `docs/l2.md`, written as a circuit author would write it.
//!
//! [`BatchCircuit`] is the smallest circuit over a batch's public inputs: it only takes them, so
//! its proofs bind a batch's values without proving anything about the L2's execution. A
//! rollup's real circuit takes the same ten inputs, in the same order, and proves the state
//! transition between them; the chain's verifier takes any circuit's key of that shape.

use ark_bn254::{Bn254, Fr};
use ark_groth16::{Groth16, ProvingKey};
use ark_relations::{
	lc,
	r1cs::{ConstraintSynthesizer, ConstraintSystemRef, SynthesisError, Variable},
};
use ark_serialize::CanonicalSerialize;
use ark_snark::SNARK;
use ark_std::rand::{rngs::StdRng, SeedableRng};
use serde::{Deserialize, Serialize};

/// Public inputs per batch: five 32-byte values, two 128-bit limbs each.
pub const LIMBS: usize = 10;

/// A 32-byte value as JSON: `0x` and 64 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bytes32(pub [u8; 32]);

impl TryFrom<String> for Bytes32 {
	type Error = String;
	fn try_from(hex: String) -> Result<Self, String> {
		let bytes = from_hex(&hex)?;
		Ok(Self(bytes.try_into().map_err(|_| format!("{hex} is not 32 bytes"))?))
	}
}

impl From<Bytes32> for String {
	fn from(value: Bytes32) -> String {
		to_hex(&value.0)
	}
}

/// What a batch's proof is bound to, as `docs/l2.md` lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchPublicInputs {
	pub prev_output_root: Bytes32,
	pub output_root: Bytes32,
	pub tx_data_hash: Bytes32,
	pub withdrawals_root: Bytes32,
	pub deposit_head: Bytes32,
}

impl BatchPublicInputs {
	/// The circuit's inputs: each value's big-endian high 16 bytes, then its low 16 bytes.
	pub fn limbs(&self) -> [u128; LIMBS] {
		let values = [
			self.prev_output_root,
			self.output_root,
			self.tx_data_hash,
			self.withdrawals_root,
			self.deposit_head,
		];
		let halves = values.map(|Bytes32(bytes)| {
			let (high, low) = bytes.split_at(16);
			[high, low].map(|half| u128::from_be_bytes(half.try_into().expect("16 bytes")))
		});
		let mut limbs = [0; LIMBS];
		limbs.copy_from_slice(halves.as_flattened());
		limbs
	}
}

/// A circuit whose public inputs are a batch's ten limbs, each equal to a witness.
#[derive(Clone, Copy)]
pub struct BatchCircuit {
	/// The limbs to prove; None while generating keys, which needs only the circuit's shape.
	pub limbs: Option<[u128; LIMBS]>,
}

impl ConstraintSynthesizer<Fr> for BatchCircuit {
	fn generate_constraints(self, cs: ConstraintSystemRef<Fr>) -> Result<(), SynthesisError> {
		for limb in 0..LIMBS {
			let value = || {
				self.limbs
					.map(|limbs| Fr::from(limbs[limb]))
					.ok_or(SynthesisError::AssignmentMissing)
			};
			let input = cs.new_input_variable(value)?;
			let witness = cs.new_witness_variable(value)?;
			cs.enforce_constraint(lc!() + witness, lc!() + Variable::One, lc!() + input)?;
		}
		Ok(())
	}
}

/// The proving key of one [`BatchCircuit`] setup.
pub struct Prover {
	proving_key: ProvingKey<Bn254>,
}

impl Prover {
	/// A setup whose randomness comes from `seed`, so tests get the same key each run and a
	/// different key for another seed. Whoever knows the seed can forge proofs: a real rollup's
	/// key comes from a ceremony.
	pub fn setup(seed: u64) -> Self {
		let mut rng = StdRng::seed_from_u64(seed);
		let (proving_key, _) =
			Groth16::<Bn254>::circuit_specific_setup(BatchCircuit { limbs: None }, &mut rng)
				.expect("the circuit has no constraint a setup can fail on");
		Self { proving_key }
	}

	/// The verifying key as the chain takes it: arkworks' compressed encoding.
	pub fn verifying_key(&self) -> Vec<u8> {
		let mut bytes = Vec::new();
		self.proving_key.vk.serialize_compressed(&mut bytes).expect("writing to a Vec cannot fail");
		bytes
	}

	/// A proof for `inputs` in arkworks' compressed encoding (128 bytes); `seed` picks its
	/// randomness.
	pub fn prove(&self, inputs: &BatchPublicInputs, seed: u64) -> Vec<u8> {
		let mut rng = StdRng::seed_from_u64(seed);
		let circuit = BatchCircuit { limbs: Some(inputs.limbs()) };
		let proof = Groth16::<Bn254>::prove(&self.proving_key, circuit, &mut rng)
			.expect("every limb has its witness");
		let mut bytes = Vec::new();
		proof.serialize_compressed(&mut bytes).expect("writing to a Vec cannot fail");
		bytes
	}
}

pub fn to_hex(bytes: &[u8]) -> String {
	let digits: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
	format!("0x{digits}")
}

pub fn from_hex(hex: &str) -> Result<Vec<u8>, String> {
	let digits = hex.strip_prefix("0x").ok_or_else(|| format!("{hex} does not start with 0x"))?;
	if digits.len() % 2 != 0 {
		return Err(format!("{hex} has an odd number of digits"));
	}
	(0..digits.len())
		.step_by(2)
		.map(|at| u8::from_str_radix(&digits[at..at + 2], 16).map_err(|error| error.to_string()))
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use ark_groth16::{Proof, VerifyingKey};
	use ark_serialize::CanonicalDeserialize;

	fn inputs() -> BatchPublicInputs {
		let value = |byte| Bytes32([byte; 32]);
		BatchPublicInputs {
			prev_output_root: value(1),
			output_root: value(2),
			tx_data_hash: value(3),
			withdrawals_root: value(4),
			deposit_head: value(5),
		}
	}

	#[test]
	fn proofs_verify_for_their_inputs_and_key_only() {
		let prover = Prover::setup(7);
		let key_bytes = prover.verifying_key();
		assert_eq!(key_bytes.len(), 584);
		let key = VerifyingKey::<Bn254>::deserialize_compressed(&key_bytes[..]).unwrap();
		let proof_bytes = prover.prove(&inputs(), 1);
		assert_eq!(proof_bytes.len(), 128);
		let proof = Proof::deserialize_compressed(&proof_bytes[..]).unwrap();
		let field = |inputs: &BatchPublicInputs| inputs.limbs().map(Fr::from);
		assert!(Groth16::<Bn254>::verify(&key, &field(&inputs()), &proof).unwrap());

		let other = BatchPublicInputs { output_root: Bytes32([9; 32]), ..inputs() };
		assert!(!Groth16::<Bn254>::verify(&key, &field(&other), &proof).unwrap());
		let other_key =
			VerifyingKey::<Bn254>::deserialize_compressed(&Prover::setup(8).verifying_key()[..])
				.unwrap();
		assert!(!Groth16::<Bn254>::verify(&other_key, &field(&inputs()), &proof).unwrap());
	}

	#[test]
	fn limbs_are_big_endian_halves_high_first() {
		let mut root = [0; 32];
		root[0] = 0x01;
		root[15] = 0x02;
		root[16] = 0x03;
		root[31] = 0x04;
		let inputs = BatchPublicInputs { prev_output_root: Bytes32(root), ..inputs() };
		let limbs = inputs.limbs();
		assert_eq!(limbs[0], (1 << 120) | 2);
		assert_eq!(limbs[1], (3 << 120) | 4);
		assert_eq!(limbs[9], u128::from_be_bytes([5; 16]));
	}

	#[test]
	fn json_round_trips() {
		let json = serde_json::to_string(&inputs()).unwrap();
		assert!(json.starts_with(r#"{"prevOutputRoot":"0x0101"#));
		assert_eq!(serde_json::from_str::<BatchPublicInputs>(&json).unwrap(), inputs());
		assert!(serde_json::from_str::<Bytes32>(r#""0x01""#).is_err());
	}
}
