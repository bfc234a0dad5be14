// OpenGov as a SPIRIT holder drives it from Polkadot.js: submit a referendum on a track, place
// its decision deposit, vote with conviction, and wait for the outcome.

import assert from 'node:assert/strict';

import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { waitFor } from './node.mjs';
import { sendOk } from './tx.mjs';

/** The longest call that referenda store inline (`BoundedInline`); longer ones are preimages. */
const MAX_INLINE_PROPOSAL = 128;

/** The proposal origins of GhostChain's tracks, as `referenda.submit` takes them. */
export const ORIGINS = {
  root: { system: 'Root' },
  generalAdmin: { Governance: 'GeneralAdmin' },
  l2Arbiter: { Governance: 'L2Arbiter' },
};

/**
 * Submits `call` as a referendum dispatched with `origin` one block after approval: inline if
 * it is short enough, otherwise noted as a preimage first. Resolves with
 * `{ index, blockHash, events }` of the submission.
 */
export async function submitReferendum(api, proposer, origin, call) {
  const encoded = call.method.toU8a();
  let proposal = { Inline: u8aToHex(encoded) };
  if (encoded.length > MAX_INLINE_PROPOSAL) {
    await sendOk(api.tx.preimage.notePreimage(u8aToHex(encoded)), proposer);
    proposal = { Lookup: { hash: blake2AsHex(encoded, 256), len: encoded.length } };
  }
  const { blockHash, events } = await sendOk(api.tx.referenda.submit(origin, proposal, { After: 1 }), proposer);
  const submitted = events.find(({ event }) => api.events.referenda.Submitted.is(event));
  assert.ok(submitted, 'referenda.Submitted');
  return { index: submitted.event.data.index.toNumber(), blockHash, events };
}

/** A standard vote of `balance` SPIRIT for (`aye`) or against a referendum, with `conviction`. */
export function standardVote(aye, conviction, balance) {
  return { Standard: { vote: { aye, conviction }, balance } };
}

/**
 * Places the decision deposit of referendum `index` as `depositor`, then casts `votes`
 * (`[{ voter, vote }]`, one per account) in the same block.
 */
export async function decide(api, index, depositor, votes) {
  await sendOk(api.tx.referenda.placeDecisionDeposit(index), depositor);
  await Promise.all(votes.map(({ voter, vote }) => sendOk(api.tx.convictionVoting.vote(index, vote), voter)));
}

/**
 * Waits until referendum `index` is decided; resolves with `{ status, since }`: `Approved`,
 * `Rejected`, `Cancelled`, `TimedOut` or `Killed`, and the block it ended in.
 */
export async function outcome(api, index, ms = 180_000) {
  return waitFor(
    `referendum ${index} to end`,
    async () => {
      const info = (await api.query.referenda.referendumInfoFor(index)).unwrap();
      if (info.isOngoing) return undefined;
      const since = info.isKilled ? info.asKilled : info.value[0];
      return { status: info.type, since: since.toNumber() };
    },
    ms,
  );
}
