/**
 * The README's examples are true: every query shown with its output gives that output, on the
 * graph the README says it comes from (the seed and the fixture corpus, imported the way the
 * README says). An output may be the whole answer or a part of it (the first recommendation of
 * a project's evaluation), never an approximation.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, removeDir, ROOT, startApi, tempDir, type ApiProcess } from '../helpers/api.js';
import { loadGraph } from '../helpers/graphData.js';

const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');

/** Each ```graphql block directly followed by a ```json block: the query and its output. */
const examples = [...readme.matchAll(/```graphql\n((?:(?!```)[\s\S])*)```\s*```json\n((?:(?!```)[\s\S])*)```/g)].map((m) => ({ query: m[1]!.trim(), output: m[2]!.trim() }));

/** Whether `expected` equals `actual` or one of its parts. */
function holds(actual: unknown, expected: unknown): boolean {
  if (isDeepStrictEqual(actual, expected)) return true;
  if (actual && typeof actual === 'object') return Object.values(actual).some((v) => holds(v, expected));
  return false;
}

let api: ApiProcess;
beforeAll(async () => {
  const dataDir = await tempDir();
  await loadGraph(dataDir, ['tests/fixtures/corpus']);
  api = await startApi({ dataDir });
}, 120_000);
afterAll(async () => {
  await api?.stop();
  if (api) await removeDir(api.dataDir);
});

describe('README.md', () => {
  it('shows outputs that are valid JSON, for at least the stakeholder, related, search and facet examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const e of examples) expect(() => JSON.parse(e.output), e.query).not.toThrow();
  });

  for (const [i, e] of examples.entries()) {
    it(`example ${i + 1} gives the output shown: ${e.query.slice(0, 90)}`, async () => {
      const res = await gql(api.url, e.query);
      expect(res.errors).toBeUndefined();
      const expected = JSON.parse(e.output);
      if (!holds(res.data, expected)) expect(res.data).toEqual(expected);
    });
  }

  it('gives the curl example its output', async () => {
    const curl = /-d '(\{"query".*?\})'\n# (\{.*\})/.exec(readme);
    expect(curl).not.toBeNull();
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: curl![1]! });
    expect(await res.json()).toEqual(JSON.parse(curl![2]!));
  });
});
