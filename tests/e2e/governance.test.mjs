// SPIRIT governance on one --dev node (governance at development pace: a day lasts two blocks),
// driven with @polkadot/api as SPIRIT holders would, with no Sudo anywhere: a root referendum
// upgrades the runtime without a restart, votes lock SPIRIT until their conviction ends, the
// general-admin track reprices a TLD and registers an L2, the L2-arbiter track rules on a
// dispute, and a referendum voted down enacts nothing.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady, encodeAddress, keccakAsU8a } from '@polkadot/util-crypto';

import { registerName } from './lib/cns.mjs';
import { decide, ORIGINS, outcome, standardVote, submitReferendum } from './lib/governance.mjs';
import { palletAccount, ZERO_HASH } from './lib/l2.mjs';
import { connect, NODE_BINARY, rpcCall, startNode, waitFor } from './lib/node.mjs';
import { dispatchErrorName, freeBalanceAt, sendFailing, sendInBlock, sendOk } from './lib/tx.mjs';

const SS58_PREFIX = 4242;
const UNIT = 10n ** 18n;
/** The runtime one `spec_version` on, which the runtime's build.rs writes beside the main one. */
const UPGRADE_WASM = join(
  dirname(NODE_BINARY),
  'wbuild/ghostchain-runtime/wasm_binary_spec_version_incremented.rs.compact.compressed.wasm',
);
/** Decision deposits and the submission deposit (docs/governance.md). */
const GENERAL_ADMIN_DECISION_DEPOSIT = 100n * UNIT;
const SUBMISSION_DEPOSIT = 10n * UNIT;
const ROOT_TRACK = 0;
const L2 = 3;

await cryptoWaitReady();
let node;
let api;
let disconnects = 0;
const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
const [alice, bob, charlie, dave, eve, ferdie] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((name) =>
  keyring.addFromUri(`//${name}`),
);
const stashes = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((name) => keyring.addFromUri(`//${name}//stash`));
/** Seven holders of 100,000 SPIRIT each: 58% of the development supply, above every track's starting support. */
const supporters = [...stashes, charlie].map((voter) => ({ voter, vote: standardVote(true, 'Locked1x', 100_000n * UNIT) }));

before(async () => {
  node = await startNode(['--dev'], { name: 'governance' });
  api = await connect(node);
  api.on('disconnected', () => {
    disconnects += 1;
  });
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

async function rpc(method, params) {
  const { result, error } = await rpcCall(node.rpcUrl, method, params);
  assert.equal(error, undefined, `${method}: ${JSON.stringify(error)}`);
  return result;
}

async function bestNumber() {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** A TLD configuration as `cns.setTldConfig` takes it, with every price in whole tokens. */
function tldConfig(token, prices, enabled = true) {
  return { enabled, token, yearlyPrices: prices.map((price) => BigInt(Math.round(price * 1000)) * (UNIT / 1000n)) };
}

let doomed;

test('a general-admin referendum that only a nay vote backs is submitted and decided on', async () => {
  const closeGcp = api.tx.cns.setTldConfig('Gcp', tldConfig('Gcc', [64, 16, 4, 1, 0.5], false));
  doomed = await submitReferendum(api, dave, ORIGINS.generalAdmin, closeGcp);
  await decide(api, doomed.index, dave, [{ voter: alice, vote: standardVote(false, 'None', 100_000n * UNIT) }]);
  const info = (await api.query.referenda.referendumInfoFor(doomed.index)).unwrap().asOngoing;
  assert.equal(info.decisionDeposit.unwrap().amount.toBigInt(), GENERAL_ADMIN_DECISION_DEPOSIT);
  assert.equal(info.tally.nays.toBigInt(), 10_000n * UNIT, 'no conviction counts a tenth');
});

let upgradeReferendum;

test('a root referendum authorizes an upgrade, anyone applies it, and the running node follows', async (t) => {
  const eveDid = `did:ghost:${encodeAddress(eve.publicKey, SS58_PREFIX)}`;
  await registerName(api, eve, 'keeper.ghost');
  // Relationships: authentication (1) and capabilityInvocation (8).
  await sendOk(api.tx.gid.create([[{ Sr25519: eve.publicKey }, 1 | 8]], []), eve);
  const before = {
    name: await rpc('cns_resolve', ['keeper.ghost']),
    did: await rpc('gid_resolve', [eveDid]),
    ferdie: await rpc('tokens_balances', [ferdie.address]),
    specVersion: (await rpc('state_getRuntimeVersion', [])).specVersion,
  };
  assert.ok(before.name, 'keeper.ghost resolves');
  assert.equal(api.runtimeVersion.specVersion.toNumber(), before.specVersion);

  const code = readFileSync(UPGRADE_WASM);
  const codeHash = blake2AsHex(code, 256);
  const submittedAt = Date.now();
  upgradeReferendum = await submitReferendum(api, alice, ORIGINS.root, api.tx.system.authorizeUpgrade(codeHash));
  const submittedIn = (await api.rpc.chain.getHeader(upgradeReferendum.blockHash)).number.toNumber();
  assert.equal(upgradeReferendum.events.find(({ event }) => api.events.referenda.Submitted.is(event)).event.data.track.toNumber(), ROOT_TRACK);
  // Several holders, each with another conviction; Bob keeps 40,000 of his SPIRIT unlocked.
  const convictions = ['None', 'Locked2x', 'Locked3x', 'Locked4x', 'Locked5x', 'Locked6x'];
  await decide(api, upgradeReferendum.index, bob, [
    { voter: bob, vote: standardVote(true, 'Locked1x', 60_000n * UNIT) },
    ...[alice, charlie, dave, eve, stashes[0], stashes[1]].map((voter, i) => ({
      voter,
      vote: standardVote(true, convictions[i], 100_000n * UNIT),
    })),
  ]);

  const { status, since } = await outcome(api, upgradeReferendum.index);
  assert.equal(status, 'Approved');
  const authorized = await waitFor('the enacted authorize_upgrade', async () => {
    const upgrade = await api.query.system.authorizedUpgrade();
    return upgrade.isSome ? upgrade.unwrap() : undefined;
  });
  assert.equal(authorized.codeHash.toHex(), codeHash);
  const enactedIn = await bestNumber();
  t.diagnostic(
    `submission to enactment: ${((Date.now() - submittedAt) / 1000).toFixed(1)} s, blocks ${submittedIn} to ${enactedIn} (approved in ${since})`,
  );

  // Charlie, an ordinary account, applies the authorized code.
  const { blockHash } = await sendInBlock(api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), charlie);
  assert.equal((await rpc('state_getRuntimeVersion', [])).specVersion, before.specVersion + 1);
  await waitFor('Polkadot.js to see the new runtime', async () => api.runtimeVersion.specVersion.toNumber() === before.specVersion + 1);
  assert.equal(disconnects, 0, 'the client never reconnected');

  // Polkadot.js 16.5 started from the newest metadata (`Metadata_metadata_at_version`) but
  // rebuilds its registry on an upgrade from `state_getMetadata`, metadata V14, which numbers
  // the same types differently: reads it decorated before then decode with the wrong types (the
  // two runtimes' metadata differ only in `System::Version`). A fresh client reads the rest.
  await api.disconnect();
  api = await connect(node);
  const events = await (await api.at(blockHash)).query.system.events();
  assert.ok(events.some(({ event }) => api.events.system.CodeUpdated.is(event)), 'system.CodeUpdated');
  assert.ok(!events.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)), 'no extrinsic failed');
  const upgradedIn = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();

  // The same process authors and finalizes blocks on the new runtime.
  await waitFor('blocks on the new runtime', async () => (await bestNumber()) >= upgradedIn + 3);
  await waitFor('the upgrade to be finalized', async () => {
    const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    return finalized.number.toNumber() >= upgradedIn + 1;
  });
  assert.ok(node.isRunning(), 'the node never stopped');
  const head = await api.rpc.chain.getBlockHash();
  assert.equal((await api.rpc.state.getRuntimeVersion(head)).specVersion.toNumber(), before.specVersion + 1);

  assert.deepEqual(await rpc('cns_resolve', ['keeper.ghost']), before.name);
  assert.deepEqual(await rpc('gid_resolve', [eveDid]), before.did);
  assert.deepEqual(await rpc('tokens_balances', [ferdie.address]), before.ferdie);
});

test('a vote locks SPIRIT: Tokens cannot move it, and it unlocks when its conviction ends', async () => {
  const locked = 60_000n * UNIT;
  const locks = async () => (await api.query.spiritBalances.locks(bob.address)).map(({ id, amount }) => [id.toUtf8(), amount.toBigInt()]);
  assert.deepEqual(await locks(), [['pyconvot', locked]]);
  const classLocks = await api.query.convictionVoting.classLocksFor(bob.address);
  assert.deepEqual(classLocks.map(([track, amount]) => [track.toNumber(), amount.toBigInt()]), [[ROOT_TRACK, locked]]);
  assert.equal((await rpc('tokens_balances', [bob.address])).SPIRIT.frozen, '60000');

  const spiritOf = async (address, blockHash) => (await (await api.at(blockHash)).query.spiritBalances.account(address)).free.toBigInt();
  const refused = await sendInBlock(api.tx.tokens.transfer('Spirit', ferdie.address, 40_001n * UNIT), bob);
  assert.equal(dispatchErrorName(api.registry, refused.dispatchError), 'tokens.InsufficientBalance');
  const parent = (await api.rpc.chain.getHeader(refused.blockHash)).parentHash;
  for (const who of [bob.address, ferdie.address]) {
    assert.equal(await spiritOf(who, refused.blockHash), await spiritOf(who, parent), 'no SPIRIT moved');
  }

  // The referendum is over, but a Locked1x vote on the winning side stays locked one period more.
  const { since } = await outcome(api, upgradeReferendum.index);
  const period = api.consts.convictionVoting.voteLockingPeriod.toNumber();
  await sendOk(api.tx.convictionVoting.removeVote(ROOT_TRACK, upgradeReferendum.index), bob);
  await sendOk(api.tx.convictionVoting.unlock(ROOT_TRACK, bob.address), bob);
  assert.deepEqual(await locks(), [['pyconvot', locked]], 'still locked within the conviction period');

  await waitFor('the conviction period to end', async () => (await bestNumber()) + 1 >= since + period, 180_000);
  await sendOk(api.tx.convictionVoting.unlock(ROOT_TRACK, bob.address), bob);
  assert.deepEqual(await locks(), []);
  assert.equal((await rpc('tokens_balances', [bob.address])).SPIRIT.frozen, '0');
  const moved = await sendOk(api.tx.tokens.transfer('Spirit', ferdie.address, 40_001n * UNIT), bob);
  assert.ok(moved.events.some(({ event }) => api.events.tokens.Transferred.is(event)));
});

const genesisRoot = u8aToHex(new Uint8Array(32).fill(0x11));

test('the general-admin track reprices .gcc and registers an L2; a plain account cannot', async () => {
  const repriced = tldConfig('Gcc', [64, 16, 4, 1, 3]);
  const launch = (await api.query.cns.tldConfigs('Gcc')).toJSON();
  assert.equal(await sendFailing(api.tx.cns.setTldConfig('Gcc', repriced), dave), 'BadOrigin');
  assert.deepEqual((await api.query.cns.tldConfigs('Gcc')).toJSON(), launch);

  // The treasury holds only its existential deposit; the L2's escrow needs one of its own.
  const treasury = palletAccount('ghst/tkn');
  await sendOk(api.tx.balances.transferKeepAlive(treasury, UNIT), alice);
  const l2Config = {
    mode: { Optimistic: { challengePeriod: 100 } },
    sequencerBond: 1_000n * UNIT,
    challengeBond: 100n * UNIT,
    limits: { maxSequencers: 4, maxPendingBatches: 16, maxPendingDeposits: 64 },
  };
  const proposal = api.tx.utility.batchAll([
    api.tx.cns.setTldConfig('Gcc', repriced),
    api.tx.l2Commitments.registerL2(L2, l2Config, genesisRoot),
  ]);
  const { index } = await submitReferendum(api, dave, ORIGINS.generalAdmin, proposal);
  await decide(api, index, dave, supporters);
  assert.equal((await outcome(api, index)).status, 'Approved');
  await waitFor('the enacted TLD change', async () => {
    const config = await api.query.cns.tldConfigs('Gcc');
    return config.unwrap().yearlyPrices[4].toBigInt() === 3n * UNIT;
  });
  assert.ok((await api.query.l2Commitments.l2s(L2)).isSome, 'the L2 is registered');

  const { blockHash, events } = await registerName(api, eve, 'eveline.gcc');
  const registered = events.find(({ event }) => api.events.cns.NameRegistered.is(event));
  assert.equal(registered.event.data.price.toBigInt(), 3n * UNIT);
  const parent = (await api.rpc.chain.getHeader(blockHash)).parentHash;
  assert.equal(
    await freeBalanceAt(api, blockHash, treasury),
    (await freeBalanceAt(api, parent, treasury)) + 3n * UNIT,
    'the treasury received the new price',
  );
});

test('the L2-arbiter track rules on a dispute, and the frozen L2 accepts batches again', async () => {
  const header = (index, prevOutputRoot) => ({
    index,
    prevOutputRoot,
    outputRoot: u8aToHex(new Uint8Array(32).fill(0x30 + index)),
    l2BlockNumber: 100 * (index + 1),
    txDataHash: u8aToHex(keccakAsU8a(`batch ${index}`)),
    withdrawalsRoot: u8aToHex(ZERO_HASH),
    depositsConsumed: 0,
  });
  const batch0 = header(0, genesisRoot);
  const batch1 = header(1, batch0.outputRoot);
  await sendOk(api.tx.l2Commitments.bond(L2), bob);
  await sendOk(api.tx.l2Commitments.submitBatch(L2, batch0), bob);
  await sendOk(api.tx.l2Commitments.challenge(L2, 0), ferdie);
  assert.deepEqual((await rpc('l2_status', [L2])).openDisputes, [0]);
  assert.equal(await sendFailing(api.tx.l2Commitments.submitBatch(L2, batch1), bob), 'l2Commitments.L2Frozen');
  assert.equal(await sendFailing(api.tx.l2Commitments.resolveDispute(L2, 0, 'BatchValid'), dave), 'BadOrigin');

  const { index } = await submitReferendum(api, dave, ORIGINS.l2Arbiter, api.tx.l2Commitments.resolveDispute(L2, 0, 'BatchValid'));
  await decide(api, index, dave, supporters);
  assert.equal((await outcome(api, index)).status, 'Approved');
  await waitFor('the ruling', async () => (await rpc('l2_status', [L2])).openDisputes.length === 0);

  await sendOk(api.tx.l2Commitments.submitBatch(L2, batch1), bob);
  const { pending } = await rpc('l2_status', [L2]);
  assert.deepEqual(pending.map((batch) => batch.index), [0, 1]);
});

test('the referendum voted down is rejected, enacts nothing, and refunds its decision deposit only', async () => {
  assert.equal((await outcome(api, doomed.index)).status, 'Rejected');
  assert.equal((await api.query.cns.tldConfigs('Gcp')).unwrap().enabled.isTrue, true, '.gcp stays open');

  const reserved = async () => (await api.query.system.account(dave.address)).data.reserved.toBigInt();
  const heldBefore = await reserved();
  const { events } = await sendOk(api.tx.referenda.refundDecisionDeposit(doomed.index), alice);
  const refunded = events.find(({ event }) => api.events.referenda.DecisionDepositRefunded.is(event));
  assert.equal(refunded.event.data.who.toString(), dave.address);
  assert.equal(refunded.event.data.amount.toBigInt(), GENERAL_ADMIN_DECISION_DEPOSIT);
  assert.equal(await reserved(), heldBefore - GENERAL_ADMIN_DECISION_DEPOSIT);
  // A rejected referendum's submission deposit stays held, as in Polkadot's OpenGov.
  assert.equal(await sendFailing(api.tx.referenda.refundSubmissionDeposit(doomed.index), alice), 'referenda.BadStatus');
  const info = (await api.query.referenda.referendumInfoFor(doomed.index)).unwrap().asRejected;
  assert.equal(info[1].unwrap().amount.toBigInt(), SUBMISSION_DEPOSIT);
});
