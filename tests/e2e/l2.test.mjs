// GhostPlane commitments on one --dev node, driven with @polkadot/api as a sequencer and its
// users would: register an L2 with a 3-block challenge period, bond, deposit, submit two
// batches, wait out the window, and withdraw with Merkle proofs built here from docs/l2.md;
// then a challenged batch is ruled invalid, reverted, and its sequencer slashed.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, keccakAsU8a } from '@polkadot/util-crypto';

import { le, palletAccount, withdrawalTree, ZERO_HASH } from './lib/l2.mjs';
import { connect, rpcCall, startNode, waitFor } from './lib/node.mjs';
import { feePaidBy, freeBalanceAt, sendFailing, sendOk } from './lib/tx.mjs';

const SS58_PREFIX = 4242;
const GCC = 10n ** 18n;
const EXISTENTIAL_DEPOSIT = GCC / 1000n;
const L2 = 7;
const CHALLENGE_PERIOD = 3;
const GENESIS_ROOT = u8aToHex(new Uint8Array(32).fill(0x11));

await cryptoWaitReady();
let node;
let api;
let keyring;
let alice;
let bob;
let charlie;

before(async () => {
  node = await startNode(['--dev'], { name: 'l2' });
  api = await connect(node);
  keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

async function status() {
  const { result, error } = await rpcCall(node.rpcUrl, 'l2_status', [L2]);
  assert.equal(error, undefined, JSON.stringify(error));
  return result;
}

const deposit = { amount: 100n * GCC, l2Recipient: u8aToHex(u8aConcat(new Uint8Array(12), new Uint8Array(20).fill(0xab))) };
let withdrawals;
let tree;

test('Root registers an L2 whose escrow the treasury seeds; a sequencer bonds and a user deposits', async () => {
  const treasury = palletAccount('ghst/tkn');
  const escrow = palletAccount('ghst/l2c', le(L2, 32));
  const config = {
    mode: { Optimistic: { challengePeriod: CHALLENGE_PERIOD } },
    sequencerBond: 1_000n * GCC,
    challengeBond: 100n * GCC,
    limits: { maxSequencers: 4, maxPendingBatches: 16, maxPendingDeposits: 64 },
  };
  // The treasury starts with only its existential deposit, so Alice gives it the escrow's.
  const { events } = await sendOk(
    api.tx.utility.batchAll([
      api.tx.balances.transferKeepAlive(treasury, GCC),
      api.tx.sudo.sudo(api.tx.l2Commitments.registerL2(L2, config, GENESIS_ROOT)),
    ]),
    alice,
  );
  const registered = events.find(({ event }) => api.events.l2Commitments.L2Registered.is(event));
  assert.ok(registered, 'L2Registered');
  assert.equal(registered.event.data.escrow.toHex(), u8aToHex(escrow));
  assert.equal((await api.query.system.account(escrow)).data.free.toBigInt(), EXISTENTIAL_DEPOSIT);

  await Promise.all([
    sendOk(api.tx.l2Commitments.bond(L2), bob),
    sendOk(api.tx.l2Commitments.deposit(L2, deposit.l2Recipient, deposit.amount), charlie),
  ]);
  const held = await api.query.balances.holds(bob.address);
  assert.ok(held.some((hold) => hold.amount.toBigInt() === 1_000n * GCC), 'the sequencer bond is held');

  const after = await status();
  assert.equal(after.sequencers, 1);
  assert.equal(after.depositCount, 1);
  assert.equal(after.escrowed, (100n * GCC).toString());
  // The documented chain: keccak256(zero hash ++ SCALE(nonce, sender, l2 recipient, amount)).
  const message = u8aConcat(le(0, 64), charlie.publicKey, deposit.l2Recipient, le(deposit.amount, 128));
  assert.equal(after.depositHead, u8aToHex(keccakAsU8a(u8aConcat(ZERO_HASH, message))));
  assert.equal((await api.query.system.account(escrow)).data.free.toBigInt(), EXISTENTIAL_DEPOSIT + 100n * GCC);
});

test('two sequential batches are pending for the challenge period, then final', async () => {
  const dave = keyring.addFromUri('//Dave');
  const eve = keyring.addFromUri('//Eve');
  const ferdie = keyring.addFromUri('//Ferdie');
  withdrawals = [
    { nonce: 0, recipient: dave.address, amount: 30n * GCC },
    { nonce: 1, recipient: eve.address, amount: 12n * GCC },
    { nonce: 2, recipient: ferdie.address, amount: 5n * GCC },
  ];
  tree = withdrawalTree(withdrawals);
  const outputRoots = [u8aToHex(new Uint8Array(32).fill(0x21)), u8aToHex(new Uint8Array(32).fill(0x22))];
  const header = (index, fields) => ({
    index,
    prevOutputRoot: index === 0 ? GENESIS_ROOT : outputRoots[index - 1],
    outputRoot: outputRoots[index],
    l2BlockNumber: 100 * (index + 1),
    txDataHash: u8aToHex(keccakAsU8a(`batch ${index} transactions`)),
    withdrawalsRoot: u8aToHex(ZERO_HASH),
    depositsConsumed: 1,
    ...fields,
  });
  await sendOk(api.tx.l2Commitments.submitBatch(L2, header(0)), bob);
  assert.equal(
    await sendFailing(api.tx.l2Commitments.submitBatch(L2, header(1, { prevOutputRoot: GENESIS_ROOT })), bob),
    'l2Commitments.PrevOutputRootMismatch',
  );
  await sendOk(api.tx.l2Commitments.submitBatch(L2, header(1, { withdrawalsRoot: tree.root })), bob);

  const pending = await status();
  assert.equal(pending.lastFinalized, null);
  assert.deepEqual(
    pending.pending.map(({ index, outputRoot, withdrawalsRoot }) => ({ index, outputRoot, withdrawalsRoot })),
    [
      { index: 0, outputRoot: outputRoots[0], withdrawalsRoot: u8aToHex(ZERO_HASH) },
      { index: 1, outputRoot: outputRoots[1], withdrawalsRoot: tree.root },
    ],
  );
  assert.equal(pending.pending[0].depositHead, pending.depositHead, 'batch 0 consumed the one deposit');
  assert.equal(pending.pending[1].finalizesAt - pending.pending[1].submittedAt, CHALLENGE_PERIOD);
  assert.equal(pending.pending[1].sequencer, bob.address);

  // A withdrawal against a pending batch is refused.
  assert.equal(
    await sendFailing(api.tx.l2Commitments.withdraw(L2, 1, withdrawals[0], tree.proof(0)), dave),
    'l2Commitments.BatchNotFinalized',
  );

  const final = await waitFor('batch 1 to be final', async () => {
    const current = await status();
    return current.lastFinalized?.index === 1 ? current : undefined;
  });
  assert.deepEqual(final.pending, []);
  assert.deepEqual(final.openDisputes, []);
});

test('withdrawals proven against the final batch pay their recipients once', async () => {
  const dave = keyring.addFromUri('//Dave');
  const eve = keyring.addFromUri('//Eve');
  const escrow = palletAccount('ghst/l2c', le(L2, 32));

  // Dave withdraws his own; Alice relays Eve's, so Eve pays no fee.
  const { blockHash: daveBlock, events: daveEvents } = await sendOk(
    api.tx.l2Commitments.withdraw(L2, 1, withdrawals[0], tree.proof(0)),
    dave,
  );
  const daveBefore = await freeBalanceAt(api, (await api.rpc.chain.getHeader(daveBlock)).parentHash, dave.address);
  const daveAfter = await freeBalanceAt(api, daveBlock, dave.address);
  assert.equal(daveAfter, daveBefore + 30n * GCC - feePaidBy(api, daveEvents, dave.address));

  const { blockHash: eveBlock } = await sendOk(api.tx.l2Commitments.withdraw(L2, 1, withdrawals[1], tree.proof(1)), alice);
  const eveBefore = await freeBalanceAt(api, (await api.rpc.chain.getHeader(eveBlock)).parentHash, eve.address);
  assert.equal(await freeBalanceAt(api, eveBlock, eve.address), eveBefore + 12n * GCC);

  assert.equal(
    await sendFailing(api.tx.l2Commitments.withdraw(L2, 1, withdrawals[0], tree.proof(0)), dave),
    'l2Commitments.AlreadyWithdrawn',
  );
  assert.equal(
    await sendFailing(api.tx.l2Commitments.withdraw(L2, 1, { ...withdrawals[2], amount: 50n * GCC }, tree.proof(2)), dave),
    'l2Commitments.InvalidWithdrawalProof',
  );

  const { escrowed } = await status();
  assert.equal(escrowed, (100n * GCC - 42n * GCC).toString());
  assert.equal((await api.query.system.account(escrow)).data.free.toBigInt(), EXISTENTIAL_DEPOSIT + 58n * GCC);
});

test('a challenge freezes the L2; ruled invalid, the batch is reverted and its sequencer slashed', async () => {
  const ferdie = keyring.addFromUri('//Ferdie');
  const { lastFinalized } = await status();
  const bad = {
    index: lastFinalized.index + 1,
    prevOutputRoot: lastFinalized.outputRoot,
    outputRoot: u8aToHex(new Uint8Array(32).fill(0x66)),
    l2BlockNumber: lastFinalized.l2BlockNumber + 100,
    txDataHash: u8aToHex(keccakAsU8a('forged batch')),
    withdrawalsRoot: u8aToHex(ZERO_HASH),
    depositsConsumed: lastFinalized.depositsConsumed,
  };
  await sendOk(api.tx.l2Commitments.submitBatch(L2, bad), bob);
  await sendOk(api.tx.l2Commitments.challenge(L2, bad.index), ferdie);
  const disputed = await status();
  assert.deepEqual(disputed.openDisputes, [bad.index]);
  assert.equal(disputed.pending[0].challenger, ferdie.address);
  assert.equal(disputed.pending[0].challengeBond, (100n * GCC).toString());
  const next = { ...bad, index: bad.index + 1, prevOutputRoot: bad.outputRoot };
  assert.equal(await sendFailing(api.tx.l2Commitments.submitBatch(L2, next), bob), 'l2Commitments.L2Frozen');

  const { blockHash, events } = await sendOk(
    api.tx.sudo.sudo(api.tx.l2Commitments.resolveDispute(L2, bad.index, 'BatchInvalid')),
    alice,
  );
  const upheld = events.find(({ event }) => api.events.l2Commitments.ChallengeUpheld.is(event));
  assert.ok(upheld, 'ChallengeUpheld');
  assert.equal(upheld.event.data.slashed.toBigInt(), 1_000n * GCC);
  assert.equal(upheld.event.data.reward.toBigInt(), 500n * GCC);
  const parent = (await api.rpc.chain.getHeader(blockHash)).parentHash;
  // Ferdie gets half of Bob's bond; his own bond comes back. Bob's bond is gone.
  assert.equal(
    await freeBalanceAt(api, blockHash, ferdie.address),
    (await freeBalanceAt(api, parent, ferdie.address)) + 100n * GCC + 500n * GCC,
  );
  const bobHolds = await (await api.at(blockHash)).query.balances.holds(bob.address);
  assert.equal(bobHolds.length, 0);

  const reverted = await status();
  assert.deepEqual(reverted.pending, []);
  assert.deepEqual(reverted.openDisputes, []);
  assert.equal(reverted.sequencers, 0);
  assert.equal(reverted.lastFinalized.index, lastFinalized.index);
  // Bob is no longer a sequencer; the next batch index is free again.
  assert.equal(await sendFailing(api.tx.l2Commitments.submitBatch(L2, bad), bob), 'l2Commitments.NotSequencer');
});
