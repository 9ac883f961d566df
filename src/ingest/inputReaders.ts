/**
 * Briefs and records read in worker threads, for imports of many files: parsing a brief costs
 * a few milliseconds of CPU, as much as writing it, so on a machine of two cores the parsing of
 * the next files goes on in another thread while this one writes. Each worker reads files with
 * readInputFile (inputFiles.ts) exactly as the calling thread would; what a file becomes, or
 * why it failed, comes back as data (a record and its report are plain objects). Catalogue
 * exports are not sent here: one file, read where it is written.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ImportInput, InputError } from './inputFiles.js';

export type ReadOutcome = { readonly input: ImportInput } | { readonly error: InputError };

type FromWorker = { readonly id: number } & ({ readonly input: ImportInput } | { readonly error: InputError });

/** Threads for reading: one per core the writing thread leaves, at least one, at most four. */
export function readerThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export class InputReaders {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { worker: Worker; resolve: (outcome: ReadOutcome) => void }>();
  private seq = 0;

  constructor(threads = readerThreads()) {
    this.workers = Array.from({ length: threads }, () => {
      // None of the parent's Node options (a loader, a heap size): the thread is the same under
      // tsx, vitest and plain Node; it loads the TypeScript it needs itself (inputWorker.mjs).
      const worker = new Worker(new URL('./inputWorker.mjs', import.meta.url), { execArgv: [] });
      worker.on('message', (message: FromWorker) => {
        const waiter = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        waiter?.resolve('input' in message ? { input: message.input } : { error: message.error });
      });
      // A thread that fails takes the files it was reading with it, each failed with why.
      const fail = (why: string) => {
        for (const [id, waiter] of this.waiting) {
          if (waiter.worker !== worker) continue;
          this.waiting.delete(id);
          waiter.resolve({ error: { code: 'ERROR', message: `the reading thread stopped: ${why}` } });
        }
      };
      worker.on('error', (error) => fail(error.message));
      worker.on('exit', (code) => fail(`exit code ${code}`));
      return worker;
    });
  }

  /** Read one file in the next thread, round robin; never rejects. */
  read(file: string): Promise<ReadOutcome> {
    const id = ++this.seq;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve) => {
      this.waiting.set(id, { worker, resolve });
      worker.postMessage({ id, file });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
