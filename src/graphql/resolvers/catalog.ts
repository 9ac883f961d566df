/** Criteria, findings, conclusions and themes: the shared vocabulary evaluations are filed under. */
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { Conclusion, Criterion, Evaluation, Finding, Rating, Recommendation, Theme } from '../types/entities.js';
import { allNodes, andThen, neighbours, relatedList, relatedOne, type MaybePromise } from './related.js';

@Resolver(() => Criterion)
export class CriterionResolver {
  @Query(() => [Criterion], { description: 'Every evaluation criterion in the graph, by name.' })
  async criteria(@Ctx() ctx: GraphContext) {
    return (await allNodes(ctx, 'Criterion')).map(Criterion.from).sort((a, b) => a.name.localeCompare(b.name));
  }

  @FieldResolver(() => [Finding], { description: 'Findings on this criterion across evaluations.' })
  findings(@Root() c: Criterion, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, c.nodeId, 'ON_CRITERION', 'in', Finding);
  }
}

@Resolver(() => Finding)
export class FindingResolver {
  @FieldResolver(() => Criterion, { description: 'The criterion the finding is about.' })
  criterion(@Root() f: Finding, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, f.nodeId, 'ON_CRITERION', 'out', Criterion);
  }

  @FieldResolver(() => Rating, { nullable: true, description: 'The rating given, when the evaluation rated the criterion.' })
  rating(@Root() f: Finding, @Ctx() ctx: GraphContext): MaybePromise<Rating | null> {
    return andThen(neighbours(ctx, f.nodeId, 'ON_CRITERION', 'out'), ([link]) => {
      const props = link?.edge.props;
      if (!props || typeof props.score !== 'number') return null;
      return Object.assign(new Rating(), { score: props.score, label: String(props.label ?? ''), scaleMax: typeof props.scaleMax === 'number' ? props.scaleMax : null });
    });
  }

  @FieldResolver(() => Evaluation, { nullable: true, description: 'The evaluation the finding belongs to.' })
  evaluation(@Root() f: Finding, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, f.nodeId, 'HAS_FINDING', 'in', Evaluation);
  }
}

@Resolver(() => Conclusion)
export class ConclusionResolver {
  @FieldResolver(() => Evaluation, { nullable: true, description: 'The evaluation the conclusion belongs to.' })
  evaluation(@Root() c: Conclusion, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, c.nodeId, 'CONCLUDES', 'in', Evaluation);
  }
}

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => [Theme], { description: 'Every recommendation theme in the graph, by name.' })
  async themes(@Ctx() ctx: GraphContext) {
    return (await allNodes(ctx, 'Theme')).map(Theme.from).sort((a, b) => a.name.localeCompare(b.name));
  }

  @FieldResolver(() => Theme, { nullable: true, description: 'The broader theme this one falls under (from the curated taxonomy in graph/themes.yaml).' })
  broader(@Root() t: Theme, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, t.nodeId, 'BROADER', 'out', Theme);
  }

  @FieldResolver(() => [Theme], { description: 'Themes that fall under this one.' })
  narrower(@Root() t: Theme, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, t.nodeId, 'BROADER', 'in', Theme);
  }

  @FieldResolver(() => [Recommendation], { description: 'Recommendations filed under this theme, across evaluations.' })
  recommendations(@Root() t: Theme, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, t.nodeId, 'ABOUT', 'in', Recommendation);
  }
}
