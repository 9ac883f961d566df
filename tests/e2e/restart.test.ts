/** A restart on the same DATA_DIR finds the graph as it was, without re-seeding. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gqlData, removeDir, startApi, tempDir } from '../helpers/api.js';

const QUERY = `{ projects { totalCount edges { node { id code partners { organization { id acronym parent { acronym } } } evaluations { id findings { rating { score } } recommendations { id code } } } } } organizations { totalCount } }`;

let dataDir: string;
afterAll(async () => removeDir(dataDir));

describe('persistence', () => {
  it('keeps the graph across a restart on the same DATA_DIR', async () => {
    dataDir = await tempDir();
    const first = await startApi({ dataDir });
    const before = await gqlData(first.url, QUERY);
    expect(first.output()).toMatch(/empty store seeded/);
    expect(await first.stop()).toBe(0);

    // Second start: no seeds available at all, so whatever it serves came from the snapshot.
    const emptySeeds = path.join(dataDir, 'no-seeds');
    await mkdir(emptySeeds);
    const second = await startApi({ dataDir, env: { SEEDS_DIR: emptySeeds } });
    const after = await gqlData(second.url, QUERY);
    expect(second.output()).not.toMatch(/empty store seeded/);
    await second.stop();

    expect(after).toEqual(before);
    expect(after.projects.totalCount).toBe(1);
    expect(after.organizations.totalCount).toBe(10);
    expect(after.projects.edges[0].node.evaluations[0].recommendations).toHaveLength(6);
  });
});
