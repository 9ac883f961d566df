/**
 * The store port: the only interface between the domain and a database. Kept small and
 * batched so that DataLoaders can serve every GraphQL relationship with one call per request
 * level, and so that the memory and Neo4j stores can be held to the same contract suite.
 */
import type { Direction, GraphEdge, GraphNode, Label, RelType, SearchableLabel } from '../domain/model.js';
import type { Filter } from './filter.js';
import type { Role } from '../domain/roles.js';
import type { RecommendationFacts } from './recommendationFacts.js';

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

/** The stakeholders around one (its neighbourhood in the stakeholder graph). */
export interface Neighbourhood {
  /**
   * Nearest first; then organisations before hubs; then by `sortName`, then id. Each node comes
   * without its `matchKeys` and `searchText` (a network holds hundreds: what it shows is names
   * and kinds; the whole node is a `getNodes` away).
   */
  readonly nodes: readonly { readonly node: GraphNode; readonly hop: number }[];
  /** PARTICIPATES_IN and PART_OF relationships among the nodes kept, by their key. */
  readonly edges: readonly GraphEdge[];
  /** Nodes within the depth that the node cap left out. */
  readonly omitted: number;
}

/** A path in the stakeholder graph: edges[i] joins nodes[i] and nodes[i + 1] (in either direction). */
export interface StakeholderPath {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** An organisation that shares hubs with another, with both participations in each. */
export interface Collaboration {
  readonly organization: GraphNode;
  /**
   * By the hub's `sortName`, then id. Hubs come as ids (an organisation may share thousands with
   * another): the nodes are a `getNodes` away, for those a caller shows.
   */
  readonly shared: readonly { readonly hub: string; readonly mine: GraphEdge; readonly theirs: GraphEdge }[];
}

/** How long a walk may run: aborted when the request's time is up. */
export interface WalkControl {
  readonly signal?: AbortSignal;
}

/** What reading the graph takes: the port's reads (a store, or a transaction's view of one). */
export type GraphReader = Pick<GraphStore, 'getNodes' | 'neighbours' | 'findByKeys' | 'list' | 'search'>;

/**
 * Reads a store in this process answers at once, without a round trip: the embedded store's.
 * A request's loaders use them in place of a batched call (graphql/loaders.ts), so a resolver
 * whose data is at hand returns it without waiting for the rest of its level; a store across
 * a network (Neo4j) has none, and its reads stay batched, one round trip per level.
 */
export interface ImmediateReads {
  /** As `neighbours`, for one node. The list may be shared with other reads: it is not to be changed. */
  neighbours(id: string, type: RelType, direction: Direction): readonly Neighbour[];
}

export interface GraphStore {
  readonly backend: Backend;
  /** Present when the store answers reads in this process (see ImmediateReads). */
  readonly immediate?: ImmediateReads;
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
  /** For each id, what scoring related recommendations needs of the recommendation (recommendationFacts.ts), null where there is none. */
  recommendationFacts(ids: readonly string[]): Promise<(RecommendationFacts | null)[]>;
  /** For each theme id, the ids of the recommendations about it, by id. */
  recommendationsAbout(themes: readonly string[]): Promise<(readonly string[])[]>;
  /**
   * The stakeholder graph (organisations and hubs joined by PARTICIPATES_IN, organisations to
   * parents by PART_OF; see domain/participation.ts), asked as graph questions each store
   * answers natively in a bounded number of round trips:
   *
   * - the neighbourhood of a node within `depth` links, cut at `maxNodes` (with `roles`, only
   *   links of those roles; PARENT or UNIT follow PART_OF);
   */
  neighbourhood(start: string, options: { depth: number; maxNodes: number; roles?: readonly Role[] } & WalkControl): Promise<Neighbourhood>;
  /** - the shortest simple paths between two nodes (at most `maxHops` links), shortest first, then by the `sortName`s along them, the first `first`; */
  paths(from: string, to: string, options: { maxHops: number; first: number } & WalkControl): Promise<StakeholderPath[]>;
  /** - the organisations sharing hubs with one, most shared hubs first, then by `sortName`, the first `first`. */
  collaborators(organization: string, options: { first: number } & WalkControl): Promise<Collaboration[]>;
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

export { StoreError, StoreWriteError } from './errors.js';
