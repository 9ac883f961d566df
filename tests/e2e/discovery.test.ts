/**
 * Finding things over HTTP, as the explorer (or any frontend) does, on the seed, the fixture
 * corpus and a catalogue export: facet counts that are exactly what ticking a value gives,
 * the search page's totals, kinds, filters and keyset paging, and "did you mean".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData, removeDir, startApi, tempDir, type ApiProcess } from '../helpers/api.js';
import { loadGraph } from '../helpers/graphData.js';

let api: ApiProcess;
beforeAll(async () => {
  const dataDir = await tempDir();
  await loadGraph(dataDir, ['tests/fixtures/corpus', 'tests/fixtures/catalogue/clean-export.csv']);
  api = await startApi({ dataDir });
}, 120_000);
afterAll(async () => {
  await api?.stop();
  if (api) await removeDir(api.dataDir);
});

type Where = Record<string, unknown> & { and?: Where[] };
interface Value { value: string; label: string | null; count: number; criterion?: string; score?: number }
type Facets = Record<(typeof DIMENSIONS)[number], Value[]> & { totalCount: number };

const FACETS = `totalCount year { value label count } country { value label count } region { value label count } donor { value label count }
  thematicArea { value label count } crossCuttingTheme { value label count } scope { value label count } timing { value label count }
  level { value label count } rating { value label count criterion score }`;
const DIMENSIONS = ['year', 'country', 'region', 'donor', 'thematicArea', 'crossCuttingTheme', 'scope', 'timing', 'level', 'rating'] as const;

const facetsOf = async (where: Where): Promise<Facets> => (await gqlData(api.url, `query($w: EvaluationWhere) { evaluationFacets(where: $w) { ${FACETS} } }`, { w: where })).evaluationFacets;
const evaluationCount = async (where: Where): Promise<number> => (await gqlData(api.url, `query($w: EvaluationWhere) { evaluations(where: $w, first: 1) { totalCount } }`, { w: where })).evaluations.totalCount;

/** The `where` condition a facet value stands for. */
function condition(dimension: string, v: Value): Where {
  if (dimension === 'year') return { year: Number(v.value) };
  if (dimension === 'rating') return { rating: { criterion: v.criterion, min: v.score, max: v.score } };
  return { [dimension]: v.value };
}
const tick = (where: Where, dimension: string, v: Value): Where => ({ ...where, and: [...(where.and ?? []), condition(dimension, v)] });

describe('evaluationFacets', () => {
  it('offers a value in every dimension, and each count is what ticking that value gives', async () => {
    const facets = await facetsOf({});
    expect(facets.totalCount).toBe(await evaluationCount({}));
    for (const dimension of DIMENSIONS) expect(facets[dimension]!.length, dimension).toBeGreaterThan(0);
    expect(facets.country.map((c) => c.value)).toContain('Bolivia');
    expect(facets.rating.find((r) => r.criterion === 'Relevance')).toBeDefined();
    for (const dimension of DIMENSIONS) {
      for (const v of facets[dimension]!) {
        expect(v.count, `${dimension} ${v.value}`).toBe(await evaluationCount(condition(dimension, v)));
      }
    }
  });

  it('counts among the evaluations matching `where`, so that ticking narrows: two values of one field both hold', async () => {
    const where: Where = { country: 'Bolivia' };
    const facets = await facetsOf(where);
    expect(facets.totalCount).toBe(await evaluationCount(where));
    expect(facets.totalCount).toBeGreaterThan(1);
    expect(facets.country.find((c) => c.value === 'Bolivia')?.count).toBe(facets.totalCount);
    let checked = 0;
    for (const dimension of DIMENSIONS) {
      for (const v of facets[dimension]!) {
        expect(v.count).toBeLessThanOrEqual(facets.totalCount);
        expect(v.count, `Bolivia and ${dimension} ${v.value}`).toBe(await evaluationCount(tick(where, dimension, v)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    // Narrowing again: Bolivia and the most frequent year.
    const year = facets.year[0]!;
    const narrower = await facetsOf(tick(where, 'year', year));
    expect(narrower.totalCount).toBe(year.count);
    expect(narrower.year).toEqual([year]);
  });

  it('shows values by name and label as the where fields take them; the unknown ones count nothing', async () => {
    const facets = await facetsOf({});
    const timing = facets.timing.map((t) => t.value);
    expect(timing).toContain('ex-post');
    expect(facets.timing.find((t) => t.value === 'ex-post')?.label).toBe('Ex-post');
    expect(facets.donor.find((d) => d.value === 'IOM Development Fund')?.label).toBe('IOM Development Fund (IDF)');
    for (const list of Object.values(facets)) if (Array.isArray(list)) for (const v of list) expect(v.count).toBeGreaterThan(0);
  });
});

describe('searchResults', () => {
  const SEARCH = `query($q: String, $types: [SearchType!], $w: EvaluationWhere, $first: Int, $after: String) {
    searchResults(query: $q, types: $types, where: $w, first: $first, after: $after) {
      totalCount countsByType { type count }
      edges { cursor node { type score snippet node { __typename id ... on Evaluation { title } ... on Recommendation { text themeLabel theme { name } } ... on Organization { name acronym } ... on Finding { title summary } } } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    } }`;
  const search = async (variables: Record<string, unknown>) => (await gqlData(api.url, SEARCH, variables)).searchResults;

  it('pages through every result once, best first, with totals that match the pages', async () => {
    const first = await search({ q: 'migration', first: 100 });
    expect(first.totalCount).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = await search({ q: 'migration', first: 7, after });
      expect(page.totalCount).toBe(first.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e: any) => e.node.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.totalCount);
    const scores = first.edges.map((e: any) => e.node.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('requires every word, counts each kind, and lists the kinds asked for', async () => {
    const all = await search({ q: 'approval processes', first: 100 });
    for (const edge of all.edges) {
      const hit = edge.node;
      // A recommendation's text, or the theme it is filed under, holds both words.
      if (hit.type === 'RECOMMENDATION') expect([hit.node.text, hit.node.themeLabel, hit.node.theme?.name].join(' ').toLowerCase()).toMatch(/^(?=[\s\S]*approval)(?=[\s\S]*process)/);
    }
    const byType = Object.fromEntries(all.countsByType.map((c: any) => [c.type, c.count]));
    expect(all.totalCount).toBe(Object.values(byType).reduce((a: number, b) => a + (b as number), 0));
    expect(byType.RECOMMENDATION).toBeGreaterThan(1);
    const recs = await search({ q: 'approval processes', types: ['RECOMMENDATION'], first: 100 });
    expect(recs.totalCount).toBe(byType.RECOMMENDATION);
    expect(new Set(recs.edges.map((e: any) => e.node.type))).toEqual(new Set(['RECOMMENDATION']));
    expect(Object.fromEntries(recs.countsByType.map((c: any) => [c.type, c.count]))).toEqual(byType);
  });

  it('finds evaluations by their projects, and organisations by acronym first', async () => {
    const evaluations = await search({ q: 'BO10P0009', types: ['EVALUATION'] });
    expect(evaluations.totalCount).toBe(1);
    expect(evaluations.edges[0].node.node.title).toMatch(/Labour Mobility/i);
    const orgs = await search({ q: 'UDAPE', types: ['ORGANIZATION'] });
    expect(orgs.edges[0].node.node.acronym).toBe('UDAPE');
  });

  it("narrows to results whose evaluation matches `where`, and its facets count the results", async () => {
    const where = { country: 'Bolivia' };
    const recs = await search({ types: ['RECOMMENDATION'], w: where, first: 100 });
    const all = await search({ types: ['RECOMMENDATION'], first: 100 });
    expect(recs.totalCount).toBeGreaterThan(0);
    expect(recs.totalCount).toBeLessThan(all.totalCount);
    const { searchResults } = await gqlData(api.url, `query($w: EvaluationWhere) { searchResults(types: [RECOMMENDATION], where: $w) { totalCount facets { ${FACETS} } } }`, { w: where });
    expect(searchResults.facets.totalCount).toBe(recs.totalCount);
    for (const dimension of ['year', 'country', 'donor', 'timing'] as const) {
      for (const v of searchResults.facets[dimension] as Value[]) {
        const ticked = await search({ types: ['RECOMMENDATION'], w: tick(where, dimension, v), first: 1 });
        expect(ticked.totalCount, `${dimension} ${v.value}`).toBe(v.count);
      }
    }
    const orgs = await gqlData(api.url, `{ searchResults(types: [ORGANIZATION], where: { country: "Bolivia" }) { totalCount edges { node { node { ... on Organization { name } } } } facets { totalCount } } }`);
    expect(orgs.searchResults.edges.map((e: any) => e.node.node.name)).toContain('Social and Economic Policy Analysis Unit');
    expect(orgs.searchResults.facets.totalCount).toBe(orgs.searchResults.totalCount);
  });

  it('answers every kind under several ticked values, and `and` nested at any depth', async () => {
    const where = { and: [{ country: 'Bolivia' }, { donor: 'IOM Development Fund' }, { timing: 'ex-post' }] };
    const { searchResults } = await gqlData(api.url, `query($w: EvaluationWhere) { searchResults(where: $w) { totalCount countsByType { type count } facets { totalCount } } }`, { w: where });
    expect(searchResults.totalCount).toBeGreaterThan(0);
    expect(searchResults.facets.totalCount).toBe(searchResults.totalCount);
    expect(searchResults.countsByType.find((c: any) => c.type === 'ORGANIZATION').count).toBeGreaterThan(0);
    let nested: Where = { year: 2021 };
    for (let i = 0; i < 12; i++) nested = { and: [nested, { country: 'Bolivia' }] };
    expect(await evaluationCount(nested)).toBe(await evaluationCount({ year: 2021, country: 'Bolivia' }));
  });

  it('refuses a cursor that is not its own; the full-text search leaves evaluations to it', async () => {
    const bad = await gql(api.url, `{ searchResults(after: "nope") { totalCount } }`);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    const old = await gql(api.url, `{ search(query: "migration", types: [EVALUATION]) { type } }`);
    expect(old.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'types' } });
    const still = await gqlData(api.url, `{ search(query: "PRIMA interim reports", first: 1) { type node { ... on Recommendation { code } } } }`);
    expect(still.search).toEqual([{ type: 'RECOMMENDATION', node: { code: 'D' } }]);
  });
});

describe('suggestions', () => {
  const suggest = async (text: string, kinds?: string[]) =>
    (await gqlData(api.url, `query($t: String!, $k: [SuggestionKind!]) { suggestions(text: $t, kinds: $k) { kind value label similarity node { id } } }`, { t: text, k: kinds })).suggestions;

  it('offers the closest acronym, country, project code and theme for a text that finds nothing', async () => {
    expect((await gqlData(api.url, `{ organization(acronym: "UDPAE") { id } }`)).organization).toBeNull();
    const [udape] = await suggest('UDPAE', ['ORGANIZATION']);
    expect(udape).toMatchObject({ kind: 'ORGANIZATION', value: 'UDAPE', label: 'Social and Economic Policy Analysis Unit (UDAPE)' });
    expect((await gqlData(api.url, `query($id: ID!) { node(id: $id) { ... on Organization { acronym } } }`, { id: udape.node.id })).node.acronym).toBe('UDAPE');
    expect((await suggest('Bolivai', ['COUNTRY']))[0]).toMatchObject({ value: 'Bolivia' });
    expect((await suggest('BO10P0001', ['PROJECT']))[0]).toMatchObject({ value: 'BO10P0001/CE.0350' });
    expect((await suggest('Aproval proceses', ['THEME']))[0]).toMatchObject({ value: 'Approval processes' });
    expect((await suggest('Guatem'))[0]).toMatchObject({ kind: 'COUNTRY', value: 'Guatemala' });
    const exact = await suggest('udape');
    expect(exact[0]).toMatchObject({ value: 'UDAPE', similarity: 1 });
    for (const s of exact) expect(s.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it('suggests nothing for a text close to no name, and refuses an empty one', async () => {
    expect(await suggest('qqqxxzzkkw')).toEqual([]);
    const empty = await gql(api.url, `{ suggestions(text: " ") { value } }`);
    expect(empty.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'text' } });
  });

  it('rides along on the error of a criterion no node is called', async () => {
    const res = await gql(api.url, `{ evaluations(where: { rating: { criterion: "Relevence", min: 3 } }) { totalCount } }`);
    expect(res.errors?.[0]).toMatchObject({ message: 'rating.criterion: no criterion is called "Relevence" (did you mean "Relevance"?)', extensions: { code: 'BAD_USER_INPUT', suggestions: ['Relevance'] } });
  });
});
