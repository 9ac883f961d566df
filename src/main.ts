/** `npm start`: open the configured store, seed it when empty, serve the API. */
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { seedIfEmpty } from './services/importer.js';
import { startServer } from './server.js';
import { createStore } from './store/index.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const store = createStore(config, log);
  await store.open();
  const seeded = await seedIfEmpty(store, config.SEEDS_DIR);
  if (seeded) log.info({ records: seeded.records, nodes: seeded.nodesCreated, relationships: seeded.edgesCreated }, 'empty store seeded');
  const server = await startServer({ store, log, port: config.PORT, host: config.HOST });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await server.stop();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`fatal: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
