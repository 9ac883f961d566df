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

/** What a request's context makes on first use, shared by every copy of the context. */
interface OnFirstUse {
  readonly makeLog: () => Logger;
  readonly timeoutMs?: number;
  /** When the request started (performance.now()): the deadline counts from here. */
  readonly started: number;
  log?: Logger;
  signal?: AbortSignal;
}

/**
 * The logger and the deadline's signal are made when first used (most requests use neither).
 * They are getters of the class, not of the object: Apollo Server copies a request's context
 * with `Object.assign` before executing it, which would call getters of the object's own and so
 * make both for every request. The copy shares `onFirstUse`, so what it makes is made once.
 */
class RequestContext implements GraphContext {
  readonly loaders: Loaders;

  constructor(
    readonly store: GraphStore,
    readonly requestId: string,
    readonly principal: Principal,
    private readonly onFirstUse: OnFirstUse,
  ) {
    this.loaders = new Loaders(store);
  }

  get log(): Logger {
    return (this.onFirstUse.log ??= this.onFirstUse.makeLog());
  }

  get signal(): AbortSignal | undefined {
    const lazy = this.onFirstUse;
    if (lazy.timeoutMs) lazy.signal ??= requestSignal(Math.max(0, Math.round(lazy.timeoutMs - (performance.now() - lazy.started))));
    return lazy.signal;
  }
}

export function createContext(store: GraphStore, requestId: string, log: Logger | (() => Logger), options: { principal?: Principal; timeoutMs?: number } = {}): GraphContext {
  const onFirstUse: OnFirstUse = typeof log === 'function' ? { makeLog: log, timeoutMs: options.timeoutMs, started: performance.now() } : { makeLog: () => log, log, timeoutMs: options.timeoutMs, started: performance.now() };
  return new RequestContext(store, requestId, options.principal ?? { role: 'anonymous' }, onFirstUse);
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
