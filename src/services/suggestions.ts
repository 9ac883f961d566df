/**
 * "Did you mean": the names the graph holds that are closest to a text that matched nothing (an
 * acronym, a name, a project code, a theme, a country, a region, a criterion).
 *
 * Closeness is the better of two measures, each in [0, 1], on normalised text (case, accents
 * and punctuation folded, as lookups fold them):
 * - edit similarity: 1 - d / max(length), where d is the optimal-string-alignment
 *   Damerau-Levenshtein distance (insertions, deletions, substitutions, transpositions of two
 *   neighbouring characters): "UDPAE" -> "UDAPE" (d = 1), "Bolivai" -> "Bolivia";
 * - trigram similarity as PostgreSQL's pg_trgm computes it: the shared share of the padded
 *   three-letter sequences of the words, |A ∩ B| / |A ∪ B|, which forgives words in another
 *   order or a missing word ("Statistics Institute National").
 * A text of three letters or more that begins the name scores 0.9 to 0.99 (the more of the
 * name it covers, the higher: "Guatem" -> "Guatemala" before "Guatemalan Institute of
 * Migration"), one that begins a later word of it 0.8 to 0.89. Names scoring below
 * MIN_SIMILARITY are not suggested.
 *
 * Written over the store port (`list` of a label's nodes), so both stores suggest the same.
 */
import type { GraphNode, Label } from '../domain/model.js';
import { normaliseKey } from '../domain/text.js';
import type { GraphReader } from '../store/port.js';
import { listAll } from './facets.js';

export const SUGGESTION_KINDS = {
  ORGANIZATION: 'Organization',
  PROJECT: 'Project',
  COUNTRY: 'Country',
  REGION: 'Region',
  THEME: 'Theme',
  CRITERION: 'Criterion',
} as const satisfies Record<string, Label>;
export type SuggestionKind = keyof typeof SUGGESTION_KINDS;

/** The least similarity a suggested name has. */
export const MIN_SIMILARITY = 0.5;
/** Names longer than this are compared by trigrams only (edit distance is quadratic). */
const MAX_EDIT_LENGTH = 64;

export interface Suggestion {
  readonly kind: SuggestionKind;
  readonly node: GraphNode;
  /** The name that came closest: pass it where the text was used. */
  readonly value: string;
  /** How to show the node: its name, with its acronym or code. */
  readonly label: string;
  /** Similarity in [0, 1]; 1 is an exact match (ignoring case, accents and punctuation). */
  readonly similarity: number;
}

/** Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** pg_trgm's trigrams: each word padded with two spaces before and one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(' ').filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** Similarity of a (normalised) text and a name, in [0, 1]. */
export function similarity(text: string, name: string): number {
  const a = normaliseKey(text);
  const b = normaliseKey(name);
  if (!a || !b) return 0;
  if (a === b) return 1;
  const edit = a.length <= MAX_EDIT_LENGTH && b.length <= MAX_EDIT_LENGTH ? 1 - editDistance(a, b) / Math.max(a.length, b.length) : 0;
  // A prefix: of the whole name (0.9 to 0.99, the more of the name it covers the higher), or of a later word (0.8 to 0.89).
  const covered = 0.09 * (a.length / b.length);
  const prefix = a.length < 3 ? 0 : b.startsWith(a) ? 0.9 + covered : b.split(' ').some((w) => w.startsWith(a)) ? 0.8 + covered : 0;
  return Math.max(edit, trigramSimilarity(a, b), prefix);
}

const str = (node: GraphNode, key: string): string | undefined => (typeof node.props[key] === 'string' && node.props[key] ? (node.props[key] as string) : undefined);
const strs = (node: GraphNode, key: string): string[] => (Array.isArray(node.props[key]) ? [...(node.props[key] as string[])] : []);

/** The names a node answers to, first the one to suggest by default. */
function namesOf(node: GraphNode): string[] {
  const names = {
    Organization: [str(node, 'name'), str(node, 'acronym'), str(node, 'localName'), ...strs(node, 'aliases')],
    Project: [str(node, 'code'), str(node, 'title')],
    Country: [str(node, 'name'), str(node, 'officialName'), str(node, 'isoCode')],
    Region: [str(node, 'name')],
    Theme: [str(node, 'name'), ...strs(node, 'synonyms')],
    Criterion: [str(node, 'name')],
  }[node.label as (typeof SUGGESTION_KINDS)[SuggestionKind]] ?? [];
  return names.filter((n): n is string => Boolean(n));
}

function labelOf(node: GraphNode): string {
  const name = str(node, 'name') ?? str(node, 'title') ?? str(node, 'code') ?? node.id;
  if (node.label === 'Organization' && str(node, 'acronym') && str(node, 'acronym') !== name) return `${name} (${str(node, 'acronym')})`;
  if (node.label === 'Project') return [str(node, 'code'), str(node, 'title')].filter(Boolean).join(' — ') || name;
  return name;
}

/**
 * The names of the given kinds closest to `text`, best first (ties: kind order, then label),
 * at most `first`, one per node.
 */
export async function suggest(reader: GraphReader, text: string, kinds: readonly SuggestionKind[], first: number): Promise<Suggestion[]> {
  const found: Suggestion[] = [];
  const lists = await Promise.all(kinds.map(async (kind) => ({ kind, nodes: (await listAll(reader, SUGGESTION_KINDS[kind], undefined)).nodes })));
  for (const { kind, nodes } of lists) {
    for (const node of nodes) {
      let best: { value: string; similarity: number } | undefined;
      for (const name of namesOf(node)) {
        const s = similarity(text, name);
        if (!best || s > best.similarity) best = { value: name, similarity: s };
      }
      if (best && best.similarity >= MIN_SIMILARITY) found.push({ kind, node, value: best.value, label: labelOf(node), similarity: Math.round(best.similarity * 1000) / 1000 });
    }
  }
  const order = new Map(kinds.map((k, i) => [k, i]));
  return found.sort((a, b) => b.similarity - a.similarity || order.get(a.kind)! - order.get(b.kind)! || a.label.localeCompare(b.label)).slice(0, first);
}
