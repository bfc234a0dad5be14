// Sudo removes Eve with `validatorSet.removeValidator`; two session boundaries later her keys
// are out of Aura's and GRANDPA's sets. Her node is stopped only once the block that enacts the
// new GRANDPA set is final: until then that block needs four of the five old voters, Eve's
// among them (docs/validator.md: keep the node running until the removal is final). Returns
// the size of the authority set.
const { connect, recorded, waitFor } = require('./lib.js');
const { auraKeys, grandpaKeys, submit } = require('./validator-joins.js');

async function run(nodeName, networkInfo) {
  const { pid, aura, grandpa } = recorded(networkInfo, 'eve');
  const api = await connect(networkInfo, nodeName);
  try {
    const alice = new zombie.Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const eve = new zombie.Keyring({ type: 'sr25519' }).addFromUri('//Eve');
    const events = await submit(api, api.tx.sudo.sudo(api.tx.validatorSet.removeValidator(eve.address)), alice);
    if (!events.includes('validatorSet.ValidatorRemoved')) throw new Error(`Eve not removed: ${events}`);
    await waitFor(async () => {
      const finalized = await api.rpc.chain.getFinalizedHead();
      return (await grandpaKeys(api, finalized)).includes(grandpa) ? undefined : true;
    });
    if ((await auraKeys(api)).includes(aura)) throw new Error("Eve left GRANDPA's set but not Aura's");
    return (await auraKeys(api)).length;
  } finally {
    process.kill(pid, 'SIGTERM');
    await api.disconnect();
  }
}

module.exports = { run };
