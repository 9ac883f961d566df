import type { Logger } from 'pino';
import type { GraphStore } from '../store/port.js';
import { Loaders } from './loaders.js';

/** What every resolver receives: the store, this request's loaders, and a request-scoped logger. */
export interface GraphContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  readonly requestId: string;
  readonly log: Logger;
}

export function createContext(store: GraphStore, requestId: string, log: Logger): GraphContext {
  return { store, loaders: new Loaders(store), requestId, log };
}
