import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, paginate } from '../connection.js';
import type { GraphContext } from '../context.js';
import { EvaluationOrdering } from '../types/ordering.js';
import { fromGlobalId } from '../globalId.js';
import { Conclusion, Country, Criterion, Document, Evaluation, Finding, Organization, Person, Project, Recommendation, Region, SourceDocument, Theme } from '../types/entities.js';
import { EvaluationsArgs } from '../types/inputs.js';
import { andThen, evaluationWhereFilter, neighbours, relatedList, relatedOne } from './related.js';

export const EvaluationConnection = connectionOf(Evaluation, 'Evaluation');

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => EvaluationConnection, { description: 'Evaluations, ordered by id, filtered by `where`.' })
  async evaluations(@Args(() => EvaluationsArgs) args: EvaluationsArgs, @Ctx() ctx: GraphContext) {
    return paginate<Evaluation>(ctx.store, 'Evaluation', args, {
      orderBy: EvaluationOrdering.toListOrder(args.orderBy),
      filter: await evaluationWhereFilter(ctx, args.where),
    });
  }

  @Query(() => Evaluation, { nullable: true, description: 'One evaluation by id; null when there is none.' })
  async evaluation(@Arg('id', () => ID, { description: 'Global id of the evaluation.' }) id: string, @Ctx() ctx: GraphContext) {
    const node = await ctx.loaders.node.load(fromGlobalId(id, ['Evaluation']).nodeId);
    return node ? Evaluation.from(node) : null;
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The evaluated project (the first, when it evaluated several); null for an evaluation of a policy, strategy or theme.' })
  project(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, e.nodeId, 'EVALUATES', 'out', Project);
  }

  @FieldResolver(() => [Project], { description: 'Every project the evaluation evaluated, in the order the sources list them.' })
  projects(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'EVALUATES', 'out', Project);
  }

  @FieldResolver(() => [Criterion], { description: 'Criteria in the scope of the evaluation, in the order the brief lists them.' })
  criteria(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'ASSESSES', 'out', Criterion);
  }

  @FieldResolver(() => [Person], { description: 'The evaluators.' })
  evaluators(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'CONDUCTED_BY', 'out', Person, 'Person');
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The firm (or evaluation office) that conducted the evaluation; the first when there were several.' })
  evaluationFirm(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, e.nodeId, 'CONDUCTED_BY', 'out', Organization, 'Organization');
  }

  @FieldResolver(() => [Organization], { description: 'Every firm or evaluation office that conducted the evaluation.' })
  evaluationFirms(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'CONDUCTED_BY', 'out', Organization, 'Organization');
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Who commissioned the evaluation (the first, when several did).' })
  commissionedBy(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, e.nodeId, 'COMMISSIONED_BY', 'out', Organization);
  }

  @FieldResolver(() => [Organization], { description: 'Everyone who commissioned the evaluation.' })
  commissioners(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'COMMISSIONED_BY', 'out', Organization);
  }

  @FieldResolver(() => [Organization], { description: 'Donors of what was evaluated, as the evaluation repository names them.' })
  donors(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'FUNDED_BY', 'out', Organization);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who managed the evaluation.' })
  managedBy(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, e.nodeId, 'MANAGED_BY', 'out', Person);
  }

  @FieldResolver(() => [Country], { description: 'Countries the evaluation covers, as the evaluation repository lists them (its projects\' own countries are on the projects).' })
  countries(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'IN_COUNTRY', 'out', Country);
  }

  @FieldResolver(() => [Region], { description: 'Regions the evaluation covers (IOM regional offices, or "Global").' })
  regions(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'IN_REGION', 'out', Region);
  }

  @FieldResolver(() => [Theme], { description: 'IOM migration thematic areas the evaluation is filed under.' })
  thematicAreas(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return andThen(neighbours(ctx, e.nodeId, 'ABOUT', 'out'), (found) => found.filter((n) => n.edge.props.aspect === 'thematic area').map((n) => Theme.from(n.node)));
  }

  @FieldResolver(() => [Theme], { description: 'IOM cross-cutting themes the evaluation is filed under (gender, rights-based approach...).' })
  crossCuttingThemes(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return andThen(neighbours(ctx, e.nodeId, 'ABOUT', 'out'), (found) => found.filter((n) => n.edge.props.aspect === 'cross-cutting theme').map((n) => Theme.from(n.node)));
  }

  @FieldResolver(() => [Document], { description: 'Published documents of the evaluation (report, brief, management response...), with their addresses.' })
  documents(@Root() e: Evaluation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, e.nodeId, 'HAS_DOCUMENT', 'out', Document);
  }

  @FieldResolver(() => [Finding], { description: 'Findings (per criterion, with ratings, or per objective), in the order of the brief.' })
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
