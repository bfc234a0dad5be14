// The four tokens on one --dev node, through @polkadot/api and the node's tokens_balances RPC.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { connect, rpcCall, startNode, waitFor } from './lib/node.mjs';
import { feePaidBy, sendInBlock } from './lib/tx.mjs';

const UNIT = 10n ** 18n;
/** `TokenKind` variants as Polkadot.js names them, with their symbols and asset ids. */
const TOKENS = [
  { kind: 'Gcc', symbol: 'GCC' },
  { kind: 'Spirit', symbol: 'SPIRIT' },
  { kind: 'Mana', symbol: 'MANA', assetId: 1 },
  { kind: 'Ghost', symbol: 'GHOST', assetId: 2 },
];
const DEV_TOKEN_BALANCE = 100_000n * UNIT;
const MANA_REWARD_PER_BLOCK = UNIT;

await cryptoWaitReady();
let node;
let api;
let keyring;

before(async () => {
  node = await startNode(['--dev'], { name: 'tokens' });
  api = await connect(node);
  keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

/** `amount` smallest units in whole tokens, as tokens_balances writes them: "1.5", "100000". */
function formatAmount(amount, decimals = 18) {
  const unit = 10n ** BigInt(decimals);
  const [whole, fraction] = [amount / unit, amount % unit];
  if (fraction === 0n) return `${whole}`;
  return `${whole}.${fraction.toString().padStart(decimals, '0').replace(/0+$/, '')}`;
}

/** Each token's { free, held, frozen } of `address` at `blockHash`, read from raw pallet storage. */
async function storageBalances(address, blockHash) {
  const at = await api.at(blockHash);
  const ofBalances = ({ free, reserved, frozen }) => ({
    free: free.toBigInt(),
    held: reserved.toBigInt(),
    frozen: frozen.toBigInt(),
  });
  const ofAsset = async (assetId) => {
    const account = await at.query.assets.account(assetId, address);
    const held = await at.query.assetsHolder.balancesOnHold(assetId, address);
    const balance = account.isSome ? account.unwrap().balance.toBigInt() : 0n;
    const frozen = account.isSome && !account.unwrap().status.isLiquid ? balance : 0n;
    return { free: balance, held: held.isSome ? held.unwrap().toBigInt() : 0n, frozen };
  };
  return {
    GCC: ofBalances((await at.query.system.account(address)).data),
    SPIRIT: ofBalances(await at.query.spiritBalances.account(address)),
    MANA: await ofAsset(1),
    GHOST: await ofAsset(2),
  };
}

/** Each token's free balance of `address` at `blockHash`, by symbol. */
async function freeBalances(address, blockHash) {
  const balances = await storageBalances(address, blockHash);
  return Object.fromEntries(Object.entries(balances).map(([symbol, { free }]) => [symbol, free]));
}

/** The parent of block `blockHash`: the state a transaction in that block started from. */
async function parentOf(blockHash) {
  return (await api.rpc.chain.getHeader(blockHash)).parentHash;
}

test('each of the four tokens moves with tokens.transfer, and the fee is paid in GCC', async () => {
  const [bob, dave] = [keyring.addFromUri('//Bob'), keyring.addFromUri('//Dave')];
  for (const [index, { kind, symbol }] of TOKENS.entries()) {
    const amount = BigInt(index + 1) * UNIT + 5n;
    const { blockHash, events, dispatchError } = await sendInBlock(
      api.tx.tokens.transfer(kind, dave.address, amount),
      bob,
    );
    assert.equal(dispatchError, undefined, symbol);
    const transferred = events.find(({ event }) => api.events.tokens.Transferred.is(event));
    assert.ok(transferred, `${symbol}: a Transferred event`);
    assert.equal(transferred.event.data.token.toString(), kind);
    assert.equal(transferred.event.data.amount.toBigInt(), amount);

    const fee = feePaidBy(api, events, bob.address);
    const parent = await parentOf(blockHash);
    const [bobBefore, bobAfter] = [await freeBalances(bob.address, parent), await freeBalances(bob.address, blockHash)];
    const [daveBefore, daveAfter] = [await freeBalances(dave.address, parent), await freeBalances(dave.address, blockHash)];
    for (const other of TOKENS.map((t) => t.symbol)) {
      const moved = other === symbol ? amount : 0n;
      const feeHere = other === 'GCC' ? fee : 0n;
      assert.equal(bobAfter[other], bobBefore[other] - moved - feeHere, `Bob's ${other} after sending ${symbol}`);
      assert.equal(daveAfter[other], daveBefore[other] + moved, `Dave's ${other} after receiving ${symbol}`);
    }
  }
});

test('tokens_balances agrees with raw pallet storage for all four tokens', async () => {
  const hash = (await api.rpc.chain.getFinalizedHead()).toHex();
  const treasury = api.consts.tokens.palletId.toU8a();
  assert.equal(new TextDecoder().decode(treasury), 'ghst/tkn');
  for (const uri of ['//Alice', '//Bob', '//Ferdie', '//Nobody']) {
    const { address } = keyring.addFromUri(uri);
    const { result, error } = await rpcCall(node.rpcUrl, 'tokens_balances', [address, hash]);
    assert.equal(error, undefined, uri);
    const stored = await storageBalances(address, hash);
    const expected = Object.fromEntries(
      TOKENS.map(({ symbol }) => [
        symbol,
        {
          decimals: 18,
          free: formatAmount(stored[symbol].free),
          held: formatAmount(stored[symbol].held),
          frozen: formatAmount(stored[symbol].frozen),
        },
      ]),
    );
    assert.deepEqual(result, expected, uri);
  }
  const { address: ferdie } = keyring.addFromUri('//Ferdie');
  const { result } = await rpcCall(node.rpcUrl, 'tokens_balances', [ferdie, hash]);
  for (const symbol of ['SPIRIT', 'MANA', 'GHOST']) assert.equal(result[symbol].free, formatAmount(DEV_TOKEN_BALANCE));

  const refused = await rpcCall(node.rpcUrl, 'tokens_balances', ['not-an-address']);
  assert.equal(refused.error.code, -32602);
});

test('a transfer of a token the sender lacks fails with tokens.InsufficientBalance and moves nothing', async () => {
  const [alice, bob] = [keyring.addFromUri('//Alice'), keyring.addFromUri('//Bob')];
  const pauper = keyring.addFromUri(`//Pauper${Date.now()}`);
  // GCC only, to pay the fee.
  const funded = await sendInBlock(api.tx.balances.transferKeepAlive(pauper.address, UNIT), alice);
  assert.equal(funded.dispatchError, undefined);

  const { blockHash, events, dispatchError } = await sendInBlock(
    api.tx.tokens.transferKeepAlive('Ghost', bob.address, UNIT),
    pauper,
  );
  assert.ok(dispatchError?.isModule, 'the transfer fails in dispatch');
  const { section, name } = api.registry.findMetaError(dispatchError.asModule);
  assert.equal(`${section}.${name}`, 'tokens.InsufficientBalance');
  assert.ok(!events.some(({ event }) => api.events.tokens.Transferred.is(event)));

  const fee = feePaidBy(api, events, pauper.address);
  const parent = await parentOf(blockHash);
  for (const who of [pauper.address, bob.address]) {
    const [before, after] = [await storageBalances(who, parent), await storageBalances(who, blockHash)];
    if (who === pauper.address) before.GCC.free -= fee;
    assert.deepEqual(after, before, `every balance of ${who} but the fee`);
  }
});

test('every block mints the MANA reward to its author, Alice; GHOST cannot be minted', async () => {
  const alice = keyring.addFromUri('//Alice');
  const ghostSupply = async (hash) => (await (await api.at(hash)).query.assets.asset(2)).unwrap().supply.toBigInt();
  const start = await api.rpc.chain.getBlockHash();
  const startNumber = (await api.rpc.chain.getHeader(start)).number.toNumber();
  const blockHash = await waitFor('two more blocks', async () => {
    const header = await api.rpc.chain.getHeader();
    return header.number.toNumber() >= startNumber + 2 && header.hash;
  });

  const events = await (await api.at(blockHash)).query.system.events();
  const reward = events.find(({ event }) => api.events.tokens.AuthorRewarded.is(event));
  assert.ok(reward, 'an AuthorRewarded event in the block');
  assert.equal(reward.event.data.author.toString(), alice.address);
  assert.equal(reward.event.data.amount.toBigInt(), MANA_REWARD_PER_BLOCK);
  const mana = async (hash) => (await freeBalances(alice.address, hash)).MANA;
  assert.equal(await mana(blockHash), (await mana(await parentOf(blockHash))) + MANA_REWARD_PER_BLOCK);

  // The assets pallet exposes no calls, so no origin can mint GHOST; its supply never moves.
  assert.equal(api.tx.assets, undefined);
  assert.equal(await ghostSupply(blockHash), await ghostSupply(start));
});

test('Root (Sudo on a dev chain) changes the MANA reward, from the next block on', async () => {
  const alice = keyring.addFromUri('//Alice');
  const newReward = 2n * UNIT;
  const { blockHash, events, dispatchError } = await sendInBlock(
    api.tx.sudo.sudo(api.tx.tokens.setManaReward(newReward)),
    alice,
  );
  assert.equal(dispatchError, undefined);
  assert.ok(events.some(({ event }) => api.events.tokens.ManaRewardSet.is(event)));
  assert.equal((await (await api.at(blockHash)).query.tokens.manaRewardPerBlock()).toBigInt(), newReward);

  const rewardedNext = await waitFor('a block with the new reward', async () => {
    const hash = await api.rpc.chain.getBlockHash();
    const rewards = (await (await api.at(hash)).query.system.events()).filter(({ event }) =>
      api.events.tokens.AuthorRewarded.is(event),
    );
    return rewards.find(({ event }) => event.data.amount.toBigInt() === newReward);
  });
  assert.ok(rewardedNext);

  // Without Sudo, Alice is an ordinary signer.
  const signed = await sendInBlock(api.tx.tokens.setManaReward(UNIT), alice);
  assert.ok(signed.dispatchError?.isBadOrigin, 'a signed origin is refused');
});
