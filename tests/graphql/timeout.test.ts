/**
 * REQUEST_TIMEOUT_MS against an in-process server whose store takes a set time per `list`
 * call: a request that finishes under the limit is answered; one that would run over it is
 * answered at the deadline with REQUEST_TIMEOUT instead of hanging.
 */
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.js';
import { seed } from '../../src/services/import/index.js';
import { createTestStore } from '../helpers/store.js';
import type { GraphStore } from '../../src/store/port.js';
import { ROOT } from '../helpers/api.js';

const TIMEOUT_MS = 600;
let delayMs = 0;
let server: RunningServer;

beforeAll(async () => {
  const memory = await createTestStore();
  await seed(memory, path.join(ROOT, 'seeds'));
  const store: GraphStore = new Proxy(memory, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'list') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<GraphStore['list']>) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return memory.list(...args);
      };
    },
  });
  server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1', settings: { REQUEST_TIMEOUT_MS: TIMEOUT_MS } });
});
afterAll(async () => server?.stop());

async function timed(accept = 'application/json') {
  const start = Date.now();
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query: '{ projects { totalCount } }' }) });
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as any, ms: Date.now() - start };
}

describe('REQUEST_TIMEOUT_MS', () => {
  it('answers a request that finishes under the limit', async () => {
    delayMs = TIMEOUT_MS / 3;
    const res = await timed();
    expect(res.body).toEqual({ data: { projects: { totalCount: 1 } } });
  });

  it('answers a request that would run over the limit with REQUEST_TIMEOUT at the deadline', async () => {
    delayMs = TIMEOUT_MS * 5;
    const res = await timed();
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      errors: [
        {
          message: `the request did not finish within the time limit of ${TIMEOUT_MS} ms (REQUEST_TIMEOUT_MS)`,
          extensions: { code: 'REQUEST_TIMEOUT', limit: { variable: 'REQUEST_TIMEOUT_MS', maximum: TIMEOUT_MS } },
        },
      ],
    });
    expect(res.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(res.ms).toBeLessThan(TIMEOUT_MS * 3);
    expect((await timed('application/graphql-response+json')).contentType).toBe('application/graphql-response+json; charset=utf-8');
  });
});
