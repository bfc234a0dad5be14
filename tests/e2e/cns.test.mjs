// CNS on one --dev node: commit–reveal registration, records, resolution and reverse records
// through @polkadot/api and the node's cns_* RPC.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';

import { registerName } from './lib/cns.mjs';
import { connect, rpcCall, startNode } from './lib/node.mjs';
import { moduleErrorName, sendInBlock, sendOk } from './lib/tx.mjs';

const UNIT = 10n ** 18n;
/** The launch price of a year of a 5+ letter .ghost name, in GHOST (docs/cns.md). */
const GHOST_FIVE_LETTER_PRICE = 5n * UNIT;
const ETH_COIN_TYPE = 60;
const ETH_ADDRESS = '0xf24ff3a9cf04c71dbc94d0b566f7a27b94566cac';
const SS58_PREFIX = 4242;
const INVALID_PARAMS = -32602;

await cryptoWaitReady();
let node;
let api;
let keyring;

before(async () => {
  node = await startNode(['--dev'], { name: 'cns' });
  api = await connect(node);
  keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

/** `address`'s GHOST (asset 2) at `blockHash`, default the best block. */
async function ghostOf(address, blockHash) {
  const at = blockHash ? await api.at(blockHash) : api;
  const account = await at.query.assets.account(2, address);
  return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
}

async function resolve(name) {
  return rpcCall(node.rpcUrl, 'cns_resolve', [name]);
}

test('commit, wait, register alice.ghost; records and the primary name resolve over cns_*', async () => {
  const alice = keyring.addFromUri('//Alice');
  const name = 'alice.ghost';
  const { blockHash, events } = await registerName(api, alice, name);
  const registered = events.find(({ event }) => api.events.cns.NameRegistered.is(event));
  assert.ok(registered, 'a NameRegistered event');
  assert.equal(registered.event.data.token.toString(), 'Ghost');
  assert.equal(registered.event.data.price.toBigInt(), GHOST_FIVE_LETTER_PRICE);
  const parent = (await api.rpc.chain.getHeader(blockHash)).parentHash;
  assert.equal(
    await ghostOf(alice.address, blockHash),
    (await ghostOf(alice.address, parent)) - GHOST_FIVE_LETTER_PRICE,
    'Alice paid in GHOST',
  );

  await sendOk(api.tx.cns.setAddress(name, ETH_COIN_TYPE, ETH_ADDRESS), alice);
  await sendOk(api.tx.cns.setText(name, 'url', 'https://alice.example'), alice);

  const { result, error } = await resolve(name);
  assert.equal(error, undefined);
  assert.equal(result.name, name);
  assert.equal(result.owner, encodeAddress(alice.publicKey, SS58_PREFIX));
  assert.equal(result.status, 'active');
  assert.equal(result.expiry, registered.event.data.expiry.toNumber());
  assert.deepEqual(result.addresses, { [ETH_COIN_TYPE]: ETH_ADDRESS });
  assert.deepEqual(result.texts, { url: 'https://alice.example' });
  assert.equal(result.contentHash, null);

  // The RPC lowercases ASCII before it looks a name up.
  assert.deepEqual((await resolve('Alice.GHOST')).result, result);
  assert.equal((await resolve('nobody.ghost')).result, null);

  assert.equal((await rpcCall(node.rpcUrl, 'cns_reverse', [alice.address])).result, null);
  await sendOk(api.tx.cns.setPrimaryName(name), alice);
  assert.equal((await rpcCall(node.rpcUrl, 'cns_reverse', [alice.address])).result, name);
  assert.deepEqual((await rpcCall(node.rpcUrl, 'cns_namesOf', [alice.address, 0, 10])).result, [name]);
});

test('invalid names get their documented error and change nothing', async () => {
  const cases = [
    ['Alice.ghost', 'Uppercase'],
    ['-a.ghost', 'HyphenAtLabelEdge'],
    ['a..ghost', 'EmptyLabel'],
    [`${'a'.repeat(64)}.ghost`, 'LabelTooLong'],
    ['x.eth', 'BridgedTld'],
  ];
  const senders = ['//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'].map((uri) => keyring.addFromUri(uri));
  const secret = new Uint8Array(32);
  const ghostBefore = await Promise.all(senders.map((s) => ghostOf(s.address)));

  // One sender per name, so all five land in the same block.
  const results = await Promise.all(
    cases.map(([name], i) => sendInBlock(api.tx.cns.register(name, senders[i].address, secret, 1), senders[i])),
  );

  for (const [i, [name, reason]] of cases.entries()) {
    assert.equal(moduleErrorName(api.registry, results[i].dispatchError), `cns.${reason}`, name);
    const cnsEvents = results[i].events.filter(({ event }) => event.section === 'cns');
    assert.deepEqual(cnsEvents, [], `${name}: no CNS event`);
    assert.equal((await api.query.cns.registrations(name)).isNone, true, `${name}: not registered`);
    assert.equal(await ghostOf(senders[i].address), ghostBefore[i], `${name}: nothing paid`);
  }

  // The RPC refuses the same names with -32602 and the reason, except that it lowercases
  // `Alice.ghost` (which then resolves to nothing) and resolves `x.eth` through the Ethereum
  // name bridge (to nothing: nobody requested it).
  for (const [name, reason] of cases.slice(1, -1)) {
    const { error } = await resolve(name);
    assert.equal(error?.code, INVALID_PARAMS, name);
    assert.deepEqual(error.data, { reason }, name);
  }
  assert.deepEqual(await resolve('x.eth'), { jsonrpc: '2.0', id: 1, result: null });
});
