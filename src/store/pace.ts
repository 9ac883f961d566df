/**
 * Cooperative pacing for long work in the API process: reading hundreds of nodes, walking the
 * stakeholder graph. Work calls `pace()` now and then; once the process has run SLICE_MS since
 * it last let the event loop take a turn, `pace()` waits for one, so other requests (and
 * `/healthz`) are served in between. Work given a signal stops at `pace()` once it is aborted.
 */
import { StoreError } from './port.js';

/** How long work may run before it lets the event loop take a turn, in milliseconds. */
export const SLICE_MS = 5;

/** When the current turn of paced work began, and the next turn when one is awaited. */
let turnStart = performance.now();
let nextTurn: Promise<void> | undefined;

/** Resolves in a later turn of the event loop; every caller waiting meanwhile shares that turn (and its slice). */
function later(): Promise<void> {
  nextTurn ??= new Promise<void>((resolve) =>
    setImmediate(() => {
      nextTurn = undefined;
      turnStart = performance.now();
      resolve();
    }),
  );
  return nextTurn;
}

export async function pace(signal?: AbortSignal): Promise<void> {
  if (nextTurn || performance.now() - turnStart >= SLICE_MS) await later();
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
