// A fifth node, not a validator, joins the running network from an empty database with the
// sync mode given as the argument (`full` or `warp`): it reaches the finalized head the
// validators had when it started, holds the same block there, and serves it over RPC. Returns
// that block's number.
const { connect, finalizedNumber, startNode, waitFor } = require('./lib.js');

/// The finalized height by plain JSON-RPC: Polkadot.js would fetch the runtime version at the
/// parent block, whose state a warp-synced node does not have.
async function rawFinalizedNumber(provider) {
  const head = await provider.send('chain_getFinalizedHead', []);
  return Number((await provider.send('chain_getHeader', [head])).number);
}

async function run(nodeName, networkInfo, [mode]) {
  const validator = await connect(networkInfo, nodeName);
  const target = await finalizedNumber(validator);
  const expected = (await validator.rpc.chain.getBlockHash(target)).toHex();
  const joiner = await startNode(networkInfo, `joiner-${mode}`, validator, ['--sync', mode]);
  try {
    const { provider } = joiner;
    await waitFor(async () => ((await rawFinalizedNumber(provider)) >= target ? true : undefined));
    const served = await provider.send('chain_getBlockHash', [target]);
    if (served !== expected) throw new Error(`${mode} sync: #${target} is ${served}, the validators' ${expected}`);
    // A full sync imports every block from genesis; a warp sync fills in the history later.
    if (mode === 'full' && !(await provider.send('chain_getBlockHash', [1]))) {
      throw new Error('full sync: block 1 is missing');
    }
    return target;
  } finally {
    await joiner.stop();
    await validator.disconnect();
  }
}

module.exports = { run };
