//! Groth16 verification over BN254 of validity proofs, in the runtime's WASM: Substrate has no
//! BN254 host function. Keys and proofs are in arkworks' compressed encoding, as
//! `ark-groth16`'s `VerifyingKey` and `Proof` serialize (`docs/l2.md`).
//!
//! The check is Groth16's verification equation over `ark-bn254`'s pairing. It is written here,
//! not taken from `ark-groth16`, because that crate brings `ark-crypto-primitives` into the
//! runtime and, through `derivative`, changes the features of a proc-macro dependency of
//! `frame-support`, which rebuilds all of FRAME and the node.

use ark_bn254::{Bn254, Fr, G1Affine, G2Affine};
use ark_ec::{pairing::Pairing, AffineRepr, CurveGroup};
use ark_ff::Zero;
use ark_serialize::{CanonicalDeserialize, Compress, Validate};
use ghostchain_primitives::l2::{
	BatchPublicInputs, Groth16Proof, BATCH_PUBLIC_INPUT_LIMBS, GROTH16_VERIFYING_KEY_LEN,
};

const G1_LEN: usize = 32;
const G2_LEN: usize = 64;
/// Where a key's u64 count of `gamma_abc_g1` points starts: after alpha (G1) and beta, gamma
/// and delta (G2).
const GAMMA_ABC_COUNT_OFFSET: usize = G1_LEN + 3 * G2_LEN;
const GAMMA_ABC_OFFSET: usize = GAMMA_ABC_COUNT_OFFSET + 8;
/// One `gamma_abc_g1` point for the constant 1, then one per public input.
const GAMMA_ABC_POINTS: usize = BATCH_PUBLIC_INPUT_LIMBS + 1;

/// Why a verifying key is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum KeyError {
	/// Not a key's encoding: a point off the curve or outside its prime-order subgroup, an
	/// identity point, a bad flag, or the wrong length.
	Malformed,
	/// A key for a circuit with other than `BATCH_PUBLIC_INPUT_LIMBS` public inputs.
	InputCount,
}

/// Why a proof is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum ProofError {
	/// Not a proof's encoding: a point off the curve or outside its subgroup, an identity
	/// point, or a bad flag.
	Malformed,
	/// The pairing check fails for these inputs under this key.
	Invalid,
}

/// A Groth16 verifying key for a circuit over a batch's public-input limbs.
pub struct VerifyingKey {
	alpha_g1: G1Affine,
	beta_g2: G2Affine,
	gamma_g2: G2Affine,
	delta_g2: G2Affine,
	gamma_abc_g1: [G1Affine; GAMMA_ABC_POINTS],
}

/// Decodes `bytes` as a verifying key for a batch circuit, checking every point.
pub fn decode_verifying_key(bytes: &[u8]) -> Result<VerifyingKey, KeyError> {
	decode_key(bytes, Validate::Yes)
}

/// Decodes a key that [`decode_verifying_key`] accepted when it was stored, without repeating
/// its subgroup checks.
pub fn decode_stored_key(bytes: &[u8]) -> Result<VerifyingKey, KeyError> {
	decode_key(bytes, Validate::No)
}

fn decode_key(bytes: &[u8], validate: Validate) -> Result<VerifyingKey, KeyError> {
	let count = bytes
		.get(GAMMA_ABC_COUNT_OFFSET..GAMMA_ABC_OFFSET)
		.and_then(|count| count.try_into().ok())
		.map(u64::from_le_bytes)
		.ok_or(KeyError::Malformed)?;
	if usize::try_from(count) != Ok(GAMMA_ABC_POINTS) {
		return Err(KeyError::InputCount);
	}
	if bytes.len() != GROTH16_VERIFYING_KEY_LEN as usize {
		return Err(KeyError::Malformed);
	}
	let (alpha_bytes, g2_bytes) = bytes.split_at_checked(G1_LEN).ok_or(KeyError::Malformed)?;
	let mut g2_points = g2_bytes
		.chunks_exact(G2_LEN)
		.map(|point_bytes| point::<G2Affine>(point_bytes, validate).ok_or(KeyError::Malformed));
	let mut g2 = || g2_points.next().unwrap_or(Err(KeyError::Malformed));
	let key = VerifyingKey {
		alpha_g1: point(alpha_bytes, validate).ok_or(KeyError::Malformed)?,
		beta_g2: g2()?,
		gamma_g2: g2()?,
		delta_g2: g2()?,
		gamma_abc_g1: {
			let mut points = [G1Affine::zero(); GAMMA_ABC_POINTS];
			let gamma_abc_bytes = bytes.get(GAMMA_ABC_OFFSET..).ok_or(KeyError::Malformed)?;
			for (point_bytes, slot) in gamma_abc_bytes.chunks_exact(G1_LEN).zip(points.iter_mut()) {
				// An identity here is legitimate: an input no constraint uses.
				*slot = G1Affine::deserialize_with_mode(point_bytes, Compress::Yes, validate)
					.map_err(|_| KeyError::Malformed)?;
			}
			points
		},
	};
	Ok(key)
}

/// The point `bytes` encode, if it is on the curve, in the subgroup when `validate` says to
/// check, and not the identity, which would let anyone satisfy the pairing check.
fn point<P: AffineRepr + CanonicalDeserialize>(bytes: &[u8], validate: Validate) -> Option<P> {
	P::deserialize_with_mode(bytes, Compress::Yes, validate).ok().filter(|point| !point.is_zero())
}

/// Verifies `proof` for `inputs` under `key`: `e(A, B) = e(alpha, beta) · e(L, gamma) ·
/// e(C, delta)`, where `L = gamma_abc[0] + Σ inputᵢ · gamma_abc[i + 1]`, checked as one product of
/// four pairings with a single final exponentiation.
pub fn verify(
	key: &VerifyingKey,
	inputs: &BatchPublicInputs,
	proof: &Groth16Proof,
) -> Result<(), ProofError> {
	let (a_bytes, rest) = proof.split_at(G1_LEN);
	let (b_bytes, c_bytes) = rest.split_at(G2_LEN);
	let a: G1Affine = point(a_bytes, Validate::Yes).ok_or(ProofError::Malformed)?;
	let b: G2Affine = point(b_bytes, Validate::Yes).ok_or(ProofError::Malformed)?;
	let c: G1Affine = point(c_bytes, Validate::Yes).ok_or(ProofError::Malformed)?;

	let (constant, input_bases) = key.gamma_abc_g1.split_first().ok_or(ProofError::Malformed)?;
	let mut inputs_point = constant.into_group();
	// Curve and field arithmetic is modular: it cannot overflow.
	#[allow(clippy::arithmetic_side_effects)]
	for (limb, base) in inputs.limbs().into_iter().zip(input_bases) {
		inputs_point += *base * Fr::from(limb);
	}
	#[allow(clippy::arithmetic_side_effects)]
	let product = Bn254::multi_pairing(
		[-a, key.alpha_g1, inputs_point.into_affine(), c],
		[b, key.beta_g2, key.gamma_g2, key.delta_g2],
	);
	if product.is_zero() {
		Ok(())
	} else {
		Err(ProofError::Invalid)
	}
}
