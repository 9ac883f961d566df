/**
 * Facet counts for evaluations: for each dimension a frontend filters by (year, country, region,
 * donor, thematic area, cross-cutting theme, scope, timing, level, rating), every value the
 * matching evaluations hold and how many of them hold it. Each value is one the `where` filter
 * takes as it is (services/filters.ts), and its count is exactly what that filter would add to
 * the query: ticking a value narrows the results to `count` of them.
 *
 * Written over the store port only (`list` with a filter tree, batched `neighbours`), so both
 * stores count the same way. Names match as the filters match them: a value counts an
 * evaluation when one of the evaluation's nodes answers to it (its `matchKeys` hold the
 * value's key), as `keys` filters do.
 *
 * The same counter serves search results of other kinds (a recommendation, finding or
 * organisation counts for a value when one of its evaluations has it): see `countFacets`.
 */
import { evaluationStage } from '../domain/ids.js';
import type { Direction, GraphEdge, GraphNode, Label, RelType } from '../domain/model.js';
import { normaliseKey } from '../domain/text.js';
import type { Filter } from '../store/filter.js';
import type { GraphReader, Neighbour } from '../store/port.js';
import type { NeighboursFn } from './graphWalk.js';

/** The dimensions, in the order frontends show them. */
export const FACET_DIMENSIONS = ['year', 'country', 'region', 'donor', 'thematicArea', 'crossCuttingTheme', 'scope', 'timing', 'level', 'rating'] as const;
export type FacetDimension = (typeof FACET_DIMENSIONS)[number];

export interface FacetValue {
  /** What to pass to the dimension's `where` field (for `rating`: `criterion` and `score` below). */
  readonly value: string;
  /** How to show it, when that differs from the value. */
  readonly label?: string;
  /** Results (evaluations, or results of another kind) having it. */
  readonly count: number;
  /** For `rating`: the criterion and the score. */
  readonly criterion?: string;
  readonly score?: number;
}

export type Facets = Record<FacetDimension, FacetValue[]>;

/** Most nodes a facet count or a search reads; past it, counts cover the first ones in id order. */
export const MAX_SCANNED = 20_000;
const PAGE = 2_000;

/** Every node of a label matching a filter (up to `cap`), in id order, one page call per 2,000. */
export async function listAll(reader: GraphReader, label: Label, filter: Filter | undefined, cap = MAX_SCANNED): Promise<{ nodes: GraphNode[]; totalCount: number }> {
  const nodes: GraphNode[] = [];
  let after: string | undefined;
  let totalCount = 0;
  for (;;) {
    const page = await reader.list({ label, filter, first: Math.min(PAGE, cap - nodes.length), after });
    totalCount = page.totalCount;
    nodes.push(...page.nodes);
    if (!page.hasNextPage || !page.nodes.length || nodes.length >= cap) return { nodes, totalCount };
    after = page.nodes.at(-1)!.id;
  }
}

const keysOf = (node: GraphNode): readonly string[] => (Array.isArray(node.props.matchKeys) ? (node.props.matchKeys as readonly string[]) : []);
const str = (node: GraphNode, key: string): string | undefined => (typeof node.props[key] === 'string' && node.props[key] ? (node.props[key] as string) : undefined);
const strs = (node: GraphNode, key: string): string[] => {
  const v = node.props[key];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : [];
};

/** Follow relationship steps from each id; for each start, the nodes reached, each with the last edge. */
async function follow(neighbours: NeighboursFn, ids: readonly string[], steps: readonly (readonly [RelType, Direction])[]): Promise<Map<string, Neighbour[]>> {
  // For each start, the ids reached so far (the start itself before the first step).
  let reached = new Map<string, Neighbour[] | string[]>(ids.map((id) => [id, [id]]));
  for (const [type, direction] of steps) {
    const at = [...new Set([...reached.values()].flatMap((list) => list.map((r) => (typeof r === 'string' ? r : r.node.id))))];
    const found = at.length ? await neighbours(at, type, direction) : [];
    const next = new Map(at.map((id, i) => [id, found[i] ?? []]));
    reached = new Map([...reached].map(([start, list]) => [start, list.flatMap((r) => next.get(typeof r === 'string' ? r : r.node.id) ?? [])]));
  }
  return reached as Map<string, Neighbour[]>;
}

/**
 * How a linked dimension reaches its nodes from an evaluation (any of the paths), which of
 * them count (the edge and node conditions the filter puts), and how a node is named.
 */
interface LinkedDimension {
  readonly paths: readonly (readonly (readonly [RelType, Direction])[])[];
  readonly accept?: (node: GraphNode, edge: GraphEdge) => boolean;
}

const IOM_THEME = (aspect: string) => (node: GraphNode, edge: GraphEdge) => edge.props.aspect === aspect && node.props.taxonomy === 'IOM';

/** The same relationship paths `evaluationFilter` follows for each named dimension. */
const LINKED: Record<'country' | 'region' | 'donor' | 'thematicArea' | 'crossCuttingTheme', LinkedDimension> = {
  country: { paths: [[['IN_COUNTRY', 'out']], [['EVALUATES', 'out'], ['IN_COUNTRY', 'out']]] },
  region: { paths: [[['IN_REGION', 'out']]] },
  donor: { paths: [[['FUNDED_BY', 'out']], [['EVALUATES', 'out'], ['FUNDED_BY', 'out']]] },
  thematicArea: { paths: [[['ABOUT', 'out']]], accept: IOM_THEME('thematic area') },
  crossCuttingTheme: { paths: [[['ABOUT', 'out']]], accept: IOM_THEME('cross-cutting theme') },
};

/** How a linked node is offered as a value: by its name (which is one of its keys), shown with its acronym. */
function nameOf(node: GraphNode): { value: string; label?: string } | undefined {
  const name = str(node, 'name') ?? str(node, 'code') ?? str(node, 'title');
  if (!name) return undefined;
  const acronym = str(node, 'acronym');
  return acronym && acronym !== name ? { value: name, label: `${name} (${acronym})` } : { value: name };
}

const STAGE_LABELS: Record<string, string> = { 'ex-post': 'Ex-post', final: 'Final', 'mid-term': 'Mid-term', 'real-time': 'Real-time', baseline: 'Baseline' };

/** The key a timing value is filtered by (services/filters.ts: a stage word, else the catalogue's wording). */
const timingKey = (value: string): string => {
  const stage = evaluationStage(value);
  return stage ? `stage:${stage}` : `timing:${value}`;
};

/** One dimension's tally: for each key, the results having it; for each key, the value to offer. */
class Tally {
  private readonly results = new Map<string, Set<string>>();
  private readonly offered = new Map<string, { value: string; label?: string; criterion?: string; score?: number }>();

  add(resultId: string, key: string): void {
    let set = this.results.get(key);
    if (!set) this.results.set(key, (set = new Set()));
    set.add(resultId);
  }

  offer(key: string, value: { value: string; label?: string; criterion?: string; score?: number }): void {
    if (!this.offered.has(key)) this.offered.set(key, value);
  }

  values(keyOfValue: (value: string, offered: { criterion?: string; score?: number }) => string): FacetValue[] {
    const out: FacetValue[] = [];
    const seen = new Set<string>();
    for (const offered of this.offered.values()) {
      const key = keyOfValue(offered.value, offered);
      const count = this.results.get(key)?.size ?? 0;
      // Two nodes offering one value (two organisations of one name) are one value.
      if (!count || seen.has(key)) continue;
      seen.add(key);
      out.push({ ...offered, count });
    }
    return out.sort((a, b) => b.count - a.count || (a.label ?? a.value).localeCompare(b.label ?? b.value) || a.value.localeCompare(b.value));
  }
}

/**
 * Facet counts over results: `groups` maps each result (an evaluation, or a result of another
 * kind) to the evaluations it belongs to; a result counts once for each value one of its
 * evaluations has.
 */
export async function countFacets(reader: GraphReader, neighbours: NeighboursFn, groups: ReadonlyMap<string, readonly string[]>): Promise<Facets> {
  const evalIds = [...new Set([...groups.values()].flat())];
  const evaluations = new Map((await reader.getNodes(evalIds)).flatMap((n) => (n ? [[n.id, n] as const] : [])));
  const resultsOf = new Map<string, string[]>();
  for (const [result, evals] of groups) for (const e of evals) (resultsOf.get(e) ?? resultsOf.set(e, []).get(e)!).push(result);
  const each = (evalId: string, fn: (result: string) => void) => (resultsOf.get(evalId) ?? []).forEach(fn);

  // Properties of the evaluation itself.
  const year = new Tally();
  const scope = new Tally();
  const timing = new Tally();
  const level = new Tally();
  for (const e of evaluations.values()) {
    if (typeof e.props.year === 'number') {
      const value = String(e.props.year);
      year.offer(value, { value });
      each(e.id, (r) => year.add(r, value));
    }
    for (const value of strs(e, 'scope')) {
      scope.offer(value, { value });
      each(e.id, (r) => scope.add(r, value));
    }
    const level_ = str(e, 'level');
    if (level_) {
      level.offer(level_, { value: level_ });
      each(e.id, (r) => level.add(r, level_));
    }
    // As the timing filter reads a value: a stage word filters by stage, other wordings by the catalogue's timing.
    const stage = str(e, 'stage');
    const wording = str(e, 'timing');
    if (stage) {
      timing.offer(`stage:${stage}`, { value: stage, label: STAGE_LABELS[stage] ?? stage });
      each(e.id, (r) => timing.add(r, `stage:${stage}`));
    }
    if (wording) {
      if (!evaluationStage(wording)) timing.offer(`timing:${wording}`, { value: wording });
      each(e.id, (r) => timing.add(r, `timing:${wording}`));
    }
  }

  // Dimensions reached over relationships, counted by the keys of the nodes reached.
  const linked = {} as Record<keyof typeof LINKED, Tally>;
  await Promise.all(
    (Object.keys(LINKED) as (keyof typeof LINKED)[]).map(async (dimension) => {
      const { paths, accept } = LINKED[dimension];
      const tally = (linked[dimension] = new Tally());
      for (const path of paths) {
        const reached = await follow(neighbours, evalIds, path);
        for (const [evalId, nodes] of reached) {
          for (const { node, edge } of nodes) {
            if (accept && !accept(node, edge)) continue;
            const offered = nameOf(node);
            if (offered) tally.offer(normaliseKey(offered.value), offered);
            for (const key of keysOf(node)) each(evalId, (r) => tally.add(r, key));
          }
        }
      }
    }),
  );

  // Ratings: a criterion (by any of its names) and a score.
  const rating = new Tally();
  const rated = await follow(neighbours, evalIds, [['HAS_FINDING', 'out'], ['ON_CRITERION', 'out']]);
  for (const [evalId, found] of rated) {
    for (const { node, edge } of found) {
      const score = edge.props.score;
      const criterion = str(node, 'name');
      if (typeof score !== 'number' || !criterion) continue;
      rating.offer(`${normaliseKey(criterion)}\u0000${score}`, { value: `${criterion}: ${score}`, label: `${criterion} ${score}${typeof edge.props.label === 'string' && edge.props.label ? ` (${edge.props.label})` : ''}`, criterion, score });
      for (const key of keysOf(node)) each(evalId, (r) => rating.add(r, `${key}\u0000${score}`));
    }
  }

  const byName = (value: string) => normaliseKey(value);
  const plain = (value: string) => value;
  return {
    year: year.values(plain),
    country: linked.country.values(byName),
    region: linked.region.values(byName),
    donor: linked.donor.values(byName),
    thematicArea: linked.thematicArea.values(byName),
    crossCuttingTheme: linked.crossCuttingTheme.values(byName),
    scope: scope.values(plain),
    timing: timing.values(timingKey),
    level: level.values(plain),
    rating: rating.values((_, o) => `${normaliseKey(o.criterion!)}\u0000${o.score}`),
  };
}

/** Facet counts among the evaluations matching a filter (services/filters.ts `evaluationFilter`). */
export async function evaluationFacets(reader: GraphReader, neighbours: NeighboursFn, filter: Filter | undefined): Promise<{ facets: Facets; totalCount: number }> {
  const { nodes, totalCount } = await listAll(reader, 'Evaluation', filter);
  const facets = await countFacets(reader, neighbours, new Map(nodes.map((n) => [n.id, [n.id]])));
  return { facets, totalCount };
}
