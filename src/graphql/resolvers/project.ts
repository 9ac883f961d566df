import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { codeKeys } from '../../domain/codes.js';
import { normaliseKey } from '../../domain/text.js';
import { connectionOf, paginate } from '../connection.js';
import type { GraphContext } from '../context.js';
import { ProjectOrdering } from '../types/ordering.js';
import { userError } from '../errors.js';
import { fromGlobalId } from '../globalId.js';
import { Country, Evaluation, Organization, Output, Partnership, Project, SourceDocument } from '../types/entities.js';
import { ProjectsArgs } from '../types/inputs.js';
import { andThen, idsFilter, neighbours, relatedList, relatedOne, type MaybePromise } from './related.js';
import { projectFilter } from '../../services/filters.js';

export const ProjectConnection = connectionOf(Project, 'Project');

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => ProjectConnection, { description: 'Projects, ordered by id, filtered by `where`.' })
  async projects(@Args(() => ProjectsArgs) args: ProjectsArgs, @Ctx() ctx: GraphContext) {
    const where = args.where ?? {};
    return paginate<Project>(ctx.store, 'Project', args, {
      orderBy: ProjectOrdering.toListOrder(args.orderBy),
      filter: projectFilter({ ...where, ids: idsFilter(where.ids, 'Project') }),
    });
  }

  @Query(() => Project, { nullable: true, description: 'One project by global id or by project code; null when there is none.' })
  async project(
    @Arg('id', () => ID, { nullable: true, description: 'Global id of the project.' }) id: string | null,
    @Arg('code', () => String, { nullable: true, description: 'Project code, e.g. "BO10P0001/CE.0350" (case-insensitive).' }) code: string | null,
    @Ctx() ctx: GraphContext,
  ) {
    if (!id === !code) throw userError('project() takes exactly one of id or code');
    if (id) {
      const node = await ctx.loaders.node.load(fromGlobalId(id, ['Project']).nodeId);
      return node ? Project.from(node) : null;
    }
    // Any form of the code finds the project: "CE.0350" finds "BO10P0001/CE.0350".
    const forms = codeKeys(code!).map((k) => k.toLowerCase());
    const found = await ctx.store.findByKeys('Project', [normaliseKey(code!), ...forms]);
    const candidates = found.flat();
    const match = candidates.find((n) => forms.every((k) => (n.props.matchKeys as readonly string[] | undefined)?.includes(k)));
    return match ? Project.from(match) : null;
  }

  @FieldResolver(() => [Country], { description: 'Countries the project covers.' })
  countries(@Root() p: Project, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, p.nodeId, 'IN_COUNTRY', 'out', Country);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organisation that implemented the project.' })
  implementer(@Root() p: Project, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, p.nodeId, 'IMPLEMENTED_BY', 'out', Organization);
  }

  @FieldResolver(() => [Organization], { description: 'Organisations that funded the project.' })
  funders(@Root() p: Project, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, p.nodeId, 'FUNDED_BY', 'out', Organization);
  }

  @FieldResolver(() => [Partnership], { description: 'Partner institutions with their roles; the lead partner first.' })
  partners(@Root() p: Project, @Ctx() ctx: GraphContext): MaybePromise<Partnership[]> {
    return andThen(neighbours(ctx, p.nodeId, 'PARTNERED_WITH', 'out'), (found) =>
      found
        .map((n) => Object.assign(new Partnership(), { organization: Organization.from(n.node), project: p, lead: n.edge.props.lead === true, role: (n.edge.props.role as string | undefined) ?? null }))
        .sort((a, b) => Number(b.lead) - Number(a.lead)),
    );
  }

  @FieldResolver(() => [Output], { description: 'Outputs the project produced, by component.' })
  outputs(@Root() p: Project, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, p.nodeId, 'PRODUCED', 'out', Output);
  }

  @FieldResolver(() => [Evaluation], { description: 'Evaluations of the project.' })
  evaluations(@Root() p: Project, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, p.nodeId, 'EVALUATES', 'in', Evaluation);
  }

  @FieldResolver(() => [SourceDocument], { description: 'Documents the project facts were taken from.' })
  sources(@Root() p: Project, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, p.nodeId, 'SOURCED_FROM', 'out', SourceDocument);
  }
}

@Resolver(() => Output)
export class OutputResolver {
  @FieldResolver(() => [Output], { description: 'Outputs this one was based on (e.g. guidelines based on a study).' })
  basedOn(@Root() o: Output, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, o.nodeId, 'BASED_ON', 'out', Output);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project that produced it.' })
  project(@Root() o: Output, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, o.nodeId, 'PRODUCED', 'in', Project);
  }
}

@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => [Project], { description: 'Projects covering the country.' })
  projects(@Root() c: Country, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, c.nodeId, 'IN_COUNTRY', 'in', Project);
  }
}
