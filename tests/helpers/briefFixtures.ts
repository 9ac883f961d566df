/**
 * The briefs with a curated record to compare against: the seed brief (seeds/) and the
 * invented fixtures in tests/fixtures/briefs/, each `<name>.expected.yaml` next to its
 * `<name>.txt`, or next to `<name>.pdf-source.txt`, which is laid out as a PDF (page headers,
 * page numbers, hyphenation) and read back through PDF text extraction.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvaluationRecord } from '../../src/domain/record.js';
import { parseBrief, type ParsedBrief } from '../../src/ingest/brief/index.js';
import { pdfToText } from '../../src/ingest/brief/pdf.js';
import { readRecordFile } from '../../src/ingest/recordFiles.js';
import { ROOT } from './api.js';
import { briefToPdf } from './briefPdf.js';

export const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures/briefs');
export const PDF_HEADER = 'IOM Development Fund | Evaluation brief';

export interface BriefFixture {
  readonly name: string;
  /** The brief's text (for a PDF fixture, the text laid out into the PDF). */
  readonly source: string;
  readonly pdf: boolean;
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
    fixtures.push({ name: pdf ? `${name} (PDF)` : name, source: path.join(FIXTURES_DIR, pdf ? `${name}.pdf-source.txt` : `${name}.txt`), pdf, expected: path.join(FIXTURES_DIR, file) });
  }
  return fixtures;
}

/** The fixture as a PDF file's bytes. */
export async function fixturePdf(fixture: BriefFixture): Promise<Uint8Array> {
  return briefToPdf(await readFile(fixture.source, 'utf8'), { header: PDF_HEADER });
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
