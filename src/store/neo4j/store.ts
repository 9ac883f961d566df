/**
 * The Neo4j store: the store port in parameterised Cypher over neo4j-driver. Every statement
 * comes from the catalogue (graph/queries.cypher, graph/schema.cypher); reads are batched per
 * label and relationship type, pages are cut in the database, the stakeholder questions
 * (neighbourhood, paths, collaborators) are one statement each walked by Neo4j, and a change is
 * written in one managed transaction (retried by the driver on transient errors) with
 * UNWIND ... MERGE.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { labelOfId, RELATIONSHIPS, type Direction, type GraphEdge, type GraphNode, type Label, type RelType } from '../../domain/model.js';
import { normaliseText } from '../../domain/text.js';
import { terms } from '../../domain/terms.js';
import type { Collaboration, GraphChange, GraphReader, GraphStore, ListPage, ListQuery, Neighbour, Neighbourhood, SearchHit, SearchQuery, StakeholderPath, StoreStatus, WalkControl, WriteSummary } from '../port.js';
import { participationSeeds, ROLE_PRECEDENCE } from '../../domain/participation.js';
import type { Role } from '../../domain/roles.js';
import { mapPaced } from '../pace.js';
import { StoreError } from '../port.js';
import { byNeighbourId, byPositionThenId, compareIds, MISSING_SORT_VALUE, sortValue } from '../order.js';
import { assembleFacts, type RawFacts, type RecommendationFacts } from '../recommendationFacts.js';
import { checkChange, normaliseChange } from '../validate.js';
import { Catalogue, MAX_HOPS, type Statement } from './catalogue.js';
import { compileFilter } from './filterCypher.js';
import { fromNeo4jNodeProps, fromNeo4jProps, toNeo4jProps } from './values.js';

export interface Neo4jStoreOptions {
  readonly uri: string;
  readonly username: string;
  readonly password?: string;
  readonly database: string;
  readonly connectAttempts?: number;
  readonly connectBackoffMs?: number;
  /** Called before each retry of the initial connection. */
  readonly onRetry?: (attempt: number, error: Error, delayMs: number) => void;
  /**
   * The transaction timeout of a walk (neighbourhood, paths, collaborators) asked with a signal:
   * Neo4j stops it there even when the caller's deadline is never heard of (default 60 s). The
   * signal itself stops it sooner: when it aborts, the session is closed, which resets the
   * connection and so ends the query on the server.
   */
  readonly walkTimeoutMs?: number;
}

type Row = Record<string, unknown>;

/** A statement as the store sent it. */
export interface SentStatement {
  readonly name: string;
  readonly text: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** What a store has sent to Neo4j: for tests (which pin and count it) and benchmarks. */
export interface Traffic {
  /** Statements sent (each one Bolt round trip). */
  statements: number;
  /** Transactions begun (each one more round trip, and one more commit or rollback). */
  transactions: number;
  /** Given every statement as it is sent, when set. */
  listener?: (sent: SentStatement) => void;
}

/** Labels of the stakeholder graph's nodes (organisations and hubs): the stakeholder statements match only these. */
const STAKEHOLDER_LABELS: readonly Label[] = ['Organization', 'Project', 'Evaluation'];

/**
 * The most paths one question asks: the path statement finds the 20 shortest (SHORTEST 20 in
 * stakeholders.paths), the API asks at most 20 (STAKEHOLDER_LIMITS.maxPaths).
 */
export const MAX_PATHS = 20;

/** What a walk stopped by its caller's deadline fails with (as the embedded store's, stakeholderGraph.ts). */
export const WALK_STOPPED = 'the walk was stopped: the request ran out of time';

/** Neo4j's codes for a transaction it ended at its timeout. */
const TIMED_OUT = /TransactionTimedOut/;

/** Walks one process sends Neo4j at once (see Neo4jStore.walk). */
const WALKS_AT_ONCE = 2;

export class Neo4jStore implements GraphStore {
  readonly backend = 'neo4j' as const;
  private driver: Driver | undefined;
  private ready = false;
  private readonly catalogue = Catalogue.load();
  /** Statements and transactions sent so far (see Traffic). */
  readonly traffic: Traffic = { statements: 0, transactions: 0 };
  /** The write of this process now running, or resolved: the next waits for it. */
  private writing: Promise<unknown> = Promise.resolve();
  /** Walks (networks, paths, collaborators) now sent, and those waiting their turn, in order. */
  private walksRunning = 0;
  private readonly walksWaiting: (() => void)[] = [];

  constructor(private readonly options: Neo4jStoreOptions) {}

  /** Connect (with bounded retries and exponential backoff) and apply the schema. */
  async open(): Promise<void> {
    const { uri, username, password, connectAttempts = 8, connectBackoffMs = 500 } = this.options;
    this.driver = neo4j.driver(uri, neo4j.auth.basic(username, password ?? ''), { disableLosslessIntegers: true, connectionTimeout: 5_000 });
    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= connectAttempts; attempt++) {
      try {
        await this.driver.verifyConnectivity({ database: this.options.database });
        lastError = undefined;
        break;
      } catch (error) {
        lastError = error as Error;
        if (attempt < connectAttempts) {
          const delay = connectBackoffMs * 2 ** (attempt - 1);
          this.options.onRetry?.(attempt, lastError, delay);
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    }
    if (lastError) {
      await this.driver.close().catch(() => undefined);
      this.driver = undefined;
      throw new StoreError(`cannot reach Neo4j at ${uri} (database "${this.options.database}") after ${connectAttempts} attempt(s): ${firstLine(lastError.message)}`);
    }
    await this.applySchema();
    this.ready = true;
  }

  /** Create the constraints and indexes of graph/schema.cypher (idempotent), and wait until they are online. */
  async applySchema(): Promise<void> {
    const session = this.session('WRITE');
    try {
      for (const text of this.catalogue.schema) {
        this.sent({ name: 'schema', text }, {});
        this.traffic.transactions++;
        await session.run(this.checked({ name: 'schema', text }));
      }
    } finally {
      await session.close();
    }
    await this.read((tx) => this.rows(tx, this.catalogue.statement('schema.awaitIndexes'), { seconds: neo4j.int(300) }));
  }

  async close(): Promise<void> {
    this.ready = false;
    await this.driver?.close();
    this.driver = undefined;
  }

  async status(): Promise<StoreStatus> {
    if (!this.driver || !this.ready) return { backend: this.backend, ready: false, nodes: 0, edges: 0, detail: 'not connected' };
    try {
      const [nodes, edges] = await this.read(async (tx) => [
        await this.count(tx, this.catalogue.statement('status.nodes'), {}),
        await this.count(tx, this.catalogue.statement('status.relationships'), {}),
      ]);
      return { backend: this.backend, ready: true, nodes, edges };
    } catch (error) {
      return { backend: this.backend, ready: false, nodes: 0, edges: 0, detail: firstLine((error as Error).message) };
    }
  }

  async getNodes(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    const found = new Map<string, GraphNode>();
    await this.read(async (tx) => {
      for (const [label, group] of groupByLabel(ids)) {
        const rows = await this.rows(tx, this.catalogue.statement('nodes.get', { LABEL: label }), { ids: group });
        for (const row of rows) found.set(row.id as string, { id: row.id as string, label, props: fromNeo4jNodeProps(row.props) });
      }
    });
    return ids.map((id) => found.get(id) ?? null);
  }

  async neighbours(ids: readonly string[], type: RelType, direction: Direction): Promise<Neighbour[][]> {
    const rule = RELATIONSHIPS[type];
    const allowed: readonly Label[] = direction === 'out' ? rule.from : rule.to;
    const byId = new Map<string, Neighbour[]>();
    await this.read(async (tx) => {
      for (const [label, group] of groupByLabel(ids)) {
        if (!allowed.includes(label)) continue; // no such relationship can touch this label
        const statement = direction === 'out' ? this.catalogue.statement('neighbours.out', { START: label, TYPE: type }) : this.catalogue.statement('neighbours.in', { END: label, TYPE: type });
        for (const row of await this.rows(tx, statement, { ids: group })) {
          const nodeId = row.nodeId as string;
          const neighbour: Neighbour = {
            edge: { type, from: row.from as string, to: row.to as string, props: fromNeo4jProps(row.edgeProps) },
            node: { id: nodeId, label: labelOfId(nodeId)!, props: fromNeo4jNodeProps(row.nodeProps) },
          };
          const list = byId.get(row.key as string) ?? [];
          list.push(neighbour);
          byId.set(row.key as string, list);
        }
      }
    });
    return ids.map((id) => (byId.get(id) ?? []).sort(direction === 'out' ? byPositionThenId : byNeighbourId));
  }

  async findByKeys(label: Label, keys: readonly string[]): Promise<GraphNode[][]> {
    if (!keys.length) return [];
    const searches = keyQueries(keys);
    const rows = searches.length ? await this.read((tx) => this.rows(tx, this.catalogue.statement('nodes.byKeys', { LABEL: label }), { searches })) : [];
    const nodes = rows.map((row) => ({ id: row.id as string, label, props: fromNeo4jNodeProps(row.props) }));
    return keys.map((key) => nodes.filter((n) => (n.props.matchKeys as readonly string[] | undefined)?.includes(key)).sort((a, b) => (a.id < b.id ? -1 : 1)));
  }

  async list(query: ListQuery): Promise<ListPage> {
    const where = compileFilter(query.filter, 'n', query.label);
    return this.read(async (tx) => {
      const totalCount = await this.count(tx, this.catalogue.statement('nodes.count', { LABEL: query.label }, where), {});
      const limit = neo4j.int(query.first + 1);
      const rows = query.orderBy
        ? await this.rows(tx, this.catalogue.statement(query.orderBy.descending ? 'nodes.pageDescending' : 'nodes.pageAscending', { LABEL: query.label }, where), {
            orderBy: query.orderBy.property,
            missing: MISSING_SORT_VALUE,
            after: query.after === undefined ? null : typeof query.after === 'string' ? await this.sortKeyOf(tx, query.label, query.after, query.orderBy.property) : query.after,
            limit,
          })
        : await this.rows(tx, this.catalogue.statement('nodes.page', { LABEL: query.label }, where), { after: typeof query.after === 'object' ? query.after.id : query.after ?? null, limit });
      const nodes = rows.slice(0, query.first).map((row) => ({ id: row.id as string, label: query.label, props: fromNeo4jNodeProps(row.props) }));
      return { nodes, totalCount, hasNextPage: rows.length > query.first };
    });
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const lucene = luceneQuery(query.text);
    if (!lucene) return [];
    const rows = await this.read((tx) =>
      this.rows(tx, this.catalogue.statement('search.fulltext'), { query: lucene, labels: [...query.labels], limit: neo4j.int(query.limit) }),
    );
    return rows.map((row) => ({ node: { id: row.id as string, label: labelOfId(row.id as string)!, props: fromNeo4jNodeProps(row.props) }, score: Number(row.score) }));
  }

  async recommendationFacts(ids: readonly string[]): Promise<(RecommendationFacts | null)[]> {
    if (!ids.length) return [];
    const rows = await this.read((tx) => this.rows(tx, this.catalogue.statement('recommendations.facts'), { ids: [...new Set(ids)] }));
    const found = new Map(rows.map((row) => [row.id as string, assembleFacts(row as unknown as RawFacts)]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async recommendationsAbout(themes: readonly string[]): Promise<(readonly string[])[]> {
    if (!themes.length) return [];
    const rows = await this.read((tx) => this.rows(tx, this.catalogue.statement('recommendations.about'), { ids: [...new Set(themes)] }));
    const found = new Map(rows.map((row) => [row.key as string, (row.ids as string[]).sort(compareIds)]));
    return themes.map((theme) => found.get(theme) ?? []);
  }

  /** The sort key of a stored node, for a cursor given as a bare id. */
  private async sortKeyOf(tx: ManagedTransaction, label: Label, id: string, property: string): Promise<{ id: string; value: string }> {
    const [row] = await this.rows(tx, this.catalogue.statement('nodes.get', { LABEL: label }), { ids: [id] });
    return { id, value: sortValue(fromNeo4jNodeProps(row?.props)[property]) };
  }

  write(change: GraphChange): Promise<WriteSummary> {
    return this.transaction(async () => change);
  }

  /**
   * Read and write in one transaction. Every write transaction first takes the write lock (a
   * single GraphMeta node it updates), so writers run one after another and what `work` reads
   * stays true until the change is committed; the driver retries the whole transaction on a
   * transient error.
   */
  /**
   * Writers of this process take turns, in the order they asked (other processes are kept out by
   * the lock node, writes.lock): an import's files are written in the order given, as on the
   * embedded store, instead of racing for the lock.
   */
  async transaction(work: (reader: GraphReader) => Promise<GraphChange>): Promise<WriteSummary> {
    const turn = this.writing.then(() => this.transact(work));
    this.writing = turn.catch(() => undefined);
    return turn;
  }

  private async transact(work: (reader: GraphReader) => Promise<GraphChange>): Promise<WriteSummary> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(async (tx) => {
        this.traffic.transactions++;
        await this.rows(tx, this.catalogue.statement('writes.lock'), {});
        // The reads of `work` run in this transaction, after the lock.
        const view = Object.create(this) as Neo4jStore;
        (view as unknown as { read: <T>(w: (t: ManagedTransaction) => Promise<T>) => Promise<T> }).read = (w) => w(tx);
        return this.apply(tx, normaliseChange(await work(view)));
      });
    } finally {
      await session.close();
    }
  }

  private async apply(tx: ManagedTransaction, change: GraphChange): Promise<WriteSummary> {
    {
      {
        await checkChange(change, async (ids) => {
          const labels = new Map<string, Label>();
          for (const [label, group] of groupByLabel(ids)) {
            for (const row of await this.rows(tx, this.catalogue.statement('nodes.existing', { LABEL: label }), { ids: group })) labels.set(row.id as string, label);
          }
          return labels;
        });
        const summary = { nodesCreated: 0, nodesUpdated: 0, edgesCreated: 0, edgesUpdated: 0, nodesDeleted: 0 };
        // Participation of the hubs around the change, as they were before it (domain/participation.ts).
        const seeds = participationSeeds(change);
        const hubsBefore = await this.hubsAround(tx, seeds);
        for (const [label, ids] of groupByLabel(change.deleteNodes ?? [])) {
          summary.nodesDeleted += await this.count(tx, this.catalogue.statement('nodes.delete', { LABEL: label }), { ids });
        }
        // Relationships to delete, grouped per type and endpoint labels.
        const endpointsOf = (e: { from: string; to: string }) => [labelOfId(e.from), labelOfId(e.to)] as const;
        for (const [, edges] of groupBy(change.deleteEdges ?? [], (e) => `${e.type}|${endpointsOf(e).join('|')}`)) {
          const [start, end] = endpointsOf(edges[0]!);
          const rule = RELATIONSHIPS[edges[0]!.type];
          if (!start || !end || !(rule.from as readonly Label[]).includes(start) || !(rule.to as readonly Label[]).includes(end)) continue; // no such relationship can exist
          await this.count(tx, this.catalogue.statement('relationships.delete', { START: start, TYPE: edges[0]!.type, END: end }), { rows: edges.map((e) => ({ from: e.from, to: e.to })) });
        }
        for (const [label, nodes] of groupBy(change.nodes, (n) => n.label)) {
          const rows = nodes.map((n) => ({ id: n.id, props: toNeo4jProps(n.props) }));
          const [result] = await this.rows(tx, this.catalogue.statement('nodes.merge', { LABEL: label as Label }), { rows });
          summary.nodesCreated += Number(result?.created ?? 0);
          summary.nodesUpdated += Number(result?.total ?? 0) - Number(result?.created ?? 0);
        }
        const endpointLabel = (id: string) => labelOfId(id)!;
        for (const [, edges] of groupBy(change.edges, (e) => `${e.type}|${endpointLabel(e.from)}|${endpointLabel(e.to)}`)) {
          const first = edges[0] as GraphEdge;
          const statement = this.catalogue.statement('relationships.merge', { START: endpointLabel(first.from), TYPE: first.type, END: endpointLabel(first.to) });
          const rows = edges.map((e) => ({ from: e.from, to: e.to, props: toNeo4jProps(e.props) }));
          const [result] = await this.rows(tx, statement, { rows });
          const total = Number(result?.total ?? 0);
          if (total !== edges.length) throw new StoreError(`expected to write ${edges.length} ${first.type} relationships, wrote ${total}`);
          summary.edgesCreated += Number(result?.created ?? 0);
          summary.edgesUpdated += total - Number(result?.created ?? 0);
        }
        await this.refreshParticipation(tx, new Set([...hubsBefore, ...(await this.hubsAround(tx, seeds))]));
        return summary;
      }
    }
  }

  /** The hubs whose participants a change around these nodes can change (as hubsAround in domain/participation.ts). */
  private async hubsAround(tx: ManagedTransaction, seeds: ReadonlySet<string>): Promise<Set<string>> {
    const byLabel = groupByLabel([...seeds]);
    const hubs = new Set<string>(byLabel.get('Project') ?? []);
    const evaluations = byLabel.get('Evaluation') ?? [];
    const recommendations = byLabel.get('Recommendation') ?? [];
    const persons = byLabel.get('Person') ?? [];
    if (evaluations.length || recommendations.length || persons.length) {
      for (const row of await this.rows(tx, this.catalogue.statement('participation.hubs'), { evaluations, recommendations, persons })) hubs.add(row.hub as string);
    }
    return hubs;
  }

  /** Rebuild the PARTICIPATES_IN relationships of these hubs from the roles (ROLE_RULES in Cypher). */
  private async refreshParticipation(tx: ManagedTransaction, hubs: ReadonlySet<string>): Promise<void> {
    const byLabel = groupByLabel([...hubs]);
    for (const label of ['Project', 'Evaluation'] as const) {
      const ids = byLabel.get(label);
      if (!ids?.length) continue;
      await this.count(tx, this.catalogue.statement('participation.clear', { LABEL: label }), { hubs: ids });
      await this.count(tx, this.catalogue.statement(label === 'Project' ? 'participation.projects' : 'participation.evaluations'), { hubs: ids, precedence: [...ROLE_PRECEDENCE] });
    }
  }

  /**
   * The neighbourhood of a stakeholder: one statement (stakeholders.neighbourhood), whatever
   * the depth. A node that is not a stakeholder has none (nor has any node within 0 links): it
   * is alone in it.
   */
  async neighbourhood(start: string, options: { depth: number; maxNodes: number; roles?: readonly Role[] } & WalkControl): Promise<Neighbourhood> {
    const depth = walkLength('depth', options.depth);
    if (!isStakeholder(start) || depth === 0) {
      const [node] = await this.getNodes([start]);
      return { nodes: node ? [{ node, hop: 0 }] : [], edges: [], omitted: 0 };
    }
    const roles = options.roles ? [...options.roles] : null;
    const statement = this.catalogue.statement('stakeholders.neighbourhood', { HOPS: depth });
    const params = { start, roles, partOf: !roles || roles.includes('PARENT') || roles.includes('UNIT'), maxNodes: neo4j.int(Math.max(0, options.maxNodes)) };
    // A row per node and per link, not one row of them all: the driver decodes a record at once,
    // and a record of hundreds of nodes would hold the event loop while it does.
    const rows = await this.walk(() => this.read((tx) => this.rows(tx, statement, params), options));
    return {
      nodes: await mapPaced(rows.filter((row) => row.node), (row) => ({ node: nodeOf(row.node as Row), hop: Number((row.node as Row).hop) }), options.signal),
      edges: await mapPaced(rows.filter((row) => row.edge), (row) => edgeOf(row.edge as Row), options.signal),
      omitted: Number(rows[0]?.omitted ?? 0),
    };
  }

  /** The shortest simple paths between two stakeholders: one statement (stakeholders.paths), whatever the length. */
  async paths(from: string, to: string, options: { maxHops: number; first: number } & WalkControl): Promise<StakeholderPath[]> {
    const maxHops = walkLength('maxHops', options.maxHops);
    if (!Number.isSafeInteger(options.first) || options.first > MAX_PATHS) throw new StoreError(`first must be a whole number of at most ${MAX_PATHS} on Neo4j, got ${options.first}`);
    if (options.first < 1) return [];
    if (!isStakeholder(from) || !isStakeholder(to) || maxHops === 0) {
      // Not in the stakeholder graph: only the path from a node to itself.
      const [node] = from === to ? await this.getNodes([from]) : [null];
      return node ? [{ nodes: [node], edges: [] }] : [];
    }
    const statement = this.catalogue.statement('stakeholders.paths', { HOPS: maxHops });
    const rows = await this.walk(() => this.read((tx) => this.rows(tx, statement, { from, to, first: neo4j.int(options.first) }), options));
    return rows.map((row) => ({ nodes: (row.nodes as Row[]).map(nodeOf), edges: (row.edges as Row[]).map(edgeOf) }));
  }

  /** The collaborators of an organisation: one statement (stakeholders.collaborators). */
  async collaborators(organization: string, options: { first: number } & WalkControl): Promise<Collaboration[]> {
    if (labelOfId(organization) !== 'Organization') return [];
    const rows = await this.walk(() => this.read((tx) => this.rows(tx, this.catalogue.statement('stakeholders.collaborators'), { organization, first: neo4j.int(options.first) }), options));
    return rows.map((c) => ({
      organization: nodeOf(c),
      shared: (c.shared as Row[]).map((s) => ({
        hub: s.hub as string,
        mine: { type: 'PARTICIPATES_IN', from: organization, to: s.hub as string, props: fromNeo4jProps(s.mine) },
        theirs: { type: 'PARTICIPATES_IN', from: c.id as string, to: s.hub as string, props: fromNeo4jProps(s.theirs) },
      })),
    }));
  }

  /** Remove every node and relationship (used by the contract tests on a scratch database). */
  async deleteEverything(): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.executeWrite((tx) => {
        this.traffic.transactions++;
        return this.rows(tx, this.catalogue.statement('test.deleteEverything'), {});
      });
    } finally {
      await session.close();
    }
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    if (!this.driver) throw new StoreError('the Neo4j store is not open');
    return this.driver.session({ database: this.options.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  }

  /**
   * Run `work` in a read transaction. With a signal (a walk asked for a request), the
   * transaction gets the walk timeout, and the signal's abort closes the session, which resets
   * the connection and ends the query on the server; either way the walk fails with
   * WALK_STOPPED, as the embedded store's does.
   */
  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>, control: WalkControl = {}): Promise<T> {
    const { signal } = control;
    if (signal?.aborted) throw new StoreError(WALK_STOPPED);
    const session = this.session('READ');
    const abort = () => void session.close().catch(() => undefined);
    signal?.addEventListener('abort', abort, { once: true });
    try {
      return await session.executeRead(
        (tx) => {
          // The driver runs this again after a transient error; not once the time is up.
          if (signal?.aborted) throw new StoreError(WALK_STOPPED);
          this.traffic.transactions++;
          return work(tx);
        },
        signal ? { timeout: this.options.walkTimeoutMs ?? 60_000 } : undefined,
      );
    } catch (error) {
      if (signal?.aborted) throw new StoreError(WALK_STOPPED);
      if (TIMED_OUT.test((error as { code?: string }).code ?? '')) throw new StoreError(`the walk was stopped: it ran longer than the ${this.options.walkTimeoutMs ?? 60_000} ms Neo4j allows it (walkTimeoutMs)`);
      throw error;
    } finally {
      signal?.removeEventListener('abort', abort);
      await session.close();
    }
  }

  /**
   * Walks take turns, WALKS_AT_ONCE at a time: a query of many aliased networks would otherwise
   * have Neo4j answer them all at once and their rows arrive together, and the driver decodes
   * what arrives in one go, holding the event loop (and /healthz) meanwhile. Neo4j gets no more
   * work at once than it has cores for.
   */
  private async walk<T>(run: () => Promise<T>): Promise<T> {
    if (this.walksRunning < WALKS_AT_ONCE) this.walksRunning++;
    else await new Promise<void>((resolve) => this.walksWaiting.push(resolve));
    try {
      return await run();
    } finally {
      // The turn passes to the next walk waiting, or the slot is freed.
      const next = this.walksWaiting.shift();
      if (next) next();
      else this.walksRunning--;
    }
  }

  /** Refuse any text the catalogue did not produce. */
  private checked(statement: Statement): string {
    if (!this.catalogue.issuedHere(statement)) throw new StoreError(`refusing to send a Cypher statement that is not in the catalogue (${statement.name})`);
    return statement.text;
  }

  private async rows(tx: ManagedTransaction, statement: Statement, params: Row): Promise<Row[]> {
    const text = this.checked(statement);
    const all = { ...statement.params, ...params };
    this.sent(statement, all);
    const result = await tx.run(text, all);
    // Paced: a walk's answer is a row per node, hundreds of them, and several may arrive at once.
    return mapPaced(result.records, (record) => record.toObject() as Row);
  }

  private sent(statement: Statement, params: Row): void {
    this.traffic.statements++;
    this.traffic.listener?.({ name: statement.name, text: statement.text, params });
  }

  private async count(tx: ManagedTransaction, statement: Statement, params: Row): Promise<number> {
    const [row] = await this.rows(tx, statement, params);
    return Number(row?.count ?? 0);
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}

/** Ids grouped by the label their prefix names; ids of no label are dropped (they match nothing). */
function groupByLabel(ids: readonly string[]): Map<Label, string[]> {
  const groups = new Map<Label, string[]>();
  for (const id of new Set(ids)) {
    const label = labelOfId(id);
    if (!label) continue;
    const list = groups.get(label) ?? [];
    list.push(id);
    groups.set(label, list);
  }
  return groups;
}

/**
 * Lucene refuses a query of more than 1024 clauses (IndexSearcher's maxClauseCount) with
 * TooManyClauses; a prefix counts as one clause (it is rewritten to a constant-score filter).
 */
export const MAX_LUCENE_CLAUSES = 1024;

/**
 * A Lucene query for the full-text index from free text: each word (already reduced to
 * [a-z0-9] by normalisation, so nothing needs escaping) and its stem as a prefix, OR-ed. The
 * index holds words as written, so the prefix is what finds their inflections ("delay*" finds
 * "delays" and "delayed", as the embedded store's stemmed index does), also when the word is
 * its own stem. A longer text than Lucene accepts keeps the clauses of its first words.
 */
export function luceneQuery(text: string): string {
  const clauses = new Set<string>();
  for (const word of normaliseText(text).split(/[^a-z0-9]+/)) {
    const [term] = terms(word);
    if (!term) continue;
    const adding = [word, `${term}*`].filter((c) => !clauses.has(c));
    if (clauses.size + adding.length > MAX_LUCENE_CLAUSES) break;
    for (const clause of adding) clauses.add(clause);
  }
  return [...clauses].join(' OR ');
}

/**
 * Lucene queries for the full-text index node_keys that find the nodes answering to any of
 * these keys: each key quoted (so the keyword analyzer takes it whole, spaces and all, with `\`
 * and `"` escaped), OR-ed, at most MAX_LUCENE_CLAUSES keys a query.
 */
export function keyQueries(keys: readonly string[]): string[] {
  const quoted = [...new Set(keys)].filter((k) => k.length > 0).map((k) => `"${k.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
  const queries: string[] = [];
  for (let i = 0; i < quoted.length; i += MAX_LUCENE_CLAUSES) queries.push(quoted.slice(i, i + MAX_LUCENE_CLAUSES).join(' OR '));
  return queries;
}

/** A walk's bound as a whole number the catalogue can write into a statement ({{HOPS}}). */
function walkLength(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_HOPS) throw new StoreError(`${name} must be a whole number from 0 to ${MAX_HOPS} on Neo4j, got ${value}`);
  return value;
}

function isStakeholder(id: string): boolean {
  const label = labelOfId(id);
  return label !== undefined && STAKEHOLDER_LABELS.includes(label);
}

/** A node returned as {id, props}. */
function nodeOf(row: Row): GraphNode {
  const id = row.id as string;
  return { id, label: labelOfId(id)!, props: fromNeo4jNodeProps(row.props) };
}

/** A relationship returned as {type, from, to, props}. */
function edgeOf(row: Row): GraphEdge {
  return { type: row.type as RelType, from: row.from as string, to: row.to as string, props: fromNeo4jProps(row.props) };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

