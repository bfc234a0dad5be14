// The Ethereum JSON-RPC endpoint of a `--dev` node, driven by ethers v6 as a dapp would, and
// the same contracts reached from a Substrate account through @polkadot/api.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { ContractFactory, Interface, Wallet, getBigInt, keccak256, parseEther, zeroPadValue } from 'ethers';

import { CHAIN_ID, devWallet, ethProvider, fallbackAccountId } from './lib/eth.mjs';
import { connect, listening, startNode, waitFor } from './lib/node.mjs';
import { compileContract } from './lib/solidity.mjs';
import { freeBalanceAt, sendInBlock } from './lib/tx.mjs';

const GCC = 10n ** 18n;
const TOKEN = compileContract('GhostToken');
const TRANSFER_TOPIC = new Interface(TOKEN.abi).getEvent('Transfer').topicHash;

/** What `address` holds and its next nonce, as of the latest block. */
async function accountState(provider, address) {
  return {
    balance: await provider.getBalance(address, 'latest'),
    nonce: await provider.getTransactionCount(address, 'pending'),
  };
}

/** Waits for two more blocks: anything the pool had accepted is in one of them by then. */
async function waitTwoBlocks(provider) {
  const start = await provider.getBlockNumber();
  await waitFor('two more blocks', async () => (await provider.getBlockNumber()) >= start + 2, 30_000);
}

/**
 * Broadcasts `signed`, expects the node to refuse it, and checks two blocks later that the
 * sender's balance and nonce are what they were.
 */
async function assertRefusedWithoutEffect(provider, sender, signed) {
  const before = await accountState(provider, sender);
  await assert.rejects(provider.broadcastTransaction(signed));
  await waitTwoBlocks(provider);
  assert.deepEqual(await accountState(provider, sender), before);
}

describe('Ethereum JSON-RPC on a dev chain', () => {
  let node;
  let provider;
  let api;
  let token;

  /** The Substrate hash of block `number`; Ethereum block numbers are Substrate's. */
  const substrateHash = (number) => api.rpc.chain.getBlockHash(number);

  before(async () => {
    node = await startNode(['--dev'], { name: 'eth-dev', ethRpc: true });
    provider = ethProvider(node);
    api = await connect(node);
  });

  after(async () => {
    provider?.destroy();
    await api?.disconnect();
    await node?.stop();
  });

  test('reports the documented chain id, and its block number advances', async () => {
    assert.equal(await provider.send('eth_chainId', []), `0x${CHAIN_ID.toString(16)}`);
    assert.equal(await provider.send('net_version', []), CHAIN_ID.toString());
    assert.equal((await provider.getNetwork()).chainId, CHAIN_ID);

    const first = await provider.getBlockNumber();
    await waitFor('eth_blockNumber to advance', async () => (await provider.getBlockNumber()) > first, 30_000);
  });

  test('eth_getBalance shows the GCC balance Polkadot.js shows, less the existential deposit', async () => {
    const alith = devWallet('alith', provider).address;
    const number = await provider.getBlockNumber();
    const ethBalance = await provider.getBalance(alith, number);
    const free = await freeBalanceAt(api, await substrateHash(number), fallbackAccountId(alith));
    const existentialDeposit = api.consts.balances.existentialDeposit.toBigInt();
    // One planck is one wei; pallet-revive reports what the account can spend and stay alive.
    assert.equal(free, 1_000_000n * GCC);
    assert.equal(existentialDeposit, GCC / 1000n);
    assert.equal(ethBalance, free - existentialDeposit);
  });

  test('a native transfer to a fresh address moves value and charges gas', async () => {
    const alith = devWallet('alith', provider);
    const recipient = Wallet.createRandom().address;
    const value = parseEther('12.5');
    const nonceBefore = await provider.getTransactionCount(alith.address, 'pending');

    const tx = await alith.sendTransaction({ to: recipient, value });
    const receipt = await tx.wait();

    assert.equal(receipt.status, 1);
    const before = await provider.getBalance(alith.address, receipt.blockNumber - 1);
    const after = await provider.getBalance(alith.address, receipt.blockNumber);
    assert.ok(receipt.fee > 0n);
    assert.equal(before - after, value + receipt.fee);
    // The sender also paid the new account's existential deposit, which Polkadot.js counts and
    // the Ethereum view leaves out.
    assert.equal(await provider.getBalance(recipient, receipt.blockNumber), value);
    const existentialDeposit = api.consts.balances.existentialDeposit.toBigInt();
    const free = await freeBalanceAt(api, await substrateHash(receipt.blockNumber), fallbackAccountId(recipient));
    assert.equal(free, value + existentialDeposit);
    assert.equal(await provider.getTransactionCount(alith.address, 'pending'), nonceBefore + 1);
  });

  test('an ERC-20 deploys, transfers, answers eth_call and logs Transfer', async () => {
    const baltathar = devWallet('baltathar', provider);
    const factory = new ContractFactory(TOKEN.abi, TOKEN.bytecode, baltathar);
    token = await factory.deploy('Ghost Token', 'GHOST', 1_000_000n * GCC);
    const deployment = await token.deploymentTransaction().wait();
    assert.equal(deployment.status, 1);
    const tokenAddress = await token.getAddress();
    assert.equal(deployment.contractAddress, tokenAddress);
    assert.notEqual(await provider.getCode(tokenAddress), '0x');
    assert.equal(await token.symbol(), 'GHOST');

    const recipient = Wallet.createRandom().address;
    const receipt = await (await token.transfer(recipient, 1_000n)).wait();
    assert.equal(receipt.status, 1);
    assert.equal(await token.balanceOf(recipient), 1_000n);
    assert.equal(await token.balanceOf(baltathar.address), 1_000_000n * GCC - 1_000n);

    const [logged] = receipt.logs.map((log) => token.interface.parseLog(log));
    assert.equal(logged.name, 'Transfer');
    assert.deepEqual([...logged.args], [baltathar.address, recipient, 1_000n]);

    const filtered = await provider.getLogs({
      address: tokenAddress,
      topics: [TRANSFER_TOPIC, null, zeroPadValue(recipient, 32)],
      fromBlock: 0,
      toBlock: 'latest',
    });
    assert.equal(filtered.length, 1);
    assert.equal(filtered[0].transactionHash, receipt.hash);
    assert.equal(getBigInt(filtered[0].data), 1_000n);
  });

  test('a transaction sent with the gas eth_estimateGas returned succeeds', async () => {
    const recipient = Wallet.createRandom().address;
    const estimate = await token.transfer.estimateGas(recipient, 5n);
    assert.ok(estimate > 0n);
    const receipt = await (await token.transfer(recipient, 5n, { gasLimit: estimate })).wait();
    assert.equal(receipt.status, 1);
    assert.ok(receipt.gasUsed <= estimate, `used ${receipt.gasUsed} > estimated ${estimate}`);
    assert.equal(await token.balanceOf(recipient), 5n);
  });

  test('a reverting call surfaces its revert reason to ethers', async () => {
    const dorothy = devWallet('dorothy', provider);
    const reason = 'GhostToken: transfer amount exceeds balance';
    const asDorothy = token.connect(dorothy);
    const before = await accountState(provider, dorothy.address);

    await assert.rejects(asDorothy.transfer.staticCall(dorothy.address, 1n), (e) => e.reason === reason);
    // Sending estimates gas first, which reverts with the same reason; nothing is sent.
    await assert.rejects(asDorothy.transfer(dorothy.address, 1n), (e) => e.reason === reason);

    await waitTwoBlocks(provider);
    assert.deepEqual(await accountState(provider, dorothy.address), before);
  });

  test('a replayed raw transaction is rejected and changes nothing', async () => {
    const charleth = devWallet('charleth', provider);
    const signed = await charleth.signTransaction(
      await charleth.populateTransaction({ to: Wallet.createRandom().address, value: GCC }),
    );
    const receipt = await (await provider.broadcastTransaction(signed)).wait();
    assert.equal(receipt.status, 1);

    await assertRefusedWithoutEffect(provider, charleth.address, signed);
  });

  test('a transaction signed for another chain id is rejected and changes nothing', async () => {
    const charleth = devWallet('charleth', provider);
    const request = await charleth.populateTransaction({ to: Wallet.createRandom().address, value: GCC });
    const signed = await charleth.signTransaction({ ...request, chainId: 1n });

    await assertRefusedWithoutEffect(provider, charleth.address, signed);
  });

  test('a transaction whose fee exceeds the balance is rejected and changes nothing', async () => {
    const ethan = devWallet('ethan', provider);
    const poor = Wallet.createRandom().connect(provider);
    // Enough to exist (the existential deposit is 0.001 GCC) but not to pay a transfer's fee.
    await (await ethan.sendTransaction({ to: poor.address, value: parseEther('0.0005') })).wait();

    const { gasPrice } = await provider.getFeeData();
    const gasLimit = await provider.estimateGas({ from: ethan.address, to: ethan.address, value: 1n });
    assert.ok(gasLimit * gasPrice > parseEther('0.0005'), `fee ${gasLimit * gasPrice} is affordable`);
    const signed = await poor.signTransaction({
      to: ethan.address,
      value: 1n,
      nonce: 0,
      gasLimit,
      gasPrice,
      type: 0,
      chainId: CHAIN_ID,
    });
    assert.deepEqual(await accountState(provider, poor.address), { balance: parseEther('0.0005'), nonce: 0 });

    await assertRefusedWithoutEffect(provider, poor.address, signed);
  });

  test('a Substrate account maps its address and calls the ERC-20 through revive.call', async () => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    const alice = keyring.addFromUri('//Alice');
    const holder = keyring.addFromUri(mnemonicGenerate());
    const holderAddress = `0x${keccak256(holder.publicKey).slice(-40)}`;
    const recipient = Wallet.createRandom().address;
    const tokenAddress = await token.getAddress();

    const funded = await sendInBlock(api.tx.balances.transferKeepAlive(holder.address, 10n * GCC), alice);
    assert.equal(funded.dispatchError, undefined);
    const mapped = await sendInBlock(api.tx.revive.mapAccount(), holder);
    assert.equal(mapped.dispatchError, undefined);
    const original = await api.query.revive.originalAccount(holderAddress);
    assert.equal(original.unwrap().toString(), holder.address);

    await (await token.transfer(holderAddress, 500n)).wait();

    const data = token.interface.encodeFunctionData('transfer', [recipient, 200n]);
    const dryRun = await api.call.reviveApi.call(holder.address, tokenAddress, 0, null, null, data);
    assert.ok(dryRun.result.isOk, `dry run failed: ${dryRun.result.toString()}`);
    const called = await sendInBlock(
      api.tx.revive.call(tokenAddress, 0, dryRun.weightRequired, GCC, data),
      holder,
    );
    assert.equal(called.dispatchError, undefined);

    assert.equal(await token.balanceOf(recipient), 200n);
    assert.equal(await token.balanceOf(holderAddress), 300n);
  });

  test('the Ethereum RPC server stops with the node', async () => {
    await node.stop();
    await waitFor('the Ethereum RPC port to close', async () => !(await listening(node.ethRpcUrl)), 20_000);
  });
});

test('the Ethereum RPC server exits when its node is killed outright', async () => {
  const node = await startNode(['--dev'], { name: 'eth-dev-killed', ethRpc: true });
  await node.kill();
  await waitFor('the Ethereum RPC port to close', async () => !(await listening(node.ethRpcUrl)), 20_000);
});
