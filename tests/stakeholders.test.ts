/**
 * Who worked with whom, over the fixture corpus (eight evaluations written for these tests,
 * plus the seed), through GraphQL over HTTP. Expected values were worked out by hand from the
 * records: tests/fixtures/corpus-expected.yaml says how each one follows. Runs on each store
 * (the test project's).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRecords } from '../src/ingest/recordFiles.js';
import { importRecords } from '../src/services/import/index.js';
import { startServer, type RunningServer } from '../src/server.js';
import { gql, gqlData, ROOT } from './helpers/api.js';
import { createTestStore } from './helpers/store.js';

interface OrgRef {
  acronym?: string;
  name?: string;
}

let server: RunningServer;
let url: string;
const expected = parse(await readFile(path.join(ROOT, 'tests/fixtures/corpus-expected.yaml'), 'utf8'));

beforeAll(async () => {
  const store = await createTestStore();
  await importRecords(store, await readRecords([path.join(ROOT, 'seeds'), path.join(ROOT, 'tests/fixtures/corpus')]));
  server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${server.port}/graphql`;
});
afterAll(async () => server?.stop());

const idCache = new Map<string, string>();
async function orgId(ref: OrgRef): Promise<string> {
  const key = JSON.stringify(ref);
  if (!idCache.has(key)) {
    const { organization } = await gqlData(url, `query($a: String, $n: String) { organization(acronym: $a, name: $n) { id name } }`, ref.acronym ? { a: ref.acronym } : { n: ref.name });
    expect(organization, key).not.toBeNull();
    if (ref.name) expect(organization.name).toBe(ref.name);
    idCache.set(key, organization.id);
  }
  return idCache.get(key)!;
}

const nodeString = (n: { label: string; name: string }) => `${n.label}:${n.name}`;
const roleSet = (roles: { role: string; lead?: boolean }[]) => roles.map((r) => (r.role === 'PARTNER' ? `PARTNER${r.lead ? '(lead)' : ''}` : r.role)).sort();

describe('the corpus', () => {
  it('holds nine projects and one node per institution however records spell it', async () => {
    const data = await gqlData(url, `{ projects { totalCount } organizations(first: 100) { totalCount } umsa: organization(name: "Universidad Mayor de San Andres") { acronym } sgcan: organization(name: "Andean Community") { acronym } }`);
    expect(data.projects.totalCount).toBe(9);
    expect(data.organizations.totalCount).toBe(34);
    expect(data.umsa.acronym).toBe('UMSA');
    expect(data.sgcan.acronym).toBe('SGCAN');
  });
});

describe('Organization.collaborators', () => {
  for (const c of expected.collaborators) {
    it(`lists who shares projects with ${c.organization.acronym ?? c.organization.name}, most shared first, with the roles on each side`, async () => {
      const id = await orgId(c.organization);
      const { node } = await gqlData(
        url,
        `query($id: ID!) { node(id: $id) { ... on Organization { collaborators(first: 100) { organization { name } sharedProjectCount projects { project { code } roles lead theirRoles theirLead } } } } }`,
        { id },
      );
      const actual = node.collaborators.map((col: any) => ({
        name: col.organization.name,
        count: col.sharedProjectCount,
        projects: Object.fromEntries(
          col.projects.map((p: any) => [p.project.code, { ours: roleSet(p.roles.map((role: string) => ({ role, lead: p.lead }))), theirs: roleSet(p.theirRoles.map((role: string) => ({ role, lead: p.theirLead }))) }]),
        ),
      }));
      const wanted = c.expected.map((e: any) => ({
        name: e.collaborator.name,
        count: e.projects.length,
        projects: Object.fromEntries(e.projects.map((p: any) => [p.code, { ours: roleSet(p.ours), theirs: roleSet(p.theirs) }])),
      }));
      expect(actual).toEqual(wanted);
    });
  }
});

describe('Organization.roles', () => {
  for (const r of expected.roles) {
    it(`lists every role of ${r.organization.acronym ?? r.organization.name} with what it attaches to`, async () => {
      const id = await orgId(r.organization);
      const { node } = await gqlData(
        url,
        `query($id: ID!) { node(id: $id) { ... on Organization { roles { role lead project { code } evaluation { project { code } } recommendation { code } person { name } organization { name } } } } }`,
        { id },
      );
      const describe = (x: any) => `${x.role}${x.role === 'PARTNER' ? `(lead=${x.lead})` : ''} ${x.project ?? x.other ?? ''} ${[...(x.via ?? [])].sort().join(',')}`;
      // AUDIENCE comes once per recommendation; EMPLOYER once per person: group them per project.
      const grouped = new Map<string, any>();
      for (const role of node.roles) {
        const project = role.project?.code;
        const key = `${role.role}|${project ?? role.organization?.name}`;
        const entry = grouped.get(key) ?? { role: role.role, lead: role.lead, project, other: role.organization?.name, via: [] };
        if (role.recommendation) entry.via.push(`${project}#${role.recommendation.code}`);
        if (role.person) entry.via.push(role.person.name);
        if (role.evaluation) expect(role.evaluation.project.code).toBe(project);
        grouped.set(key, entry);
      }
      const wanted = r.expected.map((e: any) => describe({ ...e, other: e.other?.name }));
      expect([...grouped.values()].map(describe).sort()).toEqual(wanted.sort());
    });
  }

  it('filters organisations by role, kind and country', async () => {
    const names = async (where: string) => (await gqlData(url, `{ organizations(first: 100, where: ${where}) { edges { node { name } } } }`)).organizations.edges.map((e: any) => e.node.name).sort();
    expect(await names('{ role: EVALUATION_FIRM }')).toEqual(['Altiplano Evaluation Collective', 'Atlas Evaluation Consultants', 'Meridian Evaluation Group', 'Owl RE', 'Quipu Evaluation Partners']);
    expect(await names('{ role: PARENT }')).toEqual(['Higher University of San Andrés', 'International Organization for Migration', 'Ministry of Development Planning']);
    expect(await names('{ role: FUNDER, country: "Colombia" }')).toEqual(['Global Affairs Canada', 'IOM Development Fund']);
    expect(await names('{ country: "MA", kind: COUNTRY_OFFICE }')).toEqual(['IOM Morocco']);
    expect(await names('{ role: COMMISSIONER, text: "iom" }')).toEqual(['IOM Colombia', 'IOM Development Fund']);
  });
});

describe('stakeholderNetwork', () => {
  for (const n of expected.networks) {
    it(`is the neighbourhood of ${n.organization.acronym ?? n.organization.name} (depth ${n.depth}, roles ${n.roles ?? 'all'}, cap ${n.maxNodes})`, async () => {
      const id = await orgId(n.organization);
      const { stakeholderNetwork: net } = await gqlData(
        url,
        `query($id: ID!, $depth: Int, $roles: [Role!], $max: Int) { stakeholderNetwork(organizationId: $id, depth: $depth, roles: $roles, maxNodes: $max) { nodes { id label name hop } edges { source target type properties { roles lead } } nodeCap truncated omittedNodes } }`,
        { id, depth: n.depth, roles: n.roles, max: n.maxNodes },
      );
      expect(net.nodes.map(nodeString)).toEqual(n.nodes);
      expect(net.omittedNodes).toBe(n.leftOut);
      expect(net.truncated).toBe(n.leftOut > 0);
      expect(net.nodeCap).toBe(n.maxNodes);
      // Edges join returned nodes only, and every returned node but the start is joined.
      const ids = new Set(net.nodes.map((x: any) => x.id));
      for (const e of net.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      const touched = new Set(net.edges.flatMap((e: any) => [e.source, e.target]));
      if (net.nodes.length > 1) for (const x of net.nodes) expect(touched.has(x.id), x.name).toBe(true);
    });
  }

  it('draws roles on the links: UDAPE led the seed project; MPD is its parent', async () => {
    const { stakeholderNetwork: net } = await gqlData(url, `query($id: ID!) { stakeholderNetwork(organizationId: $id, depth: 1) { nodes { id name } edges { source target type properties { roles lead } } } }`, { id: await orgId({ acronym: 'UDAPE' }) });
    const name = new Map(net.nodes.map((x: any) => [x.id, x.name]));
    const edges = net.edges.map((e: any) => `${name.get(e.source)} -${e.type}${e.properties.lead ? '(lead)' : ''}-> ${name.get(e.target)}`).sort();
    expect(edges).toEqual([
      'Social and Economic Policy Analysis Unit -PARTNER(lead)-> BO10P0001/CE.0350',
      'Social and Economic Policy Analysis Unit -PARTNER-> BO10P0009',
      'Social and Economic Policy Analysis Unit -PART_OF-> Ministry of Development Planning',
    ]);
  });

  it('refuses a depth or cap out of range, and an id that is not a stakeholder', async () => {
    const id = await orgId({ acronym: 'INE' });
    const tooDeep = await gql(url, `query($id: ID!) { stakeholderNetwork(organizationId: $id, depth: 9) { omittedNodes } }`, { id });
    expect(tooDeep.errors?.[0]).toMatchObject({ message: 'depth must be between 1 and 4, got 9', extensions: { code: 'BAD_USER_INPUT' } });
    const bigCap = await gql(url, `query($id: ID!) { stakeholderNetwork(organizationId: $id, maxNodes: 100000) { omittedNodes } }`, { id });
    expect(bigCap.errors?.[0]?.message).toBe('maxNodes must be between 1 and 500, got 100000');
    const { themes } = await gqlData(url, `{ themes { id } }`);
    const wrong = await gql(url, `query($id: ID!) { stakeholderNetwork(organizationId: $id) { omittedNodes } }`, { id: themes[0].id });
    expect(wrong.errors?.[0]?.message).toMatch(/is the id of a Theme, expected Organization or Project/);
  });
});

describe('stakeholderPaths', () => {
  for (const p of expected.paths) {
    it(`connects ${p.from.acronym ?? p.from.name} to ${p.to.acronym ?? p.to.name} within ${p.maxHops} hops (first ${p.first})`, async () => {
      const { stakeholderPaths } = await gqlData(
        url,
        `query($from: ID!, $to: ID!, $max: Int, $first: Int) { stakeholderPaths(from: $from, to: $to, maxHops: $max, first: $first) { length nodes { label name hop } edges { type source target } } }`,
        { from: await orgId(p.from), to: await orgId(p.to), max: p.maxHops, first: p.first },
      );
      expect(stakeholderPaths.map((path: any) => path.nodes.map(nodeString))).toEqual(p.paths);
      for (const path of stakeholderPaths) {
        expect(path.length).toBe(path.nodes.length - 1);
        expect(path.edges).toHaveLength(path.length);
        expect(path.nodes.map((n: any) => n.hop)).toEqual(path.nodes.map((_: any, i: number) => i));
      }
    });
  }
});

describe('Criterion.ratingSummary', () => {
  for (const a of expected.aggregates) {
    for (const c of a.cases) {
      it(`summarises ${a.criterion} ratings for ${JSON.stringify(c.filter)}`, async () => {
        const { criteria } = await gqlData(url, `query($where: RatingSummaryWhere) { criteria { name ratingSummary(where: $where) { count average distribution { score count labels } unrated } } }`, { where: c.filter });
        const summary = criteria.find((x: any) => x.name === a.criterion).ratingSummary;
        expect({ ...summary, distribution: summary.distribution.map(({ score, count }: any) => ({ score, count })) }).toEqual({ count: c.count, average: c.average, distribution: c.distribution, unrated: c.unrated });
      });
    }
  }
});

describe('listing: orderBy, ids and stable cursors', () => {
  it('orders organisations by name either way and pages through them without repeats or gaps', async () => {
    const all = async (direction: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const { organizations: page }: any = await gqlData(url, `query($after: String, $dir: OrderDirection) { organizations(first: 7, after: $after, orderBy: { field: NAME, direction: $dir }) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`, { after, dir: direction });
        seen.push(...page.edges.map((e: any) => e.node.name));
        if (!page.pageInfo.hasNextPage) return seen;
        after = page.pageInfo.endCursor;
      }
    };
    const ascending = await all('ASC');
    expect(ascending).toHaveLength(34);
    expect(ascending).toEqual([...ascending].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(await all('DESC')).toEqual([...ascending].reverse());
  });

  it('orders evaluations by report date, newest first, and filters by ids', async () => {
    const { evaluations } = await gqlData(url, `{ evaluations(first: 3, orderBy: { field: FINAL_REPORT_DATE, direction: DESC }) { edges { node { id finalReportDate project { code } } } } }`);
    expect(evaluations.edges.map((e: any) => e.node.finalReportDate)).toEqual(['2024-10-05', '2024-02-28', '2023-03-15']);
    const ids = evaluations.edges.slice(0, 2).map((e: any) => e.node.id);
    const { evaluations: picked } = await gqlData(url, `query($ids: [ID!]) { evaluations(where: { ids: $ids }) { totalCount edges { node { project { code } } } } }`, { ids });
    expect(picked.totalCount).toBe(2);
    expect(picked.edges.map((e: any) => e.node.project.code).sort()).toEqual(['GT10P0031', 'PE10P0044']);
  });
});

describe('listing: date ranges and the evaluated project', () => {
  it('filters evaluations by report date range, country and project type', async () => {
    const codes = async (where: string) => (await gqlData(url, `{ evaluations(where: ${where}, orderBy: { field: FINAL_REPORT_DATE }) { edges { node { finalReportDate project { code } } } } }`)).evaluations.edges.map((e: any) => e.node.project.code);
    expect(await codes('{ finalReportDateFrom: "2022-01-01", finalReportDateTo: "2024-03-01" }')).toEqual(['EC10P0020', 'BO10P0009', 'GT10P0031']);
    expect(await codes('{ country: "Bolivia" }')).toEqual(['BO10P0005', 'BO10P0001/CE.0350', 'BO10P0009']);
    expect(await codes('{ country: "PE", projectType: "migration data" }')).toEqual(['PE10P0044']);
    expect(await codes('{ finalReportDateTo: "2018-12-31" }')).toEqual([]);
  });

  it('filters projects by start date range', async () => {
    const { projects } = await gqlData(url, `{ projects(where: { startDateFrom: "2016-01-01", startDateTo: "2016-12-31" }) { edges { node { code startDate } } } }`);
    for (const { node } of projects.edges) expect(node.startDate.startsWith('2016')).toBe(true);
    expect(projects.edges.map((e: any) => e.node.code)).toContain('BO10P0001/CE.0350');
  });
});

describe('listing: rating ranges', () => {
  it('finds the evaluations that rated a criterion within a range', async () => {
    const codes = async (rating: string) => (await gqlData(url, `{ evaluations(where: { rating: ${rating} }) { edges { node { project { code } } } } }`)).evaluations.edges.map((e: any) => e.node.project.code).sort();
    // Efficiency scores (tests/fixtures/corpus-expected.yaml): one 1 (Morocco), three 2s, five 3s.
    expect(await codes('{ criterion: "Efficiency", max: 1 }')).toEqual(['MA10P0050']);
    expect(await codes('{ criterion: "efficiency", min: 3 }')).toHaveLength(5);
    expect(await codes('{ criterion: "Relevance", min: 5 }')).toEqual(['GT10P0031']);
    const unknown = await gql(url, `{ evaluations(where: { rating: { criterion: "Beauty", min: 1 } }) { totalCount } }`);
    expect(unknown.errors?.[0]).toMatchObject({ message: 'rating.criterion: no criterion is called "Beauty"', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
