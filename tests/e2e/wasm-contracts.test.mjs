// WASM contracts (pallet-contracts) on a --dev node, deployed and called with
// @polkadot/api-contract as Polkadot.js Apps' Contracts page does, next to Solidity on Revive.
// The contracts are contracts/wasm's WAT sources, built here with wabt.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { ContractFactory, dataSlice, keccak256 } from 'ethers';

import { registerName } from './lib/cns.mjs';
import { devWallet, ethProvider } from './lib/eth.mjs';
import { connect, startNode } from './lib/node.mjs';
import { compileContract } from './lib/solidity.mjs';
import { dispatchErrorName, feePaidBy, freeBalanceAt, sendInBlock, sendOk } from './lib/tx.mjs';
import { buildContract, deployContract, execute, limitsFrom, query, read, reverted } from './lib/wasm-contracts.mjs';

const GCC = 10n ** 18n;

/**
 * The sum of `field` over the events of `kind` (`api.events.section.Name`) in `events` whose
 * account `role` (`from`, `to`, `uploader`, …) is `who`.
 */
function amountOf(events, kind, role, who, field = 'amount') {
  return events
    .filter(({ event }) => kind.is(event) && event.data[role].toString() === who)
    .reduce((sum, { event }) => sum + event.data[field].toBigInt(), 0n);
}

/** The free balance of `token` (`Gcc`, `Mana`, …) that the tokens runtime API reports for `who`, at block `at` (default: the best). */
async function tokenBalance(api, token, who, at) {
  const balances = await (at ? await api.at(at) : api).call.tokensApi.balances(who);
  return balances.find((balance) => balance.token.type === token).free.toBigInt();
}

/** The MANA that block `blockHash` rewarded its author `who` with (tokens.AuthorRewarded). */
async function manaRewarded(api, blockHash, who) {
  const events = await (await api.at(blockHash)).query.system.events();
  return amountOf(events, api.events.tokens.AuthorRewarded, 'author', who);
}

describe('WASM contracts on a dev chain', () => {
  let node;
  let api;
  let provider;
  let alice;
  let bob;
  let charlie;

  before(async () => {
    node = await startNode(['--dev'], { name: 'wasm-contracts', ethRpc: true });
    api = await connect(node);
    provider = ethProvider(node);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
  });

  after(async () => {
    provider?.destroy();
    await api?.disconnect();
    await node?.stop();
  });

  test('a token contract changes state, answers dry runs, and refunds its deposit on terminate', async () => {
    const before = await freeBalanceAt(api, await api.rpc.chain.getBlockHash(), alice.address);
    const { contract, blockHash, events } = await deployContract(api, alice, 'token', [1_000n]);
    const afterDeploy = await freeBalanceAt(api, blockHash, alice.address);
    const { contracts: deposits, balances } = api.events;
    const held = amountOf(events, deposits.StorageDepositTransferredAndHeld, 'from', alice.address);
    const codeDeposit = amountOf(events, deposits.CodeStored, 'uploader', alice.address, 'depositHeld');
    assert.ok(held > 0n && codeDeposit > 0n, 'instantiation holds a contract and a code deposit');
    assert.equal(
      before - afterDeploy,
      feePaidBy(api, events, alice.address) + held + codeDeposit + amountOf(events, balances.Transfer, 'from', alice.address),
      'the deployer pays the fee, the deposits and the contract account\'s existential deposit, nothing else',
    );
    const info = await api.query.contracts.contractInfoOf(contract.address);
    assert.ok(info.isSome, 'Contracts knows the contract');

    const balanceOf = async (who) => (await read(contract, charlie, 'balanceOf', who.address)).toBigInt();
    assert.equal(await balanceOf(alice), 1_000n);
    // Bob's new balance is a storage item: its deposit is held from Alice, who calls.
    const transferred = await execute(contract, alice, 'transfer', bob.address, 300n);
    const heldForBob = amountOf(transferred.events, deposits.StorageDepositTransferredAndHeld, 'from', alice.address);
    assert.ok(heldForBob > 0n);
    assert.deepEqual([await balanceOf(alice), await balanceOf(bob)], [700n, 300n]);

    const { result, output } = await query(contract, alice, 'transfer', bob.address, 701n);
    assert.ok(reverted(result), 'transferring more than one holds reverts');
    assert.equal(output.asOk.asErr.type, 'InsufficientBalance');

    const beforeTerminate = await freeBalanceAt(api, await api.rpc.chain.getBlockHash(), alice.address);
    const terminated = await execute(contract, alice, 'terminate');
    const released = amountOf(terminated.events, deposits.StorageDepositTransferredAndReleased, 'to', alice.address);
    assert.equal(released, held + heldForBob, 'terminate releases every deposit the contract holds');
    assert.equal(
      await freeBalanceAt(api, terminated.blockHash, alice.address),
      beforeTerminate -
        feePaidBy(api, terminated.events, alice.address) +
        released +
        amountOf(terminated.events, balances.Transfer, 'to', alice.address),
    );
    assert.ok((await api.query.contracts.contractInfoOf(contract.address)).isNone, 'the contract is gone');
  });

  test('a contract resolves alice.ghost through the chain extension and pays its owner from its own balance', async () => {
    await registerName(api, alice, 'alice.ghost');
    const { contract } = await deployContract(api, charlie, 'ghost_pay', [], 10n * GCC);
    await sendOk(api.tx.tokens.transfer('Mana', contract.address, 5n * GCC), bob);

    const resolved = await read(contract, bob, 'resolve', 'alice.ghost');
    assert.equal(resolved.asOk.toString(), alice.address);

    for (const [token, amount] of [['Mana', 2n * GCC], ['Gcc', 3n * GCC]]) {
      const { blockHash, events } = await execute(contract, bob, 'pay', 'alice.ghost', token, amount);
      const { parentHash } = await api.rpc.chain.getHeader(blockHash);
      const change = async (who) =>
        (await tokenBalance(api, token, who, blockHash)) - (await tokenBalance(api, token, who, parentHash));
      // Alice authors the dev chain's blocks, which reward her in MANA.
      const reward = token === 'Mana' ? await manaRewarded(api, blockHash, alice.address) : 0n;
      const callerFee = token === 'Gcc' ? feePaidBy(api, events, bob.address) : 0n;
      assert.equal((await change(alice.address)) - reward, amount, `${token}: the owner gets it`);
      assert.equal(await change(contract.address), -amount, `${token}: from the contract`);
      assert.equal(await change(bob.address), -callerFee, `${token}: the caller pays only the fee`);
      const own = await read(contract, bob, 'balance', token);
      assert.equal(own.asOk.toBigInt(), await tokenBalance(api, token, contract.address));
    }
  });

  describe('bad paths: a clear error and no change but the fee', () => {
    let pay;

    before(async () => {
      ({ contract: pay } = await deployContract(api, charlie, 'ghost_pay', [], 10n * GCC));
    });

    /** Sends `message` as `signer` with `limits`; asserts it fails with `error` and changes only the fee. */
    async function assertFailsWithOnlyTheFee(tx, signer, error) {
      const watched = [signer.address, pay.address, alice.address];
      const before = await Promise.all(watched.map((who) => tokenBalance(api, 'Gcc', who)));
      const { events, dispatchError } = await sendInBlock(tx, signer);
      assert.equal(dispatchErrorName(api.registry, dispatchError), error);
      const fee = feePaidBy(api, events, signer.address);
      const after = await Promise.all(watched.map((who) => tokenBalance(api, 'Gcc', who)));
      assert.deepEqual(after, [before[0] - fee, before[1], before[2]]);
    }

    for (const [what, name, amount, error] of [
      ['a malformed name', 'Alice..ghost', GCC, 'MalformedName'],
      ['an unregistered name', 'nobody-here.ghost', GCC, 'UnknownName'],
      ['a transfer above the contract\'s balance', 'alice.ghost', 11n * GCC, 'InsufficientBalance'],
    ]) {
      test(`${what} reverts with ${error}`, async () => {
        const dryRun = await query(pay, bob, 'pay', name, 'Gcc', amount);
        assert.ok(reverted(dryRun.result));
        assert.equal(dryRun.output.asOk.asErr.type, error);
        await assertFailsWithOnlyTheFee(pay.tx.pay(limitsFrom(api, dryRun), name, 'Gcc', amount), bob, 'contracts.ContractReverted');
      });
    }

    test('a gas limit below what the call needs runs out of gas', async () => {
      const dryRun = await query(pay, bob, 'resolve', 'alice.ghost');
      const limits = limitsFrom(api, dryRun);
      limits.gasLimit = api.registry.createType('WeightV2', {
        refTime: dryRun.gasRequired.refTime.toBigInt() / 2n,
        proofSize: dryRun.gasRequired.proofSize.toBigInt(),
      });
      await assertFailsWithOnlyTheFee(pay.tx.resolve(limits, 'alice.ghost'), bob, 'contracts.OutOfGas');
    });

    test('a trap inside the contract', async () => {
      const dryRun = await query(pay, bob, 'fail');
      assert.ok(dryRun.result.isErr);
      assert.equal(dispatchErrorName(api.registry, dryRun.result.asErr), 'contracts.ContractTrapped');
      const limits = limitsFrom(api, dryRun);
      await assertFailsWithOnlyTheFee(pay.tx.fail(limits), bob, 'contracts.ContractTrapped');
    });

    test('code larger than the limit is refused at upload', async () => {
      const maxCodeLen = api.consts.contracts.maxCodeLen.toNumber();
      const valid = buildContract('token');
      // A custom section (id 0, empty name) pads the valid module past the limit.
      const padding = maxCodeLen + 1 - valid.length;
      const size = padding + 1;
      const leb128 = [];
      for (let rest = size; ; rest >>>= 7) {
        if (rest < 0x80) { leb128.push(rest); break; }
        leb128.push((rest & 0x7f) | 0x80);
      }
      const oversized = new Uint8Array([...valid, 0, ...leb128, 0, ...new Uint8Array(padding)]);
      assert.ok(oversized.length > maxCodeLen);
      await assertFailsWithOnlyTheFee(
        api.tx.contracts.uploadCode(u8aToHex(oversized), null, 'Enforced'),
        bob,
        'contracts.CodeTooLarge',
      );
    });
  });

  test('Solidity on Revive and WASM on Contracts live side by side, each visible to its own tooling', async () => {
    const { contract: wasmToken } = await deployContract(api, alice, 'token', [500n]);
    const solidity = compileContract('GhostToken');
    const baltathar = devWallet('baltathar', provider);
    const erc20 = await new ContractFactory(solidity.abi, solidity.bytecode, baltathar).deploy('Side', 'SIDE', 1_000n);
    await erc20.deploymentTransaction().wait();
    const erc20Address = await erc20.getAddress();

    // Each VM's own tooling sees its contract, and only its contract.
    assert.notEqual(await provider.getCode(erc20Address), '0x', 'ethers sees the Solidity contract');
    assert.ok((await api.query.contracts.contractInfoOf(wasmToken.address)).isSome, 'Contracts sees the WASM contract');
    // Revive's address of a native account: the last 20 bytes of the keccak-256 of its id.
    const wasmAsEth = dataSlice(keccak256(api.createType('AccountId32', wasmToken.address).toU8a()), 12);
    assert.equal(await provider.getCode(wasmAsEth), '0x', 'the WASM contract is no EVM contract');

    // Using one changes nothing in the other.
    await execute(wasmToken, alice, 'transfer', bob.address, 200n);
    assert.equal(await erc20.balanceOf(baltathar.address), 1_000n);
    await (await erc20.transfer(devWallet('charleth', provider).address, 10n)).wait();
    assert.equal((await read(wasmToken, charlie, 'balanceOf', alice.address)).toBigInt(), 300n);
    assert.equal((await read(wasmToken, charlie, 'balanceOf', bob.address)).toBigInt(), 200n);
  });
});
