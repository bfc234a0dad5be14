// GhostPlane's byte layouts from docs/l2.md, built in JavaScript as an L2's bridge would, and
// the Groth16 prover of tools/l2-prover.

import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { bnToU8a, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { decodeAddress, keccakAsU8a } from '@polkadot/util-crypto';

export const ZERO_HASH = new Uint8Array(32);

/** The release binary that `cargo build --release --manifest-path tools/l2-prover/Cargo.toml` writes. */
export const L2_PROVER =
  process.env.GHOSTCHAIN_L2_PROVER ??
  join(process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/ghostchain/target'), 'release/l2-prover');

/** `value` as `bits / 8` little-endian bytes, as SCALE encodes fixed-width integers. */
export const le = (value, bits) => bnToU8a(value, { bitLength: bits, isLe: true });

/** `modl` ++ pallet id ++ SCALE(sub-account id), zero-padded to 32 bytes. */
export function palletAccount(palletId, sub = new Uint8Array()) {
  const account = new Uint8Array(32);
  account.set(u8aConcat(stringToU8a('modl'), stringToU8a(palletId), sub));
  return account;
}

/** A withdrawal leaf: SCALE(nonce u64, recipient AccountId32, amount u128), 56 bytes. */
function withdrawalLeaf({ nonce, recipient, amount }) {
  return u8aConcat(le(nonce, 64), decodeAddress(recipient), le(amount, 128));
}

/** The next layer up: pairs hashed left ++ right, an odd last node promoted as it is. */
function parentLayer(layer) {
  const parents = [];
  for (let i = 0; i < layer.length; i += 2) {
    parents.push(i + 1 < layer.length ? keccakAsU8a(u8aConcat(layer[i], layer[i + 1])) : layer[i]);
  }
  return parents;
}

/** The withdrawal tree's root and a `WithdrawalProof` for each leaf. */
export function withdrawalTree(withdrawals) {
  let layer = withdrawals.map((withdrawal) => keccakAsU8a(withdrawalLeaf(withdrawal)));
  const layers = [layer];
  while (layer.length > 1) {
    layer = parentLayer(layer);
    layers.push(layer);
  }
  const root = layer[0] ?? ZERO_HASH;
  const proof = (leafIndex) => {
    const siblings = [];
    let position = leafIndex;
    for (const nodes of layers.slice(0, -1)) {
      const sibling = position % 2 === 1 ? position - 1 : position + 1;
      // A promoted node has no sibling at its level.
      if (sibling < nodes.length) siblings.push(u8aToHex(nodes[sibling]));
      position = Math.floor(position / 2);
    }
    return { leafIndex, leafCount: withdrawals.length, siblings };
  };
  return { root: u8aToHex(root), proof };
}

/**
 * The verifying key of the prover's setup from `seed`, and a 0x-hex proof for each entry of
 * `publicInputs` ({ prevOutputRoot, outputRoot, txDataHash, withdrawalsRoot, depositHead }).
 */
export function prove(seed, publicInputs) {
  const output = execFileSync(L2_PROVER, { input: JSON.stringify([{ seed, publicInputs }]) });
  const [{ verifyingKey, proofs }] = JSON.parse(output);
  return { verifyingKey, proofs: proofs.map(({ proof }) => proof) };
}
