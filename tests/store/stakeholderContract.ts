/**
 * The stakeholder graph as every store keeps it: PARTICIPATES_IN derived from the roles in the
 * transaction of each change (domain/participation.ts), and the graph questions asked of it
 * (neighbourhood, paths, collaborators). Run against each store by its contract test file.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, Label } from '../../src/domain/model.js';
import { withDerived } from '../../src/domain/derived.js';
import type { GraphChange, GraphStore } from '../../src/store/port.js';
import type { StoreFactory } from './contract.js';

const node = (label: Label, key: string, props: Record<string, unknown>): GraphNode => ({ id: `${label.toLowerCase()}:${key}`, label, props: withDerived(label, props as GraphNode['props']) });
const org = (key: string, name: string) => node('Organization', key, { name });
const project = (code: string) => node('Project', code.toLowerCase(), { code, title: `Project ${code}` });
const evaluation = (key: string, title: string) => node('Evaluation', key, { title });
const edge = (type: GraphEdge['type'], from: string, to: string, props: GraphEdge['props'] = {}): GraphEdge => ({ type, from, to, props });

/**
 * Two projects and an evaluation of no project (a policy evaluation):
 * - P1: UDAPE leads as partner, INE partners and is the evaluation's audience; IOM implements;
 *   evaluation E1 of P1 is commissioned by the IOM Development Fund, conducted by Ayni firm;
 * - P2: INE leads; UMSA partners;
 * - E2 (no project): commissioned by the Fund, conducted by Ayni;
 * - UMSA's unit IIS is part of it.
 */
const WORLD: GraphChange = {
  nodes: [
    project('P1'),
    project('P2'),
    evaluation('e1', 'Final evaluation of P1'),
    evaluation('e2', 'Evaluation of the migration policy'),
    node('Recommendation', 'e1-r1', { code: 'R1', text: 'Publish the data.' }),
    org('udape', 'Unidad de Analisis de Politicas Sociales y Economicas'),
    org('ine', 'Instituto Nacional de Estadistica'),
    org('iom', 'IOM Bolivia'),
    org('fund', 'IOM Development Fund'),
    org('ayni', 'Ayni Consultores'),
    org('umsa', 'Universidad Mayor de San Andres'),
    org('iis', 'Instituto de Investigaciones Sociologicas'),
  ],
  edges: [
    edge('PARTNERED_WITH', 'project:p1', 'organization:udape', { lead: true, position: 0 }),
    edge('PARTNERED_WITH', 'project:p1', 'organization:ine', { lead: false, position: 1 }),
    edge('IMPLEMENTED_BY', 'project:p1', 'organization:iom'),
    edge('EVALUATES', 'evaluation:e1', 'project:p1'),
    edge('COMMISSIONED_BY', 'evaluation:e1', 'organization:fund'),
    edge('CONDUCTED_BY', 'evaluation:e1', 'organization:ayni'),
    edge('RECOMMENDS', 'evaluation:e1', 'recommendation:e1-r1'),
    edge('ADDRESSED_TO', 'recommendation:e1-r1', 'organization:ine'),
    edge('PARTNERED_WITH', 'project:p2', 'organization:ine', { lead: true, position: 0 }),
    edge('PARTNERED_WITH', 'project:p2', 'organization:umsa', { lead: false, position: 1 }),
    edge('COMMISSIONED_BY', 'evaluation:e2', 'organization:fund'),
    edge('CONDUCTED_BY', 'evaluation:e2', 'organization:ayni'),
    edge('PART_OF', 'organization:iis', 'organization:umsa', { relation: 'unit of' }),
  ],
};

/** Every PARTICIPATES_IN relationship of these organisations, as `org -> hub [roles] lead`. */
async function participation(store: GraphStore, orgs: readonly string[]): Promise<string[]> {
  const lists = await store.neighbours(orgs.map((o) => `organization:${o}`), 'PARTICIPATES_IN', 'out');
  return lists.flatMap((list) => list.map((n) => `${n.edge.from} -> ${n.edge.to} [${(n.edge.props.roles as string[]).join(',')}]${n.edge.props.lead ? ' lead' : ''}`)).sort();
}
const ALL = ['udape', 'ine', 'iom', 'fund', 'ayni', 'umsa', 'iis'];

export function stakeholderContract(name: string, factory: StoreFactory): void {
  describe(`${name} store: participation and the stakeholder graph`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await factory.create();
      await store.write(WORLD);
    });

    it('derives one participation per organisation and hub, listing its roles (a project for an evaluation of it, the evaluation when it evaluated none)', async () => {
      expect(await participation(store, ALL)).toEqual([
        'organization:ayni -> evaluation:e2 [EVALUATOR]',
        'organization:ayni -> project:p1 [EVALUATOR]',
        'organization:fund -> evaluation:e2 [COMMISSIONER]',
        'organization:fund -> project:p1 [COMMISSIONER]',
        'organization:ine -> project:p1 [PARTNER,AUDIENCE]',
        'organization:ine -> project:p2 [PARTNER] lead',
        'organization:iom -> project:p1 [IMPLEMENTER]',
        'organization:udape -> project:p1 [PARTNER] lead',
        'organization:umsa -> project:p2 [PARTNER]',
      ]);
      // The derived relationships are not counted as stated ones.
      expect((await store.status()).edges).toBe(WORLD.edges.length);
    });

    it('keeps participation up to date as roles come and go, in the same change', async () => {
      // INE's recommendation is withdrawn and UMSA joins P1 as implementer.
      await store.write({ nodes: [], edges: [edge('IMPLEMENTED_BY', 'project:p1', 'organization:umsa')], deleteNodes: ['recommendation:e1-r1'] });
      expect(await participation(store, ['ine', 'umsa'])).toEqual(['organization:ine -> project:p1 [PARTNER]', 'organization:ine -> project:p2 [PARTNER] lead', 'organization:umsa -> project:p1 [IMPLEMENTER]', 'organization:umsa -> project:p2 [PARTNER]']);
      // The policy evaluation turns out to evaluate P2: its roles move from it to the project.
      await store.write({ nodes: [], edges: [edge('EVALUATES', 'evaluation:e2', 'project:p2')] });
      expect(await participation(store, ['fund', 'ayni'])).toEqual([
        'organization:ayni -> project:p1 [EVALUATOR]',
        'organization:ayni -> project:p2 [EVALUATOR]',
        'organization:fund -> project:p1 [COMMISSIONER]',
        'organization:fund -> project:p2 [COMMISSIONER]',
      ]);
      // Deleting the evaluation of P1 takes the roles that came through it.
      await store.write({ nodes: [], edges: [], deleteNodes: ['evaluation:e1'] });
      expect(await participation(store, ['fund', 'ayni', 'udape'])).toEqual(['organization:ayni -> project:p2 [EVALUATOR]', 'organization:fund -> project:p2 [COMMISSIONER]', 'organization:udape -> project:p1 [PARTNER] lead']);
    });

    it('refuses a change that states a derived relationship, and writes none of it', async () => {
      await expect(store.write({ nodes: [org('new', 'New')], edges: [edge('PARTICIPATES_IN', 'organization:new', 'project:p1', { roles: ['PARTNER'] })] })).rejects.toThrow(/PARTICIPATES_IN is derived by the store/);
      expect(await store.getNodes(['organization:new'])).toEqual([null]);
    });

    it('answers the neighbourhood of a stakeholder: nearest first, organisations before hubs, then by name; cut at the cap', async () => {
      const around = await store.neighbourhood('organization:umsa', { depth: 2, maxNodes: 10 });
      expect(around.nodes.map((n) => `${n.hop} ${n.node.id}`)).toEqual(['0 organization:umsa', '1 organization:iis', '1 project:p2', '2 organization:ine']);
      expect(around.edges.map((e) => `${e.from} ${e.type} ${e.to}`)).toEqual(['organization:iis PART_OF organization:umsa', 'organization:ine PARTICIPATES_IN project:p2', 'organization:umsa PARTICIPATES_IN project:p2']);
      expect(around.omitted).toBe(0);
      const cut = await store.neighbourhood('organization:umsa', { depth: 2, maxNodes: 2 });
      expect(cut.nodes.map((n) => n.node.id)).toEqual(['organization:umsa', 'organization:iis']);
      expect(cut.omitted).toBe(2);
      // Only the roles asked for are followed: PARTNER alone leaves the evaluation firm out.
      const partners = await store.neighbourhood('project:p1', { depth: 1, maxNodes: 10, roles: ['PARTNER'] });
      expect(partners.nodes.map((n) => n.node.id)).toEqual(['project:p1', 'organization:ine', 'organization:udape']);
      const all = await store.neighbourhood('project:p1', { depth: 1, maxNodes: 10 });
      expect(all.nodes.map((n) => n.node.id)).toEqual(['project:p1', 'organization:ayni', 'organization:ine', 'organization:iom', 'organization:fund', 'organization:udape']);
    });

    it('answers the shortest paths between two stakeholders, shortest first, then by the names along them', async () => {
      const paths = await store.paths('organization:udape', 'organization:iis', { maxHops: 6, first: 3 });
      expect(paths.map((p) => p.nodes.map((n) => n.id).join(' '))).toEqual(['organization:udape project:p1 organization:ine project:p2 organization:umsa organization:iis']);
      expect(paths[0]!.edges.map((e) => e.type)).toEqual(['PARTICIPATES_IN', 'PARTICIPATES_IN', 'PARTICIPATES_IN', 'PARTICIPATES_IN', 'PART_OF']);
      expect(await store.paths('organization:udape', 'organization:iis', { maxHops: 4, first: 3 })).toEqual([]);
      const two = await store.paths('organization:fund', 'organization:ayni', { maxHops: 2, first: 5 });
      // Through the evaluation of no project ("Evaluation of the migration policy") before P1.
      expect(two.map((p) => p.nodes.map((n) => n.id).join(' '))).toEqual(['organization:fund evaluation:e2 organization:ayni', 'organization:fund project:p1 organization:ayni']);
      expect((await store.paths('organization:fund', 'organization:ayni', { maxHops: 2, first: 1 })).length).toBe(1);
      expect(await store.paths('organization:ine', 'organization:ine', { maxHops: 2, first: 1 })).toEqual([{ nodes: [expect.objectContaining({ id: 'organization:ine' })], edges: [] }]);
    });

    it('answers the collaborators of an organisation: most shared hubs first, then by name, with both participations', async () => {
      const found = await store.collaborators('organization:fund', { first: 20 });
      expect(found.map((c) => `${c.organization.id}: ${c.shared.map((s) => `${s.hub} ${(s.mine.props.roles as string[]).join(',')}/${(s.theirs.props.roles as string[]).join(',')}`).join('; ')}`)).toEqual([
        'organization:ayni: evaluation:e2 COMMISSIONER/EVALUATOR; project:p1 COMMISSIONER/EVALUATOR',
        'organization:ine: project:p1 COMMISSIONER/PARTNER,AUDIENCE',
        'organization:iom: project:p1 COMMISSIONER/IMPLEMENTER',
        'organization:udape: project:p1 COMMISSIONER/PARTNER',
      ]);
      expect(await store.collaborators('organization:iis', { first: 20 })).toEqual([]);
      // The first ones only, in the same order.
      expect(await store.collaborators('organization:fund', { first: 2 })).toEqual(found.slice(0, 2));
    });
  });
}
