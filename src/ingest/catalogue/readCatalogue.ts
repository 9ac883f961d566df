/**
 * Read a catalogue export (IOM's evaluation repository search export, CSV) into one evaluation
 * record per row, with a warning for every value that had to be tidied, guessed or left out,
 * and a failure for every row that cannot become a valid record. A bad row never stops the
 * others.
 *
 * Rows are numbered as the file's lines: the header is row 1 and the first evaluation row 2
 * (the numbers a spreadsheet shows, since no cell of the export spans lines).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { RecordValidationError, parseEvaluationRecord, type EvaluationRecordInput } from '../../domain/record.js';
import type { SourceInfo } from '../../domain/source.js';
import { sha256, type LoadedRecord } from '../recordFiles.js';
import { parseAuthors } from './authors.js';
import { clean, flag, isoDate, isPlaceholder, single, splitList } from './cells.js';
import { COLUMNS, REQUIRED, mapHeader, type Column } from './columns.js';
import { catalogueCountry, isoCodeOf } from './countries.js';
import { readDocuments } from './documents.js';
import { OrganizationList, donorOrganization, knownOrganization, type OrgSpec } from './organizations.js';
import { projectCodes, projectNamesInTitle } from './projects.js';
import { COMPOUND_DONORS, CROSS_CUTTING_THEMES, REGIONS, SCOPES, THEMATIC_AREAS } from './vocabulary.js';

export interface CatalogueWarning {
  /** The row's number in the file (the header is row 1). */
  readonly row: number;
  /** The column, as the export names it. */
  readonly column: string;
  readonly message: string;
}

export interface CatalogueFailure {
  readonly row: number;
  readonly message: string;
}

export interface Catalogue {
  readonly file: string;
  /** Rows read (header excluded). */
  readonly rows: number;
  readonly records: LoadedRecord[];
  readonly warnings: CatalogueWarning[];
  readonly failures: CatalogueFailure[];
}

/** A file the reader cannot read at all (not CSV, or without the columns it needs). */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    /** What is wrong, without the file's name. */
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'CatalogueError';
  }
}

export const CATALOGUE_TITLE = 'IOM evaluation repository export';

export async function readCatalogue(file: string): Promise<Catalogue> {
  const display = path.relative(process.cwd(), file) || file;
  const bytes = await readFile(file);
  return readCatalogueBytes(bytes, { file: display, fileName: path.basename(file) });
}

export function readCatalogueBytes(bytes: Uint8Array, options: { file: string; fileName?: string }): Catalogue {
  const { file } = options;
  const warnings: CatalogueWarning[] = [];
  const failures: CatalogueFailure[] = [];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(Buffer.from(bytes), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: { lines?: number; message: string } | undefined) => {
        if (error) failures.push({ row: error.lines ?? 0, message: `not readable as CSV: ${error.message}` });
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new CatalogueError(file, `not readable as CSV: ${(error as Error).message}`);
  }
  if (!rows.length) throw new CatalogueError(file, 'the file is empty: expected a header row and one row per evaluation');
  const [header, ...body] = rows;
  const { index, missing } = mapHeader(header!.record);
  const missingRequired = REQUIRED.filter((c) => missing.includes(c));
  if (missingRequired.length) {
    throw new CatalogueError(file, `no ${missingRequired.map((c) => `"${COLUMNS[c]}"`).join(', ')} column: this does not look like an evaluation repository export (header: ${header!.record.slice(0, 6).join(', ')}...)`);
  }
  // Provenance: the lines of the file a row spans (a row is a line unless a cell holds a line break).
  const source = (row: number, end: number, projects: number): SourceInfo => {
    const lines = end > row ? `${row}-${end}` : String(row);
    return {
      fileName: options.fileName ?? path.basename(file),
      title: CATALOGUE_TITLE,
      sha256: sha256(bytes),
      mediaType: 'text/csv',
      passages: Object.fromEntries([['evaluation', lines], ...Array.from({ length: projects }, (_, i) => [`projects[${i}]`, lines])]),
    };
  };

  const records: LoadedRecord[] = [];
  let previousEnd = header!.info.lines;
  for (const { record: cells, info } of body) {
    const row = previousEnd + 1;
    previousEnd = info.lines;
    const rowWarnings: CatalogueWarning[] = [];
    const warn = (column: Column | string, message: string) => rowWarnings.push({ row, column: (COLUMNS as Record<string, string>)[column] ?? column, message });
    const cell = (column: Column) => {
      const at = index[column];
      return at === undefined ? '' : (cells[at] ?? '');
    };
    if (cells.length !== header!.record.length) warn('(row)', `the row has ${cells.length} cells where the header has ${header!.record.length}; cells read by position as far as they go`);
    try {
      const built = buildRecord(cell, warn);
      if ('failure' in built) {
        failures.push({ row, message: built.failure });
        continue;
      }
      const record = parseEvaluationRecord(built.data, `${file} row ${row}`);
      records.push({ file: `${file} row ${row}`, record, source: source(row, info.lines, record.projects.length), sourceKind: 'catalogue' });
      warnings.push(...rowWarnings);
    } catch (error) {
      const message = error instanceof RecordValidationError ? error.problems.map((p) => `${p.path || '(record)'}: ${p.message}`).join('; ') : error instanceof Error ? error.message : String(error);
      failures.push({ row, message: `not a valid evaluation record: ${message}` });
    }
  }
  failures.sort((a, b) => a.row - b.row);
  return { file, rows: body.length + failures.filter((f) => f.message.startsWith('not readable as CSV')).length, records, warnings, failures };
}

type Warn = (column: Column | string, message: string) => void;

function buildRecord(cell: (column: Column) => string, warn: Warn): { data: EvaluationRecordInput } | { failure: string } {
  const title = clean(cell('title'));
  if (isPlaceholder(title)) return { failure: 'the Title cell is empty: a row needs a title to become an evaluation' };
  const orgs = new OrganizationList();

  // Year, publication date, period.
  let year: number | undefined;
  const yearCell = clean(cell('year'));
  if (!isPlaceholder(yearCell)) {
    const n = /^\d{4}(?:\.0)?$/.test(yearCell) ? Number(yearCell.slice(0, 4)) : NaN;
    if (Number.isNaN(n)) warn('year', `"${yearCell}" is not a year; left out`);
    else if (n < 1950 || n > 2100) warn('year', `${n} is not a plausible year for an evaluation; left out`);
    else year = n;
  }
  const published = isoDate(cell('publicationDate'));
  if (published.problem) warn('publicationDate', published.problem);
  if (year && published.value && Number(published.value.slice(0, 4)) !== year) warn('publicationDate', `published ${published.value}, but the Year column says ${year}; both kept`);
  const from = isoDate(cell('periodFrom'));
  const to = isoDate(cell('periodTo'));
  if (from.problem) warn('periodFrom', from.problem);
  if (to.problem) warn('periodTo', to.problem);
  let period: { from?: string; to?: string } | undefined = from.value || to.value ? { ...(from.value ? { from: from.value } : {}), ...(to.value ? { to: to.value } : {}) } : undefined;
  if (period?.from && period.to && period.from > period.to) {
    warn('periodTo', `the period ends (${period.to}) before it starts (${period.from}); period left out`);
    period = undefined;
  }

  // Lists.
  const list = (column: Column, vocabulary?: Parameters<typeof splitList>[1]) => {
    const { values, problems } = splitList(cell(column), vocabulary);
    problems.forEach((p) => warn(column, p));
    return values;
  };
  const scope = list('scope', SCOPES);
  const languages = list('languages');
  const regions = list('regions', REGIONS);
  const thematicAreas = list('thematicAreas', THEMATIC_AREAS);
  const crossCuttingThemes = list('crossCuttingThemes', CROSS_CUTTING_THEMES);

  const countries: { name: string; isoCode?: string }[] = [];
  for (const name of list('countries')) {
    const { country, problem } = catalogueCountry(name);
    if (problem) warn('countries', problem);
    if (!countries.some((c) => (c.isoCode && c.isoCode === country.isoCode) || c.name === country.name)) countries.push(country);
  }

  // Donors.
  const donors: string[] = [];
  for (const name of list('donor', COMPOUND_DONORS)) {
    if (/^(multiple|various|several|others?)$/i.test(name)) {
      warn('donor', `"${name}" names no donor; left out`);
      continue;
    }
    const government = /^government of (?:the )?(.+)$/i.exec(name);
    if (government && !isoCodeOf(government[1]!)) warn('donor', `"${name}": "${government[1]}" is not a country name known to ISO 3166; kept as written`);
    donors.push(orgs.add(donorOrganization(name)));
  }

  // Commissioners.
  const commissioners: string[] = [];
  const commission = (ref: string) => {
    if (!commissioners.includes(ref)) commissioners.push(ref);
  };
  for (const value of list('commissioner')) {
    const v = value.toLowerCase();
    if (v === 'iom') commission(orgs.add(knownOrganization('IOM')!));
    else if (v === 'un') commission(orgs.add(knownOrganization('UN')!));
    else if (v === 'donor' || v === 'donors') {
      if (donors.length) donors.forEach(commission);
      else warn('commissioner', '"Donor" commissioned the evaluation, but the Donor column names none; left out');
    } else if (v === 'other') warn('commissioner', '"Other" names no organisation; left out');
    else commission(orgs.add(donorOrganization(value)));
  }

  // Authors.
  const authors = parseAuthors(cell('author'));
  authors.problems.forEach((p) => warn('author', p));
  const firmRef = (spec: OrgSpec) => orgs.add(spec);
  const evaluationFirms = [...new Set(authors.organizations.map(firmRef))];
  const evaluators = authors.persons.map((p) => ({ name: p.name, ...(p.organization ? { organization: firmRef(p.organization) } : {}) }));

  // Projects.
  const codes = projectCodes(cell('projectCode'));
  codes.problems.forEach((p) => warn('projectCode', p));
  const named = projectNamesInTitle(title);
  named.problems.forEach((p) => warn('title', p));
  const listedName = single(cell('projectNames'));
  const names = listedName && codes.codes.length <= 1 ? [listedName] : named.names;
  if (listedName && codes.codes.length > 1) warn('projectNames', `one name for ${codes.codes.length} project codes: not given to any of them`);
  let projects: { code?: string; title?: string }[];
  if (codes.codes.length) {
    const titled = names.length === codes.codes.length;
    projects = codes.codes.map((code, i) => ({ code, ...(titled ? { title: names[i] } : {}) }));
  } else if (names.length && (listedName || scope.includes('Programme/Project'))) {
    projects = names.map((name) => ({ title: name }));
  } else {
    projects = [];
  }

  // Documents and flags.
  const docs = readDocuments(cell('fileUrl'), cell('documentSubtype'), cell('fileDescription'));
  docs.problems.forEach((p) => warn(p.column, p.message));
  const flagOf = (column: Column) => {
    const f = flag(cell(column));
    if (f.problem) warn(column, f.problem);
    return f.value;
  };

  const evaluation: EvaluationRecordInput['evaluation'] = {
    title,
    ...(year ? { year } : {}),
    ...(published.value ? { publicationDate: published.value } : {}),
    ...(period ? { period } : {}),
    scope,
    ...optional('timing', single(cell('timing'))),
    ...optional('level', single(cell('level'))),
    ...optional('evaluatorType', single(cell('evaluatorType'))),
    ...optional('coverage', single(cell('coverage'))),
    languages,
    countries,
    regions,
    thematicAreas,
    crossCuttingThemes,
    donors,
    documents: docs.documents,
    ...optional('hasBrief', flagOf('brief')),
    ...optional('hasManagementResponse', flagOf('managementResponse')),
    ...optional('hasTermsOfReference', flagOf('termsOfReference')),
    evaluators,
    evaluationFirms,
    commissioners,
  };
  return { data: { evaluation, projects, organizations: orgs.records() } };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
