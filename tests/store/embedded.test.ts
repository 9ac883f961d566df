/**
 * The embedded store: the store contract, and what it owes as a database: a commit survives a
 * restart, a refused change writes nothing, several stores (processes) on one DATA_DIR see each
 * other's commits at once, and concurrent transactions behave as if they ran one at a time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphNode } from '../../src/domain/model.js';
import path from 'node:path';
import { openDatabases } from '../../src/store/embedded/database.js';
import { EmbeddedStore } from '../../src/store/embedded/store.js';
import { removeDir, tempDir } from '../helpers/api.js';
import { storeContract } from './contract.js';
import { stakeholderContract } from './stakeholderContract.js';

const dirs: string[] = [];
const stores: EmbeddedStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await Promise.all(dirs.map(removeDir));
});

async function openStore(dir?: string): Promise<EmbeddedStore> {
  const dataDir = dir ?? (await tempDir());
  if (!dir) dirs.push(dataDir);
  const store = new EmbeddedStore({ dataDir });
  await store.open();
  stores.push(store);
  return store;
}

storeContract('embedded', { create: () => openStore() });
stakeholderContract('embedded', { create: () => openStore() });

const org = (key: string, name: string): GraphNode => ({ id: `organization:${key}`, label: 'Organization', props: { name, matchKeys: [key], searchText: name.toLowerCase() } });

describe('the embedded database', () => {
  it('keeps what was committed across a restart', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const first = await openStore(dir);
    await first.write({ nodes: [org('ine', 'INE')], edges: [] });
    await first.close();
    const again = await openStore(dir);
    expect(await again.getNodes(['organization:ine'])).toEqual([org('ine', 'INE')]);
    expect(await again.status()).toMatchObject({ nodes: 1, edges: 0, ready: true });
  });

  it('writes nothing of a change it refuses', async () => {
    const store = await openStore();
    const bad = { nodes: [org('a', 'A')], edges: [{ type: 'PARTNERED_WITH' as const, from: 'project:none', to: 'organization:a', props: {} }] };
    await expect(store.write(bad)).rejects.toThrow(/start node does not exist/);
    expect(await store.getNodes(['organization:a'])).toEqual([null]);
    expect(await store.status()).toMatchObject({ nodes: 0 });
  });

  it('shows one store what another on the same DATA_DIR committed, at once', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const [a, b] = [await openStore(dir), await openStore(dir)];
    await a.write({ nodes: [org('udape', 'UDAPE')], edges: [] });
    expect((await b.findByKeys('Organization', ['udape']))[0]!.map((n) => n.id)).toEqual(['organization:udape']);
    await b.write({ nodes: [org('ine', 'INE')], edges: [] });
    expect((await a.list({ label: 'Organization', first: 10 })).totalCount).toBe(2);
  });

  it('answers immediate reads and key lookups with what any store on the same DATA_DIR committed since: a renamed node, a new relationship, a new key', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const [a, b] = [await openStore(dir), await openStore(dir)];
    const project = { id: 'project:p1', label: 'Project' as const, props: { title: 'P1', code: 'P1', searchText: 'p1', matchKeys: ['p1'] } };
    const partnered = (to: string) => ({ type: 'PARTNERED_WITH' as const, from: 'project:p1', to, props: {} });
    const partners = () => b.immediate.neighbours('project:p1', 'PARTNERED_WITH', 'out').map((n) => n.node.props.name);
    await a.write({ nodes: [project, org('one', 'One')], edges: [partnered('organization:one')] });
    expect(partners()).toEqual(['One']);
    // Asked again with nothing committed in between, the list is the one kept.
    await Promise.resolve();
    const kept = b.immediate.neighbours('project:p1', 'PARTNERED_WITH', 'out');
    expect(b.immediate.neighbours('project:p1', 'PARTNERED_WITH', 'out')).toBe(kept);
    await a.write({ nodes: [org('one', 'One renamed')], edges: [] });
    expect(partners()).toEqual(['One renamed']);
    // A natural key that named nothing when asked names the node another store adds.
    expect((await b.findByKeys('Organization', ['two']))[0]).toEqual([]);
    await a.write({ nodes: [org('two', 'Two')], edges: [partnered('organization:two')] });
    expect(partners()).toEqual(['One renamed', 'Two']);
    expect((await b.findByKeys('Organization', ['two']))[0]!.map((n) => n.id)).toEqual(['organization:two']);
    // The store's own commit too, read right after it.
    await b.write({ nodes: [org('three', 'Three')], edges: [partnered('organization:three')] });
    expect(partners()).toEqual(['One renamed', 'Three', 'Two']);
  });

  it('runs concurrent transactions as if one after another, across stores on one DATA_DIR', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const [a, b] = [await openStore(dir), await openStore(dir)];
    await a.write({ nodes: [{ id: 'organization:counter', label: 'Organization', props: { name: '0' } }], edges: [] });
    // Each transaction reads the counter and writes it plus one: no increment may be lost.
    const increment = (store: EmbeddedStore) =>
      store.transaction(async (reader) => {
        const [node] = await reader.getNodes(['organization:counter']);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        return { nodes: [{ id: 'organization:counter', label: 'Organization', props: { name: String(Number(node!.props.name) + 1) } }], edges: [] };
      });
    await Promise.all(Array.from({ length: 40 }, (_, i) => increment(i % 2 ? a : b)));
    expect((await a.getNodes(['organization:counter']))[0]!.props.name).toBe('40');
  });
  it('keeps its stakeholder graph up to date with what another store on the same DATA_DIR commits', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const [a, b] = [await openStore(dir), await openStore(dir)];
    const project = { id: 'project:p1', label: 'Project' as const, props: { code: 'P1' } };
    await a.write({ nodes: [project, org('ine', 'INE'), org('udape', 'UDAPE')], edges: [{ type: 'PARTNERED_WITH', from: 'project:p1', to: 'organization:ine', props: {} }] });
    const around = async () => (await b.neighbourhood('project:p1', { depth: 1, maxNodes: 10 })).nodes.map((n) => n.node.id);
    expect(await around()).toEqual(['project:p1', 'organization:ine']);
    await a.write({ nodes: [], edges: [{ type: 'PARTNERED_WITH', from: 'project:p1', to: 'organization:udape', props: {} }], deleteEdges: [{ type: 'PARTNERED_WITH', from: 'project:p1', to: 'organization:ine' }] });
    expect(await around()).toEqual(['project:p1', 'organization:udape']);
  });

  it('keeps search and recommendation facts up to date with what another store on the same DATA_DIR commits', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const [a, b] = [await openStore(dir), await openStore(dir)];
    const rec = (i: number, text: string): GraphNode => ({ id: `recommendation:r${i}`, label: 'Recommendation', props: { text, searchText: text.toLowerCase() } });
    // Enough recommendations holding "approval" that its postings are kept decoded between commits.
    await a.write({ nodes: Array.from({ length: 300 }, (_, i) => rec(i, `Plan time for the approval of agreement ${i}`)), edges: [] });
    const search = async (store: EmbeddedStore) => (await store.search({ text: 'approval', labels: ['Recommendation'], limit: 3 })).map((h) => h.node.id);
    expect(await search(a)).toEqual(await search(a));
    const before = await search(a);
    expect(before).toHaveLength(3);
    // Another process adds a better match and removes one that was shown.
    await b.write({ nodes: [rec(999, 'Approval, approval: approval first')], edges: [], deleteNodes: [before[0]!] });
    const after = await search(a);
    expect(after[0]).toBe('recommendation:r999');
    expect(after).not.toContain(before[0]);
    expect(after.slice(1)).toEqual(before.slice(1));

    // Facts asked on one store, then changed by the other.
    await a.write({ nodes: [{ id: 'theme:t', label: 'Theme', props: { name: 'T' } }], edges: [{ type: 'ABOUT', from: 'recommendation:r5', to: 'theme:t', props: {} }] });
    expect((await a.recommendationFacts(['recommendation:r5']))[0]).toMatchObject({ theme: 'theme:t' });
    expect(await a.recommendationsAbout(['theme:t'])).toEqual([['recommendation:r5']]);
    await b.write({ nodes: [], edges: [{ type: 'ABOUT', from: 'recommendation:r6', to: 'theme:t', props: {} }], deleteEdges: [{ type: 'ABOUT', from: 'recommendation:r5', to: 'theme:t' }] });
    expect((await a.recommendationFacts(['recommendation:r5']))[0]!.theme).toBeUndefined();
    expect(await a.recommendationsAbout(['theme:t'])).toEqual([['recommendation:r6']]);
  });

  it('derives participation again when it opens a database written by a version that did not', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const first = await openStore(dir);
    await first.write({ nodes: [{ id: 'project:p1', label: 'Project', props: { code: 'P1' } }, org('ine', 'INE')], edges: [{ type: 'PARTNERED_WITH', from: 'project:p1', to: 'organization:ine', props: { lead: true } }] });
    await first.close();
    // What an earlier version left: no PARTICIPATES_IN relationships, no mark of what was derived.
    const db = openDatabases(path.join(dir, 'graph.mdb'));
    await db.root.transaction(() => {
      db.out.removeSync(['organization:ine', 'PARTICIPATES_IN', 'project:p1']);
      db.in.removeSync(['project:p1', 'PARTICIPATES_IN', 'organization:ine']);
      db.meta.removeSync('derived');
      db.meta.putSync('edges', (db.meta.get('edges') as number) - 1);
    });
    await db.root.close();
    const again = await openStore(dir);
    const [[participation]] = [await again.neighbours(['organization:ine'], 'PARTICIPATES_IN', 'out')];
    expect(participation!.map((n) => [n.node.id, n.edge.props])).toEqual([['project:p1', { roles: ['PARTNER'], lead: true }]]);
    expect(await again.status()).toMatchObject({ nodes: 2, edges: 1 });
  });
});
