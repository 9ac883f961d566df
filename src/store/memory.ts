/**
 * The embedded store: a graphology multi-graph in process, persisted to `DATA_DIR` as an
 * atomic JSON snapshot. Writes are applied to a copy of the graph, the copy is persisted,
 * and only then does it replace the live graph, so a failed write leaves nothing behind.
 */
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { Direction, GraphNode, Label, Props, RelType } from '../domain/model.js';
import { normaliseText } from '../domain/text.js';
import MiniSearch from 'minisearch';
import { SEARCHABLE_LABELS } from '../domain/model.js';
import { terms } from '../domain/terms.js';
import type { GraphChange, GraphStore, ListPage, ListQuery, Neighbour, SearchHit, SearchQuery, StoreStatus, WriteSummary } from './port.js';
import { StoreError } from './port.js';
import { readFileIfExists, writeFileAtomic } from './snapshot.js';
import { byNeighbourId, byPositionThenId, compareIds, sortValue } from './order.js';
import { checkChange, edgeKey, normaliseChange } from './validate.js';
import { checkFilter, inRange, normaliseFilter, type Filter } from './filter.js';

interface NodeAttributes {
  label: Label;
  props: Props;
}
interface EdgeAttributes {
  type: RelType;
  props: Props;
}
type PropertyGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

const SNAPSHOT_VERSION = 1;

export interface MemoryStoreOptions {
  /** Folder of the snapshot; without it the store lives in memory only (tests). */
  readonly dataDir?: string;
}

export class MemoryStore implements GraphStore {
  readonly backend = 'memory' as const;
  private graph: PropertyGraph = newGraph();
  private byLabel = new Map<Label, string[]>();
  private textIndex = newTextIndex();
  private writing: Promise<unknown> = Promise.resolve();
  private opened = false;

  constructor(private readonly options: MemoryStoreOptions = {}) {}

  get snapshotFile(): string | undefined {
    return this.options.dataDir ? path.join(this.options.dataDir, 'graph.json') : undefined;
  }

  async open(): Promise<void> {
    const file = this.snapshotFile;
    const raw = file ? await readFileIfExists(file) : undefined;
    if (raw !== undefined) {
      let parsed: { version?: number; graph?: SerializedGraph<NodeAttributes, EdgeAttributes> };
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        throw new StoreError(`snapshot ${file} is not valid JSON (${(error as Error).message})`);
      }
      if (parsed.version !== SNAPSHOT_VERSION || !parsed.graph) {
        throw new StoreError(`snapshot ${file} has version ${String(parsed.version)}, expected ${SNAPSHOT_VERSION}`);
      }
      const graph = newGraph();
      graph.import(parsed.graph);
      this.graph = graph;
    }
    this.reindex();
    this.opened = true;
  }

  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    this.opened = false;
  }

  async status(): Promise<StoreStatus> {
    return { backend: this.backend, ready: this.opened, nodes: this.graph.order, edges: this.graph.size };
  }

  async getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.map((id) => (this.graph.hasNode(id) ? this.toNode(id) : null));
  }

  async neighbours(ids: readonly string[], type: RelType, direction: Direction): Promise<Neighbour[][]> {
    return ids.map((id) => {
      if (!this.graph.hasNode(id)) return [];
      const found: Neighbour[] = [];
      const visit = (_key: string, attrs: EdgeAttributes, source: string, target: string) => {
        if (attrs.type !== type) return;
        found.push({
          edge: { type, from: source, to: target, props: attrs.props },
          node: this.toNode(direction === 'out' ? target : source),
        });
      };
      if (direction === 'out') this.graph.forEachOutEdge(id, visit);
      else this.graph.forEachInEdge(id, visit);
      return found.sort(direction === 'out' ? byPositionThenId : byNeighbourId);
    });
  }

  async findByKeys(label: Label, keys: readonly string[]): Promise<GraphNode[][]> {
    const ids = this.byLabel.get(label) ?? [];
    return keys.map((key) =>
      ids.filter((id) => {
        const matchKeys = this.graph.getNodeAttributes(id).props.matchKeys;
        return Array.isArray(matchKeys) && matchKeys.includes(key);
      }).map((id) => this.toNode(id)),
    );
  }

  async list(query: ListQuery): Promise<ListPage> {
    const filter = query.filter && normaliseFilter(query.filter);
    if (filter) checkFilter(filter);
    const matches = (this.byLabel.get(query.label) ?? []).filter((id) => !filter || this.matches(id, filter));
    let start: number;
    if (query.orderBy) {
      const { property, descending } = query.orderBy;
      const key = (id: string) => sortValue(this.graph.getNodeAttributes(id).props[property]);
      const sign = descending ? -1 : 1;
      const compare = (a: { id: string; value: string }, b: { id: string; value: string }) => sign * (compareIds(a.value, b.value) || compareIds(a.id, b.id));
      const keyed = matches.map((id) => ({ id, value: key(id) })).sort(compare);
      matches.splice(0, matches.length, ...keyed.map((k) => k.id));
      const after = query.after;
      start = after === undefined ? 0 : keyed.findIndex((k) => compare(k, typeof after === 'string' ? { id: after, value: key(after) } : after) > 0);
      if (start < 0) start = matches.length;
    } else {
      start = query.after === undefined ? 0 : upperBound(matches, typeof query.after === 'string' ? query.after : query.after.id);
    }
    const page = matches.slice(start, start + query.first);
    return {
      nodes: page.map((id) => this.toNode(id)),
      totalCount: matches.length,
      hasNextPage: start + query.first < matches.length,
    };
  }

  /** Whether a node matches a (normalised) filter, walking its relationships for `related`. */
  private matches(id: string, filter: Filter): boolean {
    const props = this.graph.getNodeAttributes(id).props;
    switch (filter.kind) {
      case 'and':
        return filter.filters.every((f) => this.matches(id, f));
      case 'or':
        return filter.filters.some((f) => this.matches(id, f));
      case 'not':
        return !this.matches(id, filter.filter);
      case 'eq': {
        const actual = props[filter.property];
        return Array.isArray(actual) ? actual.includes(filter.value as string) : actual === filter.value;
      }
      case 'range':
        return inRange(props[filter.property], filter.from, filter.to);
      case 'text':
        return String(props.searchText ?? '').includes(filter.text);
      case 'keys': {
        const keys = props.matchKeys;
        return Array.isArray(keys) && filter.keys.some((k) => keys.includes(k));
      }
      case 'ids':
        return filter.ids.includes(id);
      case 'related': {
        let found = false;
        const visit = (_key: string, attrs: EdgeAttributes, source: string, target: string) => {
          if (found || attrs.type !== filter.type) return;
          const other = filter.direction === 'out' ? target : source;
          if (filter.label && this.graph.getNodeAttribute(other, 'label') !== filter.label) return;
          if (filter.edge && !edgeMatches(attrs.props, filter.edge)) return;
          if (filter.node && !this.matches(other, filter.node)) return;
          found = true;
        };
        if (filter.direction === 'out') this.graph.forEachOutEdge(id, visit);
        else this.graph.forEachInEdge(id, visit);
        return found;
      }
    }
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const labels = new Set<Label>(query.labels);
    const hits = this.textIndex.search(query.text, { filter: (result) => labels.has(result.label as Label) });
    return hits
      .sort((a, b) => b.score - a.score || compareIds(a.id as string, b.id as string))
      .slice(0, query.limit)
      .map((hit) => ({ node: this.toNode(hit.id as string), score: hit.score }));
  }

  write(change: GraphChange): Promise<WriteSummary> {
    const run = this.writing.catch(() => undefined).then(() => this.applyChange(change));
    this.writing = run;
    return run;
  }

  private async applyChange(input: GraphChange): Promise<WriteSummary> {
    const change = normaliseChange(input);
    await checkChange(change, async (ids) => {
      const labels = new Map<string, Label>();
      for (const id of ids) if (this.graph.hasNode(id)) labels.set(id, this.graph.getNodeAttribute(id, 'label'));
      return labels;
    });
    const next = this.graph.copy();
    const summary = { nodesCreated: 0, nodesUpdated: 0, edgesCreated: 0, edgesUpdated: 0, nodesDeleted: 0 };
    for (const id of change.deleteNodes ?? []) {
      if (!next.hasNode(id)) continue;
      next.dropNode(id);
      summary.nodesDeleted++;
    }
    for (const edge of change.deleteEdges ?? []) {
      const key = edgeKey(edge);
      if (next.hasEdge(key)) next.dropEdge(key);
    }
    for (const node of change.nodes) {
      if (next.hasNode(node.id)) {
        next.updateNodeAttribute(node.id, 'props', (props) => withoutNulls({ ...props, ...node.props }));
        summary.nodesUpdated++;
      } else {
        next.addNode(node.id, { label: node.label, props: withoutNulls(node.props) });
        summary.nodesCreated++;
      }
    }
    for (const edge of change.edges) {
      const key = edgeKey(edge);
      if (next.hasEdge(key)) {
        next.updateEdgeAttribute(key, 'props', (props) => withoutNulls({ ...props, ...edge.props }));
        summary.edgesUpdated++;
      } else {
        next.addEdgeWithKey(key, edge.from, edge.to, { type: edge.type, props: withoutNulls(edge.props) });
        summary.edgesCreated++;
      }
    }
    const file = this.snapshotFile;
    if (file) await writeFileAtomic(file, JSON.stringify({ version: SNAPSHOT_VERSION, graph: next.export() }));
    this.graph = next;
    for (const id of change.deleteNodes ?? []) if (this.textIndex.has(id)) this.textIndex.discard(id);
    this.reindex(change.nodes.map((n) => n.id));
    return summary;
  }

  /** Rebuild the per-label id lists, and the text index for the given nodes (all when omitted). */
  private reindex(changed?: readonly string[]): void {
    if (!changed) this.textIndex = newTextIndex();
    for (const id of changed ?? this.graph.nodes()) {
      const { label, props } = this.graph.getNodeAttributes(id);
      if (!(SEARCHABLE_LABELS as readonly string[]).includes(label) || typeof props.searchText !== 'string') continue;
      const doc = { id, label, text: props.searchText };
      if (this.textIndex.has(id)) this.textIndex.replace(doc);
      else this.textIndex.add(doc);
    }
    const byLabel = new Map<Label, string[]>();
    this.graph.forEachNode((id, attrs) => {
      const list = byLabel.get(attrs.label) ?? [];
      list.push(id);
      byLabel.set(attrs.label, list);
    });
    for (const list of byLabel.values()) list.sort(compareIds);
    this.byLabel = byLabel;
  }

  private toNode(id: string): GraphNode {
    const attrs = this.graph.getNodeAttributes(id);
    return { id, label: attrs.label, props: attrs.props };
  }
}

/** BM25 text index over the searchable nodes' `searchText`, with the shared term analysis. */
function newTextIndex(): MiniSearch<{ id: string; label: string; text: string }> {
  return new MiniSearch({
    fields: ['text'],
    storeFields: ['label'],
    tokenize: (text) => text.split(/[^a-z0-9\u00c0-\u024f]+/i),
    processTerm: (term) => terms(term)[0] ?? null,
    searchOptions: { combineWith: 'OR' },
  });
}

function newGraph(): PropertyGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
}

function upperBound(sorted: readonly string[], after: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a relationship's properties match a filter (property and range filters, combined with and/or/not). */
function edgeMatches(props: Props, filter: Filter): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.filters.every((f) => edgeMatches(props, f));
    case 'or':
      return filter.filters.some((f) => edgeMatches(props, f));
    case 'not':
      return !edgeMatches(props, filter.filter);
    case 'eq': {
      const actual = props[filter.property];
      return Array.isArray(actual) ? actual.includes(filter.value as string) : actual === filter.value;
    }
    case 'range':
      return inRange(props[filter.property], filter.from, filter.to);
    default:
      throw new StoreError(`a relationship filter takes property and range conditions, not "${filter.kind}"`);
  }
}

/** A null property means "no value": it is removed, as Neo4j does with `SET n += {key: null}`. */
function withoutNulls(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null));
}
