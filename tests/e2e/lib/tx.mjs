// Sending extrinsics and reading what they did, as a wallet would.

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
