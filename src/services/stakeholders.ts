/**
 * Stakeholder relationships: the typed roles organisations play (walked over the store port's
 * batched neighbours), who shares projects with whom, the stakeholder network around an
 * organisation and the shortest ways two stakeholders are connected (graph questions the
 * store answers natively).
 *
 * The stakeholder graph has Organization nodes and hubs (projects, and evaluations that
 * evaluated no project): an organisation is linked to each hub it has roles on by one
 * PARTICIPATES_IN relationship listing them, and to its parent by PART_OF.
 */
import type { GraphEdge, GraphNode } from '../domain/model.js';
import { compareIds } from '../store/order.js';
import type { Collaboration, GraphStore, WalkControl } from '../store/port.js';
import { ATTACHED_ROLES, reverse, ROLE_RULES, ROLES, type AttachedRole, type Role } from '../domain/roles.js';
import { walk, type Arrival, type NeighboursFn } from './graphWalk.js';

export { ROLES, type Role } from '../domain/roles.js';

/** One role an organisation plays, with what it attaches to. */
export interface RoleEntry {
  readonly role: Role;
  readonly organization: GraphNode;
  /** The project (every role but PARENT and UNIT). */
  readonly project?: GraphNode;
  /** PARTNER: whether it led the project. */
  readonly lead?: boolean;
  /** The evaluation, for roles that come through one. */
  readonly evaluation?: GraphNode;
  /** AUDIENCE: the recommendation; EMPLOYER: the person employed. */
  readonly through?: GraphNode;
  /** PARENT: the unit; UNIT: the parent. */
  readonly other?: GraphNode;
}

function entryFrom(role: AttachedRole, organization: GraphNode, project: GraphNode, arrival: Arrival): RoleEntry {
  const evaluation = arrival.via.find((n) => n.label === 'Evaluation');
  const through = arrival.via.find((n) => n.label === 'Recommendation' || n.label === 'Person');
  return { role, organization, project, ...(role === 'PARTNER' ? { lead: arrival.edge.props.lead === true } : {}), ...(evaluation ? { evaluation } : {}), ...(through ? { through } : {}) };
}

const ROLE_ORDER = new Map<string, number>(ROLES.map((r, i) => [r, i]));

function byRoleThenIds(a: RoleEntry, b: RoleEntry): number {
  return (
    compareIds(a.project?.id ?? a.other?.id ?? '', b.project?.id ?? b.other?.id ?? '') ||
    ROLE_ORDER.get(a.role)! - ROLE_ORDER.get(b.role)! ||
    compareIds(a.evaluation?.id ?? '', b.evaluation?.id ?? '') ||
    compareIds(a.through?.id ?? '', b.through?.id ?? '')
  );
}

/** Every role of each organisation: project roles walked back from it, plus parent and units. */
export async function rolesOf(neighbours: NeighboursFn, orgs: readonly GraphNode[]): Promise<Map<string, RoleEntry[]>> {
  const out = new Map<string, RoleEntry[]>(orgs.map((o) => [o.id, []]));
  const ids = orgs.map((o) => o.id);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  for (const role of ATTACHED_ROLES) {
    const rule = ROLE_RULES[role];
    const arrivals = await walk(neighbours, ids, reverse(rule.steps, rule.on));
    if (rule.on === 'Project') {
      // Walking back, the last edge of a one-step path is the project's own relationship
      // (it carries `lead` for partners).
      for (const [orgId, list] of arrivals) for (const arrival of list) out.get(orgId)!.push(entryFrom(role, byId.get(orgId)!, arrival.node, arrival));
      continue;
    }
    // An evaluation role is on each project the evaluation evaluates, or on the evaluation alone.
    const evaluationIds = [...new Set([...arrivals.values()].flat().map((a) => a.node.id))];
    const projects = new Map(evaluationIds.map((id, i) => [id, [] as GraphNode[]]));
    if (evaluationIds.length) (await neighbours(evaluationIds, 'EVALUATES', 'out')).forEach((list, i) => projects.set(evaluationIds[i]!, list.map((n) => n.node)));
    for (const [orgId, list] of arrivals) {
      for (const arrival of list) {
        const through = arrival.via.find((n) => n.label === 'Recommendation' || n.label === 'Person');
        const base: RoleEntry = { role, organization: byId.get(orgId)!, evaluation: arrival.node, ...(through ? { through } : {}) };
        const evaluated = projects.get(arrival.node.id) ?? [];
        if (!evaluated.length) out.get(orgId)!.push(base);
        for (const project of evaluated) out.get(orgId)!.push({ ...base, project });
      }
    }
  }
  const [parents, units] = await Promise.all([neighbours(ids, 'PART_OF', 'out'), neighbours(ids, 'PART_OF', 'in')]);
  ids.forEach((id, i) => {
    for (const n of parents[i] ?? []) out.get(id)!.push({ role: 'UNIT', organization: byId.get(id)!, other: n.node });
    for (const n of units[i] ?? []) out.get(id)!.push({ role: 'PARENT', organization: byId.get(id)!, other: n.node });
  });
  for (const list of out.values()) list.sort(byRoleThenIds);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The stakeholder graph: collaborators, networks and paths, asked of the store (each answers
// them natively over the PARTICIPATES_IN and PART_OF relationships; domain/participation.ts).

/** Display name of a stakeholder: an organisation's name, a project's code (or title), an evaluation's title. */
export function stakeholderName(node: GraphNode): string {
  const p = node.props;
  return String((node.label === 'Project' ? p.code ?? p.title : node.label === 'Evaluation' ? p.title : p.name) ?? node.id);
}

/** A link between two stakeholders: an organisation and a hub it takes part in, or a unit and its parent. */
export interface StakeholderEdge {
  /** For a participation: its first role (in ROLE_PRECEDENCE); PART_OF for a unit and its parent. */
  readonly type: Role | 'PART_OF';
  readonly source: GraphNode;
  readonly target: GraphNode;
  /** For a participation: the organisation's roles on the hub (those asked for); for PART_OF: UNIT. */
  readonly roles: readonly Role[];
  /** Whether the organisation led the project as a partner. */
  readonly lead: boolean;
}

/** Roles a participation lists, kept to those asked for. */
function participationRoles(edge: GraphEdge, roles?: readonly Role[]): Role[] {
  const all = (edge.props.roles as readonly Role[] | undefined) ?? [];
  return roles ? all.filter((r) => roles.includes(r)) : [...all];
}

function stakeholderEdge(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>, roles?: readonly Role[]): StakeholderEdge {
  const [source, target] = [nodes.get(edge.from)!, nodes.get(edge.to)!];
  if (edge.type === 'PART_OF') return { type: 'PART_OF', source, target, roles: ['UNIT'], lead: false };
  const listed = participationRoles(edge, roles);
  return { type: listed[0]!, source, target, roles: listed, lead: edge.props.lead === true && listed.includes('PARTNER') };
}

export interface SharedHub {
  /** The id of a project, or of an evaluation that evaluated no project (its node: a `getNodes` away). */
  readonly hub: string;
  readonly roles: readonly Role[];
  readonly lead: boolean;
  readonly theirRoles: readonly Role[];
  readonly theirLead: boolean;
}

/** Organisations sharing projects (or evaluations of no project) with `org`, most shared first, then by name, the first `first`. */
export async function collaboratorsOf(store: GraphStore, org: GraphNode, options: { first: number } & WalkControl): Promise<Collaboration[]> {
  return store.collaborators(org.id, options);
}

/** One hub two collaborators share, with the roles on each side (built for the hubs a query shows: there may be thousands). */
export function sharedHub(s: Collaboration['shared'][number]): SharedHub {
  return { hub: s.hub, roles: participationRoles(s.mine), lead: s.mine.props.lead === true, theirRoles: participationRoles(s.theirs), theirLead: s.theirs.props.lead === true };
}

export interface Network {
  readonly nodes: readonly { readonly node: GraphNode; readonly hop: number }[];
  readonly edges: readonly StakeholderEdge[];
  /** Nodes within the depth that the node cap left out. */
  readonly omittedNodes: number;
}

/** The neighbourhood of a stakeholder within `depth` links, at most `maxNodes` nodes (nearest first). */
export async function networkAround(store: GraphStore, start: GraphNode, options: { depth: number; maxNodes: number; roles?: readonly Role[] } & WalkControl): Promise<Network> {
  const found = await store.neighbourhood(start.id, options);
  const nodes = new Map(found.nodes.map((n) => [n.node.id, n.node]));
  return { nodes: found.nodes, edges: found.edges.map((e) => stakeholderEdge(e, nodes, options.roles)), omittedNodes: found.omitted };
}

export interface StakeholderPath {
  readonly nodes: readonly GraphNode[];
  /** edges[i] joins nodes[i] and nodes[i + 1]. */
  readonly edges: readonly StakeholderEdge[];
}

/**
 * The shortest simple paths between two stakeholders with at most `maxHops` links, shortest
 * first and, for equal lengths, by the names along the way; the first `first` of them.
 */
export async function pathsBetween(store: GraphStore, from: GraphNode, to: GraphNode, options: { maxHops: number; first: number } & WalkControl): Promise<StakeholderPath[]> {
  return (await store.paths(from.id, to.id, options)).map((p) => {
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    return { nodes: p.nodes, edges: p.edges.map((e) => stakeholderEdge(e, nodes)) };
  });
}
