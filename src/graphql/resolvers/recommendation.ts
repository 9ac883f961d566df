import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, paginate } from '../connection.js';
import type { GraphContext } from '../context.js';
import { RecommendationOrdering } from '../types/ordering.js';
import { Evaluation, Organization, Project, Recommendation, Theme } from '../types/entities.js';
import { RecommendationsArgs } from '../types/inputs.js';
import { idsFilter, relatedList, relatedOne } from './related.js';
import { recommendationFilter } from '../../services/filters.js';
import { today } from './followUp.js';

export const RecommendationConnection = connectionOf(Recommendation, 'Recommendation');

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => RecommendationConnection, { description: 'Recommendations across all evaluations, ordered by id, filtered by `where`.' })
  async recommendations(@Args(() => RecommendationsArgs) args: RecommendationsArgs, @Ctx() ctx: GraphContext) {
    const where = args.where ?? {};
    return paginate<Recommendation>(ctx.store, 'Recommendation', args, {
      orderBy: RecommendationOrdering.toListOrder(args.orderBy),
      filter: recommendationFilter({ ...where, ids: idsFilter(where.ids, 'Recommendation') }, today()),
    });
  }

  @FieldResolver(() => Theme, { nullable: true, description: 'The theme it is filed under.' })
  theme(@Root() r: Recommendation, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, r.nodeId, 'ABOUT', 'out', Theme);
  }

  @FieldResolver(() => [Organization], { description: 'Organisations it is addressed to.' })
  audiences(@Root() r: Recommendation, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, r.nodeId, 'ADDRESSED_TO', 'out', Organization);
  }

  @FieldResolver(() => Evaluation, { nullable: true, description: 'The evaluation that made it.' })
  evaluation(@Root() r: Recommendation, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, r.nodeId, 'RECOMMENDS', 'in', Evaluation);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project whose evaluation made it.' })
  async project(@Root() r: Recommendation, @Ctx() ctx: GraphContext) {
    const evaluation = await relatedOne(ctx, r.nodeId, 'RECOMMENDS', 'in', Evaluation);
    return evaluation ? relatedOne(ctx, evaluation.nodeId, 'EVALUATES', 'out', Project) : null;
  }
}
