// Registering a CNS name as a wallet does: commit, let the commitment age, reveal.

import { blake2AsU8a } from '@polkadot/util-crypto';

import { waitFor } from './node.mjs';
import { sendOk } from './tx.mjs';

/** The SLIP-44/ENSIP-11 coin type of a GCC address record: 0x80000000 | the EVM chain id 44678. */
export const GCC_COIN_TYPE = 0x8000_ae86;

/**
 * Registers `name` to `owner` for `years`, signed by `owner`; resolves with the reveal's
 * `{ blockHash, events }`.
 */
export async function registerName(api, owner, name, years = 1) {
  const secret = new Uint8Array(32).fill(42);
  // The commitment is BLAKE2-256 of SCALE (name, owner, secret), as Pallet::commitment_hash says.
  const preimage = api.createType('(Bytes, AccountId32, [u8; 32])', [name, owner.address, secret]);
  const { blockHash: commitBlock } = await sendOk(api.tx.cns.commit(blake2AsU8a(preimage.toU8a(), 256)), owner);
  const committedAt = (await api.rpc.chain.getHeader(commitBlock)).number.toNumber();

  // The reveal counts once the commitment is MinCommitmentAge blocks old.
  const minAge = api.consts.cns.minCommitmentAge.toNumber();
  const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  await waitFor('the commitment to age', async () => (await bestNumber()) + 1 >= committedAt + minAge);
  return sendOk(api.tx.cns.register(name, owner.address, secret, years), owner);
}
