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
import type { NeighboursFn } from './graphWalk.js';

/** How much each signal weighs; a signal the source does not have is left out of the total. */
export const WEIGHTS = { text: 0.45, theme: 0.3, audience: 0.1, country: 0.1, projectType: 0.05 } as const;
type Signal = keyof typeof WEIGHTS;

/** How many full-text hits are considered as candidates. */
const TEXT_CANDIDATES = 50;

/** Candidates profiled together first, best bound first; each further batch is twice as large (round trips grow with the log of the candidates). */
const PROFILE_BATCH = 32;
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

/** What a recommendation is about, in graph terms. */
interface Profile {
  readonly id?: string;
  readonly text: string;
  /** The text's terms with their counts (domain/terms.ts). */
  readonly vector: TermVector;
  readonly theme?: GraphNode;
  /** The theme as the source document worded it, when that differs from the canonical name. */
  readonly themeLabel?: string;
  readonly broader?: GraphNode;
  readonly audiences: readonly GraphNode[];
  readonly project?: GraphNode;
  readonly countries: readonly GraphNode[];
}

async function profiles(neighbours: NeighboursFn, recs: readonly GraphNode[]): Promise<Map<string, Profile>> {
  const ids = recs.map((r) => r.id);
  const [themes, audiences, evaluations] = await Promise.all([neighbours(ids, 'ABOUT', 'out'), neighbours(ids, 'ADDRESSED_TO', 'out'), neighbours(ids, 'RECOMMENDS', 'in')]);
  const themeIds = [...new Set(themes.flatMap((t) => t.map((n) => n.node.id)))];
  const evalIds = [...new Set(evaluations.flatMap((e) => e.map((n) => n.node.id)))];
  const [broader, projects] = await Promise.all([neighbours(themeIds, 'BROADER', 'out'), neighbours(evalIds, 'EVALUATES', 'out')]);
  const broaderOf = new Map(themeIds.map((id, i) => [id, broader[i]?.[0]?.node]));
  const projectOf = new Map(evalIds.map((id, i) => [id, projects[i]?.[0]?.node]));
  const projectIds = [...new Set([...projectOf.values()].flatMap((p) => (p ? [p.id] : [])))];
  const countries = await neighbours(projectIds, 'IN_COUNTRY', 'out');
  const countriesOf = new Map(projectIds.map((id, i) => [id, (countries[i] ?? []).map((n) => n.node)]));
  return new Map(
    recs.map((rec, i) => {
      const theme = themes[i]?.[0]?.node;
      const project = evaluations[i]?.[0] ? projectOf.get(evaluations[i]![0]!.node.id) : undefined;
      const themeLabel = typeof rec.props.themeLabel === 'string' ? rec.props.themeLabel : undefined;
      return [rec.id, { id: rec.id, text: String(rec.props.text ?? ''), vector: vectorOf(String(rec.props.text ?? '')), theme, themeLabel, broader: theme ? broaderOf.get(theme.id) : undefined, audiences: (audiences[i] ?? []).map((n) => n.node), project, countries: project ? countriesOf.get(project.id) ?? [] : [] }];
    }),
  );
}

/** Themes whose name or a synonym is spelled out in the text (for free-text questions). */
async function themesNamedIn(store: GraphStore, neighbours: NeighboursFn, text: string): Promise<Pick<Profile, 'theme' | 'broader'>> {
  const key = ` ${normaliseKey(text)} `;
  const page = await store.list({ label: 'Theme', first: 1000 });
  const named = page.nodes
    .filter((t) => [t.props.name, ...((t.props.synonyms as readonly string[] | undefined) ?? [])].some((n) => typeof n === 'string' && key.includes(` ${normaliseKey(n)} `)))
    .sort((a, b) => compareIds(a.id, b.id));
  const theme = named[0];
  if (!theme) return {};
  const [broader] = await neighbours([theme.id], 'BROADER', 'out');
  return { theme, broader: broader?.[0]?.node };
}

/** The score, and the reasons but the one about shared terms (withMatchingTerms adds it to the results kept). */
function score(source: Profile, candidate: Profile): { score: number; reasons: string[]; sharesTerms: boolean } {
  const reasons: string[] = [];
  // Text counts only through terms both texts share, which the reasons then name (a hit on a
  // code or a theme's wording alone is no textual likeness): see withMatchingTerms.
  const textScore = cosine(source.vector, candidate.vector);
  const signals: Partial<Record<Signal, number>> = { text: textScore };
  if (source.theme) {
    if (candidate.theme?.id === source.theme.id) {
      signals.theme = 1;
      reasons.push(`Same theme: "${source.theme.props.name}"${candidate.themeLabel ? ` (worded "${candidate.themeLabel}" there)` : ''}`);
    } else if (source.broader && candidate.broader?.id === source.broader.id) {
      signals.theme = 0.5;
      reasons.push(`Related themes: "${source.theme.props.name}" and "${candidate.theme?.props.name}" are both under "${source.broader.props.name}"`);
    } else signals.theme = 0;
  }
  if (source.audiences.length) {
    const theirs = new Set(candidate.audiences.map((a) => a.id));
    const shared = source.audiences.filter((a) => theirs.has(a.id));
    const union = new Set([...source.audiences.map((a) => a.id), ...theirs]).size;
    signals.audience = shared.length / union;
    if (shared.length) reasons.push(`Also addressed to ${shared.map((a) => a.props.name).join(', ')}`);
  }
  if (source.countries.length) {
    const theirs = new Set(candidate.countries.map((c) => c.id));
    const shared = source.countries.filter((c) => theirs.has(c.id));
    signals.country = shared.length ? 1 : 0;
    if (shared.length) reasons.push(`Also in ${shared.map((c) => c.props.name).join(', ')}`);
  }
  if (source.project?.props.typeKey) {
    const same = candidate.project?.props.typeKey === source.project.props.typeKey;
    signals.projectType = same ? 1 : 0;
    if (same) reasons.push(`Also a ${source.project.props.type} project`);
  }
  const total = (Object.keys(signals) as Signal[]).reduce((sum, s) => sum + WEIGHTS[s], 0);
  const weighted = (Object.entries(signals) as [Signal, number][]).reduce((sum, [s, v]) => sum + WEIGHTS[s] * v, 0);
  return { score: roundScore(weighted / total), reasons, sharesTerms: textScore > 0 };
}

/** Scores are given to four decimals. */
const roundScore = (score: number) => Math.round(score * 10_000) / 10_000;

/** A result as returned: its reasons led by the words the two texts share, when they share any. */
function withMatchingTerms(source: Profile, result: RelatedResult & { sharesTerms: boolean }): RelatedResult {
  const { sharesTerms, ...kept } = result;
  const shared = sharesTerms ? matchingTerms(source.text, String(result.recommendation.props.text ?? '')) : [];
  return shared.length ? { ...kept, reasons: [`Matching terms: ${shared.join(', ')}`, ...kept.reasons] } : kept;
}

type TermVector = ReadonlyMap<string, number>;

/**
 * Term vectors of the texts seen lately, by text: a recommendation's text changes seldom and is
 * read by every request it is a candidate of. Bounded; emptied when full.
 */
const vectors = new Map<string, TermVector>();
const VECTORS_KEPT = 50_000;

function vectorOf(text: string): TermVector {
  let vector = vectors.get(text);
  if (!vector) {
    if (vectors.size >= VECTORS_KEPT) vectors.clear();
    vector = termVector(text);
    vectors.set(text, vector);
  }
  return vector;
}

export function termVector(text: string): TermVector {
  const counts = new Map<string, number>();
  for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * Text relevance: the cosine of the two texts' term counts, in [0, 1]. Computed from the texts
 * alone, it is the same on both stores (their full-text indexes only gather the candidates, and
 * rank them each their own way).
 */
function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  for (const [term, count] of a) dot += count * (b.get(term) ?? 0);
  if (!dot) return 0;
  const norm = (v: TermVector) => Math.sqrt([...v.values()].reduce((sum, n) => sum + n * n, 0));
  return Math.min(1, dot / (norm(a) * norm(b)));
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
  /** Profile and score every candidate instead of stopping at the bound (the tests check the two agree). */
  readonly exhaustive?: boolean;
}

async function rank(store: GraphStore, neighbours: NeighboursFn, source: Profile, options: RelatedOptions): Promise<RelatedResult[]> {
  const hits = await store.search({ text: source.text, labels: ['Recommendation'], limit: TEXT_CANDIDATES + 1 });
  // Candidates sharing the theme or its broader theme, whatever their wording.
  const themeIds = source.broader ? (await neighbours([source.broader.id], 'BROADER', 'in'))[0]?.map((n) => n.node.id) ?? [] : source.theme ? [source.theme.id] : [];
  const byThemeLists = themeIds.length ? await neighbours(themeIds, 'ABOUT', 'in') : [];
  const sameTheme = new Set(byThemeLists[themeIds.indexOf(source.theme?.id ?? '')]?.map((n) => n.node.id) ?? []);
  const nearTheme = new Set(byThemeLists.flat().map((n) => n.node.id));
  const candidates = new Map<string, GraphNode>([...hits.map((h) => [h.node.id, h.node] as const), ...byThemeLists.flat().map((n) => [n.node.id, n.node] as const)]);
  candidates.delete(source.id ?? '');

  // Profiling a candidate (its theme, audiences, project, countries) costs reads; a theme may
  // gather thousands. So candidates are scored best bound first: the bound is the score with
  // what is known before profiling (the text relevance and whether the theme is the same or a
  // sibling, both exact) and every other signal the source has counted as shared. Once the
  // `first` results found score above the next bound, no candidate left can enter them.
  const present = (Object.keys(WEIGHTS) as Signal[]).filter((signal) => signal === 'text' || (signal === 'theme' ? !!source.theme : signal === 'audience' ? source.audiences.length > 0 : signal === 'country' ? source.countries.length > 0 : !!source.project?.props.typeKey));
  const total = present.reduce((sum, signal) => sum + WEIGHTS[signal], 0);
  const bound = (candidate: GraphNode): number => {
    let weighted = 0;
    for (const signal of present) {
      if (signal === 'text') weighted += WEIGHTS.text * cosine(source.vector, vectorOf(String(candidate.props.text ?? '')));
      else if (signal === 'theme') weighted += WEIGHTS.theme * (sameTheme.has(candidate.id) ? 1 : source.broader && nearTheme.has(candidate.id) ? 0.5 : 0);
      else weighted += WEIGHTS[signal];
    }
    return weighted / total;
  };
  // Bounds are rounded as scores are (a score rounds to no more than its bound; the hair added
  // covers the sums' floating-point order), and candidates of equal bounds come by id, as ties
  // of scores are broken: so once the `first`-th result scores the next bound and comes before
  // it by id, no candidate left can enter, though thousands may tie (as generated
  // recommendations of one theme do).
  const queue = [...candidates.values()].map((node) => ({ node, bound: roundScore(bound(node) + 1e-12) })).sort((a, b) => b.bound - a.bound || compareIds(a.node.id, b.node.id));
  const results: (RelatedResult & { sharesTerms: boolean })[] = [];
  const byScore = (a: RelatedResult, b: RelatedResult) => b.score - a.score || compareIds(a.recommendation.id, b.recommendation.id);
  const cannotEnter = (next: (typeof queue)[number]): boolean => {
    if (next.bound < RELEVANCE_FLOOR) return true;
    const last = results[options.first - 1];
    return !!last && (next.bound < last.score || (next.bound === last.score && compareIds(next.node.id, last.recommendation.id) > 0));
  };
  for (let at = 0, size = PROFILE_BATCH; at < queue.length; at += size, size *= 2) {
    if (!options.exhaustive && cannotEnter(queue[at]!)) break;
    const batch = queue.slice(at, at + size).map((q) => q.node);
    const profileOf = await profiles(neighbours, batch);
    for (const candidate of batch) {
      const profile = profileOf.get(candidate.id)!;
      if (options.otherProjectsOnly && source.project && profile.project?.id === source.project.id) continue;
      const scored = { recommendation: candidate, ...score(source, profile) };
      if (scored.score >= RELEVANCE_FLOOR && (scored.sharesTerms || scored.reasons.length > 0)) results.push(scored);
    }
    results.sort(byScore);
  }
  return results.slice(0, options.first).map((result) => withMatchingTerms(source, result));
}

/** Recommendations related to a stored one. */
export async function relatedToRecommendation(store: GraphStore, neighbours: NeighboursFn, rec: GraphNode, options: RelatedOptions): Promise<RelatedResult[]> {
  const source = (await profiles(neighbours, [rec])).get(rec.id)!;
  return rank(store, neighbours, source, options);
}

/** Recommendations related to a text being drafted; a theme named in the text counts too. */
export async function relatedToText(store: GraphStore, neighbours: NeighboursFn, text: string, first: number): Promise<RelatedResult[]> {
  const themes = await themesNamedIn(store, neighbours, text);
  return rank(store, neighbours, { text, vector: termVector(text), audiences: [], countries: [], ...themes }, { first, otherProjectsOnly: false });
}
