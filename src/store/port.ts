/**
 * The store port: the only interface between the domain and a database. Kept small and
 * batched so that DataLoaders can serve every GraphQL relationship with one call per request
 * level, and so that the memory and Neo4j stores can be held to the same contract suite.
 */
import type { Direction, GraphEdge, GraphNode, Label, RelType } from '../domain/model.js';

export type Backend = 'memory' | 'neo4j';

export interface Neighbour {
  /** The relationship, in its stored direction. */
  readonly edge: GraphEdge;
  /** The node at the other end. */
  readonly node: GraphNode;
}

/** Equality filters on node properties; a list property matches when it contains the value. */
export type PropertyFilter = Readonly<Record<string, string | number | boolean>>;

export interface ListQuery {
  readonly label: Label;
  /** Case- and accent-insensitive substring of the node's `searchText`. */
  readonly text?: string;
  readonly where?: PropertyFilter;
  /** Only nodes with one of these ids. */
  readonly ids?: readonly string[];
  /** Page size (the caller validates bounds). */
  readonly first: number;
  /** Keyset cursor: return nodes whose id sorts after this id. */
  readonly after?: string;
}

export interface ListPage {
  readonly nodes: readonly GraphNode[];
  /** Number of nodes matching the query, ignoring `first` and `after`. */
  readonly totalCount: number;
  readonly hasNextPage: boolean;
}

/** A batch of upserts applied all-or-nothing. Node props given replace the stored ones key by key. */
export interface GraphChange {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface WriteSummary {
  readonly nodesCreated: number;
  readonly nodesUpdated: number;
  readonly edgesCreated: number;
  readonly edgesUpdated: number;
}

export interface StoreStatus {
  readonly backend: Backend;
  readonly ready: boolean;
  readonly nodes: number;
  readonly edges: number;
  readonly detail?: string;
}

export interface GraphStore {
  readonly backend: Backend;
  open(): Promise<void>;
  close(): Promise<void>;
  status(): Promise<StoreStatus>;
  /** Nodes by id, in the order asked, null where absent. */
  getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]>;
  /**
   * For each id, its neighbours over one relationship type in one direction. Outgoing
   * neighbours are ordered by the edge's `position` (the order of the source document), then
   * by id; incoming ones by id.
   */
  neighbours(ids: readonly string[], type: RelType, direction: Direction): Promise<Neighbour[][]>;
  /** For each key, the nodes of a label whose `matchKeys` contain it (keys are normalised with `normaliseKey`). */
  findByKeys(label: Label, keys: readonly string[]): Promise<GraphNode[][]>;
  /** A filtered page of one label's nodes, ordered by id. */
  list(query: ListQuery): Promise<ListPage>;
  /** Apply a change atomically: all of it is stored, or none of it and an error is thrown. */
  write(change: GraphChange): Promise<WriteSummary>;
}

/** Raised when a change or query breaks the model (unknown label, dangling edge...). */
export class StoreError extends Error {
  override name = 'StoreError';
}
