// How many validators authored the finalized blocks: Aura gives slot s to authority s mod n.
const { connect, finalizedNumber } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const api = await connect(networkInfo, nodeName);
  try {
    const authorities = (await api.query.aura.authorities()).length;
    const authors = new Set();
    for (let n = 1; n <= (await finalizedNumber(api)); n++) {
      const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
      const [, slot] = header.digest.logs.find((log) => log.isPreRuntime).asPreRuntime;
      authors.add(api.createType('u64', slot).toBigInt() % BigInt(authorities));
    }
    return authors.size;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
