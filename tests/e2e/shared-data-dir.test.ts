/**
 * Several processes on one DATA_DIR, as a team runs them: the API serving while someone runs
 * `npm run import`, two imports started at once. Nothing one process commits is lost to
 * another, and the running API serves what the import committed without a restart. Runs on
 * each store (on Neo4j the processes share the database).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { gql, removeDir, runCli, startApi, tempDir } from '../helpers/api.js';
import { generatedRecord } from '../helpers/generate.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map(removeDir)));

/** A folder of `count` generated evaluation records, numbered from `from`. */
async function recordFolder(from: number, count: number): Promise<string> {
  const dir = await tempDir('meg-records-');
  dirs.push(dir);
  for (let i = from; i < from + count; i++) await writeFile(path.join(dir, `generated-${i}.yaml`), stringify(generatedRecord(i)));
  return dir;
}

const EDITOR = 'editor-token-shared-data-dir-0123';
const COUNT = `{ evaluations { totalCount } }`;

describe('processes sharing a DATA_DIR', () => {
  it('an import while the API runs is served at once, survives the API\'s next mutation, and a restart', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const env = { EDITOR_TOKENS: `team:${EDITOR}` };
    const api = await startApi({ dataDir, env });
    try {
      expect((await gql(api.url, COUNT)).data.evaluations.totalCount).toBe(1); // the seed
      const imported = await runCli('import', [await recordFolder(0, 30)], { DATA_DIR: dataDir });
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(/imported 30 of 30 file\(s\)/);
      // The running API sees the import's commits without a restart.
      expect((await gql(api.url, COUNT)).data.evaluations.totalCount).toBe(31);
      expect((await gql(api.url, `{ project(code: "GX0029") { code evaluations { recommendations { code } } } }`)).data.project).toEqual({ code: 'GX0029', evaluations: [{ recommendations: [{ code: 'A' }, { code: 'B' }, { code: 'C' }] }] });
      // A mutation of the API after the import keeps what the import wrote.
      const upsert = await gql(api.url, `mutation($record: JSONObject!) { upsertEvaluation(record: $record) { created } }`, { record: generatedRecord(100) }, { authorization: `Bearer ${EDITOR}` });
      expect(upsert.errors).toBeUndefined();
      expect((await gql(api.url, COUNT)).data.evaluations.totalCount).toBe(32);
    } finally {
      await api.stop();
    }
    const again = await startApi({ dataDir, env });
    try {
      expect((await gql(again.url, COUNT)).data.evaluations.totalCount).toBe(32);
      expect((await gql(again.url, `{ project(code: "GX0007") { code } }`)).data.project).toEqual({ code: 'GX0007' });
    } finally {
      await again.stop();
    }
  });

  it('two imports at once keep every evaluation of both', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const [first, second] = await Promise.all([recordFolder(1000, 60), recordFolder(2000, 60)]);
    const runs = await Promise.all([runCli('import', [first], { DATA_DIR: dataDir }), runCli('import', [second], { DATA_DIR: dataDir })]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/imported 60 of 60 file\(s\)/);
    }
    const noSeeds = path.join(dataDir, 'no-seeds');
    await mkdir(noSeeds);
    const api = await startApi({ dataDir, env: { SEEDS_DIR: noSeeds } });
    try {
      expect((await gql(api.url, COUNT)).data.evaluations.totalCount).toBe(120);
      // The institutions both named are one node each.
      expect((await gql(api.url, `{ organizations(where: { text: "Generated Evaluations" }) { totalCount } }`)).data.organizations.totalCount).toBe(1);
    } finally {
      await api.stop();
    }
  });
});
