/**
 * Lookups by match key on Neo4j go through the full-text index node_keys (graph/schema.cypher):
 * exact keys, any number of them in one statement, whatever characters they hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphNode, Label } from '../../src/domain/model.js';
import { withDerived } from '../../src/domain/derived.js';
import { keyQueries, MAX_LUCENE_CLAUSES, type Neo4jStore, type SentStatement } from '../../src/store/neo4j/store.js';
import { createTestStore } from '../helpers/store.js';

const node = (label: Label, key: string, props: Record<string, unknown>): GraphNode => ({ id: `${label.toLowerCase()}:${key}`, label, props: withDerived(label, props as GraphNode['props']) });

let store: Neo4jStore;

beforeAll(async () => {
  store = (await createTestStore()) as Neo4jStore;
  await store.write({
    nodes: [
      node('Organization', 'ine-bo', { name: 'National Institute of Statistics', acronym: 'INE', aliases: ['Instituto Nacional de Estadística'] }),
      node('Organization', 'ine-py', { name: 'National Institute of Statistics of Paraguay', acronym: 'INE' }),
      node('Organization', 'and', { name: 'AND', acronym: 'OR' }),
      node('Country', 'bo', { name: 'Bolivia', isoCode: 'BO' }),
    ],
    edges: [],
  });
});

const ids = (lists: GraphNode[][]) => lists.map((list) => list.map((n) => n.id));

describe('lookups by match key on Neo4j', () => {
  it('match whole keys only, per label', async () => {
    expect(ids(await store.findByKeys('Organization', ['ine', 'national institute of statistics', 'national', 'instituto nacional de estadistica', 'bolivia']))).toEqual([
      ['organization:ine-bo', 'organization:ine-py'],
      ['organization:ine-bo'],
      [],
      ['organization:ine-bo'],
      [],
    ]);
    expect(ids(await store.findByKeys('Country', ['bolivia', 'bo', 'ine']))).toEqual([['country:bo'], ['country:bo'], []]);
  });

  it('take Lucene words and characters as plain text', async () => {
    expect(ids(await store.findByKeys('Organization', ['and', 'or', 'AND', '*', 'ine" OR "bolivia', 'in\\e', ' ine', '']))).toEqual([
      ['organization:and'],
      ['organization:and'],
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
  });

  it(`ask for more keys than one Lucene query holds (${MAX_LUCENE_CLAUSES}) in one statement`, async () => {
    const keys = Array.from({ length: 2_500 }, (_, i) => `no such key ${i}`);
    keys[3] = 'ine';
    keys[1_500] = 'national institute of statistics of paraguay';
    keys[2_499] = 'or';
    const sent: SentStatement[] = [];
    store.traffic.listener = (s) => sent.push(s);
    let found: GraphNode[][];
    try {
      found = await store.findByKeys('Organization', keys);
    } finally {
      store.traffic.listener = undefined;
    }
    expect(sent.map((s) => s.name)).toEqual(['nodes.byKeys']);
    expect((sent[0]!.params.searches as string[]).length).toBe(Math.ceil(2_500 / MAX_LUCENE_CLAUSES));
    expect(found.filter((list) => list.length).map((list) => list.map((n) => n.id))).toEqual([['organization:ine-bo', 'organization:ine-py'], ['organization:ine-py'], ['organization:and']]);
    expect(found[1_500]!.map((n) => n.id)).toEqual(['organization:ine-py']);
  });

  it('quote each key, escaping what would end the quote', () => {
    expect(keyQueries(['a b', 'say "hi"', 'back\\slash', 'a b', ''])).toEqual(['"a b" OR "say \\"hi\\"" OR "back\\\\slash"']);
  });
});
