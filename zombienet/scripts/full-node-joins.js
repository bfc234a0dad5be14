// A fifth node, not a validator, joins the running network from an empty database with the
// sync mode given as the argument (`full` or `warp`): its finalized head is the validators'
// block at that height, and it serves the block that was the validators' finalized head when
// it started (a warp sync starts at a later finalized block and fills in that history after).
// Returns that block's number.
const { connect, finalizedNumber, rpc, startNode, waitFor } = require('./lib.js');

async function run(nodeName, networkInfo, [mode]) {
  const validator = await connect(networkInfo, nodeName);
  const target = await finalizedNumber(validator);
  const expected = (await validator.rpc.chain.getBlockHash(target)).toHex();
  const joiner = await startNode(networkInfo, `joiner-${mode}`, validator, ['--sync', mode]);
  try {
    const head = await waitFor(async () => {
      const hash = await rpc(joiner, 'chain_getFinalizedHead');
      const number = Number((await rpc(joiner, 'chain_getHeader', [hash])).number);
      return number >= target ? { hash, number } : undefined;
    });
    const validators = (await validator.rpc.chain.getBlockHash(head.number)).toHex();
    if (head.hash !== validators) {
      throw new Error(`${mode} sync: finalized #${head.number} is ${head.hash}, the validators' ${validators}`);
    }
    const served = await waitFor(async () => (await rpc(joiner, 'chain_getBlockHash', [target])) ?? undefined);
    if (served !== expected) throw new Error(`${mode} sync: #${target} is ${served}, the validators' ${expected}`);
    if (!(await rpc(joiner, 'chain_getBlockHash', [1]))) throw new Error(`${mode} sync: block 1 is missing`);
    return target;
  } finally {
    await joiner.stop();
    await validator.disconnect();
  }
}

module.exports = { run };
