/**
 * The API on a live Neo4j as `npm run neo4j` gives it to a developer: auth disabled, so no
 * NEO4J_PASSWORD at all (nor a user name or database: the defaults do). Runs in the "neo4j"
 * test project only.
 */
import { describe, expect, it } from 'vitest';
import { gqlData, useApi } from '../helpers/api.js';
import { neo4jUri } from '../helpers/store.js';

const api = useApi({ env: { LOG_LEVEL: 'info' } });

describe('GRAPH_STORE=neo4j on a live Neo4j without a password', () => {
  it('connects with no NEO4J_PASSWORD, seeds the empty database and serves from it', async () => {
    expect(neo4jUri()).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    const ready = await fetch(`${api.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: { backend: 'neo4j', ready: true, nodes: 44, edges: 89 } });
    expect(api.output()).toMatch(/"msg":"empty store seeded"/);
    expect(api.output()).toMatch(/"store":"neo4j","msg":"API listening"/);
    const data = await gqlData(api.url, '{ projects { totalCount edges { node { code } } } }');
    expect(data.projects).toEqual({ totalCount: 1, edges: [{ node: { code: 'BO10P0001/CE.0350' } }] });
  });
});
