/**
 * Which store the running test project uses, and everything a test needs to use it the way the
 * product does. The store-dependent test files run twice (tests/vitest.config.ts): in the
 * "memory" project on the embedded store, and in the "neo4j" project on the live Neo4j that
 * tests/setup/neo4j.ts starts for the whole run. Other projects use the embedded store.
 *
 * A Neo4j community server has one user database, so the neo4j project runs its files one at a
 * time, and the database stands for a DATA_DIR: it is wiped whenever a process (the API, a CLI)
 * or an in-process store is started for a DATA_DIR other than the last one. A new DATA_DIR is
 * thus an empty store on both backends, and restarting on the same DATA_DIR finds the graph as
 * it was.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { EmbeddedStore } from '../../src/store/embedded/store.js';
import { Neo4jStore } from '../../src/store/neo4j/store.js';
import { fromNeo4jProps } from '../../src/store/neo4j/values.js';
import type { GraphStore } from '../../src/store/port.js';
import type { TestStoreKind } from '../setup/context.js';
import { tempDir } from './api.js';

export type { TestStoreKind };

/** The store the current test project runs on. */
export function testStoreKind(): TestStoreKind {
  return inject('graphStore') ?? 'memory';
}

/** The Bolt URI of the run's live Neo4j (auth disabled). */
export function neo4jUri(): string {
  const uri = inject('neo4jUri');
  if (!uri) throw new Error('no live Neo4j in this test project (only the "neo4j" project has one)');
  return uri;
}

/** Variables a child process must not inherit from the developer's shell on the test store. */
const STORE_VARIABLES = ['GRAPH_STORE', 'NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'];

let admin: Neo4jStore | undefined;
let owner: string | undefined;

async function adminStore(): Promise<Neo4jStore> {
  if (!admin) {
    const store = new Neo4jStore({ uri: neo4jUri(), username: 'neo4j', database: 'neo4j', connectAttempts: 3 });
    await store.open();
    admin = store;
  }
  return admin;
}

/** Give the Neo4j database to `dataDir`, wiping it unless it already belongs to it. */
async function claimNeo4j(dataDir: string): Promise<void> {
  if (owner === dataDir) return;
  await (await adminStore()).deleteEverything();
  owner = dataDir;
}

/**
 * The whole environment for a child process (the API, `npm run seed`, `npm run import`) on the
 * test store with this DATA_DIR; `extra` goes last. On neo4j it connects with no password (the
 * harness has auth disabled) and the database is wiped first when it belonged to another
 * DATA_DIR.
 */
export async function storeEnv(dataDir: string, extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of STORE_VARIABLES) delete env[name];
  if (testStoreKind() === 'neo4j') {
    await claimNeo4j(dataDir);
    Object.assign(env, { GRAPH_STORE: 'neo4j', NEO4J_URI: neo4jUri() });
  } else {
    env.GRAPH_STORE = 'memory';
  }
  return { ...env, DATA_DIR: dataDir, ...extra };
}

const opened: GraphStore[] = [];

/** Close what this module opened; tests/setup/stores.ts does it after each test file. */
export async function closeTestStores(): Promise<void> {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await admin?.close();
  admin = undefined;
  owner = undefined;
}

/**
 * An opened, empty store of the test project's kind, in this process (memory: in memory only;
 * neo4j: the live database, wiped). Closed after the test file (tests/setup/stores.ts).
 */
export async function createTestStore(): Promise<GraphStore> {
  let store: GraphStore;
  if (testStoreKind() === 'neo4j') {
    await claimNeo4j(`in-process store ${opened.length + 1}`);
    store = new Neo4jStore({ uri: neo4jUri(), username: 'neo4j', database: 'neo4j', connectAttempts: 3 });
  } else {
    store = new EmbeddedStore({ dataDir: await tempDir('meg-store-') });
  }
  await store.open();
  opened.push(store);
  return store;
}

export interface StoredGraph {
  readonly nodes: { id: string; labels: string[]; props: Record<string, unknown> }[];
  readonly edges: { type: string; from: string; to: string; props: Record<string, unknown> }[];
}

async function neo4jGraph(): Promise<StoredGraph> {
  const driver = neo4j.driver(neo4jUri(), neo4j.auth.basic('neo4j', ''), { disableLosslessIntegers: true });
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const nodes = await session.run('MATCH (n) WHERE NOT n:GraphMeta RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id');
    const edges = await session.run('MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY from, type, to');
    return {
      nodes: nodes.records.map((r) => ({ id: r.get('id'), labels: [...r.get('labels')].sort(), props: sortKeys(fromNeo4jProps(r.get('props'))) })),
      edges: edges.records.map((r) => ({ type: r.get('type'), from: r.get('from'), to: r.get('to'), props: sortKeys(fromNeo4jProps(r.get('props'))) })),
    };
  } finally {
    await session.close();
    await driver.close();
  }
}

function sortKeys<T extends Record<string, unknown>>(props: T): T {
  return Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}

/**
 * What is stored for DATA_DIR, as text that changes whenever the graph does: the embedded
 * store's snapshot file exactly as written, or a canonical dump of the Neo4j database. Like
 * reading the snapshot, it fails when nothing was ever stored.
 */
export async function storedGraphText(dataDir: string): Promise<string> {
  if (!(await isGraphStored(dataDir))) throw new Error(`nothing is stored for ${dataDir}`);
  return JSON.stringify(await storedGraph(dataDir));
}

/** Whether anything was ever stored for DATA_DIR (the store holds a node). */
export async function isGraphStored(dataDir: string): Promise<boolean> {
  if (testStoreKind() === 'memory') return existsSync(path.join(dataDir, 'graph.mdb')) && (await embeddedGraph(dataDir)).nodes.length > 0;
  if (owner !== dataDir) return false;
  return (await neo4jGraph()).nodes.length > 0;
}

/** Everything stored for DATA_DIR, in one shape for both stores (read while no process writes to it). */
export async function storedGraph(dataDir: string): Promise<StoredGraph> {
  return testStoreKind() === 'neo4j' ? neo4jGraph() : embeddedGraph(dataDir);
}

/** Everything an open in-process store holds (createTestStore), in the shape of storedGraph. */
export async function graphOf(store: GraphStore): Promise<StoredGraph> {
  if (store instanceof EmbeddedStore) return shaped(store.dump());
  return neo4jGraph();
}

/** The relationships stored for DATA_DIR, in one shape for both stores. */
export async function storedEdges(dataDir: string): Promise<StoredGraph['edges']> {
  return (await storedGraph(dataDir)).edges;
}

async function embeddedGraph(dataDir: string): Promise<StoredGraph> {
  const store = new EmbeddedStore({ dataDir });
  await store.open();
  try {
    return shaped(store.dump());
  } finally {
    await store.close();
  }
}

function shaped({ nodes, edges }: ReturnType<EmbeddedStore['dump']>): StoredGraph {
  return {
    nodes: nodes.map((n) => ({ id: n.id, labels: [n.label], props: sortKeys({ ...n.props }) })),
    edges: edges.map((e) => ({ type: e.type, from: e.from, to: e.to, props: sortKeys({ ...e.props }) })),
  };
}
