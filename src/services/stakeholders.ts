/**
 * Stakeholder relationships: the typed roles organisations play, who shares projects with
 * whom, the stakeholder network around an organisation and the shortest ways two stakeholders
 * are connected. Written once over the store port's batched neighbours, so both stores answer
 * the same way.
 *
 * The stakeholder graph has Organization and Project nodes: an organisation is linked to each
 * project it has a role on (the link lists its roles there), and to its parent and units.
 */
import type { GraphNode } from '../domain/model.js';
import { normaliseText } from '../domain/text.js';
import { compareIds } from '../store/order.js';
import { ATTACHED_ROLES, pathFromProject, reverse, ROLE_RULES, ROLES, type AttachedRole, type Role, type Step } from '../domain/roles.js';
import { walk, type Arrival, type NeighboursFn } from './graphWalk.js';

export { ROLES, type Role } from '../domain/roles.js';

/** How each role reaches an organisation from a project. */
const ROLE_PATHS = Object.fromEntries(ATTACHED_ROLES.map((r) => [r, pathFromProject(r)])) as Record<AttachedRole, readonly Step[]>;

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

/** Every organisation with a role on each project, walked forward from the projects. */
export async function participantsOf(neighbours: NeighboursFn, projects: readonly GraphNode[]): Promise<Map<string, RoleEntry[]>> {
  const out = new Map<string, RoleEntry[]>(projects.map((p) => [p.id, []]));
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const role of ATTACHED_ROLES) {
    const arrivals = await walk(neighbours, [...byId.keys()], ROLE_PATHS[role]);
    for (const [projectId, list] of arrivals) {
      for (const arrival of list) out.get(projectId)!.push(entryFrom(role, arrival.node, byId.get(projectId)!, arrival));
    }
  }
  for (const list of out.values()) list.sort((a, b) => compareIds(a.organization.id, b.organization.id) || byRoleThenIds(a, b));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Collaborators

export interface SharedProject {
  readonly project: GraphNode;
  /** The organisation's own roles on the project. */
  readonly roles: readonly RoleEntry[];
  /** The collaborator's roles on the project. */
  readonly theirRoles: readonly RoleEntry[];
}

export interface Collaborator {
  readonly organization: GraphNode;
  readonly projects: readonly SharedProject[];
}

/** Display name of a stakeholder: an organisation's name, a project's code (or title). */
export function stakeholderName(node: GraphNode): string {
  const p = node.props;
  return String((node.label === 'Project' ? p.code ?? p.title : p.name) ?? node.id);
}

const byName = (a: GraphNode, b: GraphNode) => compareIds(normaliseText(stakeholderName(a)), normaliseText(stakeholderName(b))) || compareIds(a.id, b.id);

/** Organisations sharing projects with `org`, most shared projects first, then by name. */
export async function collaboratorsOf(neighbours: NeighboursFn, org: GraphNode): Promise<Collaborator[]> {
  const own = (await rolesOf(neighbours, [org])).get(org.id) ?? [];
  const projects = uniqueNodes(own.flatMap((r) => (r.project ? [r.project] : [])));
  const participants = await participantsOf(neighbours, projects);
  const byOrg = new Map<string, { organization: GraphNode; projects: Map<string, SharedProject> }>();
  for (const project of projects) {
    const mine = own.filter((r) => r.project?.id === project.id);
    for (const entry of participants.get(project.id) ?? []) {
      if (entry.organization.id === org.id) continue;
      const collaborator = byOrg.get(entry.organization.id) ?? { organization: entry.organization, projects: new Map() };
      const shared = collaborator.projects.get(project.id) ?? { project, roles: mine, theirRoles: [] };
      collaborator.projects.set(project.id, { ...shared, theirRoles: [...shared.theirRoles, entry] });
      byOrg.set(entry.organization.id, collaborator);
    }
  }
  return [...byOrg.values()]
    .map((c) => ({ organization: c.organization, projects: [...c.projects.values()].sort((a, b) => byName(a.project, b.project)) }))
    .sort((a, b) => b.projects.length - a.projects.length || byName(a.organization, b.organization));
}

function uniqueNodes(nodes: readonly GraphNode[]): GraphNode[] {
  return [...new Map(nodes.map((n) => [n.id, n])).values()];
}

// ---------------------------------------------------------------------------------------------
// The stakeholder graph: networks and paths

export interface StakeholderEdge {
  /** For a project link: the organisation's roles on the project; for PART_OF: the unit and its parent. */
  readonly type: Role | 'PART_OF';
  readonly source: GraphNode;
  readonly target: GraphNode;
  readonly roles: readonly Role[];
  readonly lead: boolean;
  readonly relation?: string;
}

const ROLE_PRECEDENCE: readonly Role[] = ['PARTNER', 'IMPLEMENTER', 'FUNDER', 'DONOR', 'COMMISSIONER', 'EVALUATOR', 'AUDIENCE', 'EMPLOYER'];

/**
 * The links of each node of a frontier in the stakeholder graph: organisation to project (one
 * per pair, with its roles) and unit to parent. `roles` restricts the links followed.
 */
export async function stakeholderLinks(neighbours: NeighboursFn, frontier: readonly GraphNode[], roles?: readonly Role[]): Promise<Map<string, StakeholderEdge[]>> {
  const orgs = frontier.filter((n) => n.label === 'Organization');
  const projects = frontier.filter((n) => n.label === 'Project');
  const out = new Map<string, StakeholderEdge[]>(frontier.map((n) => [n.id, []]));
  const allowed = (role: Role) => !roles || roles.includes(role);
  const followPartOf = !roles || roles.includes('PARENT') || roles.includes('UNIT');
  const projectLinks = (entries: readonly RoleEntry[]) => {
    const pairs = new Map<string, RoleEntry[]>();
    for (const e of entries) {
      if (!e.project || !allowed(e.role)) continue;
      const key = `${e.organization.id}|${e.project.id}`;
      pairs.set(key, [...(pairs.get(key) ?? []), e]);
    }
    return [...pairs.values()].map((list): StakeholderEdge => {
      const kinds = [...new Set(list.map((e) => e.role))].sort((a, b) => ROLE_PRECEDENCE.indexOf(a) - ROLE_PRECEDENCE.indexOf(b));
      return { type: kinds[0]!, source: list[0]!.organization, target: list[0]!.project!, roles: kinds, lead: list.some((e) => e.lead === true) };
    });
  };
  if (orgs.length) {
    for (const [id, entries] of await rolesOf(neighbours, orgs)) {
      const links = projectLinks(entries);
      if (followPartOf) {
        for (const e of entries) {
          if (e.role === 'UNIT') links.push({ type: 'PART_OF', source: e.organization, target: e.other!, roles: ['UNIT'], lead: false });
          if (e.role === 'PARENT') links.push({ type: 'PART_OF', source: e.other!, target: e.organization, roles: ['UNIT'], lead: false });
        }
      }
      out.set(id, links);
    }
  }
  if (projects.length) {
    for (const [id, entries] of await participantsOf(neighbours, projects)) out.set(id, projectLinks(entries));
  }
  return out;
}

const otherEnd = (edge: StakeholderEdge, id: string) => (edge.source.id === id ? edge.target : edge.source);
const edgeKeyOf = (edge: StakeholderEdge) => `${edge.source.id}|${edge.type === 'PART_OF' ? 'PART_OF' : 'ROLE'}|${edge.target.id}`;

export interface NetworkNode {
  readonly node: GraphNode;
  readonly hop: number;
}

export interface Network {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly StakeholderEdge[];
  /** Nodes within the depth that the node cap left out. */
  readonly omittedNodes: number;
}

const bfsOrder = (a: NetworkNode, b: NetworkNode) => a.hop - b.hop || (a.node.label === b.node.label ? 0 : a.node.label === 'Organization' ? -1 : 1) || byName(a.node, b.node);

/** The neighbourhood of a stakeholder within `depth` hops, at most `maxNodes` nodes (nearest first). */
export async function networkAround(neighbours: NeighboursFn, start: GraphNode, depth: number, maxNodes: number, roles?: readonly Role[]): Promise<Network> {
  const reached = new Map<string, NetworkNode>([[start.id, { node: start, hop: 0 }]]);
  const edges = new Map<string, StakeholderEdge>();
  let frontier: GraphNode[] = [start];
  for (let hop = 1; hop <= depth && frontier.length; hop++) {
    const links = await stakeholderLinks(neighbours, frontier, roles);
    const next: GraphNode[] = [];
    for (const node of frontier) {
      for (const edge of links.get(node.id) ?? []) {
        edges.set(edgeKeyOf(edge), edge);
        const other = otherEnd(edge, node.id);
        if (!reached.has(other.id)) {
          reached.set(other.id, { node: other, hop });
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  const ordered = [...reached.values()].sort(bfsOrder);
  const kept = ordered.slice(0, maxNodes);
  const keptIds = new Set(kept.map((n) => n.node.id));
  return {
    nodes: kept,
    edges: [...edges.values()].filter((e) => keptIds.has(e.source.id) && keptIds.has(e.target.id)).sort((a, b) => compareIds(edgeKeyOf(a), edgeKeyOf(b))),
    omittedNodes: ordered.length - kept.length,
  };
}

export interface StakeholderPath {
  readonly nodes: readonly GraphNode[];
  /** edges[i] joins nodes[i] and nodes[i + 1]. */
  readonly edges: readonly StakeholderEdge[];
}

/** Most paths examined for one question, so a dense graph cannot make it run away. */
const PATH_SEARCH_BUDGET = 20_000;

/**
 * The shortest simple paths between two stakeholders with at most `maxHops` links, shortest
 * first and, for equal lengths, by the names along the way; the first `first` of them.
 */
export async function pathsBetween(neighbours: NeighboursFn, from: GraphNode, to: GraphNode, maxHops: number, first: number): Promise<StakeholderPath[]> {
  if (from.id === to.id) return [{ nodes: [from], edges: [] }];
  // Load the links of every node within ceil(maxHops / 2) - 1 links of `from` and within
  // floor(maxHops / 2) - 1 of `to`: every link of a path with at most maxHops links touches one
  // of them, so the paths found in this subgraph are all the paths there are.
  const adjacency = new Map<string, Map<string, StakeholderEdge>>();
  const explore = async (start: GraphNode, levels: number) => {
    const seen = new Set([start.id]);
    let frontier: GraphNode[] = [start];
    for (let level = 0; level < levels && frontier.length; level++) {
      const links = await stakeholderLinks(neighbours, frontier);
      const next: GraphNode[] = [];
      for (const node of frontier) {
        for (const edge of links.get(node.id) ?? []) {
          for (const id of [edge.source.id, edge.target.id]) {
            const known = adjacency.get(id) ?? new Map<string, StakeholderEdge>();
            known.set(edgeKeyOf(edge), edge);
            adjacency.set(id, known);
          }
          const other = otherEnd(edge, node.id);
          if (!seen.has(other.id)) {
            seen.add(other.id);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
  };
  await explore(from, Math.ceil(maxHops / 2));
  await explore(to, Math.floor(maxHops / 2));
  const linksOf = (id: string) => adjacency.get(id)?.values() ?? [];
  // Distances to the target over the explored links, to prune the enumeration.
  const distance = new Map<string, number>([[to.id, 0]]);
  const queue = [to.id];
  while (queue.length) {
    const id = queue.shift()!;
    for (const edge of linksOf(id)) {
      const other = otherEnd(edge, id).id;
      if (!distance.has(other)) {
        distance.set(other, distance.get(id)! + 1);
        queue.push(other);
      }
    }
  }
  const shortest = distance.get(from.id);
  if (shortest === undefined || shortest > maxHops) return [];
  const found: StakeholderPath[] = [];
  let budget = PATH_SEARCH_BUDGET;
  for (let length = shortest; length <= maxHops && found.length < first && budget > 0; length++) {
    const ofLength: StakeholderPath[] = [];
    const extend = (path: GraphNode[], edges: StakeholderEdge[]) => {
      if (--budget < 0) return;
      const at = path.at(-1)!;
      if (path.length - 1 === length) {
        if (at.id === to.id) ofLength.push({ nodes: [...path], edges: [...edges] });
        return;
      }
      const remaining = length - (path.length - 1);
      for (const edge of linksOf(at.id)) {
        const next = otherEnd(edge, at.id);
        if (path.some((n) => n.id === next.id) || (distance.get(next.id) ?? Infinity) > remaining - 1) continue;
        path.push(next);
        edges.push(edge);
        extend(path, edges);
        path.pop();
        edges.pop();
      }
    };
    extend([from], []);
    ofLength.sort((a, b) => comparePaths(a.nodes, b.nodes));
    found.push(...ofLength.slice(0, first - found.length));
  }
  return found;
}

function comparePaths(a: readonly GraphNode[], b: readonly GraphNode[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = byName(a[i]!, b[i]!);
    if (c) return c;
  }
  return a.length - b.length;
}

