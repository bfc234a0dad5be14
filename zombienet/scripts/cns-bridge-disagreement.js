// With Bob's node paused, one honest oracle (Alice's) and one dishonest (Charlie's) answer a
// request for `satoshi.eth`: their answers disagree, nothing is stored, and the request expires
// with its deposit refunded. Returns the number of answers the Disagreement event counts
// (2), or 0 if anything was stored.
const { connect, eventWatcher, recorded, rpc, rpcNode, submit } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const api = await connect(networkInfo, nodeName);
  const nextEvent = await eventWatcher();
  try {
    const oracles = recorded(networkInfo, 'cns-bridge-oracles');
    const alice = new zombie.Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const forName = (event) => event.data.name.toUtf8() === 'satoshi.eth';
    const disagreement = nextEvent(api, 'cnsBridge.Disagreement', (event) => api.events.cnsBridge.Disagreement.is(event) && forName(event));
    let stored = false;
    const unsubscribe = await api.query.system.events((records) => {
      stored ||= records.some(({ event }) => api.events.cnsBridge.RecordStored.is(event) && forName(event));
    });
    const expired = nextEvent(api, 'cnsBridge.RequestExpired', (event) => api.events.cnsBridge.RequestExpired.is(event) && forName(event));
    await submit(api, api.tx.cnsBridge.request('satoshi.eth'), alice);

    const { oracle, answers } = await disagreement;
    if (![oracles.alice, oracles.charlie].includes(oracle.toHex())) throw new Error(`Disagreement by ${oracle.toHex()}`);
    const { refunded } = await expired;
    unsubscribe();
    const resolved = await rpc(rpcNode(networkInfo, nodeName), 'cns_resolve', ['satoshi.eth']);
    console.log(`satoshi.eth: ${answers} answers, refunded ${refunded}, resolves to ${JSON.stringify(resolved)}`);
    return stored || resolved !== null || refunded.isZero() ? 0 : answers.toNumber();
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
