/**
 * Guard against N+1 queries: resolving every project with its partners, outputs,
 * evaluations, findings and recommendations must cost the same number of store calls
 * whether the graph holds one project or eleven. Runs on each store (the test project's), and
 * again with the store's immediate reads hidden: a store in this process (the embedded one)
 * answers a relationship at once, without a round trip, and the batched path a store across a
 * network takes must hold either way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { parseEvaluationRecord } from '../src/domain/record.js';
import { importRecords, seed } from '../src/services/import/index.js';
import { startServer, type RunningServer } from '../src/server.js';
import type { GraphStore, ImmediateReads } from '../src/store/port.js';
import { gqlData, ROOT } from './helpers/api.js';
import { createTestStore } from './helpers/store.js';
import { generatedRecord } from './helpers/generate.js';
import path from 'node:path';

/** Calls counted by method; `immediate.*` are reads answered at once, in this process. */
type Calls = Record<string, number>;

/** A store that counts the calls made to it, by method; with `batchedOnly`, it hides its immediate reads. */
function counting(store: GraphStore, batchedOnly: boolean) {
  const calls: Calls = {};
  const count = (name: string) => {
    calls[name] = (calls[name] ?? 0) + 1;
  };
  const immediate: ImmediateReads | undefined = store.immediate && {
    neighbours: (...args) => {
      count('immediate.neighbours');
      return store.immediate!.neighbours(...args);
    },
  };
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'immediate') return batchedOnly ? undefined : immediate;
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        count(String(prop));
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, calls, reset: () => Object.keys(calls).forEach((k) => delete calls[k]) };
}

/** Calls that are round trips to the store (immediate reads aside). */
const roundTrips = (calls: Calls) => Object.fromEntries(Object.entries(calls).filter(([name]) => !name.startsWith('immediate.')));

const QUERY = `{
  projects(first: 100) {
    totalCount
    edges { node {
      code
      countries { name }
      implementer { name }
      funders { name }
      partners { lead organization { acronym name parent { name } } }
      outputs { title basedOn { title } }
      evaluations {
        title
        evaluators { name organization { name } }
        findings { criterion { name } rating { score } }
        recommendations { code theme { name } audiences { name } }
      }
    } }
  }
}`;

let server: RunningServer | undefined;
afterEach(async () => server?.stop());

async function callsFor(extraProjects: number, batchedOnly: boolean) {
  const empty = await createTestStore();
  await seed(empty, path.join(ROOT, 'seeds'));
  const records = Array.from({ length: extraProjects }, (_, i) => ({ file: `generated-${i}`, record: parseEvaluationRecord(generatedRecord(i), `generated-${i}`) }));
  if (records.length) await importRecords(empty, records);
  const { store, calls, reset } = counting(empty, batchedOnly);
  server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  reset();
  const data = await gqlData(`http://127.0.0.1:${server.port}/graphql`, QUERY);
  const trips = roundTrips(calls);
  const total = Object.values(trips).reduce((a, b) => a + b, 0);
  await server.stop();
  server = undefined;
  return { data, calls: { ...calls }, trips, total, immediate: empty.immediate !== undefined && !batchedOnly };
}

describe('store calls per nested query', () => {
  for (const batchedOnly of [false, true]) {
    it(`do not grow with the number of projects${batchedOnly ? ' (immediate reads hidden: every relationship batched)' : ''}`, async () => {
      const one = await callsFor(0, batchedOnly);
      const eleven = await callsFor(10, batchedOnly);
      expect(one.data.projects.totalCount).toBe(1);
      expect(eleven.data.projects.totalCount).toBe(11);
      // Every project really was resolved with its nested data, the same either way.
      const nested = eleven.data.projects.edges.map((e: any) => e.node.evaluations[0].recommendations.length);
      expect(nested).toEqual(Array(11).fill(expect.any(Number)));
      expect(nested.every((n: number) => n >= 3)).toBe(true);
      // One list call, and one neighbours call per relationship and level, whatever the size.
      expect(eleven.trips).toEqual(one.trips);
      expect(one.trips.list).toBe(1);
      expect(one.total).toBeLessThanOrEqual(20);
      if (one.immediate) {
        // In this process, every relationship of the page is read at once, one read per object:
        // no batched call is left, and the reads grow with the objects shown, not with the graph.
        expect(one.trips.neighbours).toBeUndefined();
        expect(eleven.calls['immediate.neighbours']).toBeGreaterThan(one.calls['immediate.neighbours']! * 5);
      } else {
        expect(one.trips.neighbours).toBeGreaterThan(5);
        expect(one.calls['immediate.neighbours']).toBeUndefined();
      }
      console.log(`store calls for the nested projects query${batchedOnly ? ', batched only' : ''}: ${one.total} round trips with 1 project, ${eleven.total} with 11 (${JSON.stringify(eleven.calls)})`);
    });
  }
});
