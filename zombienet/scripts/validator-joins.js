// The operator flow of docs/validator.md, end to end: a fifth node (Eve's) generates session
// keys with `author_rotateKeysWithOwner`, Eve registers them with `session.setKeys`, and Sudo
// (local_testnet's admin origin) adds her with `validatorSet.addValidator`. Two session
// boundaries later her keys are in Aura's and GRANDPA's sets and her node authors a block.
// Her node keeps running (its pid and keys are recorded for validator-leaves.js); returns the
// size of the authority set.
const { connect, record, rpc, sleep, slotMs, startNode, submit, waitFor } = require('./lib.js');

async function auraKeys(api) {
  return (await api.query.aura.authorities()).map((key) => key.toHex());
}

/// GRANDPA's authorities at the best block, or at `at` if given.
async function grandpaKeys(api, at) {
  const state = at ? await api.at(at) : api;
  return (await state.call.grandpaApi.grandpaAuthorities()).map(([key]) => key.toHex());
}

/// Waits for a block authored with the Aura key `aura`: Aura gives slot s to the authority at
/// s mod n of the parent's set.
async function blockAuthoredBy(api, aura) {
  const pollMs = (await slotMs(api)) / 2;
  for (;;) {
    const header = await api.rpc.chain.getHeader();
    const [, slot] = header.digest.logs.find((log) => log.isPreRuntime).asPreRuntime;
    const authorities = await (await api.at(header.parentHash)).query.aura.authorities();
    const index = Number(api.createType('u64', slot).toBigInt() % BigInt(authorities.length));
    if (authorities[index].toHex() === aura) return header.number.toNumber();
    await sleep(pollMs);
  }
}

async function run(nodeName, networkInfo) {
  const api = await connect(networkInfo, nodeName);
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  const [alice, eve] = [keyring.addFromUri('//Alice'), keyring.addFromUri('//Eve')];
  // A validator on a live chain brings its own network key.
  const nodeKey = require('node:crypto').randomBytes(32).toString('hex');
  const node = await startNode(networkInfo, 'eve', api, ['--validator', '--node-key', nodeKey]);
  try {
    const owner = `0x${Buffer.from(eve.publicKey).toString('hex')}`;
    const { keys, proof } = await rpc(node, 'author_rotateKeysWithOwner', [owner]);
    const [aura, grandpa] = [keys.slice(0, 66), `0x${keys.slice(66)}`];
    record(networkInfo, 'eve', { pid: node.pid, aura, grandpa });

    await submit(api, api.tx.session.setKeys(keys, proof), eve);
    const events = await submit(api, api.tx.sudo.sudo(api.tx.validatorSet.addValidator(eve.address)), alice);
    if (!events.includes('validatorSet.ValidatorAdded')) throw new Error(`Eve not added: ${events}`);

    await waitFor(async () => ((await auraKeys(api)).includes(aura) ? true : undefined));
    if (!(await grandpaKeys(api)).includes(grandpa)) throw new Error("Eve's key is Aura's but not GRANDPA's");
    const authored = await blockAuthoredBy(api, aura);
    console.log(`Eve's node authored #${authored}`);
    return (await auraKeys(api)).length;
  } catch (error) {
    await node.stop();
    throw error;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run, submit, auraKeys, grandpaKeys };
