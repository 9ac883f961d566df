/**
 * Small helpers that follow a relationship through the request's loaders. They answer with a
 * value when the store had it at once (the embedded store) and with a promise when it is
 * batched (Neo4j): graphql-js and graphql-jit complete a plain value without a turn of the
 * microtask queue, which is most of what a field of a page costs.
 */
import type { Direction, GraphNode, Label, RelType } from '../../domain/model.js';
import { normaliseKey } from '../../domain/text.js';
import type { Filter } from '../../store/filter.js';
import { evaluationFilter, type EvaluationWhereInput } from '../../services/filters.js';
import { GraphQLError } from 'graphql';
import { suggest, SUGGESTION_KINDS, type SuggestionKind } from '../../services/suggestions.js';
import type { Neighbour } from '../../store/port.js';
import type { GraphContext } from '../context.js';
import { fromGlobalId } from '../globalId.js';

interface FromNode<T> {
  from(node: GraphNode): T;
}

/** A value, or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;

/** `next` (which returns a plain value) of the value: at once for a value, when it settles for a promise. */
export function andThen<T, U>(value: MaybePromise<T>, next: (value: T) => U): MaybePromise<U> {
  return value instanceof Promise ? (value.then(next) as Promise<U>) : next(value);
}

/** A node's neighbours over one relationship, those of `label` only when given. */
export function neighbours(ctx: GraphContext, nodeId: string, type: RelType, direction: Direction, label?: Label): MaybePromise<readonly Neighbour[]> {
  const found = ctx.loaders.neighboursOf(nodeId, type, direction);
  return label ? andThen(found, (all) => all.filter((n) => n.node.label === label)) : found;
}

export function relatedList<T>(ctx: GraphContext, nodeId: string, type: RelType, direction: Direction, cls: FromNode<T>, label?: Label): MaybePromise<T[]> {
  return andThen(neighbours(ctx, nodeId, type, direction, label), (found) => found.map((n) => cls.from(n.node)));
}

export function relatedOne<T>(ctx: GraphContext, nodeId: string, type: RelType, direction: Direction, cls: FromNode<T>, label?: Label): MaybePromise<T | null> {
  return andThen(neighbours(ctx, nodeId, type, direction, label), ([first]) => (first ? cls.from(first.node) : null));
}

/** Every node of a label, page by page (small vocabularies: criteria, themes, regions). */
export async function allNodes(ctx: GraphContext, label: Label, filter?: Filter): Promise<GraphNode[]> {
  const nodes: GraphNode[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await ctx.store.list({ label, first: 100, after, filter });
    nodes.push(...page.nodes);
    if (!page.hasNextPage || !page.nodes.length) return nodes;
    after = page.nodes.at(-1)!.id;
  }
}

/** The node ids behind the global ids of a `where: { ids }` filter (undefined when not given). */
export function idsFilter(ids: readonly string[] | null | undefined, label: Label): string[] | undefined {
  return ids ? ids.map((id) => fromGlobalId(id, [label], 'where.ids').nodeId) : undefined;
}

/**
 * Refuse a name no node of the label answers to (a typo would otherwise silently match nothing);
 * the error's `extensions.suggestions` lists the closest names the graph holds ("did you mean").
 */
export async function mustName(ctx: GraphContext, label: Label, name: string, argument: string): Promise<void> {
  const [found = []] = await ctx.store.findByKeys(label, [normaliseKey(name)]);
  if (found.length) return;
  const kind = (Object.keys(SUGGESTION_KINDS) as SuggestionKind[]).find((k) => SUGGESTION_KINDS[k] === label);
  const close = kind ? await suggest(ctx.store, name, [kind], 3) : [];
  // Only the names about as close as the closest.
  const suggestions = close.filter((s) => s.similarity >= close[0]!.similarity - 0.15).map((s) => s.value);
  const message = `${argument.replace(/^where\./, '')}: no ${label.toLowerCase()} is called "${name}"${suggestions.length ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?)` : ''}`;
  throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument, suggestions } });
}

/** The filter tree of an `EvaluationWhere` (ids decoded, nested `and` too), refusing a criterion no node is called. */
export async function evaluationWhereFilter(ctx: GraphContext, where: EvaluationWhereInput | null | undefined, argument = 'where'): Promise<Filter | undefined> {
  if (!where) return undefined;
  const decode = async (w: EvaluationWhereInput, at: string): Promise<EvaluationWhereInput> => {
    if (w.rating) await mustName(ctx, 'Criterion', w.rating.criterion, `${at}.rating.criterion`);
    return { ...w, ids: idsFilter(w.ids, 'Evaluation'), and: w.and ? await Promise.all(w.and.map((inner, i) => decode(inner, `${at}.and[${i}]`))) : undefined };
  };
  return evaluationFilter(await decode(where, argument));
}
