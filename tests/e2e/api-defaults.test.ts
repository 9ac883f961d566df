/**
 * The API as a frontend meets it with the default configuration: GraphQL-over-HTTP
 * conformance (graphql-http's audit), automatic persisted queries, introspection under the
 * default limits, probes, CORS closed to other origins, and errors raised on purpose passing
 * through unchanged.
 */
import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { auditServer } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { gql, useApi } from '../helpers/api.js';
import { testStoreKind } from '../helpers/store.js';

const api = useApi();

describe('GraphQL over HTTP (graphql-http audit)', () => {
  it('passes every MUST and every SHOULD', async () => {
    const results = await auditServer({ url: api.url });
    const failed = (level: string) => results.filter((r) => r.name.startsWith(`${level} `) && r.status !== 'ok').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(results.filter((r) => r.name.startsWith('MUST ')).length).toBeGreaterThan(10);
    expect(failed('MUST')).toEqual([]);
    expect(failed('SHOULD')).toEqual([]);
    // The MAYs left: GETs without a CSRF-safe header are refused (Apollo's CSRF prevention).
    expect(failed('MAY').every((line) => /GET/.test(line))).toBe(true);
  });
});

describe('automatic persisted queries', () => {
  const query = '{ project(code: "BO10P0001/CE.0350") { title } }';
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
  const post = async (body: object) =>
    (await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<any>;

  it('asks for the query when the hash is unknown, then answers by hash alone (POST and GET)', async () => {
    expect((await post({ extensions })).errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    const title = 'Strengthening Internal Migration Policies in Bolivia';
    expect(await post({ query, extensions })).toEqual({ data: { project: { title } } });
    expect(await post({ extensions })).toEqual({ data: { project: { title } } });

    // GET by hash, as a CDN could cache it; Apollo's CSRF prevention wants a preflight-forcing header.
    const url = `${api.url}?extensions=${encodeURIComponent(JSON.stringify(extensions))}`;
    const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { project: { title } } });
  });

  it('refuses a query whose hash does not match it', async () => {
    const res = await post({ query: '{ themes { name } }', extensions });
    expect(res.errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }]);
    expect(res.data).toBeUndefined();
  });
});

describe('introspection', () => {
  it('works under the default limits with the standard introspection query', async () => {
    const res = await gql(api.url, getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
    expect(res.data.__schema.types.map((t: { name: string }) => t.name)).toContain('Evaluation');
  });
});

describe('probes', () => {
  it('GET /healthz says the process is alive; GET /readyz says the store is ready', async () => {
    const health = await fetch(`${api.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: { backend: testStoreKind(), ready: true } }); // the test project's store
  });
});

describe('CORS by default', () => {
  it('lets no other origin read responses', async () => {
    const preflight = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { origin: 'https://app.example.org', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ themes { name } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('errors raised on purpose', () => {
  it('reach the client unchanged: validation errors, bad input, with the request id in a header', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'frontend-42' },
      body: JSON.stringify({ query: '{ projects(first: 0) { totalCount } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('frontend-42');
    const body = (await res.json()) as any;
    expect(body.errors).toEqual([
      { message: 'first must be between 1 and 100, got 0', locations: [{ line: 1, column: 3 }], path: ['projects'], extensions: { code: 'BAD_USER_INPUT', argument: 'first' } },
    ]);

    const invalid = await gql(api.url, '{ projects { nope } }');
    expect(invalid.errors).toEqual([
      expect.objectContaining({ message: 'Cannot query field "nope" on type "ProjectConnection".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
  });

  it('a body that is not JSON gets a JSON error, not an HTML page with a stack', async () => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  });
});
