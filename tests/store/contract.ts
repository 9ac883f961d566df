/**
 * The store contract: what every GraphStore implementation must do, run against each one
 * (memory always; Neo4j when NEO4J_URI is set). Tests go through the port only.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/port.js';
import { and, eq, keys, or, related, type Filter } from '../../src/store/filter.js';

export interface StoreFactory {
  /** A store, opened, holding nothing. */
  create(): Promise<GraphStore>;
}

const org = (key: string, name: string, extra: Record<string, unknown> = {}): GraphNode => ({
  id: `organization:${key}`,
  label: 'Organization',
  props: { name, searchText: name.toLowerCase(), matchKeys: [key, name.toLowerCase()], ...extra } as GraphNode['props'],
});
const project = (key: string, title: string): GraphNode => ({ id: `project:${key}`, label: 'Project', props: { title, code: key.toUpperCase(), searchText: `${key} ${title.toLowerCase()}`, matchKeys: [key] } });
const edge = (type: GraphEdge['type'], from: string, to: string, props: GraphEdge['props'] = {}): GraphEdge => ({ type, from, to, props });

/** Two projects sharing a partner; one organisation with a parent. */
const FIXTURE = {
  nodes: [
    project('p1', 'Internal migration policies'),
    project('p2', 'Labour migration statistics'),
    org('ine', 'Instituto Nacional de Estadistica', { kind: 'STATISTICS_OFFICE', aliases: ['INE Bolivia'] }),
    org('udape', 'Unidad de Politicas Sociales', { kind: 'GOVERNMENT_AGENCY' }),
    org('mpd', 'Ministerio de Planificacion', { kind: 'MINISTRY' }),
  ],
  edges: [
    edge('PARTNERED_WITH', 'project:p1', 'organization:udape', { lead: true, position: 0 }),
    edge('PARTNERED_WITH', 'project:p1', 'organization:ine', { lead: false, position: 1 }),
    edge('PARTNERED_WITH', 'project:p2', 'organization:ine', { lead: true, position: 0 }),
    edge('PART_OF', 'organization:udape', 'organization:mpd', { relation: 'linked to' }),
  ],
};

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`${name} store contract`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await factory.create();
    });

    it('starts empty and ready', async () => {
      expect(await store.status()).toMatchObject({ backend: store.backend, ready: true, nodes: 0, edges: 0 });
    });

    it('writes a change and reports what it created, then what it updated', async () => {
      expect(await store.write(FIXTURE)).toEqual({ nodesCreated: 5, nodesUpdated: 0, edgesCreated: 4, edgesUpdated: 0, nodesDeleted: 0 });
      expect(await store.write(FIXTURE)).toEqual({ nodesCreated: 0, nodesUpdated: 5, edgesCreated: 0, edgesUpdated: 4, nodesDeleted: 0 });
      expect(await store.status()).toMatchObject({ nodes: 5, edges: 4 });
    });

    it('gets nodes by id in the order asked, null where absent, with their properties intact', async () => {
      await store.write(FIXTURE);
      const [ine, none, p1] = await store.getNodes(['organization:ine', 'organization:nope', 'project:p1']);
      expect(ine).toEqual(FIXTURE.nodes[2]);
      expect(none).toBeNull();
      expect(p1?.props.title).toBe('Internal migration policies');
    });

    it('merges properties on update, key by key', async () => {
      await store.write(FIXTURE);
      await store.write({ nodes: [{ id: 'organization:ine', label: 'Organization', props: { acronym: 'INE', aliases: ['INE', 'Statistics'] } }], edges: [] });
      const [ine] = await store.getNodes(['organization:ine']);
      expect(ine?.props).toMatchObject({ name: 'Instituto Nacional de Estadistica', acronym: 'INE', aliases: ['INE', 'Statistics'], kind: 'STATISTICS_OFFICE' });
    });

    it('follows a relationship out and in, for many ids at once, ordered by position', async () => {
      await store.write(FIXTURE);
      const out = await store.neighbours(['project:p1', 'project:p2', 'project:none'], 'PARTNERED_WITH', 'out');
      expect(out.map((list) => list.map((n) => n.node.id))).toEqual([['organization:udape', 'organization:ine'], ['organization:ine'], []]);
      expect(out[0]![0]!.edge).toEqual({ type: 'PARTNERED_WITH', from: 'project:p1', to: 'organization:udape', props: { lead: true, position: 0 } });
      const into = await store.neighbours(['organization:ine', 'organization:mpd'], 'PARTNERED_WITH', 'in');
      expect(into.map((list) => list.map((n) => n.node.id))).toEqual([['project:p1', 'project:p2'], []]);
      const parents = await store.neighbours(['organization:mpd'], 'PART_OF', 'in');
      expect(parents[0]!.map((n) => [n.node.id, n.edge.props.relation])).toEqual([['organization:udape', 'linked to']]);
    });

    it('finds nodes by match key, per key', async () => {
      await store.write(FIXTURE);
      const found = await store.findByKeys('Organization', ['ine', 'ministerio de planificacion', 'p1', 'unknown']);
      expect(found.map((list) => list.map((n) => n.id))).toEqual([['organization:ine'], ['organization:mpd'], [], []]);
    });

    it('lists a label by id with a total count, text, property and id filters', async () => {
      await store.write(FIXTURE);
      const all = await store.list({ label: 'Organization', first: 10 });
      expect(all.nodes.map((n) => n.id)).toEqual(['organization:ine', 'organization:mpd', 'organization:udape']);
      expect(all).toMatchObject({ totalCount: 3, hasNextPage: false });
      const text = await store.list({ label: 'Organization', first: 10, filter: { kind: 'text', text: 'ESTADÍSTICA' } });
      expect(text.nodes.map((n) => n.id)).toEqual(['organization:ine']);
      const kind = await store.list({ label: 'Organization', first: 10, filter: eq('kind', 'MINISTRY') });
      expect(kind.nodes.map((n) => n.id)).toEqual(['organization:mpd']);
      const alias = await store.list({ label: 'Organization', first: 10, filter: eq('aliases', 'INE Bolivia') });
      expect(alias.nodes.map((n) => n.id)).toEqual(['organization:ine']);
      const ids = await store.list({ label: 'Organization', first: 10, filter: { kind: 'ids', ids: ['organization:udape', 'project:p1', 'organization:zzz'] } });
      expect(ids).toMatchObject({ totalCount: 1 });
      const none = await store.list({ label: 'Organization', first: 10, filter: { kind: 'ids', ids: [] } });
      expect(none).toMatchObject({ totalCount: 0, nodes: [] });
    });

    it('filters through relationships, with and/or/not, names and relationship properties', async () => {
      await store.write(FIXTURE);
      const ids = async (label: 'Organization' | 'Project', filter: Filter) => (await store.list({ label, first: 10, filter })).nodes.map((n) => n.id);
      // Partners of a project, and projects with a lead partner.
      expect(await ids('Organization', related('PARTNERED_WITH', 'in', keys('P1')))).toEqual(['organization:ine', 'organization:udape']);
      expect(await ids('Project', related('PARTNERED_WITH', 'out', keys('ine'), { edge: eq('lead', true) }))).toEqual(['project:p2']);
      // Two levels: projects with a partner that is part of the ministry.
      expect(await ids('Project', related('PARTNERED_WITH', 'out', related('PART_OF', 'out', eq('kind', 'MINISTRY'))))).toEqual(['project:p1']);
      expect(await ids('Organization', and(related('PARTNERED_WITH', 'in'), { kind: 'not', filter: related('PART_OF', 'out') })!)).toEqual(['organization:ine']);
      expect(await ids('Organization', or(eq('kind', 'MINISTRY'), keys('Unidad de Politicas Sociales')))).toEqual(['organization:mpd', 'organization:udape']);
      expect(await ids('Project', { kind: 'range', property: 'code', from: 'P2' })).toEqual(['project:p2']);
    });

    it('pages with first/after as a keyset: no repeats, no gaps, stable when nodes are added before the cursor', async () => {
      await store.write(FIXTURE);
      const page1 = await store.list({ label: 'Organization', first: 2 });
      expect(page1.nodes.map((n) => n.id)).toEqual(['organization:ine', 'organization:mpd']);
      expect(page1.hasNextPage).toBe(true);
      await store.write({ nodes: [org('aaa', 'Added before the cursor')], edges: [] });
      const page2 = await store.list({ label: 'Organization', first: 2, after: page1.nodes[1]!.id });
      expect(page2.nodes.map((n) => n.id)).toEqual(['organization:udape']);
      expect(page2).toMatchObject({ hasNextPage: false, totalCount: 4 });
    });

    it('searches text of the searchable labels, best match first, filtered by label and limited', async () => {
      await store.write({
        nodes: [
          ...FIXTURE.nodes,
          { id: 'recommendation:e1:a', label: 'Recommendation', props: { text: 'Allow extra time for government approval processes', searchText: 'allow extra time for government approval processes' } },
          { id: 'recommendation:e1:b', label: 'Recommendation', props: { text: 'Keep minutes of meetings', searchText: 'keep minutes of meetings' } },
          { id: 'recommendation:e2:a', label: 'Recommendation', props: { text: 'Approvals by the government take time', searchText: 'approvals by the government take time' } },
        ],
        edges: [],
      });
      const hits = await store.search({ text: 'Government approval', labels: ['Recommendation'], limit: 10 });
      expect(hits.map((h) => h.node.id).sort()).toEqual(['recommendation:e1:a', 'recommendation:e2:a']);
      expect(hits.every((h) => h.score > 0)).toBe(true);
      expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
      expect(hits[0]!.node.props.text).toMatch(/approval/i);
      expect((await store.search({ text: 'government', labels: ['Recommendation'], limit: 1 })).length).toBe(1);
      expect(await store.search({ text: 'government', labels: ['Project'], limit: 10 })).toEqual([]);
      const projects = await store.search({ text: 'MIGRATION statistics', labels: ['Project', 'Organization'], limit: 10 });
      expect(projects[0]!.node.id).toBe('project:p2');
      expect(await store.search({ text: 'the and of', labels: ['Recommendation'], limit: 10 })).toEqual([]);
    });

    it('searches term by term with inflections folded: "delay" finds "delays" and "delayed"', async () => {
      await store.write({
        nodes: [
          { id: 'recommendation:e1:a', label: 'Recommendation', props: { text: 'Approvals were delayed', searchText: 'approvals were delayed' } },
          { id: 'recommendation:e1:b', label: 'Recommendation', props: { text: 'Delays in approvals', searchText: 'delays in approvals' } },
          { id: 'recommendation:e1:c', label: 'Recommendation', props: { text: 'Keep minutes of meetings', searchText: 'keep minutes of meetings' } },
        ],
        edges: [],
      });
      const ids = async (text: string) => (await store.search({ text, labels: ['Recommendation'], limit: 10 })).map((h) => h.node.id).sort();
      expect(await ids('delay')).toEqual(['recommendation:e1:a', 'recommendation:e1:b']);
      expect(await ids('Delayed')).toEqual(['recommendation:e1:a', 'recommendation:e1:b']);
      expect(await ids('meeting minute')).toEqual(['recommendation:e1:c']);
    });

    it('searches with a long text (1,500 distinct words, as a pasted report section may have) without failing', async () => {
      await store.write({ nodes: [{ id: 'recommendation:e1:a', label: 'Recommendation', props: { text: 'Keep minutes of meetings', searchText: 'keep minutes of meetings' } }], edges: [] });
      const words = Array.from({ length: 1_500 }, (_, i) => `w${i.toString(36)}q`);
      const hits = await store.search({ text: `minutes ${words.join(' ')}`, labels: ['Recommendation'], limit: 5 });
      expect(hits.map((h) => h.node.id)).toEqual(['recommendation:e1:a']);
    });

    it('deletes nodes with their relationships and deletes relationships, in the same atomic change', async () => {
      await store.write(FIXTURE);
      const summary = await store.write({
        deleteNodes: ['organization:udape', 'organization:nowhere'],
        deleteEdges: [
          { from: 'project:p2', type: 'PARTNERED_WITH', to: 'organization:ine' },
          { from: 'project:p2', type: 'PARTNERED_WITH', to: 'organization:nowhere' },
        ],
        nodes: [],
        edges: [edge('PARTNERED_WITH', 'project:p2', 'organization:mpd', { lead: true, position: 0 })],
      });
      expect(summary).toEqual({ nodesCreated: 0, nodesUpdated: 0, edgesCreated: 1, edgesUpdated: 0, nodesDeleted: 1 });
      // Writing a relationship again updates it rather than recreating it.
      const again = await store.write({ nodes: [], edges: [edge('PARTNERED_WITH', 'project:p2', 'organization:mpd', { lead: false, position: 0 })] });
      expect(again).toMatchObject({ edgesCreated: 0, edgesUpdated: 1 });
      expect(await store.getNodes(['organization:udape'])).toEqual([null]);
      const partners = await store.neighbours(['project:p1', 'project:p2'], 'PARTNERED_WITH', 'out');
      expect(partners.map((l) => l.map((n) => n.node.id))).toEqual([['organization:ine'], ['organization:mpd']]);
      expect(partners[1]![0]!.edge.props.lead).toBe(false);
      expect(await store.neighbours(['organization:mpd'], 'PART_OF', 'in')).toEqual([[]]);
      expect(await store.status()).toMatchObject({ nodes: 4, edges: 2 });
    });

    it('rolls back deletions when the rest of the change is refused', async () => {
      await store.write(FIXTURE);
      await expect(store.write({ deleteNodes: ['organization:ine'], nodes: [], edges: [edge('PARTNERED_WITH', 'project:p1', 'organization:ine')] })).rejects.toThrow(/end node does not exist/);
      expect(await store.status()).toMatchObject({ nodes: 5, edges: 4 });
    });

    it('forgets deleted nodes in text search', async () => {
      await store.write({ nodes: [{ id: 'recommendation:e1:a', label: 'Recommendation', props: { text: 'Keep minutes', searchText: 'keep minutes' } }], edges: [] });
      await store.write({ deleteNodes: ['recommendation:e1:a'], nodes: [], edges: [] });
      expect(await store.search({ text: 'minutes', labels: ['Recommendation'], limit: 5 })).toEqual([]);
    });

    it('orders by a property, either way, missing values last, and pages through it with keyset cursors', async () => {
      await store.write({ nodes: [...FIXTURE.nodes, { id: 'organization:zz', label: 'Organization', props: { acronym: 'ZZ' } }], edges: [] });
      const names = async (descending: boolean, after?: { id: string; value: string } | string) =>
        (await store.list({ label: 'Organization', first: 2, orderBy: { property: 'name', descending }, after })).nodes.map((n) => n.id);
      expect(await names(false)).toEqual(['organization:ine', 'organization:mpd']);
      expect(await names(false, { id: 'organization:mpd', value: 'ministerio de planificacion' })).toEqual(['organization:udape', 'organization:zz']);
      expect(await names(false, 'organization:mpd')).toEqual(['organization:udape', 'organization:zz']); // a bare id works too
      expect(await names(true)).toEqual(['organization:zz', 'organization:udape']);
      expect(await names(true, 'organization:udape')).toEqual(['organization:mpd', 'organization:ine']);
      const page = await store.list({ label: 'Organization', first: 3, orderBy: { property: 'name', descending: false }, filter: eq('kind', 'MINISTRY') });
      expect(page).toMatchObject({ totalCount: 1, hasNextPage: false });
    });

    it('filters by a range of a property (dates compare as YYYY-MM-DD), leaving out nodes without it', async () => {
      await store.write({
        nodes: [
          { id: 'evaluation:a', label: 'Evaluation', props: { title: 'A', finalReportDate: '2019-09-30' } },
          { id: 'evaluation:b', label: 'Evaluation', props: { title: 'B', finalReportDate: '2021-05-20' } },
          { id: 'evaluation:c', label: 'Evaluation', props: { title: 'C', finalReportDate: '2024-02-28' } },
          { id: 'evaluation:d', label: 'Evaluation', props: { title: 'D' } },
        ],
        edges: [],
      });
      const ids = async (range: { from?: string; to?: string }) => (await store.list({ label: 'Evaluation', first: 10, filter: { kind: 'range', property: 'finalReportDate', ...range } })).nodes.map((n) => n.id);
      expect(await ids({ from: '2020-01-01' })).toEqual(['evaluation:b', 'evaluation:c']);
      expect(await ids({ to: '2021-05-20' })).toEqual(['evaluation:a', 'evaluation:b']);
      expect(await ids({ from: '2020-01-01', to: '2023-12-31' })).toEqual(['evaluation:b']);
      expect((await store.list({ label: 'Evaluation', first: 1, filter: { kind: 'range', property: 'finalReportDate', from: '2000-01-01' }, orderBy: { property: 'finalReportDate', descending: true } })).nodes.map((n) => n.id)).toEqual(['evaluation:c']);
    });

    it('filters and orders by a whole-number property as the text it reads as ("2021", not "2021.0"), paging on from a bare id', async () => {
      await store.write({
        nodes: [
          { id: 'evaluation:a', label: 'Evaluation', props: { title: 'A', year: 2019 } },
          { id: 'evaluation:b', label: 'Evaluation', props: { title: 'B', year: 2021 } },
          { id: 'evaluation:c', label: 'Evaluation', props: { title: 'C', year: 2024 } },
        ],
        edges: [],
      });
      const ids = async (query: Partial<Parameters<GraphStore['list']>[0]>) => (await store.list({ label: 'Evaluation', first: 10, ...query })).nodes.map((n) => n.id);
      expect(await ids({ filter: { kind: 'range', property: 'year', from: '2020', to: '2021' } })).toEqual(['evaluation:b']);
      expect(await ids({ filter: { kind: 'range', property: 'year', to: '2019' } })).toEqual(['evaluation:a']);
      expect(await ids({ filter: { kind: 'range', property: 'year', from: 2020, to: 2021 } })).toEqual(['evaluation:b']);
      expect(await ids({ filter: eq('year', 2021) })).toEqual(['evaluation:b']);
      const byYear = { property: 'year', descending: false };
      expect(await ids({ first: 1, orderBy: byYear })).toEqual(['evaluation:a']);
      expect(await ids({ first: 1, orderBy: byYear, after: 'evaluation:a' })).toEqual(['evaluation:b']);
      expect(await ids({ first: 1, orderBy: byYear, after: { id: 'evaluation:b', value: '2021' } })).toEqual(['evaluation:c']);
      const [b] = await store.getNodes(['evaluation:b']);
      expect(b?.props.year).toBe(2021);
    });

    it('rejects a change with a dangling relationship and writes none of it', async () => {
      await store.write(FIXTURE);
      const bad = { nodes: [project('p3', 'New project')], edges: [edge('PARTNERED_WITH', 'project:p3', 'organization:nowhere')] };
      await expect(store.write(bad)).rejects.toThrow(/\(project:p3\)-\[:PARTNERED_WITH\]->\(organization:nowhere\): end node does not exist/);
      expect(await store.getNodes(['project:p3'])).toEqual([null]);
      expect(await store.status()).toMatchObject({ nodes: 5, edges: 4 });
    });

    it('rejects a relationship between labels the model does not allow', async () => {
      await expect(store.write({ nodes: FIXTURE.nodes, edges: [edge('PART_OF', 'project:p1', 'organization:ine')] })).rejects.toThrow(/cannot start at a Project/);
      expect(await store.status()).toMatchObject({ nodes: 0, edges: 0 });
    });

    it('refuses a node whose label is not the one its id names', async () => {
      await store.write(FIXTURE);
      await expect(store.write({ nodes: [{ id: "organization:ine", label: "Project", props: {} }], edges: [] })).rejects.toThrow(/organization:ine: the id.s prefix names Organization, so it cannot be a Project/);
      expect(await store.getNodes(["organization:ine"])).toEqual([FIXTURE.nodes[2]]);
    });
  });
}
