/** Who worked with whom: roles, collaborators, networks and paths between stakeholders. */
import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { COSTS, workCost } from '../limits/work.js';
import { labelOfId, type GraphNode } from '../../domain/model.js';
import { collaboratorsOf, networkAround, sharedHub, pathsBetween, rolesOf, stakeholderName, type RoleEntry, type StakeholderEdge } from '../../services/stakeholders.js';
import { mapPaced } from '../../store/pace.js';
import type { GraphContext } from '../context.js';
import { inRange, userError } from '../errors.js';
import { fromGlobalId, toGlobalId } from '../globalId.js';
import { Evaluation, fromNode, Organization, Person, Project, Recommendation } from '../types/entities.js';
import { canonicalRole, Collaborator, SharedEvaluation, SharedProject, NetworkEdge, NetworkNode, OrganizationRole, Role, StakeholderNetwork, StakeholderPath, type RoleName } from '../types/stakeholders.js';

export { STAKEHOLDER_LIMITS as LIMITS } from '../limits/work.js';
import { STAKEHOLDER_LIMITS as LIMITS } from '../limits/work.js';

async function stakeholder(ctx: GraphContext, id: string, argument: string): Promise<GraphNode> {
  const { nodeId } = fromGlobalId(id, ['Organization', 'Project', 'Evaluation'], argument);
  const node = await ctx.loaders.node.load(nodeId);
  if (!node) throw userError(`${argument}: no organisation, project or evaluation has the id "${id}"`, argument);
  return node;
}

export function toNetworkNode(node: GraphNode, hop: number): NetworkNode {
  return Object.assign(new NetworkNode(), {
    id: toGlobalId(node.id),
    label: node.label,
    name: stakeholderName(node),
    kind: ((node.label === 'Organization' ? node.props.kind : node.label === 'Project' ? node.props.type : node.props.timing) as string | undefined) ?? null,
    hop,
    node: fromNode(node),
  });
}

export function toNetworkEdge(edge: StakeholderEdge): NetworkEdge {
  return Object.assign(new NetworkEdge(), {
    source: toGlobalId(edge.source.id),
    target: toGlobalId(edge.target.id),
    type: edge.type,
    properties: { roles: [...edge.roles], lead: edge.lead },
  });
}

function toRole(entry: RoleEntry): OrganizationRole {
  return Object.assign(new OrganizationRole(), {
    role: entry.role,
    lead: entry.lead ?? null,
    project: entry.project ? Project.from(entry.project) : null,
    evaluation: entry.evaluation ? Evaluation.from(entry.evaluation) : null,
    recommendation: entry.through?.label === 'Recommendation' ? Recommendation.from(entry.through) : null,
    person: entry.through?.label === 'Person' ? Person.from(entry.through) : null,
    organization: entry.other ? Organization.from(entry.other) : null,
  });
}

@Resolver(() => Organization)
export class OrganizationStakeholderResolver {
  @FieldResolver(() => [OrganizationRole], { description: 'Every role the organisation plays, with the project, evaluation, recommendation, person or organisation it attaches to.' })
  async roles(@Root() o: Organization, @Ctx() ctx: GraphContext): Promise<OrganizationRole[]> {
    const node = await ctx.loaders.node.load(o.nodeId);
    if (!node) return [];
    return ((await rolesOf(ctx.loaders.neighbours, [node])).get(node.id) ?? []).map(toRole);
  }

  @Extensions(workCost(COSTS.collaborators))
  @FieldResolver(() => [Collaborator], { description: 'Organisations it shares projects (or evaluations of no project) with, any role on both sides: most shared first, then by name.' })
  async collaborators(
    @Root() o: Organization,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many collaborators to return (1 to ${LIMITS.maxCollaborators}).` }) first: number,
    @Ctx() ctx: GraphContext,
  ): Promise<Collaborator[]> {
    inRange(first, 1, LIMITS.maxCollaborators, 'first');
    const node = await ctx.loaders.node.load(o.nodeId);
    if (!node) return [];
    const collaborators = await collaboratorsOf(ctx.store, node, { first, signal: ctx.signal });
    return collaborators.map((c) => Object.assign(new Collaborator(), { organization: Organization.from(c.organization), shared: c.shared }));
  }
}

/**
 * The projects among the hubs two collaborators share, counted once per list: the embedded store
 * keeps a collaborators walk's answer (lists of thousands of hubs for a busy organisation) until
 * the next write, and gives the same lists again.
 */
const projectCounts = new WeakMap<Collaborator['shared'], number>();
function projectCount(shared: Collaborator['shared']): number {
  let count = projectCounts.get(shared);
  if (count === undefined) {
    count = 0;
    for (const s of shared) if (labelOfId(s.hub) === 'Project') count++;
    projectCounts.set(shared, count);
  }
  return count;
}

/** What two collaborators share: counted, or listed when a query shows it (an organisation may share thousands of hubs with another). */
@Resolver(() => Collaborator)
export class CollaboratorResolver {
  @FieldResolver(() => Int, { description: 'How many projects they share.' })
  sharedProjectCount(@Root() c: Collaborator): number {
    return projectCount(c.shared);
  }

  @FieldResolver(() => [SharedProject], { description: 'The shared projects, with the roles on each side, by project code.' })
  projects(@Root() c: Collaborator): SharedProject[] {
    return c.shared.filter((s) => labelOfId(s.hub) === 'Project').map((s) => {
      const { hub, ...roles } = sharedHub(s);
      return Object.assign(new SharedProject(), { projectId: hub, ...roles });
    });
  }

  @FieldResolver(() => [SharedEvaluation], { description: 'The shared evaluations of no project, with the roles on each side, by title.' })
  evaluations(@Root() c: Collaborator): SharedEvaluation[] {
    return c.shared.filter((s) => labelOfId(s.hub) === 'Evaluation').map((s) => {
      const { hub, roles, theirRoles } = sharedHub(s);
      return Object.assign(new SharedEvaluation(), { evaluationId: hub, roles, theirRoles });
    });
  }
}

/** The hubs two collaborators share, read only when a query shows them (an organisation may share thousands). */
@Resolver(() => SharedProject)
export class SharedProjectResolver {
  @FieldResolver(() => Project, { description: 'The project.' })
  async project(@Root() shared: SharedProject, @Ctx() ctx: GraphContext): Promise<Project> {
    return Project.from((await hubNode(ctx, shared.projectId))!);
  }
}

@Resolver(() => SharedEvaluation)
export class SharedEvaluationResolver {
  @FieldResolver(() => Evaluation, { description: 'The evaluation.' })
  async evaluation(@Root() shared: SharedEvaluation, @Ctx() ctx: GraphContext): Promise<Evaluation> {
    return Evaluation.from((await hubNode(ctx, shared.evaluationId))!);
  }
}

async function hubNode(ctx: GraphContext, id: string): Promise<GraphNode> {
  const node = await ctx.loaders.node.load(id);
  // Deleted since the walk: the answer would be half of two states.
  if (!node) throw new Error(`the shared hub ${id} is no longer stored`);
  return node;
}

@Resolver()
export class StakeholderResolver {
  @Extensions(workCost(COSTS.network))
  @Query(() => StakeholderNetwork, { description: 'The stakeholders around an organisation (or project, or evaluation of no project) within `depth` links, capped at `maxNodes` (nearest kept), for network drawings.' })
  async stakeholderNetwork(
    @Arg('organizationId', () => ID, { description: 'Global id of the organisation (a project or evaluation id works too).' }) organizationId: string,
    @Arg('depth', () => Int, { defaultValue: 2, description: `How many links away to go (1 to ${LIMITS.maxDepth}).` }) depth: number,
    @Arg('roles', () => [Role], { nullable: true, description: 'Follow only links of these roles (PARENT or UNIT also follows PART_OF); all when omitted.' }) roles: RoleName[] | null,
    @Arg('maxNodes', () => Int, { defaultValue: 100, description: `Node cap (1 to ${LIMITS.maxNodes}); the response says when it cut.` }) maxNodes: number,
    @Ctx() ctx: GraphContext,
  ): Promise<StakeholderNetwork> {
    inRange(depth, 1, LIMITS.maxDepth, 'depth');
    inRange(maxNodes, 1, LIMITS.maxNodes, 'maxNodes');
    const start = await stakeholder(ctx, organizationId, 'organizationId');
    const network = await networkAround(ctx.store, start, { depth, maxNodes, ...(roles ? { roles: roles.map(canonicalRole) } : {}), signal: ctx.signal });
    return Object.assign(new StakeholderNetwork(), {
      nodes: await mapPaced(network.nodes, (n) => toNetworkNode(n.node, n.hop)),
      edges: await mapPaced(network.edges, toNetworkEdge),
      nodeCap: maxNodes,
      truncated: network.omittedNodes > 0,
      omittedNodes: network.omittedNodes,
    });
  }

  @Extensions(workCost(COSTS.paths))
  @Query(() => [StakeholderPath], { description: 'The shortest ways two stakeholders are connected (through shared projects and parent bodies), shortest first; empty when no path has at most `maxHops` links.' })
  async stakeholderPaths(
    @Arg('from', () => ID, { description: 'Global id of an organisation, project or evaluation.' }) from: string,
    @Arg('to', () => ID, { description: 'Global id of an organisation, project or evaluation.' }) to: string,
    @Arg('maxHops', () => Int, { defaultValue: 4, description: `Longest path, in links (1 to ${LIMITS.maxHops}).` }) maxHops: number,
    @Arg('first', () => Int, { defaultValue: 3, description: `How many paths (1 to ${LIMITS.maxPaths}).` }) first: number,
    @Ctx() ctx: GraphContext,
  ): Promise<StakeholderPath[]> {
    inRange(maxHops, 1, LIMITS.maxHops, 'maxHops');
    inRange(first, 1, LIMITS.maxPaths, 'first');
    const [a, b] = await Promise.all([stakeholder(ctx, from, 'from'), stakeholder(ctx, to, 'to')]);
    const paths = await pathsBetween(ctx.store, a, b, { maxHops, first, signal: ctx.signal });
    return paths.map((p) =>
      Object.assign(new StakeholderPath(), { length: p.edges.length, nodes: p.nodes.map((n, i) => toNetworkNode(n, i)), edges: p.edges.map(toNetworkEdge) }),
    );
  }
}
