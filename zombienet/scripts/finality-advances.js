// Finality advances by `blocks` (the script's argument) from where it is now; returns by how
// much it advanced.
const { connect, finalizedNumber, waitFor } = require('./lib.js');

async function run(nodeName, networkInfo, [blocks]) {
  const api = await connect(networkInfo, nodeName);
  try {
    const start = await finalizedNumber(api);
    return await waitFor(async () => {
      const advanced = (await finalizedNumber(api)) - start;
      return advanced >= Number(blocks) ? advanced : undefined;
    });
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
