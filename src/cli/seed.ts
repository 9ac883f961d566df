/** `npm run seed`: load every record in `seeds/` into the configured store (idempotent). */
import { ConfigError, loadConfig } from '../config.js';
import { seed } from '../services/import/index.js';
import { createStore } from '../store/index.js';

try {
  const config = loadConfig();
  const store = createStore(config);
  await store.open();
  try {
    const summary = await seed(store, config.SEEDS_DIR);
    const status = await store.status();
    console.log(
      `seeded ${summary.records} record(s) from ${config.SEEDS_DIR} into the ${store.backend} store: ` +
        `${summary.nodesCreated} nodes created, ${summary.nodesUpdated} updated; ` +
        `${summary.edgesCreated} relationships created, ${summary.edgesUpdated} updated; ` +
        `store now holds ${status.nodes} nodes and ${status.edges} relationships`,
    );
  } finally {
    await store.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
