// The CNS bridge with three oracles of quorum 2 on three validators: Alice's and Bob's nodes read
// an honest Ethereum node (anvil), Charlie's a second anvil whose ENS holds other records for
// the same names. Starts both anvils on the ports network.toml gives the nodes, deploys ENS from
// its published artifacts on each, makes the three nodes' `cnsb` keys the oracles, requests
// `vitalik.eth` and waits for the record. Returns 1 if the stored record is the honest one.
const { connect, eventWatcher, record, rpc, rpcNode, submit } = require('./lib.js');

/// The names both anvils hold, with the ETH address each says they resolve to.
const NAMES = {
  'vitalik.eth': { honest: '0xd8da6bf26964af9d7eed9e03e53415d37aa96045', dishonest: '0x00000000000000000000000000000000000bad01' },
  'satoshi.eth': { honest: '0x5a0b54d5dc17e0aadc383d2db43b0a0d3e029c4c', dishonest: '0x00000000000000000000000000000000000bad02' },
};
const ORACLES = { alice: 'honest', bob: 'honest', charlie: 'dishonest' };

/// An anvil on `port` with ENS deployed and `NAMES` registered with their `side`'s addresses.
/// The same deployment on both anvils gives the contracts the same addresses.
async function ethereum(networkInfo, side, port) {
  const { deployEns, startAnvil } = await import('../../tests/e2e/lib/ethereum-names.mjs');
  const anvil = await startAnvil({ port: Number(port), configOut: `${networkInfo.tmpDir}/anvil-${side}.json` });
  const ens = await deployEns(anvil);
  for (const [name, addresses] of Object.entries(NAMES)) await ens.register(name, { eth: addresses[side] });
  await anvil.finalize();
  anvil.release();
  return ens.registry;
}

async function run(nodeName, networkInfo) {
  const registries = await Promise.all([
    ethereum(networkInfo, 'honest', process.env.CNS_BRIDGE_HONEST_ETH_PORT),
    ethereum(networkInfo, 'dishonest', process.env.CNS_BRIDGE_DISHONEST_ETH_PORT),
  ]);
  if (registries[0] !== registries[1]) throw new Error(`ENS at ${registries} differs between the anvils`);

  const api = await connect(networkInfo, nodeName);
  try {
    const keyring = new zombie.Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    const oracles = [];
    for (const name of Object.keys(ORACLES)) {
      const suri = `//${name}//cns-bridge`;
      const key = `0x${Buffer.from(keyring.addFromUri(suri).publicKey).toString('hex')}`;
      await rpc(rpcNode(networkInfo, name), 'author_insertKey', ['cnsb', suri, key]);
      oracles.push(key);
    }
    record(networkInfo, 'cns-bridge-oracles', Object.fromEntries(Object.keys(ORACLES).map((name, i) => [name, oracles[i]])));
    const parameters = {
      quorum: 2,
      recordTtl: 100,
      // Ten 4-second slots: long enough for two attestations, short enough to wait out.
      requestTtl: 10,
      ensRegistry: registries[0],
      unsProxyReader: registries[0],
    };
    // A growing set takes its quorum first (docs/cns.md): 2 is a majority of 0 and then of 3.
    for (const [call, event] of [
      [api.tx.cnsBridge.setParameters(parameters), 'cnsBridge.ParametersSet'],
      [api.tx.cnsBridge.setOracles(oracles), 'cnsBridge.OraclesSet'],
    ]) {
      const events = await submit(api, api.tx.sudo.sudo(call), alice);
      if (!events.includes(event)) throw new Error(`no ${event}: ${events}`);
    }

    const nextEvent = await eventWatcher();
    const stored = nextEvent(api, 'cnsBridge.RecordStored', (event) => api.events.cnsBridge.RecordStored.is(event));
    await submit(api, api.tx.cnsBridge.request('vitalik.eth'), alice);
    const { name } = await stored;
    const resolved = await rpc(rpcNode(networkInfo, nodeName), 'cns_resolve', ['vitalik.eth']);
    console.log(`${name.toUtf8()} stored: ${JSON.stringify(resolved)}`);
    return resolved?.addresses?.[60] === NAMES['vitalik.eth'].honest ? 1 : 0;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
