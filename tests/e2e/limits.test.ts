/**
 * Limits against abusive queries, set through the environment of the real API process: for
 * each limit, a query just under it is answered and one just over it is refused with
 * QUERY_TOO_COMPLEX and a message naming the limit, its value and its variable.
 */
import { describe, expect, it } from 'vitest';
import { removeDir, startApi, tempDir, useApi } from '../helpers/api.js';

const api = useApi({ env: { MAX_QUERY_DEPTH: '5', MAX_QUERY_COST: '100', MAX_QUERY_LENGTH: '200', MAX_TEXT_LENGTH: '50' } });

async function post(query: string, accept = 'application/json') {
  const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } };
}

function expectRefused(res: Awaited<ReturnType<typeof post>>, message: string, limit: Record<string, unknown>) {
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toEqual([{ message, extensions: { code: 'QUERY_TOO_COMPLEX', limit } }]);
}

describe('MAX_QUERY_DEPTH', () => {
  it('answers a query 5 deep', async () => {
    const res = await post('{ projects(first: 1) { edges { node { partners { role } } } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.projects.edges[0].node.partners[0].role).toMatch(/leading organisation/);
  });

  it('refuses a query 6 deep, also through fragments and inline fragments', async () => {
    const message = 'query depth 6 exceeds the maximum depth of 5 (MAX_QUERY_DEPTH)';
    const limit = { variable: 'MAX_QUERY_DEPTH', maximum: 5, actual: 6 };
    expectRefused(await post('{ projects(first: 1) { edges { node { partners { organization { name } } } } } }'), message, limit);
    expectRefused(
      await post('{ projects(first: 1) { edges { ...E } } } fragment E on ProjectEdge { node { ... on Project { partners { organization { name } } } } }'),
      message,
      limit,
    );
  });
});

describe('MAX_QUERY_COST', () => {
  // A connection's selection counts once per item of the page: 1 + first x 1.
  it('answers a query costing 100', async () => {
    const res = await post('{ projects(first: 99) { totalCount } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.projects.totalCount).toBe(1);
  });

  it('refuses a query costing 101, before resolving anything', async () => {
    expectRefused(await post('{ projects(first: 100) { totalCount } }'), 'query cost 101 exceeds the maximum cost of 100 (MAX_QUERY_COST)', {
      variable: 'MAX_QUERY_COST',
      maximum: 100,
      actual: 101,
    });
  });

  it('multiplies plain lists by the assumed list size (10)', async () => {
    // 1 (themes) + 10 x (1 name + 1 recommendations + 10 x 1 code) = 121
    expectRefused(await post('{ themes { name recommendations { code } } }'), 'query cost 121 exceeds the maximum cost of 100 (MAX_QUERY_COST)', {
      variable: 'MAX_QUERY_COST',
      maximum: 100,
      actual: 121,
    });
  });
});

describe('MAX_TEXT_LENGTH', () => {
  const search = async (text: string) => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query($q: String!) { projects(first: 1, where: { text: $q }) { totalCount } }', variables: { q: text } }) });
    return (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  };

  it('answers a text of 50 characters and refuses one of 51, naming the variable and the limit', async () => {
    expect((await search('a'.repeat(50))).errors).toBeUndefined();
    const refused = await search('a'.repeat(51));
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toEqual([{ message: 'variable $q is 51 characters long; a text in a query may have at most 50 (MAX_TEXT_LENGTH)', extensions: { code: 'BAD_USER_INPUT', limit: { variable: 'MAX_TEXT_LENGTH', maximum: 50, actual: 51 } } }]);
  });

  it('holds inline texts and filter texts to it too', async () => {
    const res = await post(`{ projects(first: 1, where: { text: "${'x'.repeat(60)}" }) { totalCount } }`);
    expect(res.body.errors?.[0]).toMatchObject({ message: 'argument "where" is 60 characters long; a text in a query may have at most 50 (MAX_TEXT_LENGTH)', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('MAX_QUERY_LENGTH', () => {
  const base = '{ projects(first: 1) { totalCount } }';
  const padded = (length: number) => base.padEnd(length, ' ');

  it('answers a query of 200 characters', async () => {
    const res = await post(padded(200));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.projects.totalCount).toBe(1);
  });

  it('refuses a query of 201 characters before parsing it', async () => {
    const res = await post(padded(201));
    expectRefused(res, 'query length 201 exceeds the maximum length of 200 characters (MAX_QUERY_LENGTH)', {
      variable: 'MAX_QUERY_LENGTH',
      maximum: 200,
      actual: 201,
    });
    // An invalid document over the limit is refused for its length, not parsed.
    const garbage = await post('{'.repeat(201));
    expect(garbage.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('status codes of refused queries', () => {
  it('are 200 for application/json and 400 for application/graphql-response+json (GraphQL over HTTP)', async () => {
    const tooDeep = '{ projects(first: 1) { edges { node { partners { organization { name } } } } } }';
    expect((await post(tooDeep)).status).toBe(200);
    expect((await post(tooDeep, 'application/graphql-response+json')).status).toBe(400);
    expect((await post('{'.repeat(201), 'application/graphql-response+json')).status).toBe(400);
  });
});

describe('limit configuration', () => {
  it('stops the process with one line naming a bad value', async () => {
    const dataDir = await tempDir();
    try {
      await expect(startApi({ dataDir, env: { MAX_QUERY_DEPTH: 'deep' } })).rejects.toThrow(/invalid configuration: MAX_QUERY_DEPTH="deep": .*expected number/);
      await expect(startApi({ dataDir, env: { REQUEST_TIMEOUT_MS: '0' } })).rejects.toThrow(/invalid configuration: REQUEST_TIMEOUT_MS="0"/);
      await expect(startApi({ dataDir, env: { CORS_ORIGINS: 'https://app.example.org/path' } })).rejects.toThrow(/invalid configuration: CORS_ORIGINS=.*must be a comma-separated list of origins/);
    } finally {
      await removeDir(dataDir);
    }
  });
});

describe('documents with several operations', () => {
  it('are measured by the operation that runs; an unknown operation name is reported as such', async () => {
    const doc = 'query Light { projects(first: 1) { totalCount } } query Heavy { projects(first: 100) { totalCount } }';
    const send = async (operationName: string) =>
      (await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: doc, operationName }) })).json() as Promise<any>;
    expect(await send('Light')).toEqual({ data: { projects: { totalCount: 1 } } });
    expect((await send('Heavy')).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const unknown = await send('Missing');
    expect(unknown.errors[0]).toMatchObject({ message: 'Unknown operation named "Missing".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
  });
});
