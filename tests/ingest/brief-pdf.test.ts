/**
 * PDF briefs: the test lays a fixture out as a PDF with pdf-lib (running header, "Page N of M"
 * footers, words hyphenated at line ends), and the importer reads it back with pdfjs-dist.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefParseError } from '../../src/ingest/brief/errors.js';
import { pdfToText } from '../../src/ingest/brief/pdf.js';
import { readInputFile } from '../../src/ingest/inputFiles.js';
import { sha256 } from '../../src/ingest/recordFiles.js';
import { removeDir, tempDir } from '../helpers/api.js';
import { briefFixtures, expectedRecord, fixturePdf, PDF_HEADER, type BriefFixture } from '../helpers/briefFixtures.js';

let dir: string;
let fixture: BriefFixture;
let pdf: Uint8Array;

beforeAll(async () => {
  dir = await tempDir('meg-pdf-');
  fixture = briefFixtures().find((f) => f.pdf && !f.columns)!;
  pdf = await fixturePdf(fixture);
});
afterAll(async () => removeDir(dir));

describe('a PDF brief', () => {
  it('is laid out with page headers, page numbers and hyphenated words', async () => {
    const { text, pages } = await pdfToText(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text.split('\n').filter((l) => l.replace('\f', '') === PDF_HEADER)).toHaveLength(pages);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text.match(/[a-z]-\n[a-z]/g)?.length).toBeGreaterThanOrEqual(5);
    expect(text).toContain('\f');
  });

  it('imports to the same record as its text, reporting what was cleaned up', async () => {
    const file = path.join(dir, 'border-brief.pdf');
    await writeFile(file, pdf);
    const input = await readInputFile(file);
    expect(input.kind).toBe('brief');
    expect(input.record).toEqual(await expectedRecord(fixture));
    expect(input.source).toMatchObject({ fileName: 'border-brief.pdf', mediaType: 'application/pdf', sha256: sha256(pdf) });
    // The stored text is the extracted text, so that provenance line numbers point into it.
    const lines = input.source!.text!.split('\n');
    const budget = input.report!.found.find((f) => f.field === 'projects[0].budget')!;
    expect(lines[budget.line - 1]).toBe('Budget: USD 300,000');
    expect(input.report!.warnings[0]!.message).toMatch(/^text normalised: \d+ curly quote\(s\) straightened, 6 page header, footer or number line\(s\) removed, \d+ word\(s\) hyphenated across lines joined$/);
  });

  it('is read from its content even under another extension', async () => {
    const file = path.join(dir, 'brief-without-extension');
    await writeFile(file, pdf);
    expect((await readInputFile(file)).source?.mediaType).toBe('application/pdf');
  });

  it('refuses a file that is not a PDF, a broken PDF, and a PDF without text', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['fake.pdf', Buffer.from('this is not a PDF at all'), /^the file is not a PDF \(it does not start with "%PDF-"\)$/],
      ['broken.pdf', pdf.slice(0, 400), /^the PDF cannot be read: /],
      ['blank.pdf', await blankPdf(), /^the PDF has 1 page\(s\) but no text \(a scanned document needs OCR first\)$/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(dir, name);
      await writeFile(file, bytes);
      const error = await readInputFile(file).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(BriefParseError);
      expect((error as BriefParseError).code, name).toBe('UNREADABLE_PDF');
      expect((error as Error).message, name).toMatch(message);
    }
  });
});

async function blankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([420, 595]);
  return doc.save();
}
