/**
 * The explorer's generated documents and types (src/web/gql, GraphQL Code Generator's client
 * preset) are what `npm run codegen` makes from the committed schema.graphql and the
 * `graphql(...)` documents in src/web/app: regenerate into a temporary directory and compare
 * file by file. Fails when the schema or a page's query changed without `npm run codegen`,
 * and when a page's query does not fit the schema.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { GENERATED_DIR } from '../../src/web/codegen.js';
import { removeDir, ROOT, tempDir } from '../helpers/api.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('meg-web-codegen-');
});
afterAll(async () => removeDir(dir));

describe('src/web/gql', () => {
  it('is up to date with schema.graphql and the queries of src/web/app (run `npm run codegen`)', async () => {
    const { [GENERATED_DIR]: output, ...others } = config.generates as Record<string, object>;
    expect(others).toEqual({});
    const target = `${dir}/`;
    await generate({ ...config, cwd: ROOT, silent: true, generates: { [target]: output! } }, true);
    const fresh = (await readdir(dir)).sort();
    const committed = (await readdir(path.join(ROOT, GENERATED_DIR))).sort();
    expect(committed).toEqual(fresh);
    expect(fresh).toContain('graphql.ts');
    for (const file of fresh) {
      expect(await readFile(path.join(ROOT, GENERATED_DIR, file), 'utf8'), file).toBe(await readFile(path.join(dir, file), 'utf8'));
    }
    // Every page's query is in it, typed.
    const types = await readFile(path.join(dir, 'graphql.ts'), 'utf8');
    for (const operation of ['SearchQuery', 'EvaluationPageQuery', 'OrganizationPageQuery', 'OrganizationNetworkQuery', 'StakeholderPathsQuery', 'RecommendationPageQuery', 'OverviewQuery', 'AddActionMutation']) {
      expect(types, operation).toContain(`export type ${operation} =`);
    }
  }, 60_000);
});
