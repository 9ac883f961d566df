/**
 * What a user of the evaluation repository's data does: narrow the evaluations by year, donor,
 * country, region, thematic area, scope, timing, level, language, and list donors and
 * evaluators by their role. Each expectation is computed from the records themselves, so the
 * test states the rule, not the answer.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluationRecord, type EvaluationRecordInput } from '../../src/domain/record.js';
import { importRecords } from '../../src/services/import/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestStore } from '../helpers/store.js';
import { gql, gqlData } from '../helpers/api.js';

interface Row {
  title: string;
  year: number;
  donors: string[];
  countries: { name: string; isoCode?: string }[];
  regions: string[];
  areas: string[];
  crossCutting: string[];
  scope: string[];
  timing: string;
  level: string;
  languages: string[];
  author: { people: string[]; firms: string[] };
  codes: string[];
}

const ROWS: Row[] = [
  { title: 'Final evaluation of a border management project', year: 2019, donors: ['European Union'], countries: [{ name: 'Niger', isoCode: 'NE' }], regions: ['RO for West and Central Africa'], areas: ['Border and identity solutions (border management, security, border assessment etc)'], crossCutting: ['Gender'], scope: ['Programme/Project'], timing: 'Final (at the end of the project/programme)', level: 'Decentralized', languages: ['French'], author: { people: [], firms: ['Sahel Evaluation Group'] }, codes: ['BM.0101'] },
  { title: 'Mid-term evaluation of a labour mobility programme', year: 2021, donors: ['Government of the United States', 'European Union'], countries: [{ name: 'Colombia', isoCode: 'CO' }, { name: 'Peru', isoCode: 'PE' }], regions: ['RO for Latin America and the Caribbean'], areas: ['Labour migration (ethical recruitment, labour market etc)', 'Migration policy - dialogue, consultations etc and Migration Management'], crossCutting: ['Gender', 'Rights-based approach'], scope: ['Programme/Project'], timing: "Mid-term (during the project's implementation/programme)", level: 'Decentralized', languages: ['English', 'Spanish'], author: { people: ['Evaluation Consultant A'], firms: [] }, codes: ['LM.0331', 'LM.0332'] },
  { title: 'Evaluation of the migration data strategy', year: 2023, donors: [], countries: [{ name: 'Worldwide' }], regions: ['Global'], areas: ['Migration data'], crossCutting: [], scope: ['Strategy', 'Thematic'], timing: 'Not applicable', level: 'Centralized', languages: ['English'], author: { people: [], firms: ['Central Evaluation Office'] }, codes: [] },
  { title: 'Ex-post evaluation of a return project', year: 2021, donors: ['IOM Development Fund'], countries: [{ name: 'Colombia', isoCode: 'CO' }], regions: ['RO for Latin America and the Caribbean'], areas: ['Return and AVRR'], crossCutting: ['Gender'], scope: ['Programme/Project'], timing: 'Ex-post (after the end of the project/programme)', level: 'Decentralized', languages: ['Spanish'], author: { people: ['Evaluation Consultant B'], firms: ['Sahel Evaluation Group'] }, codes: ['RT.0777'] },
];

function record(row: Row): EvaluationRecordInput {
  const orgs = [...new Set([...row.donors, ...row.author.firms])];
  return {
    evaluation: {
      title: row.title,
      year: row.year,
      donors: row.donors,
      countries: row.countries,
      regions: row.regions,
      thematicAreas: row.areas,
      crossCuttingThemes: row.crossCutting,
      scope: row.scope,
      timing: row.timing,
      level: row.level,
      languages: row.languages,
      evaluators: row.author.people.map((name) => ({ name })),
      evaluationFirms: row.author.firms,
    },
    projects: row.codes.map((code) => ({ code })),
    organizations: orgs.map((name) => ({ name })),
  };
}

let server: RunningServer;
let url: string;

beforeAll(async () => {
  const store = await createTestStore();
  await importRecords(store, ROWS.map((row, i) => ({ file: `row ${i + 1}`, sourceKind: 'catalogue' as const, record: parseEvaluationRecord(record(row), `row ${i + 1}`) })));
  server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${server.port}/graphql`;
});
afterAll(async () => server?.stop());

async function titles(where: string): Promise<string[]> {
  const data = await gqlData(url, `{ evaluations(first: 50, where: ${where}) { totalCount edges { node { title } } } }`);
  expect(data.evaluations.totalCount).toBe(data.evaluations.edges.length);
  return data.evaluations.edges.map((e: { node: { title: string } }) => e.node.title).sort();
}
const expected = (keep: (row: Row) => boolean) => ROWS.filter(keep).map((r) => r.title).sort();

describe('evaluations(where:)', () => {
  it('by year and year range', async () => {
    expect(await titles('{ year: 2021 }')).toEqual(expected((r) => r.year === 2021));
    expect(await titles('{ yearFrom: 2020 }')).toEqual(expected((r) => r.year >= 2020));
    expect(await titles('{ yearFrom: 2019, yearTo: 2021 }')).toEqual(expected((r) => r.year >= 2019 && r.year <= 2021));
  });

  it('by donor, country (including "Worldwide"), region', async () => {
    for (const donor of ['European Union', 'IOM Development Fund', 'Government of the United States']) {
      expect(await titles(`{ donor: ${JSON.stringify(donor)} }`), donor).toEqual(expected((r) => r.donors.includes(donor)));
    }
    for (const country of ['Colombia', 'PE', 'Worldwide', 'niger']) {
      expect(await titles(`{ country: ${JSON.stringify(country)} }`), country).toEqual(expected((r) => r.countries.some((c) => [c.name.toLowerCase(), c.isoCode?.toLowerCase()].includes(country.toLowerCase()))));
    }
    expect(await titles('{ region: "RO for Latin America and the Caribbean" }')).toEqual(expected((r) => r.regions.includes('RO for Latin America and the Caribbean')));
  });

  it('by thematic area (values with commas in them) and cross-cutting theme', async () => {
    for (const area of ROWS.flatMap((r) => r.areas)) {
      expect(await titles(`{ thematicArea: ${JSON.stringify(area)} }`), area).toEqual(expected((r) => r.areas.includes(area)));
    }
    expect(await titles('{ crossCuttingTheme: "Gender" }')).toEqual(expected((r) => r.crossCutting.includes('Gender')));
  });

  it('by scope, timing (a stage or the wording), level and language, combined', async () => {
    expect(await titles('{ scope: "Thematic" }')).toEqual(expected((r) => r.scope.includes('Thematic')));
    expect(await titles('{ timing: "final" }')).toEqual(expected((r) => r.timing.startsWith('Final')));
    expect(await titles('{ timing: "Not applicable" }')).toEqual(expected((r) => r.timing === 'Not applicable'));
    expect(await titles('{ level: "Decentralized", language: "Spanish", yearFrom: 2021 }')).toEqual(expected((r) => r.level === 'Decentralized' && r.languages.includes('Spanish') && r.year >= 2021));
  });

  it('an evaluation of a strategy has no project; two codes are two projects', async () => {
    const data = await gqlData(url, `{ evaluations(first: 10) { edges { node { title project { code } projects { code } } } } }`);
    const byTitle = new Map(data.evaluations.edges.map((e: { node: { title: string } }) => [e.node.title, e.node]));
    for (const row of ROWS) {
      const node = byTitle.get(row.title) as { project: { code: string } | null; projects: { code: string }[] };
      expect(node.projects.map((p) => p.code)).toEqual(row.codes);
      expect(node.project?.code ?? null).toBe(row.codes[0] ?? null);
    }
  });
});

describe('organisations by the roles the catalogue gives them', () => {
  it('lists donors (DONOR) and evaluators (EVALUATOR, also asked as EVALUATION_FIRM)', async () => {
    const names = async (role: string) => (await gqlData(url, `{ organizations(first: 50, where: { role: ${role} }) { edges { node { name } } } }`)).organizations.edges.map((e: { node: { name: string } }) => e.node.name).sort();
    expect(await names('DONOR')).toEqual([...new Set(ROWS.flatMap((r) => r.donors))].sort());
    expect(await names('EVALUATOR')).toEqual([...new Set(ROWS.flatMap((r) => r.author.firms))].sort());
    expect(await names('EVALUATION_FIRM')).toEqual(await names('EVALUATOR'));
  });

  it("lists a donor's roles with the evaluation and, where there is one, the project", async () => {
    const { organization } = await gqlData(url, `{ organization(name: "European Union") { roles { role evaluation { title } project { code } } } }`);
    const wanted = ROWS.filter((r) => r.donors.includes('European Union')).flatMap((r) => (r.codes.length ? r.codes : [null]).map((code) => ({ role: 'DONOR', evaluation: { title: r.title }, project: code ? { code } : null })));
    expect(organization.roles.filter((r: { role: string }) => r.role === 'DONOR')).toEqual(expect.arrayContaining(wanted));
    expect(organization.roles.filter((r: { role: string }) => r.role === 'DONOR')).toHaveLength(wanted.length);
    const firm = await gqlData(url, `{ organization(name: "Central Evaluation Office") { roles { role evaluation { title } project { code } } } }`);
    expect(firm.organization.roles).toEqual([{ role: 'EVALUATOR', evaluation: { title: 'Evaluation of the migration data strategy' }, project: null }]);
  });

  it('refuses a rating filter on a criterion nobody rated', async () => {
    const res = await gql(url, '{ evaluations(where: { rating: { criterion: "Beauty" } }) { totalCount } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
