import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.js';
import { removeDir, tempDir } from '../helpers/api.js';
import { storeContract } from './contract.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map(removeDir)));

storeContract('memory', {
  async create() {
    const dir = await tempDir();
    dirs.push(dir);
    const store = new MemoryStore({ dataDir: dir });
    await store.open();
    return store;
  },
});

const change = {
  nodes: [{ id: 'organization:ine', label: 'Organization' as const, props: { name: 'INE', matchKeys: ['ine'] } }],
  edges: [],
};

describe('memory store snapshots', () => {
  it('persists each write atomically and reloads it', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const store = new MemoryStore({ dataDir: dir });
    await store.open();
    await store.write(change);
    expect(await readdir(dir)).toEqual(['graph.json']); // no temporary file left behind
    const reopened = new MemoryStore({ dataDir: dir });
    await reopened.open();
    expect(await reopened.getNodes(['organization:ine'])).toEqual([change.nodes[0]]);
  });

  it('keeps the live graph unchanged when the snapshot cannot be written', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const dataDir = path.join(dir, 'data');
    const store = new MemoryStore({ dataDir });
    await store.open();
    await writeFile(dataDir, 'a file where the folder should be');
    await expect(store.write(change)).rejects.toThrow();
    expect(await store.status()).toMatchObject({ nodes: 0 });
    expect(await store.getNodes(['organization:ine'])).toEqual([null]);
  });

  it('refuses to start on a corrupt snapshot instead of serving an empty graph', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'graph.json'), '{"version":1,"graph":');
    await expect(new MemoryStore({ dataDir: dir }).open()).rejects.toThrow(/graph.json is not valid JSON/);
    expect(await readFile(path.join(dir, 'graph.json'), 'utf8')).toBe('{"version":1,"graph":'); // left for a person to inspect
  });
});
