/**
 * The two stores give the same answers: the seed and the fixture corpus are imported into the
 * embedded store and into the live Neo4j (the "neo4j" project's), and every read of the port
 * is asked of both: each label listed whole and by page, ordered by each of its scalar
 * properties either way (and paged on from a bare id), filtered by each property's value, by a
 * range from and to it, and by text; nodes by match key and by id; neighbours over every
 * relationship type both ways. Search is left out: each store ranks with its own engine.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LABELS, REL_TYPES, type Label } from '../../src/domain/model.js';
import { readRecords } from '../../src/ingest/recordFiles.js';
import { importRecords } from '../../src/services/import/index.js';
import { EmbeddedStore } from '../../src/store/embedded/store.js';
import { eq } from '../../src/store/filter.js';
import type { GraphStore } from '../../src/store/port.js';
import { ROOT, tempDir } from '../helpers/api.js';
import { createTestStore } from '../helpers/store.js';

let memory: GraphStore;
let neo4j: GraphStore;

beforeAll(async () => {
  const records = await readRecords([path.join(ROOT, 'seeds'), path.join(ROOT, 'tests/fixtures/corpus')]);
  memory = new EmbeddedStore({ dataDir: await tempDir('meg-parity-') });
  await memory.open();
  neo4j = await createTestStore();
  expect(await importRecords(neo4j, records)).toEqual(await importRecords(memory, records));
});

/** The answer of each store, errors included, with object keys in one order. */
async function both(ask: (store: GraphStore) => Promise<unknown>): Promise<[unknown, unknown]> {
  const answer = (store: GraphStore) => ask(store).then(canonical, (error: Error) => `error: ${error.message.split('\n')[0]}`);
  return [await answer(memory), await answer(neo4j)];
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  return value;
}

async function expectSame(what: string, ask: (store: GraphStore) => Promise<unknown>): Promise<void> {
  const [fromMemory, fromNeo4j] = await both(ask);
  expect(fromNeo4j, what).toEqual(fromMemory);
}

describe('the Neo4j store answers as the embedded store does, over the seed and the fixture corpus', () => {
  it('holds the same graph', async () => {
    const [m, n] = await Promise.all([memory.status(), neo4j.status()]);
    expect({ nodes: n.nodes, edges: n.edges }).toEqual({ nodes: m.nodes, edges: m.edges });
    expect(m.nodes).toBeGreaterThan(150);
  });

  for (const label of LABELS) {
    it(`lists ${label} nodes: whole, by page, ordered, filtered by property, range and text`, async () => {
      const all = await memory.list({ label, first: 10_000 });
      await expectSame(`${label}: all`, (s) => s.list({ label, first: 10_000 }));
      await expectSame(`${label}: page after the third`, (s) => s.list({ label, first: 3, after: all.nodes[2]?.id }));
      const values = new Map<string, unknown[]>();
      for (const node of all.nodes) for (const [key, value] of Object.entries(node.props)) values.set(key, [...(values.get(key) ?? []), value]);
      for (const [property, seen] of values) {
        const isList = seen.some(Array.isArray);
        const sample = seen.flat()[0];
        if (sample !== undefined && sample !== null) {
          await expectSame(`${label}: where ${property} = ${JSON.stringify(sample)}`, (s) => s.list({ label, first: 10_000, filter: eq(property, sample as string) }));
        }
        // Ordering and ranges compare values as text; list properties are not ordered by.
        if (isList) continue;
        for (const descending of [false, true]) {
          const orderBy = { property, descending };
          await expectSame(`${label}: ordered by ${property}${descending ? ' descending' : ''}`, (s) => s.list({ label, first: 10_000, orderBy }));
          const [, second] = (await memory.list({ label, first: 2, orderBy })).nodes;
          if (second) await expectSame(`${label}: ordered by ${property}, after ${second.id}`, (s) => s.list({ label, first: 4, orderBy, after: second.id }));
        }
        if (typeof sample === 'string' || typeof sample === 'number') {
          await expectSame(`${label}: ${property} from ${sample}`, (s) => s.list({ label, first: 10_000, filter: { kind: 'range', property, from: String(sample) } }));
          await expectSame(`${label}: ${property} to ${sample}`, (s) => s.list({ label, first: 10_000, filter: { kind: 'range', property, to: String(sample) } }));
        }
      }
      for (const text of ['bol', 'MIGRACIÓN', 'ministerio', 'e', 'zzz']) await expectSame(`${label}: text ${text}`, (s) => s.list({ label, first: 10_000, filter: { kind: 'text', text } }));
      const keys = all.nodes.flatMap((n) => (n.props.matchKeys as readonly string[] | undefined) ?? []);
      await expectSame(`${label}: by match key`, (s) => s.findByKeys(label, [...keys, 'no such key']));
    });
  }

  it('gets every node by id, and follows every relationship type both ways', async () => {
    const ids = (await Promise.all(LABELS.map((label: Label) => memory.list({ label, first: 10_000 })))).flatMap((page) => page.nodes.map((n) => n.id));
    await expectSame('every node by id', (s) => s.getNodes([...ids, 'organization:nowhere']));
    for (const type of REL_TYPES) {
      for (const direction of ['out', 'in'] as const) await expectSame(`${type} ${direction}`, (s) => s.neighbours(ids, type, direction));
    }
  });
});
