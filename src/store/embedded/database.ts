/**
 * The embedded store's database: LMDB (lmdb-js), a memory-mapped, copy-on-write B-tree with
 * ACID transactions, one writer at a time across processes and readers that never block. Every
 * graph structure is a sorted key space in it, so every question is a point lookup or a range
 * scan, and a write touches only the keys of what it changes:
 *
 * | database | key | value |
 * | --- | --- | --- |
 * | `nodes` | id | `{ l: label, p: props }` |
 * | `out` | [from, type, to] | the relationship's props |
 * | `in` | [to, type, from] | (none) |
 * | `labels` | [label, id] | (none): a label's nodes in id order |
 * | `keys` | [label, match key, id] | (none): lookups by name, code, acronym, alias |
 * | `props` | [label, property, value, id] | (none): the indexed properties (model.ts) |
 * | `postings` | [term, id] | [term frequency, document length, label]: full-text search |
 * | `termStats` | [term, label] | how many documents of the label hold the term |
 * | `docs` | id | `{ l: label, n: length, t: distinct terms }` of each searchable node |
 * | `meta` | name | `seq` (last committed change), counts per label, text totals |
 * | `log` | seq | ids and relationships each change touched, for other processes' caches |
 */
import { open, type Database, type RootDatabase } from 'lmdb';
import type { Label, Props } from '../../domain/model.js';

export type Key = string | number | boolean | (string | number | boolean)[];

export interface StoredNode {
  readonly l: Label;
  readonly p: Props;
}

export interface TextDoc {
  readonly l: Label;
  readonly n: number;
  readonly t: readonly string[];
}

export interface LogEntry {
  readonly nodes: readonly string[];
  readonly edges: readonly [string, string, string][];
}

export interface Databases {
  readonly root: RootDatabase;
  readonly nodes: Database<StoredNode, string>;
  readonly out: Database<Props, Key>;
  readonly in: Database<null, Key>;
  readonly labels: Database<null, Key>;
  readonly keys: Database<null, Key>;
  readonly props: Database<null, Key>;
  readonly postings: Database<[number, number, Label], Key>;
  readonly termStats: Database<number, Key>;
  readonly docs: Database<TextDoc, string>;
  readonly meta: Database<unknown, Key>;
  readonly log: Database<LogEntry, number>;
}

/** The layout version; a database of another layout is refused rather than misread. */
export const LAYOUT_VERSION = 1;

export function openDatabases(path: string): Databases {
  // No event-turn batching: every write is its own transaction (store.ts), and lmdb-js leaves the
  // promise of a batch it opens for a turn unhandled when its commit fails (a full disk).
  const root = open({ path, maxDbs: 16, compression: false, encoding: 'msgpack', eventTurnBatching: false });
  const db = <V, K extends Key = Key>(name: string) => root.openDB<V, K>({ name, encoding: 'msgpack' });
  const set = <K extends Key = Key>(name: string) => root.openDB<null, K>({ name, encoding: 'msgpack' });
  return {
    root,
    nodes: db<StoredNode, string>('nodes'),
    out: db<Props>('out'),
    in: set('in'),
    labels: set('labels'),
    keys: set('keys'),
    props: set('props'),
    postings: db<[number, number, Label]>('postings'),
    termStats: db<number>('termStats'),
    docs: db<TextDoc, string>('docs'),
    meta: db<unknown>('meta'),
    log: db<LogEntry, number>('log'),
  };
}

/** Every key of a prefix, in order: [a, b] covers [a, b, ...] (the range [a, b] to [a, b, MAX]). */
export function prefixRange(prefix: readonly (string | number | boolean)[]): { start: Key; end: Key } {
  // ordered-binary orders a longer array after its prefix, and no string sorts after this one.
  return { start: [...prefix], end: [...prefix, '\uffff\uffff'] };
}

/** How many entries the store read from the database (each point read, each entry of a range). */
export interface ReadTally {
  reads: number;
}

/**
 * The same databases, each read counted in `tally`: a point read counts one, a range scan each
 * entry it yields, a count of keys each key counted. For tests and benchmarks that check what a
 * question costs (a page must cost the same at any graph size); the store does not count
 * otherwise.
 */
export function countingReads(databases: Databases, tally: ReadTally): Databases {
  const counted = <D extends object>(database: D): D =>
    new Proxy(database, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (property === 'get') {
          return (...args: unknown[]) => {
            tally.reads++;
            return method.apply(target, args);
          };
        }
        if (property === 'getKeysCount') {
          return (...args: unknown[]) => {
            const count = method.apply(target, args) as number;
            tally.reads += count;
            return count;
          };
        }
        if (property === 'getRange' || property === 'getKeys') {
          return (...args: unknown[]) =>
            (method.apply(target, args) as { map<T, U>(f: (x: T) => U): unknown }).map((entry: unknown) => {
              tally.reads++;
              return entry;
            });
        }
        return method.bind(target);
      },
    });
  const out = { root: databases.root } as Record<string, unknown>;
  for (const [name, database] of Object.entries(databases)) if (name !== 'root') out[name] = counted(database as object);
  return out as unknown as Databases;
}
