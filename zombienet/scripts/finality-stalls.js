// With two of four validators down, blocks are still authored but none is finalized: after the
// votes in flight settle, finality stays put for six slots while the best block
// grows. Records the best block and returns how many blocks wait for finality.
const { bestNumber, connect, finalizedNumber, record, sleep, slotMs } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const api = await connect(networkInfo, nodeName);
  try {
    await sleep(12_000);
    const [finalized, best] = [await finalizedNumber(api), await bestNumber(api)];
    await sleep(6 * (await slotMs(api)));
    const [finalizedLater, bestLater] = [await finalizedNumber(api), await bestNumber(api)];
    if (finalizedLater !== finalized) {
      throw new Error(`finality moved from ${finalized} to ${finalizedLater} with two of four validators down`);
    }
    if (bestLater < best + 2) {
      throw new Error(`only ${bestLater - best} blocks authored in six slots by two validators`);
    }
    record(networkInfo, 'stalled', { finalized: finalizedLater, best: bestLater });
    return bestLater - finalizedLater;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
