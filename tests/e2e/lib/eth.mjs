// Ethereum clients (ethers v6) for a node's Ethereum JSON-RPC endpoint.

import { JsonRpcProvider, Wallet } from 'ethers';

/** The EIP-155 chain id, as docs/metamask.md gives it. */
export const CHAIN_ID = 44678n;

/**
 * The funded development keys of the `development` preset (docs/metamask.md): Moonbeam's
 * published Alith, Baltathar, Charleth, Dorothy and Ethan.
 */
export const DEV_KEYS = {
  alith: '0x5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133',
  baltathar: '0x8075991ce870b93a8870eca0c0f91913d12f47948ca0fd25b49c6fa7cdbeee8b',
  charleth: '0x0b6e18cafb6ed99687ec547bd28139cafdd2bffe70e6b688025de6b445aa5c5b',
  dorothy: '0x39539ab1876910bbf3a223d84a29e28f1cb4e2e456503e7e91ed39b2e7223d68',
  ethan: '0x7dce9bc8babb68fec1409be38c8e1a52650206a7ed90ff956ae8a6d15eeaaef4',
};

/** An ethers provider for `node`'s Ethereum endpoint, polling fast enough for 4 s blocks. */
export function ethProvider(node) {
  return new JsonRpcProvider(node.ethRpcUrl, undefined, { staticNetwork: true, pollingInterval: 500 });
}

/** A wallet for the development key `name`, connected to `provider`. */
export function devWallet(name, provider) {
  return new Wallet(DEV_KEYS[name], provider);
}

/**
 * The Substrate account id behind an Ethereum address that no Substrate account has mapped:
 * the address followed by twelve 0xEE bytes (pallet-revive's AccountId32Mapper).
 */
export function fallbackAccountId(address) {
  return `${address.toLowerCase()}${'ee'.repeat(12)}`;
}
