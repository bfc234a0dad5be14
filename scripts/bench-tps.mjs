#!/usr/bin/env node
// Signed transfers per second, measured the way Parity's sTPS is: many pre-funded senders, every
// `balances.transfer_keep_alive` signed before the clock starts, submitted over several RPC
// connections, and counted from the blocks that hold them.
//
//   node scripts/bench-tps.mjs [transfers ...]      default: 2000 10000 30000
//   SENDERS=500 CONNECTIONS=4 node scripts/bench-tps.mjs 10000
//   POOL=fork-aware node scripts/bench-tps.mjs 10000    the node's transaction pool (default
//                                                       single-state: docs/benchmarks.md says why)
//   NODE_ARGS='--log txpool=debug' node scripts/bench-tps.mjs 10000    more node arguments
//   PERF_DATA=/tmp/tps node scripts/bench-tps.mjs 30000    also records the node with `perf record`
//                                                         from the first submission to finality
//   KEEP_CHAIN=/tmp/tps node scripts/bench-tps.mjs 30000   keeps the chain, and prints the
//                                                         `benchmark block` command that re-executes its blocks
//
// For each run it starts a fresh single-validator node (the release build) on a copy of the
// development chain spec whose genesis also funds SENDERS accounts `//Sender//{i}` (pallet-balances'
// own dev-account derivation) and four recipients `//Recipient//{r}`, so every transfer moves GCC
// between two existing accounts. Sender i sends its transfers with nonces 0, 1, ... through
// connection i mod CONNECTIONS, one nonce layer after the other.
//
// TPS is the transfers included divided by the time the blocks that hold them cover: from the
// timestamp of the block before the first to the timestamp of the last. The run then checks that
// every transfer landed (one Transfer event from a sender per signed extrinsic, no failed
// extrinsic, every recipient's balance and every sender's nonce as expected) and prints one
// markdown table row.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import { WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { BOOTNODE_KEY, connect, fundedDevSpec, rpcCall, startNode } from '../tests/e2e/lib/node.mjs';

const runs = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [2_000, 10_000, 30_000];
const senderCount = Number(process.env.SENDERS ?? 500);
const connectionCount = Number(process.env.CONNECTIONS ?? 4);
const pool = process.env.POOL ?? 'single-state';
const RECIPIENTS = 4;
const GCC = 10n ** 18n;
const FUNDS = 1_000n * GCC;
const AMOUNT = GCC / 1_000n;
/** Requests in flight per connection: enough to keep the node busy, few enough for its buffers. */
const WINDOW = 256;
/** A run ends this long after the last inclusion if transfers are still missing. */
const STALL_MS = 30_000;

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519' });
const senders = Array.from({ length: senderCount }, (_, i) => keyring.addFromUri(`//Sender//${i}`));
const recipients = Array.from({ length: RECIPIENTS }, (_, r) => keyring.addFromUri(`//Recipient//${r}`));

const specFile = join(mkdtempSync(join(tmpdir(), 'ghostchain-tps-')), 'spec.json');
// Sessions of the testnet's hour (900 blocks) instead of the dev chain's minute: pallet-session
// weighs a session change as a full block, which would leave every tenth block without transfers.
const spec = fundedDevSpec([...senders, ...recipients].map(({ address }) => address), FUNDS);
const hourSessions = spec.replace(/"sessionLength": \d+/, '"sessionLength": 900');
assert.notEqual(hourSessions, spec, 'the development spec sets validatorSet.sessionLength');
writeFileSync(specFile, hourSessions);

console.log(
  '| pool | transfers | senders | connections | signing took | submitting took | refused by the pool | accepted, never included | ' +
    'blocks (transfers in each) | transfers per second | longest run of full blocks | first submission to all finalized |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const transfers of runs) console.log(await run(transfers));

async function run(transfers) {
  const node = await startNode(
    [
      '--chain', specFile, '--alice', '--validator', '--force-authoring', '--node-key', BOOTNODE_KEY,
      // The pool must hold a whole burst: by default it keeps 8,192 transactions (its default
      // 20 MiB is room for about 100,000 transfers).
      '--pool-limit', String(transfers + 1_000),
      '--pool-type', pool,
      ...(process.env.NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
    { name: `tps-${transfers}`, basePath: process.env.KEEP_CHAIN && join(process.env.KEEP_CHAIN, `tps-${transfers}`) },
  );
  const api = await connect(node);
  const connections = [];
  try {
    // Signed before the clock starts: immortal, so a slow submission cannot outlive its era.
    const signingStarted = performance.now();
    // Layer k holds every sender's transfer with nonce k, split by connection.
    const layers = [];
    const expectedAt = new Map(recipients.map(({ address }) => [address, 0n]));
    for (let n = 0; n < transfers; n++) {
      const sender = n % senderCount;
      const nonce = Math.floor(n / senderCount);
      const recipient = recipients[n % RECIPIENTS].address;
      const tx = api.tx.balances.transferKeepAlive(recipient, AMOUNT);
      await tx.signAsync(senders[sender], { nonce, era: 0 });
      layers[nonce] ??= Array.from({ length: connectionCount }, () => []);
      layers[nonce][sender % connectionCount].push(tx.toHex());
      expectedAt.set(recipient, expectedAt.get(recipient) + AMOUNT);
      // Signing never leaves the microtask queue: let the RPC client answer its socket, or its
      // requests time out after 60 s of signing.
      if (n % 1_000 === 999) await sleep(0);
    }
    const signing = performance.now() - signingStarted;
    for (let c = 0; c < connectionCount; c++) {
      const provider = new WsProvider(node.wsUrl);
      await provider.isReady;
      connections.push(provider);
    }

    // Genesis has no timestamp: the first block with transfers must follow a produced block.
    let startBlock;
    while ((startBlock = (await api.rpc.chain.getHeader()).number.toNumber()) < 1) await sleep(200);
    const blocks = [];
    let included = 0;
    let lastInclusion = performance.now();
    let nextBlock = startBlock + 1;
    let finalizedAt;
    // One block at a time, in order, however the notifications arrive. Raw JSON, not decoded:
    // the counting shares the cores with the node.
    let counting = Promise.resolve();
    const count = async (best) => {
      for (; nextBlock <= best; nextBlock++) {
        const number = nextBlock;
        const hash = (await rpcCall(node.rpcUrl, 'chain_getBlockHash', [number])).result;
        const { extrinsics } = (await rpcCall(node.rpcUrl, 'chain_getBlock', [hash])).result.block;
        const signed = extrinsics.filter(isSigned).length;
        if (signed > 0) {
          blocks.push({ number, hash, signed });
          included += signed;
          lastInclusion = performance.now();
        }
      }
    };
    const unsubscribeBest = await api.rpc.chain.subscribeNewHeads((header) => {
      counting = counting.then(() => count(header.number.toNumber()));
    });

    const profiler = process.env.PERF_DATA && record(node.pid, `${process.env.PERF_DATA}-${transfers}.data`);
    const started = performance.now();
    let refused = 0;
    const refusals = new Map();
    // A layer is submitted once the pool has answered for the one before it, so every
    // transfer arrives ready: one that arrives before its predecessor waits in the pool's
    // future queue, which holds a tenth of --pool-limit and drops the rest without telling the
    // sender (what left later nonces stuck in the first trial). Within a layer, each connection
    // keeps WINDOW requests in flight.
    for (const layer of layers) {
      await Promise.all(
        layer.map(async (queue, c) => {
          const inFlight = new Set();
          for (const hex of queue) {
            const request = connections[c]
              .send('author_submitExtrinsic', [hex])
              .catch((error) => {
                refused++;
                refusals.set(error.message, (refusals.get(error.message) ?? 0) + 1);
              })
              .finally(() => inFlight.delete(request));
            inFlight.add(request);
            if (inFlight.size >= WINDOW) await Promise.race(inFlight);
          }
          await Promise.all(inFlight);
        }),
      );
    }
    const submitting = performance.now() - started;

    while (included < transfers - refused && performance.now() - lastInclusion < STALL_MS) await sleep(100);
    unsubscribeBest();
    await counting;
    const lastBlock = blocks.at(-1)?.number ?? startBlock;
    const unsubscribeFinalized = await api.rpc.chain.subscribeFinalizedHeads((header) => {
      if (finalizedAt === undefined && header.number.toNumber() >= lastBlock) finalizedAt = performance.now();
    });
    while (finalizedAt === undefined) await sleep(100);
    unsubscribeFinalized();
    await profiler?.stop();

    const lost = await verify(api, blocks, expectedAt, refused, transfers);
    if (process.env.KEEP_CHAIN) {
      console.error(
        `re-execute the blocks: ghostchain-node benchmark block --chain ${specFile} ` +
          `--base-path ${join(process.env.KEEP_CHAIN, `tps-${transfers}`)} --from ${blocks[0].number} --to ${lastBlock} --repeat 3`,
      );
    }
    const covered = await secondsCovered(api, blocks);
    const sustained = await longestFullRun(api, blocks);
    const seconds = (ms) => `${(ms / 1_000).toFixed(1)} s`;
    const refusedText = refused === 0 ? '0' : `${refused} (${[...refusals].map(([m, k]) => `${k}× ${m}`).join('; ')})`;
    return (
      `| ${pool} | ${transfers.toLocaleString('en')} | ${senderCount} | ${connectionCount} | ${seconds(signing)} | ` +
      `${seconds(submitting)} | ${refusedText} | ${lost} | ${blocks.length}: ${blocks.map((b) => b.signed).join(', ')} | ` +
      `${(included / covered).toFixed(1)} | ${sustained} | ${seconds(finalizedAt - started)} |`
    );
  } finally {
    await Promise.all(connections.map((provider) => provider.disconnect()));
    await api.disconnect();
    await node.stop();
  }
}

/** Samples `pid`'s stacks with `perf record` into `file` until `stop()`. */
function record(pid, file) {
  const perf = spawn('perf', ['record', '-F', '499', '-g', '-p', String(pid), '-o', file], { stdio: 'ignore' });
  return {
    stop: () =>
      new Promise((resolve) => {
        perf.once('exit', resolve);
        perf.kill('SIGINT');
        console.error(`perf data: ${file} (perf report -i ${file} --no-children)`);
      }),
  };
}

/**
 * The longest run of consecutive full blocks and the rate over the time they cover (from the
 * block before the run to its last): the sustained figure. A block is full when one more
 * transfer would not fit in the normal class's weight, in either dimension; the normal class
 * holds only the transfers, so one weighs the block's normal weight divided by their count.
 */
async function longestFullRun(api, blocks) {
  const maxNormal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap();
  const isFull = ({ normal }, signed, dimension) => {
    const used = normal[dimension].toBigInt();
    return used + used / BigInt(signed) > maxNormal[dimension].toBigInt();
  };
  let best = [];
  let current = [];
  for (const block of blocks) {
    const used = await api.query.system.blockWeight.at(block.hash);
    const full = isFull(used, block.signed, 'refTime') || isFull(used, block.signed, 'proofSize');
    if (!full || current.at(-1)?.number !== block.number - 1) current = [];
    if (full) current.push(block);
    if (current.length > best.length) best = [...current];
  }
  if (best.length === 0) return 'none';
  const transfers = best.reduce((sum, { signed }) => sum + signed, 0);
  return `${best.length} blocks, ${transfers.toLocaleString('en')} transfers: ${(transfers / (await secondsCovered(api, best))).toFixed(1)}/s`;
}

/** The chain time from the block before the first of `blocks` to the last of them. */
async function secondsCovered(api, blocks) {
  const timestamp = async (hash) => (await api.query.timestamp.now.at(hash)).toNumber();
  const before = (await api.rpc.chain.getBlockHash(blocks[0].number - 1)).toHex();
  return ((await timestamp(blocks.at(-1).hash)) - (await timestamp(before))) / 1_000;
}

/** Whether a hex-encoded extrinsic is signed: the version byte after its compact length. */
function isSigned(hex) {
  const first = parseInt(hex.slice(2, 4), 16);
  const lengthBytes = [1, 2, 4][first & 0b11] ?? 0;
  assert.ok(lengthBytes > 0, 'an extrinsic is shorter than 2^30 bytes');
  return (parseInt(hex.slice(2 + 2 * lengthBytes, 4 + 2 * lengthBytes), 16) & 0x80) !== 0;
}

/**
 * Every signed extrinsic included is one of ours and a successful transfer. Returns how many
 * transfers the pool accepted but no block included; when that is none and none was refused,
 * also checks that the recipients received exactly what was sent to them and that every sender's
 * nonce moved past its last transfer.
 */
async function verify(api, blocks, expectedAt, refused, transfers) {
  const senderKeys = new Set(senders.map(({ publicKey }) => u8aToHex(publicKey)));
  let transferEvents = 0;
  for (const { hash, signed } of blocks) {
    const events = await api.query.system.events.at(hash);
    const ours = events.filter(
      ({ event }) => api.events.balances.Transfer.is(event) && senderKeys.has(event.data.from.toHex()),
    ).length;
    const failed = events.filter(({ event }) => api.events.system.ExtrinsicFailed.is(event)).length;
    assert.equal(failed, 0, `no extrinsic failed in ${hash}`);
    assert.equal(ours, signed, `each signed extrinsic in ${hash} is a transfer from a sender`);
    transferEvents += ours;
  }
  // Accepted but never included: the run reports them instead of checking the balances.
  if (transferEvents !== transfers - refused) return transfers - refused - transferEvents;
  if (refused > 0) return 0;
  for (const [address, received] of expectedAt) {
    const { data } = await api.query.system.account(address);
    assert.equal(data.free.toBigInt(), FUNDS + received, `${address} received what was sent to it`);
  }
  const nonces = await api.query.system.account.multi(senders.map(({ address }) => address));
  nonces.forEach(({ nonce }, i) => {
    const sent = Math.max(0, Math.ceil((transfers - i) / senderCount));
    assert.equal(nonce.toNumber(), sent, `//Sender//${i} sent ${sent} transfers`);
  });
  return 0;
}
