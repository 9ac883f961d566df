/**
 * REQUEST_TIMEOUT_MS against an in-process server whose store takes a set time per `list`
 * call: a request that finishes under the limit is answered; one that would run over it is
 * answered at the deadline with REQUEST_TIMEOUT instead of hanging.
 */
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deadlines } from '../../src/graphql/limits/request.js';
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

describe('the deadlines of requests in flight (one timer for all)', () => {
  it('expires each request that has not finished at its own deadline, in order, and none that finished', async () => {
    const deadlines = new Deadlines(300);
    const started = performance.now();
    const expired: { name: string; after: number }[] = [];
    const start = (name: string) => deadlines.start(() => expired.push({ name, after: performance.now() - started }));
    const a = start('a');
    await new Promise((resolve) => setTimeout(resolve, 40));
    start('b');
    const c = start('c');
    start('d');
    a(); // finished before its deadline
    await new Promise((resolve) => setTimeout(resolve, 30));
    c();
    await expect.poll(() => expired.length, { timeout: 5_000 }).toBe(2);
    expect(expired.map((e) => e.name)).toEqual(['b', 'd']);
    // b and d started 40 ms in: their deadline is at 340 ms, not at a's (300 ms).
    for (const e of expired) expect(e.after).toBeGreaterThanOrEqual(339);
    // A request started once the set is empty gets its own full time again.
    const later = performance.now();
    const at = await new Promise<number>((resolve) => deadlines.start(() => resolve(performance.now() - later)));
    expect(at).toBeGreaterThanOrEqual(299);
  });
});
