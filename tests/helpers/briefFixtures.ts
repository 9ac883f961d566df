/**
 * The briefs with a curated record to compare against: the seed brief (seeds/) and the
 * invented fixtures in tests/fixtures/briefs/, each `<name>.expected.yaml` next to its
 * `<name>.txt`; or next to `<name>.pdf-source.txt`, which is laid out as a one-column PDF (page
 * headers, page numbers, hyphenation), or `<name>.pdf-layout` (not a .txt, so that importing the folder does not take it for a brief), laid out in two columns
 * under a full-width header as IOM's 2023 template is; both are read back through PDF text
 * extraction.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvaluationRecord } from '../../src/domain/record.js';
import { parseBrief, type ParsedBrief } from '../../src/ingest/brief/index.js';
import { pdfToText } from '../../src/ingest/brief/pdf.js';
import { readRecordFile } from '../../src/ingest/recordFiles.js';
import { ROOT } from './api.js';
import { briefToColumnsPdf, briefToPdf } from './briefPdf.js';

export const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures/briefs');
export const PDF_HEADER = 'IOM Development Fund | Evaluation brief';
export const COLUMNS_PDF_HEADER = 'EVALUATION BRIEF';

export interface BriefFixture {
  readonly name: string;
  /** The brief's text (for a PDF fixture, the text laid out into the PDF). */
  readonly source: string;
  readonly pdf: boolean;
  /** Laid out in two columns (a `.pdf-layout` source). */
  readonly columns?: boolean;
  readonly expected: string;
}

export function briefFixtures(): BriefFixture[] {
  const fixtures: BriefFixture[] = [
    {
      name: 'iom-bolivia-internal-migration (seed)',
      source: path.join(ROOT, 'seeds/sources/iom-bolivia-internal-migration-brief.txt'),
      pdf: false,
      expected: path.join(ROOT, 'seeds/iom-bolivia-internal-migration.yaml'),
    },
  ];
  const files = readdirSync(FIXTURES_DIR);
  for (const file of files.filter((f) => f.endsWith('.expected.yaml')).sort()) {
    const name = file.slice(0, -'.expected.yaml'.length);
    const pdf = files.includes(`${name}.pdf-source.txt`);
    const columns = files.includes(`${name}.pdf-layout`);
    const source = pdf ? `${name}.pdf-source.txt` : columns ? `${name}.pdf-layout` : `${name}.txt`;
    fixtures.push({ name: pdf || columns ? `${name} (PDF${columns ? ', two columns' : ''})` : name, source: path.join(FIXTURES_DIR, source), pdf: pdf || columns, columns, expected: path.join(FIXTURES_DIR, file) });
  }
  return fixtures;
}

/** The fixture as a PDF file's bytes. */
export async function fixturePdf(fixture: BriefFixture): Promise<Uint8Array> {
  const text = await readFile(fixture.source, 'utf8');
  return fixture.columns ? briefToColumnsPdf(text, { header: COLUMNS_PDF_HEADER, footer: 'Invented Regional Office' }) : briefToPdf(text, { header: PDF_HEADER });
}

/** Parse the fixture the way an import would: its text, or its PDF's extracted text. */
export async function parseFixture(fixture: BriefFixture): Promise<ParsedBrief & { text: string }> {
  const text = fixture.pdf ? (await pdfToText(await fixturePdf(fixture))).text : await readFile(fixture.source, 'utf8');
  return { ...parseBrief(text, { document: path.basename(fixture.source) }), text };
}

/** The curated record, without its `source` block (which names a file, not a fact of the brief). */
export async function expectedRecord(fixture: BriefFixture): Promise<EvaluationRecord> {
  const { record } = await readRecordFile(fixture.expected);
  const { source: _source, ...facts } = record;
  return facts as EvaluationRecord;
}
