// Builds the WASM contracts of contracts/wasm from their WAT source with wabt (the
// WebAssembly Binary Toolkit, from npm) and deploys and calls them with @polkadot/api-contract,
// as a Polkadot.js user would an ink! contract.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { Abi, CodePromise, ContractPromise } from '@polkadot/api-contract';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import initWabt from 'wabt';

import { sendOk } from './tx.mjs';

const CONTRACTS = new URL('../../../contracts/wasm/', import.meta.url).pathname;
const wabt = await initWabt();

/** The WASM of `contracts/wasm/<name>.wat`, as a Uint8Array (pass it to `Bytes` arguments as hex). */
export function buildContract(name) {
  const file = `${name}.wat`;
  const module = wabt.parseWat(file, readFileSync(CONTRACTS + file, 'utf8'));
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** The ABI of `contracts/wasm/<name>.json`, with the hash of `wasm` as its source, as cargo-contract writes it. */
export function contractAbi(api, name, wasm) {
  const json = JSON.parse(readFileSync(`${CONTRACTS}${name}.json`, 'utf8'));
  json.source = { ...json.source, hash: blake2AsHex(wasm, 256), wasm: u8aToHex(wasm) };
  return new Abi(json, api.registry.getChainProperties());
}

/** Gas and storage deposit limits a dry run says a call needs, with room to spare. */
export function limitsFrom(api, { gasRequired, storageDeposit }) {
  const deposit = storageDeposit.isCharge ? storageDeposit.asCharge.toBigInt() : 0n;
  return {
    gasLimit: api.registry.createType('WeightV2', {
      refTime: (gasRequired.refTime.toBigInt() * 3n) / 2n,
      proofSize: (gasRequired.proofSize.toBigInt() * 3n) / 2n,
    }),
    storageDepositLimit: deposit * 2n + 10n ** 18n,
  };
}

/**
 * Uploads and instantiates `contracts/wasm/<name>` as `deployer` with constructor `new(...args)`
 * and endowment `value`; resolves with `{ contract, abi, wasm, blockHash, events }`.
 */
export async function deployContract(api, deployer, name, args = [], value = 0n) {
  const wasm = buildContract(name);
  const abi = contractAbi(api, name, wasm);
  const constructor = abi.findConstructor('new');
  const dryRun = await api.call.contractsApi.instantiate(
    deployer.address,
    value,
    null,
    null,
    // Hex: Polkadot.js reads a Uint8Array given as `Bytes` as already length-prefixed.
    { Upload: u8aToHex(wasm) },
    constructor.toU8a(args),
    '0x',
  );
  assert.ok(dryRun.result.isOk, `the dry run instantiates ${name}: ${dryRun.result.toString()}`);
  const code = new CodePromise(api, abi, wasm);
  const { blockHash, events } = await sendOk(code.tx.new({ ...limitsFrom(api, dryRun), value }, ...args), deployer);
  const instantiated = events.find(({ event }) => api.events.contracts.Instantiated.is(event));
  assert.ok(instantiated, 'contracts.Instantiated');
  const address = instantiated.event.data.contract.toString();
  return { contract: new ContractPromise(api, abi, address), abi, wasm, blockHash, events };
}

/** Dry-runs `message(...args)` of `contract` as `caller`, with a whole block's gas: the runtime's whole answer. */
export function query(contract, caller, message, ...args) {
  const gasLimit = contract.api.consts.system.blockWeights.maxBlock;
  return contract.query[message](caller.address, { gasLimit, storageDepositLimit: null }, ...args);
}

/** Whether a dry run's `result` is a call that ran and reverted (ReturnFlags' REVERT bit). */
export function reverted(result) {
  return result.isOk && (result.asOk.flags.bits.toNumber() & 1) === 1;
}

/** The value an infallible message returns (ink!'s `Ok(value)`), from a dry run. */
export async function read(contract, caller, message, ...args) {
  const { result, output } = await query(contract, caller, message, ...args);
  assert.ok(result.isOk && !reverted(result), `${message} succeeds`);
  return output.asOk;
}

/** Sends `message(...args)` as `signer`, with the limits its dry run asks for; resolves with `sendInBlock`'s result. */
export async function execute(contract, signer, message, ...args) {
  const dryRun = await query(contract, signer, message, ...args);
  return sendOk(contract.tx[message](limitsFrom(contract.api, dryRun), ...args), signer);
}
