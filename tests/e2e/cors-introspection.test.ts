/**
 * A deployment for browser frontends on other origins, with introspection switched off:
 * CORS_ORIGINS lets the listed origins (and only those) read responses, INTROSPECTION=false
 * refuses `__schema` and `__type` while ordinary queries go on working.
 */
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { gql, useApi } from '../helpers/api.js';

const api = useApi({ env: { CORS_ORIGINS: 'https://app.example.org, http://localhost:5173', INTROSPECTION: 'false' } });

const preflight = (origin: string) =>
  fetch(api.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-request-id' },
  });

const post = (origin: string) =>
  fetch(api.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ themes { name } }' }) });

describe('CORS_ORIGINS', () => {
  it('allows the listed origins, preflight and request', async () => {
    for (const origin of ['https://app.example.org', 'http://localhost:5173']) {
      const pre = await preflight(origin);
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
      expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect(pre.headers.get('access-control-allow-headers')).toBe('content-type,x-request-id');
      const res = await post(origin);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id');
      expect(((await res.json()) as any).data.themes.length).toBeGreaterThan(0);
    }
  });

  it('denies any other origin', async () => {
    for (const origin of ['https://evil.example.org', 'https://app.example.org.evil.example', 'http://localhost:5174']) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
      expect((await post(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('INTROSPECTION=false', () => {
  it('refuses introspection queries', async () => {
    for (const query of [getIntrospectionQuery(), '{ __type(name: "Project") { name } }']) {
      const res = await gql(api.url, query);
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0]?.message).toMatch(/introspection is not allowed/);
    }
  });

  it('still answers ordinary queries, __typename included', async () => {
    const res = await gql(api.url, '{ project(code: "BO10P0001/CE.0350") { __typename code } }');
    expect(res).toEqual({ data: { project: { __typename: 'Project', code: 'BO10P0001/CE.0350' } } });
  });
});
