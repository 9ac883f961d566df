/**
 * What a curator sees when a seed record is wrong: `npm run seed` refuses the whole batch,
 * names the file, the bad path and the line, and leaves the stored graph exactly as it was.
 * Runs on each store (the test project's: tests/helpers/store.ts).
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecordFile } from '../src/ingest/recordFiles.js';
import { RecordValidationError } from '../src/domain/record.js';
import { removeDir, ROOT, runCli, tempDir } from './helpers/api.js';
import { storedGraphText } from './helpers/store.js';

const seedCli = (env: Record<string, string> & { DATA_DIR: string }) => runCli('seed', [], env);

let dataDir: string;
let badSeeds: string;
const seedYaml = () => readFile(path.join(ROOT, 'seeds/iom-bolivia-internal-migration.yaml'), 'utf8');

beforeAll(async () => {
  dataDir = await tempDir();
  badSeeds = await tempDir('meg-seeds-');
});
afterAll(async () => {
  await removeDir(dataDir);
  await removeDir(badSeeds);
});

describe('npm run seed', () => {
  it('loads the seeds, and loading them again changes nothing', async () => {
    const first = await seedCli({ DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/seeded 1 record\(s\).*44 nodes created, 0 updated; 89 relationships created, 0 updated; store now holds 44 nodes and 89 relationships/);
    const snapshot = await storedGraphText(dataDir);
    const again = await seedCli({ DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 nodes created, 44 updated; 0 relationships created, 89 updated; store now holds 44 nodes and 89 relationships/);
    expect(await storedGraphText(dataDir)).toBe(snapshot);
  });

  it('rejects a malformed record naming the file, each bad path and its line, and writes nothing', async () => {
    const before = await storedGraphText(dataDir);
    // A good record next to a bad one: the batch is all-or-nothing.
    await cp(path.join(ROOT, 'seeds'), badSeeds, { recursive: true });
    const broken = (await seedYaml())
      .replace('rating: { score: 2, label: Adequate }', 'rating: { score: two, label: Adequate }')
      .replace('endDate: 2018-10-31', 'endDate: 2018-02-31')
      .replace('code: BO10P0001/CE.0350', 'code: ZZ99/BAD');
    await writeFile(path.join(badSeeds, 'zz-broken.yaml'), broken);

    const result = await seedCli({ DATA_DIR: dataDir, SEEDS_DIR: badSeeds });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('zz-broken.yaml: invalid evaluation record');
    expect(result.stderr).toMatch(/evaluation\.findings\[3\]\.rating\.score: .*number.*\(line \d+\)/);
    expect(result.stderr).toMatch(/project\.endDate: is not a real calendar date/);
    expect(await storedGraphText(dataDir)).toBe(before);
  });

  it('stops on a bad configuration value with one line naming it', async () => {
    const result = await seedCli({ DATA_DIR: dataDir, GRAPH_STORE: 'postgres' });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/invalid configuration: GRAPH_STORE="postgres"/);
  });
});

describe('record validation', () => {
  it('names the line of a YAML syntax error', async () => {
    const file = path.join(badSeeds, 'syntax.yaml');
    await writeFile(file, 'evaluation:\n  title: [unclosed\nproject: {}\n');
    const error = await readRecordFile(file).catch((e) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect(error.message).toMatch(/not valid YAML/);
  });

  it('rejects references to organisations the record does not declare, once its shape is valid', async () => {
    const file = path.join(badSeeds, 'refs.yaml');
    await writeFile(
      file,
      (await seedYaml())
        .replace('audiences: [All IOM units implementing IDF projects]', 'audiences: [All UN agencies]')
        .replace('basedOn: [study]', 'basedOn: [survey]')
        .replace('code: B\n', 'code: A\n'),
    );
    const error = await readRecordFile(file).catch((e) => e);
    expect(error.problems).toEqual([
      { path: 'evaluation.recommendations[5].audiences[0]', message: '"All UN agencies" is not one of the record\'s organizations (line 125)' },
      { path: 'project.outputs[1].basedOn[0]', message: '"survey" is not the ref of an output of this project (line 172)' },
      { path: 'evaluation.recommendations[1].code', message: 'recommendation code "A" is used twice (line 95)' },
    ]);
  });

  it('rejects unknown keys (typos) with their path', async () => {
    const file = path.join(badSeeds, 'typo.yaml');
    await writeFile(file, (await seedYaml()).replace('  costExtensions: 3', '  costExtension: 3'));
    const error = await readRecordFile(file).catch((e) => e);
    expect(error.problems).toEqual([{ path: 'project', message: expect.stringMatching(/Unrecognized key.*costExtension.*\(line \d+\)/) }]);
  });

  it('rejects a source document that is not there', async () => {
    const file = path.join(badSeeds, 'nosource.yaml');
    await writeFile(file, (await seedYaml()).replace('sources/iom-bolivia', 'sources/missing'));
    const other = await tempDir();
    await writeFile(path.join(other, 'r.yaml'), await readFile(file, 'utf8'));
    const error = await readRecordFile(path.join(other, 'r.yaml')).catch((e) => e);
    expect(error.problems).toEqual([{ path: 'source.file', message: expect.stringMatching(/cannot read sources\/missing/) }]);
    await removeDir(other);
  });
});
