/**
 * Read evaluation records (YAML or JSON) from files and folders, validate them, and attach
 * the source document each one names. Errors name the file, the path in the record and,
 * for YAML, the line.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { RecordValidationError, evaluationRecordSchema, formatPath, inputPath, type EvaluationRecord } from '../domain/record.js';
import type { SourceInfo, SourceKind } from '../domain/source.js';
import { BriefParseError } from './brief/errors.js';
import { decodeText } from './textEncoding.js';

/** A record ready to import, with the document it came from. */
export interface LoadedRecord {
  readonly file: string;
  readonly record: EvaluationRecord;
  readonly source?: SourceInfo;
  /** A document (the default: a brief, a curated record) or a catalogue row. */
  readonly sourceKind?: SourceKind;
}

export const RECORD_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** Files under the given paths (recursively for folders) with one of the extensions, sorted. */
export async function collectFiles(paths: readonly string[], extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const visit = async (p: string, explicit: boolean) => {
    const info = await stat(p).catch(() => {
      throw new Error(`${p}: no such file or folder`);
    });
    if (info.isDirectory()) {
      const entries = await readdir(p);
      for (const entry of entries.sort()) await visit(path.join(p, entry), false);
    } else if (explicit || extensions.includes(path.extname(p).toLowerCase())) {
      out.push(p);
    }
  };
  for (const p of paths) await visit(p, true);
  return out;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Parse and validate one record file. Throws RecordValidationError naming every bad path. */
export async function readRecordFile(file: string): Promise<LoadedRecord> {
  const raw = await readFile(file, 'utf8');
  const display = path.relative(process.cwd(), file) || file;
  let data: unknown;
  let lineOf: (p: readonly PropertyKey[]) => number | undefined = () => undefined;
  if (path.extname(file).toLowerCase() === '.json') {
    try {
      data = JSON.parse(raw);
    } catch (error) {
      throw new RecordValidationError(display, [{ path: '', message: `not valid JSON: ${(error as Error).message}` }]);
    }
  } else {
    const lineCounter = new LineCounter();
    const doc = parseDocument(raw, { lineCounter, prettyErrors: true });
    if (doc.errors.length) {
      throw new RecordValidationError(display, doc.errors.map((err) => ({ path: '', message: `not valid YAML: ${err.message.split('\n')[0]}` })));
    }
    data = doc.toJS();
    lineOf = (p) => {
      for (let n = p.length; n > 0; n--) {
        const node = doc.getIn(p.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    };
  }
  const result = evaluationRecordSchema.safeParse(data);
  if (!result.success) {
    throw new RecordValidationError(
      display,
      result.error.issues.map((issue) => {
        const where = inputPath(data, issue.path);
        const line = lineOf(where);
        return { path: formatPath(where), message: line ? `${issue.message} (line ${line})` : issue.message };
      }),
    );
  }
  const record = result.data;
  let source: SourceInfo | undefined;
  if (record.source) {
    const sourceFile = await sourcePath(file, record.source.file, display);
    const bytes = await readFile(sourceFile).catch(() => {
      throw new RecordValidationError(display, [{ path: 'source.file', message: `cannot read ${record.source!.file} next to the record` }]);
    });
    const isText = /\.(txt|md)$/i.test(sourceFile);
    source = {
      fileName: path.basename(sourceFile),
      title: record.source.title,
      sha256: sha256(bytes),
      mediaType: isText ? 'text/plain' : /\.pdf$/i.test(sourceFile) ? 'application/pdf' : 'application/octet-stream',
      text: isText ? sourceText(bytes, record.source.file, display) : undefined,
    };
  }
  return { file: display, record, source };
}

/** A text source in any encoding a brief file may have (textEncoding.ts), never with replacement characters. */
function sourceText(bytes: Uint8Array, written: string, display: string): string {
  try {
    return decodeText(bytes).text;
  } catch (error) {
    if (!(error instanceof BriefParseError)) throw error;
    throw new RecordValidationError(display, [{ path: 'source.file', message: `${written}: ${error.message}` }]);
  }
}

/**
 * Where a record's source document is: a path relative to the record, inside the record's
 * folder. An absolute path, a ".." or a link that leads out of the folder is refused, so that
 * importing a folder never reads a file from outside it.
 */
async function sourcePath(recordFile: string, written: string, display: string): Promise<string> {
  const outside = (why: string) =>
    new RecordValidationError(display, [{ path: 'source.file', message: `"${written}" ${why}; a source document is named by a path relative to the record, inside the record's folder` }]);
  if (path.isAbsolute(written) || path.win32.isAbsolute(written)) throw outside('is an absolute path');
  if (written.split(/[\\/]+/).includes('..')) throw outside('leads out of the record\'s folder (it contains "..")');
  const folder = path.dirname(path.resolve(recordFile));
  const resolved = path.resolve(folder, written);
  const real = await realpath(resolved).catch(() => resolved);
  const realFolder = await realpath(folder).catch(() => folder);
  if (!real.startsWith(realFolder + path.sep)) throw outside('leads out of the record\'s folder (through a link)');
  return resolved;
}

/** Read every record under the given paths; all must be valid or the first error is thrown. */
export async function readRecords(paths: readonly string[]): Promise<LoadedRecord[]> {
  const files = await collectFiles(paths, RECORD_EXTENSIONS);
  const loaded: LoadedRecord[] = [];
  for (const file of files) loaded.push(await readRecordFile(file));
  return loaded;
}
