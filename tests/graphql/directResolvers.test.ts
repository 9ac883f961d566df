/**
 * Resolver methods are called without type-graphql's per-call wrapper where it would do
 * nothing (graphql/directResolvers.ts), and plain fields are read as properties
 * (`simpleResolvers`). Neither may change an answer: the schema as type-graphql builds it and
 * the schema with direct calls answer the README's examples and a project page alike, on the
 * seed data. Methods that take arguments keep the wrapper, which converts them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { buildSchema as buildTypeGraphQLSchema, getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/graphql/context.js';
import { callResolverMethodsDirectly } from '../../src/graphql/directResolvers.js';
import { RESOLVERS } from '../../src/graphql/schema.js';
import { seed } from '../../src/services/import/index.js';
import type { GraphStore } from '../../src/store/port.js';
import { readmeExamples } from '../../src/web/readmeExamples.js';
import { ROOT } from '../helpers/api.js';
import { createTestStore } from '../helpers/store.js';

let store: GraphStore;
let wrapped: GraphQLSchema;
let direct: GraphQLSchema;
let replaced: string[];

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, path.join(ROOT, 'seeds'));
  wrapped = await buildTypeGraphQLSchema({ resolvers: RESOLVERS, validate: false });
  direct = await buildTypeGraphQLSchema({ resolvers: RESOLVERS, validate: false });
  replaced = callResolverMethodsDirectly(direct, RESOLVERS);
}, 60_000);
afterAll(async () => store?.close());

async function answer(schema: GraphQLSchema, query: string, variables?: Record<string, unknown>) {
  return execute({ schema, document: parse(query), variableValues: variables, contextValue: createContext(store, 'test', pino({ level: 'silent' })) });
}

const PROJECT_PAGE = `query($code: String!) { project(code: $code) { id code title partners { lead role organization { id name acronym kind parentRelation partnerships { lead project { code } } } } evaluations { title thematicAreas { name } crossCuttingThemes { name } project { code } findings { summary criterion { name } rating { score label scaleMax } evaluation { title } } recommendations { code text theme { name broader { name } } audiences { name } evaluation { title } project { code } related(first: 3) { score reasons recommendation { code } } } } } }`;

describe('resolver methods called directly', () => {
  it('calls every argument-free field resolver method directly, and keeps the wrapper for those with arguments', () => {
    expect(replaced).toEqual(expect.arrayContaining(['Project.partners', 'Project.evaluations', 'Evaluation.findings', 'Finding.criterion', 'Finding.rating', 'Recommendation.theme', 'Recommendation.audiences']));
    expect(replaced).not.toContain('Recommendation.related');
    const withArguments = getMetadataStorage().fieldResolvers.filter((r) => RESOLVERS.includes(r.target as (typeof RESOLVERS)[number]) && r.params?.some((p) => p.kind === 'arg' || p.kind === 'args'));
    expect(withArguments.length).toBeGreaterThan(0);
    expect(replaced.length).toBe(getMetadataStorage().fieldResolvers.filter((r) => RESOLVERS.includes(r.target as (typeof RESOLVERS)[number])).length - withArguments.length);
  });

  it('reads every object type\'s plain fields as properties (no type-graphql resolver per scalar)', () => {
    expect(getMetadataStorage().objectTypes.filter((o) => !o.simpleResolvers).map((o) => o.name)).toEqual([]);
  });

  it('answers a project page, related recommendations included, as type-graphql\'s own resolvers do', async () => {
    const expected = await answer(wrapped, PROJECT_PAGE, { code: 'CE.0350' });
    expect(expected.errors).toBeUndefined();
    expect((expected.data as { project: { evaluations: { findings: unknown[] }[] } }).project.evaluations[0]!.findings.length).toBeGreaterThan(0);
    expect(await answer(direct, PROJECT_PAGE, { code: 'CE.0350' })).toEqual(expected);
  });

  it('answers every README example as type-graphql\'s own resolvers do', async () => {
    const examples = readmeExamples(await readFile(path.join(ROOT, 'README.md'), 'utf8'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) expect(await answer(direct, example.query), example.title).toEqual(await answer(wrapped, example.query));
  });
});
