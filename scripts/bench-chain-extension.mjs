#!/usr/bin/env node
// The cost of a CNS lookup through the chain extension: starts a --dev node (the release
// build), registers alice.ghost, deploys contracts/wasm/extension_proxy.wat, and dry-runs
// (ContractsApi_call, executed in the runtime's WASM as a block would) three calls of it,
// interleaved, `calls` times each:
//
//   lookup   cns_owner("alice.ghost"): charges the function's weight, reads, answers
//   refused  cns_owner with 300 bytes of input: charges the same weight, reads nothing
//   none     the proxy without the extension (an unknown selector would trap; this calls
//            token_balance with a malformed token, which charges its own, smaller weight)
//
// and reports the gas each consumed and the round trip's median and 90th percentile. The
// difference between lookup and refused is what the lookup itself costs in time; in gas they
// are equal, because the weight is charged before the input is read.
//
//   node scripts/bench-chain-extension.mjs [calls=500]

import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

import { Keyring } from '@polkadot/keyring';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { registerName } from '../tests/e2e/lib/cns.mjs';
import { connect, startNode } from '../tests/e2e/lib/node.mjs';
import { sendOk } from '../tests/e2e/lib/tx.mjs';
import { buildContract, reverted } from '../tests/e2e/lib/wasm-contracts.mjs';

const calls = Number(process.argv[2] ?? 500);
const CNS_OWNER = 0x0001;
const TOKEN_BALANCE = 0x0020;

await cryptoWaitReady();
const node = await startNode(['--dev'], { name: 'bench-chain-extension' });
const api = await connect(node);
try {
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  await registerName(api, alice, 'alice.ghost');
  const gasLimit = api.registry.createType('WeightV2', { refTime: 20_000_000_000n, proofSize: 1n << 20n });
  const deploy = api.tx.contracts.instantiateWithCode(10n ** 18n, gasLimit, null, u8aToHex(buildContract('extension_proxy')), '0x', '0x');
  const { events } = await sendOk(deploy, alice);
  const proxy = events.find(({ event }) => api.events.contracts.Instantiated.is(event)).event.data.contract.toString();

  const input = (functionId, payload) =>
    u8aConcat(api.createType('u16', functionId).toU8a(), payload);
  const cases = {
    lookup: input(CNS_OWNER, api.createType('Bytes', 'alice.ghost').toU8a()),
    refused: input(CNS_OWNER, new Uint8Array(300)),
    none: input(TOKEN_BALANCE, new Uint8Array(33).fill(9)),
  };
  const results = Object.fromEntries(Object.keys(cases).map((name) => [name, { times: [], gas: null, outcome: null }]));
  for (let i = 0; i < calls; i++) {
    for (const [name, data] of Object.entries(cases)) {
      const start = performance.now();
      const dryRun = await api.call.contractsApi.call(alice.address, proxy, 0, null, null, u8aToHex(data));
      results[name].times.push(performance.now() - start);
      results[name].gas ??= dryRun.gasConsumed;
      results[name].outcome ??= dryRun.result.isOk
        ? `${reverted(dryRun.result) ? 'reverted' : 'returned'} ${dryRun.result.asOk.data.toHex()}`
        : dryRun.result.asErr.toString();
    }
  }

  const percentile = (times, p) => [...times].sort((a, b) => a - b)[Math.floor((times.length - 1) * p)];
  console.log(`${calls} dry runs of each, interleaved; ${cpus().length} CPUs (${cpus()[0].model}), node and client on one machine\n`);
  console.log('| call | outcome | gas ref time | gas proof size | round trip p50 | round trip p90 |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, { times, gas, outcome }] of Object.entries(results)) {
    const ms = (value) => `${value.toFixed(3)} ms`;
    console.log(
      `| ${name} | ${outcome} | ${gas.refTime.toBigInt().toLocaleString('en')} ps | ${gas.proofSize.toBigInt().toLocaleString('en')} B | ${ms(percentile(times, 0.5))} | ${ms(percentile(times, 0.9))} |`,
    );
  }
  const median = (name) => percentile(results[name].times, 0.5);
  console.log(`\nlookup − refused (the lookup's own time): ${((median('lookup') - median('refused')) * 1000).toFixed(0)} µs at the median`);
} finally {
  await api.disconnect();
  await node.stop();
}
