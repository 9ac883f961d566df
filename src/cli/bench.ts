/**
 * `npm run bench [-- <records>]`: load generated evaluation records into the in-memory store
 * (on a temporary DATA_DIR, so snapshot writes are included) and print how long the import,
 * a nested listing query, stakeholder paths and related recommendations take, and the heap
 * used. Figures are printed, not asserted: machines are shared and noisy.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { parseEvaluationRecord } from '../domain/record.js';
import { importRecords } from '../services/import/index.js';
import { startServer } from '../server.js';
import { EmbeddedStore } from '../store/embedded/store.js';
import { generatedRecord } from '../../tests/helpers/generate.js';

const count = Number(process.argv[2] ?? 500);
const dir = await mkdtemp(path.join(os.tmpdir(), 'meg-bench-'));
const store = new EmbeddedStore({ dataDir: dir });
await store.open();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

let started = performance.now();
const records = Array.from({ length: count }, (_, i) => ({ file: `generated-${i}`, record: parseEvaluationRecord(generatedRecord(i), `generated-${i}`) }));
await importRecords(store, records);
const bulk = performance.now() - started;
const status = await store.status();

// One more record imported alone: the cost of a single atomic write on a graph this size.
started = performance.now();
await importRecords(store, [{ file: 'one-more', record: parseEvaluationRecord(generatedRecord(count), 'one-more') }]);
const single = performance.now() - started;

const server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${server.port}/graphql`;
const post = async (query: string) => {
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return performance.now() - t;
};
const time = async (query: string, runs = 15) => {
  await post(query);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await post(query));
  return median(samples);
};
const ine = Buffer.from('organization:ine').toString('base64url');
const idf = Buffer.from('organization:idf').toString('base64url');
const results = {
  nested: await time(`{ projects(first: 100) { edges { node { code partners { organization { name } } outputs { title } evaluations { findings { rating { score } } recommendations { code theme { name } audiences { name } } } } } } }`),
  collaborators: await time(`{ organization(acronym: "INE") { collaborators(first: 20) { organization { name } sharedProjectCount } } }`),
  paths: await time(`{ stakeholderPaths(from: "${ine}", to: "${idf}", maxHops: 4, first: 3) { length } }`),
  related: await time(`{ recommendations(first: 1) { edges { node { related(first: 5) { score } } } } }`),
  search: await time(`{ search(query: "approval processes government", first: 10) { score } }`),
};
await server.stop();
// Heap after a full collection (npm run bench passes --expose-gc), so the figure is the graph's, not garbage's.
(globalThis as { gc?: () => void }).gc?.();
const heap = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(`graph: ${count + 1} generated evaluations, ${status.nodes} nodes, ${status.edges} relationships`);
console.log(`import of ${count} records in one atomic write (with snapshot): ${ms(bulk)}; one more record alone: ${ms(single)}`);
console.log(`median over 15 HTTP requests: nested projects page (100 projects, 4 levels) ${ms(results.nested)}; collaborators ${ms(results.collaborators)}; stakeholder paths (4 hops) ${ms(results.paths)}; related recommendations ${ms(results.related)}; search ${ms(results.search)}`);
console.log(`heap used${(globalThis as { gc?: unknown }).gc ? ' after a full collection' : ''}: ${heap.toFixed(0)} MiB`);
await rm(dir, { recursive: true, force: true });
