/** `npm start`: open the configured store, seed it when empty, serve the API. */
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { seedIfEmpty } from './services/import/index.js';
import { startServer } from './server.js';
import { createStore } from './store/index.js';

/** How long closing the store may take after the HTTP server has drained. */
const STORE_CLOSE_GRACE_MS = 5_000;

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
  const server = await startServer({ store, log, port: config.PORT, host: config.HOST, settings: config });

  // Shutdown: stop accepting connections, let in-flight requests finish (connections still
  // open after SHUTDOWN_TIMEOUT_MS are closed), close the store, exit 0. Should any of it hang,
  // the process exits 1 once closing the store has had STORE_CLOSE_GRACE_MS more.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down: draining in-flight requests');
    const deadline = setTimeout(() => {
      log.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS + STORE_CLOSE_GRACE_MS }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + STORE_CLOSE_GRACE_MS);
    deadline.unref();
    try {
      await server.stop();
      await store.close();
      log.info('shut down');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`fatal: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
