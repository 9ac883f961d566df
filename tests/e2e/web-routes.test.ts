/**
 * What the API process serves besides the API: the explorer at `/` and, to browsers, the
 * GraphQL IDE at `/graphql`, both from the built bundle and both allowed to talk to their own
 * origin only; GraphQL clients at /graphql still get the API (JSON GET and POST, CORS
 * preflight), and without a bundle `/` says how to build one. Apollo's CDN landing page is gone.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/http/web.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { removeDir, tempDir } from '../helpers/api.js';
import { createTestStore } from '../helpers/store.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let server: RunningServer;
let missing: RunningServer;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = await tempDir('meg-web-');
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>explorer</title>');
  await writeFile(path.join(dir, 'graphiql.html'), '<!doctype html><title>ide</title>');
  await writeFile(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'assets', 'big-def456.js'), `console.log(${'1+'.repeat(5000)}1)`);
  await writeFile(path.join(dir, 'assets', 'big-def456.js.gz'), gzipSync(`console.log(${'1+'.repeat(5000)}1)`));
  const store = await createTestStore();
  const log = pino({ level: 'silent' });
  server = await startServer({ store, log, port: 0, host: '127.0.0.1', webDir: dir });
  missing = await startServer({ store, log, port: 0, host: '127.0.0.1', webDir: path.join(dir, 'nothing-here') });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.stop();
  await missing?.stop();
  await removeDir(dir);
});

describe('the explorer and the IDE', () => {
  it('serves the explorer at / with a policy that keeps the page on this origin', async () => {
    const res = await fetch(`${base}/`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('<title>explorer</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self'/);
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${base}/assets/nope.js`)).status).toBe(404);
  });

  it('sends assets gzipped to browsers that accept it (and plain to those that do not)', async () => {
    const gzipped = await fetch(`${base}/assets/big-def456.js`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('content-type')).toMatch(/javascript/);
    expect(await gzipped.text()).toMatch(/^console\.log\(1\+1/); // fetch decodes it
    const plain = await fetch(`${base}/assets/big-def456.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.text()).length).toBe(10_014);
    // Nothing outside the bundle's assets, compressed or not.
    expect([403, 404]).toContain((await fetch(`${base}/assets/..%2F..%2Fetc%2Fpasswd`, { headers: { 'accept-encoding': 'gzip' } })).status);
  });

  it('gives browsers the bundled GraphiQL at /graphql, with no landing page from a CDN', async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>ide</title>');
    expect(html).not.toMatch(/apollographql|embeddable-sandbox|cdn\./i);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    // With a query in the address too (the IDE opens with it).
    expect(await (await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: { accept: BROWSER_ACCEPT } })).text()).toContain('<title>ide</title>');
  });

  it('leaves /graphql to GraphQL clients: GET and POST with JSON, and preflight requests', async () => {
    const get = await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const anything = await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await anything.json()).toEqual({ data: { __typename: 'Query' } });
    const post = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: BROWSER_ACCEPT }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    // A preflight goes on to the API's CORS handling (tests/e2e/cors-introspection.test.ts), not to the IDE.
    const options = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', accept: BROWSER_ACCEPT } });
    expect(await options.text()).not.toContain('<title>ide</title>');
  });

  it('says how to build the explorer when there is no bundle, and the API still answers', async () => {
    const other = `http://127.0.0.1:${missing.port}`;
    const res = await fetch(`${other}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run web:build/);
    const post = await fetch(`${other}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
