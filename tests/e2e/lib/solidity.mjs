// Compiles the test contracts with solc-js, as a Hardhat or Foundry project would with solc.

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import solc from 'solc';

const CONTRACTS = new URL('../contracts/', import.meta.url).pathname;

/** Compiles `contracts/<name>.sol`; returns `{ abi, bytecode }` of the contract `<name>`. */
export function compileContract(name) {
  const file = `${name}.sol`;
  const input = {
    language: 'Solidity',
    sources: { [file]: { content: readFileSync(join(CONTRACTS, file), 'utf8') } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const contract = output.contracts[basename(file)][name];
  return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}
