/**
 * The Neo4j store: the store port in parameterised Cypher over neo4j-driver. Every statement
 * comes from the catalogue (graph/queries.cypher, graph/schema.cypher); reads are batched per
 * label and relationship type, pages are cut in the database, and a change is written in one
 * managed transaction (retried by the driver on transient errors) with UNWIND ... MERGE.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { labelOfId, RELATIONSHIPS, type Direction, type GraphEdge, type GraphNode, type Label, type RelType } from '../../domain/model.js';
import { normaliseText } from '../../domain/text.js';
import { terms } from '../../domain/terms.js';
import type { Collaboration, GraphChange, GraphReader, GraphStore, ListPage, ListQuery, Neighbour, Neighbourhood, SearchHit, SearchQuery, StakeholderPath, StoreStatus, WalkControl, WriteSummary } from '../port.js';
import { participationSeeds, ROLE_PRECEDENCE } from '../../domain/participation.js';
import type { Role } from '../../domain/roles.js';
import { StakeholderGraph } from '../stakeholderGraph.js';
import { StoreError } from '../port.js';
import { byNeighbourId, byPositionThenId, MISSING_SORT_VALUE, sortValue } from '../order.js';
import { checkChange, normaliseChange } from '../validate.js';
import { Catalogue, type Statement } from './catalogue.js';
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
}

type Row = Record<string, unknown>;

export class Neo4jStore implements GraphStore {
  readonly backend = 'neo4j' as const;
  private driver: Driver | undefined;
  private ready = false;
  private readonly catalogue = Catalogue.load();

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

  /** Create the constraints and indexes of graph/schema.cypher (idempotent). */
  async applySchema(): Promise<void> {
    const session = this.session('WRITE');
    try {
      for (const text of this.catalogue.schema) await session.run(this.checked({ name: 'schema', text }));
    } finally {
      await session.close();
    }
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
    const rows = await this.read((tx) => this.rows(tx, this.catalogue.statement('nodes.byKeys', { LABEL: label }), { keys: [...keys] }));
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
  async transaction(work: (reader: GraphReader) => Promise<GraphChange>): Promise<WriteSummary> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(async (tx) => {
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
   * The stakeholder graph, read whole (one statement) and walked in memory with the same
   * algorithms as the embedded store's.
   */
  private async stakeholderGraph(): Promise<StakeholderGraph> {
    const graph = new StakeholderGraph();
    const rows = await this.read((tx) => this.rows(tx, this.catalogue.statement('stakeholders.all'), {}));
    for (const row of rows) {
      const [from, to] = [row.from as string, row.to as string];
      graph.setEdge(row.type as 'PARTICIPATES_IN' | 'PART_OF', from, to, fromNeo4jProps(row.props), [
        { label: labelOfId(from)!, sortName: (row.fromName as string | null) ?? undefined },
        { label: labelOfId(to)!, sortName: (row.toName as string | null) ?? undefined },
      ]);
    }
    return graph;
  }

  async neighbourhood(start: string, options: { depth: number; maxNodes: number; roles?: readonly Role[] } & WalkControl): Promise<Neighbourhood> {
    const found = await (await this.stakeholderGraph()).neighbourhood(start, options.depth, options.maxNodes, options.roles, options);
    const nodes = await this.getNodes(found.nodes.map((n) => n.id));
    return { nodes: found.nodes.flatMap((n, i) => (nodes[i] ? [{ node: nodes[i]!, hop: n.hop }] : [])), edges: found.edges, omitted: found.omitted };
  }

  async paths(from: string, to: string, options: { maxHops: number; first: number } & WalkControl): Promise<StakeholderPath[]> {
    const found = await (await this.stakeholderGraph()).paths(from, to, options.maxHops, options.first, options);
    const nodes = new Map((await this.getNodes([...new Set(found.flatMap((p) => p.nodes))])).filter((n): n is GraphNode => n !== null).map((n) => [n.id, n]));
    return found.map((p) => ({ nodes: p.nodes.map((id) => nodes.get(id)!), edges: p.edges }));
  }

  async collaborators(organization: string, options: WalkControl = {}): Promise<Collaboration[]> {
    const found = await (await this.stakeholderGraph()).collaborators(organization, options);
    const nodes = new Map((await this.getNodes([...new Set(found.flatMap((c) => [c.id, ...c.shared.map((s) => s.hub)]))])).filter((n): n is GraphNode => n !== null).map((n) => [n.id, n]));
    return found.map((c) => ({ organization: nodes.get(c.id)!, shared: c.shared.map((s) => ({ hub: nodes.get(s.hub)!, mine: s.mine, theirs: s.theirs })) }));
  }

  /** Remove every node and relationship (used by the contract tests on a scratch database). */
  async deleteEverything(): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.executeWrite((tx) => tx.run(this.checked(this.catalogue.statement('test.deleteEverything')), {}));
    } finally {
      await session.close();
    }
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    if (!this.driver) throw new StoreError('the Neo4j store is not open');
    return this.driver.session({ database: this.options.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  /** Refuse any text the catalogue did not produce. */
  private checked(statement: Statement): string {
    if (!this.catalogue.issuedHere(statement)) throw new StoreError(`refusing to send a Cypher statement that is not in the catalogue (${statement.name})`);
    return statement.text;
  }

  private async rows(tx: ManagedTransaction, statement: Statement, params: Row): Promise<Row[]> {
    const result = await tx.run(this.checked(statement), { ...statement.params, ...params });
    return result.records.map((record) => record.toObject() as Row);
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

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

