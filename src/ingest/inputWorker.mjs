/**
 * A thread that reads input files for inputReaders.ts: { id, file } in, { id, input } or
 * { id, error } out (the error as inputFiles.ts describes it). Plain JavaScript: a worker thread
 * gets none of its parent's TypeScript transform, so it loads the reader with tsx's tsImport,
 * scoped to that import, whether the parent runs under tsx, vitest or plain Node.
 */
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const port = parentPort;
if (!port) throw new Error('inputWorker.mjs runs as a worker thread (started by inputReaders.ts)');
const { readInputFile, describeInputError } = await tsImport('./inputFiles.ts', import.meta.url);

port.on('message', async ({ id, file }) => {
  try {
    port.postMessage({ id, input: await readInputFile(file) });
  } catch (error) {
    port.postMessage({ id, error: describeInputError(error) });
  }
});
