// The CNS bridge end to end on one --dev node that is the only oracle (quorum 1), reading a real
// Ethereum node (anvil) on which ENS and Unstoppable Domains are deployed from their published
// artifacts: requested names resolve through `cns_resolve` to exactly their Ethereum records, a
// changed record is picked up once the old answer expires, an unregistered name resolves to
// "not found", an attestation signed by a key that is not an oracle is refused, and with the
// Ethereum endpoint gone a request expires and refunds its deposit.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { compactAddLength, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { deployEns, deployUns, startAnvil } from './lib/ethereum-names.mjs';
import { connect, rpcCall, startNode } from './lib/node.mjs';
import { nextEvent, sendFailing, sendOk } from './lib/tx.mjs';

/** `BridgeRequestDeposit`: 0.1 GCC (docs/cns.md, "Costs"). */
const REQUEST_DEPOSIT = 10n ** 17n;
/** What an oracle signs before its SCALE-encoded attestation (pallet-cns-bridge). */
const ATTESTATION_CONTEXT = 'ghostchain/cns-bridge/attestation';
/** The answers' TTL this test sets, in 6-second blocks: a minute. */
const RECORD_TTL = 10;
const REQUEST_TTL = 8;

const VITALIK = {
  eth: '0xd8da6bf26964af9d7eed9e03e53415d37aa96045',
  // DOT (SLIP-44 354): a 32-byte account id.
  addresses: { 354: `0x${'42'.repeat(32)}` },
  texts: { url: 'https://vitalik.ca', 'com.github': 'vbuterin' },
  contenthash: '0xe301017012204edd2984eeaf3ddf50bac238ec95c5713fb40b5e428b508fdbe55d3b9f155ffe',
};
const BRAD = {
  'crypto.ETH.address': '0x8aad44321a86b170879d7a244c1e8d360c99dda8',
  url: 'https://brad.crypto',
  email: 'brad@example.com',
};

await cryptoWaitReady();

/** The result of a JSON-RPC call; rejects with the error's message and data. */
async function rpcResult(node, method, params) {
  const { result, error } = await rpcCall(node.rpcUrl, method, params);
  if (error) throw new Error(`${method}: ${error.message}: ${error.data}`);
  return result;
}

const resolve = (node, name) => rpcResult(node, 'cns_resolve', [name]);

/** Requests `name` as `who` and waits for the quorum's answer; returns it and how long it took. */
async function requestAndAwait(api, who, name) {
  const stored = nextEvent(api, `cnsBridge.RecordStored for ${name}`, (event) =>
    api.events.cnsBridge.RecordStored.is(event) && event.data.name.toUtf8() === name,
  );
  const requested = await sendOk(api.tx.cnsBridge.request(name), who);
  const start = Date.now();
  const event = await stored;
  const header = await api.rpc.chain.getHeader(requested.blockHash);
  return { event, seconds: (Date.now() - start) / 1000, requestedAt: header.number.toNumber() };
}

test('one dev oracle bridges ENS and UNS names from a real Ethereum node', async () => {
  const anvil = await startAnvil();
  let node;
  let api;
  try {
    const ens = await deployEns(anvil);
    await ens.register('vitalik.eth', VITALIK);
    await ens.register('owned.eth', null);
    const uns = await deployUns(anvil);
    await uns.mint('brad.crypto', BRAD);
    await anvil.finalize();

    node = await startNode(['--dev', '--cns-bridge-eth-rpc', anvil.url], { name: 'oracle' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');

    // The node operator puts the oracle key in the keystore; governance makes it the oracle.
    const oracle = keyring.addFromUri('//Alice//cns-bridge');
    await rpcResult(node, 'author_insertKey', ['cnsb', '//Alice//cns-bridge', u8aToHex(oracle.publicKey)]);
    await sendOk(api.tx.sudo.sudo(api.tx.cnsBridge.setOracles([u8aToHex(oracle.publicKey)])), alice);
    const parameters = {
      quorum: 1,
      recordTtl: RECORD_TTL,
      requestTtl: REQUEST_TTL,
      ensRegistry: ens.registry,
      unsProxyReader: uns.reader,
    };
    await sendOk(api.tx.sudo.sudo(api.tx.cnsBridge.setParameters(parameters)), alice);

    // 1. An ENS name: exactly its records on Ethereum, at a finalized Ethereum block.
    const vitalik = await requestAndAwait(api, bob, 'vitalik.eth');
    console.log(`vitalik.eth: request to record in ${vitalik.seconds} s`);
    const resolved = await resolve(node, 'vitalik.eth');
    const ethBlock = await anvil.provider.send('eth_getBlockByNumber', [`0x${resolved.ethBlock.number.toString(16)}`, false]);
    assert.equal(resolved.ethBlock.hash, ethBlock.hash, 'the Ethereum block is one anvil has');
    assert.ok(resolved.ethBlock.number <= (await anvil.finalizedBlock()).number, 'and it is finalized');
    assert.deepEqual(resolved, {
      name: 'vitalik.eth',
      owner: ens.owner.toLowerCase(),
      operator: null,
      parent: null,
      expiry: vitalik.event.expiresAt.toNumber() - 1,
      status: 'active',
      addresses: { 60: VITALIK.eth, ...VITALIK.addresses },
      texts: VITALIK.texts,
      contentHash: VITALIK.contenthash,
      gid: null,
      source: 'ens',
      ethBlock: resolved.ethBlock,
    });
    assert.equal(vitalik.event.found.isTrue, true);

    // The same for an Unstoppable Domains name, read through its ProxyReader.
    await requestAndAwait(api, bob, 'brad.crypto');
    const brad = await resolve(node, 'brad.crypto');
    assert.equal(brad.source, 'uns');
    assert.equal(brad.owner, uns.owner.toLowerCase());
    assert.deepEqual(brad.addresses, { 60: BRAD['crypto.ETH.address'] });
    assert.deepEqual(brad.texts, { email: BRAD.email, url: BRAD.url });
    assert.equal(brad.contentHash, null);

    // 4. A name nobody registered on Ethereum: "not found", attested like any answer. A name
    // with an owner and no resolver has no records.
    await requestAndAwait(api, bob, 'nobody.eth');
    const nobody = await resolve(node, 'nobody.eth');
    assert.equal(nobody.status, 'notFound');
    assert.equal(nobody.owner, null);
    assert.deepEqual([nobody.addresses, nobody.texts], [{}, {}]);
    await requestAndAwait(api, bob, 'owned.eth');
    const owned = await resolve(node, 'owned.eth');
    assert.deepEqual([owned.status, owned.owner, owned.addresses], ['active', ens.owner.toLowerCase(), {}]);

    // 2. A record changed on Ethereum: the answer stands until it expires, then the name
    // resolves to nothing, and a new request reads the new record.
    await ens.setRecords('vitalik.eth', { texts: { url: 'https://vitalik.eth.limo' } });
    await anvil.finalize();
    assert.equal(await sendFailing(api.tx.cnsBridge.request('vitalik.eth'), bob), 'cnsBridge.RecordFresh');
    const expired = nextEvent(api, 'cnsBridge.RecordExpired for vitalik.eth', (event) =>
      api.events.cnsBridge.RecordExpired.is(event) && event.data.name.toUtf8() === 'vitalik.eth',
    );
    assert.equal((await expired).name.toUtf8(), 'vitalik.eth');
    assert.equal(await resolve(node, 'vitalik.eth'), null);
    await requestAndAwait(api, bob, 'vitalik.eth');
    assert.equal((await resolve(node, 'vitalik.eth')).texts.url, 'https://vitalik.eth.limo');

    // 4. An attestation signed by a key that is not an oracle is refused by the transaction pool.
    const impostor = keyring.addFromUri('//Mallory//cns-bridge');
    const waiting = await sendOk(api.tx.cnsBridge.request('impostor.eth'), bob);
    const requestId = waiting.events
      .find(({ event }) => api.events.cnsBridge.Requested.is(event))
      .event.data.request.toNumber();
    const attestation = api.createType(api.tx.cnsBridge.attest.meta.args[0].type.toString(), {
      request: requestId,
      name: 'impostor.eth',
      ethBlock: resolved.ethBlock,
      lookup: 'NotFound',
    });
    const signature = impostor.sign(u8aConcat(stringToU8a(ATTESTATION_CONTEXT), attestation.toU8a()));
    const call = api.tx.cnsBridge.attest(attestation, u8aToHex(impostor.publicKey), u8aToHex(signature));
    await assert.rejects(
      rpcResult(node, 'author_submitExtrinsic', [authorizedTransaction(call)]),
      /Invalid Transaction: Invalid signing address/,
    );

    // 4. With the Ethereum endpoint gone, nothing is attested and the request expires with a refund.
    anvil.stop();
    const attested = [];
    const unsubscribe = await api.query.system.events((records) => {
      for (const { event } of records) if (api.events.cnsBridge.Attested.is(event)) attested.push(event.data.name.toUtf8());
    });
    const refund = nextEvent(api, 'cnsBridge.RequestExpired for late.eth', (event) =>
      api.events.cnsBridge.RequestExpired.is(event) && event.data.name.toUtf8() === 'late.eth',
    );
    await sendOk(api.tx.cnsBridge.request('late.eth'), bob);
    assert.equal((await refund).refunded.toBigInt(), REQUEST_DEPOSIT);
    unsubscribe();
    assert.deepEqual(attested.filter((name) => name === 'late.eth'), []);
    assert.match(readFileSync(node.logFile, 'utf8'), /no finalized block from the Ethereum endpoint: Http/);
  } catch (error) {
    if (node) error.message += `\n--- node log (${node.logFile}) ---\n${node.logTail()}`;
    throw error;
  } finally {
    await api?.disconnect();
    await node?.stop();
    anvil.stop();
  }
});

/**
 * `call` as a general (version 5) transaction with no signer, which only `AuthorizeCall` can
 * let through: an immortal era, nonce 0, no tip, no metadata hash; the other extensions of the
 * runtime's `TxExtension` encode nothing.
 */
function authorizedTransaction(call) {
  const GENERAL_V5 = 0x45;
  const EXTENSION_VERSION = 0;
  const [immortal, nonce, tip, noMetadataHash] = [0, 0, 0, 0];
  const body = u8aConcat(
    Uint8Array.from([GENERAL_V5, EXTENSION_VERSION, immortal, nonce, tip, noMetadataHash]),
    call.method.toU8a(),
  );
  return u8aToHex(compactAddLength(body));
}
