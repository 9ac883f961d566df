/**
 * The exact Cypher and parameters the Neo4j store sends for representative calls of the port,
 * in the manner of neo4j/graphql's TCK tests: a change to a statement, or to how the store
 * fills it in, shows here as a diff to read. Captured from the store's own listener
 * (Neo4jStore.traffic) while it runs against the live Neo4j. The compiled filters themselves are
 * pinned in tests/neo4j/filter-cypher.test.ts.
 */
import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationFilter } from '../../src/services/filters.js';
import type { Neo4jStore, SentStatement } from '../../src/store/neo4j/store.js';
import { createTestStore } from '../helpers/store.js';

let store: Neo4jStore;

beforeAll(async () => {
  store = (await createTestStore()) as Neo4jStore;
});

/** What the store sends while `call` runs. */
async function sent(call: () => Promise<unknown>): Promise<SentStatement[]> {
  const statements: SentStatement[] = [];
  store.traffic.listener = (s) => statements.push(s);
  try {
    await call();
  } finally {
    store.traffic.listener = undefined;
  }
  return statements;
}

const lines = (...text: string[]) => text.join('\n');

const ROLE_FILTER = 'EXISTS { MATCH (n)-[r1:PARTICIPATES_IN]->(m0) WHERE $f0 IN r1.roles }';

describe('statements the Neo4j store sends, pinned', () => {
  it('findByKeys: one full-text lookup for all keys, each quoted (quotes escaped), filtered to the label', async () => {
    expect(await sent(() => store.findByKeys('Organization', ['ine', 'national institute of statistics', 'say "hi"', 'ine']))).toEqual([
      {
        name: 'nodes.byKeys',
        text: lines(
          'UNWIND $searches AS search',
          "CALL db.index.fulltext.queryNodes('node_keys', search) YIELD node",
          'WITH DISTINCT node',
          'WHERE node:Organization',
          'RETURN node.id AS id, properties(node) AS props',
        ),
        params: { searches: ['"ine" OR "national institute of statistics" OR "say \\"hi\\""'] },
      },
    ]);
  });

  it('neighbourhood: a breadth-first search from the start whose depth is the pattern bound; the roles, the PART_OF switch and the cap are parameters', async () => {
    expect(await sent(() => store.neighbourhood('organization:ine', { depth: 3, maxNodes: 50, roles: ['PARTNER', 'UNIT'] }))).toEqual([
      {
        name: 'stakeholders.neighbourhood',
        text: lines(
          'MATCH (start:Organization|Project|Evaluation {id: $start})',
          'MATCH p = (start)-[links:PARTICIPATES_IN|PART_OF*0..3]-(n)',
          'WHERE all(r IN links WHERE CASE WHEN r:PART_OF THEN $partOf ELSE $roles IS NULL OR any(role IN r.roles WHERE role IN $roles) END)',
          'WITH n, min(length(p)) AS hop',
          'ORDER BY hop, CASE WHEN n:Organization THEN 0 ELSE 1 END, coalesce(n.sortName, n.id), n.id',
          'WITH collect({node: n, hop: hop}) AS reached',
          'WITH reached[..$maxNodes] AS kept, size(reached) AS total',
          'WITH kept, total, [k IN kept | k.node] AS nodes',
          'CALL (nodes) {',
          '  UNWIND nodes AS a',
          '  UNWIND [(a)-[r:PARTICIPATES_IN|PART_OF]->(b) WHERE b IN nodes AND CASE WHEN r:PART_OF THEN $partOf ELSE $roles IS NULL OR any(role IN r.roles WHERE role IN $roles) END',
          '    | {type: type(r), from: a.id, to: b.id, props: properties(r)}] AS edge',
          '  WITH edge',
          "  ORDER BY edge.from + '|' + edge.type + '|' + edge.to",
          '  RETURN collect(edge) AS edges',
          '}',
          'UNWIND range(0, size(kept) + size(edges)) AS i',
          'WITH i, kept, edges, total, CASE WHEN i < size(kept) THEN kept[i] END AS k',
          'WITH i, kept, edges, total, k, k.node AS n',
          'RETURN CASE WHEN n IS NOT NULL THEN {id: n.id, props: n {.*, matchKeys: null, searchText: null}, hop: k.hop} END AS node,',
          '  CASE WHEN i >= size(kept) AND i < size(kept) + size(edges) THEN edges[i - size(kept)] END AS edge,',
          '  CASE WHEN i = 0 THEN total - size(kept) END AS omitted',
        ),
        params: { start: 'organization:ine', roles: ['PARTNER', 'UNIT'], partOf: true, maxNodes: neo4j.int(50) },
      },
    ]);
    // Without roles every link is followed.
    const [all] = await sent(() => store.neighbourhood('project:p1', { depth: 1, maxNodes: 10 }));
    expect(all!.text).toContain('-[links:PARTICIPATES_IN|PART_OF*0..1]-(n)');
    expect(all!.params).toEqual({ start: 'project:p1', roles: null, partOf: true, maxNodes: neo4j.int(10) });
  });

  it('paths: the longest path is the quantifier bound of both searches; the ends and how many are parameters', async () => {
    expect(await sent(() => store.paths('organization:udape', 'organization:iis', { maxHops: 4, first: 3 }))).toEqual([
      {
        name: 'stakeholders.paths',
        text: lines(
          'MATCH (a:Organization|Project|Evaluation {id: $from})',
          'MATCH (b:Organization|Project|Evaluation {id: $to})',
          'CALL (a, b) {',
          '  MATCH SHORTEST 20 (p = (a)-[:PARTICIPATES_IN|PART_OF]-{0,4}(b)',
          '    WHERE all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i]))',
          '  WITH p',
          '  ORDER BY length(p), [x IN nodes(p) | [coalesce(x.sortName, x.id), x.id]]',
          '  RETURN collect(p) AS found',
          '}',
          'WITH a, b, found, CASE WHEN size(found) = 20 AND length(found[$first - 1]) = length(found[-1]) THEN length(found[-1]) END AS tie',
          'CALL (a, b, tie) {',
          '  WITH a, b, tie',
          '  WHERE tie IS NOT NULL',
          '  MATCH ALL SHORTEST (p = (a)-[:PARTICIPATES_IN|PART_OF]-{0,4}(b)',
          '    WHERE length(p) >= tie AND all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i]))',
          '  RETURN collect(p) AS tied',
          '}',
          'UNWIND [p IN found WHERE tie IS NULL OR length(p) < tie] + tied AS p',
          'RETURN [x IN nodes(p) | {id: x.id, props: properties(x)}] AS nodes,',
          '  [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS edges',
          'ORDER BY length(p), [x IN nodes(p) | [coalesce(x.sortName, x.id), x.id]]',
          'LIMIT $first',
        ),
        params: { from: 'organization:udape', to: 'organization:iis', first: neo4j.int(3) },
      },
    ]);
  });

  it('collaborators: one statement from the organisation, grouped, ordered and cut at `first` in the database', async () => {
    expect(await sent(() => store.collaborators('organization:ine', { first: 20 }))).toEqual([
      {
        name: 'stakeholders.collaborators',
        text: lines(
          'MATCH (o:Organization {id: $organization})',
          'USING INDEX SEEK o:Organization(id)',
          'MATCH (o)-[mine:PARTICIPATES_IN]->(hub)<-[theirs:PARTICIPATES_IN]-(other:Organization)',
          'WITH other, hub, mine, theirs',
          'ORDER BY coalesce(hub.sortName, hub.id), hub.id',
          'WITH other, collect({hub: hub.id, mine: properties(mine), theirs: properties(theirs)}) AS shared',
          'ORDER BY size(shared) DESC, coalesce(other.sortName, other.id), other.id',
          'LIMIT $first',
          'RETURN other.id AS id, properties(other) AS props, shared',
        ),
        params: { organization: 'organization:ine', first: neo4j.int(20) },
      },
    ]);
  });

  it('organisations by role: a count and a keyset page, with the role as one participation step', async () => {
    expect(await sent(() => store.list({ label: 'Organization', filter: organizationFilter({ role: 'PARTNER' }), first: 10 }))).toEqual([
      { name: 'nodes.count', text: lines('MATCH (n:Organization)', `WHERE ${ROLE_FILTER}`, 'RETURN count(n) AS count'), params: { f0: 'PARTNER' } },
      {
        name: 'nodes.page',
        text: lines('MATCH (n:Organization)', `WHERE ${ROLE_FILTER}`, '  AND ($after IS NULL OR n.id > $after)', 'RETURN n.id AS id, properties(n) AS props', 'ORDER BY n.id', 'LIMIT $limit'),
        params: { f0: 'PARTNER', after: null, limit: neo4j.int(11) },
      },
    ]);
  });

  it('nodes by id: one unique index seek per id (the planner told so), per label', async () => {
    expect(await sent(() => store.getNodes(['organization:ine', 'project:p1', 'organization:umsa', 'nothing:x']))).toEqual([
      { name: 'nodes.get', text: lines('UNWIND $ids AS id', 'MATCH (n:Organization {id: id})', 'USING INDEX SEEK n:Organization(id)', 'RETURN n.id AS id, properties(n) AS props'), params: { ids: ['organization:ine', 'organization:umsa'] } },
      { name: 'nodes.get', text: lines('UNWIND $ids AS id', 'MATCH (n:Project {id: id})', 'USING INDEX SEEK n:Project(id)', 'RETURN n.id AS id, properties(n) AS props'), params: { ids: ['project:p1'] } },
    ]);
  });
});
