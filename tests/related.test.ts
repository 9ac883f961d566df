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
import { RELEVANCE_FLOOR, relatedToRecommendation, relatedToRecommendations } from '../src/services/related.js';
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

/**
 * A recommendation's facts as a plain reading of the graph gives them, through the port's
 * neighbours (outgoing ones in the document's order): the first theme, its first broader theme,
 * the audiences, the first evaluation's first project, that project's type and countries.
 */
async function factsThroughNeighbours(store: GraphStore, ids: readonly string[]) {
  const [themes, audiences, evaluations] = await Promise.all([store.neighbours(ids, 'ABOUT', 'out'), store.neighbours(ids, 'ADDRESSED_TO', 'out'), store.neighbours(ids, 'RECOMMENDS', 'in')]);
  const [nodes, broader, projects] = await Promise.all([
    store.getNodes(ids),
    store.neighbours(themes.map((t) => t[0]?.node.id ?? ''), 'BROADER', 'out'),
    store.neighbours(evaluations.map((e) => e[0]?.node.id ?? ''), 'EVALUATES', 'out'),
  ]);
  const countries = await store.neighbours(projects.map((p) => p[0]?.node.id ?? ''), 'IN_COUNTRY', 'out');
  return ids.map((id, i) => {
    const node = nodes[i];
    if (!node) return null;
    const project = projects[i]![0]?.node;
    return {
      id,
      text: String(node.props.text ?? ''),
      ...(typeof node.props.themeLabel === 'string' ? { themeLabel: node.props.themeLabel } : {}),
      ...(themes[i]![0] ? { theme: themes[i]![0]!.node.id } : {}),
      ...(broader[i]![0] ? { broader: broader[i]![0]!.node.id } : {}),
      audiences: audiences[i]!.map((a) => a.node.id),
      ...(project ? { project: project.id } : {}),
      ...(typeof project?.props.typeKey === 'string' ? { projectType: project.props.typeKey } : {}),
      countries: countries[i]!.map((c) => c.node.id),
    };
  });
}

// Last in the file: it adds evaluations to the corpus the tests above read, and edits it.
describe('the facts related recommendations are scored from', () => {
  const recommendationIds = async () => (await corpus.list({ label: 'Recommendation', first: 10_000 })).nodes.map((n) => n.id);
  const expectFactsAsRead = async () => {
    const ids = await recommendationIds();
    expect(await corpus.recommendationFacts(ids)).toEqual(await factsThroughNeighbours(corpus, ids));
    const themes = (await corpus.list({ label: 'Theme', first: 1000 })).nodes.map((n) => n.id);
    const about = await corpus.neighbours(themes, 'ABOUT', 'in');
    expect(await corpus.recommendationsAbout(themes)).toEqual(about.map((list) => list.filter((n) => n.node.label === 'Recommendation').map((n) => n.node.id)));
  };

  it('are what the graph says, and stay so through every kind of edit', { timeout: 300_000 }, async () => {
    // The corpus and 150 generated evaluations, whose recommendations share themes, audiences
    // and wording by the hundred.
    await importRecords(corpus, Array.from({ length: 150 }, (_, i) => ({ file: `generated-${i}`, record: parseEvaluationRecord(generatedRecord(i), `generated-${i}`) })));
    const ids = await recommendationIds();
    expect(ids.length).toBeGreaterThan(450);
    // Asked once (the embedded store keeps them from then on), then edited under them.
    await expectFactsAsRead();
    const [facts] = await corpus.recommendationFacts([ids.find((id) => id.includes('gx0007'))!]);
    expect(facts).toMatchObject({ theme: expect.any(String), project: expect.any(String), projectType: expect.any(String), countries: [expect.any(String)] });
    const evaluation = (await corpus.neighbours([facts!.id], 'RECOMMENDS', 'in'))[0]![0]!.node.id;
    const otherTheme = (await corpus.list({ label: 'Theme', first: 1000 })).nodes.map((n) => n.id).find((t) => t !== facts!.theme)!;
    const broader = (await corpus.neighbours([facts!.theme!], 'BROADER', 'out'))[0]![0]?.node.id;
    const edits = [
      // the project moves country and changes type
      { nodes: [{ id: facts!.project!, label: 'Project' as const, props: { typeKey: 'edited-type' } }], edges: [{ type: 'IN_COUNTRY' as const, from: facts!.project!, to: 'country:ec', props: {} }], deleteEdges: [{ from: facts!.project!, type: 'IN_COUNTRY' as const, to: facts!.countries[0]! }] },
      // the recommendation changes theme, wording and audiences
      { nodes: [{ id: facts!.id, label: 'Recommendation' as const, props: { text: 'An edited text about record keeping.' } }], edges: [{ type: 'ABOUT' as const, from: facts!.id, to: otherTheme, props: {} }], deleteEdges: [{ from: facts!.id, type: 'ABOUT' as const, to: facts!.theme! }, { from: facts!.id, type: 'ADDRESSED_TO' as const, to: facts!.audiences[0]! }] },
      // its old theme loses its broader theme
      ...(broader ? [{ nodes: [], edges: [], deleteEdges: [{ from: facts!.theme!, type: 'BROADER' as const, to: broader }] }] : []),
      // its evaluation goes
      { nodes: [], edges: [], deleteNodes: [evaluation!] },
    ];
    for (const edit of edits) {
      await corpus.write({ ...edit, nodes: [...edit.nodes, ...(edit.edges.some((e) => e.to === 'country:ec') ? [{ id: 'country:ec', label: 'Country' as const, props: { name: 'Ecuador', isoCode: 'EC' } }] : [])] });
      await expectFactsAsRead();
    }
  });

  it('stop reading candidates at the ceiling and find what scoring every candidate finds', { timeout: 300_000 }, async () => {
    // Generated recommendations share themes, audiences and wording by the hundred: the results
    // fill with the best possible score early, and most candidates are never read.
    const neighbours: NeighboursFn = (ids, type, direction) => corpus.neighbours(ids, type, direction);
    const recommendations = (await corpus.list({ label: 'Recommendation', first: 10_000 })).nodes;
    for (const rec of recommendations.filter((_, i) => i % 3 === 0)) {
      for (const options of [{ first: 1, otherProjectsOnly: true }, { first: 3, otherProjectsOnly: false }, { first: 20, otherProjectsOnly: true }]) {
        const pruned = await relatedToRecommendation(corpus, neighbours, rec, options);
        const exhaustive = await relatedToRecommendation(corpus, neighbours, rec, { ...options, exhaustive: true });
        expect(pruned, `${rec.id} ${JSON.stringify(options)}`).toEqual(exhaustive);
      }
    }
  });

  it("give a page's recommendations, asked together, what each gets alone", { timeout: 120_000 }, async () => {
    const neighbours: NeighboursFn = (ids, type, direction) => corpus.neighbours(ids, type, direction);
    const recs = (await corpus.list({ label: 'Recommendation', first: 40 })).nodes;
    for (const options of [{ first: 1, otherProjectsOnly: true }, { first: 3, otherProjectsOnly: false }]) {
      const together = await relatedToRecommendations(corpus, neighbours, recs, options);
      expect(together.some((list) => list.length === options.first)).toBe(true);
      for (const [i, rec] of recs.entries()) expect(together[i], rec.id).toEqual(await relatedToRecommendation(corpus, neighbours, rec, options));
    }
  });
});
