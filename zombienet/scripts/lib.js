// Shared by the js-scripts of the .zndsl tests. zombienet require()s each script and calls its
// `run(nodeName, networkInfo, args)`; `zombie` is the global it provides (its @polkadot/api).
const fs = require('node:fs');
const path = require('node:path');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function connect(networkInfo, name) {
  return zombie.connect(networkInfo.nodesByName[name].wsUri);
}

async function finalizedNumber(api) {
  const head = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(head)).number.toNumber();
}

async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/// The chain's Aura slot in milliseconds, as its runtime declares it.
async function slotMs(api) {
  return (await api.call.auraApi.slotDuration()).toNumber();
}

/// Polls `check` every second until it returns a value other than undefined.
async function waitFor(check) {
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(1000);
  }
}

/// A file in the network's directory that a later script of the same test reads.
function recordPath(networkInfo, name) {
  return path.join(networkInfo.tmpDir, `${name}.record.json`);
}

function record(networkInfo, name, value) {
  fs.writeFileSync(recordPath(networkInfo, name), JSON.stringify(value));
}

function recorded(networkInfo, name) {
  return JSON.parse(fs.readFileSync(recordPath(networkInfo, name), 'utf8'));
}

/// Starts a node with tests/e2e/lib/node.mjs's `startNode` on the network's chain spec, with
/// an empty base path and its log in the network's directory, `bootnode`'s address as its
/// bootnode and `args` added. Returns that `startNode`'s handle (`rpcUrl`, `wsUrl`, `pid`,
/// `stop`, …).
async function startNode(networkInfo, name, bootnode, args) {
  const { startNode: startGhostchainNode } = await import('../../tests/e2e/lib/node.mjs');
  const peerId = (await bootnode.rpc.system.localPeerId()).toString();
  const listen = (await bootnode.rpc.system.localListenAddresses()).map(String);
  const address = listen.find((a) => a.startsWith('/ip4/127.0.0.1/')) ?? listen[0];
  const bootnodeAddress = address.includes('/p2p/') ? address : `${address}/p2p/${peerId}`;
  return startGhostchainNode(
    ['--chain', networkInfo.chainSpecPath, '--name', name, '--bootnodes', bootnodeAddress, ...args],
    { name, basePath: path.join(networkInfo.tmpDir, name), logDir: networkInfo.tmpDir },
  );
}

/// One JSON-RPC call to a node started by `startNode`; resolves with its result. Plain JSON-RPC
/// rather than Polkadot.js, which would fetch the runtime version at the parent of the best
/// block, whose state a warp-synced node does not have.
async function rpc(node, method, params = []) {
  const { rpcCall } = await import('../../tests/e2e/lib/node.mjs');
  const { result, error } = await rpcCall(node.rpcUrl, method, params);
  if (error) throw new Error(`${method}: ${JSON.stringify(error)}`);
  return result;
}

/// A network node as `rpc` takes it.
function rpcNode(networkInfo, name) {
  return { rpcUrl: networkInfo.nodesByName[name].wsUri.replace(/^ws/, 'http') };
}

/// Sends `tx` signed by `signer`; resolves with its events' names once it is in a block, and
/// fails on a dispatch error.
function submit(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) reject(new Error(`${tx.method.section}.${tx.method.method}: ${dispatchError}`));
      else if (status.isInBlock) resolve(events.map(({ event }) => `${event.section}.${event.method}`));
    }).catch(reject);
  });
}

/// tests/e2e/lib/tx.mjs's `nextEvent(api, what, matches, ms)`, waiting as long as a .zndsl
/// line gives a js-script (240 s).
async function eventWatcher() {
  const { nextEvent } = await import('../../tests/e2e/lib/tx.mjs');
  return (api, what, matches) => nextEvent(api, what, matches, 240_000);
}

module.exports = {
  bestNumber,
  connect,
  finalizedNumber,
  eventWatcher,
  record,
  recorded,
  rpc,
  rpcNode,
  sleep,
  slotMs,
  startNode,
  submit,
  waitFor,
};
