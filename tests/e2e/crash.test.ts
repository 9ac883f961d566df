/**
 * Crashes during writes: the API is killed with SIGKILL while editors keep writing, again and
 * again on one DATA_DIR. After each restart every write the API acknowledged is there in full,
 * and a write it did not acknowledge is there in full or not at all, never in part.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { gql, removeDir, startApi, tempDir } from '../helpers/api.js';
import { generatedRecord } from '../helpers/generate.js';

const EDITOR = 'editor-token-crash-test-0123456789';
const ROUNDS = 6;
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map(removeDir)));

/** What is stored of generated evaluation `i`: its project's evaluations with their recommendations and findings. */
async function stored(url: string, i: number): Promise<{ recommendations: number; findings: number }[] | null> {
  const code = `GX${String(i).padStart(4, '0')}`;
  const res = await gql(url, `{ project(code: "${code}") { evaluations { recommendations { code } findings { criterion { name } } } } }`);
  expect(res.errors).toBeUndefined();
  const project = res.data.project as { evaluations: { recommendations: unknown[]; findings: unknown[] }[] } | null;
  return project ? project.evaluations.map((e) => ({ recommendations: e.recommendations.length, findings: e.findings.length })) : null;
}

describe('the API killed with SIGKILL during writes', () => {
  it(`keeps every acknowledged write and no half of any other, over ${ROUNDS} crashes`, async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const env = { EDITOR_TOKENS: `crash:${EDITOR}` };
    const acknowledged = new Set<number>();
    const attempted = new Set<number>();
    let next = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const api = await startApi({ dataDir, env });
      // Four editors writing new evaluations one after another until the process dies.
      let alive = true;
      const editor = async () => {
        while (alive) {
          const i = next++;
          attempted.add(i);
          try {
            const res = await gql(api.url, `mutation($record: JSONObject!) { upsertEvaluation(record: $record) { created } }`, { record: generatedRecord(i) }, { authorization: `Bearer ${EDITOR}` });
            if (res.data?.upsertEvaluation?.created === true) acknowledged.add(i);
          } catch {
            return; // the connection died with the process
          }
        }
      };
      const editors = Array.from({ length: 4 }, editor);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
      await api.kill('SIGKILL');
      alive = false;
      await Promise.all(editors);
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS);

    const api = await startApi({ dataDir, env });
    try {
      const whole = [{ recommendations: 3, findings: 5 }];
      for (const i of attempted) {
        const found = await stored(api.url, i);
        if (acknowledged.has(i)) expect(found, `acknowledged evaluation ${i}`).toEqual(whole);
        else expect([null, JSON.stringify(whole)], `unacknowledged evaluation ${i}`).toContain(found === null ? null : JSON.stringify(found));
      }
      // The seed and what was written: nothing else, nothing twice.
      const total = (await gql(api.url, `{ evaluations { totalCount } }`)).data.evaluations.totalCount as number;
      expect(total).toBeGreaterThanOrEqual(1 + acknowledged.size);
      expect(total).toBeLessThanOrEqual(1 + attempted.size);
    } finally {
      await api.stop();
    }
  }, 240_000);
});
