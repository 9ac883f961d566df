import type { Config } from '../config.js';
import { MemoryStore } from './memory.js';
import type { GraphStore } from './port.js';

/** The store the configuration asks for. */
export function createStore(config: Pick<Config, 'GRAPH_STORE' | 'DATA_DIR'>): GraphStore {
  switch (config.GRAPH_STORE) {
    case 'memory':
      return new MemoryStore({ dataDir: config.DATA_DIR });
    case 'neo4j':
      throw new Error('GRAPH_STORE=neo4j is not available yet: use the default memory store');
  }
}
