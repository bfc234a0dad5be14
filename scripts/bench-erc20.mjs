#!/usr/bin/env node
// ERC-20 transfers per second: starts a --dev node (the release build), deploys GhostToken,
// funds several senders, then submits a burst of signed transfers through the Ethereum RPC and
// measures from the first submission until every transfer is in a block.
//
//   node scripts/bench-erc20.mjs [transfers=600] [senders=6]

import { cpus } from 'node:os';

import { ContractFactory, Wallet, parseEther, toQuantity } from 'ethers';

import { CHAIN_ID, devWallet, ethProvider } from '../tests/e2e/lib/eth.mjs';
import { startNode } from '../tests/e2e/lib/node.mjs';
import { compileContract } from '../tests/e2e/lib/solidity.mjs';

const transfers = Number(process.argv[2] ?? 600);
const senderCount = Number(process.argv[3] ?? 6);
const perSender = Math.ceil(transfers / senderCount);

const node = await startNode(['--dev'], { name: 'bench', ethRpc: true });
const provider = ethProvider(node);
try {
  const alith = devWallet('alith', provider);
  const { abi, bytecode } = compileContract('GhostToken');
  const token = await new ContractFactory(abi, bytecode, alith).deploy('Ghost Token', 'GHOST', 10n ** 27n);
  await token.waitForDeployment();

  // Senders get GCC for gas and tokens to send; recipients already hold tokens, so every
  // transfer updates two existing balances, as most transfers on a live token do.
  const senders = Array.from({ length: senderCount }, () => Wallet.createRandom().connect(provider));
  const recipients = Array.from({ length: 4 }, () => Wallet.createRandom().address);
  let nonce = await provider.getTransactionCount(alith.address, 'pending');
  const setup = [];
  for (const sender of senders) {
    setup.push(await alith.sendTransaction({ to: sender.address, value: parseEther('100'), nonce: nonce++ }));
    setup.push(await token.transfer(sender.address, 10n ** 24n, { nonce: nonce++ }));
  }
  for (const recipient of recipients) setup.push(await token.transfer(recipient, 1n, { nonce: nonce++ }));
  await Promise.all(setup.map((tx) => tx.wait()));

  const { gasPrice } = await provider.getFeeData();
  const estimatedGas = await token.connect(senders[0]).transfer.estimateGas(recipients[0], 1n);
  const gasLimit = (estimatedGas * 12n) / 10n;
  const signed = [];
  for (const sender of senders) {
    const asSender = token.connect(sender);
    for (let i = 0; i < perSender; i++) {
      const request = await asSender.transfer.populateTransaction(recipients[i % recipients.length], 1n);
      signed.push(
        await sender.signTransaction({
          ...request,
          nonce: i,
          gasLimit,
          gasPrice,
          type: 0,
          chainId: CHAIN_ID,
        }),
      );
    }
  }

  const firstBlock = await provider.getBlockNumber();
  const started = performance.now();
  const hashes = await Promise.all(signed.map((raw) => provider.send('eth_sendRawTransaction', [raw])));
  const submitted = performance.now();

  // Watch new blocks, not receipts one by one, so the clock stops when the last one lands.
  const pending = new Set(hashes);
  const blocks = [];
  let seen = firstBlock;
  while (pending.size) {
    const head = await provider.getBlockNumber();
    for (let number = seen + 1; number <= head; number++) {
      const { transactions } = await provider.send('eth_getBlockByNumber', [toQuantity(number), false]);
      const ours = transactions.filter((hash) => pending.delete(hash)).length;
      blocks.push({ block: number - firstBlock, transfers: ours, atSeconds: Number(((performance.now() - started) / 1000).toFixed(2)) });
    }
    seen = head;
    if (pending.size) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const failed = (await Promise.all(hashes.map((hash) => provider.getTransactionReceipt(hash)))).filter(
    (receipt) => receipt.status !== 1,
  );
  if (failed.length) throw new Error(`${failed.length} transfers failed`);

  console.log(
    JSON.stringify(
      {
        transfers: signed.length,
        senders: senderCount,
        submitSeconds: Number(((submitted - started) / 1000).toFixed(2)),
        seconds: Number(seconds.toFixed(2)),
        transfersPerSecond: Number((signed.length / seconds).toFixed(1)),
        blocks,
        estimatedGasPerTransfer: estimatedGas.toString(),
        machine: `${cpus().length} × ${cpus()[0].model}`,
      },
      null,
      2,
    ),
  );
} finally {
  provider.destroy();
  await node.stop();
}
