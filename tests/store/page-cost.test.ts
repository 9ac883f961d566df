/**
 * A page costs the same at any graph size: the entries the embedded store reads from its
 * database to answer a project page, and a page of the projects connection, are counted on a
 * graph of 100 generated evaluations and on one of 800, and may not grow with it. A lookup by
 * code that scanned the projects, or a page that read every project to cut its first ten, would
 * read eight times as much on the larger graph. Writing is held to the same: adding one more
 * evaluation reads what the change touches, not what the graph holds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEvaluationRecord } from '../../src/domain/record.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { importRecords } from '../../src/services/import/index.js';
import type { ReadTally } from '../../src/store/embedded/database.js';
import { EmbeddedStore } from '../../src/store/embedded/store.js';
import { gqlData } from '../helpers/api.js';
import { generatedRecord } from '../helpers/generate.js';

const PROJECT_PAGE = `query($code: String!) {
  project(code: $code) {
    code title
    partners { lead role organization { name acronym } }
    evaluations { title findings { summary criterion { name } rating { score } } recommendations { code text theme { name } audiences { name } } }
  }
}`;
const PROJECTS_PAGE = `{ projects(first: 10) { edges { node { code title partners { organization { name } } evaluations { title } } } pageInfo { hasNextPage endCursor } } }`;

const generated = (i: number) => ({ file: `generated-${i}`, record: parseEvaluationRecord(generatedRecord(i), `generated-${i}`) });

const opened: { store: EmbeddedStore; server: RunningServer; dir: string }[] = [];
afterAll(async () => {
  for (const { store, server, dir } of opened) {
    await server.stop();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/** The API on an embedded store of `count` generated evaluations, counting what it reads. */
async function graphOf(count: number): Promise<{ url: string; tally: ReadTally; store: EmbeddedStore }> {
  const tally: ReadTally = { reads: 0 };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meg-page-cost-'));
  const writer = new EmbeddedStore({ dataDir: dir });
  await writer.open();
  for (let i = 0; i < count; i += 200) await importRecords(writer, Array.from({ length: Math.min(200, count - i) }, (_, k) => generated(i + k)));
  await writer.close();
  // Served by a store opened afresh, as after a restart: nothing of the graph is in its read cache.
  const store = new EmbeddedStore({ dataDir: dir, readTally: tally });
  await store.open();
  const server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  opened.push({ store, server, dir });
  return { url: `http://127.0.0.1:${server.port}/graphql`, tally, store };
}

/**
 * Entries read to answer the query the first time (what it reads is then kept in the store's
 * read cache: asked again, it reads almost nothing, which is checked too).
 */
async function readsOf(graph: { url: string; tally: ReadTally }, query: string, variables: Record<string, unknown> = {}): Promise<number> {
  graph.tally.reads = 0;
  await gqlData(graph.url, query, variables);
  const first = graph.tally.reads;
  graph.tally.reads = 0;
  await gqlData(graph.url, query, variables);
  expect(graph.tally.reads).toBeLessThan(first / 4);
  return first;
}

describe('the cost of a page, at 100 and at 800 evaluations', () => {
  it('a project page, a page of projects and adding one evaluation read the same entries at either size', { timeout: 180_000 }, async () => {
    const [small, large] = [await graphOf(100), await graphOf(800)];
    // The same project (its evaluation, findings and recommendations are alike at any size).
    const smallReads = await readsOf(small, PROJECT_PAGE, { code: 'GX0042' });
    const largeReads = await readsOf(large, PROJECT_PAGE, { code: 'GX0042' });
    console.log(`page-cost: project page ${smallReads} entries read at 100 evaluations, ${largeReads} at 800`);
    expect(smallReads).toBeGreaterThan(20);
    // Shared organisations (IOM Bolivia, the ministries) are partners of more projects on the
    // larger graph, but a page reads them, not what they take part in.
    expect(largeReads).toBeLessThanOrEqual(smallReads * 1.1);

    const smallPage = await readsOf(small, PROJECTS_PAGE);
    const largePage = await readsOf(large, PROJECTS_PAGE);
    console.log(`page-cost: projects(first: 10) ${smallPage} entries read at 100 evaluations, ${largePage} at 800`);
    expect(smallPage).toBeGreaterThan(20);
    expect(largePage).toBeLessThanOrEqual(smallPage * 1.1);

    // One more evaluation, of the same shape on both graphs (its organisations, people and
    // themes are shared with hundreds of others on the larger one).
    const added = async (graph: typeof small, i: number) => {
      graph.tally.reads = 0;
      await importRecords(graph.store, [generated(i)]);
      return graph.tally.reads;
    };
    const [smallAdd, largeAdd] = [await added(small, 100_042), await added(large, 100_042)];
    console.log(`page-cost: adding one evaluation read ${smallAdd} entries at 100 evaluations, ${largeAdd} at 800`);
    expect(smallAdd).toBeGreaterThan(100);
    expect(largeAdd).toBeLessThanOrEqual(smallAdd * 1.1);
  });
});
