/**
 * Participation: who takes part in what, the stakeholder graph every "who worked with whom"
 * question walks. It is derived from the roles (roles.ts) and kept in the graph as
 * `(Organization)-[:PARTICIPATES_IN {roles, lead}]->(hub)`, where a hub is a project, or an
 * evaluation that evaluated no project (an evaluation of a policy, a strategy, a theme). An
 * organisation with several roles on a hub has one relationship listing them all.
 *
 * The stores keep these relationships up to date in the transaction of every change (the
 * embedded store with the functions below, Neo4j in Cypher), so paths, neighbourhoods and
 * collaborators are graph questions each store answers natively.
 */
import type { Label, Props, RelType } from './model.js';
import { ATTACHED_ROLES, ROLE_RULES, type AttachedRole, type Step } from './roles.js';

/** Roles in the order a link names them (its first is its type in the API). */
export const ROLE_PRECEDENCE: readonly AttachedRole[] = ['PARTNER', 'IMPLEMENTER', 'FUNDER', 'DONOR', 'COMMISSIONER', 'EVALUATOR', 'AUDIENCE', 'EMPLOYER'];

/** A neighbour as a store's synchronous reads give it. */
export interface Adjacent {
  readonly id: string;
  readonly label: Label;
  /** The relationship's properties. */
  readonly props: Props;
}

/** Synchronous reads of the current (in-transaction) graph. */
export interface GraphView {
  out(id: string, type: RelType): readonly Adjacent[];
  in(id: string, type: RelType): readonly Adjacent[];
  label(id: string): Label | undefined;
}

export interface Participation {
  readonly roles: readonly AttachedRole[];
  readonly lead: boolean;
}

/** The organisations a path of role steps reaches from a node, with the last relationship's properties. */
function along(g: GraphView, from: string, steps: readonly Step[]): Adjacent[] {
  let frontier: Adjacent[] = [{ id: from, label: g.label(from)!, props: {} }];
  for (const step of steps) {
    const next: Adjacent[] = [];
    for (const node of frontier) {
      for (const type of step.types) {
        for (const n of step.direction === 'out' ? g.out(node.id, type) : g.in(node.id, type)) if (!step.label || n.label === step.label) next.push(n);
      }
    }
    frontier = next;
  }
  return frontier;
}

/**
 * Every organisation taking part in a hub, with its roles there. A project's participants are
 * those of its own roles and of the roles of every evaluation of it; an evaluation is a hub of
 * its own only when it evaluated no project (else its roles are on its projects).
 */
export function participantsOf(g: GraphView, hub: string): Map<string, Participation> {
  const found = new Map<string, { roles: Set<AttachedRole>; lead: boolean }>();
  const add = (org: Adjacent, role: AttachedRole) => {
    const entry = found.get(org.id) ?? { roles: new Set<AttachedRole>(), lead: false };
    entry.roles.add(role);
    if (role === 'PARTNER' && org.props.lead === true) entry.lead = true;
    found.set(org.id, entry);
  };
  const label = g.label(hub);
  let evaluations: string[] = [];
  if (label === 'Project') {
    for (const role of ATTACHED_ROLES) if (ROLE_RULES[role].on === 'Project') along(g, hub, ROLE_RULES[role].steps).forEach((o) => add(o, role));
    evaluations = g.in(hub, 'EVALUATES').map((e) => e.id);
  } else if (label === 'Evaluation' && g.out(hub, 'EVALUATES').length === 0) {
    evaluations = [hub];
  }
  for (const evaluation of evaluations) {
    for (const role of ATTACHED_ROLES) if (ROLE_RULES[role].on === 'Evaluation') along(g, evaluation, ROLE_RULES[role].steps).forEach((o) => add(o, role));
  }
  return new Map([...found].map(([id, p]) => [id, { roles: ROLE_PRECEDENCE.filter((r) => p.roles.has(r)), lead: p.lead }]));
}

/** The relationships whose change can change participation (they are on some role's path). */
export const PARTICIPATION_TYPES: ReadonlySet<RelType> = new Set<RelType>(['EVALUATES', ...ATTACHED_ROLES.flatMap((r) => (ROLE_RULES[r].steps as readonly Step[]).flatMap((s) => s.types))]);

/**
 * The hubs whose participants a change around these nodes can change: projects and evaluations
 * themselves, and the hubs reached from an evaluation (its projects, or itself), a
 * recommendation (its evaluation's) or a person (those of the evaluations they conducted or
 * managed). Call it on the graph before a change and after it, and refresh both answers.
 */
export function hubsAround(g: GraphView, ids: Iterable<string>): Set<string> {
  const hubs = new Set<string>();
  const ofEvaluation = (evaluation: string) => {
    const projects = g.out(evaluation, 'EVALUATES');
    if (projects.length) projects.forEach((p) => hubs.add(p.id));
    else hubs.add(evaluation);
  };
  for (const id of ids) {
    switch (g.label(id)) {
      case 'Project':
        hubs.add(id);
        break;
      case 'Evaluation':
        ofEvaluation(id);
        break;
      case 'Recommendation':
        g.in(id, 'RECOMMENDS').forEach((e) => ofEvaluation(e.id));
        break;
      case 'Person':
        for (const type of ['CONDUCTED_BY', 'MANAGED_BY'] as const) g.in(id, type).forEach((e) => ofEvaluation(e.id));
        break;
      default:
        break;
    }
  }
  return hubs;
}

/**
 * The nodes around which a change can change participation: the ends of its role-path
 * relationships, and what it deletes. `matters` tells, where the store can, whether a
 * relationship's write changes anything for participation (a relationship stated again as it
 * was does not); by default every one counts.
 */
export function participationSeeds(
  change: { readonly edges: readonly { type: RelType; from: string; to: string; props?: Props }[]; readonly deleteEdges?: readonly { type: RelType; from: string; to: string }[]; readonly deleteNodes?: readonly string[] },
  matters: (edge: { type: RelType; from: string; to: string; props?: Props }, deleted: boolean) => boolean = () => true,
): Set<string> {
  const seeds = new Set<string>(change.deleteNodes ?? []);
  const add = (e: { type: RelType; from: string; to: string }, deleted: boolean) => {
    if (!PARTICIPATION_TYPES.has(e.type) || !matters(e, deleted)) return;
    seeds.add(e.from);
    if (e.type === 'EVALUATES') seeds.add(e.to);
  };
  for (const e of change.edges) add(e, false);
  for (const e of change.deleteEdges ?? []) add(e, true);
  return seeds;
}
