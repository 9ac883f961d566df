/**
 * Bolt round trips per GraphQL request on Neo4j: the stakeholder questions and a role filter are
 * answered by a fixed, small number of statements, however deep or far they reach and however
 * big the graph. Counted with the store's own tally of what it sends (Neo4jStore.traffic), over
 * the API served in-process, on a small and on a larger generated graph.
 */
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluationRecord } from '../../src/domain/record.js';
import { importRecords } from '../../src/services/import/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import type { Neo4jStore } from '../../src/store/neo4j/store.js';
import { gqlData } from '../helpers/api.js';
import { generatedRecord } from '../helpers/generate.js';
import { createTestStore } from '../helpers/store.js';

const REQUESTS = {
  'paths, 2 hops': `query($a: ID!, $b: ID!) { stakeholderPaths(from: $a, to: $b, maxHops: 2, first: 5) { length nodes { name } edges { type } } }`,
  'paths, 6 hops': `query($a: ID!, $b: ID!) { stakeholderPaths(from: $a, to: $b, maxHops: 6, first: 5) { length nodes { name } edges { type } } }`,
  'network, depth 1': `query($org: ID!) { stakeholderNetwork(organizationId: $org, depth: 1, maxNodes: 500) { nodes { name hop } edges { type } omittedNodes } }`,
  'network, depth 4': `query($org: ID!) { stakeholderNetwork(organizationId: $org, depth: 4, maxNodes: 500) { nodes { name hop } edges { type } omittedNodes } }`,
  collaborators: `query($org: ID!) { node(id: $org) { ... on Organization { collaborators(first: 100) { organization { name } sharedProjectCount } } } }`,
  'organizations by role': `{ organizations(first: 100, where: { role: PARTNER }) { totalCount edges { node { name } } } }`,
} as const;
type Name = keyof typeof REQUESTS;

interface Tally {
  readonly statements: number;
  readonly transactions: number;
  /** What the answer held (nodes, paths, collaborators...), to show the graphs differ. */
  readonly size: number;
}

/** Import `count` generated evaluations into a fresh store, serve it, and count what each request sends. */
async function measure(count: number): Promise<{ nodes: number; tallies: Record<Name, Tally> }> {
  const store = (await createTestStore()) as Neo4jStore;
  await importRecords(store, Array.from({ length: count }, (_, i) => ({ file: `g${i}`, record: parseEvaluationRecord(generatedRecord(i), `g${i}`) })));
  const server: RunningServer = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${server.port}/graphql`;
    const ids = await gqlData(url, `{ idf: organization(acronym: "IDF") { id } first: project(code: "GX0000") { id } last: project(code: "GX${String(count - 1).padStart(4, '0')}") { id } }`);
    const variables = { a: ids.first.id, b: ids.last.id, org: ids.idf.id };
    const tallies = {} as Record<Name, Tally>;
    for (const [name, query] of Object.entries(REQUESTS) as [Name, string][]) {
      const before = { ...store.traffic };
      const data = await gqlData(url, query, Object.fromEntries(Object.entries(variables).filter(([k]) => query.includes(`$${k}:`))));
      const size = JSON.stringify(data).length;
      tallies[name] = { statements: store.traffic.statements - before.statements, transactions: store.traffic.transactions - before.transactions, size };
    }
    return { nodes: (await store.status()).nodes, tallies };
  } finally {
    await server.stop();
  }
}

let small: Record<Name, Tally>;
let larger: Record<Name, Tally>;
const nodes: number[] = [];

beforeAll(async () => {
  for (const count of [12, 150]) {
    const measured = await measure(count);
    nodes.push(measured.nodes);
    if (count === 12) small = measured.tallies;
    else larger = measured.tallies;
  }
}, 600_000);

describe('Bolt round trips per request on Neo4j', () => {
  it('are few: at most 3 statements and 3 transactions per request', () => {
    for (const tallies of [small, larger]) {
      for (const [name, t] of Object.entries(tallies)) {
        expect(t.statements, name).toBeGreaterThan(0);
        expect(t.statements, name).toBeLessThanOrEqual(3);
        expect(t.transactions, name).toBeLessThanOrEqual(3);
      }
    }
  });

  it('do not grow with the depth of a network or the length of a path', () => {
    expect(small['network, depth 4']).toMatchObject({ statements: small['network, depth 1'].statements, transactions: small['network, depth 1'].transactions });
    expect(small['paths, 6 hops']).toMatchObject({ statements: small['paths, 2 hops'].statements, transactions: small['paths, 2 hops'].transactions });
    // The deeper walks did reach further.
    expect(larger['network, depth 4'].size).toBeGreaterThan(larger['network, depth 1'].size);
    expect(larger['paths, 6 hops'].size).toBeGreaterThan(larger['paths, 2 hops'].size);
  });

  it('do not grow with the size of the graph', () => {
    for (const name of Object.keys(REQUESTS) as Name[]) {
      expect({ statements: larger[name].statements, transactions: larger[name].transactions }, name).toEqual({ statements: small[name].statements, transactions: small[name].transactions });
    }
    // The larger graph is larger, and so are the answers of the walks over it.
    expect(nodes[1]).toBeGreaterThan(nodes[0]! * 10);
    expect(larger.collaborators.size).toBeGreaterThan(small.collaborators.size);
    expect(larger['network, depth 4'].size).toBeGreaterThan(small['network, depth 4'].size);
  });
});
