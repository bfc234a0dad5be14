// Sending extrinsics and reading what they did, as a wallet would.

import assert from 'node:assert/strict';

/**
 * Signs and sends `tx` as `signer`; resolves once it is in a block with
 * `{ blockHash, events, dispatchError }`, or rejects if the pool drops or refuses it.
 */
export function sendInBlock(tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (status.isInBlock) {
        unsubscribe();
        resolve({ blockHash: status.asInBlock, events, dispatchError });
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        unsubscribe();
        reject(new Error(`transaction ${status.type}`));
      }
    })
      .then((unsub) => {
        unsubscribe = unsub;
      })
      .catch(reject);
  });
}

/** The free balance of `address` as of block `blockHash`, as a BigInt. */
export async function freeBalanceAt(api, blockHash, address) {
  const apiAt = await api.at(blockHash);
  const { data } = await apiAt.query.system.account(address);
  return data.free.toBigInt();
}

/** The fee `who` paid in `events`, from transactionPayment.TransactionFeePaid. */
export function feePaidBy(api, events, who) {
  const paid = events.find(
    ({ event }) =>
      api.events.transactionPayment.TransactionFeePaid.is(event) && event.data.who.toString() === who,
  );
  if (!paid) throw new Error(`no TransactionFeePaid event for ${who}`);
  return paid.event.data.actualFee.toBigInt();
}

/** `section.Name` of a failed extrinsic's module error, read with `registry`'s metadata. */
export function moduleErrorName(registry, dispatchError) {
  assert.ok(dispatchError?.isModule, `a module error, not ${dispatchError}`);
  const { section, name } = registry.findMetaError(dispatchError.asModule);
  return `${section}.${name}`;
}

/** Sends `tx` as `signer` and asserts that it succeeded; resolves with `sendInBlock`'s result. */
export async function sendOk(tx, signer) {
  const result = await sendInBlock(tx, signer);
  assert.equal(result.dispatchError, undefined, result.dispatchError && moduleErrorName(tx.registry, result.dispatchError));
  return result;
}

/** `section.Name` of a failed extrinsic's module error, or the kind of any other error (`BadOrigin`). */
export function dispatchErrorName(registry, dispatchError) {
  assert.ok(dispatchError, 'the extrinsic failed');
  return dispatchError.isModule ? moduleErrorName(registry, dispatchError) : dispatchError.type;
}

/** Sends `tx` as `signer`, which must fail in dispatch; resolves with its error's name (see `dispatchErrorName`). */
export async function sendFailing(tx, signer) {
  const { dispatchError } = await sendInBlock(tx, signer);
  return dispatchErrorName(tx.registry, dispatchError);
}

/** Sends `call` through sudo as `signer`; the call itself must fail: resolves with its module error's name. */
export async function sudoFailing(api, call, signer) {
  const { events } = await sendOk(api.tx.sudo.sudo(call), signer);
  const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event));
  assert.ok(sudid, 'sudo.Sudid');
  const { sudoResult } = sudid.event.data;
  assert.ok(sudoResult.isErr, 'the call under sudo failed');
  return moduleErrorName(api.registry, sudoResult.asErr);
}

/**
 * Resolves with the data of the first event that `matches` in a block from now on, or rejects
 * after `ms`. Call it before the action that emits the event, so that the event cannot be missed.
 */
export function nextEvent(api, what, matches, ms = 120_000) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    let done = false;
    const finish = (settle, value) => {
      if (done) return;
      done = true;
      clearTimeout(timeout);
      unsubscribe?.();
      settle(value);
    };
    const timeout = setTimeout(() => finish(reject, new Error(`no ${what} within ${ms / 1000} s`)), ms);
    api.query.system
      .events((records) => {
        const found = records.find(({ event }) => matches(event));
        if (found) finish(resolve, found.event.data);
      })
      .then((unsub) => {
        unsubscribe = unsub;
        if (done) unsub();
      }, (error) => finish(reject, error));
  });
}
