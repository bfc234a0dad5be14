// SPIRIT, MANA and GHOST as ERC-20s, and CNS from Solidity, on a `--dev` node: what MetaMask,
// ethers and a solc-compiled contract see, checked against what @polkadot/api sees.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { Contract, ContractFactory, Interface, Wallet, getAddress, keccak256, parseUnits, zeroPadValue } from 'ethers';

import { GCC_COIN_TYPE, registerName } from './lib/cns.mjs';
import { devWallet, ethProvider, fallbackAccountId } from './lib/eth.mjs';
import { ORIGINS, standardVote, submitReferendum } from './lib/governance.mjs';
import { connect, rpcCall, startNode } from './lib/node.mjs';
import { CNS_PRECOMPILE, TOKEN_PRECOMPILES, compileContract, precompileAbi } from './lib/solidity.mjs';
import { sendOk } from './lib/tx.mjs';

const UNIT = 10n ** 18n;
const ERC20 = new Interface(precompileAbi('IERC20'));
const GHOST_PAY = compileContract('GhostPay');

describe('ERC-20 and CNS precompiles on a dev chain', () => {
  let node;
  let provider;
  let api;
  let alice;
  let alith;

  const token = (symbol, runner = provider) => new Contract(TOKEN_PRECOMPILES[symbol], ERC20, runner);
  /** What tokens_balances reports as `address`'s free balance of `symbol` at block `number`. */
  const freeOf = async (address, symbol, number) => {
    const at = number === undefined ? [] : [(await api.rpc.chain.getBlockHash(number)).toHex()];
    const { result, error } = await rpcCall(node.rpcUrl, 'tokens_balances', [address, ...at]);
    assert.equal(error, undefined);
    return parseUnits(result[symbol].free, result[symbol].decimals);
  };
  /** Alice's EVM address, the last 20 bytes of keccak-256 of her account id (docs/metamask.md). */
  const aliceAddress = () => getAddress(`0x${keccak256(alice.publicKey).slice(-40)}`);

  before(async () => {
    node = await startNode(['--dev'], { name: 'precompiles', ethRpc: true });
    provider = ethProvider(node);
    api = await connect(node);
    alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    alith = devWallet('alith', provider);
    // Ethereum dev accounts start with GCC only; Alice sends Alith 1,000 of each other token.
    const fund = ['Spirit', 'Mana', 'Ghost'].map((t) => api.tx.tokens.transfer(t, fallbackAccountId(alith.address), 1_000n * UNIT));
    await sendOk(api.tx.utility.batchAll(fund), alice);
  });

  after(async () => {
    provider?.destroy();
    await api?.disconnect();
    await node?.stop();
  });

  test("MetaMask's view: symbol, decimals and balanceOf agree with tokens_balances", async () => {
    // One block for both views: Alice, the dev chain's author, earns MANA every block.
    const blockTag = await provider.getBlockNumber();
    for (const symbol of Object.keys(TOKEN_PRECOMPILES)) {
      const erc20 = token(symbol);
      assert.equal(await erc20.symbol(), symbol);
      assert.equal(await erc20.decimals(), 18n);
      const balanceOf = (address) => erc20.balanceOf(address, { blockTag });
      assert.equal(await balanceOf(alith.address), 1_000n * UNIT, symbol);
      assert.equal(await balanceOf(alith.address), await freeOf(fallbackAccountId(alith.address), symbol, blockTag), symbol);
      assert.equal(await balanceOf(aliceAddress()), await freeOf(alice.address, symbol, blockTag), symbol);
    }
  });

  test('transfer and approve + transferFrom move tokens and log Transfer and Approval', async () => {
    const baltathar = devWallet('baltathar', provider);
    const recipient = Wallet.createRandom().address;
    const mana = token('MANA', alith);

    const sent = await (await mana.transfer(recipient, 5n * UNIT)).wait();
    assert.equal(sent.status, 1);
    const [transferLog] = sent.logs.map((log) => ERC20.parseLog(log));
    assert.equal(transferLog.name, 'Transfer');
    assert.deepEqual([...transferLog.args], [alith.address, recipient, 5n * UNIT]);

    const approved = await (await mana.approve(baltathar.address, 3n * UNIT)).wait();
    const [approvalLog] = approved.logs.map((log) => ERC20.parseLog(log));
    assert.equal(approvalLog.name, 'Approval');
    assert.deepEqual([...approvalLog.args], [alith.address, baltathar.address, 3n * UNIT]);
    assert.equal(await mana.allowance(alith.address, baltathar.address), 3n * UNIT);

    const spent = await (await token('MANA', baltathar).transferFrom(alith.address, recipient, 2n * UNIT)).wait();
    assert.equal(spent.status, 1);
    assert.equal(await mana.allowance(alith.address, baltathar.address), UNIT);

    // eth_getLogs finds both transfers to the recipient, in their transactions.
    const logs = await provider.getLogs({
      address: TOKEN_PRECOMPILES.MANA,
      topics: [ERC20.getEvent('Transfer').topicHash, null, zeroPadValue(recipient, 32)],
      fromBlock: 0,
      toBlock: 'latest',
    });
    assert.deepEqual(logs.map((log) => log.transactionHash), [sent.hash, spent.hash]);

    // Polkadot.js sees the same balances.
    assert.equal(await freeOf(fallbackAccountId(recipient), 'MANA'), 7n * UNIT);
    assert.equal(await freeOf(fallbackAccountId(alith.address), 'MANA'), 993n * UNIT);
    assert.equal(await mana.balanceOf(recipient), 7n * UNIT);
  });

  test('refused with a revert reason and no state change: over the balance, over the allowance', async () => {
    const dorothy = devWallet('dorothy', provider);
    const ghost = token('GHOST', alith);
    const before = await ghost.balanceOf(alith.address);
    const reason = (expected) => (error) => error.reason === expected;

    await assert.rejects(ghost.transfer(dorothy.address, before + 1n), reason('ERC20: transfer amount exceeds balance'));
    await assert.rejects(
      token('GHOST', dorothy).transferFrom(alith.address, dorothy.address, 1n),
      reason('ERC20: insufficient allowance'),
    );
    assert.equal(await ghost.balanceOf(alith.address), before);
    assert.equal(await ghost.balanceOf(dorothy.address), 0n);
  });

  test('SPIRIT locked by a conviction vote cannot be sent through the ERC-20', async () => {
    const remark = api.tx.system.remark('0x00');
    const { index } = await submitReferendum(api, alice, ORIGINS.root, remark);
    const free = await freeOf(alice.address, 'SPIRIT');
    const locked = free - 10n * UNIT;
    await sendOk(api.tx.convictionVoting.vote(index, standardVote(true, 'Locked1x', locked)), alice);

    const from = aliceAddress();
    const spirit = token('SPIRIT');
    const transfer = (value) => provider.call({ from, to: TOKEN_PRECOMPILES.SPIRIT, data: ERC20.encodeFunctionData('transfer', [alith.address, value]) });
    await assert.rejects(transfer(10n * UNIT + 1n), (e) => e.reason === 'ERC20: transfer amount exceeds balance');
    // What the lock leaves is still free to move.
    assert.equal(ERC20.decodeFunctionResult('transfer', await transfer(10n * UNIT))[0], true);
    assert.equal(await spirit.balanceOf(from), free);
  });

  test('no route mints GHOST: the ERC-20 has no mint, and the assets pallet no call Root could dispatch', async () => {
    const ghost = token('GHOST');
    const supply = await ghost.totalSupply();
    const mint = new Interface(['function mint(address to, uint256 amount)']).encodeFunctionData('mint', [alith.address, UNIT]);
    await assert.rejects(provider.call({ from: alith.address, to: TOKEN_PRECOMPILES.GHOST, data: mint }));
    await assert.rejects(alith.sendTransaction({ to: TOKEN_PRECOMPILES.GHOST, data: mint, gasLimit: 5_000_000n }).then((tx) => tx.wait()));
    // The assets pallet has no calls at all, so sudo has none to dispatch.
    assert.equal(api.tx.assets, undefined);
    assert.equal(await ghost.totalSupply(), supply);
  });

  test('a Solidity contract resolves alice.ghost through CNS and pays her in MANA, in one transaction', async () => {
    await registerName(api, alice, 'alice.ghost');
    const payee = Wallet.createRandom().address;
    await sendOk(api.tx.cns.setAddress('alice.ghost', GCC_COIN_TYPE, payee), alice);

    const factory = new ContractFactory(GHOST_PAY.abi, GHOST_PAY.bytecode, alith);
    const ghostPay = await factory.deploy();
    await ghostPay.waitForDeployment();
    const payAddress = await ghostPay.getAddress();
    await (await token('MANA', alith).approve(payAddress, 4n * UNIT)).wait();

    const paid = await (await ghostPay.pay(TOKEN_PRECOMPILES.MANA, 'alice.ghost', 4n * UNIT)).wait();
    assert.equal(paid.status, 1);
    assert.equal(await token('MANA').balanceOf(payee), 4n * UNIT);
    assert.equal(await freeOf(fallbackAccountId(payee), 'MANA'), 4n * UNIT);
    const logged = paid.logs.filter((log) => log.address === TOKEN_PRECOMPILES.MANA).map((log) => ERC20.parseLog(log));
    assert.deepEqual([...logged[0].args], [alith.address, payee, 4n * UNIT]);

    // A bad name reverts the whole payment with CNS's reason; a delegate call is refused.
    await assert.rejects(ghostPay.pay(TOKEN_PRECOMPILES.MANA, 'Alice.ghost', 1n), (e) => e.reason === 'CNS: malformed name');
    await assert.rejects(
      ghostPay.delegateTransfer.staticCall(TOKEN_PRECOMPILES.MANA, payee, 1n),
      (e) => e.reason === 'precompiles cannot be delegate called',
    );
  });

  test('eth_call of resolve on a malformed name returns the revert reason', async () => {
    const cns = new Contract(CNS_PRECOMPILE, precompileAbi('ICns'), provider);
    await assert.rejects(cns.resolve('Not A Name'), (e) => e.reason === 'CNS: malformed name');
    await assert.rejects(cns.resolve('nobody.ghost'), (e) => e.reason === 'CNS: unknown name');
    assert.equal(await cns.owner('alice.ghost'), aliceAddress());
  });
});
