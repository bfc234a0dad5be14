// After a SIGKILL and a restart on the same base path, the node opened its database at or
// after the finalized block recorded before the kill (its log says where it started), that
// block is still in its chain, and finality goes on from there. Returns the height it
// restarted at.
const fs = require('node:fs');
const path = require('node:path');
const { connect, finalizedNumber, recorded } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const before = recorded(networkInfo, nodeName);
  const log = fs.readFileSync(path.join(networkInfo.tmpDir, `${nodeName}.log`), 'utf8');
  const starts = [...log.matchAll(/Highest known block at #(\d+)/g)].map((match) => Number(match[1]));
  if (starts.length < 2) throw new Error(`${nodeName} did not restart (${starts.length} starts logged)`);
  const restartedAt = starts[starts.length - 1];
  if (restartedAt < before.number) {
    throw new Error(`${nodeName} restarted at #${restartedAt}, below its finalized #${before.number}`);
  }
  const api = await connect(networkInfo, nodeName);
  try {
    const hash = await api.rpc.chain.getBlockHash(before.number);
    if (hash.toHex() !== before.hash) {
      throw new Error(`finalized block #${before.number} was ${before.hash}, now ${hash.toHex()}`);
    }
    if ((await finalizedNumber(api)) < before.number) throw new Error('finality went back');
    return restartedAt;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
