// The named nodes hold every block up to the lowest of their finalized heights, and the same
// ones; returns that height. A missing block or a differing hash fails the test.
const { connect, finalizedNumber } = require('./lib.js');

async function run(_nodeName, networkInfo, names) {
  const apis = await Promise.all(names.map((name) => connect(networkInfo, name)));
  try {
    const height = Math.min(...(await Promise.all(apis.map(finalizedNumber))));
    for (let n = 0; n <= height; n++) {
      const hashes = await Promise.all(apis.map((api) => api.rpc.chain.getBlockHash(n)));
      for (const [i, hash] of hashes.entries()) {
        if (hash.isEmpty) throw new Error(`${names[i]} lacks block ${n}`);
        if (!hash.eq(hashes[0])) {
          throw new Error(`block ${n}: ${names[i]} has ${hash.toHex()}, ${names[0]} ${hashes[0].toHex()}`);
        }
      }
    }
    return height;
  } finally {
    await Promise.all(apis.map((api) => api.disconnect()));
  }
}

module.exports = { run };
