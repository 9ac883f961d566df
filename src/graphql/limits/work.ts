/**
 * What an expensive field may cost beyond the fields it returns: the graph it explores, the
 * texts it reads. A field declares it with `@Extensions(workCost(...))` as a function of its
 * arguments, in the same units as the rest of the query cost (about one node read), so a query
 * of sixty aliased six-hop path searches is refused before it runs while one is allowed.
 */

/** Assumed links from a node of the stakeholder graph, for estimating how far a search reaches. */
export const ASSUMED_FAN_OUT = 20;

export type WorkCost = (args: Readonly<Record<string, unknown>>) => number;

/** The field extension the cost estimator reads (see cost.ts). */
export const workCost = (cost: WorkCost): { workCost: WorkCost } => ({ workCost: cost });

/** The bounds of the stakeholder fields' arguments (an argument beyond them is refused by the field). */
export const STAKEHOLDER_LIMITS = { maxDepth: 4, maxNodes: 500, maxHops: 6, maxPaths: 20, maxCollaborators: 100 } as const;

const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
/** An argument as the field will take it: beyond its bound the field refuses it, so it costs no more than the bound. */
const bounded = (value: unknown, fallback: number, max: number) => Math.min(Math.max(num(value, fallback), 1), max);
const L = STAKEHOLDER_LIMITS;
const words = (value: unknown) => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean).length : 0);

/** The cost models of the expensive fields, next to one another so they can be compared. */
export const COSTS = {
  /** A bounded search from both ends: fan-out to the power of half the hops, from each end. */
  paths: (args) => 2 * ASSUMED_FAN_OUT ** Math.ceil(bounded(args.maxHops, 4, L.maxHops) / 2) + bounded(args.first, 3, L.maxPaths) * bounded(args.maxHops, 4, L.maxHops),
  /** Every node kept, with its links, at every depth. */
  network: (args) => bounded(args.maxNodes, 100, L.maxNodes) * bounded(args.depth, 2, L.maxDepth) * 10,
  /** Every project of the organisation, with every participant of each. */
  collaborators: (args) => 6_000 + bounded(args.first, 20, L.maxCollaborators) * 100,
  /** The candidates scored for each result. */
  related: (args) => 500 + num(args.first, 5) * 50 + words(args.text) * 50,
  /** Every word looked up in the index. */
  search: (args) => 100 + words(args.query) * 100 + num(args.first, 10) * 5,
  /** Every rated finding of the criterion. */
  ratingSummary: () => 1_000,
  /** Every matching evaluation, with its countries, regions, donors, themes and ratings. */
  facets: () => 3_000,
  /** Every result of the kinds asked for, ranked, plus the other kinds counted (and facets, when asked for). */
  searchResults: (args) => 2_000 + words(args.query) * 200 + bounded(args.first, 20, 100) * 5,
  /** Every name of the kinds asked for, compared with the text. */
  suggestions: () => 1_000,
} satisfies Record<string, WorkCost>;
