/**
 * The typed client example's generated file is what `npm run codegen` makes from the
 * committed schema.graphql and operations.graphql: regenerate it into a temporary directory
 * and compare. Fails when either input changed without `npm run codegen`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { GENERATED_FILE } from '../../src/examples/typed-client/codegen.js';
import { removeDir, ROOT, tempDir } from '../helpers/api.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('meg-codegen-');
});
afterAll(async () => removeDir(dir));

describe('src/examples/typed-client/generated.ts', () => {
  it('is up to date with schema.graphql and operations.graphql (run `npm run codegen`)', async () => {
    const target = path.join(dir, 'generated.ts');
    const { [GENERATED_FILE]: output, ...others } = config.generates as Record<string, object>;
    expect(others).toEqual({});
    await generate({ ...config, cwd: ROOT, silent: true, generates: { [target]: output! } }, true);
    const fresh = await readFile(target, 'utf8');
    const committed = await readFile(path.join(ROOT, GENERATED_FILE), 'utf8');
    expect(fresh.length).toBeGreaterThan(1000);
    expect(committed).toBe(fresh);
  }, 60_000);
});
