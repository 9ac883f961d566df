/**
 * Production behaviour of an in-process server over a store that fails: an unexpected error
 * reaches the client as "Internal server error" with no message, stack or detail of its own,
 * while the log has all of it with the request id; /readyz reports a store that is not ready.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.js';
import { seed } from '../../src/services/import/index.js';
import { createTestStore } from '../helpers/store.js';
import type { GraphStore, StoreStatus } from '../../src/store/port.js';
import { ROOT } from '../helpers/api.js';

/** The seeded memory store with some of its methods replaced. */
async function storeWith(overrides: Partial<Record<keyof GraphStore, (...args: any[]) => unknown>>): Promise<GraphStore> {
  const memory = await createTestStore();
  await seed(memory, path.join(ROOT, 'seeds'));
  return new Proxy(memory, {
    get(target, prop, receiver) {
      const override = overrides[prop as keyof GraphStore];
      if (override) return override;
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A pino logger writing JSON lines into an array. */
function capturingLogger() {
  const lines: any[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('an unexpected error in a resolver', () => {
  it('reaches the client as INTERNAL_SERVER_ERROR "Internal server error", and the log with everything', async () => {
    const store = await storeWith({
      list: async () => {
        throw new Error('secret internal detail');
      },
    });
    const { log, lines } = capturingLogger();
    server = await startServer({ store, log, port: 0, host: '127.0.0.1' });

    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-internal-1' },
      body: JSON.stringify({ query: '{ projects { totalCount } }' }),
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      data: null,
      errors: [{ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['projects'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(text).not.toMatch(/secret|stack|Error:|\.ts:\d+/);

    const logged = lines.filter((line) => line.msg === 'unexpected error');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, requestId: 'req-internal-1', path: ['projects'], err: { type: 'Error', message: 'secret internal detail' } });
    expect(logged[0].err.stack).toMatch(/^Error: secret internal detail\n\s+at /);
  });

  it('leaves the other fields of the response alone, and errors raised on purpose unmasked', async () => {
    const store = await storeWith({
      findByKeys: async () => {
        throw new Error('secret internal detail');
      },
    });
    const { log, lines } = capturingLogger();
    server = await startServer({ store, log, port: 0, host: '127.0.0.1' });
    const res = (await (
      await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ themes { name } organization(acronym: "UDAPE") { name } node(id: "nope") { id } }' }),
      })
    ).json()) as any;
    expect(res.data.themes.length).toBeGreaterThan(0);
    expect(res.data.organization).toBeNull();
    expect(res.data.node).toBeNull();
    // Two errors, in whichever order the resolvers failed.
    expect(res.errors).toHaveLength(2);
    expect(res.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'Internal server error', path: ['organization'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
        expect.objectContaining({ message: '"nope" is not a valid id (use the opaque id a query returned)', path: ['node'], extensions: { code: 'BAD_USER_INPUT', argument: 'id' } }),
      ]),
    );
    // Only the unexpected one is logged as an error.
    expect(lines.filter((line) => line.level >= 50).map((line) => line.path)).toEqual([['organization']]);
  });
});

describe('GET /readyz', () => {
  const status = (ready: boolean, detail?: string): StoreStatus => ({ backend: 'memory', ready, nodes: 0, edges: 0, ...(detail ? { detail } : {}) });

  it('answers 503 with the reason when the store is not ready, while /healthz stays 200', async () => {
    const store = await storeWith({ status: async () => status(false, 'Neo4j is not reachable at bolt://db:7687') });
    server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
    const base = server.url.replace(/\/graphql$/, '');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'Neo4j is not reachable at bolt://db:7687', store: status(false, 'Neo4j is not reachable at bolt://db:7687') });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('answers 503 when the status check fails or does not answer in time', async () => {
    const store = await storeWith({
      status: async () => {
        throw new Error('connection refused');
      },
    });
    server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
    const base = server.url.replace(/\/graphql$/, '');
    const failed = await fetch(`${base}/readyz`);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ status: 'unavailable', reason: 'the store status check failed: connection refused' });
    await server.stop();

    const hanging = await storeWith({ status: () => new Promise(() => undefined) });
    server = await startServer({ store: hanging, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
    const slow = await fetch(`${server.url.replace(/\/graphql$/, '')}/readyz`);
    expect(slow.status).toBe(503);
    expect(((await slow.json()) as any).reason).toBe('the store did not answer within 2000 ms');
  });
});
