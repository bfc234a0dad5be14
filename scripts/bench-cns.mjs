#!/usr/bin/env node
// cns_resolve latency over WebSocket, uncached and cached: starts a --dev node (the release
// build), registers `names` names from five dev accounts, waits `blocks` blocks, then sends
// cns_resolve at a fixed rate from one local @polkadot/api WebSocket client and reports p50 and
// p99 of the round trip.
//
// Uncached: every request is a (name, block) pair not asked before, so the node calls the
// runtime. Cached: the same pairs again, each now in the node's LRU. Baseline: system_chain at
// the same rate, the floor that the transport and client add to any method. Besides the round
// trip, it reports the node's own time per call from its Prometheus histogram
// (substrate_rpc_calls_time), as the bucket that holds the 50th and 99th percentile.
//
//   node scripts/bench-cns.mjs [rate=1000] [names=500] [blocks=10]

import { cpus } from 'node:os';

import { WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';

import { connect, startNode, waitFor } from '../tests/e2e/lib/node.mjs';
import { sendInBlock } from '../tests/e2e/lib/tx.mjs';

const rate = Number(process.argv[2] ?? 1000);
const nameCount = Number(process.argv[3] ?? 500);
const blockCount = Number(process.argv[4] ?? 10);
const SENDERS = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'];

await cryptoWaitReady();
const node = await startNode(['--dev'], { name: 'bench-cns' });
const api = await connect(node);
// The client under test: @polkadot/api's WebSocket provider, on its own connection.
const client = await new WsProvider(node.wsUrl).isReady;
try {
  const keyring = new Keyring({ type: 'sr25519' });
  const senders = SENDERS.map((uri) => keyring.addFromUri(uri));
  const secret = new Uint8Array(32).fill(1);
  const names = Array.from({ length: nameCount }, (_, i) => `bench-${String(i).padStart(5, '0')}.ghost`);
  const namesOf = (s) => names.filter((_, i) => i % senders.length === s);
  const commitment = (name, owner) =>
    blake2AsU8a(api.createType('(Bytes, AccountId32, [u8; 32])', [name, owner, secret]).toU8a(), 256);
  const batch = (calls) => api.tx.utility.batchAll(calls);
  const expectOk = ({ dispatchError }) => {
    if (dispatchError) throw new Error(`setup failed: ${dispatchError}`);
  };

  console.log(`registering ${nameCount} names...`);
  const committed = await Promise.all(
    senders.map((s, i) => sendInBlock(batch(namesOf(i).map((n) => api.tx.cns.commit(commitment(n, s.address)))), s)),
  );
  committed.forEach(expectOk);
  const minAge = api.consts.cns.minCommitmentAge.toNumber();
  const committedAt = (await api.rpc.chain.getHeader(committed[0].blockHash)).number.toNumber();
  const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  await waitFor('the commitments to age', async () => (await best()) + 1 >= committedAt + minAge);
  const registered = await Promise.all(
    senders.map((s, i) =>
      sendInBlock(batch(namesOf(i).map((n) => api.tx.cns.register(n, s.address, secret, 1))), s),
    ),
  );
  registered.forEach(expectOk);

  // Every name exists at each of the next `blockCount` blocks: that many distinct keys per name.
  const from = Math.max(...(await Promise.all(registered.map(async (r) => (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber()))));
  console.log(`waiting for ${blockCount} blocks...`);
  await waitFor('blocks to pass', async () => (await best()) >= from + blockCount, 600_000);
  const hashes = [];
  for (let n = from; n < from + blockCount; n++) hashes.push((await api.rpc.chain.getBlockHash(n)).toHex());
  const check = await client.send('cns_resolve', [names[0], hashes[0]]);
  if (!check || check.status !== 'active') throw new Error(`${names[0]} does not resolve: ${JSON.stringify(check)}`);

  const keys = hashes.flatMap((hash) => names.map((name) => [name, hash]));
  const uncached = await measure('cns_resolve', keys);
  const cached = await measure('cns_resolve', keys);
  const baseline = await measure('system_chain', keys.map(() => []));
  const machine = `${cpus().length} × ${cpus()[0].model}`;
  console.log(JSON.stringify({ machine, rate, requests: keys.length, uncached, cached, baseline }, null, 2));
} finally {
  await client.disconnect();
  await api.disconnect();
  await node.stop();
}

/** `method`'s cumulative call-time buckets from the node's metrics: upper bound (µs) → count. */
async function serverBuckets(method) {
  const text = await (await fetch(node.prometheusUrl)).text();
  const buckets = new Map();
  for (const line of text.split('\n')) {
    const match = line.match(/^substrate_rpc_calls_time_bucket\{(.*)\} (\d+)$/);
    if (!match || !match[1].includes(`method="${method}"`)) continue;
    const le = match[1].match(/le="([^"]+)"/)[1];
    buckets.set(le, (buckets.get(le) ?? 0) + Number(match[2]));
  }
  return buckets;
}

/** The smallest bucket bound holding fraction `p` of the calls between two snapshots. */
function serverPercentile(before, after, p) {
  const total = (after.get('+Inf') ?? 0) - (before.get('+Inf') ?? 0);
  for (const [le, count] of after) {
    if (count - (before.get(le) ?? 0) >= total * p) return le === '+Inf' ? le : `<= ${le} µs`;
  }
  return 'none';
}

/** Sends one `method` call per params at `rate` per second; returns the achieved rate and the
 * round trip's p50 and p99, and the node's own time per call. */
async function measure(method, paramsList) {
  const before = await serverBuckets(method);
  const latencies = [];
  const start = performance.now();
  const pending = [];
  let next = 0;
  while (next < paramsList.length) {
    const due = Math.min(paramsList.length, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    for (; next < due; next++) {
      const sent = performance.now();
      pending.push(client.send(method, paramsList[next]).then(() => latencies.push(performance.now() - sent)));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p) => Number(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(3));
  const after = await serverBuckets(method);
  return {
    requestsPerSecond: Math.round(paramsList.length / seconds),
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    nodeP50: serverPercentile(before, after, 0.5),
    nodeP99: serverPercentile(before, after, 0.99),
  };
}
