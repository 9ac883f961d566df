/**
 * `npm run import -- export.csv` the way a user runs it: one summary line for the file, then a
 * line per warning and per failed row with its row number; exit code 1 when a row failed; a
 * dry run writes nothing; importing the same export again changes nothing; a newer export
 * updates the evaluations in place.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, ROOT, runCli, tempDir } from '../helpers/api.js';
import { isGraphStored, storedGraph, storedGraphText, type StoredGraph } from '../helpers/store.js';

const importCli = (args: string[], env: Record<string, string> & { DATA_DIR: string }) => runCli('import', args, env);
const MESSY = path.join(ROOT, 'tests/fixtures/catalogue/messy-export.csv');
const CLEAN = path.join(ROOT, 'tests/fixtures/catalogue/clean-export.csv');

describe('npm run import on a catalogue export', () => {
  let dataDir: string;
  let work: string;
  const snapshot = () => storedGraphText(dataDir);
  const graph = () => storedGraph(dataDir);
  const out = (id: string, type: string, g: StoredGraph) => g.edges.filter((e) => e.from === id && e.type === type).map((e) => e.to);

  beforeAll(async () => {
    dataDir = await tempDir();
    work = await tempDir('meg-catalogue-');
  });
  afterAll(async () => {
    await removeDir(dataDir);
    await removeDir(work);
  });

  it('reports every row on a dry run as JSON, writes nothing, and exits 1 for the failed row', async () => {
    const result = await importCli([MESSY, '--dry-run', '--json'], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.dryRun).toBe(true);
    const [file] = report.files;
    expect(file).toMatchObject({ file: 'tests/fixtures/catalogue/messy-export.csv', status: 'ok', kind: 'catalogue', rows: 10, imported: 9, failed: 1 });
    expect(file.failures).toEqual([{ row: 6, message: 'the Title cell is empty: a row needs a title to become an evaluation' }]);
    expect(file.warnings).toHaveLength(19);
    expect(file.warnings).toContainEqual({ row: 7, column: 'Countries Covered', message: '"Dominca" is read as Dominica (DM)' });
    expect(file.records.map((r: any) => r.row)).toEqual([2, 3, 4, 5, 7, 8, 9, 11, 12]);
    expect(file.records[0].evaluation.evaluators).toEqual([{ name: 'Jane Example' }]);
    expect(await isGraphStored(dataDir)).toBe(false);
  });

  it('imports the rows that are evaluations in one change, with a line per warning and failure', async () => {
    const result = await importCli([MESSY], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ok {4}tests\/fixtures\/catalogue\/messy-export\.csv: catalogue, 10 row\(s\): 9 imported, 1 failed, 19 warning\(s\); \d+ nodes created, 0 updated$/);
    expect(lines).toContain('      row 3, Evaluation Period From Date: 1970-01-01 is a placeholder, not a date; left out');
    expect(lines).toContain('      row 6: FAILED: the Title cell is empty: a row needs a title to become an evaluation');
    expect(lines).toContain('      row 12, (row): the row has 3 cells where the header has 33; cells read by position as far as they go');
    // One line per warning and failure, in row order, then the total.
    const rowLines = lines.slice(1, -1);
    expect(rowLines).toHaveLength(20);
    const rowsInOrder = rowLines.map((l) => Number(/^ {6}row (\d+)/.exec(l)![1]));
    expect(rowsInOrder).toEqual([...rowsInOrder].sort((a, b) => a - b));
    expect(lines.at(-1)).toMatch(/^imported 1 of 1 file\(s\): \d+ nodes created, 0 updated; \d+ relationships created, 0 updated; store now holds \d+ nodes and \d+ relationships$/);

    const g = await graph();
    const evaluations = g.nodes.filter((n) => n.labels.includes('Evaluation'));
    expect(evaluations).toHaveLength(9);
    const seedLike = evaluations.find((n) => n.props.title === 'Ex-post Evaluation: Strengthening Migration Data in Testland')!;
    expect(seedLike.props).toMatchObject({ year: 2021, publicationDate: '2021-05-19', periodFrom: '2016-10-25', hasBrief: true });
    expect(out(seedLike.id, 'FUNDED_BY', g)).toEqual(['organization:idf']);
    expect(out(seedLike.id, 'COMMISSIONED_BY', g)).toEqual(['organization:idf']);
    expect(out(seedLike.id, 'EVALUATES', g)).toEqual(['project:zz-0350']);
    expect(out(seedLike.id, 'CONDUCTED_BY', g).sort()).toEqual(['organization:owl-re', 'person:jane-example']);
    const worldwide = g.nodes.find((n) => n.id === 'country:worldwide')!;
    expect(worldwide.props).toMatchObject({ name: 'Worldwide' });
    expect(worldwide.props.isoCode).toBeUndefined();
    const source = g.nodes.find((n) => n.labels.includes('SourceDocument'))!;
    expect(source.props).toMatchObject({ title: 'IOM evaluation repository export', fileName: 'messy-export.csv', mediaType: 'text/csv' });
    expect(source.props.text).toBeUndefined();
  });

  it('changes nothing when the same export is imported again', async () => {
    const before = await snapshot();
    const result = await importCli([MESSY], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ok {4}.*: catalogue, 10 row\(s\): 9 imported, 1 failed, 19 warning\(s\); 0 nodes created, \d+ updated$/m);
    expect(result.stdout).toMatch(/^imported 1 of 1 file\(s\): 0 nodes created, \d+ updated; 0 relationships created/m);
    expect(await snapshot()).toBe(before);
  });

  it('updates the evaluations in place from a newer export', async () => {
    const newer = path.join(work, 'newer-export.csv');
    const text = await readFile(MESSY, 'utf8');
    // The newer export says the Testland evaluation was funded by the European Union instead.
    await writeFile(newer, text.replace(',IOM Development Fund,Yes,Donor,', ',European Union,Yes,Donor,'));
    const result = await importCli([newer], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    const g = await graph();
    expect(g.nodes.filter((n) => n.labels.includes('Evaluation'))).toHaveLength(9);
    const evaluation = g.nodes.find((n) => n.props.title === 'Ex-post Evaluation: Strengthening Migration Data in Testland')!;
    expect(out(evaluation.id, 'FUNDED_BY', g)).toEqual(['organization:eu']);
    expect(out(evaluation.id, 'COMMISSIONED_BY', g)).toEqual(['organization:eu']);
  });

  it('exits 0 when every row imports', async () => {
    const result = await importCli([CLEAN], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok {4}tests\/fixtures\/catalogue\/clean-export\.csv: catalogue, 2 row\(s\): 2 imported, 0 failed, 1 warning\(s\); \d+ nodes created, \d+ updated$/m);
    expect(result.stdout).toContain('      row 3, Donor: "Government of Testlandia": "Testlandia" is not a country name known to ISO 3166; kept as written');
  });

  it('fails a CSV that is not an export as a whole, naming why', async () => {
    const people = path.join(work, 'people.csv');
    await writeFile(people, 'name,age\nAda,36\n');
    const before = await snapshot();
    const result = await importCli([people], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}.*people\.csv: no "Title" column: this does not look like an evaluation repository export/m);
    expect(await snapshot()).toBe(before);
  });
});
