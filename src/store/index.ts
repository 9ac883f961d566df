import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { EmbeddedStore } from './embedded/store.js';
import { Neo4jStore } from './neo4j/store.js';
import type { GraphStore } from './port.js';

export type StoreConfig = Pick<Config, 'GRAPH_STORE' | 'DATA_DIR' | 'NEO4J_URI' | 'NEO4J_USERNAME' | 'NEO4J_PASSWORD' | 'NEO4J_DATABASE' | 'NEO4J_CONNECT_ATTEMPTS' | 'NEO4J_CONNECT_BACKOFF_MS'>;

/** The store the configuration asks for (not yet opened). */
export function createStore(config: StoreConfig, log?: Logger): GraphStore {
  switch (config.GRAPH_STORE) {
    case 'memory':
      return new EmbeddedStore({ dataDir: config.DATA_DIR });
    case 'neo4j':
      return new Neo4jStore({
        uri: config.NEO4J_URI!,
        username: config.NEO4J_USERNAME,
        password: config.NEO4J_PASSWORD,
        database: config.NEO4J_DATABASE,
        connectAttempts: config.NEO4J_CONNECT_ATTEMPTS,
        connectBackoffMs: config.NEO4J_CONNECT_BACKOFF_MS,
        onRetry: (attempt, error, delayMs) => log?.warn({ uri: config.NEO4J_URI, attempt, delayMs, error: error.message.split('\n')[0] }, 'Neo4j not reachable yet, retrying'),
      });
  }
}
