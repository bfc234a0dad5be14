// The node under faults and abuse: killed while authoring it restarts from its database with
// nothing finalized lost; an RPC node open to the network refuses unsafe methods; hundreds of
// malformed and oversized calls to GhostChain's own RPC methods get errors while it keeps
// serving; and a wallet sends transactions back to back with the nonce the node counts.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';

import { connect, rpcCall, startNode, waitFor, withDevNode } from './lib/node.mjs';

const INVALID_PARAMS = -32602;
/** Alice's DID: her account in GhostChain's SS58 format (prefix 4242). */
const ALICE_DID = `did:ghost:${encodeAddress('0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d', 4242)}`;
const METHOD_NOT_FOUND = -32601;

await cryptoWaitReady();

async function header(node, method, params = []) {
  const { result, error } = await rpcCall(node.rpcUrl, method, params);
  assert.equal(error, undefined, `${method}: ${JSON.stringify(error)}`);
  return result;
}

async function finalizedNumber(node) {
  const hash = await header(node, 'chain_getFinalizedHead');
  return Number.parseInt((await header(node, 'chain_getHeader', [hash])).number, 16);
}

async function bestNumber(node) {
  return Number.parseInt((await header(node, 'chain_getHeader')).number, 16);
}

test('a dev node killed with SIGKILL while authoring restarts from its database and keeps every finalized block', async () => {
  const basePath = mkdtempSync(join(tmpdir(), 'ghostchain-restart-'));
  try {
    let node = await startNode(['--dev'], { name: 'before-kill', basePath });
    let finalized;
    let best;
    const hashes = [];
    try {
      await waitFor('five finalized blocks', async () => (await finalizedNumber(node)) >= 5);
      finalized = await finalizedNumber(node);
      for (let number = 0; number <= finalized; number += 1) {
        hashes.push(await header(node, 'chain_getBlockHash', [number]));
      }
      best = await bestNumber(node);
    } finally {
      await node.kill();
    }

    node = await startNode(['--dev'], { name: 'after-kill', basePath });
    try {
      assert.ok((await bestNumber(node)) >= best - 1, 'the best block is where it was, or the block the kill cut short');
      for (const [number, hash] of hashes.entries()) {
        assert.equal(await header(node, 'chain_getBlockHash', [number]), hash, `finalized block ${number}`);
      }
      assert.ok((await finalizedNumber(node)) >= finalized, 'finality never goes back');
      await waitFor('blocks authored after the restart', async () => (await bestNumber(node)) > best + 2);
      await waitFor('finality after the restart', async () => (await finalizedNumber(node)) > finalized);
    } finally {
      await node.stop();
    }
  } finally {
    rmSync(basePath, { recursive: true, force: true });
  }
});

test('an RPC node open to the network refuses unsafe methods unless told to serve them', async () => {
  const unsafeCalls = [
    ['author_rotateKeys', []],
    ['author_insertKey', ['aura', '//Alice', '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d']],
  ];
  const open = await startNode(['--dev', '--rpc-external'], { name: 'rpc-external' });
  try {
    for (const [method, params] of unsafeCalls) {
      const { error } = await rpcCall(open.rpcUrl, method, params);
      assert.ok(error, `${method} is refused`);
      assert.equal(error.code, METHOD_NOT_FOUND, `${method}: ${JSON.stringify(error)}`);
    }
    assert.ok(await header(open, 'system_health'), 'safe methods are served');
  } finally {
    await open.stop();
  }

  const trusted = await startNode(['--dev', '--rpc-external', '--rpc-methods', 'unsafe'], { name: 'rpc-unsafe' });
  try {
    const keys = await header(trusted, 'author_rotateKeys');
    assert.match(keys, /^0x[0-9a-f]{128}$/, 'Aura and GRANDPA public keys');
  } finally {
    await trusted.stop();
  }
});

test('hundreds of malformed and oversized calls to cns_*, gid_*, l2_*, tokens_* and system_accountNextIndex get errors at once, and the node keeps serving', async () => {
  await withDevNode(async (api, node) => {
    const huge = 'a'.repeat(1 << 20);
    const unknownBlock = `0x${'ab'.repeat(32)}`;
    const garbage = [null, 42, -1, 1.5, true, {}, [], [[]], 'not hex', '0xzz', huge, '\u0000', '☃'];
    // Each entry: a method, params that are wrong in form (types, count, size), and the error
    // code the caller must see.
    const calls = [];
    const methods = {
      cns_resolve: ['alice.ghost'],
      cns_reverse: ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'],
      cns_namesOf: ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', 0, 10],
      gid_resolve: [ALICE_DID],
      gid_verify: [ALICE_DID, 'authentication', '0x00', `0x${'00'.repeat(64)}`],
      l2_status: [1],
      tokens_balances: ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'],
    };
    for (const [method, good] of Object.entries(methods)) {
      calls.push([method, [], INVALID_PARAMS]);
      calls.push([method, { unknown: 'name' }, INVALID_PARAMS]);
      for (const [position] of good.entries()) {
        for (const value of garbage) {
          // Any string where a string is expected, or a u32 where a number is, is well-formed
          // in type; only other values are malformed.
          const wellTyped =
            typeof good[position] === 'string'
              ? typeof value === 'string'
              : Number.isInteger(value) && value >= 0 && value < 2 ** 32;
          if (wellTyped) continue;
          const params = good.map((param, i) => (i === position ? value : param));
          calls.push([method, params, INVALID_PARAMS]);
        }
      }
      // Every method takes an optional block hash last; anything but a hash (or null) is malformed.
      for (const value of garbage.filter((value) => value !== null)) calls.push([method, [...good, value], INVALID_PARAMS]);
      // A well-formed call at a block the node does not have is a runtime error, not a crash.
      calls.push([method, [...good, unknownBlock], 1]);
    }
    // Malformed values the methods parse themselves.
    for (const name of ['', huge, 'x.com', 'a..ghost', 'Al ice.ghost']) calls.push(['cns_resolve', [name], INVALID_PARAMS]);
    for (const address of ['', huge, '0x1234', 'did:ghost:5Grw']) {
      calls.push(['cns_reverse', [address], INVALID_PARAMS]);
      calls.push(['tokens_balances', [address], INVALID_PARAMS]);
      // Not ours, but it reads an address as ours do, and Polkadot.js users call it.
      calls.push(['system_accountNextIndex', [address], INVALID_PARAMS]);
    }
    calls.push(['l2_status', [2 ** 32], INVALID_PARAMS]);
    calls.push(['gid_verify', [ALICE_DID, 'friendship', '0x00', '0x00'], INVALID_PARAMS]);
    calls.push(['gid_verify', [ALICE_DID, 'authentication', huge, '0x00'], INVALID_PARAMS]);
    assert.ok(calls.length >= 200, `${calls.length} calls`);

    for (const [method, params, code] of calls) {
      const started = Date.now();
      const { result, error } = await rpcCall(node.rpcUrl, method, params);
      const shown = JSON.stringify(params).slice(0, 120);
      // Refused at once: a megabyte of base58 once held an RPC worker for minutes.
      assert.ok(Date.now() - started < 5_000, `${method}(${shown}) took ${Date.now() - started} ms`);
      assert.equal(result, undefined, `${method}(${shown}) has no result: ${JSON.stringify(result)?.slice(0, 300)}`);
      assert.equal(error?.code, code, `${method}(${shown}): ${JSON.stringify(error).slice(0, 200)}`);
    }

    const empty = await rpcCall(node.rpcUrl, 'cns_resolve', ['']);
    assert.equal(empty.error.data.reason, 'EmptyName', 'the reason docs/cns.md names');

    // A request above the server's size limit is refused as a whole.
    const oversized = await postAnnouncingSize(
      node.rpcUrl,
      JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'cns_resolve', params: ['a'.repeat(16 << 20)] }),
    );
    assert.equal(oversized, 413);

    // Still serving, still producing blocks.
    const before = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitFor('a new block', async () => (await api.rpc.chain.getHeader()).number.toNumber() > before);
    assert.equal((await rpcCall(node.rpcUrl, 'cns_resolve', ['nobody.ghost'])).result, null);
  });
});

/**
 * Sends `tx` signed with `options`; resolves once the pool accepted it, with `{ landed }`: a
 * promise of whether it went into a block without failing.
 */
/**
 * POSTs `body` as curl does with a large body: it announces the size and waits for the server's
 * go-ahead (`Expect: 100-continue`), so a server that refuses the size answers before any of the
 * body is sent. Resolves with the HTTP status.
 */
function postAnnouncingSize(url, body) {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' };
    const req = request(url, { method: 'POST', headers }, (response) => {
      response.resume();
      resolve(response.statusCode);
      req.destroy();
    });
    req.on('continue', () => req.end(body));
    req.on('error', reject);
  });
}

async function submit(tx, signer, options) {
  let landed;
  const outcome = new Promise((resolve) => {
    landed = resolve;
  });
  await tx.signAndSend(signer, options, ({ status, dispatchError }) => {
    if (status.isInBlock) landed(dispatchError === undefined);
    if (status.isDropped || status.isInvalid || status.isUsurped) landed(false);
  });
  return { landed: outcome };
}

/** Resolves when the node imports its next block. */
async function justAfterABlock(api) {
  await new Promise((resolve) => {
    let seen = 0;
    const unsubscribe = api.rpc.chain.subscribeNewHeads(() => {
      seen += 1;
      // The subscription's first header is the current one.
      if (seen === 2) unsubscribe.then((stop) => stop()).then(resolve);
    });
  });
}

test('Polkadot.js nonce -1 reads the chain, not the pool: a second transfer sent at once is refused with 1014', async () => {
  await withDevNode(async (api) => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    const [alice, bob] = [keyring.addFromUri('//Alice'), keyring.addFromUri('//Bob')];
    const transfer = () => api.tx.balances.transferKeepAlive(bob.address, 10n ** 15n);
    // Polkadot.js 16 takes nonce -1 from the AccountNonceApi runtime call at the best block,
    // which knows nothing of the pool; system_accountNextIndex counts the pending transfer.
    // Just after a block, so that no block includes the first transfer before the second is sent.
    await justAfterABlock(api);
    const first = await submit(transfer(), alice, { nonce: -1 });
    const onChain = (await api.call.accountNonceApi.accountNonce(alice.address)).toNumber();
    assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), onChain + 1);
    await assert.rejects(submit(transfer(), alice, { nonce: -1 }), /1014: Priority is too low/);
    assert.equal(await first.landed, true);
  });
});

test('a wallet sends twenty transfers back to back, each with system_accountNextIndex, and all of them land', async () => {
  await withDevNode(async (api) => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    const [alice, bob] = [keyring.addFromUri('//Alice'), keyring.addFromUri('//Bob')];
    const bobBefore = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const nonceBefore = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const amount = 10n ** 15n;
    const landed = [];
    for (let i = 0; i < 20; i += 1) {
      // As a wallet should: ask the node for the next nonce, which counts the transactions
      // already in its pool, and send the next one as soon as the pool accepted the last.
      const nonce = await api.rpc.system.accountNextIndex(alice.address);
      const { landed: inBlock } = await submit(api.tx.balances.transferKeepAlive(bob.address, amount), alice, { nonce });
      landed.push(inBlock);
    }
    assert.deepEqual(await Promise.all(landed), Array(20).fill(true));
    const bobAfter = (await api.query.system.account(bob.address)).data.free.toBigInt();
    assert.equal(bobAfter - bobBefore, 20n * amount);
    assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), nonceBefore + 20);
  });
});
