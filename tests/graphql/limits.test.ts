/**
 * The depth and cost models, computed from parsed documents against the real schema, named
 * after the abuse they guard against. The figures quoted in README.md (introspection, the
 * example queries) are pinned here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getIntrospectionQuery, parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ASSUMED_LIST_SIZE, MAX_SELECTIONS, operationCost, TooManySelectionsError } from '../../src/graphql/limits/cost.js';
import { operationDepth } from '../../src/graphql/limits/depth.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/graphql/paging.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { ROOT } from '../helpers/api.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema();
});

const depth = (query: string, operationName?: string) => operationDepth(parse(query), operationName);
const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) => operationCost(schema, parse(query), { variables, operationName });

describe('query depth', () => {
  it('counts nested fields', () => {
    expect(depth('{ themes { name } }')).toBe(2);
    expect(depth('{ a: themes { name } b: projects { edges { node { partners { organization { parent { name } } } } } } }')).toBe(7);
  });

  it('follows fragment spreads and inline fragments, which add no depth of their own', () => {
    const viaFragments = `
      { projects { edges { ...Edge } } }
      fragment Edge on ProjectEdge { node { ... on Project { ...P } } }
      fragment P on Project { partners { organization { parent { name } } } }`;
    expect(depth(viaFragments)).toBe(7);
  });

  it('measures the operation that runs, when a document has several', () => {
    const doc = 'query Shallow { themes { name } } query Deep { projects { edges { node { code } } } }';
    expect(depth(doc, 'Shallow')).toBe(2);
    expect(depth(doc, 'Deep')).toBe(4);
  });

  it('terminates on fragment cycles (refused by validation anyway)', () => {
    expect(depth('{ projects { ...A } } fragment A on ProjectConnection { edges { node { id } } ...A }')).toBe(4);
  });

  it('does not count introspection, which nests 15 deep through ofType', () => {
    expect(depth(getIntrospectionQuery())).toBe(0);
    expect(depth('{ __typename themes { name } __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toBe(2);
  });
});

describe('query cost', () => {
  it('counts a connection once per item of the page: `first`, or the default page size', () => {
    expect(cost('{ projects(first: 7) { totalCount } }')).toBe(1 + 7);
    expect(cost('{ projects { totalCount } }')).toBe(1 + DEFAULT_PAGE_SIZE);
    expect(cost('query($n: Int) { projects(first: $n) { totalCount } }', { n: 3 })).toBe(1 + 3);
    // Edges are the page itself: not multiplied again.
    expect(cost('{ projects(first: 5) { edges { node { code } } } }')).toBe(1 + 5 * (1 + (1 + 1)));
  });

  it(`caps \`first\` at the maximum page size (${MAX_PAGE_SIZE}), as the resolvers do`, () => {
    expect(cost('{ projects(first: 100000) { totalCount } }')).toBe(1 + MAX_PAGE_SIZE);
  });

  it(`multiplies plain lists by the assumed list size (${ASSUMED_LIST_SIZE})`, () => {
    expect(cost('{ themes { name } }')).toBe(1 + ASSUMED_LIST_SIZE);
    expect(cost('{ themes { recommendations { audiences { name } } } }')).toBe(1 + 10 * (1 + 10 * (1 + 10 * 1)));
    // A list of scalars has nothing to multiply.
    expect(cost('{ evaluation(id: "x") { methodology } }')).toBe(2);
  });

  it('counts fragments where they are spread, the most expensive type of an abstract selection, and honours @skip/@include', () => {
    const spreadTwice = '{ a: themes { ...T } b: themes { ...T } } fragment T on Theme { name }';
    expect(cost(spreadTwice)).toBe(2 * (1 + 10));
    const node = '{ node(id: "x") { ... on Theme { name } ... on Project { funders { name } } } }';
    expect(cost(node)).toBe(1 + (1 + 10));
    expect(cost('query($big: Boolean!) { themes { name } projects @include(if: $big) { totalCount } }', { big: false })).toBe(11);
    expect(cost('query($big: Boolean!) { themes { name } projects @include(if: $big) { totalCount } }', { big: true })).toBe(11 + 21);
  });

  it('refuses to expand fragment bombs past MAX_SELECTIONS', () => {
    // Each level spreads the next one 10 times: 10^4 selections once expanded.
    const levels = Array.from({ length: 4 }, (_, i) => `fragment F${i} on Theme { ${Array.from({ length: 10 }, (_, j) => `a${j}: ${i < 3 ? `recommendations { theme { ...F${i + 1} } }` : 'name'}`).join(' ')} }`);
    const bomb = `{ themes { ...F0 } } ${levels.join(' ')}`;
    expect(MAX_SELECTIONS).toBe(10_000);
    expect(() => cost(bomb)).toThrow(TooManySelectionsError);
  });
});

describe('the work an expensive field may do', () => {
  const defaults = loadConfig({});
  const aliased = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
  const paths = 'stakeholderPaths(from: "a", to: "b", maxHops: 6) { length nodes { name } }';
  const network = 'stakeholderNetwork(organizationId: "a", depth: 4, maxNodes: 500) { nodes { name } edges { type } }';
  const collaborators = 'organization(acronym: "INE") { collaborators { organization { name } } }';

  it('grows with the hops a path search may take, the nodes a network may hold, the text related recommendations read', () => {
    expect(cost(`{ ${paths} }`)).toBeGreaterThan(cost(`{ ${paths.replace('maxHops: 6', 'maxHops: 4')} }`) * 10);
    expect(cost(`{ ${network} }`)).toBeGreaterThan(cost(`{ ${network.replace('maxNodes: 500', 'maxNodes: 50')} }`) * 5);
    const related = (text: string) => cost(`query($t: String) { relatedRecommendations(text: $t) { score } }`, { t: text });
    expect(related('one two three four five six seven eight nine ten '.repeat(10))).toBeGreaterThan(related('one two') + 4_000);
  });

  it('refuses sixty aliased six-hop path searches, networks of depth 4 or collaborator lists, and admits one of each', () => {
    for (const field of [paths, network, collaborators]) {
      expect(cost(aliased(1, field)), field).toBeLessThanOrEqual(defaults.MAX_QUERY_COST);
      expect(cost(aliased(60, field)), field).toBeGreaterThan(defaults.MAX_QUERY_COST);
    }
  });
});

describe('the default limits', () => {
  const defaults = loadConfig({});

  it('admit the standard introspection query (its depth does not count; its cost is 49,432)', () => {
    const query = parse(getIntrospectionQuery());
    expect(operationDepth(query)).toBeLessThanOrEqual(defaults.MAX_QUERY_DEPTH);
    expect(operationCost(schema, query)).toBe(49_432);
    expect(operationCost(schema, query)).toBeLessThanOrEqual(defaults.MAX_QUERY_COST);
    expect(getIntrospectionQuery().length).toBeLessThanOrEqual(defaults.MAX_QUERY_LENGTH);
  });

  it('admit every example query in README.md', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const queries = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(queries.length).toBeGreaterThanOrEqual(4);
    const depths = queries.map((query) => operationDepth(parse(query)));
    const costs = queries.map((query) => operationCost(schema, parse(query)));
    // As README.md says: "the queries in this README cost under 60,000 and nest at most 8 deep
    // (the evaluations example above costs 2,541; related recommendations ... 55,812)".
    expect(Math.max(...depths)).toBeLessThanOrEqual(8);
    expect(Math.max(...costs)).toBeLessThan(60_000);
    expect(costs).toContain(2_541);
    expect(costs).toContain(55_812);
    expect(Math.max(...depths)).toBeLessThanOrEqual(defaults.MAX_QUERY_DEPTH);
    expect(Math.max(...costs)).toBeLessThanOrEqual(defaults.MAX_QUERY_COST);
    for (const query of queries) expect(query.length).toBeLessThanOrEqual(defaults.MAX_QUERY_LENGTH);
  });

  it('refuse deeply nested relationship cycles long before they grow large', () => {
    // Organisation -> units -> parent -> units ...: 10x per level.
    const nest = (levels: number): string => (levels === 0 ? 'name' : `units { ${nest(levels - 1)} }`);
    expect(cost(`{ organization(acronym: "UMSA") { ${nest(5)} } }`)).toBeLessThanOrEqual(defaults.MAX_QUERY_COST);
    expect(cost(`{ organization(acronym: "UMSA") { ${nest(6)} } }`)).toBeGreaterThan(defaults.MAX_QUERY_COST);
  });
});
