/**
 * Search: full-text search across recommendations, findings, conclusions, projects and
 * organisations, with snippets (`search`, ranked by the store's BM25), and a search page for
 * frontends (`searchPage`): evaluations too, every word required, exact totals per kind,
 * filters on the results' evaluations, facet counts and keyset paging.
 */
import type { GraphNode, Label, SearchableLabel } from '../domain/model.js';
import { ROLE_RULES, reverse } from '../domain/roles.js';
import { terms } from '../domain/terms.js';
import { normaliseKey, normaliseText } from '../domain/text.js';
import { and, or, related, type Filter } from '../store/filter.js';
import { compareIds } from '../store/order.js';
import type { GraphReader, GraphStore } from '../store/port.js';
import { countFacets, listAll, type Facets } from './facets.js';
import { roleFilter } from './filters.js';
import { walk, type NeighboursFn } from './graphWalk.js';

export interface SearchResult {
  readonly node: GraphNode;
  readonly score: number;
  /** The passage of the node's text where the query's terms gather most, with the match in the middle. */
  readonly snippet: string;
  /** The words of the text that matched the query. */
  readonly matchedTerms: readonly string[];
}

/** The text a person reads for a node of each searchable label. */
export function displayText(node: GraphNode): string {
  const p = node.props;
  const parts = {
    Evaluation: [p.title, p.type, p.purpose],
    Recommendation: [p.text],
    Finding: [p.title, p.summary],
    Conclusion: [p.text],
    Project: [p.code, p.title, p.summary],
    Organization: [p.name, p.acronym, p.localName, ...((p.aliases as readonly string[] | undefined) ?? [])],
  }[node.label as ResultLabel] ?? [];
  return parts.filter((v): v is string => typeof v === 'string' && v.length > 0).join(' — ');
}

const SNIPPET_RADIUS = 80;

export function snippetOf(text: string, query: string): { snippet: string; matchedTerms: string[] } {
  const wanted = new Set(terms(query));
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const matches = words.filter((w) => wanted.has(terms(w[0])[0] ?? ''));
  const matchedTerms = [...new Set(matches.map((m) => m[0].toLowerCase()))];
  if (!matches.length) return { snippet: text.length > 2 * SNIPPET_RADIUS ? `${text.slice(0, 2 * SNIPPET_RADIUS).replace(/\s+\S*$/, '')} …` : text, matchedTerms };
  // Centre on the match whose neighbourhood holds the most distinct query terms.
  const termAt = (m: RegExpMatchArray) => terms(m[0])[0];
  let at = matches[0]!.index!;
  let best = 0;
  for (const m of matches) {
    const near = new Set(matches.filter((o) => Math.abs(o.index! - m.index!) <= SNIPPET_RADIUS).map(termAt)).size;
    if (near > best) [best, at] = [near, m.index!];
  }
  let start = Math.max(0, at - SNIPPET_RADIUS);
  let end = Math.min(text.length, at + SNIPPET_RADIUS);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > at ? text.lastIndexOf(' ', end) : end;
  return { snippet: `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`, matchedTerms };
}

export async function search(store: GraphStore, query: string, labels: readonly SearchableLabel[], first: number): Promise<SearchResult[]> {
  const hits = await store.search({ text: query, labels, limit: first });
  return hits.map((hit) => ({ node: hit.node, score: hit.score, ...snippetOf(displayText(hit.node), query) }));
}

// ---------------------------------------------------------------------------------------------
// The search page

/** What a search page can list, in the order kinds are listed when no words rank them. */
export const RESULT_LABELS = ['Evaluation', 'Recommendation', 'Finding', 'Conclusion', 'Project', 'Organization'] as const satisfies readonly Label[];
export type ResultLabel = (typeof RESULT_LABELS)[number];

/** Most words of a query used (the rest are ignored). */
export const MAX_QUERY_WORDS = 12;

/** The words of a query as `text` filters take them: normalised, each a substring to find. */
export function queryWords(query: string | null | undefined): string[] {
  return [...new Set(normaliseText(query ?? '').split(' ').filter(Boolean))].slice(0, MAX_QUERY_WORDS);
}

const textFilter = (word: string): Filter => ({ kind: 'text', text: word });

/** Organisations with a role on an evaluation matching the filter (or on a project it evaluated). */
function roleOnEvaluation(evaluations: Filter): Filter {
  const onProject = related('EVALUATES', 'in', evaluations);
  return or(...(Object.keys(ROLE_RULES) as (keyof typeof ROLE_RULES)[]).map((role) => roleFilter(role, ROLE_RULES[role].on === 'Project' ? onProject : evaluations)));
}

/** How a result of each kind belongs to an evaluation, as a filter ("its evaluation matches"). */
const THROUGH_EVALUATION: Record<ResultLabel, (evaluations: Filter) => Filter> = {
  Evaluation: (f) => f,
  Recommendation: (f) => related('RECOMMENDS', 'in', f),
  Finding: (f) => related('HAS_FINDING', 'in', f),
  Conclusion: (f) => related('CONCLUDES', 'in', f),
  Project: (f) => related('EVALUATES', 'in', f),
  Organization: roleOnEvaluation,
};

/** The filter of one kind of result: every word in its text, and its evaluation matching `evaluations`. */
export function resultFilter(label: ResultLabel, words: readonly string[], evaluations: Filter | undefined): Filter | undefined {
  const matchWord = (w: string) => (label === 'Evaluation' ? or(textFilter(w), related('EVALUATES', 'out', textFilter(w))) : textFilter(w));
  return and(...words.map(matchWord), evaluations ? THROUGH_EVALUATION[label](evaluations) : undefined);
}

/** The evaluations each result belongs to (an organisation: those it has a role on, directly or through a project). */
async function evaluationsOf(neighbours: NeighboursFn, label: ResultLabel, nodes: readonly GraphNode[]): Promise<Map<string, string[]>> {
  const ids = nodes.map((n) => n.id);
  const viaOne = async (type: 'RECOMMENDS' | 'HAS_FINDING' | 'CONCLUDES' | 'EVALUATES') => {
    const found = ids.length ? await neighbours(ids, type, 'in') : [];
    return new Map(ids.map((id, i) => [id, (found[i] ?? []).map((n) => n.node.id)]));
  };
  switch (label) {
    case 'Evaluation': return new Map(ids.map((id) => [id, [id]]));
    case 'Recommendation': return viaOne('RECOMMENDS');
    case 'Finding': return viaOne('HAS_FINDING');
    case 'Conclusion': return viaOne('CONCLUDES');
    case 'Project': return viaOne('EVALUATES');
    case 'Organization': {
      const out = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
      const projectsOf = new Map<string, Set<string>>();
      for (const role of Object.keys(ROLE_RULES) as (keyof typeof ROLE_RULES)[]) {
        const rule = ROLE_RULES[role];
        const arrivals = await walk(neighbours, ids, reverse(rule.steps, rule.on));
        for (const [orgId, list] of arrivals) {
          for (const a of list) {
            if (a.node.label === 'Evaluation') out.get(orgId)!.add(a.node.id);
            else (projectsOf.get(orgId) ?? projectsOf.set(orgId, new Set()).get(orgId)!).add(a.node.id);
          }
        }
      }
      const projectIds = [...new Set([...projectsOf.values()].flatMap((s) => [...s]))];
      const evaluated = projectIds.length ? await neighbours(projectIds, 'EVALUATES', 'in') : [];
      const evaluationsOfProject = new Map(projectIds.map((id, i) => [id, (evaluated[i] ?? []).map((n) => n.node.id)]));
      for (const [orgId, projects] of projectsOf) for (const p of projects) for (const e of evaluationsOfProject.get(p) ?? []) out.get(orgId)!.add(e);
      return new Map([...out].map(([id, set]) => [id, [...set]]));
    }
  }
}

const str = (node: GraphNode, key: string) => (typeof node.props[key] === 'string' ? (node.props[key] as string) : '');

/** The fields a result is named by (its title, name, code or text). */
function titleOf(node: GraphNode): string[] {
  const p = node.props;
  const names = { Evaluation: [p.title], Recommendation: [p.code, p.text], Finding: [p.title], Conclusion: [p.text], Project: [p.code, p.title], Organization: [p.name, p.acronym, p.localName, ...((p.aliases as readonly string[] | undefined) ?? [])] }[node.label as ResultLabel] ?? [];
  return names.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/**
 * Relevance of a result to the query's words: a point for each word in its text, two more for
 * each in its title or name, five more when the whole query is its name, acronym or code.
 * Deterministic: the same graph and query give the same order on both stores.
 */
export function relevance(node: GraphNode, words: readonly string[]): number {
  if (!words.length) return 0;
  const text = str(node, 'searchText');
  const titles = titleOf(node).map(normaliseText);
  const whole = normaliseKey(words.join(' '));
  let score = 0;
  for (const w of words) {
    if (text.includes(w)) score += 1;
    if (titles.some((t) => t.includes(w))) score += 2;
  }
  if (titles.some((t) => normaliseKey(t) === whole)) score += 5;
  return score;
}

/** Order within a kind when scores tie: evaluations newest first then by title, organisations by name, projects by code. */
function sortKey(node: GraphNode): string {
  const p = node.props;
  switch (node.label) {
    case 'Evaluation': return `${String(9999 - (typeof p.year === 'number' ? p.year : 0)).padStart(4, '0')} ${normaliseText(str(node, 'title'))}`;
    case 'Organization': return normaliseText(str(node, 'name'));
    case 'Project': return normaliseText(str(node, 'code') || str(node, 'title'));
    default: return '';
  }
}

/** Where a result sits in the order: score (high first), kind, sort key, id. */
type Position = readonly [score: number, kind: number, key: string, id: string];

function comparePositions(a: Position, b: Position): number {
  return b[0] - a[0] || a[1] - b[1] || compareIds(a[2], b[2]) || compareIds(a[3], b[3]);
}

const CURSOR_PREFIX = 'search:';

export function encodeSearchCursor(position: Position): string {
  return Buffer.from(CURSOR_PREFIX + JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined when it is not one of ours. */
export function decodeSearchCursor(cursor: string): Position | undefined {
  const raw = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!raw.startsWith(CURSOR_PREFIX)) return undefined;
  try {
    const value = JSON.parse(raw.slice(CURSOR_PREFIX.length)) as unknown;
    if (Array.isArray(value) && value.length === 4 && typeof value[0] === 'number' && typeof value[1] === 'number' && typeof value[2] === 'string' && typeof value[3] === 'string') return value as unknown as Position;
  } catch {
    // not ours
  }
  return undefined;
}

export interface SearchPageQuery {
  /** Words to find (each must be in the result's text, case and accents ignored); none lists everything. */
  readonly text?: string | null;
  /** Kinds of results listed (their order breaks score ties). */
  readonly labels: readonly ResultLabel[];
  /** Only results whose evaluation matches (evaluationFilter of a `where`). */
  readonly evaluations?: Filter;
  readonly first: number;
  readonly after?: Position;
}

export interface SearchPageHit extends SearchResult {
  readonly cursor: string;
}

export interface SearchPage {
  readonly hits: readonly SearchPageHit[];
  /** Results of the listed kinds, over all pages. */
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  /** Results of every kind for the same words and filters, whether listed or not. */
  readonly countsByLabel: readonly { label: ResultLabel; count: number }[];
  /** Facet counts over every result (not only this page), computed when first asked for. */
  readonly facets: () => Promise<Facets>;
}

export async function searchPage(reader: GraphReader, neighbours: NeighboursFn, query: SearchPageQuery): Promise<SearchPage> {
  const words = queryWords(query.text);
  // Other kinds reach their evaluations over up to three relationships: they are given the
  // matching evaluations by id, so each store checks a short filter rather than the whole
  // evaluation filter again at the end of every path.
  const matching = query.evaluations ? (await listAll(reader, 'Evaluation', query.evaluations)).nodes.map((n) => n.id) : undefined;
  const byId: Filter | undefined = matching ? { kind: 'ids', ids: matching } : undefined;
  const filters = new Map(RESULT_LABELS.map((label) => [label, resultFilter(label, words, label === 'Evaluation' ? query.evaluations : byId)]));
  const listed = new Set(query.labels);
  const [found, others] = await Promise.all([
    Promise.all(query.labels.map(async (label) => ({ label, ...(await listAll(reader, label, filters.get(label))) }))),
    Promise.all(RESULT_LABELS.filter((l) => !listed.has(l)).map(async (label) => ({ label, count: (await reader.list({ label, filter: filters.get(label), first: 1 })).totalCount }))),
  ]);
  const counts = new Map<ResultLabel, number>([...found.map((f) => [f.label, f.totalCount] as const), ...others.map((o) => [o.label, o.count] as const)]);
  const ranked = found
    .flatMap(({ label, nodes }) => nodes.map((node) => ({ node, position: [relevance(node, words), query.labels.indexOf(label), sortKey(node), node.id] as Position })))
    .sort((a, b) => comparePositions(a.position, b.position));
  const start = query.after ? ranked.findIndex((r) => comparePositions(r.position, query.after!) > 0) : 0;
  const from = start < 0 ? ranked.length : start;
  const page = ranked.slice(from, from + query.first);
  const queryText = words.join(' ');

  // Results count through their evaluations that match the filters (an organisation's other evaluations do not count).
  let facets: Promise<Facets> | undefined;
  const countAll = async () => {
    const within = matching ? new Set(matching) : undefined;
    const groups = new Map<string, string[]>();
    for (const { label, nodes } of found) {
      for (const [id, evals] of await evaluationsOf(neighbours, label, nodes)) groups.set(id, within ? evals.filter((e) => within.has(e)) : evals);
    }
    return countFacets(reader, neighbours, groups);
  };

  return {
    hits: page.map((r) => ({ node: r.node, score: r.position[0], cursor: encodeSearchCursor(r.position), ...snippetOf(displayText(r.node), queryText) })),
    totalCount: found.reduce((total, f) => total + f.totalCount, 0),
    hasNextPage: from + query.first < ranked.length,
    countsByLabel: RESULT_LABELS.map((label) => ({ label, count: counts.get(label) ?? 0 })),
    facets: () => (facets ??= countAll()),
  };
}
