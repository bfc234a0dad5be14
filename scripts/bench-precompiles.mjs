#!/usr/bin/env node
// Gas and weight of the precompiles' hot calls: starts a --dev node (the release build) with its
// Ethereum RPC, gives Alith MANA, registers alice.ghost with a GCC address record, deploys the
// Solidity ERC-20 of the end-to-end tests for comparison, and for each call reports
//
//   gas      what eth_estimateGas quotes Alith (MetaMask's number; it includes the
//            transaction's length fee and any storage deposit)
//   weight   what a dry run (ReviveApi_call, in the runtime's WASM) consumed and required
//
//   node scripts/bench-precompiles.mjs

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { ContractFactory, Interface, Wallet } from 'ethers';

import { GCC_COIN_TYPE, registerName } from '../tests/e2e/lib/cns.mjs';
import { devWallet, ethProvider, fallbackAccountId } from '../tests/e2e/lib/eth.mjs';
import { connect, startNode } from '../tests/e2e/lib/node.mjs';
import { CNS_PRECOMPILE, TOKEN_PRECOMPILES, compileContract, precompileAbi } from '../tests/e2e/lib/solidity.mjs';
import { sendOk } from '../tests/e2e/lib/tx.mjs';

const UNIT = 10n ** 18n;
const MANA = TOKEN_PRECOMPILES.MANA;

await cryptoWaitReady();
const node = await startNode(['--dev'], { name: 'bench-precompiles', ethRpc: true });
const provider = ethProvider(node);
const api = await connect(node);
try {
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const alith = devWallet('alith', provider);
  await sendOk(api.tx.tokens.transfer('Mana', fallbackAccountId(alith.address), 1_000n * UNIT), alice);
  await registerName(api, alice, 'alice.ghost');
  await sendOk(api.tx.cns.setAddress('alice.ghost', GCC_COIN_TYPE, Wallet.createRandom().address), alice);
  const solidity = compileContract('GhostToken');
  const deployed = await new ContractFactory(solidity.abi, solidity.bytecode, alith).deploy('Solidity', 'SOL', 1_000_000n * UNIT);
  await deployed.waitForDeployment();

  const erc20 = new Interface(precompileAbi('IERC20'));
  const cns = new Interface(precompileAbi('ICns'));
  const recipient = Wallet.createRandom().address;
  const cases = [
    ['MANA precompile', 'balanceOf', MANA, erc20.encodeFunctionData('balanceOf', [alith.address])],
    ['MANA precompile', 'transfer', MANA, erc20.encodeFunctionData('transfer', [recipient, UNIT])],
    ['CNS precompile', 'resolve("alice.ghost")', CNS_PRECOMPILE, cns.encodeFunctionData('resolve', ['alice.ghost'])],
    ['Solidity ERC-20', 'balanceOf', await deployed.getAddress(), erc20.encodeFunctionData('balanceOf', [alith.address])],
    ['Solidity ERC-20', 'transfer', await deployed.getAddress(), erc20.encodeFunctionData('transfer', [recipient, UNIT])],
  ];

  const number = (value) => value.toLocaleString('en');
  console.log('| contract | call | gas (eth_estimateGas) | weight consumed: ref time, proof size | weight required |');
  console.log('|---|---|---|---|---|');
  for (const [contract, call, to, data] of cases) {
    const gas = await provider.estimateGas({ from: alith.address, to, data });
    const dryRun = await api.call.reviveApi.call(fallbackAccountId(alith.address), to, 0, null, null, data);
    if (!dryRun.result.isOk) throw new Error(`${contract} ${call}: ${dryRun.result.toString()}`);
    const weight = ({ refTime, proofSize }) => `${number(refTime.toBigInt())} ps, ${number(proofSize.toBigInt())} B`;
    console.log(`| ${contract} | ${call} | ${number(gas)} | ${weight(dryRun.weightConsumed)} | ${weight(dryRun.weightRequired)} |`);
  }
} finally {
  provider.destroy();
  await api.disconnect();
  await node.stop();
}
