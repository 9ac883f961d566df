/**
 * The Neo4j store's walks (neighbourhood, paths, collaborators) under a deadline, and the bounds
 * it writes into their statements: a walk whose request ran out of time fails as the embedded
 * store's does, sends nothing when the time was already up, and leaves the store working.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, Label } from '../../src/domain/model.js';
import { withDerived } from '../../src/domain/derived.js';
import { STAKEHOLDER_LIMITS } from '../../src/graphql/limits/work.js';
import { MAX_HOPS } from '../../src/store/neo4j/catalogue.js';
import { MAX_PATHS, WALK_STOPPED, type Neo4jStore } from '../../src/store/neo4j/store.js';
import type { WalkControl } from '../../src/store/port.js';
import { createTestStore } from '../helpers/store.js';

const node = (label: Label, key: string, props: Record<string, unknown>): GraphNode => ({ id: `${label.toLowerCase()}:${key}`, label, props: withDerived(label, props as GraphNode['props']) });
const edge = (type: GraphEdge['type'], from: string, to: string, props: GraphEdge['props'] = {}): GraphEdge => ({ type, from, to, props });

let store: Neo4jStore;

beforeAll(async () => {
  store = (await createTestStore()) as Neo4jStore;
  await store.write({
    nodes: [node('Project', 'p1', { code: 'P1' }), node('Organization', 'a', { name: 'A' }), node('Organization', 'b', { name: 'B' })],
    edges: [edge('PARTNERED_WITH', 'project:p1', 'organization:a', { position: 0 }), edge('IMPLEMENTED_BY', 'project:p1', 'organization:b')],
  });
});

const WALKS: Record<string, (control: WalkControl) => Promise<unknown>> = {
  neighbourhood: (control) => store.neighbourhood('organization:a', { depth: 2, maxNodes: 10, ...control }),
  paths: (control) => store.paths('organization:a', 'organization:b', { maxHops: 4, first: 3, ...control }),
  collaborators: (control) => store.collaborators('organization:a', { first: 20, ...control }),
};

describe('walks on Neo4j under a deadline', () => {
  for (const [name, walk] of Object.entries(WALKS)) {
    it(`${name}: the time already up, fails as the embedded store does without sending anything`, async () => {
      const before = store.traffic.statements;
      await expect(walk({ signal: AbortSignal.abort() })).rejects.toThrow(WALK_STOPPED);
      expect(store.traffic.statements).toBe(before);
    });

    it(`${name}: the time running out as the statement goes, fails the same way, and the store still answers`, async () => {
      const controller = new AbortController();
      store.traffic.listener = () => controller.abort();
      try {
        await expect(walk({ signal: controller.signal })).rejects.toThrow(expect.objectContaining({ name: 'StoreError', message: WALK_STOPPED }));
      } finally {
        store.traffic.listener = undefined;
      }
      const answer = await walk({ signal: new AbortController().signal });
      expect(answer).not.toEqual([]);
    });
  }

  it('answers within time as without a deadline', async () => {
    const signal = AbortSignal.timeout(30_000);
    for (const walk of Object.values(WALKS)) expect(await walk({ signal })).toEqual(await walk({}));
  });
});

describe('bounds written into the walk statements', () => {
  it('hold whatever the API may ask', () => {
    expect(STAKEHOLDER_LIMITS.maxDepth).toBeLessThanOrEqual(MAX_HOPS);
    expect(STAKEHOLDER_LIMITS.maxHops).toBeLessThanOrEqual(MAX_HOPS);
    expect(STAKEHOLDER_LIMITS.maxPaths).toBeLessThanOrEqual(MAX_PATHS);
  });

  it('refuses a depth or a path length the statement cannot be written for, and more paths than it finds', async () => {
    await expect(store.neighbourhood('organization:a', { depth: 9, maxNodes: 10 })).rejects.toThrow('depth must be a whole number from 0 to 8 on Neo4j, got 9');
    await expect(store.neighbourhood('organization:a', { depth: 1.5, maxNodes: 10 })).rejects.toThrow(/depth must be a whole number/);
    await expect(store.paths('organization:a', 'organization:b', { maxHops: 9, first: 1 })).rejects.toThrow('maxHops must be a whole number from 0 to 8 on Neo4j, got 9');
    await expect(store.paths('organization:a', 'organization:b', { maxHops: 2, first: MAX_PATHS + 1 })).rejects.toThrow(`first must be a whole number of at most ${MAX_PATHS} on Neo4j, got ${MAX_PATHS + 1}`);
  });

  it('answers depth 0 and 0 hops as the embedded store does: the start alone, the path from a node to itself', async () => {
    const alone = await store.neighbourhood('organization:a', { depth: 0, maxNodes: 10 });
    expect(alone.nodes.map((n) => `${n.hop} ${n.node.id}`)).toEqual(['0 organization:a']);
    expect(await store.paths('organization:a', 'organization:a', { maxHops: 0, first: 1 })).toEqual([{ nodes: [expect.objectContaining({ id: 'organization:a' })], edges: [] }]);
    expect(await store.paths('organization:a', 'organization:b', { maxHops: 0, first: 1 })).toEqual([]);
    expect((await store.paths('organization:a', 'organization:b', { maxHops: 2, first: 1 }))[0]!.nodes.map((n) => n.id)).toEqual(['organization:a', 'project:p1', 'organization:b']);
  });
});
