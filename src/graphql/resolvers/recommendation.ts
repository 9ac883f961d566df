import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, paginate } from '../connection.js';
import type { GraphContext } from '../context.js';
import { RecommendationOrdering } from '../types/ordering.js';
import { Evaluation, Organization, Project, Recommendation, Theme } from '../types/entities.js';
import { RecommendationsArgs } from '../types/inputs.js';
import { allNodes, idsFilter, idsLinkedTo, intersect, relatedList, relatedOne } from './related.js';
import { followUpOf, type FollowUpStatus } from '../../services/followUp.js';
import { today } from './followUp.js';

export const RecommendationConnection = connectionOf(Recommendation, 'Recommendation');

/** Ids of the recommendations whose follow-up status is `status` today. */
async function withFollowUpStatus(ctx: GraphContext, status: FollowUpStatus): Promise<string[]> {
  const recs = await allNodes(ctx, 'Recommendation');
  const followUps = await followUpOf(ctx.loaders.neighbours, recs, today());
  return recs.filter((_, i) => followUps[i]!.status === status).map((r) => r.id);
}

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => RecommendationConnection, { description: 'Recommendations across all evaluations, ordered by id, filtered by `where`.' })
  async recommendations(@Args(() => RecommendationsArgs) args: RecommendationsArgs, @Ctx() ctx: GraphContext) {
    const where = args.where ?? {};
    const byTheme = where.theme ? await idsLinkedTo(ctx, 'Theme', where.theme, 'ABOUT', 'in') : undefined;
    const byAudience = where.audience ? await idsLinkedTo(ctx, 'Organization', where.audience, 'ADDRESSED_TO', 'in') : undefined;
    const byStatus = where.followUpStatus ? await withFollowUpStatus(ctx, where.followUpStatus) : undefined;
    return paginate<Recommendation>(ctx.store, 'Recommendation', args, {
      orderBy: RecommendationOrdering.toListOrder(args.orderBy),
      text: where.text ?? undefined,
      ids: intersect(byTheme, byAudience, byStatus, idsFilter(where.ids, 'Recommendation')),
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
