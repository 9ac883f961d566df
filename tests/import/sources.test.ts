/**
 * One evaluation, however many documents describe it: the seed's brief (a curated record of
 * it) and its row in IOM's evaluation repository export describe one evaluation of one project,
 * by one evaluator of one firm, in whichever order they are imported; each source restates only
 * what it said; and two institutions that share an acronym in two countries stay two.
 *
 * The catalogue row is written out here as the catalogue reader makes it (its values are those
 * of the export's row titled "Ex-post Evaluation: Strengthening Internal Migration Policies in
 * Bolivia"), so that these tests do not depend on IOM's file.
 */
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEvaluationRecord } from '../../src/domain/record.js';
import { readRecords, type LoadedRecord } from '../../src/ingest/recordFiles.js';
import { importRecords } from '../../src/services/import/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestStore } from '../helpers/store.js';
import type { GraphStore } from '../../src/store/port.js';
import { gqlData, ROOT } from '../helpers/api.js';

const catalogueRow = (donor = 'IOM Development Fund'): LoadedRecord => ({
  file: 'export.csv',
  sourceKind: 'catalogue',
  record: parseEvaluationRecord(
    {
      evaluation: {
        title: 'Ex-post Evaluation: Strengthening Internal Migration Policies in Bolivia',
        year: 2021,
        publicationDate: '2021-05-19',
        period: { from: '2016-10-25', to: '2018-10-24' },
        scope: ['Programme/Project'],
        timing: 'Ex-post (after the end of the project/programme)',
        level: 'Decentralized',
        evaluatorType: 'External',
        coverage: 'Country',
        languages: ['English'],
        countries: [{ name: 'Ecuador', isoCode: 'EC' }],
        regions: ['RO for Latin America and the Caribbean'],
        thematicAreas: ['Assistance to vulnerable migrants', 'Migration and Development - community development'],
        crossCuttingThemes: ['Gender'],
        donors: [donor],
        commissioners: [donor],
        evaluators: [{ name: 'Patricia Goldschmid' }],
        evaluationFirms: ['Owl RE'],
        documents: [
          { url: 'https://evaluation.iom.int/sites/g/files/tmzbdl151/files/docs/resources/Evaluation%20CE.0350%20-%20Evaluation%20Brief.pdf', subtype: 'Evaluation brief' },
          { url: 'https://evaluation.iom.int/sites/g/files/tmzbdl151/files/docs/resources/Evaluation%20CE.0350%20-%20Final%20report_0.pdf', subtype: 'Evaluation report' },
        ],
        hasBrief: true,
        hasManagementResponse: true,
        hasTermsOfReference: true,
      },
      projects: [{ code: 'CE.0350' }],
      organizations: [
        { name: donor, kind: 'DONOR_FUND' },
        { name: 'Owl RE', kind: 'EVALUATION_FIRM' },
      ],
    },
    'export.csv row 101',
  ),
});

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function graphAfter(...batches: LoadedRecord[][]): Promise<{ store: GraphStore; url: string }> {
  const store = await createTestStore();
  for (const batch of batches) await importRecords(store, batch);
  server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  return { store, url: `http://127.0.0.1:${server.port}/graphql` };
}

const seed = () => readRecords([path.join(ROOT, 'seeds')]);

const BOLIVIA = `{
  evaluations(first: 10) { totalCount edges { node {
    title type stage year timing level scope languages coverage publicationDate period { from to } hasBrief
    projects { code title countries { isoCode } }
    countries { name isoCode } regions { name } donors { name } commissioners { name }
    thematicAreas { name taxonomy } crossCuttingThemes { name }
    evaluators { name } evaluationFirm { name } evaluationFirms { name }
    documents { url subtype }
    findings { criterion { name } rating { score } }
    recommendations { code }
  } } }
  projects { totalCount }
  owl: organizations(where: { text: "Owl RE" }) { totalCount }
  byShortCode: project(code: "CE.0350") { code title }
}`;

describe('a brief and its catalogue row are one evaluation', () => {
  for (const order of ['brief first', 'catalogue first'] as const) {
    it(`merges them, ${order}, keeping the brief's wording and adding the catalogue's facts`, async () => {
      const batches = order === 'brief first' ? [await seed(), [catalogueRow()]] : [[catalogueRow()], await seed()];
      const { url } = await graphAfter(...batches);
      const data = await gqlData(url, BOLIVIA);
      expect(data.evaluations.totalCount).toBe(1);
      expect(data.projects.totalCount).toBe(1);
      expect(data.owl.totalCount).toBe(1);
      expect(data.byShortCode).toEqual({ code: 'BO10P0001/CE.0350', title: 'Strengthening Internal Migration Policies in Bolivia' });
      const e = data.evaluations.edges[0].node;
      // The brief's wording wins; the catalogue fills in what the brief does not say.
      expect(e.title).toBe('Ex-post evaluation of the project \u201cStrengthening Internal Migration Policies in Bolivia\u201d');
      expect(e).toMatchObject({ type: 'External independent ex-post evaluation', stage: 'ex-post', year: 2021, timing: 'Ex-post (after the end of the project/programme)', level: 'Decentralized', scope: ['Programme/Project'], languages: ['English'], coverage: 'Country', publicationDate: '2021-05-19', period: { from: '2016-10-25', to: '2018-10-24' }, hasBrief: true });
      expect(e.projects).toEqual([{ code: 'BO10P0001/CE.0350', title: 'Strengthening Internal Migration Policies in Bolivia', countries: [{ isoCode: 'BO' }] }]);
      // The catalogue's countries are the evaluation's (IOM's row says Ecuador); the brief's are the project's.
      expect(e.countries).toEqual([{ name: 'Ecuador', isoCode: 'EC' }]);
      expect(e.regions).toEqual([{ name: 'RO for Latin America and the Caribbean' }]);
      expect(e.donors).toEqual([{ name: 'IOM Development Fund' }]);
      expect(e.commissioners).toEqual([{ name: 'IOM Development Fund' }]);
      expect(e.thematicAreas).toEqual([{ name: 'Assistance to vulnerable migrants', taxonomy: 'IOM' }, { name: 'Migration and Development - community development', taxonomy: 'IOM' }]);
      expect(e.crossCuttingThemes).toEqual([{ name: 'Gender' }]);
      expect(e.evaluators).toEqual([{ name: 'Patricia Goldschmid' }]);
      expect(e.evaluationFirms).toEqual([{ name: 'Owl RE' }]);
      expect(e.documents.map((d: { subtype: string }) => d.subtype)).toEqual(['Evaluation brief', 'Evaluation report']);
      expect(e.findings).toHaveLength(5);
      expect(e.recommendations.map((r: { code: string }) => r.code)).toEqual(['A', 'B', 'C', 'D', 'E.1', 'E.2']);
    });
  }

  it('lets each source restate only what it said', async () => {
    const { store, url } = await graphAfter(await seed(), [catalogueRow()]);
    const before = await gqlData(url, BOLIVIA);
    // Importing either source again changes nothing.
    await importRecords(store, [catalogueRow()]);
    await importRecords(store, await seed());
    expect(await gqlData(url, BOLIVIA)).toEqual(before);
    // A newer export names another donor: the old one goes, and nothing the brief said does.
    await importRecords(store, [catalogueRow('European Union')]);
    const after = (await gqlData(url, BOLIVIA)).evaluations.edges[0].node;
    expect(after.donors).toEqual([{ name: 'European Union' }]);
    expect(after.commissioners.map((c: { name: string }) => c.name).sort()).toEqual(['European Union', 'IOM Development Fund']);
    expect(after.findings).toHaveLength(5);
    expect(after.evaluationFirms).toEqual([{ name: 'Owl RE' }]);
    expect(after.projects[0].code).toBe('BO10P0001/CE.0350');
  });
});

describe('institutions that share an acronym in two countries', () => {
  it('stay two: INE of Bolivia and INE of Paraguay', async () => {
    const { url } = await graphAfter(await seed(), await readRecords([path.join(ROOT, 'tests/fixtures/records/py-labour-statistics.yaml')]));
    const data = await gqlData(
      url,
      `{
        ines: organizations(where: { text: "Instituto Nacional de Estad" }) { totalCount edges { node { acronym country partnerships { project { code } } } } }
        bo: organization(acronym: "INE", country: "Bolivia") { country }
        py: organization(acronym: "INE", country: "PY") { country partnerships { project { code } } }
        idf: organizations(where: { text: "IOM Development Fund" }) { totalCount }
      }`,
    );
    expect(data.ines.totalCount).toBe(2);
    expect(data.ines.edges.map((e: { node: { country: string; partnerships: { project: { code: string } }[] } }) => [e.node.country, e.node.partnerships.map((p) => p.project.code)])).toEqual([
      ['BO', ['BO10P0001/CE.0350']],
      ['PY', ['PY10P0201']],
    ]);
    expect(data.bo).toEqual({ country: 'BO' });
    expect(data.py).toEqual({ country: 'PY', partnerships: [{ project: { code: 'PY10P0201' } }] });
    // An international body is one node whoever names it.
    expect(data.idf.totalCount).toBe(1);
  });
});
