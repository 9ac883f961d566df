/**
 * The store port: the only interface between the domain and a database. Kept small and
 * batched so that DataLoaders can serve every GraphQL relationship with one call per request
 * level, and so that the memory and Neo4j stores can be held to the same contract suite.
 */
import type { Direction, GraphEdge, GraphNode, Label, RelType, SearchableLabel } from '../domain/model.js';
import type { Filter } from './filter.js';

export type Backend = 'memory' | 'neo4j';

export interface Neighbour {
  /** The relationship, in its stored direction. */
  readonly edge: GraphEdge;
  /** The node at the other end. */
  readonly node: GraphNode;
}

export interface ListQuery {
  readonly label: Label;
  /** Only nodes matching this filter (see filter.ts). */
  readonly filter?: Filter;
  /** Page size (the caller validates bounds). */
  readonly first: number;
  /**
   * Order by a property (compared as lower-case text, missing values last; ties by id), in place
   * of the default order by id.
   */
  readonly orderBy?: { readonly property: string; readonly descending: boolean };
  /** Keyset cursor: return nodes after this one in the order (its id, and its sort value when ordered). */
  readonly after?: string | { readonly id: string; readonly value: string };
}

export interface ListPage {
  readonly nodes: readonly GraphNode[];
  /** Number of nodes matching the query, ignoring `first` and `after`. */
  readonly totalCount: number;
  readonly hasNextPage: boolean;
}

export interface SearchQuery {
  /** Free text; matched term by term (case and accents ignored), ranked BM25-style. */
  readonly text: string;
  readonly labels: readonly SearchableLabel[];
  readonly limit: number;
}

export interface SearchHit {
  readonly node: GraphNode;
  /** Relevance as the store's full-text engine scores it (higher is better; not normalised). */
  readonly score: number;
}

/** A batch of upserts applied all-or-nothing. Node props given replace the stored ones key by key. */
export interface GraphChange {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Nodes removed, with their relationships, before the upserts. */
  readonly deleteNodes?: readonly string[];
  /** Relationships removed before the upserts (absent ones are ignored). */
  readonly deleteEdges?: readonly { readonly from: string; readonly type: RelType; readonly to: string }[];
}

export interface WriteSummary {
  readonly nodesCreated: number;
  readonly nodesUpdated: number;
  readonly edgesCreated: number;
  readonly edgesUpdated: number;
  readonly nodesDeleted: number;
}

export interface StoreStatus {
  readonly backend: Backend;
  readonly ready: boolean;
  readonly nodes: number;
  readonly edges: number;
  readonly detail?: string;
}

/** What reading the graph takes: the port's reads (a store, or a transaction's view of one). */
export type GraphReader = Pick<GraphStore, 'getNodes' | 'neighbours' | 'findByKeys' | 'list' | 'search'>;

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
  /** Full-text search over the `searchText` of the searchable labels, best first (ties by id). */
  search(query: SearchQuery): Promise<SearchHit[]>;
  /** Apply a change atomically: all of it is stored, or none of it and an error is thrown. */
  write(change: GraphChange): Promise<WriteSummary>;
  /**
   * Read and write as one transaction: `work` reads through `reader` and returns the change to
   * apply, which is applied atomically and only if nothing else was written meanwhile (else
   * `work` runs again, or the store serialises writers), so concurrent transactions give the
   * result of some serial order.
   */
  transaction(work: (reader: GraphReader) => Promise<GraphChange>): Promise<WriteSummary>;
}

/** Raised when a change or query breaks the model (unknown label, dangling edge...). */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** Raised when the database could not write (a full disk, an I/O error): nothing was written. */
export class StoreWriteError extends Error {
  override name = 'StoreWriteError';
}
