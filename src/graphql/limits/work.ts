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

const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const words = (value: unknown) => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean).length : 0);

/** The cost models of the expensive fields, next to one another so they can be compared. */
export const COSTS = {
  /** A bounded search from both ends: fan-out to the power of half the hops, from each end. */
  paths: (args) => 2 * ASSUMED_FAN_OUT ** Math.ceil(num(args.maxHops, 4) / 2) + num(args.first, 3) * num(args.maxHops, 4),
  /** Every node kept, with its links, at every depth. */
  network: (args) => num(args.maxNodes, 100) * num(args.depth, 2) * 10,
  /** Every project of the organisation, with every participant of each. */
  collaborators: (args) => 6_000 + num(args.first, 20) * 100,
  /** The candidates scored for each result. */
  related: (args) => 500 + num(args.first, 5) * 50 + words(args.text) * 50,
  /** Every word looked up in the index. */
  search: (args) => 100 + words(args.query) * 100 + num(args.first, 10) * 5,
  /** Every rated finding of the criterion. */
  ratingSummary: () => 1_000,
} satisfies Record<string, WorkCost>;
