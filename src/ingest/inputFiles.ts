/**
 * Anything `npm run import` and the `importBrief` mutation accept, turned into records ready to
 * write: evaluation briefs (text or PDF) through the brief parser, curated records (YAML or
 * JSON) through the record reader, and catalogue exports (CSV, one evaluation per row) through
 * the catalogue reader. A brief's record carries its extraction report and a SourceInfo with
 * the line ranges each fact came from; a catalogue row's, the row it came from.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseBrief } from './brief/index.js';
import { decodeText } from './textEncoding.js';
import { BriefParseError, MAX_BRIEF_CHARS } from './brief/errors.js';
import { looksLikePdf, pdfToText } from './brief/pdf.js';
import type { ExtractionReport } from './brief/report.js';
import { CATALOGUE_EXTENSIONS, CatalogueError, readCatalogue, type Catalogue } from './catalogue/index.js';
import { RECORD_EXTENSIONS, readRecordFile, sha256, type LoadedRecord } from './recordFiles.js';
import { RecordValidationError } from '../domain/record.js';

export interface ImportInput extends LoadedRecord {
  /** A brief parsed from text or PDF, or a curated record. */
  readonly kind: 'brief' | 'record';
  /** What the parser found, missed and doubted (briefs only). */
  readonly report?: ExtractionReport;
}

export const BRIEF_EXTENSIONS = ['.txt', '.text', '.pdf'] as const;
export const INPUT_EXTENSIONS: readonly string[] = [...BRIEF_EXTENSIONS, ...RECORD_EXTENSIONS, ...CATALOGUE_EXTENSIONS];

/** Whether a file is read as a catalogue export (many evaluations) rather than one record. */
export function isCatalogueFile(file: string): boolean {
  return (CATALOGUE_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/** What one input file holds: one record (a brief or a curated record), or a catalogue of many. */
/** Parse the text of a brief into a record with its report and provenance. Throws BriefParseError. */
export function briefFromText(text: string, options: { document: string; fileName?: string; bytes?: Uint8Array; mediaType?: string; notes?: readonly string[] }): ImportInput {
  const parsed = parseBrief(text, { document: options.document, notes: options.notes });
  const title = parsed.record.evaluation.title;
  return {
    file: options.document,
    kind: 'brief',
    record: parsed.record,
    report: parsed.report,
    source: {
      fileName: options.fileName ?? options.document,
      title: `Evaluation brief: ${title.charAt(0).toLowerCase()}${title.slice(1)}`,
      sha256: sha256(options.bytes ?? text),
      mediaType: options.mediaType ?? 'text/plain',
      // For a PDF, the extracted text: the line numbers of the provenance refer to it.
      text,
      passages: parsed.passages,
    },
  };
}

/** Read one file by its extension (or content, for a PDF under another name). */
export async function readInputFile(file: string): Promise<ImportInput> {
  const display = path.relative(process.cwd(), file) || file;
  const extension = path.extname(file).toLowerCase();
  if ((RECORD_EXTENSIONS as readonly string[]).includes(extension)) return { ...(await readRecordFile(file)), kind: 'record' };
  const bytes = await readFile(file);
  if (extension === '.pdf' || looksLikePdf(bytes)) {
    const { text, notes } = await pdfToText(bytes);
    return briefFromText(text, { document: display, fileName: path.basename(file), bytes, mediaType: 'application/pdf', notes });
  }
  // Refuse an oversized file before decoding it (a character is at least one byte, two in UTF-16).
  if (bytes.length > 4 * MAX_BRIEF_CHARS) {
    throw new BriefParseError('TOO_LARGE', `the file has ${(bytes.length / (1024 * 1024)).toFixed(1)} MB; an evaluation brief is a few pages, and at most ${MAX_BRIEF_CHARS / (1024 * 1024)} MB of text is accepted`);
  }
  const { text, note } = decodeText(bytes);
  return briefFromText(text, { document: display, fileName: path.basename(file), bytes, notes: note ? [note] : [] });
}

/** Why a file could not be imported, as data: a code (a BriefParseError's, INVALID_RECORD, INVALID_CATALOGUE or ERROR) and a message. */
export interface InputError {
  readonly code: string;
  readonly message: string;
  /** For a brief: the fields it lacks. */
  readonly missing?: readonly string[];
}

export function describeInputError(error: unknown): InputError {
  if (error instanceof BriefParseError) return { code: error.code, message: error.message, ...(error.missing.length ? { missing: error.missing } : {}) };
  if (error instanceof RecordValidationError) return { code: 'INVALID_RECORD', message: error.message };
  if (error instanceof CatalogueError) return { code: 'INVALID_CATALOGUE', message: error.reason };
  return { code: 'ERROR', message: error instanceof Error ? error.message : String(error) };
}
