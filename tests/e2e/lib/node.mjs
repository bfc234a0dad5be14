// Starts a real ghostchain-node on free loopback ports and stops it again.

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ApiPromise, WsProvider } from '@polkadot/api';

/** The release binary that `cargo build --release --workspace --bins` writes. */
export const NODE_BINARY =
  process.env.GHOSTCHAIN_NODE ??
  join(process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/ghostchain/target'), 'release/ghostchain-node');

/** A fixed libp2p key, so that other nodes can name this one as their bootnode. */
export const BOOTNODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001';
/** The peer id that BOOTNODE_KEY yields. */
export const BOOTNODE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';

/**
 * The development chain spec as JSON text, with each of `addresses` also given `amount` GCC
 * (plancks) at genesis; total issuance counts them.
 */
export function fundedDevSpec(addresses, amount) {
  const spec = execFileSync(NODE_BINARY, ['build-spec', '--chain', 'dev'], {
    maxBuffer: 256 << 20,
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
  // Edited as text: the balances are u128s, which JSON.parse would round.
  const endowed = addresses.map((address) => `["${address}", ${amount}]`).join(',');
  const funded = spec.replace(/("balances": \{\s*"balances": \[)/, `$1${endowed},`);
  if (funded === spec) throw new Error('the development spec has no balances.balances list');
  return funded;
}

const running = new Set();
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Ports this process has handed out: the OS may offer a just-closed port again. */
const handedOut = new Set();

/**
 * A TCP port nobody listens on right now, and that this process has not handed out before.
 * (Without the second check, two ports of one node once came out equal: its Prometheus
 * exporter took the port, and its RPC server moved to a random one.)
 */
export async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/** One JSON-RPC call over HTTP, as any client makes it; resolves with the response body. */
export async function rpcCall(url, method, params = []) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status}`);
  return response.json();
}

async function rpcAnswers(url) {
  try {
    await rpcCall(url, 'system_health');
    return true;
  } catch {
    return false;
  }
}

async function ethRpcAnswers(url) {
  try {
    return 'result' in (await rpcCall(url, 'eth_chainId'));
  } catch {
    return false;
  }
}

/**
 * Starts `ghostchain-node <args> --tmp` (or `--base-path basePath`, which outlives the node)
 * with its RPC, Ethereum RPC, p2p and Prometheus ports free, waits until its RPC (and with
 * `ethRpc`, its Ethereum RPC) answers, and returns
 * `{ rpcUrl, wsUrl, ethRpcUrl, prometheusUrl, p2pPort, pid, isRunning, logFile, logTail, stop, kill }`.
 * The log goes to `<logDir>/<name>.log`, by default in a new temporary directory.
 */
export async function startNode(args, { name = 'node', ethRpc = false, basePath, logDir } = {}) {
  const [rpcPort, ethRpcPort, p2pPort, prometheusPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const logFile = join(logDir ?? mkdtempSync(join(tmpdir(), 'ghostchain-e2e-')), `${name}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(
    NODE_BINARY,
    [
      ...args,
      ...(basePath ? ['--base-path', basePath] : ['--tmp']),
      '--rpc-port', String(rpcPort),
      '--eth-rpc-port', String(ethRpcPort),
      '--port', String(p2pPort),
      '--prometheus-port', String(prometheusPort),
      '--no-telemetry',
      '--no-mdns',
    ],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  running.add(child);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    running.delete(child);
  });

  const logTail = () => readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const timedOut = await Promise.race([gone.then(() => false), sleep(20_000).then(() => true)]);
    if (timedOut) {
      child.kill('SIGKILL');
      await gone;
    }
  };

  // Without shutdown, as a crash or `kill -9` would end it.
  const kill = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  };

  const rpcUrl = `http://127.0.0.1:${rpcPort}`;
  const ethRpcUrl = `http://127.0.0.1:${ethRpcPort}`;
  const deadline = Date.now() + 120_000;
  const ready = async () => (await rpcAnswers(rpcUrl)) && (!ethRpc || (await ethRpcAnswers(ethRpcUrl)));
  while (!(await ready())) {
    if (exited) throw new Error(`${name} exited (${JSON.stringify(exited)}) before its RPC answered:\n${logTail()}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name}'s RPC did not answer within 120 s:\n${logTail()}`);
    }
    await sleep(250);
  }
  return {
    rpcUrl,
    wsUrl: `ws://127.0.0.1:${rpcPort}`,
    ethRpcUrl,
    prometheusUrl: `http://127.0.0.1:${prometheusPort}/metrics`,
    p2pPort,
    pid: child.pid,
    isRunning: () => exited === null,
    logFile,
    logTail,
    stop,
    kill,
  };
}

/** Whether anything accepts connections on `url`'s port. */
export async function listening(url) {
  try {
    await fetch(url, { method: 'POST' });
    return true;
  } catch {
    return false;
  }
}

/** Connects @polkadot/api to a started node. */
export async function connect(node) {
  return ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
}

/**
 * Runs `body(api, node)` against a fresh `--dev` node, then disconnects and stops the node,
 * whatever the body did.
 */
export async function withDevNode(body) {
  const node = await startNode(['--dev'], { name: 'dev' });
  let api;
  try {
    api = await connect(node);
    return await body(api, node);
  } catch (error) {
    error.message += `\n--- node log (${node.logFile}) ---\n${node.logTail()}`;
    throw error;
  } finally {
    await api?.disconnect();
    await node.stop();
  }
}

/** Waits until `check()` returns a truthy value, polling every second, for at most `ms`. */
export async function waitFor(what, check, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(1_000);
  }
}
