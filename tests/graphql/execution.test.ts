/**
 * A query asked for again runs compiled (graphql-jit) instead of interpreted (graphql-js), and
 * answers exactly as before: the same data, the same errors with the same paths and codes.
 * Every example of the README, the explorer's and the benchmark's pages, and queries made to
 * fail are sent through Apollo Server both ways, on the seed data, and compared whole.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { parse, type GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type GraphContext } from '../../src/graphql/context.js';
import { createExecutor, executingGateway, type Executor } from '../../src/graphql/execution.js';
import { formatError } from '../../src/graphql/plugins/errors.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { seed } from '../../src/services/import/index.js';
import type { GraphStore } from '../../src/store/port.js';
import { readmeExamples } from '../../src/web/readmeExamples.js';
import { ROOT } from '../helpers/api.js';
import { createTestStore } from '../helpers/store.js';

let store: GraphStore;
let schema: GraphQLSchema;
const servers: ApolloServer<GraphContext>[] = [];

async function serverWith(executor: Executor): Promise<ApolloServer<GraphContext>> {
  const apollo = new ApolloServer<GraphContext>({ gateway: executingGateway(schema, executor), formatError });
  await apollo.start();
  servers.push(apollo);
  return apollo;
}

async function answer(apollo: ApolloServer<GraphContext>, query: string, variables?: Record<string, unknown>) {
  const contextValue = createContext(store, 'test', pino({ level: 'silent' }));
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...response.body.singleResult };
}

let interpreted: ApolloServer<GraphContext>;
let compiled: ApolloServer<GraphContext>;
let compiledExecutor: Executor;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, path.join(ROOT, 'seeds'));
  schema = await buildSchema();
  interpreted = await serverWith(createExecutor(schema, { compileAfter: Number.POSITIVE_INFINITY }));
  compiledExecutor = createExecutor(schema, { compileAfter: 1 });
  compiled = await serverWith(compiledExecutor);
}, 60_000);
afterAll(async () => {
  for (const apollo of servers) await apollo.stop();
  await store?.close();
});

const PROJECT_PAGE = `query($code: String!) { project(code: $code) { id code title partners { lead role organization { id name acronym kind } } evaluations { title findings { summary criterion { name } rating { score label } } recommendations { code text theme { name } audiences { name } related(first: 3) { score reasons recommendation { code } } } } } }`;

const QUERIES: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'the project page', query: PROJECT_PAGE, variables: { code: 'CE.0350' } },
  { name: 'a project that does not exist', query: PROJECT_PAGE, variables: { code: 'XX.0000' } },
  { name: 'a user error in a resolver', query: '{ project { code } }' },
  { name: 'a global id of another kind', query: '{ node(id: "bm90LWEtbm9kZQ") { id } }' },
  { name: 'an interface with fragments', query: '{ projects(first: 2) { edges { node { id } } } recommendations(first: 2) { edges { cursor node { id ... on Node { id } ... on Recommendation { code } } } } }' },
  { name: 'a bad variable', query: PROJECT_PAGE, variables: { code: 12 } },
  { name: 'a missing variable', query: PROJECT_PAGE },
  { name: 'aliases, @skip and @include', query: 'query($no: Boolean = false) { a: projects(first: 1) { totalCount } b: projects(first: 1) @skip(if: true) { totalCount } c: projects(first: 1) @include(if: $no) { totalCount } __typename }' },
  {
    name: 'a recursive input in a variable',
    query: 'query($w: EvaluationWhere) { evaluations(where: $w, first: 2) { totalCount edges { node { title } } } }',
    variables: { w: { and: [{ and: [{ year: 2021 }] }] } },
  },
];

describe('compiled execution', () => {
  it('answers every README example as graphql-js does', async () => {
    const examples = readmeExamples(await readFile(path.join(ROOT, 'README.md'), 'utf8'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      const expected = await answer(interpreted, example.query);
      expect(await answer(compiled, example.query), example.title).toEqual(expected);
    }
  });

  it.each(QUERIES)('answers $name as graphql-js does', async ({ query, variables }) => {
    const expected = await answer(interpreted, query, variables);
    expect(await answer(compiled, query, variables)).toEqual(expected);
    // Asked again: the compiled form is run, not compiled again.
    expect(await answer(compiled, query, variables)).toEqual(expected);
  });

  it('has answered with data, and with errors, in the comparisons above', async () => {
    const page = await answer(compiled, PROJECT_PAGE, { code: 'CE.0350' });
    expect((page.data as { project: { evaluations: unknown[] } }).project.evaluations.length).toBeGreaterThan(0);
    expect(page.errors).toBeUndefined();
    const refused = await answer(compiled, '{ project { code } }');
    expect(refused.errors?.[0]).toMatchObject({ message: 'project() takes exactly one of id or code', path: ['project'], extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('compiles a query once it is asked for again, and leaves recursive inputs to graphql-js', async () => {
    const executor = createExecutor(schema);
    const apollo = await serverWith(executor);
    const page = parse(PROJECT_PAGE);
    const contextValue = createContext(store, 'test', pino({ level: 'silent' }));
    await executor.run(page, undefined, contextValue, { code: 'CE.0350' });
    expect(executor.mode(page)).toBe('interpreted');
    await executor.run(page, undefined, contextValue, { code: 'CE.0350' });
    expect(executor.mode(page)).toBe('compiled');
    const recursive = parse(QUERIES.at(-1)!.query);
    for (let i = 0; i < 3; i++) await executor.run(recursive, undefined, contextValue, {});
    expect(executor.mode(recursive)).toBe('not compilable');
    expect((await answer(apollo, QUERIES.at(-1)!.query, { w: { year: 2021 } })).errors).toBeUndefined();
  });
});
