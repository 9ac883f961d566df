import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { normaliseKey, normaliseText } from '../../domain/text.js';
import { connectionOf, paginate } from '../connection.js';
import type { GraphContext } from '../context.js';
import { userError } from '../errors.js';
import { EvaluationOrdering } from '../types/ordering.js';
import { fromGlobalId } from '../globalId.js';
import { Conclusion, Criterion, Evaluation, Finding, Organization, Person, Project, Recommendation, SourceDocument } from '../types/entities.js';
import { EvaluationsArgs, RatingRange } from '../types/inputs.js';
import { allNodes, dateRange, idsFilter, idsLinkedTo, intersect, relatedList, relatedOne } from './related.js';

export const EvaluationConnection = connectionOf(Evaluation, 'Evaluation');

/** Ids of the evaluations that rated a criterion within [min, max]. */
async function ratedWithin(ctx: GraphContext, range: RatingRange): Promise<string[]> {
  const [criteria = []] = await ctx.store.findByKeys('Criterion', [normaliseKey(range.criterion)]);
  if (!criteria.length) throw userError(`rating.criterion: no criterion is called "${range.criterion}"`, 'where.rating.criterion');
  const findings = (await ctx.store.neighbours(criteria.map((c) => c.id), 'ON_CRITERION', 'in')).flat().filter((f) => {
    const score = f.edge.props.score;
    return typeof score === 'number' && (range.min == null || score >= range.min) && (range.max == null || score <= range.max);
  });
  const evaluations = await ctx.store.neighbours(findings.map((f) => f.node.id), 'HAS_FINDING', 'in');
  return [...new Set(evaluations.flat().map((e) => e.node.id))];
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => EvaluationConnection, { description: 'Evaluations, ordered by id, filtered by `where`.' })
  async evaluations(@Args(() => EvaluationsArgs) args: EvaluationsArgs, @Ctx() ctx: GraphContext) {
    const where = args.where ?? {};
    const props: Record<string, string | number> = {};
    if (where.stage) props.stage = normaliseText(where.stage);
    if (where.year) props.year = where.year;
    // Country and project type are the evaluated project's: reach the evaluations through it.
    const projectsIn = where.country ? await idsLinkedTo(ctx, 'Country', where.country, 'IN_COUNTRY', 'in') : undefined;
    const projectsOfType = where.projectType ? (await allNodes(ctx, 'Project', { where: { typeKey: normaliseText(where.projectType) } })).map((n) => n.id) : undefined;
    const projects = intersect(projectsIn, projectsOfType);
    const byProject = projects ? (await ctx.store.neighbours(projects, 'EVALUATES', 'in')).flat().map((n) => n.node.id) : undefined;
    return paginate<Evaluation>(ctx.store, 'Evaluation', args, {
      orderBy: EvaluationOrdering.toListOrder(args.orderBy),
      text: where.text ?? undefined,
      where: props,
      ids: intersect(idsFilter(where.ids, 'Evaluation'), byProject, where.rating ? await ratedWithin(ctx, where.rating) : undefined),
      range: dateRange('finalReportDate', where.finalReportDateFrom, where.finalReportDateTo),
    });
  }

  @Query(() => Evaluation, { nullable: true, description: 'One evaluation by id; null when there is none.' })
  async evaluation(@Arg('id', () => ID, { description: 'Global id of the evaluation.' }) id: string, @Ctx() ctx: GraphContext) {
    const node = await ctx.loaders.node.load(fromGlobalId(id, ['Evaluation']).nodeId);
    return node ? Evaluation.from(node) : null;
  }

  @FieldResolver(() => Project, { description: 'The evaluated project.' })
  async project(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, e.nodeId, 'EVALUATES', 'out', Project);
  }

  @FieldResolver(() => [Criterion], { description: 'Criteria in the scope of the evaluation, in the order the brief lists them.' })
  criteria(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'ASSESSES', 'out', Criterion);
  }

  @FieldResolver(() => [Person], { description: 'The evaluators.' })
  evaluators(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'CONDUCTED_BY', 'out', Person, 'Person');
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The firm that conducted the evaluation.' })
  evaluationFirm(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, e.nodeId, 'CONDUCTED_BY', 'out', Organization, 'Organization');
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Who commissioned the evaluation.' })
  commissionedBy(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, e.nodeId, 'COMMISSIONED_BY', 'out', Organization);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who managed the evaluation.' })
  managedBy(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, e.nodeId, 'MANAGED_BY', 'out', Person);
  }

  @FieldResolver(() => [Finding], { description: 'Findings per criterion, with ratings, in the order of the brief.' })
  findings(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'HAS_FINDING', 'out', Finding);
  }

  @FieldResolver(() => [Conclusion], { description: 'Conclusions, in the order of the brief.' })
  conclusions(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'CONCLUDES', 'out', Conclusion);
  }

  @FieldResolver(() => [Recommendation], { description: 'Recommendations, in the order of the brief.' })
  recommendations(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'RECOMMENDS', 'out', Recommendation);
  }

  @FieldResolver(() => [SourceDocument], { description: 'Documents the evaluation was taken from.' })
  sources(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'SOURCED_FROM', 'out', SourceDocument);
  }
}
