/**
 * Has this been recommended before? Over the seed and the fixture corpus: each of the seed's
 * recommendations finds its counterpart in other projects (worded under a synonym theme),
 * scores are in [0, 1], deterministic and explained; free text works for someone drafting.
 * The labelled pairs in tests/fixtures/related-pairs.yaml are the yardstick
 * (`npm run related:precision` prints precision at 1 and 3). Runs on each store (the test
 * project's), except the yardstick, which `measure()` computes on the embedded store.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELEVANCE_FLOOR, relatedToRecommendation } from '../src/services/related.js';
import type { NeighboursFn } from '../src/services/graphWalk.js';
import type { GraphStore } from '../src/store/port.js';
import { parse } from 'yaml';
import { measure } from '../src/cli/related-precision.js';
import { readRecords } from '../src/ingest/recordFiles.js';
import { startServer, type RunningServer } from '../src/server.js';
import { importRecords } from '../src/services/import/index.js';
import { gql, gqlData, ROOT } from './helpers/api.js';
import { createTestStore, testStoreKind } from './helpers/store.js';
import { generatedRecord } from './helpers/generate.js';
import { parseEvaluationRecord } from '../src/domain/record.js';

let server: RunningServer;
let url: string;
let corpus: GraphStore;
const pairs: { a: string; b: string; related: boolean }[] = parse(await readFile(path.join(ROOT, 'tests/fixtures/related-pairs.yaml'), 'utf8'));

beforeAll(async () => {
  // The seed and the fixture corpus, as `loadCorpusStore()` of npm run related:precision loads them.
  const store = await createTestStore();
  corpus = store;
  await importRecords(store, await readRecords([path.join(ROOT, 'seeds'), path.join(ROOT, 'tests/fixtures/corpus')]));
  server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${server.port}/graphql`;
});
afterAll(async () => server?.stop());

const RELATED = `query($code: String!, $first: Int, $other: Boolean) {
  project(code: $code) { evaluations { recommendations { id code theme { name } related(first: $first, otherProjectsOnly: $other) {
    score reasons recommendation { code themeLabel theme { name } project { code } }
  } } } }
}`;

async function seedRecommendations(first = 3, other = true) {
  const { project } = await gqlData(url, RELATED, { code: 'BO10P0001/CE.0350', first, other });
  return project.evaluations[0].recommendations as any[];
}

describe('Recommendation.related', () => {
  it('finds, for each of the seed recommendations, its labelled counterpart among the top three in other projects', async () => {
    for (const rec of await seedRecommendations()) {
      const counterparts = pairs.filter((p) => p.related && p.a === `BO10P0001/CE.0350#${rec.code}` && !p.b.startsWith('BO10P0001')).map((p) => p.b);
      const found = rec.related.map((r: any) => `${r.recommendation.project.code}#${r.recommendation.code}`);
      expect(counterparts.length, rec.code).toBeGreaterThan(0);
      expect(found.some((f: string) => counterparts.includes(f)), `${rec.code}: ${found.join(', ')} vs ${counterparts.join(', ')}`).toBe(true);
      for (const r of rec.related) expect(r.recommendation.project.code).not.toBe('BO10P0001/CE.0350');
    }
  });

  it('meets each seed theme under a synonym wording in another brief, and says so', async () => {
    const recs = await seedRecommendations(5);
    const a = recs.find((r) => r.code === 'A');
    const viaSynonym = a.related.find((r: any) => r.recommendation.themeLabel === 'Government clearance timelines');
    expect(viaSynonym.recommendation.theme.name).toBe('Approval processes');
    expect(viaSynonym.reasons).toContain('Same theme: "Approval processes" (worded "Government clearance timelines" there)');
    for (const rec of recs) {
      const sameTheme = rec.related.filter((r: any) => r.recommendation.theme?.name === rec.theme.name && r.recommendation.themeLabel);
      expect(sameTheme.length, `${rec.code} ${rec.theme.name}`).toBeGreaterThan(0);
    }
  });

  it('scores in [0, 1], best first, the same every time, with reasons a person can read', async () => {
    const first = await seedRecommendations(10);
    const again = await seedRecommendations(10);
    expect(again).toEqual(first);
    for (const rec of first) {
      const scores = rec.related.map((r: any) => r.score);
      expect(scores).toEqual([...scores].sort((x: number, y: number) => y - x));
      for (const r of rec.related) {
        // Nothing under the relevance floor the README states, and never a result without a reason.
        expect(r.score).toBeGreaterThanOrEqual(RELEVANCE_FLOOR);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.reasons.length).toBeGreaterThan(0);
        for (const reason of r.reasons) expect(reason).toMatch(/^(Matching terms: |Same theme: |Related themes: |Also addressed to |Also in |Also a .* project$)/);
      }
    }
    const d = first.find((r) => r.code === 'D').related[0];
    expect(d.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^Matching terms: .*meeting/), 'Also addressed to IOM Bolivia', 'Also in Bolivia']));
  });

  it('includes the same project when asked: E.1 and E.2 are two parts of one recommendation', async () => {
    const e1 = (await seedRecommendations(3, false)).find((r) => r.code === 'E.1');
    expect(e1.related.map((r: any) => `${r.recommendation.project.code}#${r.recommendation.code}`)).toContain('BO10P0001/CE.0350#E.2');
  });

  it('meets the labelled yardstick: a labelled counterpart in the top three for every query, and top-1 precision of at least 0.8', async () => {
    const result = await measure();
    console.log(`related recommendations: precision@1 ${result.p1.toFixed(3)}, precision@3 ${result.p3.toFixed(3)}, counterpart in top 3 ${result.hit3.toFixed(3)} over ${result.queries} queries`);
    expect(result.queries).toBeGreaterThanOrEqual(12);
    expect(result.hit3).toBe(1);
    expect(result.p1).toBeGreaterThanOrEqual(0.8);
  });
});

describe('relatedRecommendations', () => {
  it('answers a draft text, using a theme it names', async () => {
    const { relatedRecommendations: results } = await gqlData(
      url,
      `{ relatedRecommendations(text: "Plan for government approval processes: collaboration agreements take longer than expected", first: 3) { score reasons recommendation { code theme { name } project { code } } } }`,
    );
    expect(results[0].recommendation.theme.name).toBe('Approval processes');
    expect(results[0].reasons).toEqual(expect.arrayContaining(['Same theme: "Approval processes"']));
    expect(results.map((r: any) => r.recommendation.project.code)).toContain('BO10P0001/CE.0350');
  });

  it('takes a recommendation id instead, and refuses both or neither', async () => {
    const [a] = await seedRecommendations(3);
    const byId = await gqlData(url, `query($to: ID!) { relatedRecommendations(to: $to, first: 3) { score recommendation { code project { code } } } }`, { to: a.id });
    expect(byId.relatedRecommendations.map((r: any) => r.score)).toEqual(a.related.map((r: any) => r.score));
    const both = await gql(url, `query($to: ID!) { relatedRecommendations(to: $to, text: "approval") { score } }`, { to: a.id });
    expect(both.errors?.[0]).toMatchObject({ message: 'relatedRecommendations() takes exactly one of text or to', extensions: { code: 'BAD_USER_INPUT' } });
    const neither = await gql(url, `{ relatedRecommendations { score } }`);
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('search', () => {
  it('finds recommendations, findings, conclusions, projects and organisations with the matching passage', async () => {
    const { search } = await gqlData(url, `{ search(query: "PRIMA interim reports", first: 3) { type score snippet matchedTerms node { ... on Recommendation { code project { code } } } } }`);
    expect(search[0]).toMatchObject({ type: 'RECOMMENDATION', node: { code: 'D', project: { code: 'BO10P0001/CE.0350' } } });
    expect(search[0].snippet).toMatch(/uploaded onto PRIMA, annexed to the interim reports/);
    expect(search[0].matchedTerms).toEqual(expect.arrayContaining(['prima', 'interim', 'reports']));
  });

  it('restricts to the types asked for, and matches local names without accents', async () => {
    const { orgs, projects, findings } = await gqlData(
      url,
      `{ orgs: search(query: "instituto estadistica", types: [ORGANIZATION]) { type node { ... on Organization { acronym } } }
         projects: search(query: "BO10P0009", types: [PROJECT]) { node { ... on Project { code } } }
         findings: search(query: "cost extensions", types: [FINDING], first: 1) { snippet node { ... on Finding { title } } } }`,
    );
    expect(orgs.map((o: any) => o.node.acronym)).toContain('INE');
    expect(new Set(orgs.map((o: any) => o.type))).toEqual(new Set(['ORGANIZATION']));
    expect(projects[0].node.code).toBe('BO10P0009');
    expect(findings[0].node.title).toBe('Efficiency and Cost Effectiveness');
    expect(findings[0].snippet).toMatch(/Three cost extensions were allocated/);
  });

  it('refuses an empty query and an oversized page', async () => {
    expect((await gql(url, `{ search(query: "  ") { score } }`)).errors?.[0]?.message).toBe('query must not be empty');
    expect((await gql(url, `{ search(query: "data", first: 500) { score } }`)).errors?.[0]?.message).toBe('first must be between 1 and 50, got 500');
  });
});

// Last in the file: it adds evaluations to the corpus the tests above read.
describe('the search for related recommendations', () => {
  it('stops profiling candidates at the bound and finds what scoring every candidate finds', { timeout: 300_000 }, async () => {
    // The corpus and 150 generated evaluations, whose recommendations share themes, audiences
    // and wording by the hundred: many candidates, most of them stopped at the bound.
    await importRecords(corpus, Array.from({ length: 150 }, (_, i) => ({ file: `generated-${i}`, record: parseEvaluationRecord(generatedRecord(i), `generated-${i}`) })));
    const neighbours: NeighboursFn = (ids, type, direction) => corpus.neighbours(ids, type, direction);
    const recommendations = (await corpus.list({ label: 'Recommendation', first: 10_000 })).nodes;
    expect(recommendations.length).toBeGreaterThan(450);
    for (const rec of recommendations.filter((_, i) => i % 4 === 0)) {
      for (const options of [{ first: 1, otherProjectsOnly: true }, { first: 3, otherProjectsOnly: false }, { first: 10, otherProjectsOnly: true }]) {
        const pruned = await relatedToRecommendation(corpus, neighbours, rec, options);
        const exhaustive = await relatedToRecommendation(corpus, neighbours, rec, { ...options, exhaustive: true });
        expect(pruned, `${rec.id} ${JSON.stringify(options)}`).toEqual(exhaustive);
      }
    }
  });
});
