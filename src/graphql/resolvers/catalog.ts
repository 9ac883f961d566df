/** Criteria, findings, conclusions and themes: the shared vocabulary evaluations are filed under. */
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { MAX_PAGE_SIZE } from '../connection.js';
import { Conclusion, Criterion, Evaluation, Finding, Rating, Recommendation, Theme } from '../types/entities.js';
import { neighbours, relatedList, relatedOne } from './related.js';
import type { GraphStore } from '../../store/port.js';
import type { Label } from '../../domain/model.js';

/** Every node of a small vocabulary label (themes, criteria), page by page. */
async function listAll(store: GraphStore, label: Label) {
  const nodes = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.list({ label, first: MAX_PAGE_SIZE, after });
    nodes.push(...page.nodes);
    if (!page.hasNextPage || !page.nodes.length) return nodes;
    after = page.nodes.at(-1)!.id;
  }
}

@Resolver(() => Criterion)
export class CriterionResolver {
  @Query(() => [Criterion], { description: 'Every evaluation criterion in the graph, by name.' })
  async criteria(@Ctx() ctx: GraphContext) {
    return (await listAll(ctx.store, 'Criterion')).map(Criterion.from).sort((a, b) => a.name.localeCompare(b.name));
  }

  @FieldResolver(() => [Finding], { description: 'Findings on this criterion across evaluations.' })
  findings(@Root() c: Criterion, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, c.nodeId, 'ON_CRITERION', 'in', Finding);
  }
}

@Resolver(() => Finding)
export class FindingResolver {
  @FieldResolver(() => Criterion, { description: 'The criterion the finding is about.' })
  async criterion(@Root() f: Finding, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, f.nodeId, 'ON_CRITERION', 'out', Criterion);
  }

  @FieldResolver(() => Rating, { nullable: true, description: 'The rating given, when the evaluation rated the criterion.' })
  async rating(@Root() f: Finding, @Ctx() ctx: GraphContext): Promise<Rating | null> {
    const [link] = await neighbours(ctx, f.nodeId, 'ON_CRITERION', 'out');
    const props = link?.edge.props;
    if (!props || typeof props.score !== 'number') return null;
    return Object.assign(new Rating(), { score: props.score, label: String(props.label ?? ''), scaleMax: typeof props.scaleMax === 'number' ? props.scaleMax : null });
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
    return (await listAll(ctx.store, 'Theme')).map(Theme.from).sort((a, b) => a.name.localeCompare(b.name));
  }

  @FieldResolver(() => [Recommendation], { description: 'Recommendations filed under this theme, across evaluations.' })
  recommendations(@Root() t: Theme, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, t.nodeId, 'ABOUT', 'in', Recommendation);
  }
}
