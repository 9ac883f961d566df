/**
 * Relay-style connections: `edges { cursor node }`, `pageInfo`, `totalCount`, paged with
 * `first`/`after`. Cursors are opaque and keyset-based (they encode the last node's id), so a
 * page never repeats or skips nodes when others are added before it.
 */
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Label } from '../domain/model.js';
import type { GraphStore, ListQuery } from '../store/port.js';
import { sortValue } from '../store/order.js';
import { inRange, userError } from './errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging.js';
import { fromNode, type Node } from './types/entities.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

@ObjectType('PageInfo', { simpleResolvers: true, description: 'Where a page sits in a connection.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more nodes follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether nodes precede this page (true when `after` was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the page; pass it as `after` to get the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many nodes to return (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the nodes after this cursor (`pageInfo.endCursor` of the previous page).' })
  after?: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declare the edge and connection types of one node type. */
export function connectionOf<T extends object>(NodeClass: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `A ${name} in a page of results.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => NodeClass, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} results.` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: 'The results on this page, in order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many results match, over all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

const CURSOR_PREFIX = 'cursor:';

/** Where a page starts: after this node (and, in an ordered listing, its sort value). */
export type CursorKey = { id: string; value?: string };

/** An opaque cursor: the node's id, plus its sort value when the listing is ordered. */
export function encodeCursor(nodeId: string, value?: string): string {
  return Buffer.from(CURSOR_PREFIX + (value === undefined ? nodeId : JSON.stringify([nodeId, value])), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  const raw = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!raw.startsWith(CURSOR_PREFIX)) throw userError(`"${cursor}" is not a cursor returned by this API`, 'after');
  const body = raw.slice(CURSOR_PREFIX.length);
  if (!body.startsWith('[')) return { id: body };
  try {
    const [id, value] = JSON.parse(body) as [unknown, unknown];
    if (typeof id === 'string' && typeof value === 'string') return { id, value };
  } catch {
    // falls through to the error below
  }
  throw userError(`"${cursor}" is not a cursor returned by this API`, 'after');
}

export function pageSize(first: number | null | undefined): number {
  return first === null || first === undefined ? DEFAULT_PAGE_SIZE : inRange(first, 1, MAX_PAGE_SIZE, 'first');
}

/**
 * One page of a label's nodes as a connection, filtered by a filter tree the store answers
 * (services/filters.ts builds them from `where` inputs). With `orderBy`
 * the page follows that order (ties by id), and cursors carry the sort value, so paging stays
 * stable when nodes are added before the cursor.
 */
export async function paginate<T extends Node>(
  store: GraphStore,
  label: Label,
  args: PageArgs,
  filter: Omit<ListQuery, 'label' | 'first' | 'after'> = {},
): Promise<ConnectionShape<T>> {
  const first = pageSize(args.first);
  const cursor = args.after ? decodeCursor(args.after) : undefined;
  const ordered = filter.orderBy;
  // A cursor from an ordered listing carries its value; one from the id order is just an id.
  const after = cursor === undefined ? undefined : ordered && cursor.value !== undefined ? { id: cursor.id, value: cursor.value } : cursor.id;
  const page = await store.list({ label, first, after, ...filter });
  const edges = page.nodes.map((node) => ({
    cursor: ordered ? encodeCursor(node.id, sortValue(node.props[ordered.property])) : encodeCursor(node.id),
    node: fromNode(node) as T,
  }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: cursor !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
