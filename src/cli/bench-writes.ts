/**
 * `npm run bench:writes [-- --sizes 734,2000,10000 --import 10000]`: what writing costs on the
 * embedded store as the graph grows. Figures are printed, never asserted (machines are shared
 * and noisy); each is printed next to a reference measured in the same run.
 *
 * - add one evaluation: the median time to import one more generated evaluation into a graph
 *   of N evaluations, at each size (and at 100, the reference the others are compared with),
 *   and the median number of database entries it reads (which, unlike time, is not noisy);
 * - `npm run import` of M generated briefs (the real CLI, in its own process, on an empty
 *   DATA_DIR): the total, and the time per brief over the first and the last thousand (from the
 *   moment each brief's line is printed, which is once its write is on disk);
 * - the API started on the largest graph: time until `/readyz` answers 200, next to the time a
 *   bare `node -e ""` takes to start; and its resident memory (RSS, and the peak) after a few
 *   queries.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseEvaluationRecord } from '../domain/record.js';
import { importRecords } from '../services/import/index.js';
import type { ReadTally } from '../store/embedded/database.js';
import { EmbeddedStore } from '../store/embedded/store.js';
import { generatedBrief, generatedRecord } from '../../tests/helpers/generate.js';
import { apiProcessFigures, bareNodeStartMs } from './benchKit.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const sizes = arg('sizes', '734,2000,10000').split(',').map(Number);
const briefs = Number(arg('import', '10000'));

/** One more evaluation is added this many times per size. */
const ADD_SAMPLES = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const record = (i: number) => ({ file: `generated-${i}`, record: parseEvaluationRecord(generatedRecord(i), `generated-${i}`) });

/** A store holding `count` generated evaluations (written 500 to a change). */
async function storeOf(count: number): Promise<{ store: EmbeddedStore; dir: string; tally: ReadTally }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meg-bench-'));
  const tally: ReadTally = { reads: 0 };
  const store = new EmbeddedStore({ dataDir: dir, readTally: tally });
  await store.open();
  for (let i = 0; i < count; i += 500) await importRecords(store, Array.from({ length: Math.min(500, count - i) }, (_, k) => record(i + k)));
  return { store, dir, tally };
}

/** Importing one more evaluation, over 15 of them: the median time, and the median number of database entries read. */
async function addOne({ store, tally }: { store: EmbeddedStore; tally: ReadTally }, from: number): Promise<{ time: number; reads: number }> {
  const times: number[] = [];
  const reads: number[] = [];
  for (let k = 0; k < ADD_SAMPLES; k++) {
    const one = record(from + k);
    tally.reads = 0;
    const t = performance.now();
    await importRecords(store, [one]);
    times.push(performance.now() - t);
    reads.push(tally.reads);
  }
  return { time: median(times), reads: median(reads) };
}

console.log(`bench:writes on ${os.cpus().length} cores, Node ${process.version}\n`);

// 1. One more evaluation, as the graph grows.
const rows: [string, string, string, string][] = [];
let reference = 0;
let largest: Awaited<ReturnType<typeof storeOf>> | undefined;
for (const size of [100, ...sizes]) {
  const built = await storeOf(size);
  const took = await addOne(built, 1_000_000);
  if (size === 100) reference = took.time;
  rows.push([`${size}`, ms(took.time), size === 100 ? '(reference)' : `${(took.time / reference).toFixed(2)}x`, `${took.reads}`]);
  if (size === Math.max(...sizes)) largest = built;
  else {
    await built.store.close();
    await rm(built.dir, { recursive: true, force: true });
  }
}
console.log(`add one evaluation (median of ${ADD_SAMPLES})`);
console.log('  evaluations   time        vs 100        entries read');
for (const [size, took, ratio, reads] of rows) console.log(`  ${size.padStart(11)}   ${took.padEnd(10)}  ${ratio.padEnd(12)}  ${reads}`);

// 2. npm run import of generated briefs, in its own process.
const briefDir = await mkdtemp(path.join(os.tmpdir(), 'meg-briefs-'));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meg-import-'));
for (let i = 0; i < briefs; i++) await writeFile(path.join(briefDir, `brief-${String(i).padStart(6, '0')}.txt`), generatedBrief(i));
const lines: number[] = [];
const started = performance.now();
const code = await new Promise<number | null>((resolve) => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/import.ts'), briefDir], { cwd: ROOT, env: { ...process.env, GRAPH_STORE: 'memory', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) if (line.startsWith('ok ') || line.startsWith('FAIL')) lines.push(performance.now() - started);
  });
  child.on('exit', resolve);
});
const total = performance.now() - started;
const perBrief = (from: number, to: number) => (lines[to - 1]! - lines[from - 1]!) / (to - from);
const thousand = Math.min(1000, Math.floor(lines.length / 2));
console.log(`\nnpm run import of ${briefs} generated briefs (exit ${code}): ${(total / 1000).toFixed(1)} s in all, ${lines.length} files reported`);
if (thousand > 1) {
  const first = perBrief(1, thousand);
  const last = perBrief(lines.length - thousand + 1, lines.length);
  console.log(`  per brief: first ${thousand} ${ms(first)}, last ${thousand} ${ms(last)} (${(last / first).toFixed(2)}x)`);
}
await rm(briefDir, { recursive: true, force: true });

// 3. The API on the largest graph: start-up and memory.
if (largest) {
  await largest.store.close();
  const bareNode = await bareNodeStartMs();
  const api = await apiProcessFigures({ GRAPH_STORE: 'memory', DATA_DIR: largest.dir }, [
    { query: '{ evaluations(first: 50) { edges { node { title projects { code partners { organization { name } } } } } } }' },
    { query: '{ organization(acronym: "IDF") { collaborators(first: 20) { organization { name } } } }' },
  ]);
  console.log(`\nAPI on ${Math.max(...sizes)} evaluations: /readyz 200 after ${ms(api.startupMs)} (a bare \`node -e ""\` starts in ${ms(bareNode)})`);
  console.log(`  resident memory after a few queries: ${api.rssMiB.toFixed(0)} MiB (peak ${api.peakMiB.toFixed(0)} MiB)`);
  await rm(largest.dir, { recursive: true, force: true });
}
await rm(dataDir, { recursive: true, force: true });
