/**
 * Reading a messy catalogue export (tests/fixtures/catalogue/messy-export.csv, invented rows in
 * IOM's export format): every row that can be an evaluation becomes a valid record, each
 * problem is a warning naming the row and column, and a row that cannot be one is a failure
 * with its row number, while the others are read.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluationRecord } from '../../src/domain/record.js';
import { CatalogueError, readCatalogue, readCatalogueBytes, type Catalogue } from '../../src/ingest/catalogue/index.js';
import { ROOT } from '../helpers/api.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/catalogue/messy-export.csv');

describe('a messy catalogue export', () => {
  let catalogue: Catalogue;
  const row = (n: number) => {
    const found = catalogue.records.find((r) => r.file.endsWith(` row ${n}`));
    if (!found) throw new Error(`no record for row ${n}`);
    return found;
  };
  const warningsOf = (n: number) => catalogue.warnings.filter((w) => w.row === n).map((w) => `${w.column}: ${w.message}`);

  beforeAll(async () => {
    catalogue = await readCatalogue(FIXTURE);
  });

  it('reads every row, fails the one without a title by its row number, and keeps the others', () => {
    expect(catalogue.rows).toBe(10);
    expect(catalogue.failures).toEqual([{ row: 6, message: 'the Title cell is empty: a row needs a title to become an evaluation' }]);
    expect(catalogue.records.map((r) => Number(r.file.split(' ').pop()))).toEqual([2, 3, 4, 5, 7, 8, 9, 11, 12]);
    for (const r of catalogue.records) {
      expect(r.sourceKind).toBe('catalogue');
      expect(() => parseEvaluationRecord(r.record, r.file)).not.toThrow();
    }
  });

  it('numbers rows by the line they start on, also after a cell that spans two lines', () => {
    // Row 9's description holds a line break, so the next row starts on line 11.
    expect(row(9).record.evaluation.title).toBe('Final evaluation of the "Test Coast Resilience" programme');
    expect(row(11).record.evaluation.title).toBe('Ex-post evaluation of test returns');
    expect(warningsOf(11)).toContain('Date of Publication: published 2020-04-12, but the Year column says 2022; both kept');
    expect(warningsOf(12)).toEqual(['(row): the row has 3 cells where the header has 33; cells read by position as far as they go']);
  });

  it('reads the complete row into every field', () => {
    const { record, source } = row(2);
    expect(record.evaluation).toMatchObject({
      title: 'Ex-post Evaluation: Strengthening Migration Data in Testland',
      year: 2021,
      publicationDate: '2021-05-19',
      period: { from: '2016-10-25', to: '2018-10-24' },
      scope: ['Programme/Project'],
      timing: 'Ex-post (after the end of the project/programme)',
      level: 'Decentralized',
      evaluatorType: 'External',
      coverage: 'Country',
      languages: ['English', 'Spanish'],
      countries: [{ name: 'Bolivia (the Plurinational State of)', isoCode: 'BO' }, { name: 'Worldwide' }],
      regions: ['RO for Latin America and the Caribbean'],
      thematicAreas: ['Migration policy - dialogue, consultations etc and Migration Management', 'Border and identity solutions (border management, security, border assessment etc)'],
      crossCuttingThemes: ['Gender', 'Rights-based approach'],
      donors: ['IOM Development Fund'],
      commissioners: ['IOM Development Fund'],
      evaluators: [{ name: 'Jane Example' }],
      evaluationFirms: ['Owl RE'],
      hasBrief: true,
      hasManagementResponse: true,
      hasTermsOfReference: true,
    });
    // Documents matched by what their file names say, though listed in another order.
    expect(record.evaluation.documents.map((d) => [path.basename(d.url), d.subtype])).toEqual([
      ['ZZ.0350%20-%20Evaluation%20Brief.pdf', 'Evaluation brief'],
      ['ZZ.0350%20-%20Final%20report.pdf', 'Evaluation report'],
      ['ZZ.0350%20-%20Management%20Response.docx', 'Management response'],
    ]);
    expect(record.projects).toEqual([expect.objectContaining({ code: 'ZZ.0350' })]);
    expect(record.projects[0]!.title).toBeUndefined();
    const fund = record.organizations.find((o) => o.name === 'IOM Development Fund')!;
    expect(fund).toMatchObject({ kind: 'DONOR_FUND' });
    expect(fund.country).toBeUndefined();
    expect(record.organizations.find((o) => o.name === 'Owl RE')).toMatchObject({ kind: 'EVALUATION_FIRM' });
    expect(source).toMatchObject({ fileName: 'messy-export.csv', title: 'IOM evaluation repository export', mediaType: 'text/csv', passages: { evaluation: '2', 'projects[0]': '2' } });
    expect(source!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(source!.text).toBeUndefined();
    expect(warningsOf(2)).toEqual([]);
  });

  it('reads an IOM office as author, a territory as IOM names it, placeholders as nothing, a 1985 year, and a quoted project name', () => {
    const { record } = row(3);
    expect(record.evaluation).toMatchObject({ year: 1985, evaluators: [], evaluationFirms: ['IOM Office of the Inspector General'], donors: [], commissioners: ['International Organization for Migration'], crossCuttingThemes: [] });
    expect(record.evaluation.coverage).toBeUndefined();
    expect(record.evaluation.period).toBeUndefined();
    expect(record.evaluation.countries).toEqual([{ name: 'UNSC Resolution -administered Kosovo', isoCode: 'XK' }]);
    expect(record.evaluation.thematicAreas).toEqual(['Land, property and reparations (LPR)', 'Counter trafficking']);
    expect(record.projects).toEqual([expect.objectContaining({ title: 'SAFER ROUTES FOR TEST MIGRANTS' })]);
    expect(record.projects[0]!.code).toBeUndefined();
    expect(record.organizations.find((o) => o.acronym === 'IOM')).toMatchObject({ name: 'International Organization for Migration', kind: 'INTERGOVERNMENTAL_ORGANIZATION' });
    expect(warningsOf(3)).toEqual(['Evaluation Period From Date: 1970-01-01 is a placeholder, not a date; left out', 'Evaluation Period To Date: 1970-01-01 is a placeholder, not a date; left out']);
  });

  it('reads two firms, two codes, donors who commissioned beside IOM, and warns of an unknown government', () => {
    const { record } = row(4);
    expect(record.evaluation.evaluationFirms).toEqual(['Alpha Research Group', 'Beta Consulting Ltd']);
    expect(record.projects.map((p) => p.code)).toEqual(['TT1137', 'TT1138']);
    expect(record.projects.every((p) => p.title === undefined)).toBe(true);
    expect(record.evaluation.commissioners).toEqual(['Government of Testlandia', 'European Union', 'International Organization for Migration']);
    expect(record.evaluation.languages).toEqual([]);
    expect(warningsOf(4)).toEqual(['Donor: "Government of Testlandia": "Testlandia" is not a country name known to ISO 3166; kept as written']);
  });

  it('reads codes separated by ";" once each, a citation as people, and drops an impossible period', () => {
    const { record } = row(5);
    expect(record.projects.map((p) => p.code)).toEqual(['QQ.0130', 'QQ.0270', 'QQ.0415']);
    expect(record.evaluation.evaluators.map((p) => p.name)).toEqual(['J. Example', 'A. Sample']);
    expect(record.evaluation.period).toBeUndefined();
    expect(record.evaluation.commissioners).toEqual(['International Organization for Migration', 'United Nations']);
    expect(record.evaluation.timing).toBeUndefined();
    expect(warningsOf(5)).toEqual([
      'Evaluation Period To Date: the period ends (2016-12-31) before it starts (2017-05-01); period left out',
      'Relevant Crosscutting Themes: a placeholder ("None") stands beside real values; dropped',
      'Project Code: "QQ. 0415" read as one code, QQ.0415',
    ]);
  });

  it('warns of a year that is not one, "Other" and "Multiple", unknown and misspelt countries, and documents that do not line up', () => {
    const { record } = row(7);
    expect(record.evaluation.year).toBeUndefined();
    expect(record.evaluation.countries).toEqual([{ name: 'Atlantis' }, { name: 'Dominica', isoCode: 'DM' }]);
    expect(record.evaluation.regions).toEqual(['RO for West and Central Africa']);
    expect(record.projects).toEqual([expect.objectContaining({ title: 'Community Test Stabilisation' })]);
    expect(record.evaluation.documents.map((d) => d.subtype)).toEqual([undefined, 'Evaluation report']);
    expect(warningsOf(7)).toEqual([
      'Year: "20xx" is not a year; left out',
      'Regions Covered: "RO for West and Central Africa" is listed twice; counted once',
      'Countries Covered: "Atlantis" is not a country name known to ISO 3166 or IOM; kept without an ISO code',
      'Countries Covered: "Dominca" is read as Dominica (DM)',
      'Donor: "Multiple" names no donor; left out',
      'Evaluation Commissioner: "Other" names no organisation; left out',
      'File URL: 2 URL(s), 1 subtype(s) and 1 description(s) do not line up; subtypes guessed from file names where they say which kind of document they are',
      'Document Subtype: Community Evaluation Brief.pdf: subtype unknown (the file name says no single kind of document listed for this row); left empty',
    ]);
  });

  it('invents no project for a strategy evaluation, and keeps a donor whose name has a comma', () => {
    const { record } = row(8);
    expect(record.projects).toEqual([]);
    expect(record.evaluation.donors).toEqual(['African, Caribbean and Pacific Groups of States Observatory on Migration', 'IOM Development Fund']);
    expect(record.evaluation.evaluationFirms).toEqual(['IOM Central Evaluation']);
    expect(record.evaluation.thematicAreas).toHaveLength(3);
    expect(warningsOf(8)).toEqual([]);
  });

  it('links people to the firm in parentheses after them, and warns of a name in capitals', () => {
    const { record } = row(9);
    expect(record.evaluation.evaluators).toEqual([
      { name: 'Ana Sample', organization: 'Gamma Evaluation Associates' },
      { name: 'Bo Example', organization: 'Gamma Evaluation Associates' },
      { name: 'MARIA EXAMPLO' },
    ]);
    expect(record.projects).toEqual([expect.objectContaining({ code: 'PX.0999', title: 'Test Coast Resilience' })]);
    expect(record.evaluation.documents.map((d) => [d.subtype, d.description])).toEqual([
      ['Evaluation report', 'Final report of the evaluation'],
      ['Annexes', 'Terms of Reference'],
    ]);
    expect(warningsOf(9)).toEqual(['Author: "MARIA EXAMPLO" is written in capitals: taken as a person, though it could be an organisation\'s name']);
  });

  it('gives every warning a row and a column of the export', () => {
    expect(catalogue.warnings.length).toBeGreaterThan(10);
    for (const w of catalogue.warnings) {
      expect(w.row).toBeGreaterThanOrEqual(2);
      expect(w.column).toMatch(/^(\(row\)|[A-Z].+)$/);
    }
  });

  it('refuses a file that is not an export, naming why', () => {
    expect(() => readCatalogueBytes(Buffer.from('name,age\nAda,36\n'), { file: 'people.csv' })).toThrow(CatalogueError);
    expect(() => readCatalogueBytes(Buffer.from('name,age\nAda,36\n'), { file: 'people.csv' })).toThrow(/people\.csv: no "Title" column/);
    expect(() => readCatalogueBytes(Buffer.from(''), { file: 'empty.csv' })).toThrow(/empty\.csv: the file is empty/);
  });
});
