/** Small helpers that follow a relationship through the request's loaders. */
import type { Direction, GraphNode, Label, RelType } from '../../domain/model.js';
import { normaliseKey } from '../../domain/text.js';
import type { ListQuery, Neighbour } from '../../store/port.js';
import type { GraphContext } from '../context.js';
import { fromGlobalId } from '../globalId.js';

interface FromNode<T> {
  from(node: GraphNode): T;
}

export async function neighbours(ctx: GraphContext, nodeId: string, type: RelType, direction: Direction, label?: Label): Promise<Neighbour[]> {
  const found = await ctx.loaders.related(type, direction).load(nodeId);
  return label ? found.filter((n) => n.node.label === label) : found;
}

export async function relatedList<T>(ctx: GraphContext, nodeId: string, type: RelType, direction: Direction, cls: FromNode<T>, label?: Label): Promise<T[]> {
  return (await neighbours(ctx, nodeId, type, direction, label)).map((n) => cls.from(n.node));
}

export async function relatedOne<T>(ctx: GraphContext, nodeId: string, type: RelType, direction: Direction, cls: FromNode<T>, label?: Label): Promise<T | null> {
  const [first] = await neighbours(ctx, nodeId, type, direction, label);
  return first ? cls.from(first.node) : null;
}

/**
 * Ids of `label` nodes linked over `type` to a node found by one of its names: the general
 * way a `where` filter on a relationship (country, theme, audience) becomes an id set.
 */
export async function idsLinkedTo(ctx: GraphContext, target: Label, name: string, type: RelType, direction: Direction): Promise<string[]> {
  const [matches = []] = await ctx.store.findByKeys(target, [normaliseKey(name)]);
  if (!matches.length) return [];
  const linked = await ctx.store.neighbours(matches.map((m) => m.id), type, direction);
  return [...new Set(linked.flat().map((n) => n.node.id))];
}

/** Intersect optional id restrictions; undefined means unrestricted. */
export function intersect(...sets: (string[] | undefined)[]): string[] | undefined {
  return sets.reduce<string[] | undefined>((acc, set) => (set === undefined ? acc : acc === undefined ? set : acc.filter((id) => set.includes(id))), undefined);
}

/** Every node of a label, page by page (for filters that start from all nodes of a label, and small vocabularies). */
export async function allNodes(ctx: GraphContext, label: Label, filter: Pick<ListQuery, 'where' | 'text'> = {}): Promise<GraphNode[]> {
  const nodes: GraphNode[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await ctx.store.list({ label, first: 100, after, ...filter });
    nodes.push(...page.nodes);
    if (!page.hasNextPage || !page.nodes.length) return nodes;
    after = page.nodes.at(-1)!.id;
  }
}

/** The node ids behind the global ids of a `where: { ids }` filter (undefined when not given). */
export function idsFilter(ids: readonly string[] | null | undefined, label: Label): string[] | undefined {
  return ids ? ids.map((id) => fromGlobalId(id, [label], 'where.ids').nodeId) : undefined;
}

/** A date range filter from optional bounds (undefined when neither is given). */
export function dateRange(property: string, from: string | null | undefined, to: string | null | undefined) {
  return from || to ? { property, from: from ?? undefined, to: to ?? undefined } : undefined;
}
