// The ENS/UNS name bridge's runtime side on one --dev node, through @polkadot/api: requests are
// refused until the admin origin names oracles, malformed and native names are refused with
// their errors, and a request that no oracle answers expires and refunds its deposit.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { withDevNode } from './lib/node.mjs';
import { nextEvent, sendFailing, sendOk } from './lib/tx.mjs';

/** `BridgeRequestDeposit`: 0.1 GCC (docs/cns.md, "Costs"). */
const REQUEST_DEPOSIT = 10n ** 17n;

await cryptoWaitReady();

test('a bridge request is refused, then held and refunded when no oracle answers', async () => {
  await withDevNode(async (api) => {
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const bob = new Keyring({ type: 'sr25519' }).addFromUri('//Bob');
    const request = (name) => api.tx.cnsBridge.request(name);

    assert.equal(await sendFailing(request('vitalik.eth'), bob), 'cnsBridge.BridgeOffline');

    // An oracle key that nobody runs: the request can only expire.
    const oracle = new Keyring({ type: 'sr25519' }).addFromUri('//Oracle').publicKey;
    const { events } = await sendOk(api.tx.sudo.sudo(api.tx.cnsBridge.setOracles([u8aToHex(oracle)])), alice);
    assert.ok(events.some(({ event }) => api.events.cnsBridge.OraclesSet.is(event)), 'cnsBridge.OraclesSet');

    for (const [name, error] of [
      ['Vitalik.eth', 'cnsBridge.MalformedName'],
      ['vitalík.eth', 'cnsBridge.NonAscii'],
      ['alice.ghost', 'cnsBridge.NotBridged'],
      ['alice.com', 'cnsBridge.NotBridged'],
    ]) {
      assert.equal(await sendFailing(request(name), bob), error, name);
    }

    const reservedBefore = (await api.query.system.account(bob.address)).data.reserved.toBigInt();
    const requested = await sendOk(request('brad.crypto'), bob);
    const event = requested.events.find(({ event }) => api.events.cnsBridge.Requested.is(event));
    assert.ok(event, 'cnsBridge.Requested');
    assert.equal(event.event.data.name.toUtf8(), 'brad.crypto');
    const reserved = (await api.query.system.account(bob.address)).data.reserved.toBigInt();
    assert.equal(reserved - reservedBefore, REQUEST_DEPOSIT);
    assert.equal(await sendFailing(request('brad.crypto'), alice), 'cnsBridge.AlreadyRequested');

    // `requestTtl` is 10 blocks on --dev: the request expires a minute later.
    const expired = await nextEvent(api, 'cnsBridge.RequestExpired', (event) =>
      api.events.cnsBridge.RequestExpired.is(event),
    );
    assert.equal(expired.name.toUtf8(), 'brad.crypto');
    assert.equal(expired.refunded.toBigInt(), REQUEST_DEPOSIT);
    const after = (await api.query.system.account(bob.address)).data.reserved.toBigInt();
    assert.equal(after, reservedBefore);
  });
});
