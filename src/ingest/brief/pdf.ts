/**
 * Text out of a PDF brief, with pdfjs-dist (Mozilla's PDF.js; the 4.x line runs on Node 20),
 * within a budget of bytes, pages, characters of text, memory and time (errors.ts).
 *
 * The reading (pdfRead.ts: pages in reading order, pdfLayout.ts) runs in a worker thread of its
 * own (pdfWorker.mjs), for one PDF and then ended, so that a PDF built to exhaust its reader
 * takes that thread down and nothing else:
 * - memory: the thread's heap is capped (resourceLimits), and what pdf.js holds outside the heap
 *   (the inflated bytes of a stream) is kept in check by the growth of the process, sampled
 *   while it reads; past the budget the thread is ended (or V8 ends it) and the error says so;
 * - time: past the budget the thread is ended, however busy it is;
 * - pages and text: checked by the reader itself, from the page count before any page is read,
 *   and as the text of each page comes in.
 * Every budget exceeded is a BriefParseError that names it, its limit and how far the PDF went.
 */
import { Worker } from 'node:worker_threads';
import { BriefParseError, MAX_BRIEF_CHARS, MAX_PDF_BYTES, MAX_PDF_PAGES, PDF_MEMORY_MB, PDF_TIME_MS, type BriefErrorCode } from './errors.js';
import type { PdfText, ReadBudgets } from './pdfRead.js';

export type { PdfText } from './pdfRead.js';

/** What one PDF's reading may take; each defaults to its constant in errors.ts. */
export interface PdfBudgets {
  /** Size of the file, in bytes (MAX_PDF_BYTES). */
  readonly maxBytes: number;
  /** Pages (MAX_PDF_PAGES). */
  readonly maxPages: number;
  /** Characters of text (MAX_BRIEF_CHARS: the brief parser reads no more). */
  readonly maxChars: number;
  /** Memory, in MB (PDF_MEMORY_MB). */
  readonly memoryMb: number;
  /** Time, in milliseconds (PDF_TIME_MS). */
  readonly timeMs: number;
}

export const PDF_BUDGETS: PdfBudgets = {
  maxBytes: MAX_PDF_BYTES,
  maxPages: MAX_PDF_PAGES,
  maxChars: MAX_BRIEF_CHARS,
  memoryMb: PDF_MEMORY_MB,
  timeMs: PDF_TIME_MS,
};

/** How often the growth of the process is looked at while a PDF is read. */
const MEMORY_SAMPLE_MS = 20;

const MB = 1024 * 1024;

/** True when the bytes start like a PDF file ("%PDF-" within the first kilobyte). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

export async function pdfToText(bytes: Uint8Array, options: Partial<PdfBudgets> = {}): Promise<PdfText> {
  const budgets: PdfBudgets = { ...PDF_BUDGETS, ...options };
  if (bytes.length > budgets.maxBytes) {
    throw new BriefParseError('TOO_LARGE', `the PDF has ${(bytes.length / MB).toFixed(1)} MB; at most ${formatMb(budgets.maxBytes / MB)} MB is accepted (the size budget)`);
  }
  if (!looksLikePdf(bytes)) throw new BriefParseError('UNREADABLE_PDF', 'the file is not a PDF (it does not start with "%PDF-")');
  return readInWorker(bytes, budgets);
}

interface WorkerError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: BriefErrorCode;
  readonly missing?: readonly string[];
}
type FromWorker = { kind: 'ready' } | { kind: 'page'; page: number; pages: number } | { kind: 'done'; result: PdfText } | { kind: 'failed'; error: WorkerError };

/** Read the PDF in a worker thread of its own, within the budgets; the thread is ended whatever happens. */
function readInWorker(bytes: Uint8Array, budgets: PdfBudgets): Promise<PdfText> {
  // The young generation is part of the memory budget too: a sixteenth of it, 4 to 32 MB.
  const youngMb = Math.min(32, Math.max(4, Math.floor(budgets.memoryMb / 16)));
  // A copy of the bytes, moved (not copied again) into the thread; pdf.js takes it over there.
  const data = new Uint8Array(bytes);
  const workerBudgets: ReadBudgets = { maxPages: budgets.maxPages, maxChars: budgets.maxChars };
  const worker = new Worker(new URL('./pdfWorker.mjs', import.meta.url), {
    workerData: { bytes: data, budgets: workerBudgets },
    transferList: [data.buffer],
    resourceLimits: { maxOldGenerationSizeMb: Math.max(1, budgets.memoryMb - youngMb), maxYoungGenerationSizeMb: youngMb },
    // None of the parent's Node options (a loader, --inspect, a heap size): the thread is the
    // same under tsx, vitest and plain Node.
    execArgv: [],
  });

  return new Promise<PdfText>((resolve, reject) => {
    /** Where the reading is, for the errors: " on page 3 of 10". */
    let at = '';
    /** The process's resident memory once the reader has started (its own code loaded): what the reading adds to it is the PDF's. */
    let baseline: number | undefined;
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(sampler);
      // Ended in every case (at once if it is still reading; a no-op once it has exited), and
      // settled once it is gone.
      worker.terminate().then(settle, settle);
    };
    const overMemory = (how: string) =>
      new BriefParseError('TOO_COSTLY', `the PDF needs more than ${formatMb(budgets.memoryMb)} MB of memory to read (the memory budget): ${how}${at}, and the reading was stopped`);

    const timer = setTimeout(() => {
      finish(() => reject(new BriefParseError('TOO_COSTLY', `the PDF took longer than ${formatSeconds(budgets.timeMs)} s to read (the time budget): ${at ? `still reading${at}` : 'still opening it'}, and the reading was stopped`)));
    }, budgets.timeMs);
    const sampler = setInterval(() => {
      if (baseline === undefined) return;
      const grownMb = (process.memoryUsage.rss() - baseline) / MB;
      if (grownMb > budgets.memoryMb) finish(() => reject(overMemory(`the process had grown by ${Math.round(grownMb)} MB`)));
    }, MEMORY_SAMPLE_MS);

    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') baseline = process.memoryUsage.rss();
      else if (message.kind === 'page') at = ` on page ${count(message.page)} of ${count(message.pages)}`;
      else if (message.kind === 'done') finish(() => resolve(message.result));
      else finish(() => reject(fromWorker(message.error)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(() => reject(overMemory('the heap of its reader ran out')));
      else finish(() => reject(new Error(`the PDF reader failed: ${error.message}`, { cause: error })));
    });
    worker.on('exit', (code) => finish(() => reject(new Error(`the PDF reader stopped (exit code ${code}) without a result`))));
  });
}

/** The worker's error as the parent's: a BriefParseError again, anything else an Error with the worker's stack. */
function fromWorker(error: WorkerError): Error {
  if (error.name === 'BriefParseError' && error.code) return new BriefParseError(error.code, error.message, error.missing ?? []);
  return Object.assign(new Error(`the PDF reader failed: ${error.message}`), { stack: error.stack });
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

function formatMb(mb: number): string {
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/** Seconds to the millisecond, without trailing zeros: 30, 1.5, 0.05. */
function formatSeconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(3)));
}
