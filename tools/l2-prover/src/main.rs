//! `l2-prover`: reads on stdin a JSON array of `{"seed": 1, "publicInputs": [{...}, ...]}`, each
//! entry of `publicInputs` a batch's inputs as 0x-hex values (`docs/l2.md`), and prints for each
//! request `{"seed", "verifyingKey", "proofs": [{"publicInputs", "proof"}, ...]}`: the key of the
//! setup from `seed` and a proof for each entry, in the encodings `pallet-l2-commitments` takes.

use std::io::Read;

use ghostchain_l2_prover::{to_hex, BatchPublicInputs, Prover};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Request {
	seed: u64,
	public_inputs: Vec<BatchPublicInputs>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Response {
	seed: u64,
	verifying_key: String,
	proofs: Vec<ProvenInputs>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProvenInputs {
	public_inputs: BatchPublicInputs,
	proof: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
	let mut requests = String::new();
	std::io::stdin().read_to_string(&mut requests)?;
	let requests: Vec<Request> = serde_json::from_str(&requests)?;
	let responses: Vec<Response> = requests
		.into_iter()
		.map(|Request { seed, public_inputs }| {
			let prover = Prover::setup(seed);
			let proofs = public_inputs
				.into_iter()
				.map(|public_inputs| ProvenInputs {
					proof: to_hex(&prover.prove(&public_inputs, seed)),
					public_inputs,
				})
				.collect();
			Response { seed, verifying_key: to_hex(&prover.verifying_key()), proofs }
		})
		.collect();
	println!("{}", serde_json::to_string_pretty(&responses)?);
	Ok(())
}
