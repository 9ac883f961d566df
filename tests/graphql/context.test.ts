/**
 * A request's context makes its logger and its deadline's signal only when a resolver uses them.
 * Apollo Server copies the context (`Object.assign`) before executing a request; a request that
 * uses neither must still make neither, and one that uses them must make each once, whichever
 * copy asks.
 */
import { ApolloServer } from '@apollo/server';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContext, type GraphContext } from '../../src/graphql/context.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { createTestStore } from '../helpers/store.js';
import type { GraphStore } from '../../src/store/port.js';

let store: GraphStore;
let apollo: ApolloServer<GraphContext>;

beforeAll(async () => {
  store = await createTestStore();
  apollo = new ApolloServer<GraphContext>({ schema: await buildSchema() });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await store?.close();
});
afterEach(() => vi.restoreAllMocks());

describe('request context', () => {
  it('makes no logger and no deadline for a request that uses neither', async () => {
    const makeLog = vi.fn(() => pino({ level: 'silent' }));
    const timeout = vi.spyOn(AbortSignal, 'timeout');
    const contextValue = createContext(store, 'request-1', makeLog, { timeoutMs: 5_000 });
    const response = await apollo.executeOperation({ query: '{ projects(first: 1) { totalCount } }' }, { contextValue });
    expect(response.body.kind === 'single' && response.body.singleResult.errors).toBeFalsy();
    expect(makeLog).not.toHaveBeenCalled();
    expect(timeout).not.toHaveBeenCalled();
  });

  it('makes each once, shared by the copies Apollo makes of the context', () => {
    const makeLog = vi.fn(() => pino({ level: 'silent' }));
    const timeout = vi.spyOn(AbortSignal, 'timeout');
    const context = createContext(store, 'request-2', makeLog, { timeoutMs: 5_000 });
    // What Apollo Server does with the context of every request before executing it.
    const copy: GraphContext = Object.assign(Object.create(Object.getPrototypeOf(context)), context);
    expect(makeLog).not.toHaveBeenCalled();
    expect(copy.log).toBe(context.log);
    expect(copy.signal).toBe(context.signal);
    expect(copy.signal?.aborted).toBe(false);
    expect(makeLog).toHaveBeenCalledTimes(1);
    expect(timeout).toHaveBeenCalledTimes(1);
    expect(timeout.mock.calls[0]![0]).toBeGreaterThan(4_000);
    expect(copy.loaders).toBe(context.loaders);
    expect(copy.requestId).toBe('request-2');
  });

  it('has no deadline without a time limit, and takes a logger as it is', () => {
    const log = pino({ level: 'silent' });
    const context = createContext(store, 'request-3', log);
    expect(context.signal).toBeUndefined();
    expect(context.log).toBe(log);
    expect(context.principal).toEqual({ role: 'anonymous' });
  });
});
