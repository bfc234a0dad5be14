// Shared by the js-scripts of the .zndsl tests. zombienet require()s each script and calls its
// `run(nodeName, networkInfo, args)`; `zombie` is the global it provides (its @polkadot/api).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
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

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/// Starts `ghostchain-node` (GHOSTCHAIN_NODE) on the network's chain spec with an empty base
/// path in the network's directory, `bootnode`'s address as its bootnode and `args` added;
/// waits until its RPC answers. Returns `{ api, provider, pid, rpcPort, stop }`: `provider`
/// for RPC methods that `api` does not know.
async function startNode(networkInfo, name, bootnode, args) {
  const peerId = (await bootnode.rpc.system.localPeerId()).toString();
  const listen = (await bootnode.rpc.system.localListenAddresses()).map(String);
  const address = listen.find((a) => a.startsWith('/ip4/127.0.0.1/')) ?? listen[0];
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const log = fs.openSync(path.join(networkInfo.tmpDir, `${name}.log`), 'w');
  const child = spawn(
    process.env.GHOSTCHAIN_NODE,
    [
      '--chain', networkInfo.chainSpecPath, '--base-path', path.join(networkInfo.tmpDir, name),
      '--name', name, '--rpc-port', String(rpcPort), '--no-prometheus', '--no-mdns',
      '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}/ws`,
      '--bootnodes', address.includes('/p2p/') ? address : `${address}/p2p/${peerId}`,
      ...args,
    ],
    { stdio: ['ignore', log, log] },
  );
  const stop = async () => {
    child.kill('SIGTERM');
    await sleep(1000);
  };
  try {
    await waitFor(async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${rpcPort}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: [] }),
        });
        return response.ok ? true : undefined;
      } catch {
        return child.exitCode === null ? undefined : Promise.reject(new Error(`${name} exited`));
      }
    });
    const provider = new zombie.WsProvider(`ws://127.0.0.1:${rpcPort}`);
    const api = await zombie.ApiPromise.create({ provider });
    return {
      api,
      provider,
      pid: child.pid,
      rpcPort,
      stop: async () => {
        await api.disconnect();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { bestNumber, connect, finalizedNumber, record, recorded, sleep, startNode, waitFor };
