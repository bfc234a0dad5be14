// Compiles the test contracts with solc-js, as a Hardhat or Foundry project would with solc.

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import solc from 'solc';

const CONTRACTS = new URL('../contracts/', import.meta.url).pathname;
/** Imports resolve from the repository root, as `contracts/solidity/ICns.sol`. */
const REPOSITORY = new URL('../../../', import.meta.url).pathname;

function findImports(path) {
  try {
    return { contents: readFileSync(join(REPOSITORY, path), 'utf8') };
  } catch (error) {
    return { error: error.message };
  }
}

/** Compiles `contracts/<name>.sol`; returns `{ abi, bytecode }` of the contract `<name>`. */
export function compileContract(name) {
  return compile(join(CONTRACTS, `${name}.sol`), name);
}

/** The addresses of GhostChain's precompiles, as docs/metamask.md gives them for "Import token". */
export const TOKEN_PRECOMPILES = {
  SPIRIT: '0x0000000000000000000000000000000010010000',
  MANA: '0x0000000000000000000000000000000010020000',
  GHOST: '0x0000000000000000000000000000000010030000',
};
export const CNS_PRECOMPILE = '0x0000000000000000000000000000000020000000';

/** The ABI of the precompile interface `contracts/solidity/<name>.sol` (`IERC20`, `ICns`, `IGid`). */
export function precompileAbi(name) {
  return compile(join(REPOSITORY, 'contracts/solidity', `${name}.sol`), name).abi;
}

function compile(path, name) {
  const file = basename(path);
  const input = {
    language: 'Solidity',
    sources: { [file]: { content: readFileSync(path, 'utf8') } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const contract = output.contracts[file][name];
  return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}
