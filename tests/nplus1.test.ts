/**
 * Guard against N+1 queries: resolving every project with its partners, outputs,
 * evaluations, findings and recommendations must cost the same number of store calls
 * whether the graph holds one project or eleven. Runs on each store (the test project's).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { parseEvaluationRecord } from '../src/domain/record.js';
import { importRecords, seed } from '../src/services/import/index.js';
import { startServer, type RunningServer } from '../src/server.js';
import type { GraphStore } from '../src/store/port.js';
import { gqlData, ROOT } from './helpers/api.js';
import { createTestStore } from './helpers/store.js';
import { generatedRecord } from './helpers/generate.js';
import path from 'node:path';

/** A store that counts the calls made to it, by method. */
function counting(store: GraphStore) {
  const calls: Record<string, number> = {};
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, calls, reset: () => Object.keys(calls).forEach((k) => delete calls[k]) };
}

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

async function callsFor(extraProjects: number) {
  const empty = await createTestStore();
  await seed(empty, path.join(ROOT, 'seeds'));
  const records = Array.from({ length: extraProjects }, (_, i) => ({ file: `generated-${i}`, record: parseEvaluationRecord(generatedRecord(i), `generated-${i}`) }));
  if (records.length) await importRecords(empty, records);
  const { store, calls, reset } = counting(empty);
  server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  reset();
  const data = await gqlData(`http://127.0.0.1:${server.port}/graphql`, QUERY);
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  await server.stop();
  server = undefined;
  return { data, calls: { ...calls }, total };
}

describe('store calls per nested query', () => {
  it('do not grow with the number of projects', async () => {
    const one = await callsFor(0);
    const eleven = await callsFor(10);
    expect(one.data.projects.totalCount).toBe(1);
    expect(eleven.data.projects.totalCount).toBe(11);
    // Every project really was resolved with its nested data.
    const nested = eleven.data.projects.edges.map((e: any) => e.node.evaluations[0].recommendations.length);
    expect(nested).toEqual(Array(11).fill(expect.any(Number)));
    expect(nested.every((n: number) => n >= 3)).toBe(true);
    // One list call, and one neighbours call per relationship and level, whatever the size.
    expect(eleven.calls).toEqual(one.calls);
    expect(one.calls.list).toBe(1);
    expect(one.total).toBeLessThanOrEqual(20);
    console.log(`store calls for the nested projects query: ${one.total} with 1 project, ${eleven.total} with 11 (${JSON.stringify(eleven.calls)})`);
  });
});
