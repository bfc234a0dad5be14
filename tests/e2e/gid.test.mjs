// GID on one --dev node: a did:ghost DID created with @polkadot/api, resolved as a W3C DID
// Resolution result by gid_resolve, checked with gid_verify, then deactivated by a DID-signed
// operation.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';

import { connect, rpcCall, startNode } from './lib/node.mjs';
import { sendFailing, sendOk } from './lib/tx.mjs';

const SS58_PREFIX = 4242;
/** Relationship bits, as `Relationships` stores them. */
const AUTHENTICATION = 1;
const ASSERTION_METHOD = 2;
const CAPABILITY_INVOCATION = 8;
const RELATIONSHIPS = ['authentication', 'assertionMethod', 'keyAgreement', 'capabilityInvocation', 'capabilityDelegation'];

await cryptoWaitReady();
let node;
let api;
let alice;
let did;
/** Key 1: ed25519, signs changes and authenticates. Key 2: sr25519, makes assertions. */
let controllerKey;
let assertionKey;

before(async () => {
  node = await startNode(['--dev'], { name: 'gid' });
  api = await connect(node);
  alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  controllerKey = new Keyring({ type: 'ed25519' }).addFromUri('//Alice//did-controller');
  assertionKey = new Keyring({ type: 'sr25519' }).addFromUri('//Alice//did-assertion');
  did = `did:ghost:${encodeAddress(alice.publicKey, SS58_PREFIX)}`;
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
});

async function resolve(didToResolve) {
  const { result, error } = await rpcCall(node.rpcUrl, 'gid_resolve', [didToResolve]);
  assert.equal(error, undefined, JSON.stringify(error));
  return result;
}

test('a DID with an ed25519 and an sr25519 key and a service resolves as a W3C DID document', async () => {
  const keys = [
    [{ Ed25519: controllerKey.publicKey }, AUTHENTICATION | CAPABILITY_INVOCATION],
    [{ Sr25519: assertionKey.publicKey }, ASSERTION_METHOD],
  ];
  const services = [{ id: 'home', serviceType: 'LinkedDomains', url: 'https://alice.example' }];
  const { events } = await sendOk(api.tx.gid.create(keys, services), alice);
  assert.ok(events.some(({ event }) => api.events.gid.DidCreated.is(event)));

  const { didDocument, didResolutionMetadata, didDocumentMetadata } = await resolve(did);
  assert.equal(didResolutionMetadata.contentType, 'application/did+ld+json');
  assert.ok(didDocument['@context'].includes('https://www.w3.org/ns/did/v1'));
  assert.equal(didDocument.id, did);
  assert.equal(didDocument.controller, did);

  const methodIds = new Set();
  for (const method of didDocument.verificationMethod) {
    for (const field of ['id', 'type', 'controller', 'publicKeyMultibase']) assert.ok(method[field], `${field} of ${method.id}`);
    assert.ok(method.id.startsWith(`${did}#`));
    assert.ok(method.publicKeyMultibase.startsWith('z'), 'base58-btc multibase');
    methodIds.add(method.id);
  }
  assert.equal(methodIds.size, 2);
  for (const relationship of RELATIONSHIPS) {
    for (const reference of didDocument[relationship] ?? []) assert.ok(methodIds.has(reference), `${relationship}: ${reference}`);
  }
  assert.deepEqual(didDocument.authentication, [`${did}#key-1`]);
  assert.deepEqual(didDocument.capabilityInvocation, [`${did}#key-1`]);
  assert.deepEqual(didDocument.assertionMethod, [`${did}#key-2`]);
  assert.deepEqual(didDocument.service, [
    { id: `${did}#home`, type: 'LinkedDomains', serviceEndpoint: 'https://alice.example' },
  ]);
  assert.equal(didDocumentMetadata.versionId, '1');
  assert.match(didDocumentMetadata.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(didDocumentMetadata.deactivated, undefined);
});

test('gid_verify accepts a signature only from a key in the relationship', async () => {
  const message = stringToU8a('I, did:ghost Alice, assert this.');
  const signature = u8aToHex(assertionKey.sign(message));
  const verify = async (relationship, signed = signature) =>
    (await rpcCall(node.rpcUrl, 'gid_verify', [did, relationship, u8aToHex(message), signed])).result;
  assert.equal(await verify('assertionMethod'), true);
  assert.equal(await verify('authentication'), false);
  assert.equal(await verify('authentication', u8aToHex(controllerKey.sign(message))), true);
});

test('a DID-signed deactivation shows as deactivated: true and cannot be replayed', async () => {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const operation = api.createType('PalletGidDidOperation', {
    did: alice.address,
    nonce: 0,
    expiresAt: best + 20,
    signer: 1,
    change: { Deactivate: null },
  });
  // The payload is SCALE (context, genesis hash, operation), as Pallet::signing_payload says.
  const payload = api
    .createType('(Bytes, H256, PalletGidDidOperation)', ['ghost/gid/operation', api.genesisHash, operation])
    .toU8a();
  const signature = { Ed25519: controllerKey.sign(payload) };
  const bob = new Keyring({ type: 'sr25519' }).addFromUri('//Bob');
  const { events } = await sendOk(api.tx.gid.update(operation, signature), bob);
  assert.ok(events.some(({ event }) => api.events.gid.DidDeactivated.is(event)));

  const { didDocument, didDocumentMetadata } = await resolve(did);
  assert.equal(didDocumentMetadata.deactivated, true);
  assert.equal(didDocumentMetadata.versionId, '2');
  assert.equal(didDocument.id, did);
  assert.equal(didDocument.verificationMethod, undefined);

  assert.equal(await sendFailing(api.tx.gid.update(operation, signature), bob), 'gid.DidDeactivated');
});

test('malformed DIDs get the DID Resolution error, and the node keeps answering', async () => {
  const cases = [
    ['did:ghost:', 'invalidDid'],
    ['did:other:x', 'methodNotSupported'],
    ['x'.repeat(10 * 1024), 'invalidDid'],
    [`did:ghost:${alice.address}`, 'invalidDid'], // SS58 with the generic prefix 42, not 4242
    [`did:ghost:${encodeAddress(new Uint8Array(32).fill(7), SS58_PREFIX)}`, 'notFound'],
  ];
  for (const [malformed, error] of cases) {
    const result = await resolve(malformed);
    assert.equal(result.didResolutionMetadata.error, error, malformed.slice(0, 40));
    assert.equal(result.didDocument, null);
  }
  assert.ok((await rpcCall(node.rpcUrl, 'system_health')).result);
});
