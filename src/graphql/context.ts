import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { Principal } from '../auth/tokens.js';
import type { GraphStore } from '../store/port.js';
import { Loaders } from './loaders.js';

/** What every resolver receives: the store, this request's loaders, and a request-scoped logger. */
export interface GraphContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  readonly requestId: string;
  readonly log: Logger;
  /** Who is calling (from the bearer token); the access-control plugin acts on it. */
  readonly principal: Principal;
  /** Aborted when the request's time is up (REQUEST_TIMEOUT_MS): long graph walks stop there. */
  readonly signal?: AbortSignal;
}

export function createContext(store: GraphStore, requestId: string, log: Logger | (() => Logger), options: { principal?: Principal; timeoutMs?: number } = {}): GraphContext {
  // The logger and the deadline's signal are made when first used (most requests use neither):
  // the deadline still counts from now.
  const started = performance.now();
  let logger = typeof log === 'function' ? undefined : log;
  let signal: AbortSignal | undefined;
  const { timeoutMs } = options;
  return {
    store,
    loaders: new Loaders(store),
    requestId,
    get log() {
      return (logger ??= (log as () => Logger)());
    },
    principal: options.principal ?? { role: 'anonymous' },
    get signal() {
      if (timeoutMs) signal ??= requestSignal(Math.max(0, Math.round(timeoutMs - (performance.now() - started))));
      return signal;
    },
  };
}

/**
 * The deadline of one request. Every walk of the graph it starts listens to it (a query may hold
 * as many walks as its cost allows, each one adding a listener while it runs), so it takes more
 * than Node's default ten listeners before warning of a leak.
 */
function requestSignal(timeoutMs: number): AbortSignal {
  const signal = AbortSignal.timeout(timeoutMs);
  setMaxListeners(100, signal);
  return signal;
}
