// Once a third validator is back, the blocks authored while finality stalled are finalized;
// returns the finalized height reached.
const { connect, finalizedNumber, recorded, waitFor } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const { best } = recorded(networkInfo, 'stalled');
  const api = await connect(networkInfo, nodeName);
  try {
    return await waitFor(async () => {
      const finalized = await finalizedNumber(api);
      return finalized >= best ? finalized : undefined;
    });
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
