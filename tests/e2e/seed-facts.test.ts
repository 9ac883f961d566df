/**
 * A frontend developer's first session with the API: start the server on an empty DATA_DIR
 * (it seeds itself), then ask for every fact of the IOM Bolivia evaluation brief over HTTP.
 * Texts are checked against the brief itself, not against the seed record.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData, removeDir, ROOT, startApi, type ApiProcess } from '../helpers/api.js';
import { testStoreKind } from '../helpers/store.js';

let api: ApiProcess;
let brief: string;
const squash = (s: string) => s.replace(/\s+/g, ' ').replace(/[\u201c\u201d]/g, '"').trim();

beforeAll(async () => {
  api = await startApi();
  brief = squash(await readFile(path.join(ROOT, '../shared/sources/iom-bolivia-internal-migration-brief.txt'), 'utf8').catch(() => readFile(path.join(ROOT, 'seeds/sources/iom-bolivia-internal-migration-brief.txt'), 'utf8')));
});
afterAll(async () => {
  await api?.stop();
  await removeDir(api.dataDir);
});

const PROJECT = /* GraphQL */ `
  query Project($code: String!) {
    project(code: $code) {
      id title code type summary coverage startDate endDate costExtensions extensionMonths
      budget { amount currency }
      countries { name officialName isoCode }
      implementer { name acronym kind parent { acronym } }
      funders { name acronym aliases kind }
      partners { lead role organization { name acronym localName aliases kind parentRelation parent { name acronym localName kind } } }
      outputs { title description component basedOn { title } project { code } }
      evaluations {
        id title type stage intendedUsers purpose methodology finalReportDate keyFindings
        criteria { name }
        evaluators { name organization { name kind } }
        evaluationFirm { name kind aliases }
        commissionedBy { name acronym aliases }
        managedBy { name title organization { name } }
        findings { title summary criterion { name } rating { score label scaleMax } evaluation { id } }
        conclusions { text }
        recommendations { code text theme { name } audiences { name } project { code } evaluation { id } }
        sources { fileName mediaType sha256 }
      }
    }
  }
`;

describe('the seed evaluation over GraphQL', () => {
  let project: any;
  let evaluation: any;

  beforeAll(async () => {
    ({ project } = await gqlData(api.url, PROJECT, { code: 'BO10P0001/CE.0350' }));
    evaluation = project.evaluations[0];
  });

  it('serves GET /healthz and GET /readyz once the store is ready', async () => {
    expect((await fetch(`${api.base}/healthz`)).status).toBe(200);
    const res = await fetch(`${api.base}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.status).toBe('ready');
    expect(body.store.backend).toBe(testStoreKind()); // the test project's store
    expect(body.store.nodes).toBeGreaterThan(30);
  });

  it('has the project information block', () => {
    expect(project.title).toBe('Strengthening Internal Migration Policies in Bolivia');
    expect(project.code).toBe('BO10P0001/CE.0350');
    expect(project.type).toBe('Migration policy');
    expect(project.coverage).toBe('Bolivia');
    expect(project.startDate).toBe('2016-11-01');
    expect(project.endDate).toBe('2018-10-31');
    expect(project.budget).toEqual({ amount: 100000, currency: 'USD' });
    expect(project.costExtensions).toBe(3);
    expect(project.extensionMonths).toBe(12);
    expect(project.countries).toEqual([{ name: 'Bolivia', officialName: 'Plurinational State of Bolivia', isoCode: 'BO' }]);
    expect(brief).toContain(squash(project.summary));
  });

  it('has the partners with their Spanish names, the lead, and the parent bodies', () => {
    const byAcronym = Object.fromEntries(project.partners.map((p: any) => [p.organization.acronym, p]));
    expect(Object.keys(byAcronym)).toEqual(['UDAPE', 'INE', 'IDIS']); // lead first
    expect(byAcronym.UDAPE.lead).toBe(true);
    expect(byAcronym.INE.lead).toBe(false);
    expect(byAcronym.IDIS.lead).toBe(false);
    expect(byAcronym.UDAPE.organization).toMatchObject({
      name: 'Social and Economic Policy Analysis Unit',
      localName: 'Unidad de Políticas Sociales y Económicas',
      kind: 'GOVERNMENT_AGENCY',
      parentRelation: 'decentralized unit linked to',
      parent: { acronym: 'MPD', name: 'Ministry of Development Planning', localName: 'Ministerio de Planificación del Desarrollo', kind: 'MINISTRY' },
    });
    expect(byAcronym.INE.organization).toMatchObject({ name: 'National Institute of Statistics', localName: 'Instituto Nacional de Estadística', parent: null });
    expect(byAcronym.IDIS.organization).toMatchObject({
      name: 'Sociological Research Institute',
      localName: 'Instituto de Investigaciones Sociológicas',
      parent: { acronym: 'UMSA', name: 'Higher University of San Andrés', localName: 'Universidad Mayor de San Andres', kind: 'UNIVERSITY' },
    });
    expect(byAcronym.UDAPE.role).toBe('Designed the project with IOM Bolivia; positioned as the leading organisation in the project in order to ensure continuity after the project closure');
    expect(byAcronym.INE.role).toBe('Designed the project with IOM Bolivia');
    expect(byAcronym.IDIS.role).toBe('Designed the project with IOM Bolivia');
  });

  it('has IOM Bolivia as implementer and the IOM Development Fund as funder and commissioner', () => {
    expect(project.implementer).toMatchObject({ name: 'IOM Bolivia', kind: 'COUNTRY_OFFICE', parent: { acronym: 'IOM' } });
    expect(project.funders).toEqual([{ name: 'IOM Development Fund', acronym: 'IDF', aliases: ['The Fund'], kind: 'DONOR_FUND' }]);
    expect(evaluation.commissionedBy).toEqual({ name: 'IOM Development Fund', acronym: 'IDF', aliases: ['The Fund'] });
  });

  it('has the two components and their outputs, the guidelines based on the study', () => {
    expect(project.outputs).toHaveLength(2);
    const [study, guidelines] = project.outputs;
    expect(study).toMatchObject({ component: 1, title: 'The study on internal migration in Bolivia', basedOn: [], project: { code: 'BO10P0001/CE.0350' } });
    expect(study.description).toMatch(/trends, characteristics and determinants of internal migration in relation to six strategic sectors/);
    expect(guidelines).toMatchObject({ component: 2, basedOn: [{ title: 'The study on internal migration in Bolivia' }] });
    expect(guidelines.description).toMatch(/strategic guidelines with sectorial orientation based on the results of the study/);
  });

  it('has the evaluation header: type, evaluator, firm, date, manager, purpose, criteria, methodology', () => {
    expect(project.evaluations).toHaveLength(1);
    expect(evaluation.type).toBe('External independent ex-post evaluation');
    expect(evaluation.stage).toBe('ex-post');
    expect(evaluation.title).toBe('Ex-post evaluation of the project “Strengthening Internal Migration Policies in Bolivia”');
    expect(evaluation.evaluators).toEqual([{ name: 'Patricia Goldschmid', organization: { name: 'Owl RE', kind: 'EVALUATION_FIRM' } }]);
    expect(evaluation.evaluationFirm).toMatchObject({ name: 'Owl RE', kind: 'EVALUATION_FIRM' });
    expect(evaluation.finalReportDate).toBe('2021-05-20');
    expect(evaluation.managedBy).toEqual({ name: 'Horacio Calle', title: 'Head of Mission', organization: { name: 'IOM Bolivia' } });
    expect(evaluation.intendedUsers).toBe('IOM project staff and management and the Fund');
    expect(brief).toContain(`Evaluation purpose: ${squash(evaluation.purpose)}`);
    expect(evaluation.criteria.map((c: any) => c.name)).toEqual(['Relevance', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability']);
    expect(evaluation.methodology).toEqual(['Document review', 'Semi-structured interviews (conducted remotely)']);
  });

  it('has the five rated findings with their text', () => {
    const rows = evaluation.findings.map((f: any) => [f.criterion.name, f.title, f.rating.score, f.rating.label]);
    expect(rows).toEqual([
      ['Relevance', 'Relevance', 4, 'Very Good'],
      ['Effectiveness', 'Effectiveness', 3, 'Good'],
      ['Efficiency', 'Efficiency and Cost Effectiveness', 3, 'Good'],
      ['Impact', 'Impact', 2, 'Adequate'],
      ['Sustainability', 'Sustainability', 3, 'Good'],
    ]);
    for (const finding of evaluation.findings) {
      expect(brief).toContain(squash(finding.summary));
      expect(finding.evaluation.id).toBe(evaluation.id);
    }
    expect(evaluation.findings[2].summary).toMatch(/Three cost extensions were allocated, extending the project by 12 months/);
  });

  it('has the key findings and the conclusions', () => {
    expect(evaluation.keyFindings).toHaveLength(1);
    expect(brief).toContain(`KEY FINDINGS ${squash(evaluation.keyFindings[0])}`);
    expect(evaluation.conclusions).toHaveLength(1);
    expect(brief).toContain(`Conclusions ${squash(evaluation.conclusions[0].text)}`);
  });

  it('has recommendations A to E with themes, texts and audiences', () => {
    const rows = evaluation.recommendations.map((r: any) => [r.code, r.theme.name, r.audiences.map((a: any) => a.name)]);
    expect(rows).toEqual([
      ['A', 'Approval processes', ['IOM Bolivia']],
      ['B', 'Plan of action', ['IOM Bolivia']],
      ['C', 'Stakeholder involvement', ['IOM Bolivia']],
      ['D', 'Record keeping', ['IOM Bolivia']],
      ['E.1', 'Project follow-up and handover', ['IOM Bolivia']],
      ['E.2', 'Project follow-up and handover', ['All IOM units implementing IDF projects']],
    ]);
    for (const rec of evaluation.recommendations) {
      expect(brief).toContain(`- ${squash(rec.text)}`);
      expect(rec.project.code).toBe('BO10P0001/CE.0350');
    }
  });

  it('links the facts to the source document they came from', () => {
    expect(evaluation.sources).toEqual([{ fileName: 'iom-bolivia-internal-migration-brief.txt', mediaType: 'text/plain', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });
});

describe('lookups a frontend starts from', () => {
  it('finds organisations by acronym, English name, local name and alias, accents and case aside', async () => {
    const query = `query($a: String, $n: String) { organization(acronym: $a, name: $n) { acronym } }`;
    const cases: [Record<string, string>, string | null][] = [
      [{ a: 'udape' }, 'UDAPE'],
      [{ n: 'National Institute of Statistics' }, 'INE'],
      [{ n: 'Instituto Nacional de Estadistica' }, 'INE'],
      [{ n: 'IDIS/UMSA' }, 'IDIS'],
      [{ n: 'Universidad Mayor de San Andrés' }, 'UMSA'],
      [{ n: 'Higher University of San Andrés' }, 'UMSA'],
      [{ n: 'The Fund' }, 'IDF'],
      [{ a: 'Social and Economic Policy Analysis Unit' }, null], // a name is not an acronym
      [{ n: 'Nonexistent Institute' }, null],
    ];
    for (const [vars, expected] of cases) {
      const { organization } = await gqlData(api.url, query, vars);
      expect(organization?.acronym ?? null, JSON.stringify(vars)).toBe(expected);
    }
  });

  it('walks the hierarchy downwards: MPD has UDAPE, UMSA has IDIS', async () => {
    const data = await gqlData(api.url, `{ mpd: organization(acronym: "MPD") { units { acronym } } umsa: organization(acronym: "UMSA") { units { acronym } partnerships { project { code } } } udape: organization(acronym: "UDAPE") { partnerships { lead project { code } } } }`);
    expect(data.mpd.units).toEqual([{ acronym: 'UDAPE' }]);
    expect(data.umsa.units).toEqual([{ acronym: 'IDIS' }]);
    expect(data.umsa.partnerships).toEqual([]);
    expect(data.udape.partnerships).toEqual([{ lead: true, project: { code: 'BO10P0001/CE.0350' } }]);
  });

  it('resolves every returned id through node(id:) to the same object', async () => {
    const data = await gqlData(api.url, `{ organizations(first: 100) { edges { node { id name } } } projects { edges { node { id title } } } }`);
    for (const { node } of data.organizations.edges) {
      const { node: again } = await gqlData(api.url, `query($id: ID!) { node(id: $id) { __typename id ... on Organization { name } } }`, { id: node.id });
      expect(again).toEqual({ __typename: 'Organization', id: node.id, name: node.name });
    }
    const projectId = data.projects.edges[0].node.id;
    const { node } = await gqlData(api.url, `query($id: ID!) { node(id: $id) { ... on Project { title } } }`, { id: projectId });
    expect(node.title).toBe('Strengthening Internal Migration Policies in Bolivia');
  });

  it('lists themes and criteria', async () => {
    const data = await gqlData(api.url, `{ themes { name broader { name } recommendations { code } } criteria { name findings { rating { score } } } }`);
    // The seed's five themes, each under the broader theme of the taxonomy (graph/themes.yaml).
    const filed = data.themes.filter((t: any) => t.recommendations.length).map((t: any) => [t.name, t.broader.name]);
    expect(filed).toEqual([
      ['Approval processes', 'Project design and planning'],
      ['Plan of action', 'Project design and planning'],
      ['Project follow-up and handover', 'Sustainability'],
      ['Record keeping', 'Monitoring, evaluation and knowledge management'],
      ['Stakeholder involvement', 'Partnerships and participation'],
    ]);
    expect(data.themes).toHaveLength(9);
    expect(data.themes.find((t: any) => t.name === 'Project follow-up and handover').recommendations).toEqual([{ code: 'E.1' }, { code: 'E.2' }]);
    expect(data.criteria.map((c: any) => [c.name, c.findings[0].rating.score])).toEqual([
      ['Effectiveness', 3], ['Efficiency', 3], ['Impact', 2], ['Relevance', 4], ['Sustainability', 3],
    ]);
  });

  it('filters connections with where.text across names, acronyms, aliases and text', async () => {
    const count = async (field: string, text: string) => (await gqlData(api.url, `query($t: String) { ${field}(where: { text: $t }) { totalCount } }`, { t: text }))[field].totalCount;
    expect(await count('organizations', 'estadistica')).toBe(1); // accent-insensitive local name
    expect(await count('organizations', 'the fund')).toBe(1); // alias
    expect(await count('organizations', 'iom')).toBe(4); // IOM, IOM Bolivia, IOM Development Fund, all IOM units
    expect(await count('recommendations', 'PRIMA')).toBe(1);
    expect(await count('recommendations', 'for future')).toBe(4);
    expect(await count('projects', 'bo10p0001')).toBe(1);
    expect(await count('evaluations', 'ex-post')).toBe(1);
    expect(await count('projects', 'nothing like this')).toBe(0);
  });

  it('filters by relationship: recommendations by theme and audience, projects by country', async () => {
    const recs = await gqlData(api.url, `{ a: recommendations(where: { theme: "record keeping" }) { edges { node { code } } } b: recommendations(where: { audience: "IOM Bolivia" }) { totalCount } c: recommendations(where: { audience: "All IOM units implementing IDF projects", theme: "Project follow-up and handover" }) { edges { node { code } } } d: projects(where: { country: "bo" }) { totalCount } e: projects(where: { country: "Peru" }) { totalCount } f: organizations(where: { kind: UNIVERSITY }) { edges { node { acronym } } } }`);
    expect(recs.a.edges).toEqual([{ node: { code: 'D' } }]);
    expect(recs.b.totalCount).toBe(5);
    expect(recs.c.edges).toEqual([{ node: { code: 'E.2' } }]);
    expect(recs.d.totalCount).toBe(1);
    expect(recs.e.totalCount).toBe(0);
    expect(recs.f.edges).toEqual([{ node: { acronym: 'UMSA' } }]);
  });

  it('pages through organisations with first/after without repeating or skipping', async () => {
    const all = await gqlData(api.url, `{ organizations(first: 100) { totalCount edges { node { id } } } }`);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { organizations: page }: any = await gqlData(api.url, `query($after: String) { organizations(first: 3, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`, { after });
      pages++;
      expect(page.totalCount).toBe(all.organizations.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(all.organizations.totalCount).toBe(10);
    expect(pages).toBe(4);
    expect(seen).toEqual(all.organizations.edges.map((e: any) => e.node.id));
  });

  it('answers bad input with BAD_USER_INPUT errors that say what is wrong', async () => {
    const cases: [string, RegExp][] = [
      [`{ organizations(first: 0) { totalCount } }`, /first must be between 1 and 100/],
      [`{ organizations(first: 101) { totalCount } }`, /first must be between 1 and 100, got 101/],
      [`{ organizations(after: "garbage!") { totalCount } }`, /not a cursor/],
      [`{ node(id: "bm90LWEtbm9kZQ") { id } }`, /not a valid id/],
      [`{ evaluation(id: "${Buffer.from('project:x').toString('base64url')}") { id } }`, /is the id of a Project, expected Evaluation/],
      [`{ project { id } }`, /exactly one of id or code/],
      [`{ organization(acronym: "INE", name: "INE") { id } }`, /exactly one of id, acronym or name/],
    ];
    for (const [query, message] of cases) {
      const res = await gql(api.url, query);
      expect(res.errors?.[0]?.message, query).toMatch(message);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });

  it('returns null, not an error, for a well-formed id or code that names nothing', async () => {
    const data = await gqlData(api.url, `{ project(code: "XX00") { id } evaluation(id: "${Buffer.from('evaluation:none').toString('base64url')}") { id } }`);
    expect(data).toEqual({ project: null, evaluation: null });
  });
});
