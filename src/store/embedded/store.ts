/**
 * The embedded store: the graph in an embedded database (LMDB, database.ts) in DATA_DIR. It is
 * its own read side: nodes, relationships and every index are sorted key spaces, read with
 * point lookups and range scans in microseconds, straight from the memory-mapped file, so
 * nothing is loaded or rebuilt at start-up.
 *
 * Writes are transactions: `transaction(work)` runs `work` against the committed graph and
 * commits the change it returns only if no other writer (in this process or another one on the
 * same DATA_DIR) committed meanwhile; otherwise it runs `work` again. Concurrent writers thus
 * behave as if they wrote one after another, and each write costs what it changes. A commit is
 * acknowledged once it is on disk; a crash leaves the last committed state. Other processes'
 * commits are seen at once (LMDB readers see the latest commit on each new read).
 */
import { mkdir, readdir, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import { ABORT } from 'lmdb';
import { sortNameOf } from '../../domain/derived.js';
import { DATE_PROPERTIES, INDEXED_PROPERTIES, labelOfId, RELATIONSHIPS, SEARCHABLE_LABELS, type Direction, type GraphEdge, type GraphNode, type Label, type Props, type RelType } from '../../domain/model.js';
import { checkFilter, inRange, normaliseFilter, type Filter } from '../filter.js';
import { byNeighbourId, byPositionThenId, compareIds, sortValue } from '../order.js';
import type { Collaboration, GraphChange, GraphReader, GraphStore, ImmediateReads, ListPage, ListQuery, Neighbour, Neighbourhood, SearchHit, SearchQuery, StakeholderPath, StoreStatus, WalkControl, WriteSummary } from '../port.js';
import { StoreError, StoreWriteError } from '../port.js';
import { checkChangeSync, edgeKey, normaliseChange } from '../validate.js';
import { countingReads, LAYOUT_VERSION, openDatabases, prefixRange, type Databases, type Key, type ReadTally, type StoredNode } from './database.js';
import { indexText, PostingCache, removeText, searchText } from './textIndex.js';
import { StakeholderGraph, STAKEHOLDER_TYPES, type StakeholderType } from '../stakeholderGraph.js';
import type { RecommendationFacts } from '../recommendationFacts.js';
import { RecommendationFactsIndex } from './recommendationFacts.js';
import { ReadCache, type Adjacent as CachedRelationship } from './readCache.js';
import { mapPaced, pace } from '../pace.js';
import { hubsAround, participantsOf, participationSeeds, type Adjacent, type GraphView } from '../../domain/participation.js';
import type { Role } from '../../domain/roles.js';

export interface EmbeddedStoreOptions {
  /** The folder of the database (DATA_DIR). */
  readonly dataDir: string;
  /** Count every entry read from the database here (tests and benchmarks; database.ts, countingReads). */
  readonly readTally?: ReadTally;
}

const DATABASE_FILE = 'graph.mdb';
/** Changes kept in the log for other processes' caches. */
const LOG_KEPT = 10_000;
/** Free space below which the store says it is not ready: a write may need this much. */
const MIN_FREE_BYTES = 1024 * 1024;
/** Bump when what the store derives (participation, sort names) changes: a database derived otherwise is derived again at open. */
const DERIVED_VERSION = 1;
const RETRY = Symbol('retry');

export class EmbeddedStore implements GraphStore {
  readonly backend = 'memory' as const;
  private db: Databases | undefined;
  /** Writers of this process take turns; other processes are kept out by LMDB's write lock. */
  private writing: Promise<unknown> = Promise.resolve();
  private failure: string | undefined;
  /** The stakeholder graph in memory, and the commit it is up to date with. */
  private stakeholderGraph: StakeholderGraph | undefined;
  private stakeholderSeq = 0;
  private stakeholderLoad: Promise<void> | undefined;
  /** Recommendation facts, kept as they are asked for, and the commit they are up to date with. */
  private readonly factsIndex = new RecommendationFactsIndex({
    node: (id) => this.readCache.node(id, () => this.d.nodes.get(id)) ?? undefined,
    out: (id, type) => this.relationships(id, type as RelType, 'out').map((r) => ({ id: r.other, props: r.edge.props })),
    in: (id, type) => this.relationships(id, type as RelType, 'in').map((r) => r.other),
  });
  /** Nodes and relationship lists read lately, kept decoded until a commit touches them. */
  private readonly readCache = new ReadCache();
  /** The commit the read cache and the facts are up to date with. */
  private caughtUp = 0;
  /** Whether the current stretch of reads has its fresh read transaction (see `fresh`). */
  private freshInStretch = false;
  private readonly endStretch = (): void => {
    this.freshInStretch = false;
  };
  /** Decoded postings of common terms, kept until the next commit (textIndex.ts). */
  private readonly postingCache = new PostingCache();

  constructor(private readonly options: EmbeddedStoreOptions) {}

  get file(): string {
    return path.join(this.options.dataDir, DATABASE_FILE);
  }

  async open(): Promise<void> {
    await mkdir(this.options.dataDir, { recursive: true });
    await sweepTemporaryFiles(this.options.dataDir);
    try {
      const databases = openDatabases(this.file);
      this.db = this.options.readTally ? countingReads(databases, this.options.readTally) : databases;
      this.freshInStretch = false;
    } catch (error) {
      throw new StoreError(`cannot open the embedded database ${this.file}: ${(error as Error).message}`);
    }
    const layout = this.db.meta.get('layout');
    if (layout === undefined) {
      await this.db.meta.put('layout', LAYOUT_VERSION);
    } else if (layout !== LAYOUT_VERSION) {
      throw new StoreError(`the embedded database ${this.file} has layout ${String(layout)}; this version reads layout ${LAYOUT_VERSION}`);
    }
    if (this.db.meta.get('derived') !== DERIVED_VERSION) await this.rederive();
    await this.loadStakeholders();
  }

  /**
   * Derive again what the store derives (participation, stakeholders' sort names) for the whole
   * graph, in one transaction: for a database written by a version that derived less or
   * otherwise.
   */
  private async rederive(): Promise<void> {
    const d = this.d;
    await d.root.transaction(() => {
      const idsOf = (label: Label) => [...d.labels.getKeys(prefixRange([label]))].map((key) => (key as string[])[1]!);
      const nodes: GraphNode[] = [];
      for (const label of ['Organization', 'Project', 'Evaluation'] as const) {
        for (const id of idsOf(label)) {
          const stored = d.nodes.get(id)!;
          const sortName = sortNameOf(label, stored.p);
          if (sortName !== undefined && sortName !== stored.p.sortName) nodes.push({ id, label, props: { sortName } });
        }
      }
      const hubs = [...idsOf('Project'), ...idsOf('Evaluation')];
      if (nodes.length || hubs.length) this.apply({ nodes, edges: [] }, this.sequence() + 1, hubs);
      d.meta.putSync('derived', DERIVED_VERSION);
    });
    await d.root.flushed;
  }

  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    const db = this.db;
    this.db = undefined;
    await db?.root.close();
  }

  private get d(): Databases {
    if (!this.db) throw new StoreError('the embedded store is not open');
    return this.db;
  }

  /**
   * The databases, read from the latest commit of any process: the reads of one synchronous
   * stretch of work (until the next microtask) start from a fresh read transaction (lmdb-js
   * otherwise keeps one snapshot until the next timer tick), so what another process committed
   * a moment ago is there. Reads done together see one commit, and a page resolved from many
   * immediate reads checks for commits once, not once per read. A commit of this process
   * starts a new stretch: what awaited it reads what it wrote.
   */
  private get fresh(): Databases {
    const d = this.d;
    if (!this.freshInStretch) {
      d.root.resetReadTxn();
      this.catchUp(d);
      this.freshInStretch = true;
      queueMicrotask(this.endStretch);
    }
    return d;
  }

  /**
   * Bring what is kept in memory between reads (the read cache, the recommendation facts) up to
   * the commit being read: drop what every commit since touched (this process's and other
   * processes', from the log), or everything when the log no longer reaches back that far.
   */
  private catchUp(d: Databases): void {
    const seq = (d.meta.get('seq') as number | undefined) ?? 0;
    if (seq === this.caughtUp) return;
    if (!this.readCache.empty || !this.factsIndex.empty) {
      const entries = [];
      for (let s = this.caughtUp + 1; s <= seq; s++) {
        const entry = d.log.get(s);
        if (!entry) break;
        entries.push(entry);
      }
      if (entries.length === seq - this.caughtUp) {
        for (const entry of entries) {
          this.readCache.forget(entry);
          this.factsIndex.forget(entry);
        }
      } else {
        this.readCache.clear();
        this.factsIndex.clear();
      }
    }
    this.caughtUp = seq;
  }

  async status(): Promise<StoreStatus> {
    if (!this.db) return { backend: this.backend, ready: false, nodes: 0, edges: 0, detail: 'not open' };
    // A disk with (almost) no space left cannot take writes; after a failed write, ready again
    // once space was freed.
    const free = await freeBytes(this.options.dataDir);
    const diskFull = free !== undefined && free < MIN_FREE_BYTES;
    if (this.failure && free !== undefined && !diskFull) this.failure = undefined;
    const detail = this.failure ?? (diskFull ? `the disk of DATA_DIR has ${free} bytes free, less than the ${MIN_FREE_BYTES} a write may need` : undefined);
    void this.fresh;
    const counts = this.counts();
    return {
      backend: this.backend,
      ready: detail === undefined,
      nodes: [...counts.values()].reduce((a, b) => a + b, 0),
      edges: this.statedEdges(),
      ...(detail ? { detail } : {}),
    };
  }

  /** Relationships stated by changes (the derived participation links aside). */
  private statedEdges(): number {
    const all = (this.d.meta.get('edges') as number | undefined) ?? 0;
    let derived = 0;
    for (const key of this.d.labels.getKeys(prefixRange(['Organization']))) derived += this.d.out.getKeysCount(prefixRange([(key as string[])[1]!, 'PARTICIPATES_IN']));
    return all - derived;
  }

  /** The last committed change's number: it grows with every commit of any process. */
  sequence(): number {
    return (this.fresh.meta.get('seq') as number | undefined) ?? 0;
  }

  private counts(): Map<Label, number> {
    const out = new Map<Label, number>();
    for (const { key, value } of this.d.meta.getRange(prefixRange(['count']))) out.set((key as [string, Label])[1], value as number);
    return out;
  }

  private node(id: string): GraphNode | null {
    const stored = this.readCache.node(id, () => this.d.nodes.get(id));
    return stored ? { id, label: stored.l, props: stored.p } : null;
  }

  async getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    void this.fresh;
    return mapPaced(ids, (id) => this.node(id));
  }

  /** One node's neighbours read at once (no batch to wait for): from the read cache, else a few entries of the database. */
  readonly immediate: ImmediateReads = {
    neighbours: (id, type, direction) => {
      void this.fresh;
      return this.readCache.neighbours(id, type, direction, () => this.neighboursOf(id, type, direction));
    },
  };

  async neighbours(ids: readonly string[], type: RelType, direction: Direction): Promise<Neighbour[][]> {
    void this.fresh;
    return mapPaced(ids, (id) => this.neighboursOf(id, type, direction));
  }

  private neighboursOf(id: string, type: RelType, direction: Direction): Neighbour[] {
    const found: Neighbour[] = [];
    for (const { edge, other } of this.relationships(id, type, direction)) {
      const node = this.node(other);
      if (node) found.push({ edge, node });
    }
    return found;
  }

  /** A node's relationships of one type in one direction, in the port's order, through the read cache. */
  private relationships(id: string, type: RelType, direction: Direction): readonly CachedRelationship[] {
    return this.readCache.adjacent(id, type, direction, () => this.adjacentOf(id, type, direction));
  }

  /** A node's relationships of one type in one direction, from the database, in the port's order. */
  private adjacentOf(id: string, type: RelType, direction: Direction): CachedRelationship[] {
    const d = this.d;
    const found: CachedRelationship[] = [];
    if (direction === 'out') {
      for (const { key, value } of d.out.getRange(prefixRange([id, type]))) {
        const to = (key as string[])[2]!;
        found.push({ edge: { type, from: id, to, props: value }, other: to });
      }
      return found.sort((a, b) => byPositionThenId({ edge: a.edge, node: { id: a.other } } as Neighbour, { edge: b.edge, node: { id: b.other } } as Neighbour));
    }
    for (const key of d.in.getKeys(prefixRange([id, type]))) {
      const from = (key as string[])[2]!;
      const props = d.out.get([from, type, id]);
      if (props) found.push({ edge: { type, from, to: id, props }, other: from });
    }
    return found.sort((a, b) => compareIds(a.other, b.other));
  }

  async findByKeys(label: Label, keys: readonly string[]): Promise<GraphNode[][]> {
    void this.fresh;
    return keys.map((key) => this.idsByKey(label, key).map((id) => this.node(id)!).filter(Boolean));
  }

  private idsByKey(label: Label, key: string): readonly string[] {
    return this.readCache.idsByKey(label, key, () => [...this.d.keys.getKeys(prefixRange([label, key]))].map((k) => (k as string[])[2]!));
  }

  async list(query: ListQuery): Promise<ListPage> {
    void this.fresh;
    const filter = query.filter && normaliseFilter(query.filter);
    if (filter) checkFilter(filter);
    // A plain page in id order reads only its own entries of the label, after the cursor; the
    // total comes from the count kept per label.
    if (!filter && !query.orderBy) return this.plainPage(query);
    let ids: string[];
    if (!filter) {
      ids = this.labelIds(query.label);
    } else {
      const candidates = this.candidates(filter, [query.label]);
      const pool = candidates ? [...candidates].filter((id) => this.d.nodes.get(id)?.l === query.label).sort(compareIds) : this.labelIds(query.label);
      ids = pool.filter((id) => this.matches(id, filter));
    }
    let start: number;
    if (query.orderBy) {
      const { property, descending } = query.orderBy;
      const key = (id: string) => sortValue(this.d.nodes.get(id)?.p[property]);
      const sign = descending ? -1 : 1;
      const compare = (a: { id: string; value: string }, b: { id: string; value: string }) => sign * (compareIds(a.value, b.value) || compareIds(a.id, b.id));
      const keyed = ids.map((id) => ({ id, value: key(id) })).sort(compare);
      ids = keyed.map((k) => k.id);
      const after = query.after;
      start = after === undefined ? 0 : keyed.findIndex((k) => compare(k, typeof after === 'string' ? { id: after, value: key(after) } : after) > 0);
      if (start < 0) start = ids.length;
    } else {
      const after = query.after === undefined ? undefined : typeof query.after === 'string' ? query.after : query.after.id;
      start = after === undefined ? 0 : upperBound(ids, after);
    }
    const page = ids.slice(start, start + query.first);
    return { nodes: page.map((id) => this.node(id)!), totalCount: ids.length, hasNextPage: start + query.first < ids.length };
  }

  private plainPage(query: ListQuery): ListPage {
    const after = query.after === undefined ? undefined : typeof query.after === 'string' ? query.after : query.after.id;
    const { start, end } = prefixRange([query.label]);
    const ids: string[] = [];
    for (const key of this.d.labels.getKeys({ start: after === undefined ? start : [query.label, after], end, limit: query.first + 2 })) {
      const id = (key as string[])[1]!;
      if (id !== after) ids.push(id);
    }
    const page = ids.slice(0, query.first);
    return { nodes: page.map((id) => this.node(id)!), totalCount: (this.d.meta.get(['count', query.label]) as number | undefined) ?? 0, hasNextPage: ids.length > query.first };
  }

  private labelIds(label: Label): string[] {
    return [...this.d.labels.getKeys(prefixRange([label]))].map((k) => (k as string[])[1]!);
  }

  /**
   * The ids a filter can match, found through the indexes (names, indexed properties, ids, and
   * relationships from nodes so found), or undefined when it cannot be narrowed without a scan.
   * A superset: `matches` decides.
   */
  private candidates(filter: Filter, labels: readonly Label[]): Set<string> | undefined {
    const d = this.d;
    switch (filter.kind) {
      case 'ids':
        return new Set(filter.ids);
      case 'keys':
        return new Set(labels.flatMap((label) => filter.keys.flatMap((key) => this.idsByKey(label, key))));
      case 'eq':
      case 'range': {
        const indexed = labels.every((label) => (INDEXED_PROPERTIES[label] as readonly string[] | undefined)?.includes(filter.property));
        if (!indexed) return undefined;
        // A range with text bounds compares numbers as text, which the index (numbers before
        // text, each in its own order) cannot answer, except for dates, which are text.
        if (filter.kind === 'range' && [filter.from, filter.to].some((b) => typeof b === 'string') && !(DATE_PROPERTIES as readonly string[]).includes(filter.property)) return undefined;
        const out = new Set<string>();
        for (const label of labels) {
          const range =
            filter.kind === 'eq'
              ? prefixRange([label, filter.property, filter.value])
              : {
                  start: [label, filter.property, ...(filter.from !== undefined ? [filter.from] : [])] as Key,
                  end: [label, filter.property, ...(filter.to !== undefined ? [filter.to, '\uffff\uffff'] : ['\uffff\uffff'])] as Key,
                };
          for (const key of d.props.getKeys(range)) out.add((key as unknown[]).at(-1) as string);
        }
        return out;
      }
      case 'and': {
        let best: Set<string> | undefined;
        for (const f of filter.filters) {
          const c = this.candidates(f, labels);
          if (c && (!best || c.size < best.size)) best = c;
          if (best && best.size === 0) break;
        }
        return best;
      }
      case 'or': {
        const out = new Set<string>();
        for (const f of filter.filters) {
          const c = this.candidates(f, labels);
          if (!c) return undefined;
          c.forEach((id) => out.add(id));
        }
        return out;
      }
      case 'related': {
        if (!filter.node) return undefined;
        const rule = RELATIONSHIPS[filter.type];
        const ends = (filter.label ? [filter.label] : filter.direction === 'out' ? rule.to : rule.from) as readonly Label[];
        const others = this.candidates(filter.node, ends);
        if (!others) return undefined;
        const back: Direction = filter.direction === 'out' ? 'in' : 'out';
        const out = new Set<string>();
        for (const other of others) {
          if (!this.matches(other, filter.node)) continue;
          for (const n of this.neighboursOf(other, filter.type, back)) {
            if (!filter.edge || edgeMatches(n.edge.props, filter.edge)) out.add(n.node.id);
          }
        }
        return out;
      }
      default:
        return undefined;
    }
  }

  /** Whether a node matches a (normalised) filter, walking its relationships for `related`. */
  private matches(id: string, filter: Filter): boolean {
    const stored = this.d.nodes.get(id);
    if (!stored) return false;
    const props = stored.p;
    switch (filter.kind) {
      case 'and':
        return filter.filters.every((f) => this.matches(id, f));
      case 'or':
        return filter.filters.some((f) => this.matches(id, f));
      case 'not':
        return !this.matches(id, filter.filter);
      case 'eq':
      case 'range':
        return edgeMatches(props, filter);
      case 'text':
        return String(props.searchText ?? '').includes(filter.text);
      case 'keys': {
        const keys = props.matchKeys;
        return Array.isArray(keys) && filter.keys.some((k) => keys.includes(k));
      }
      case 'ids':
        return filter.ids.includes(id);
      case 'related': {
        const d = this.d;
        const check = (other: string, edgeProps: Props) => {
          if (filter.label && d.nodes.get(other)?.l !== filter.label) return false;
          if (filter.edge && !edgeMatches(edgeProps, filter.edge)) return false;
          return !filter.node || this.matches(other, filter.node);
        };
        if (filter.direction === 'out') {
          for (const { key, value } of d.out.getRange(prefixRange([id, filter.type]))) if (check((key as string[])[2]!, value)) return true;
          return false;
        }
        for (const key of d.in.getKeys(prefixRange([id, filter.type]))) {
          const from = (key as string[])[2]!;
          if (check(from, d.out.get([from, filter.type, id]) ?? {})) return true;
        }
        return false;
      }
    }
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const seq = this.sequence();
    return searchText(this.d, query.text, query.labels, query.limit, this.postingCache.at(seq)).map((hit) => ({ node: this.node(hit.id)!, score: hit.score })).filter((h) => h.node);
  }

  async recommendationFacts(ids: readonly string[]): Promise<(RecommendationFacts | null)[]> {
    const index = this.recommendationIndex();
    return ids.map((id) => index.facts(id));
  }

  async recommendationsAbout(themes: readonly string[]): Promise<(readonly string[])[]> {
    const index = this.recommendationIndex();
    return themes.map((theme) => index.about(theme));
  }

  /** The recommendation facts, up to date with the latest commit. */
  private recommendationIndex(): RecommendationFactsIndex {
    void this.fresh;
    return this.factsIndex;
  }

  /**
   * The stakeholder graph, brought up to date with every commit since it was last used (this
   * process's and other processes', from the log). Loaded whole at open, a slice at a time so
   * that a large graph never holds the event loop; loaded again only when it fell further
   * behind than the log reaches.
   */
  private async stakeholders(): Promise<StakeholderGraph> {
    const behind = () => this.sequence() > this.stakeholderSeq && !this.fresh.log.get(this.stakeholderSeq + 1);
    if (!this.stakeholderGraph || behind()) {
      this.stakeholderLoad ??= this.loadStakeholders().finally(() => (this.stakeholderLoad = undefined));
      await this.stakeholderLoad;
    }
    // Replay the commits since, a slice at a time (one import can touch thousands of links).
    const graph = this.stakeholderGraph!;
    const seq = this.sequence();
    let done = 0;
    const paced = async () => {
      if (++done % 100 === 0) await pace();
    };
    for (let s = this.stakeholderSeq + 1; s <= seq; s++) {
      const entry = this.fresh.log.get(s);
      if (!entry) continue;
      for (const [from, type, to] of entry.edges) {
        if ((STAKEHOLDER_TYPES as readonly string[]).includes(type)) this.loadStakeholderEdge(graph, from, type as StakeholderType, to);
        await paced();
      }
      for (const id of entry.nodes) {
        const stored = this.fresh.nodes.get(id);
        if (!stored) graph.dropNode(id);
        else if (graph.graph.hasNode(id)) graph.setNode(id, stored.l, stored.p.sortName as string | undefined);
        await paced();
      }
    }
    this.stakeholderSeq = Math.max(this.stakeholderSeq, seq);
    return graph;
  }

  /** Load the stakeholder graph whole: every organisation's PARTICIPATES_IN and PART_OF relationships. */
  private async loadStakeholders(): Promise<void> {
    const graph = new StakeholderGraph();
    // Commits during the load are replayed from the log afterwards.
    const seq = this.sequence();
    const orgs = [...this.fresh.labels.getKeys(prefixRange(['Organization']))].map((key) => (key as string[])[1]!);
    for (let i = 0; i < orgs.length; i++) {
      for (const type of STAKEHOLDER_TYPES) for (const k of this.fresh.out.getKeys(prefixRange([orgs[i]!, type]))) this.loadStakeholderEdge(graph, orgs[i]!, type, (k as string[])[2]!);
      if (i % 50 === 49) await pace();
    }
    this.stakeholderGraph = graph;
    this.stakeholderSeq = seq;
  }

  private loadStakeholderEdge(graph: StakeholderGraph, from: string, type: StakeholderType, to: string): void {
    const d = this.fresh;
    const props = d.out.get([from, type, to]);
    if (!props) return graph.dropEdge(type, from, to);
    const ends = [from, to].map((id) => {
      const stored = d.nodes.get(id);
      return { label: stored?.l ?? 'Organization', sortName: stored?.p.sortName as string | undefined };
    });
    graph.setEdge(type, from, to, props, ends);
  }

  async neighbourhood(start: string, options: { depth: number; maxNodes: number; roles?: readonly Role[] } & WalkControl): Promise<Neighbourhood> {
    const found = await (await this.stakeholders()).neighbourhood(start, options.depth, options.maxNodes, options.roles, options);
    const nodes = await mapPaced(found.nodes, (n) => ({ node: this.node(n.id)!, hop: n.hop }), options.signal);
    return { nodes: nodes.filter((n) => n.node).map((n) => ({ node: withoutLookupProps(n.node), hop: n.hop })), edges: found.edges, omitted: found.omitted };
  }

  async paths(from: string, to: string, options: { maxHops: number; first: number } & WalkControl): Promise<StakeholderPath[]> {
    const found = await (await this.stakeholders()).paths(from, to, options.maxHops, options.first, options);
    return mapPaced(found, (p) => ({ nodes: p.nodes.map((id) => this.node(id)!), edges: p.edges }), options.signal);
  }

  async collaborators(org: string, options: { first: number } & WalkControl): Promise<Collaboration[]> {
    const found = await (await this.stakeholders()).collaborators(org, options);
    return mapPaced(found.slice(0, options.first), (c) => ({ organization: this.node(c.id)!, shared: c.shared }), options.signal);
  }

  write(change: GraphChange): Promise<WriteSummary> {
    return this.transaction(async () => change);
  }

  /**
   * Run `work` against the committed graph and commit the change it returns, as one
   * transaction: if another writer committed after `work` began reading, `work` runs again on
   * the new state. Acknowledged once the commit is on disk.
   */
  transaction(work: (reader: GraphReader) => Promise<GraphChange>): Promise<WriteSummary> {
    // Writers of this process commit one after another; each is acknowledged once its commit
    // is on disk. Flushing overlaps the next writers' work (lmdb-js's overlapping sync), so
    // writers queued together share the cost of a flush.
    const committed = this.writing.catch(() => undefined).then(() => this.commit(work));
    this.writing = committed;
    return committed.then(async (summary) => {
      try {
        await this.d.root.flushed;
      } catch (error) {
        throw await this.writeFailed(error);
      }
      this.failure = undefined;
      return summary;
    });
  }

  /** Run `work` and commit its change, again on the new state while another process wrote meanwhile. */
  private async commit(work: (reader: GraphReader) => Promise<GraphChange>): Promise<WriteSummary> {
    for (let attempt = 1; ; attempt++) {
      const seq = this.sequence();
      const change = normaliseChange(await work(this));
      let refused: StoreError | undefined;
      let outcome: WriteSummary | typeof RETRY | typeof ABORT;
      try {
        outcome = await this.d.root.transaction(() => {
          if (this.sequence() !== seq) return RETRY;
          try {
            return this.apply(change, seq + 1);
          } catch (error) {
            // A change the model refuses: abort, so that none of it is committed.
            if (!(error instanceof StoreError)) throw error;
            refused = error;
            return ABORT;
          }
        });
      } catch (error) {
        throw await this.writeFailed(error);
      } finally {
        this.freshInStretch = false;
      }
      if (refused) throw refused;
      if (outcome !== RETRY) return outcome as WriteSummary;
      if (attempt >= 50) throw new StoreError('another process kept writing; gave up after 50 attempts');
    }
  }

  /** The database could not write (a full disk, an I/O error): nothing was committed. */
  private async writeFailed(error: unknown): Promise<StoreWriteError> {
    const cause = await writeFailure(error);
    this.failure = `the embedded database could not write: ${describeWriteFailure(cause)}`;
    return new StoreWriteError(this.failure, { cause });
  }

  /** Synchronous reads of the graph as it stands in the current transaction. */
  private view(): GraphView {
    const d = this.d;
    // A relationship's end exists (relationships go with their nodes), and its id names its
    // label: no need to read the node.
    const adjacent = (id: string, props: Props): Adjacent | undefined => {
      const label = labelOfId(id);
      return label ? { id, label, props } : undefined;
    };
    return {
      out: (id, type) => [...d.out.getRange(prefixRange([id, type]))].map(({ key, value }) => adjacent((key as string[])[2]!, value)).filter((a): a is Adjacent => !!a),
      in: (id, type) =>
        [...d.in.getKeys(prefixRange([id, type]))].map((key) => {
          const from = (key as string[])[2]!;
          return adjacent(from, d.out.get([from, type, id]) ?? {});
        }).filter((a): a is Adjacent => !!a),
      label: (id) => d.nodes.get(id)?.l,
    };
  }

  /** Apply a change inside the write transaction, keeping every index and participation, and log it. */
  private apply(change: GraphChange, seq: number, alsoHubs: readonly string[] = []): WriteSummary {
    const d = this.d;
    const view = this.view();
    // Only what the change really changes can change participation: a relationship stated
    // again as stored (a shared evaluator's employer, restated by every brief naming them) does not.
    const changes = (edge: { type: RelType; from: string; to: string; props?: Props }, deleted: boolean) => {
      const stored = d.out.get([edge.from, edge.type, edge.to]);
      if (deleted || !stored) return deleted === (stored !== undefined);
      return edge.props?.lead !== undefined && edge.props.lead !== stored.lead;
    };
    const seeds = new Set([...participationSeeds(change, changes), ...(change.deleteNodes ?? []).filter((id) => d.nodes.get(id)), ...alsoHubs]);
    const hubsBefore = hubsAround(view, seeds);
    checkChangeSync(change, (ids) => {
      const labels = new Map<string, Label>();
      for (const id of ids) {
        const stored = d.nodes.get(id);
        if (stored) labels.set(id, stored.l);
      }
      return labels;
    });
    const summary = { nodesCreated: 0, nodesUpdated: 0, edgesCreated: 0, edgesUpdated: 0, nodesDeleted: 0 };
    const touchedNodes = new Set<string>();
    const touchedEdges: [string, string, string][] = [];
    let edgeCount = (d.meta.get('edges') as number | undefined) ?? 0;
    const count = (label: Label, delta: number) => d.meta.putSync(['count', label], ((d.meta.get(['count', label]) as number | undefined) ?? 0) + delta);
    const removeEdge = (from: string, type: string, to: string) => {
      if (!d.out.removeSync([from, type, to])) return;
      d.in.removeSync([to, type, from]);
      edgeCount--;
      touchedEdges.push([from, type, to]);
    };

    for (const id of change.deleteNodes ?? []) {
      const stored = d.nodes.get(id);
      if (!stored) continue;
      for (const key of [...d.out.getKeys(prefixRange([id]))]) removeEdge(...(key as [string, string, string]));
      for (const key of [...d.in.getKeys(prefixRange([id]))]) {
        const [to, type, from] = key as [string, string, string];
        removeEdge(from, type, to);
      }
      this.unindexNode(id, stored);
      d.nodes.removeSync(id);
      count(stored.l, -1);
      summary.nodesDeleted++;
      touchedNodes.add(id);
    }
    for (const edge of change.deleteEdges ?? []) removeEdge(edge.from, edge.type, edge.to);

    for (const node of change.nodes) {
      const before = d.nodes.get(node.id);
      const props = withoutNulls({ ...(before?.p ?? {}), ...node.props });
      if (before) {
        summary.nodesUpdated++;
        // Stated again as stored (a shared institution every brief names): nothing to rewrite.
        if (before.l === node.label && sameProps(before.p, props)) continue;
        this.unindexNode(node.id, before);
      } else {
        count(node.label, 1);
        summary.nodesCreated++;
      }
      const stored: StoredNode = { l: node.label, p: props };
      d.nodes.putSync(node.id, stored);
      this.indexNode(node.id, stored);
      touchedNodes.add(node.id);
    }
    for (const edge of change.edges) {
      const before = d.out.get([edge.from, edge.type, edge.to]);
      d.out.putSync([edge.from, edge.type, edge.to], withoutNulls({ ...(before ?? {}), ...edge.props }));
      if (before) summary.edgesUpdated++;
      else {
        d.in.putSync([edge.to, edge.type, edge.from], null);
        edgeCount++;
        summary.edgesCreated++;
      }
      touchedEdges.push([edge.from, edge.type, edge.to]);
    }
    // Participation of every hub the change can have touched, before and after it.
    for (const hub of new Set([...hubsBefore, ...hubsAround(view, seeds)])) {
      if (!d.nodes.get(hub)) continue;
      const wanted = participantsOf(view, hub);
      for (const { id: org } of view.in(hub, 'PARTICIPATES_IN')) if (!wanted.has(org)) removeEdge(org, 'PARTICIPATES_IN', hub);
      for (const [org, p] of wanted) {
        const props: Props = { roles: [...p.roles], lead: p.lead };
        const before = d.out.get([org, 'PARTICIPATES_IN', hub]);
        if (before && JSON.stringify(before) === JSON.stringify(props)) continue;
        d.out.putSync([org, 'PARTICIPATES_IN', hub], props);
        if (!before) {
          d.in.putSync([hub, 'PARTICIPATES_IN', org], null);
          edgeCount++;
        }
        touchedEdges.push([org, 'PARTICIPATES_IN', hub]);
      }
    }
    d.meta.putSync('edges', edgeCount);
    d.meta.putSync('seq', seq);
    d.log.putSync(seq, { nodes: [...touchedNodes], edges: touchedEdges });
    if (seq > LOG_KEPT) d.log.removeSync(seq - LOG_KEPT);
    return summary;
  }

  /** Every node and relationship, in key order (for backups, exports and tests). */
  dump(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const d = this.d;
    return {
      nodes: [...d.nodes.getRange()].map(({ key, value }) => ({ id: key, label: value.l, props: value.p })),
      edges: [...d.out.getRange()].map(({ key, value }) => {
        const [from, type, to] = key as [string, RelType, string];
        return { type, from, to, props: value };
      }),
    };
  }

  private indexNode(id: string, node: StoredNode): void {
    const d = this.d;
    d.labels.putSync([node.l, id], null);
    for (const key of keysOf(node)) d.keys.putSync([node.l, key, id], null);
    for (const [property, value] of indexedValues(node)) d.props.putSync([node.l, property, value, id], null);
    if ((SEARCHABLE_LABELS as readonly string[]).includes(node.l)) indexText(d, id, node.l, typeof node.p.searchText === 'string' ? node.p.searchText : undefined);
  }

  private unindexNode(id: string, node: StoredNode): void {
    const d = this.d;
    d.labels.removeSync([node.l, id]);
    for (const key of keysOf(node)) d.keys.removeSync([node.l, key, id]);
    for (const [property, value] of indexedValues(node)) d.props.removeSync([node.l, property, value, id]);
    removeText(d, id);
  }
}

function keysOf(node: StoredNode): string[] {
  const keys = node.p.matchKeys;
  return Array.isArray(keys) ? [...new Set(keys as readonly string[])] : [];
}

/** The values of a node's indexed properties (a list property: each of its values). */
function indexedValues(node: StoredNode): [string, string | number | boolean][] {
  const out: [string, string | number | boolean][] = [];
  for (const property of (INDEXED_PROPERTIES[node.l] as readonly string[] | undefined) ?? []) {
    const value = node.p[property];
    if (Array.isArray(value)) for (const v of new Set(value as readonly string[])) out.push([property, v]);
    else if (value !== null && value !== undefined) out.push([property, value as string | number | boolean]);
  }
  return out;
}

/** Whether properties (of a node or a relationship) match property and range conditions. */
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

/** A null property means "no value": it is removed, as Neo4j does with `SET n += {key: null}`. */
function withoutNulls(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null && value !== undefined));
}

/** Temporary files earlier versions (or an interrupted copy) left in DATA_DIR. */
/** Whether two property maps hold the same values (lists and all, in order). */
function sameProps(a: Props, b: Props): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** Bytes free for this process on the disk holding `dir` (undefined where the system does not say). */
async function freeBytes(dir: string): Promise<number | undefined> {
  try {
    const stats = await statfs(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

/** A node of a neighbourhood: without its lookup keys and search text (port.ts, Neighbourhood). */
function withoutLookupProps(node: GraphNode): GraphNode {
  const { matchKeys: _keys, searchText: _text, ...props } = node.props;
  return { ...node, props };
}

async function sweepTemporaryFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (/^\..*\.tmp$/.test(name)) await rm(path.join(dir, name), { force: true });
  }
}

/** What made a commit fail: lmdb-js reports a failed commit with the write's error as a promise. */
async function writeFailure(error: unknown): Promise<unknown> {
  const commitError = (error as { commitError?: Promise<unknown> } | null)?.commitError;
  return commitError ? commitError.then(() => error, (cause: unknown) => cause) : error;
}

/** A failed write as the operator needs it: a full disk named as such. */
function describeWriteFailure(cause: unknown): string {
  const { message = String(cause), code } = (cause ?? {}) as { message?: string; code?: unknown };
  if (code === 28 || code === 'ENOSPC' || /no space left/i.test(message)) return 'no space left on the device (ENOSPC); nothing was written';
  return `${message.split('\n')[0]}; nothing was written`;
}
