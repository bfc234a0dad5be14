// A single --dev node, driven by @polkadot/api as Polkadot.js Apps drives it.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { rpcCall, waitFor, withDevNode } from './lib/node.mjs';
import { feePaidBy, freeBalanceAt, sendInBlock } from './lib/tx.mjs';

const GCC = 10n ** 18n;
const SS58_PREFIX = 4242;

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
const alice = keyring.addFromUri('//Alice');
const bob = keyring.addFromUri('//Bob');

test('system properties show GCC with 18 decimals and the GhostChain SS58 prefix', async () => {
  await withDevNode(async (api, node) => {
    const { result } = await rpcCall(node.rpcUrl, 'system_properties');
    assert.deepEqual(result, { tokenSymbol: 'GCC', tokenDecimals: 18, ss58Format: SS58_PREFIX });
    // What Polkadot.js Apps formats balances and addresses with.
    assert.deepEqual(api.registry.chainTokens, ['GCC']);
    assert.deepEqual(api.registry.chainDecimals, [18]);
    assert.equal(api.registry.chainSS58, SS58_PREFIX);
    assert.equal((await api.rpc.system.chain()).toString(), 'GhostChain Development');
  });
});

test('the best block advances and so does the finalized head', async () => {
  await withDevNode(async (api) => {
    const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
    const finalizedNumber = async () =>
      (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();

    // The block number `read` returns, once it is at least `least`; false before that.
    const reached = async (read, least) => {
      const number = await read();
      return number >= least && number;
    };
    const best = await waitFor('a first block', () => reached(bestNumber, 1));
    await waitFor('two more blocks', () => reached(bestNumber, best + 2));
    const finalized = await waitFor('a finalized block', () => reached(finalizedNumber, 1));
    await waitFor('finality to advance', () => reached(finalizedNumber, finalized + 1));
  });
});

test('Alice → Bob transferKeepAlive is included; Bob gains the amount, Alice pays amount + fee', async () => {
  await withDevNode(async (api) => {
    const amount = 7n * GCC;
    const tx = api.tx.balances.transferKeepAlive(bob.address, amount);
    const estimate = (await tx.paymentInfo(alice)).partialFee.toBigInt();

    const { blockHash, events, dispatchError } = await sendInBlock(tx, alice);
    assert.equal(dispatchError, undefined);
    assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)));

    const { parentHash } = await api.rpc.chain.getHeader(blockHash);
    const fee = feePaidBy(api, events, alice.address);
    assert.ok(fee > 0n, 'a transfer costs a fee');
    assert.ok(fee <= estimate, `fee ${fee} is within the paymentInfo estimate ${estimate}`);
    assert.equal(
      (await freeBalanceAt(api, blockHash, bob.address)) - (await freeBalanceAt(api, parentHash, bob.address)),
      amount,
    );
    assert.equal(
      (await freeBalanceAt(api, parentHash, alice.address)) - (await freeBalanceAt(api, blockHash, alice.address)),
      amount + fee,
    );
  });
});

test('an extrinsic with a bad signature is rejected and no balance changes', async () => {
  await withDevNode(async (api) => {
    const tx = api.tx.balances.transferKeepAlive(bob.address, 3n * GCC);
    await tx.signAsync(alice);
    const bytes = tx.toU8a();
    const signature = tx.signature.toU8a();
    const at = indexOf(bytes, signature);
    assert.ok(at > 0, 'the signature is found in the encoded extrinsic');
    bytes[at + 10] ^= 0xff;

    const before = await api.rpc.chain.getBlockHash();
    await assert.rejects(api.rpc.author.submitExtrinsic(bytes), /bad signature/i);

    const { number } = await api.rpc.chain.getHeader();
    await waitFor('the next block', async () => (await api.rpc.chain.getHeader()).number.toNumber() > number.toNumber());
    const after = await api.rpc.chain.getBlockHash();
    for (const who of [alice.address, bob.address]) {
      assert.equal(await freeBalanceAt(api, after, who), await freeBalanceAt(api, before, who));
    }
    assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), 0);
  });
});

function indexOf(haystack, needle) {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
