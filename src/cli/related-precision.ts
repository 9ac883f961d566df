/**
 * `npm run related:precision`: load the seed and the test corpus into an in-memory store, ask
 * `related` for every recommendation that appears as `a` in the labelled pairs
 * (tests/fixtures/related-pairs.yaml), and print precision at 1 and at 3 (a result counts as
 * relevant when the pair is labelled related), plus how often a labelled counterpart is in the top 3.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT_DIR } from '../config.js';
import type { GraphNode } from '../domain/model.js';
import { normaliseKey } from '../domain/text.js';
import { readRecords } from '../ingest/recordFiles.js';
import { storeNeighbours } from '../services/graphWalk.js';
import { importRecords } from '../services/import/index.js';
import { relatedToRecommendation } from '../services/related.js';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { EmbeddedStore } from '../store/embedded/store.js';

interface Pair {
  a: string;
  b: string;
  related: boolean;
}

/** The seed and the fixture corpus in an embedded store in a temporary folder. */
export async function loadCorpusStore(): Promise<EmbeddedStore> {
  const store = new EmbeddedStore({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'meg-related-')) });
  await store.open();
  await importRecords(store, await readRecords([path.join(ROOT_DIR, 'seeds'), path.join(ROOT_DIR, 'tests/fixtures/corpus')]));
  return store;
}

/** Resolve `<project code>#<recommendation code>` to the recommendation node. */
export async function recommendationByRef(store: EmbeddedStore, ref: string): Promise<GraphNode> {
  const [code, recCode] = ref.split('#') as [string, string];
  const [projects = []] = await store.findByKeys('Project', [normaliseKey(code)]);
  if (!projects[0]) throw new Error(`no project with code ${code}`);
  const [evaluations = []] = await store.neighbours([projects[0].id], 'EVALUATES', 'in');
  const recs = (await store.neighbours(evaluations.map((e) => e.node.id), 'RECOMMENDS', 'out')).flat();
  const rec = recs.find((r) => r.node.props.code === recCode);
  if (!rec) throw new Error(`no recommendation ${recCode} in the evaluations of ${code}`);
  return rec.node;
}

export async function measure(): Promise<{ queries: number; p1: number; p3: number; hit3: number; rows: string[] }> {
  const store = await loadCorpusStore();
  const pairs = parse(await readFile(path.join(ROOT_DIR, 'tests/fixtures/related-pairs.yaml'), 'utf8')) as Pair[];
  const label = new Map<string, boolean>();
  for (const p of pairs) {
    const [a, b] = await Promise.all([recommendationByRef(store, p.a), recommendationByRef(store, p.b)]);
    label.set(`${a.id}|${b.id}`, p.related);
    label.set(`${b.id}|${a.id}`, p.related); // relatedness is symmetric
  }
  const queries = [...new Set(pairs.filter((p) => p.related).map((p) => p.a))];
  let p1 = 0;
  let p3 = 0;
  let hit3 = 0;
  const rows: string[] = [];
  for (const ref of queries) {
    const source = await recommendationByRef(store, ref);
    const results = await relatedToRecommendation(store, storeNeighbours(store), source, { first: 3, otherProjectsOnly: true });
    const relevant = results.map((r) => label.get(`${source.id}|${r.recommendation.id}`) === true);
    p1 += relevant[0] ? 1 : 0;
    p3 += relevant.filter(Boolean).length / 3;
    hit3 += relevant.some(Boolean) ? 1 : 0;
    rows.push(`${ref.padEnd(24)} ${results.map((r, i) => `${relevant[i] ? '+' : '-'}${r.recommendation.id.replace('recommendation:', '')} (${r.score.toFixed(3)})`).join('  ')}`);
  }
  return { queries: queries.length, p1: p1 / queries.length, p3: p3 / queries.length, hit3: hit3 / queries.length, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measure();
  for (const row of result.rows) console.log(row);
  console.log(
    `related recommendations over ${result.queries} labelled queries: precision@1 ${result.p1.toFixed(3)}, precision@3 ${result.p3.toFixed(3)}, labelled counterpart in top 3 ${result.hit3.toFixed(3)}`,
  );
}
