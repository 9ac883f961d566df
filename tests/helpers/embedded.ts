/** An embedded store in a temporary DATA_DIR, removed when the test process ends. */
import { rmSync } from 'node:fs';
import { EmbeddedStore } from '../../src/store/embedded/store.js';
import { tempDir } from './api.js';

const dirs: string[] = [];
process.once('exit', () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export async function openEmbeddedStore(): Promise<EmbeddedStore> {
  const dir = await tempDir('meg-store-');
  dirs.push(dir);
  const store = new EmbeddedStore({ dataDir: dir });
  await store.open();
  return store;
}

export interface StoredGraph {
  readonly nodes: { id: string; labels: string[]; props: Record<string, unknown> }[];
  readonly edges: { type: string; from: string; to: string; props: Record<string, unknown> }[];
}

const sortKeys = (props: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1)));

/** What the embedded store in `dataDir` holds (read while no process writes to it). */
export async function storedGraph(dataDir: string): Promise<StoredGraph> {
  const store = new EmbeddedStore({ dataDir });
  await store.open();
  try {
    const { nodes, edges } = store.dump();
    return {
      nodes: nodes.map((n) => ({ id: n.id, labels: [n.label], props: sortKeys(n.props) })),
      edges: edges.map((e) => ({ type: e.type, from: e.from, to: e.to, props: sortKeys(e.props) })),
    };
  } finally {
    await store.close();
  }
}

/** The stored graph as text, to compare two moments. */
export const storedGraphText = async (dataDir: string) => JSON.stringify(await storedGraph(dataDir));
