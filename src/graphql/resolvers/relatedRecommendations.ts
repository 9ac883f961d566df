/** Has this been recommended before: related recommendations, full-text search, rating summaries. */
import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { COSTS, workCost } from '../limits/work.js';
import type { SearchableLabel } from '../../domain/model.js';
import { ratingSummaries } from '../../services/aggregates.js';
import { relatedToRecommendation, relatedToText, type RelatedResult } from '../../services/related.js';
import { search } from '../../services/search.js';
import type { GraphContext } from '../context.js';
import { inRange, userError } from '../errors.js';
import { fromGlobalId } from '../globalId.js';
import { Criterion, fromNode, Recommendation } from '../types/entities.js';
import { RatingSummary, RatingSummaryWhere, RelatedRecommendation, SEARCH_TYPES, SearchHit, SearchType, type SearchTypeName } from '../types/stakeholders.js';

const MAX_RESULTS = 50;

/** The kinds the store's full-text index covers (every kind but evaluations). */
const FULL_TEXT_TYPES = (Object.keys(SEARCH_TYPES) as SearchTypeName[]).filter((t) => t !== 'EVALUATION');

const checkFirst = (first: number) => inRange(first, 1, MAX_RESULTS, 'first');

const toRelated = (r: RelatedResult) => Object.assign(new RelatedRecommendation(), { recommendation: Recommendation.from(r.recommendation), score: r.score, reasons: [...r.reasons] });

@Resolver(() => Recommendation)
export class RelatedRecommendationResolver {
  @Extensions(workCost(COSTS.related))
  @FieldResolver(() => [RelatedRecommendation], { description: 'Recommendations related to this one (text, theme, audience, country, project type), best first, each with its score and reasons.' })
  async related(
    @Root() r: Recommendation,
    @Arg('first', () => Int, { defaultValue: 5, description: `How many (1 to ${MAX_RESULTS}).` }) first: number,
    @Arg('otherProjectsOnly', () => Boolean, { defaultValue: true, description: "Leave out recommendations of the same project's evaluations." }) otherProjectsOnly: boolean,
    @Ctx() ctx: GraphContext,
  ): Promise<RelatedRecommendation[]> {
    checkFirst(first);
    return (await ctx.loaders.relatedRecommendations({ first, otherProjectsOnly }).load(r.nodeId)).map(toRelated);
  }
}

@Resolver()
export class DiscoveryResolver {
  @Extensions(workCost(COSTS.related))
  @Query(() => [RelatedRecommendation], { description: 'Recommendations related to a stored recommendation (`to`) or to a text being drafted (`text`; a theme named in it counts too).' })
  async relatedRecommendations(
    @Arg('text', () => String, { nullable: true, description: 'Free text, e.g. a draft recommendation.' }) text: string | null,
    @Arg('to', () => ID, { nullable: true, description: 'Global id of a recommendation.' }) to: string | null,
    @Arg('first', () => Int, { defaultValue: 5, description: `How many (1 to ${MAX_RESULTS}).` }) first: number,
    @Arg('otherProjectsOnly', () => Boolean, { nullable: true, description: 'With `to`: leave out recommendations of the same project (default true).' }) otherProjectsOnly: boolean | null,
    @Ctx() ctx: GraphContext,
  ): Promise<RelatedRecommendation[]> {
    checkFirst(first);
    if (!text === !to) throw userError('relatedRecommendations() takes exactly one of text or to');
    if (to) {
      const node = await ctx.loaders.node.load(fromGlobalId(to, ['Recommendation'], 'to').nodeId);
      if (!node) throw userError(`to: no recommendation has the id "${to}"`, 'to');
      return (await relatedToRecommendation(ctx.store, ctx.loaders.neighbours, node, { first, otherProjectsOnly: otherProjectsOnly ?? true })).map(toRelated);
    }
    if (text!.trim().length < 3) throw userError('text must have at least 3 characters', 'text');
    return (await relatedToText(ctx.store, ctx.loaders.neighbours, text!, first)).map(toRelated);
  }

  @Extensions(workCost(COSTS.search))
  @Query(() => [SearchHit], { description: 'Full-text search across recommendations, findings, conclusions, projects and organisations, best first, with the matching passage.' })
  async search(
    @Arg('query', () => String, { description: 'Words to look for (case and accents ignored; word forms folded).' }) query: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Kinds of object to search; all but EVALUATION when omitted (EVALUATION is refused: use `searchResults`).' }) types: SearchTypeName[] | null,
    @Arg('first', () => Int, { defaultValue: 10, description: `How many results (1 to ${MAX_RESULTS}).` }) first: number,
    @Ctx() ctx: GraphContext,
  ): Promise<SearchHit[]> {
    checkFirst(first);
    if (!query.trim()) throw userError('query must not be empty', 'query');
    if (types?.includes('EVALUATION')) throw userError('search() covers recommendations, findings, conclusions, projects and organisations; find evaluations with searchResults(types: [EVALUATION]) or evaluations(where: { text })', 'types');
    const labels = (types?.length ? types : FULL_TEXT_TYPES).map((t) => SEARCH_TYPES[t]) as SearchableLabel[];
    const results = await search(ctx.store, query, labels, first);
    const typeOf = Object.fromEntries(Object.entries(SEARCH_TYPES).map(([k, v]) => [v, k])) as Record<string, SearchTypeName>;
    return results.map((r) => Object.assign(new SearchHit(), { node: fromNode(r.node), type: typeOf[r.node.label]!, score: r.score, snippet: r.snippet, matchedTerms: [...r.matchedTerms] }));
  }
}

@Resolver(() => Criterion)
export class CriterionSummaryResolver {
  @Extensions(workCost(COSTS.ratingSummary))
  @FieldResolver(() => RatingSummary, { description: 'How evaluations rated this criterion: count, average and distribution of scores, optionally for one country, project type or year.' })
  async ratingSummary(
    @Root() c: Criterion,
    @Arg('where', () => RatingSummaryWhere, { nullable: true, description: 'Filters.' }) where: RatingSummaryWhere | null,
    @Ctx() ctx: GraphContext,
  ): Promise<RatingSummary> {
    const node = await ctx.loaders.node.load(c.nodeId);
    if (!node) return Object.assign(new RatingSummary(), { count: 0, average: null, distribution: [], unrated: 0 });
    const [summary] = await ratingSummaries(ctx.loaders.neighbours, [node], where ?? {});
    return Object.assign(new RatingSummary(), { ...summary!, distribution: summary!.distribution.map((d) => ({ ...d, labels: [...d.labels] })) });
  }
}
