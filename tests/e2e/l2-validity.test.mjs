// GhostPlane's validity mode on one --dev node, driven with @polkadot/api: Root registers an L2
// under a Groth16 (BN254) verifying key and refuses a malformed one; a sequencer submits a batch
// with a proof that tools/l2-prover (ark-groth16) makes here for the batch's public inputs; the
// batch is final in its own block and its withdrawals pay at once. Tampered proofs, proofs for
// other inputs and proofs under another key are refused and change nothing.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, keccakAsU8a } from '@polkadot/util-crypto';

import { palletAccount, prove, withdrawalTree } from './lib/l2.mjs';
import { connect, rpcCall, startNode } from './lib/node.mjs';
import { feePaidBy, freeBalanceAt, sendFailing, sendOk, sudoFailing } from './lib/tx.mjs';

const SS58_PREFIX = 4242;
const GCC = 10n ** 18n;
const L2 = 9;
const GENESIS_ROOT = u8aToHex(new Uint8Array(32).fill(0x41));
const PROVER_SEED = 1;
const OTHER_SEED = 2;

await cryptoWaitReady();
let node;
let api;
let alice;
let bob;
let charlie;
let dave;
let eve;

before(async () => {
  node = await startNode(['--dev'], { name: 'l2-validity' });
  api = await connect(node);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  [alice, bob, charlie, dave, eve] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'].map((uri) =>
    keyring.addFromUri(uri),
  );
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

async function status(at) {
  const { result, error } = await rpcCall(node.rpcUrl, 'l2_status', at ? [L2, at] : [L2]);
  assert.equal(error, undefined, JSON.stringify(error));
  return result;
}

/** `hex` with byte `index` XORed with `mask`. */
function flipped(hex, index, mask) {
  const bytes = hexToU8a(hex);
  bytes[index] ^= mask;
  return u8aToHex(bytes);
}

const withdrawals = () => [
  { nonce: 0, recipient: dave.address, amount: 40n * GCC },
  { nonce: 1, recipient: eve.address, amount: 2n * GCC },
];
let verifyingKey;

test('Root registers an L2 in validity mode and refuses a malformed verifying key', async () => {
  // The key of the prover's setup; the inputs do not matter for it.
  ({ verifyingKey } = prove(PROVER_SEED, []));
  assert.equal(hexToU8a(verifyingKey).length, 584);
  const config = {
    mode: { Validity: { verifyingKey } },
    sequencerBond: 1_000n * GCC,
    challengeBond: 100n * GCC,
    limits: { maxSequencers: 4, maxPendingBatches: 16, maxPendingDeposits: 64 },
  };
  await sendOk(
    api.tx.utility.batchAll([
      api.tx.balances.transferKeepAlive(palletAccount('ghst/tkn'), GCC),
      api.tx.sudo.sudo(api.tx.l2Commitments.registerL2(L2, config, GENESIS_ROOT)),
    ]),
    alice,
  );
  assert.deepEqual((await status()).mode, { validity: { verifyingKey } });

  // delta (bytes 160..224) with its infinity flag set, and a beta coordinate changed.
  for (const malformed of [flipped(verifyingKey, 223, 0x40), flipped(verifyingKey, 40, 0x01)]) {
    const mode = { Validity: { verifyingKey: malformed } };
    assert.equal(
      await sudoFailing(api, api.tx.l2Commitments.setVerificationMode(L2, mode), alice),
      'l2Commitments.MalformedVerifyingKey',
    );
  }
  // A key for a circuit with two public inputs: its count says 3 points.
  const twoInputs = hexToU8a(verifyingKey).slice(0, 232 + 3 * 32);
  twoInputs.set([3, 0, 0, 0, 0, 0, 0, 0], 224);
  assert.equal(
    await sudoFailing(
      api,
      api.tx.l2Commitments.setVerificationMode(L2, { Validity: { verifyingKey: u8aToHex(twoInputs) } }),
      alice,
    ),
    'l2Commitments.VerifyingKeyInputCount',
  );
  assert.deepEqual((await status()).mode, { validity: { verifyingKey } }, 'the key is unchanged');
});

test('a proven batch is final in its own block and its withdrawals pay at once', async () => {
  await Promise.all([
    sendOk(api.tx.l2Commitments.bond(L2), bob),
    sendOk(api.tx.l2Commitments.deposit(L2, u8aToHex(new Uint8Array(32).fill(0xcd)), 100n * GCC), charlie),
  ]);
  const { depositHead } = await status();
  const tree = withdrawalTree(withdrawals());
  const header = {
    index: 0,
    prevOutputRoot: GENESIS_ROOT,
    outputRoot: u8aToHex(new Uint8Array(32).fill(0x42)),
    l2BlockNumber: 100,
    txDataHash: u8aToHex(keccakAsU8a('batch 0 transactions')),
    withdrawalsRoot: tree.root,
    depositsConsumed: 1,
  };
  const publicInputs = {
    prevOutputRoot: header.prevOutputRoot,
    outputRoot: header.outputRoot,
    txDataHash: header.txDataHash,
    withdrawalsRoot: header.withdrawalsRoot,
    depositHead,
  };
  const otherRoot = { ...publicInputs, outputRoot: u8aToHex(new Uint8Array(32).fill(0x43)) };
  const {
    proofs: [proof, proofOfOtherRoot],
  } = prove(PROVER_SEED, [publicInputs, otherRoot]);
  const {
    proofs: [proofUnderOtherKey],
  } = prove(OTHER_SEED, [publicInputs]);
  const submit = (batch, inputs, groth16) =>
    api.tx.l2Commitments.submitProvenBatch(L2, batch, { publicInputs: inputs, proof: groth16 });

  const rejected = [
    [api.tx.l2Commitments.submitBatch(L2, header), 'ValidityProofRequired'],
    // A's infinity flag set: not a proof's encoding.
    [submit(header, publicInputs, flipped(proof, 31, 0x40)), 'MalformedProof'],
    // A valid proof, for another output root than the batch claims...
    [submit(header, otherRoot, proofOfOtherRoot), 'PublicInputsMismatch'],
    // ... or presented as if it were for this batch's.
    [submit(header, publicInputs, proofOfOtherRoot), 'InvalidProof'],
    [submit(header, publicInputs, proofUnderOtherKey), 'InvalidProof'],
  ];
  for (const [tx, error] of rejected) {
    assert.equal(await sendFailing(tx, bob), `l2Commitments.${error}`);
  }
  const untouched = await status();
  assert.equal(untouched.lastFinalized, null);
  assert.deepEqual(untouched.pending, []);

  const { blockHash, events } = await sendOk(submit(header, publicInputs, proof), bob);
  const finalized = events.find(({ event }) => api.events.l2Commitments.BatchFinalized.is(event));
  assert.ok(finalized, 'BatchFinalized in the batch’s own block');
  assert.equal(finalized.event.data.outputRoot.toHex(), header.outputRoot);
  const final = await status(blockHash.toHex());
  assert.equal(final.lastFinalized.index, 0);
  assert.equal(final.lastFinalized.finalizesAt, final.lastFinalized.submittedAt);
  assert.equal(final.lastFinalized.depositHead, depositHead);
  assert.deepEqual(final.pending, []);

  // No window to wait out: the next transactions withdraw.
  const [daveWithdrawal, eveWithdrawal] = withdrawals();
  const { blockHash: daveBlock, events: daveEvents } = await sendOk(
    api.tx.l2Commitments.withdraw(L2, 0, daveWithdrawal, tree.proof(0)),
    dave,
  );
  const daveParent = (await api.rpc.chain.getHeader(daveBlock)).parentHash;
  assert.equal(
    await freeBalanceAt(api, daveBlock, dave.address),
    (await freeBalanceAt(api, daveParent, dave.address)) + 40n * GCC - feePaidBy(api, daveEvents, dave.address),
  );
  const { blockHash: eveBlock } = await sendOk(
    api.tx.l2Commitments.withdraw(L2, 0, eveWithdrawal, tree.proof(1)),
    alice,
  );
  const eveParent = (await api.rpc.chain.getHeader(eveBlock)).parentHash;
  assert.equal(
    await freeBalanceAt(api, eveBlock, eve.address),
    (await freeBalanceAt(api, eveParent, eve.address)) + 2n * GCC,
  );
  assert.equal((await status()).escrowed, (58n * GCC).toString());
});
