/**
 * Related recommendations: has this been recommended before? Candidates come from full-text
 * search (the store's full-text index) and from the theme taxonomy; each is scored by one
 * deterministic function of text relevance (the cosine of the texts' term counts, so the same
 * on both stores) and graph overlaps (theme, broader theme, audience, country, project type),
 * and every score comes with the reasons a person can check.
 */
import type { GraphNode } from '../domain/model.js';
import { terms } from '../domain/terms.js';
import { normaliseKey } from '../domain/text.js';
import { compareIds } from '../store/order.js';
import type { GraphStore } from '../store/port.js';
import type { RecommendationFacts } from '../store/recommendationFacts.js';
import type { NeighboursFn } from './graphWalk.js';

/** How much each signal weighs; a signal the source does not have is left out of the total. */
export const WEIGHTS = { text: 0.45, theme: 0.3, audience: 0.1, country: 0.1, projectType: 0.05 } as const;
type Signal = keyof typeof WEIGHTS;

/** How many full-text hits are considered as candidates. */
const TEXT_CANDIDATES = 50;

/**
 * The relevance floor: nothing scoring under it is returned. 0.15 is more than one weak signal
 * alone (the same country is 0.10 of a full score, the same project type 0.05): a result must
 * share words, a theme, or several facts.
 */
export const RELEVANCE_FLOOR = 0.15;

export interface RelatedResult {
  readonly recommendation: GraphNode;
  /** In [0, 1]. */
  readonly score: number;
  readonly reasons: readonly string[];
}

/** What a recommendation (or a draft text) is about: its facts (store/recommendationFacts.ts) and its text's terms. */
interface Source extends Omit<RecommendationFacts, 'id'> {
  readonly id?: string;
  readonly vector: TermVector;
}

/** Themes whose name or a synonym is spelled out in the text (for free-text questions). */
async function themesNamedIn(store: GraphStore, neighbours: NeighboursFn, text: string): Promise<Pick<Source, 'theme' | 'broader'>> {
  const key = ` ${normaliseKey(text)} `;
  const page = await store.list({ label: 'Theme', first: 1000 });
  const named = page.nodes
    .filter((t) => [t.props.name, ...((t.props.synonyms as readonly string[] | undefined) ?? [])].some((n) => typeof n === 'string' && key.includes(` ${normaliseKey(n)} `)))
    .sort((a, b) => compareIds(a.id, b.id));
  const theme = named[0];
  if (!theme) return {};
  const [broader] = await neighbours([theme.id], 'BROADER', 'out');
  return { theme: theme.id, ...(broader?.[0] ? { broader: broader[0].node.id } : {}) };
}

/**
 * The score of candidates for one source: a weighted mean of the signals the source has (a
 * signal it lacks, say no audience, is left out of the total), rounded to four decimals.
 */
function scorer(source: Source): ((candidate: RecommendationFacts) => number) & { ceiling(theme: number): number } {
  const present: Signal[] = ['text'];
  if (source.theme) present.push('theme');
  if (source.audiences.length) present.push('audience');
  if (source.countries.length) present.push('country');
  if (source.projectType) present.push('projectType');
  const total = present.reduce((sum, s) => sum + WEIGHTS[s], 0);
  const audiences = new Set(source.audiences);
  const score = (candidate: RecommendationFacts) => {
    let weighted = WEIGHTS.text * cosine(source.vector, vectorOf(candidate.text));
    if (source.theme) weighted += WEIGHTS.theme * (candidate.theme === source.theme ? 1 : source.broader && candidate.broader === source.broader ? 0.5 : 0);
    if (audiences.size) {
      let shared = 0;
      for (const a of candidate.audiences) if (audiences.has(a)) shared++;
      weighted += WEIGHTS.audience * (shared / (audiences.size + candidate.audiences.length - shared));
    }
    if (source.countries.length) weighted += WEIGHTS.country * (candidate.countries.some((c) => source.countries.includes(c)) ? 1 : 0);
    if (source.projectType) weighted += WEIGHTS.projectType * (candidate.projectType === source.projectType ? 1 : 0);
    return roundScore(weighted / total);
  };
  // The best score a candidate can have when its theme signal is `theme`: rounded as scores
  // are, with a hair for the sums' floating-point order.
  const ceiling = (theme: number) => roundScore(present.reduce((sum, s) => sum + WEIGHTS[s] * (s === 'theme' ? theme : 1), 0) / total + 1e-12);
  return Object.assign(score, { ceiling });
}

/** The reasons a person can check for a result, led by the words both texts share. */
function reasonsFor(source: Source, candidate: RecommendationFacts, nodes: ReadonlyMap<string, GraphNode | null>): string[] {
  const name = (id: string | undefined) => String(nodes.get(id ?? '')?.props.name);
  const reasons: string[] = [];
  const shared = cosine(source.vector, vectorOf(candidate.text)) > 0 ? matchingTerms(source.text, candidate.text) : [];
  if (shared.length) reasons.push(`Matching terms: ${shared.join(', ')}`);
  if (source.theme && candidate.theme === source.theme) reasons.push(`Same theme: "${name(source.theme)}"${candidate.themeLabel ? ` (worded "${candidate.themeLabel}" there)` : ''}`);
  else if (source.theme && source.broader && candidate.broader === source.broader) reasons.push(`Related themes: "${name(source.theme)}" and "${name(candidate.theme)}" are both under "${name(source.broader)}"`);
  const audiences = source.audiences.filter((a) => candidate.audiences.includes(a));
  if (audiences.length) reasons.push(`Also addressed to ${audiences.map(name).join(', ')}`);
  const countries = source.countries.filter((c) => candidate.countries.includes(c));
  if (countries.length) reasons.push(`Also in ${countries.map(name).join(', ')}`);
  if (source.projectType && candidate.projectType === source.projectType) reasons.push(`Also a ${String(nodes.get(source.project ?? '')?.props.type)} project`);
  return reasons;
}

/** Scores are given to four decimals. */
const roundScore = (score: number) => Math.round(score * 10_000) / 10_000;

/** A text's terms with their counts (domain/terms.ts), and the vector's length. */
interface TermVector {
  readonly counts: ReadonlyMap<string, number>;
  readonly norm: number;
}

/**
 * Term vectors of the texts seen lately, by text: a recommendation's text changes seldom and is
 * read by every request it is a candidate of. Bounded; emptied when full.
 */
const vectors = new Map<string, TermVector>();
const VECTORS_KEPT = 100_000;

function vectorOf(text: string): TermVector {
  let vector = vectors.get(text);
  if (!vector) {
    if (vectors.size >= VECTORS_KEPT) vectors.clear();
    vector = termVector(text);
    vectors.set(text, vector);
  }
  return vector;
}

function termVector(text: string): TermVector {
  const counts = new Map<string, number>();
  for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { counts, norm: Math.sqrt([...counts.values()].reduce((sum, n) => sum + n * n, 0)) };
}

/**
 * Text relevance: the cosine of the two texts' term counts, in [0, 1]. Computed from the texts
 * alone, it is the same on both stores (their full-text indexes only gather the candidates, and
 * rank them each their own way).
 */
function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  for (const [term, count] of a.counts) dot += count * (b.counts.get(term) ?? 0);
  if (!dot) return 0;
  return Math.min(1, dot / (a.norm * b.norm));
}

/** The source's words whose terms the candidate shares, in the source's order (at most eight), as written in the source. */
export function matchingTerms(source: string, candidate: string): string[] {
  const theirs = new Set(terms(candidate));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of source.split(/[^\p{L}\p{N}]+/u)) {
    const shared = terms(word).filter((t) => theirs.has(t) && !seen.has(t));
    if (!shared.length) continue;
    shared.forEach((t) => seen.add(t));
    out.push(word.toLowerCase());
    if (out.length === 8) break;
  }
  return out;
}

export interface RelatedOptions {
  readonly first: number;
  readonly otherProjectsOnly: boolean;
  /** Read and score every candidate of every group instead of stopping at the groups' ceilings (the tests check the two agree). */
  readonly exhaustive?: boolean;
}

/**
 * The related recommendations of each source. Candidates come in three groups, each read only
 * if it can still change the results: the recommendations of the source's theme, then those of
 * the themes sharing its broader theme, then the best full-text hits of its text (outside the
 * theme family). A group's best possible score is known before it is read (a text fully alike,
 * and every other signal shared but the theme's, which the group fixes): once the `first`
 * results score at least that, the group cannot enter. Within a group, candidates come by id,
 * as ties are broken, so the same holds between candidates. Facts come from the store in one
 * call per group (kept per write by the embedded store, one statement on Neo4j), and every
 * candidate read is scored exactly. Reasons are spelled out for the results kept, from one read
 * of the nodes they name.
 */
async function rank(store: GraphStore, neighbours: NeighboursFn, sources: readonly Source[], options: RelatedOptions): Promise<RelatedResult[][]> {
  // The theme family of each source: its broader theme's narrower themes, or its theme alone.
  const broaders = [...new Set(sources.flatMap((s) => (s.broader ? [s.broader] : [])))];
  const narrower = new Map(broaders.length ? (await neighbours(broaders, 'BROADER', 'in')).map((list, i) => [broaders[i]!, list.map((n) => n.node.id)] as const) : []);
  const kept = await Promise.all(sources.map((source) => best(store, source, source.broader ? narrower.get(source.broader) ?? [] : [], options)));

  // The nodes the results and their reasons name, in one read.
  const named = new Set<string>();
  sources.forEach((source, i) => {
    for (const id of [source.theme, source.broader, source.project, ...source.audiences, ...source.countries]) if (id) named.add(id);
    for (const { facts } of kept[i]!) {
      named.add(facts.id);
      if (facts.theme) named.add(facts.theme);
    }
  });
  const ids = [...named];
  const nodes = new Map((await store.getNodes(ids)).map((node, i) => [ids[i]!, node]));
  return sources.map((source, i) =>
    kept[i]!.flatMap(({ facts, score }) => {
      const recommendation = nodes.get(facts.id);
      const reasons = reasonsFor(source, facts, nodes);
      return recommendation && reasons.length ? [{ recommendation, score, reasons }] : [];
    }),
  );
}

/** The best `first` candidates of one source, by score then id (rank, above). */
async function best(store: GraphStore, source: Source, siblings: readonly string[], options: RelatedOptions): Promise<{ facts: RecommendationFacts; score: number }[]> {
  const score = scorer(source);
  const kept: { facts: RecommendationFacts; score: number }[] = [];
  const consider = (facts: RecommendationFacts) => {
    if (facts.id === source.id || (options.otherProjectsOnly && source.project && facts.project === source.project)) return;
    // A candidate of two groups: scored once (it scores the same; kept at most once).
    if (kept.some((k) => k.facts.id === facts.id)) return;
    const s = score(facts);
    if (s < RELEVANCE_FLOOR) return;
    const last = kept[options.first - 1];
    if (last && (s < last.score || (s === last.score && compareIds(facts.id, last.facts.id) > 0))) return;
    let at = kept.length;
    while (at > 0 && (kept[at - 1]!.score < s || (kept[at - 1]!.score === s && compareIds(kept[at - 1]!.facts.id, facts.id) > 0))) at--;
    kept.splice(at, 0, { facts, score: s });
    if (kept.length > options.first) kept.pop();
  };
  // Whether no candidate of a group whose best possible score is `ceiling` can enter the
  // results: none of the group, or none from `next` on (the group's candidates come by id).
  const closed = (ceiling: number, next?: string) => {
    if (ceiling < RELEVANCE_FLOOR) return true;
    if (options.exhaustive) return false;
    const last = kept[options.first - 1];
    return !!last && (last.score > ceiling || (last.score === ceiling && next !== undefined && compareIds(next, last.facts.id) > 0));
  };
  const family = source.theme ? [source.theme, ...siblings.filter((t) => t !== source.theme)] : [];
  const groups: { theme: number; ids: () => Promise<readonly string[]> }[] = [
    ...(source.theme ? [{ theme: 1, ids: async () => (await store.recommendationsAbout([source.theme!]))[0] ?? [] }] : []),
    ...(family.length > 1 ? [{ theme: 0.5, ids: async () => [...new Set((await store.recommendationsAbout(family.slice(1))).flat())].sort(compareIds) }] : []),
    { theme: 0, ids: async () => (await store.search({ text: source.text, labels: ['Recommendation'], limit: TEXT_CANDIDATES + 1 })).map((h) => h.node.id).sort(compareIds) },
  ];
  for (const group of groups) {
    const ceiling = score.ceiling(group.theme);
    if (closed(ceiling)) continue;
    const ids = await group.ids();
    // Facts a slice at a time, so that a group closed early is not read whole.
    slices: for (let at = 0, size = 64; at < ids.length; at += size, size *= 4) {
      if (closed(ceiling, ids[at])) break;
      for (const facts of await store.recommendationFacts(ids.slice(at, at + size))) {
        if (!facts) continue;
        if (closed(ceiling, facts.id)) break slices;
        consider(facts);
      }
    }
  }
  return kept;
}

/** The facts of a source as scoring takes them. */
const sourceOf = (facts: RecommendationFacts): Source => ({ ...facts, vector: vectorOf(facts.text) });

/** Recommendations related to each of several stored ones (a page's), in one pass. */
export async function relatedToRecommendations(store: GraphStore, neighbours: NeighboursFn, recs: readonly GraphNode[], options: RelatedOptions): Promise<RelatedResult[][]> {
  const facts = await store.recommendationFacts(recs.map((r) => r.id));
  const sources = facts.flatMap((f) => (f ? [sourceOf(f)] : []));
  const ranked = await rank(store, neighbours, sources, options);
  const byId = new Map(sources.map((s, i) => [s.id!, ranked[i]!]));
  return recs.map((r) => byId.get(r.id) ?? []);
}

/** Recommendations related to a stored one. */
export async function relatedToRecommendation(store: GraphStore, neighbours: NeighboursFn, rec: GraphNode, options: RelatedOptions): Promise<RelatedResult[]> {
  return (await relatedToRecommendations(store, neighbours, [rec], options))[0]!;
}

/** Recommendations related to a text being drafted; a theme named in the text counts too. */
export async function relatedToText(store: GraphStore, neighbours: NeighboursFn, text: string, first: number): Promise<RelatedResult[]> {
  const themes = await themesNamedIn(store, neighbours, text);
  return (await rank(store, neighbours, [{ text, vector: termVector(text), audiences: [], countries: [], ...themes }], { first, otherProjectsOnly: false }))[0]!;
}
