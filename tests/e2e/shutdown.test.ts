/**
 * SIGTERM while a request is in flight: the real API process stops accepting connections,
 * lets the request finish, closes the store and exits 0; and it never waits longer than
 * SHUTDOWN_TIMEOUT_MS for a request.
 *
 * The request is held in flight honestly, without a test switch in the product: the process
 * is started with a test-only preload (tests/helpers/slow-store.ts) that makes the memory
 * store's `list` wait SLOW_STORE_MS.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gql, removeDir, ROOT, startApi, type ApiProcess } from '../helpers/api.js';

const SLOW_STORE = ['--import', path.join(ROOT, 'tests/helpers/slow-store.ts')];

let api: ApiProcess | undefined;
afterEach(async () => {
  await api?.stop();
  if (api) await removeDir(api.dataDir);
  api = undefined;
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('shutdown on SIGTERM', () => {
  it('drains the in-flight request, refuses new connections, then closes the store and exits 0', async () => {
    api = await startApi({ nodeArgs: SLOW_STORE, env: { SLOW_STORE_MS: '1500' } });
    const events: string[] = [];
    const inFlight = gql(api.url, '{ projects { totalCount edges { node { code } } } }').then((res) => {
      events.push('response');
      return res;
    });
    await waitFor(() => api!.output().includes('slow store: list'), 'the request to reach the store');

    const exited = api.stop().then((code) => {
      events.push('exit');
      return code;
    });
    await waitFor(() => api!.output().includes('shutting down'), 'the shutdown to start');
    // No new connections while draining.
    await expect(fetch(`${api.base}/healthz`)).rejects.toThrow();

    const res = await inFlight;
    expect(res.errors).toBeUndefined();
    expect(res.data.projects.totalCount).toBe(1);
    expect(res.data.projects.edges[0].node.code).toBe('BO10P0001/CE.0350');
    expect(await exited).toBe(0);
    expect(events).toEqual(['response', 'exit']);
    const log = api.output();
    expect(log.indexOf('shutting down')).toBeLessThan(log.indexOf('"msg":"shut down"'));
  });

  it('does not wait longer than SHUTDOWN_TIMEOUT_MS for a request', async () => {
    api = await startApi({ nodeArgs: SLOW_STORE, env: { SLOW_STORE_MS: '20000', SHUTDOWN_TIMEOUT_MS: '500' } });
    const inFlight = fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ projects { totalCount } }' }),
    }).then(
      () => 'answered',
      () => 'connection closed',
    );
    await waitFor(() => api!.output().includes('slow store: list'), 'the request to reach the store');
    const start = Date.now();
    expect(await api.stop()).toBe(0);
    expect(Date.now() - start).toBeLessThan(5_000);
    expect(await inFlight).toBe('connection closed');
  });
});
