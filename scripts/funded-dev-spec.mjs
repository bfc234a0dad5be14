// Prints the development chain spec with N more accounts funded at genesis (random keys, one
// GCC each): a state the size of a young live chain, for `benchmark storage`
// (scripts/benchmark-runtime.sh).
//   node scripts/funded-dev-spec.mjs 20000 > spec.json

import { encodeAddress, randomAsU8a } from '@polkadot/util-crypto';

import { fundedDevSpec } from '../tests/e2e/lib/node.mjs';

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 0) {
  console.error('usage: node scripts/funded-dev-spec.mjs <accounts>');
  process.exit(2);
}
const addresses = Array.from({ length: count }, () => encodeAddress(randomAsU8a(32)));
process.stdout.write(fundedDevSpec(addresses, 10n ** 18n));
