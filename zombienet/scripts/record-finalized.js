// Records the node's finalized block, for resumes-after-kill.js.
const { connect, record } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const api = await connect(networkInfo, nodeName);
  try {
    const hash = await api.rpc.chain.getFinalizedHead();
    const number = (await api.rpc.chain.getHeader(hash)).number.toNumber();
    record(networkInfo, nodeName, { number, hash: hash.toHex() });
    return number;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
