/**
 * Importing briefs the ways users do: `npm run import` on files and folders (text, PDF,
 * records; dry runs; files that fail), and the `importBrief` mutation over HTTP. Importing a
 * brief twice, or briefs that share institutions, leaves one node per institution and project.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData, removeDir, ROOT, runCli, startApi, tempDir, type ApiProcess } from '../helpers/api.js';
import { isGraphStored, storeEnv, storedEdges, storedGraphText } from '../helpers/store.js';
import { briefFixtures, expectedRecord, fixturePdf, FIXTURES_DIR } from '../helpers/briefFixtures.js';
import { describeInputError, readInputFile } from '../../src/ingest/inputFiles.js';

const importCli = (args: string[], env: Record<string, string> & { DATA_DIR: string }) => runCli('import', args, env);
const SEED_BRIEF = path.join(ROOT, 'seeds/sources/iom-bolivia-internal-migration-brief.txt');
const brief = (name: string) => path.join(FIXTURES_DIR, name);

describe('npm run import', () => {
  let dataDir: string;
  let work: string;
  let pdfFile: string;
  const snapshot = () => storedGraphText(dataDir);

  beforeAll(async () => {
    dataDir = await tempDir();
    work = await tempDir('meg-import-');
    pdfFile = path.join(work, 'bolivia-peru-border.pdf');
    await writeFile(pdfFile, await fixturePdf(briefFixtures().find((f) => f.pdf)!));
  });
  afterAll(async () => {
    await removeDir(dataDir);
    await removeDir(work);
  });

  it('prints the extracted records and reports as JSON on a dry run, and writes nothing', async () => {
    const result = await importCli([SEED_BRIEF, pdfFile, '--dry-run', '--json'], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.dryRun).toBe(true);
    expect(out.files.map((f: any) => [path.basename(f.file), f.status, f.kind, f.written])).toEqual([
      ['iom-bolivia-internal-migration-brief.txt', 'ok', 'brief', undefined],
      ['bolivia-peru-border.pdf', 'ok', 'brief', undefined],
    ]);
    const seedFixture = briefFixtures()[0]!;
    expect(out.files[0].record).toEqual(JSON.parse(JSON.stringify(await expectedRecord(seedFixture))));
    expect(out.files[1].record.projects[0].code).toBe('PE10P0117');
    const report = out.files[0].report;
    expect(report.document).toBe('seeds/sources/iom-bolivia-internal-migration-brief.txt');
    expect(report.missing).toEqual([]);
    expect(report.found).toContainEqual({ field: 'projects[0].code', line: 34, value: 'BO10P0001/CE.0350' });
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(out.total).toEqual({ files: 2, ok: 2, failed: 0 });
    expect(await isGraphStored(dataDir)).toBe(false);
  });

  it('imports text and PDF briefs with a line per file and a total', async () => {
    const result = await importCli([SEED_BRIEF, brief('bolivia-return-reintegration.txt'), pdfFile], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^ok {4}seeds\/sources\/iom-bolivia-internal-migration-brief\.txt: brief BO10P0001\/CE\.0350 "Strengthening Internal Migration Policies in Bolivia"; found \d+ fields, 0 missing, \d+ warning\(s\); \d+ nodes created, 0 updated$/);
    expect(lines[1]).toMatch(/^ok {4}tests\/fixtures\/briefs\/bolivia-return-reintegration\.txt: brief BO10P0204 .*; \d+ nodes created, \d+ updated$/);
    expect(lines[2]).toMatch(/bolivia-peru-border\.pdf: brief PE10P0117 "Cross-Border Mobility Management in the Bolivia-Peru Border Area"/);
    expect(lines[3]).toMatch(/^imported 3 of 3 file\(s\): \d+ nodes created, \d+ updated; \d+ relationships created, \d+ updated; store now holds \d+ nodes and \d+ relationships$/);

    // Provenance with line ranges reaches the store.
    const sourced = (await storedEdges(dataDir)).filter((e) => e.type === 'SOURCED_FROM' && e.from === 'finding:bo10p0001-ce-0350:ex-post:2021:efficiency');
    expect(sourced.map((e) => e.props.lines)).toEqual(['50']);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await snapshot();
    const result = await importCli([SEED_BRIEF, brief('bolivia-return-reintegration.txt'), pdfFile], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^imported 3 of 3 file\(s\): 0 nodes created, \d+ updated; 0 relationships created/m);
    expect(await snapshot()).toBe(before);
  });

  it('exits non-zero when a file fails, naming why, and leaves the graph as it was', async () => {
    const before = await snapshot();
    await writeFile(path.join(work, 'empty.txt'), '');
    await writeFile(path.join(work, 'letter.txt'), 'Dear colleagues,\n\nThank you for the lovely dinner last week.\n\nBest wishes,\nA friend\n');
    // A good file (imported before, so it changes nothing) among two that fail.
    const result = await importCli([brief('bolivia-return-reintegration.txt'), path.join(work, 'empty.txt'), path.join(work, 'letter.txt')], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ok {4}tests\/fixtures\/briefs\/bolivia-return-reintegration\.txt: brief BO10P0204/);
    expect(lines[1]).toMatch(/^FAIL {2}.*empty\.txt: the document is empty: expected the text of an evaluation brief$/);
    expect(lines[2]).toMatch(/^FAIL {2}.*letter\.txt: .*letter\.txt does not look like an IOM evaluation brief: it has none of the brief's header lines/);
    expect(lines[3]).toMatch(/^imported 1 of 3 file\(s\), 2 failed \(nothing written for them\): 0 nodes created/);
    expect(await snapshot()).toBe(before);
  });

  it('reports failures in the JSON output too', async () => {
    const result = await importCli([path.join(work, 'empty.txt'), '--json', '--dry-run'], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout);
    expect(out.files[0]).toMatchObject({ status: 'failed', error: { code: 'EMPTY', message: 'the document is empty: expected the text of an evaluation brief', missing: ['evaluation.title', 'evaluation.type'] } });
  });

  it('reads many files in worker threads, each to what reading it alone gives, failures included', async () => {
    // 17 fixtures, a PDF and a file that is no brief: past the 8 files from which reading moves
    // to worker threads. Each file's record, report or error is what this process reads of it.
    const broken = path.join(work, 'not-a-brief.txt');
    await writeFile(broken, 'Minutes of a meeting about nothing in particular.\n');
    const result = await importCli([FIXTURES_DIR, pdfFile, broken, '--dry-run', '--json'], { DATA_DIR: dataDir });
    const out = JSON.parse(result.stdout);
    expect(out.files).toHaveLength(19);
    for (const file of out.files) {
      const expected = await readInputFile(path.resolve(ROOT, file.file)).then(
        (input) => ({ status: 'ok', record: JSON.parse(JSON.stringify(input.record)), report: JSON.parse(JSON.stringify(input.report ?? null)) ?? undefined }),
        (error: unknown) => ({ status: 'failed', error: describeInputError(error) }),
      );
      expect({ status: file.status, record: file.record, report: file.report, error: file.error }, file.file).toEqual({ record: undefined, report: undefined, error: undefined, ...expected });
    }
    expect(out.files.at(-1)).toMatchObject({ status: 'failed', error: { code: 'NOT_A_BRIEF' } });
    expect(result.code).toBe(1);
  });

  it('writes its whole --json report to a pipe read slowly, then exits with its code', async () => {
    // A pipe holds 64 KiB: the report of 19 files is larger, and a reader that paused (a pager, a
    // script busy with something else) once got the first 64 KiB only. Here the reader takes one
    // byte, then waits a second.
    const broken = path.join(work, 'not-a-brief.txt');
    await writeFile(broken, 'Minutes of a meeting about nothing in particular.\n');
    const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
    const cli = [process.execPath, '--import', 'tsx', path.join(ROOT, 'src/cli/import.ts'), FIXTURES_DIR, pdfFile, broken, '--dry-run', '--json'].map(quote).join(' ');
    const run = await promisify(execFile)('bash', ['-c', `set -o pipefail; ${cli} | (dd bs=1 count=1 2>/dev/null; sleep 1; cat)`], { cwd: ROOT, env: await storeEnv(dataDir, { DATA_DIR: dataDir }), maxBuffer: 32 * 1024 * 1024 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(run.stdout.length).toBeGreaterThan(100_000);
    expect(JSON.parse(run.stdout).files).toHaveLength(19);
    expect(run.code).toBe(1);
  });

  it('takes folders, and says how to use it when given nothing', async () => {
    const folder = await importCli([FIXTURES_DIR, '--dry-run'], { DATA_DIR: dataDir });
    expect(folder.code).toBe(0);
    // Each fixture brief and each expected record: .txt and .yaml files (a .pdf-source.txt is a .txt
    // too; a .pdf-layout, the layout of a PDF fixture, is neither and is not taken).
    expect(folder.stdout).toMatch(/^dry run: parsed 17 of 17 file\(s\); nothing written$/m);
    const usage = await importCli([], { DATA_DIR: dataDir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^no files or folders given\n\nusage: npm run import -- <files or folders>\.\.\. \[--dry-run\] \[--json\]/);
    const missing = await importCli(['no/such/file.txt'], { DATA_DIR: dataDir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('import failed: no/such/file.txt: no such file or folder');
  });
});

const IMPORT = /* GraphQL */ `
  mutation Import($text: String!, $dryRun: Boolean) {
    importBrief(text: $text, dryRun: $dryRun) {
      written nodesCreated nodesUpdated
      evaluation { title type project { code title partners { lead organization { name acronym } } } }
      report { document missing found { field line value } warnings { line message } }
    }
  }
`;
const COUNTS = `{ organizations(first: 100) { totalCount } projects { totalCount } evaluations { totalCount } }`;

/** Mutations need an editor token (access control). */
const EDITOR_TOKEN = 'import-test-editor-token-0123456789';
const AUTH = { authorization: `Bearer ${EDITOR_TOKEN}` };
const MUTATION_ENV = { EDITOR_TOKENS: `importer:${EDITOR_TOKEN}` };

describe('the importBrief mutation', () => {
  let api: ApiProcess;
  const mutate = async (variables: Record<string, unknown>) => {
    const res = await gql(api.url, IMPORT, variables, AUTH);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const text = (name: string) => readFile(name.includes('/') ? name : brief(name), 'utf8');
  const counts = async () => {
    const data = await gqlData(api.url, COUNTS);
    return { organizations: data.organizations.totalCount, projects: data.projects.totalCount, evaluations: data.evaluations.totalCount };
  };
  const orgId = async (args: string) => (await gqlData(api.url, `{ organization(${args}) { id } }`)).organization?.id as string | undefined;

  beforeAll(async () => {
    api = await startApi({ env: MUTATION_ENV });
  });
  afterAll(async () => {
    await api?.stop();
    await removeDir(api.dataDir);
  });

  it('extracts and reports on a dry run, and writes nothing', async () => {
    const before = await counts();
    const { importBrief } = await mutate({ text: await text('bolivia-return-reintegration.txt'), dryRun: true });
    expect(importBrief).toMatchObject({ written: false, evaluation: null, nodesCreated: 0, nodesUpdated: 0 });
    expect(importBrief.report.missing).toEqual([]);
    expect(importBrief.report.found).toContainEqual({ field: 'projects[0].code', line: 32, value: 'BO10P0204' });
    expect(importBrief.report.warnings).toContainEqual({ line: 9, message: '"June 2021" gives no day; recorded as 2021-06-01 (the first day of the month)' });
    expect(await counts()).toEqual(before);
  });

  it('imports a brief, resolving its institutions against those already in the graph', async () => {
    expect(await counts()).toEqual({ organizations: 10, projects: 1, evaluations: 1 }); // the seed
    const { importBrief } = await mutate({ text: await text('bolivia-return-reintegration.txt') });
    expect(importBrief.written).toBe(true);
    expect(importBrief.nodesCreated).toBeGreaterThan(10);
    expect(importBrief.evaluation).toMatchObject({
      title: 'Mid-term evaluation of the project \u201cStrengthening Return and Reintegration Services in Bolivia\u201d',
      type: 'Internal mid-term evaluation',
      project: { code: 'BO10P0204' },
    });
    // INE is named in full without its acronym: it is the seed's INE, not a new institution.
    expect(importBrief.evaluation.project.partners).toEqual([
      { lead: true, organization: { name: 'Returning Migrants Service', acronym: 'SAMIR' } },
      { lead: false, organization: { name: 'National Institute of Statistics', acronym: 'INE' } },
    ]);
    // New: the evaluation firm, SAMIR and its ministry. IOM, IOM Bolivia and the Fund were there.
    expect(await counts()).toEqual({ organizations: 13, projects: 2, evaluations: 2 });
    expect(await orgId('name: "Instituto Nacional de Estadística"')).toBe(await orgId('acronym: "INE"'));
    const { organization } = await gqlData(api.url, `{ organization(acronym: "INE") { name aliases partnerships { project { code } } } }`);
    expect(organization).toEqual({ name: 'National Institute of Statistics', aliases: [], partnerships: [{ project: { code: 'BO10P0001/CE.0350' } }, { project: { code: 'BO10P0204' } }] });
    // This brief does not give Bolivia's official name; the country keeps it, and is found by it.
    const countries = await gqlData(api.url, `{ projects(where: { country: "Plurinational State of Bolivia" }) { totalCount edges { node { countries { name officialName } } } } }`);
    expect(countries.projects.totalCount).toBe(2);
    expect(countries.projects.edges[1].node.countries).toEqual([{ name: 'Bolivia', officialName: 'Plurinational State of Bolivia' }]);
  });

  it('changes nothing when the same brief is imported again, or the seed brief itself', async () => {
    const before = await counts();
    const again = await mutate({ text: await text('bolivia-return-reintegration.txt') });
    expect(again.importBrief).toMatchObject({ written: true, nodesCreated: 0 });
    const seed = await mutate({ text: await text(SEED_BRIEF) });
    expect(seed.importBrief).toMatchObject({ written: true, nodesCreated: 0 });
    expect(await counts()).toEqual(before);
  });

  it('keeps one node per institution when briefs name them by acronym alone or by another name', async () => {
    // UDAPE and INE by acronym only, IDIS and UMSA again; the ministry of labour by its names only.
    await mutate({ text: await text('bolivia-migration-data.txt') });
    await mutate({ text: await text('bolivia-paraguay-labour-migration.txt') });
    // New: Quillpoint Research, IOM Paraguay. Everything else was there.
    expect(await counts()).toEqual({ organizations: 15, projects: 4, evaluations: 4 });
    const data = await gqlData(
      api.url,
      `{ ine: organization(acronym: "INE") { name kind aliases partnerships { lead project { code } } }
         labour: organization(name: "Ministerio de Trabajo y Previsión Social") { acronym name partnerships { lead project { code } } }
         udape: organization(acronym: "UDAPE") { name partnerships { project { code } } }
         idis: organization(name: "IDIS/UMSA") { acronym parent { acronym } partnerships { project { code } } } }`,
    );
    expect(data.ine).toEqual({
      name: 'National Institute of Statistics',
      kind: 'STATISTICS_OFFICE',
      aliases: [],
      partnerships: [{ lead: false, project: { code: 'BO10P0001/CE.0350' } }, { lead: false, project: { code: 'BO10P0204' } }, { lead: true, project: { code: 'BO10P0311' } }],
    });
    expect(data.labour).toEqual({ acronym: 'MTPS', name: 'Ministry of Labour and Social Welfare', partnerships: [{ lead: true, project: { code: 'PY10P0088' } }] });
    expect(data.udape.partnerships.map((p: any) => p.project.code)).toEqual(['BO10P0001/CE.0350', 'BO10P0311', 'PY10P0088']);
    expect(data.idis).toEqual({ acronym: 'IDIS', parent: { acronym: 'UMSA' }, partnerships: [{ project: { code: 'BO10P0001/CE.0350' } }, { project: { code: 'BO10P0311' } }] });
  });

  it('refuses what is not a brief with BAD_USER_INPUT naming what is missing, writing nothing', async () => {
    const before = await counts();
    const cases: [string, RegExp, string[]][] = [
      ['', /^the document is empty: expected the text of an evaluation brief$/, ['evaluation.title', 'evaluation.type']],
      ['Shopping list\n\n- eggs\n- flour\n- milk\n', /does not look like an IOM evaluation brief/, ['evaluation.type', 'evaluation.title']],
      [(await text(SEED_BRIEF)).replace(/^Evaluation type:.*$/m, ''), /is missing the evaluation type \(an "Evaluation type:" line\)$/, ['evaluation.type']],
    ];
    for (const [input, message, missing] of cases) {
      const res = await gql(api.url, IMPORT, { text: input }, AUTH);
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text', missing });
    }
    expect(await counts()).toEqual(before);
  });
});

describe('importBrief without an editor token', () => {
  it('is refused with UNAUTHENTICATED, and writes nothing', async () => {
    const api = await startApi({ env: MUTATION_ENV });
    try {
      const res = await gql(api.url, IMPORT, { text: await readFile(SEED_BRIEF, 'utf8') });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
      expect((await gqlData(api.url, COUNTS)).evaluations.totalCount).toBe(1);
    } finally {
      await api.stop();
      await removeDir(api.dataDir);
    }
  });
});

