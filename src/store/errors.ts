/** The errors a store raises (port.ts re-exports them for the store's callers). */

/** Raised when a change or query breaks the model (unknown label, dangling edge...). */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** Raised when the database could not write (a full disk, an I/O error): nothing was written. */
export class StoreWriteError extends Error {
  override name = 'StoreWriteError';
}
