/**
 * Cooperative pacing for long work in the API process: reading hundreds of nodes, walking the
 * stakeholder graph. Work calls `pace()` now and then; once the process has run SLICE_MS since
 * it last let the event loop take a turn, `pace()` waits for one, so other requests (and
 * `/healthz`) are served in between. Work given a signal stops at `pace()` once it is aborted.
 */
import { StoreError } from './port.js';

/** How long work may run before it lets the event loop take a turn, in milliseconds. */
export const SLICE_MS = 5;

/** When the current turn of paced work began. */
let turnStart = performance.now();
/** Paced work waiting for a turn, first come first served. */
const waiting: (() => void)[] = [];
let scheduled = false;

/**
 * Each turn of the event loop resumes ONE waiter, which then has the slice to itself: resuming
 * every waiter at once would run all their slices in one turn (they all pass the budget check
 * before any of them has done its work), and twenty networks in one query would hold the loop
 * twenty slices long.
 */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    turnStart = performance.now();
    waiting.shift()?.();
    if (waiting.length) schedule();
  });
}

/** Resolves in a later turn of the event loop, after the work that was waiting before. */
function later(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}

export async function pace(signal?: AbortSignal): Promise<void> {
  if (waiting.length || performance.now() - turnStart >= SLICE_MS) await later();
  if (signal?.aborted) throw new StoreError('the walk was stopped: the request ran out of time');
}

/** `fn` of each item, in order, pacing every few items. */
export async function mapPaced<T, U>(items: readonly T[], fn: (item: T) => U, signal?: AbortSignal): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i % 32 === 31) await pace(signal);
    out.push(fn(items[i]!));
  }
  return out;
}
