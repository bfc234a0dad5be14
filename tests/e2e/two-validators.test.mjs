// Two validators on loopback, --chain local: both import and finalize the same blocks.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BOOTNODE_KEY, BOOTNODE_PEER_ID, connect, startNode, waitFor } from './lib/node.mjs';

// Validators on a live chain type must bring their own network key.
const BOB_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000002';

test('alice and bob import and finalize the same blocks', async () => {
  const alice = await startNode(['--chain', 'local', '--alice', '--node-key', BOOTNODE_KEY], { name: 'alice' });
  let bob;
  const apis = [];
  try {
    bob = await startNode(
      ['--chain', 'local', '--bob', '--node-key', BOB_NODE_KEY, '--bootnodes', `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${BOOTNODE_PEER_ID}`],
      { name: 'bob' },
    );
    const [aliceApi, bobApi] = [await connect(alice), await connect(bob)];
    apis.push(aliceApi, bobApi);

    for (const api of apis) {
      await waitFor('a peer', async () => (await api.rpc.system.health()).peers.toNumber() === 1);
    }
    // GRANDPA needs both votes with two authorities, so finality shows both take part.
    const finalizedNumber = async (api) =>
      (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    for (const api of apis) {
      await waitFor('block 3 to be finalized', async () => (await finalizedNumber(api)) >= 3, 120_000);
    }

    const upTo = Math.min(await finalizedNumber(aliceApi), await finalizedNumber(bobApi));
    for (let n = 1; n <= upTo; n++) {
      const [onAlice, onBob] = await Promise.all(apis.map((api) => api.rpc.chain.getBlockHash(n)));
      assert.equal(onAlice.toHex(), onBob.toHex(), `block ${n} is the same on both nodes`);
    }
    // Aura gives slot s to authority s mod 2: both validators authored some of those blocks.
    const authorities = new Set();
    for (let n = 1; n <= upTo; n++) {
      const header = await aliceApi.rpc.chain.getHeader(await aliceApi.rpc.chain.getBlockHash(n));
      const [, slotBytes] = header.digest.logs.find((log) => log.isPreRuntime).asPreRuntime;
      authorities.add(aliceApi.createType('u64', slotBytes).toBigInt() % 2n);
    }
    assert.equal(authorities.size, 2, 'alice and bob both authored blocks');
  } catch (error) {
    error.message += `\n--- alice ---\n${alice.logTail()}\n--- bob ---\n${bob?.logTail() ?? '(not started)'}`;
    throw error;
  } finally {
    await Promise.all(apis.map((api) => api.disconnect()));
    await Promise.all([alice.stop(), bob?.stop()]);
  }
});
