/**
 * `npm run import -- <files or folders> [--dry-run] [--json]`: import evaluation briefs
 * (.txt, .pdf), records (.yaml, .yml, .json) and catalogue exports (.csv, one evaluation per
 * row) into the configured store.
 *
 * Each file is read, parsed and validated on its own and imported as its own atomic change, so
 * a file that fails leaves the graph untouched while the others land (consecutive briefs and
 * records are committed several to a transaction, each imported as if alone; when such a
 * write fails, each of its files is written again on its own). All the rows of a
 * catalogue are one change: a row that cannot become a record is reported as failed (with its
 * row number and why) and the others are written; each problem met on the way is a warning
 * naming its row and column. Organisations and
 * projects resolve against what is stored (services/resolve.ts), so importing a file again, or
 * another brief naming the same institutions, updates nodes instead of duplicating them.
 * Prints one line per file and a total (or, with --json, one JSON document on stdout), shows a
 * progress bar on a terminal when there are many files, and exits 1 when any file failed.
 */
import { relative } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { type Catalogue, readCatalogue } from '../ingest/catalogue/index.js';
import { describeInputError, INPUT_EXTENSIONS, isCatalogueFile, readInputFile, type ImportInput, type InputError } from '../ingest/inputFiles.js';
import { InputReaders, type ReadOutcome } from '../ingest/inputReaders.js';
import { collectFiles } from '../ingest/recordFiles.js';
import { importEach, importRecords, type ImportSummary } from '../services/import/index.js';
import { createStore } from '../store/index.js';
import type { GraphStore } from '../store/port.js';

const USAGE = `usage: npm run import -- <files or folders>... [--dry-run] [--json]

  Imports evaluation briefs (.txt, .pdf), evaluation records (.yaml, .yml, .json) and
  catalogue exports (.csv: IOM's evaluation repository export, one evaluation per row); folders
  are searched recursively for those extensions. A catalogue is imported as one change: rows
  that fail are reported with their row number, the others are written.

  --dry-run  parse and validate only; write nothing
  --json     print the extracted records and extraction reports as one JSON document`;

/** Consecutive briefs and records are handed to the import this many at a time (services/import, importEach). */
const FILES_PER_WRITE = 32;

/** Writes queued before the oldest is waited for. */
const WRITES_IN_FLIGHT = 2;

/** From this many files on, they are read in worker threads (inputReaders.ts) while others are written. */
const READ_IN_THREADS_FROM = 8;

/** Files being read ahead of the one written next. */
const READ_AHEAD = 2 * FILES_PER_WRITE;

/** Files at least this many get a progress bar (on a terminal). */
const PROGRESS_FROM = 5;

interface FileOutcome {
  readonly file: string;
  readonly status: 'ok' | 'failed';
  readonly kind?: ImportInput['kind'] | 'catalogue';
  readonly input?: ImportInput;
  /** For a catalogue export: its rows, records, warnings and failed rows. */
  readonly catalogue?: Catalogue;
  /** What the file wrote (for a file written with others, what it stated: services/import, importEach). */
  readonly written?: ImportSummary;
  readonly error?: InputError;
}

interface Options {
  readonly paths: string[];
  readonly dryRun: boolean;
  readonly json: boolean;
}

function parseArgs(argv: readonly string[]): Options | string {
  const paths: string[] = [];
  let dryRun = false;
  let json = false;
  for (const arg of argv) {
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg.startsWith('-')) return `unknown option ${arg}\n\n${USAGE}`;
    else paths.push(arg);
  }
  return paths.length ? { paths, dryRun, json } : `no files or folders given\n\n${USAGE}`;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    (options === USAGE ? console.log : console.error)(options);
    return options === USAGE ? 0 : 2;
  }
  const config = loadConfig();
  const files = await collectFiles(options.paths, INPUT_EXTENSIONS);
  if (!files.length) {
    console.error(`no ${INPUT_EXTENSIONS.join(', ')} files under ${options.paths.join(', ')}`);
    return 2;
  }

  let store: GraphStore | undefined;
  if (!options.dryRun) {
    store = createStore(config);
    await store.open();
  }
  const progress = new Progress(files.length, !options.json && files.length >= PROGRESS_FROM && process.stderr.isTTY === true);
  const outcomes: FileOutcome[] = [];
  const readers = files.length >= READ_IN_THREADS_FROM ? new InputReaders() : undefined;
  try {
    // Files are read ahead, in worker threads when there are many, while the writes of the files
    // before them go on. Consecutive briefs and records are handed to the import together
    // (FILES_PER_WRITE; importEach commits those of distinct evaluations in one transaction); a
    // catalogue on its own. A file's line is printed once its write is on disk, in the order given.
    const reads: (Promise<FileRead> | undefined)[] = [];
    const pending: Promise<FileOutcome[]>[] = [];
    const report = (done: readonly FileOutcome[]) => {
      for (const outcome of done) {
        outcomes.push(outcome);
        if (!options.json) progress.print(summaryLine(outcome, options.dryRun));
      }
    };
    let group: { file: string; input: ImportInput }[] = [];
    // A write starts once the one before it is settled, so that files land in the order given
    // even where a write of several fails and its files are written again one by one.
    let last: Promise<unknown> = Promise.resolve();
    const after = <T>(write: () => Promise<T>): Promise<T> => {
      const next = last.then(write);
      last = next;
      return next;
    };
    const flush = () => {
      const files = group;
      if (files.length) pending.push(after(() => importFiles(files, store!)));
      group = [];
    };
    for (const [index, path] of files.entries()) {
      for (let ahead = index; ahead < Math.min(files.length, index + READ_AHEAD); ahead++) reads[ahead] ??= readOne(files[ahead]!, readers);
      progress.show(index, path);
      const read = await reads[index]!;
      reads[index] = undefined;
      const file = displayName(path);
      if (store && 'input' in read && read.input) {
        group.push({ file, input: read.input });
        if (group.length >= FILES_PER_WRITE) flush();
      } else {
        flush();
        pending.push(after(() => importFile(file, read, store)).then((outcome) => [outcome]));
      }
      while (pending.length > WRITES_IN_FLIGHT) report(await pending.shift()!);
    }
    flush();
    for (const outcomes of pending) report(await outcomes);
    progress.done();
    const status = store ? await store.status() : undefined;
    if (options.json) console.log(JSON.stringify(jsonReport(outcomes, options.dryRun, status), null, 2));
    else console.log(totalLine(outcomes, options.dryRun, status));
  } finally {
    await readers?.close();
    await store?.close();
  }
  return outcomes.some((o) => o.status === 'failed' || (o.catalogue?.failures.length ?? 0) > 0) ? 1 : 0;
}

type FileRead = { readonly catalogue: Catalogue } | ReadOutcome;

/** Read, parse and validate one file (a brief or record in a reading thread when there are any); never rejects. */
async function readOne(path: string, readers: InputReaders | undefined): Promise<FileRead> {
  try {
    if (isCatalogueFile(path)) return { catalogue: await readCatalogue(path) };
    if (readers) return await readers.read(path);
    return { input: await readInputFile(path) };
  } catch (error) {
    return { error: describeInputError(error) };
  }
}

const displayName = (path: string) => relative(process.cwd(), path) || path;

/** Write what was read of one file (unless a dry run): the outcome of its write; never rejects. */
function importFile(file: string, read: FileRead, store: GraphStore | undefined): Promise<FileOutcome> {
  if ('catalogue' in read) return importCatalogue(file, read.catalogue, store);
  if ('error' in read) return Promise.resolve({ file, status: 'failed', error: read.error });
  const { input } = read;
  if (!store) return Promise.resolve({ file, status: 'ok', kind: input.kind, input });
  return importRecords(store, [input]).then(
    (written): FileOutcome => ({ file, status: 'ok', kind: input.kind, input, written }),
    (error: unknown): FileOutcome => ({ file, status: 'failed', kind: input.kind, input, error: describeInputError(error) }),
  );
}

/** Briefs and records, imported each as if on its own (services/import, importEach); never rejects. */
async function importFiles(files: readonly { file: string; input: ImportInput }[], store: GraphStore): Promise<FileOutcome[]> {
  const settled = await importEach(store, files.map((f) => f.input));
  return files.map(({ file, input }, i): FileOutcome => {
    const outcome = settled[i]!;
    if (outcome.status === 'rejected') return { file, status: 'failed', kind: input.kind, input, error: describeInputError(outcome.reason) };
    const { evaluationId, existed, ...counts } = outcome.value;
    return { file, status: 'ok', kind: input.kind, input, written: { ...counts, nodesDeleted: 0, records: 1, evaluationIds: [evaluationId], existed: [existed], merges: [] } };
  });
}

/** All the rows of a catalogue that became records, written as one change. */
async function importCatalogue(file: string, catalogue: Catalogue, store: GraphStore | undefined): Promise<FileOutcome> {
  try {
    const written = store && catalogue.records.length ? await importRecords(store, catalogue.records) : undefined;
    return { file, status: 'ok', kind: 'catalogue', catalogue, written };
  } catch (error) {
    return { file, status: 'failed', kind: 'catalogue', catalogue, error: describeInputError(error) };
  }
}

function summaryLine(o: FileOutcome, dryRun: boolean): string {
  if (o.status === 'failed') {
    const [first, ...rest] = o.error!.message.split('\n');
    return [`FAIL  ${o.file}: ${first}`, ...rest.map((line) => `      ${line.trim()}`)].join('\n');
  }
  if (o.catalogue) return catalogueLines(o, dryRun);
  const { record, report } = o.input!;
  const projects = record.projects.map((p) => `${p.code ?? '(no code)'}${p.title ? ` "${p.title}"` : ''}`).join(', ');
  const what = `${o.kind} ${projects || `(no project) "${record.evaluation.title}"`}`;
  const extraction = report ? `; found ${report.found.length} fields, ${report.missing.length} missing${report.missing.length ? ` (${report.missing.join(', ')})` : ''}, ${report.warnings.length} warning(s)` : '';
  const write = o.written ? `; ${o.written.nodesCreated} nodes created, ${o.written.nodesUpdated} updated` : dryRun ? '; not written (dry run)' : '';
  return `ok    ${o.file}: ${what}${extraction}${write}`;
}

/**
 * One line for a catalogue (rows imported, rows failed, warnings), then one line per warning
 * and per failed row, each with its row number.
 */
function catalogueLines(o: FileOutcome, dryRun: boolean): string {
  const c = o.catalogue!;
  const evaluations = o.written ? new Set(o.written.evaluationIds).size : undefined;
  const as = evaluations !== undefined && evaluations !== c.records.length ? ` (as ${evaluations} evaluations: the import took some rows for one evaluation, listed below)` : '';
  const write = o.written ? `; ${o.written.nodesCreated} nodes created, ${o.written.nodesUpdated} updated` : dryRun ? '; not written (dry run)' : '';
  const head = `ok    ${o.file}: catalogue, ${c.rows} row(s): ${c.records.length} ${dryRun ? 'read' : 'imported'}${as}, ${c.failures.length} failed, ${c.warnings.length} warning(s)${write}`;
  // Rows the import took for one evaluation (the same evaluation listed twice, or rows the
  // entity resolution could not tell apart): said, so that no row disappears silently.
  const rowsOf = new Map<string, number[]>();
  o.written?.evaluationIds.forEach((id, i) => rowsOf.set(id, [...(rowsOf.get(id) ?? []), rowNumber(c.records[i]!.file)]));
  const merged = [...rowsOf].filter(([, rows]) => rows.length > 1);
  const problems = [
    ...c.failures.map((f) => ({ row: f.row, line: `      row ${f.row}: FAILED: ${f.message}` })),
    ...c.warnings.map((w) => ({ row: w.row, line: `      row ${w.row}, ${w.column}: ${w.message}` })),
    ...merged.map(([id, rows]) => ({ row: rows[0]!, line: `      rows ${rows.join(', ')}: imported as one evaluation (${id})` })),
  ].sort((a, b) => a.row - b.row);
  return [head, ...problems.map((p) => p.line)].join('\n');
}

/** The row number a catalogue record's file name ends with ("export.csv row 12" -> 12). */
function rowNumber(file: string): number {
  return Number(/row (\d+)$/.exec(file)?.[1] ?? 0);
}

function totalLine(outcomes: readonly FileOutcome[], dryRun: boolean, status?: { nodes: number; edges: number }): string {
  const ok = outcomes.filter((o) => o.status === 'ok');
  const failed = outcomes.length - ok.length;
  const head = `${dryRun ? 'dry run: parsed' : 'imported'} ${ok.length} of ${outcomes.length} file(s)${failed ? `, ${failed} failed (nothing written for them)` : ''}`;
  if (dryRun || !status) return `${head}; nothing written`;
  const sum = (key: keyof ImportSummary) => ok.reduce((n, o) => n + ((o.written?.[key] as number | undefined) ?? 0), 0);
  return (
    `${head}: ${sum('nodesCreated')} nodes created, ${sum('nodesUpdated')} updated; ` +
    `${sum('edgesCreated')} relationships created, ${sum('edgesUpdated')} updated; store now holds ${status.nodes} nodes and ${status.edges} relationships`
  );
}

function jsonReport(outcomes: readonly FileOutcome[], dryRun: boolean, status?: { nodes: number; edges: number }) {
  return {
    dryRun,
    files: outcomes.map((o) => ({
      file: o.file,
      status: o.status,
      kind: o.kind,
      record: o.input?.record,
      report: o.input?.report,
      ...(o.catalogue
        ? {
            rows: o.catalogue.rows,
            imported: o.catalogue.records.length,
            failed: o.catalogue.failures.length,
            failures: o.catalogue.failures,
            warnings: o.catalogue.warnings,
            records: o.catalogue.records.map((r) => ({ row: rowNumber(r.file), ...r.record })),
            evaluations: o.written ? o.written.evaluationIds.map((id, i) => ({ row: rowNumber(o.catalogue!.records[i]!.file), id })) : undefined,
          }
        : {}),
      written: o.written ? { nodesCreated: o.written.nodesCreated, nodesUpdated: o.written.nodesUpdated, edgesCreated: o.written.edgesCreated, edgesUpdated: o.written.edgesUpdated } : undefined,
      error: o.error,
    })),
    total: { files: outcomes.length, ok: outcomes.filter((o) => o.status === 'ok').length, failed: outcomes.filter((o) => o.status === 'failed').length, store: status ? { nodes: status.nodes, relationships: status.edges } : undefined },
  };
}

/** A one-line progress bar on stderr, redrawn in place; summary lines are printed above it. */
class Progress {
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  show(done: number, file: string): void {
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const name = file.length > 40 ? `...${file.slice(-37)}` : file;
    process.stderr.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total} ${name}`);
    this.drawn = true;
  }

  print(line: string): void {
    this.clear();
    console.log(line);
  }

  done(): void {
    this.clear();
  }

  private clear(): void {
    if (this.drawn) process.stderr.write('\r\x1b[K');
    this.drawn = false;
  }
}

/**
 * Exit once what was written is out: writes to a pipe are asynchronous, and exiting at once cut
 * a long `--json` report short when the reader was slow.
 */
function exit(code: number): void {
  process.exitCode = code;
  const flushed = () => (process.stdout.writableLength || process.stderr.writableLength ? setTimeout(flushed, 10) : process.exit(code));
  flushed();
}

main().then(exit, (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `import failed: ${error instanceof Error ? error.message : String(error)}`);
  exit(2);
});
