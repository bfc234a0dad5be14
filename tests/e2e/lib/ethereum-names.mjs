// A real local Ethereum node (anvil, from npm) with ENS and Unstoppable Domains deployed from
// their published npm artifacts, for the CNS bridge's tests.
//
// The artifacts' packages depend on old tooling (truffle, web3 1.x) that does not install here,
// so their tarballs are fetched with `npm pack` into a cache and only the JSON is read.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ethers } from 'ethers';

import { freePort, rpcCall } from './node.mjs';

const require = createRequire(import.meta.url);
const ANVIL = join(dirname(require.resolve('@foundry-rs/anvil-linux-amd64/package.json')), 'bin', 'anvil');
const ARTIFACT_CACHE = join(homedir(), '.cache', 'ghostchain', 'npm-artifacts');

/** anvil's first dev account. */
const DEPLOYER_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

/** `path` in the npm package `spec` (`name@version`), as parsed JSON. */
function packedArtifact(spec, path) {
  mkdirSync(ARTIFACT_CACHE, { recursive: true });
  // npm's own name for the tarball: `@scope/name@1.0.0` is `scope-name-1.0.0.tgz`.
  const tarball = join(ARTIFACT_CACHE, `${spec.replace(/^@/, '').replace(/[@/]/g, '-')}.tgz`);
  if (!existsSync(tarball)) {
    execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', ARTIFACT_CACHE], { stdio: 'ignore' });
  }
  const json = execFileSync('tar', ['-xzOf', tarball, `package/${path}`], { maxBuffer: 64 << 20 });
  return JSON.parse(json);
}

const artifacts = {
  ensRegistry: () => packedArtifact('@ensdomains/ens@0.6.2', 'build/contracts/ENSRegistry.json'),
  publicResolver: () => packedArtifact('@ensdomains/resolver@0.3.1', 'build/contracts/PublicResolver.json'),
  unsRegistry: () => packedArtifact('@unstoppabledomains/uns@1.0.17', 'artifacts/UNSRegistry.json'),
  proxyReader: () => packedArtifact('@unstoppabledomains/uns@1.0.17', 'artifacts/ProxyReader.json'),
};

/** EIP-137's namehash, as ENS and UNS (the token id) use it. */
export const namehash = (name) => ethers.namehash(name);

/**
 * Starts anvil on `port` (by default a free loopback port). Its `finalized` block trails the
 * head by two blocks (`--slots-in-an-epoch 1`), so a record is final two blocks after it is
 * written. With `configOut`, anvil writes its configuration there, which also puts that path on
 * its command line (zombienet.sh stops every process whose command line names the network's
 * directory).
 */
export async function startAnvil({ port, configOut } = {}) {
  port ??= await freePort();
  const args = ['--port', String(port), '--slots-in-an-epoch', '1', '--silent'];
  if (configOut) args.push('--config-out', configOut);
  const child = spawn(ANVIL, args, { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await rpcCall(url, 'eth_chainId');
      break;
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) throw new Error(`anvil did not start: ${error}`);
      await sleep(100);
    }
  }
  const provider = new ethers.JsonRpcProvider(url, undefined, { staticNetwork: true, cacheTimeout: -1 });
  const deployer = new ethers.NonceManager(new ethers.Wallet(DEPLOYER_KEY, provider));
  let stopped = false;
  return {
    url,
    provider,
    deployer,
    /** Mines `blocks` empty blocks, so that what was written before is final. */
    finalize: (blocks = 3) => provider.send('anvil_mine', [ethers.toQuantity(blocks)]),
    async finalizedBlock() {
      const block = await provider.send('eth_getBlockByNumber', ['finalized', false]);
      return { number: Number(block.number), hash: block.hash };
    },
    /** Lets anvil run on without this process's connection to it. */
    release: () => provider.destroy(),
    stop() {
      if (stopped) return;
      stopped = true;
      child.kill('SIGKILL');
      provider.destroy();
    },
  };
}

async function deploy(signer, artifact, ...args) {
  const factory = new ethers.ContractFactory(artifact.abi, artifact.bytecode, signer);
  const contract = await factory.deploy(...args);
  await contract.waitForDeployment();
  return contract;
}

async function mined(transaction) {
  const receipt = await (await transaction).wait();
  if (receipt.status !== 1) throw new Error(`transaction ${receipt.hash} reverted`);
  return receipt;
}

/**
 * ENS's registry and public resolver. `register(name, records)` gives a second-level `.eth`
 * name an owner and, if `records` is not null, the resolver with `records`:
 * `{ eth, addresses: { coinType: bytes }, texts: { key: value }, contenthash }`.
 */
export async function deployEns(anvil) {
  const { deployer } = anvil;
  const owner = await deployer.getAddress();
  const registry = await deploy(deployer, artifacts.ensRegistry());
  const resolver = await deploy(deployer, artifacts.publicResolver(), await registry.getAddress());
  const label = (name) => ethers.id(name);
  await mined(registry.setSubnodeOwner(ethers.ZeroHash, label('eth'), owner));
  return {
    registry: await registry.getAddress(),
    resolver: await resolver.getAddress(),
    owner,
    async register(name, records) {
      const [first, ...rest] = name.split('.');
      if (rest.join('.') !== 'eth') throw new Error(`${name} is not a second-level .eth name`);
      const node = namehash(name);
      await mined(registry.setSubnodeOwner(namehash('eth'), label(first), owner));
      if (records === null) return;
      await mined(registry.setResolver(node, await resolver.getAddress()));
      await this.setRecords(name, records);
    },
    async setRecords(name, { eth, addresses = {}, texts = {}, contenthash } = {}) {
      const node = namehash(name);
      if (eth) await mined(resolver['setAddr(bytes32,address)'](node, eth));
      for (const [coinType, address] of Object.entries(addresses)) {
        await mined(resolver['setAddr(bytes32,uint256,bytes)'](node, coinType, address));
      }
      for (const [key, value] of Object.entries(texts)) await mined(resolver.setText(node, key, value));
      if (contenthash) await mined(resolver.setContenthash(node, contenthash));
    },
  };
}

/**
 * Unstoppable Domains' registry with `crypto` minted, and the `ProxyReader` that the bridge
 * reads. `mint(name, records)` mints a `.crypto` name with `records` (`{ key: value }`).
 */
export async function deployUns(anvil) {
  const { deployer } = anvil;
  const owner = await deployer.getAddress();
  const registry = await deploy(deployer, artifacts.unsRegistry());
  // The deployer is the minting manager; there is no CNS (legacy) registry or Polygon bridge.
  await mined(registry.initialize(owner, ethers.ZeroAddress, ethers.ZeroAddress, ethers.ZeroAddress));
  await mined(registry.mintTLD(namehash('crypto'), 'crypto'));
  const reader = await deploy(deployer, artifacts.proxyReader());
  await mined(reader.initialize(await registry.getAddress(), ethers.ZeroAddress));
  await mined(registry.addProxyReader(await reader.getAddress()));
  return {
    registry: await registry.getAddress(),
    reader: await reader.getAddress(),
    owner,
    async mint(name, records = {}) {
      await mined(registry.mintWithRecords(owner, name.split('.'), Object.keys(records), Object.values(records), false));
    },
    async setRecords(name, records) {
      await mined(registry.setMany(Object.keys(records), Object.values(records), namehash(name)));
    },
  };
}
