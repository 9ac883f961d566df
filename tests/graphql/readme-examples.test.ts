/**
 * The GraphQL IDE opens with the README's example queries (read from README.md when the
 * explorer is built): every ```graphql block becomes a tab, named after the sentence before
 * it, and each tab's query is valid against the schema.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';
import { operationName, readmeExamples } from '../../src/web/readmeExamples.js';
import { ROOT } from '../helpers/api.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema();
});

describe("the IDE's examples", () => {
  it('are every graphql block of README.md, each valid against the schema, titled by the sentence before it', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const examples = readmeExamples(readme);
    expect(examples.length).toBe([...readme.matchAll(/```graphql\n/g)].length);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      expect(example.query.startsWith(`# ${example.title}\n`)).toBe(true);
      const errors = validate(schema, parse(example.query));
      // Placeholders such as "<recommendation id>" are strings: still valid documents.
      expect(errors.map((e) => e.message), example.title).toEqual([]);
    }
    expect(examples[0]!.title).toMatch(/project, its partners/);
    expect(examples[0]!.query).toMatch(/^query ProjectItsPartnersLeadFirst \{/m);
  });

  it('name anonymous queries after their title', () => {
    expect(operationName('A project, its partners (lead first) and their parent bodies')).toBe('ProjectItsPartnersLeadFirst');
    expect(operationName('2021 evaluations')).toBe('Example2021Evaluations');
    expect(readmeExamples('Recommendations by theme:\n\n```graphql\nquery Page { themes { name } }\n```\n')[0]).toEqual({ title: 'Recommendations by theme', query: '# Recommendations by theme\nquery Page { themes { name } }\n' });
  });
});
