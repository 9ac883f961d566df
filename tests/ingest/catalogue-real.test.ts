/**
 * The catalogue reader on IOM's real export (734 evaluations), read from
 * ../shared/sources/iom-evaluation-repository/ beside the repository (IOM's file: never copied
 * into it). Skipped, saying why, when the file is absent, except under CI=true, where its absence
 * fails.
 *
 * Counts by year, donor, country and thematic area are computed a second way in this file,
 * from csv-parse's rows and plain splitting rules, and compared per value with the reader's.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationKeys } from '../../src/domain/record.js';
import { normaliseKey } from '../../src/domain/text.js';
import { readCatalogue, type Catalogue } from '../../src/ingest/catalogue/index.js';
import { count, countriesOf, donorKeysOf, exportPresent as present, IOM_EXPORT as CSV, noteMissingExport, readExportRows, sorted, thematicAreasOf, yearOf } from '../helpers/catalogueCsv.js';

noteMissingExport('catalogue-real');

describe('IOM export present', () => {
  it.runIf(process.env.CI === 'true')('is there in CI', () => {
    expect(present, `IOM's evaluation repository export is missing: ${CSV}`).toBe(true);
  });
});

describe.runIf(present)("IOM's evaluation repository export", () => {
  let catalogue: Catalogue;
  let rows: Record<string, string>[];
  const recordOfRow = (n: number) => catalogue.records.find((r) => r.file.endsWith(` row ${n}`))!.record;
  const rowWhere = (test: (row: Record<string, string>) => boolean) => rows.findIndex(test) + 2;

  beforeAll(async () => {
    catalogue = await readCatalogue(CSV);
    rows = readExportRows();
  });

  it('reads 734 evaluations, fails none, and numbers every warning by its row', () => {
    expect(rows).toHaveLength(734);
    expect(catalogue.rows).toBe(734);
    expect(catalogue.failures).toEqual([]);
    expect(catalogue.records).toHaveLength(734);
    const columns = new Set([...Object.keys(rows[0]!), '(row)']);
    for (const w of catalogue.warnings) {
      expect(Number.isInteger(w.row) && w.row >= 2 && w.row <= 735, `${JSON.stringify(w)}`).toBe(true);
      expect(columns.has(w.column), `${JSON.stringify(w)}`).toBe(true);
    }
  });

  it('counts evaluations by year as the Year column does', () => {
    const expected = new Map<string, number>();
    for (const row of rows) if (yearOf(row)) count(expected, yearOf(row)!);
    const actual = new Map<string, number>();
    for (const { record } of catalogue.records) if (record.evaluation.year) count(actual, String(record.evaluation.year));
    expect(sorted(actual)).toEqual(sorted(expected));
    expect(Math.min(...[...actual.keys()].map(Number))).toBe(1985);
    expect(Math.max(...[...actual.keys()].map(Number))).toBe(2025);
  });

  it('counts evaluations by thematic area as the cell lists them', () => {
    const expected = new Map<string, number>();
    for (const row of rows) thematicAreasOf(row).forEach((v) => count(expected, v));
    const actual = new Map<string, number>();
    for (const { record } of catalogue.records) record.evaluation.thematicAreas.forEach((v) => count(actual, v));
    expect(sorted(actual)).toEqual(sorted(expected));
    expect(actual.get('Migration policy - dialogue, consultations etc and Migration Management')).toBe(91);
  });

  it('counts evaluations by country as the cell lists them', () => {
    const expected = new Map<string, number>();
    for (const row of rows) countriesOf(row).forEach((v) => count(expected, v));
    const actual = new Map<string, number>();
    for (const { record } of catalogue.records) record.evaluation.countries.forEach((c) => count(actual, c.name));
    expect(sorted(actual)).toEqual(sorted(expected));
    expect(actual.get('Worldwide')).toBe(81);
    // Every country but Worldwide has its ISO code.
    const withoutCode = new Set(catalogue.records.flatMap((r) => r.record.evaluation.countries.filter((c) => !c.isoCode).map((c) => c.name)));
    expect([...withoutCode]).toEqual(['Worldwide']);
    const misspelt = catalogue.warnings.filter((w) => w.column === 'Countries Covered' && / is read as /.test(w.message));
    expect(misspelt).toHaveLength(5);
  });

  it('counts evaluations by donor as the cell lists them', () => {
    const expected = new Map<string, number>();
    const spellingsOfRow = rows.map((row) => {
      const keys = new Set(donorKeysOf(row));
      keys.forEach((k) => count(expected, k));
      return keys;
    });
    // The reader's donors are organisations; each is counted under the row's spelling it answers to.
    const actual = new Map<string, number>();
    for (const { record, file } of catalogue.records) {
      const spellings = spellingsOfRow[Number(file.split(' ').pop()) - 2]!;
      for (const ref of record.evaluation.donors) {
        const org = record.organizations.find((o) => organizationKeys(o).includes(normaliseKey(ref)))!;
        const keys = new Set([...organizationKeys(org), ...(org.acronym ? [normaliseKey(`${org.name} (${org.acronym})`)] : [])]);
        const spelled = [...spellings].filter((k) => keys.has(k));
        expect(spelled, `${ref} answers to one spelling of the row's Donor cell`).toHaveLength(1);
        count(actual, spelled[0]!);
      }
    }
    expect(sorted(actual)).toEqual(sorted(expected));
    expect(actual.get(normaliseKey('IOM Development Fund'))).toBe(145);
  });

  it('reads the seed evaluation: evaluator, firm, donor, project code', () => {
    const n = rowWhere((r) => r.Title === 'Ex-post Evaluation: Strengthening Internal Migration Policies in Bolivia');
    const record = recordOfRow(n);
    expect(record.evaluation).toMatchObject({
      year: 2021,
      evaluators: [{ name: 'Patricia Goldschmid' }],
      evaluationFirms: ['Owl RE'],
      donors: ['IOM Development Fund'],
      commissioners: ['IOM Development Fund'],
      timing: 'Ex-post (after the end of the project/programme)',
      // The export lists Ecuador for this Bolivian project (a data problem kept as exported).
      countries: [{ name: 'Ecuador', isoCode: 'EC' }],
    });
    expect(record.projects.map((p) => [p.code, p.title])).toEqual([['CE.0350', undefined]]);
    expect(record.evaluation.documents.map((d) => [decodeURIComponent(path.basename(d.url)), d.subtype])).toEqual([
      ['Evaluation CE.0350 - Evaluation Brief.pdf', 'Evaluation brief'],
      ['Evaluation CE.0350 - Final report_0.pdf', 'Evaluation report'],
      ['Evaluation CE.0350 - Management Response.docx', 'Management response'],
    ]);
  });

  it('gives the CS1137, CS1138 row two projects', () => {
    const record = recordOfRow(rowWhere((r) => r['Project Code'] === 'CS1137, CS1138'));
    expect(record.projects.map((p) => p.code)).toEqual(['CS1137', 'CS1138']);
    expect(record.evaluation.countries.map((c) => c.isoCode)).toEqual(['DO', 'HT']);
  });

  it('gives the review of 23 codes its projects, CE.0130 once', () => {
    const n = rowWhere((r) => r['Project Code']!.split(';').length === 23);
    const record = recordOfRow(n);
    expect(record.evaluation.title).toMatch(/^REVIEW/);
    const codes = record.projects.map((p) => p.code);
    expect(codes).toHaveLength(22);
    expect(codes.filter((c) => c === 'CE.0130')).toHaveLength(1);
    expect(codes).toContain('SL2-80');
    expect(codes).toContain('CE.0350');
  });

  it('reads IOM offices as authors and Kosovo as IOM names it', () => {
    const oig = catalogue.records.filter((r) => r.record.evaluation.evaluationFirms.includes('IOM Office of the Inspector General'));
    expect(oig.length).toBeGreaterThanOrEqual(57); // "OIG" (56) and "Office of the Inspector General"
    const kosovo = catalogue.records.flatMap((r) => r.record.evaluation.countries).filter((c) => c.isoCode === 'XK');
    expect(new Set(kosovo.map((c) => c.name))).toEqual(new Set(['UNSC Resolution -administered Kosovo']));
  });
});
