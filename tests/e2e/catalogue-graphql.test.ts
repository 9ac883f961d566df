/**
 * IOM's evaluation repository export imported into an empty store, asked through GraphQL the
 * way a dashboard would: 734 evaluations, and counts by year, thematic area, country and donor
 * equal to the counts computed from the CSV's own cells in this test. And the seed brief
 * imported with it, in either order, is one evaluation of one project, by one evaluator of one
 * firm.
 */
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/ingest/catalogue/index.js';
import { importRecords, seed } from '../../src/services/import/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestStore } from '../helpers/store.js';
import type { GraphStore } from '../../src/store/port.js';
import { gqlData, ROOT } from '../helpers/api.js';
import { count, countriesOf, donorKeysOf, exportPresent, IOM_EXPORT, noteMissingExport, readExportRows, sorted, thematicAreasOf, yearOf, type Row } from '../helpers/catalogueCsv.js';

noteMissingExport('catalogue-graphql');

const servers: RunningServer[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.stop())));

async function serve(store: GraphStore): Promise<string> {
  const server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  servers.push(server);
  return `http://127.0.0.1:${server.port}/graphql`;
}

/** totalCount of evaluations for each value of a filter, asked 40 aliases to a query. */
async function countsBy(url: string, field: string, values: readonly string[], literal = (v: string) => JSON.stringify(v)): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < values.length; i += 40) {
    const chunk = values.slice(i, i + 40);
    const data = await gqlData(url, `{ ${chunk.map((v, j) => `c${j}: evaluations(first: 1, where: { ${field}: ${literal(v)} }) { totalCount }`).join(' ')} }`);
    chunk.forEach((v, j) => out.set(v, data[`c${j}`].totalCount));
  }
  return out;
}

describe.runIf(exportPresent)('the evaluation repository export, through GraphQL', () => {
  let rows: Row[];
  let url: string;

  beforeAll(async () => {
    rows = readExportRows();
    const store = await createTestStore();
    const catalogue = await readCatalogue(IOM_EXPORT);
    expect(catalogue.failures).toEqual([]);
    await importRecords(store, catalogue.records);
    url = await serve(store);
  });

  it('holds the 734 evaluations', async () => {
    expect((await gqlData(url, '{ evaluations(first: 1) { totalCount } }')).evaluations.totalCount).toBe(734);
  });

  it('counts by year, thematic area and country as the CSV does', async () => {
    for (const [field, valuesOf, literal] of [
      ['year', (r: Row) => (yearOf(r) ? [yearOf(r)!] : []), (v: string) => v],
      ['thematicArea', thematicAreasOf, undefined],
      ['country', countriesOf, undefined],
    ] as const) {
      const expected = new Map<string, number>();
      for (const row of rows) valuesOf(row).forEach((v) => count(expected, v));
      const actual = await countsBy(url, field, [...expected.keys()], literal);
      expect(sorted(actual), field).toEqual(sorted(expected));
    }
  });

  it('counts by donor as the CSV does, however each row spells the donor', async () => {
    // Spellings that name one organisation (the reader's) count together: group them by the organisation they find.
    const spellings = [...new Set(rows.flatMap(donorKeysOf))];
    const orgOf = new Map<string, string>();
    for (let i = 0; i < spellings.length; i += 40) {
      const chunk = spellings.slice(i, i + 40);
      const data = await gqlData(url, `{ ${chunk.map((s, j) => `o${j}: organization(name: ${JSON.stringify(s)}) { id }`).join(' ')} }`);
      chunk.forEach((s, j) => {
        expect(data[`o${j}`], `a donor spelled "${s}" is an organisation`).not.toBeNull();
        orgOf.set(s, data[`o${j}`].id);
      });
    }
    const expected = new Map<string, number>();
    for (const row of rows) new Set(donorKeysOf(row).map((s) => orgOf.get(s)!)).forEach((org) => count(expected, org));
    const actual = await countsBy(url, 'donor', spellings);
    for (const spelling of spellings) expect(actual.get(spelling), spelling).toBe(expected.get(orgOf.get(spelling)!));
  });
});

describe.runIf(exportPresent)('the seed brief and its row of the export', () => {
  for (const order of ['brief first', 'export first'] as const) {
    it(`are one evaluation of one project, by one evaluator of one firm (${order})`, async () => {
      const store = await createTestStore();
      const records = (await readCatalogue(IOM_EXPORT)).records;
      if (order === 'brief first') await seed(store, path.join(ROOT, 'seeds'));
      await importRecords(store, records);
      if (order === 'export first') await seed(store, path.join(ROOT, 'seeds'));
      const data = await gqlData(
        await serve(store),
        `{
          all: evaluations(first: 1) { totalCount }
          bolivia: evaluations(where: { text: "Strengthening Internal Migration Policies in Bolivia", timing: "ex-post" }) { edges { node { title year donors { name } evaluators { name } evaluationFirms { name } projects { code } } } }
          project(code: "CE.0350") { code evaluations { title } }
          owl: organizations(where: { text: "Owl RE" }) { totalCount }
          patricia: evaluations(first: 50, where: { text: "Patricia" }) { totalCount }
        }`,
      );
      expect(data.all.totalCount).toBe(734);
      expect(data.bolivia.edges).toHaveLength(1);
      expect(data.bolivia.edges[0].node).toEqual({
        title: 'Ex-post evaluation of the project \u201cStrengthening Internal Migration Policies in Bolivia\u201d',
        year: 2021,
        donors: [{ name: 'IOM Development Fund' }],
        evaluators: [{ name: 'Patricia Goldschmid' }],
        evaluationFirms: [{ name: 'Owl RE' }],
        projects: [{ code: 'BO10P0001/CE.0350' }],
      });
      // The project is also one of the 22 of the 2017 review of migration policy projects.
      expect(data.project.code).toBe('BO10P0001/CE.0350');
      expect(data.project.evaluations.map((e: { title: string }) => e.title).sort()).toEqual(['Ex-post evaluation of the project \u201cStrengthening Internal Migration Policies in Bolivia\u201d', 'REVIEW OF MIGRATION POLICY FUNDED PROJECTS 2007-2016']);
      expect(data.owl.totalCount).toBe(1);
    });
  }
});
