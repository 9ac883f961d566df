/**
 * The entry of the worker thread that reads one PDF (started by pdf.ts, which keeps its memory
 * and time budgets). Plain JavaScript: a worker thread gets none of its parent's TypeScript
 * transform under vitest, and needs none to start under tsx or plain Node.
 *
 * pdf.js (and its "worker" half, which pdf.js runs in this same thread) is imported natively
 * first: through tsx it takes twice the memory and three times as long to load. The reader,
 * pdfRead.ts, is then loaded with tsx's tsImport, which is scoped to that import and leaves the
 * thread's module hooks alone, so it works whether the parent runs under tsx, vitest or Node.
 *
 * Messages to the parent: { kind: 'page', page, pages } before each page; then { kind: 'done',
 * result } or { kind: 'failed', error } (a BriefParseError as a plain object: its name, code,
 * message and missing fields; anything else with its name, message and stack).
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { tsImport } from 'tsx/esm/api';

const port = parentPort;
if (!port) throw new Error('pdfWorker.mjs runs as a worker thread (started by pdf.ts)');
// pdf.js runs its worker half in this thread from the module given here, instead of importing it itself.
globalThis.pdfjsWorker = pdfjsWorker;

try {
  const { readPdf } = await tsImport('./pdfRead.ts', import.meta.url);
  port.postMessage({ kind: 'ready' });
  const result = await readPdf(pdfjs, workerData.bytes, workerData.budgets, (page, pages) => port.postMessage({ kind: 'page', page, pages }));
  port.postMessage({ kind: 'done', result });
} catch (error) {
  const { name, message, stack, code, missing } = error instanceof Error ? error : new Error(String(error));
  port.postMessage({ kind: 'failed', error: { name, message, stack, code, missing } });
}
