/**
 * Full-text search in the embedded database: an inverted index of the searchable nodes'
 * `searchText` (the same term analysis as everywhere: domain/terms.ts), ranked by BM25.
 *
 * Why not an in-memory library: with 100,000 searchable texts (10,000 evaluations), minisearch
 * holds ~300 MiB of heap, takes seconds to rebuild or ~1 s to reload, and scores every posting
 * of every query term, so a query that holds a common word ("migration") costs hundreds of
 * milliseconds. Here the index lives in LMDB (nothing to rebuild or load at start-up, a write
 * updates only its documents' postings), and a query scores rare terms first: a term held by
 * more documents than the candidates gathered so far only adds to those candidates' scores.
 * The postings of common terms, the costly ones to decode, are kept decoded until the next
 * commit (PostingCache).
 */
import { terms } from '../../domain/terms.js';
import type { Label } from '../../domain/model.js';
import type { Databases } from './database.js';
import { prefixRange } from './database.js';

const K1 = 1.2;
const B = 0.75;
/** A term held by more documents than this many candidates only scores the candidates. */
const CANDIDATES = 500;

/** A document's terms with their frequencies. */
function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

const statsKey = (label: Label) => ['text', label];

/** Index (or re-index) a document; call inside a write transaction. */
export function indexText(db: Databases, id: string, label: Label, text: string | undefined): void {
  removeText(db, id);
  if (!text) return;
  const counts = termCounts(text);
  const length = [...counts.values()].reduce((a, b) => a + b, 0);
  for (const [term, tf] of counts) {
    db.postings.putSync([term, id], [tf, length, label]);
    db.termStats.putSync([term, label], ((db.termStats.get([term, label]) as number | undefined) ?? 0) + 1);
  }
  db.docs.putSync(id, { l: label, n: length, t: [...counts.keys()] });
  const [docs, total] = (db.meta.get(statsKey(label)) as [number, number] | undefined) ?? [0, 0];
  db.meta.putSync(statsKey(label), [docs + 1, total + length]);
}

/** Remove a document from the index; call inside a write transaction. */
export function removeText(db: Databases, id: string): void {
  const doc = db.docs.get(id);
  if (!doc) return;
  for (const term of doc.t) {
    db.postings.removeSync([term, id]);
    const df = ((db.termStats.get([term, doc.l]) as number | undefined) ?? 1) - 1;
    if (df > 0) db.termStats.putSync([term, doc.l], df);
    else db.termStats.removeSync([term, doc.l]);
  }
  db.docs.removeSync(id);
  const [docs, total] = (db.meta.get(statsKey(doc.l)) as [number, number] | undefined) ?? [1, doc.n];
  db.meta.putSync(statsKey(doc.l), [Math.max(0, docs - 1), Math.max(0, total - doc.n)]);
}

export interface TextHit {
  readonly id: string;
  readonly score: number;
}

interface Posting {
  readonly id: string;
  readonly tf: number;
  readonly length: number;
  readonly label: Label;
}

/** A term held by at least this many documents has its postings kept decoded between commits. */
const KEPT_FROM_DF = 256;

/**
 * The decoded postings of common terms, kept until the next commit: a query holding a word of
 * thousands of documents ("migration") then reads them from memory instead of decoding each
 * from the database again. Emptied by every commit (the store says which commit it reads) and
 * when it holds `maxPostings`.
 */
export class PostingCache {
  private seq = -1;
  private readonly lists = new Map<string, readonly Posting[]>();
  private held = 0;

  constructor(private readonly maxPostings = 500_000) {}

  /** The cache for reading commit `seq`: emptied when that is not the commit it holds. */
  at(seq: number): this {
    if (seq !== this.seq) this.empty();
    this.seq = seq;
    return this;
  }

  private empty(): void {
    this.lists.clear();
    this.held = 0;
  }

  postings(db: Databases, term: string, df: number): readonly Posting[] {
    const kept = this.lists.get(term);
    if (kept) return kept;
    const list: Posting[] = [];
    for (const { key, value } of db.postings.getRange(prefixRange([term]))) list.push({ id: (key as [string, string])[1], tf: value[0], length: value[1], label: value[2] });
    if (df >= KEPT_FROM_DF) {
      if (this.held + list.length > this.maxPostings) this.empty();
      this.lists.set(term, list);
      this.held += list.length;
    }
    return list;
  }
}

/** The best `limit` documents of the labels for a text, by BM25 (ties by id). */
export function searchText(db: Databases, text: string, labels: readonly Label[], limit: number, cache = new PostingCache()): TextHit[] {
  const wanted = new Set(labels);
  const queryTerms = [...new Set(terms(text))];
  if (!queryTerms.length || !wanted.size || limit <= 0) return [];
  let docs = 0;
  let total = 0;
  for (const label of wanted) {
    const [n, length] = (db.meta.get(statsKey(label)) as [number, number] | undefined) ?? [0, 0];
    docs += n;
    total += length;
  }
  if (!docs) return [];
  const average = total / docs;
  const withDf = queryTerms
    .map((term) => ({ term, df: [...wanted].reduce((sum, label) => sum + ((db.termStats.get([term, label]) as number | undefined) ?? 0), 0) }))
    .filter((t) => t.df > 0)
    .sort((a, b) => a.df - b.df || (a.term < b.term ? -1 : 1));
  const scores = new Map<string, number>();
  const add = (id: string, idf: number, tf: number, length: number) => {
    const score = idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average)));
    scores.set(id, (scores.get(id) ?? 0) + score);
  };
  for (const { term, df } of withDf) {
    const idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
    // A common term only adds to the candidates the rarer terms found.
    const onlyCandidates = scores.size >= CANDIDATES && df > scores.size;
    if (onlyCandidates && df < KEPT_FROM_DF) {
      for (const id of scores.keys()) {
        const posting = db.postings.get([term, id]);
        if (posting && wanted.has(posting[2])) add(id, idf, posting[0], posting[1]);
      }
      continue;
    }
    for (const posting of cache.postings(db, term, df)) {
      if (!wanted.has(posting.label) || (onlyCandidates && !scores.has(posting.id))) continue;
      add(posting.id, idf, posting.tf, posting.length);
    }
  }
  // The best `limit`, kept in order as they come (no sort of every document scored).
  const best: TextHit[] = [];
  const before = (a: TextHit, b: TextHit) => a.score > b.score || (a.score === b.score && a.id < b.id);
  for (const [id, score] of scores) {
    const hit = { id, score };
    if (best.length === limit && !before(hit, best[limit - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(hit, best[at - 1]!)) at--;
    best.splice(at, 0, hit);
    if (best.length > limit) best.pop();
  }
  return best;
}
