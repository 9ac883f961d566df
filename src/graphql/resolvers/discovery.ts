/** Finding things: facet counts, the search page, "did you mean" suggestions. */
import { Arg, Ctx, Extensions, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { evaluationFacets, type Facets } from '../../services/facets.js';
import { decodeSearchCursor, searchPage, type ResultLabel } from '../../services/search.js';
import { suggest, SUGGESTION_KINDS, type SuggestionKind as SuggestionKindName } from '../../services/suggestions.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from '../connection.js';
import type { GraphContext } from '../context.js';
import { inRange, userError } from '../errors.js';
import { COSTS, workCost } from '../limits/work.js';
import { fromNode } from '../types/entities.js';
import { EvaluationFacets, FacetValue, RatingFacetValue, SearchResults, Suggestion, SuggestionKind } from '../types/discovery.js';
import { EvaluationWhere } from '../types/inputs.js';
import { SEARCH_TYPES, SearchHit, SearchType, type SearchTypeName } from '../types/stakeholders.js';
import { evaluationWhereFilter } from './related.js';

const MAX_SUGGESTIONS = 20;

function toFacets(facets: Facets, totalCount: number): EvaluationFacets {
  const values = (list: Facets['year']) => list.map((v) => Object.assign(new FacetValue(), { value: v.value, label: v.label ?? null, count: v.count }));
  return Object.assign(new EvaluationFacets(), {
    totalCount,
    year: values(facets.year),
    country: values(facets.country),
    region: values(facets.region),
    donor: values(facets.donor),
    thematicArea: values(facets.thematicArea),
    crossCuttingTheme: values(facets.crossCuttingTheme),
    scope: values(facets.scope),
    timing: values(facets.timing),
    level: values(facets.level),
    rating: facets.rating.map((v) => Object.assign(new RatingFacetValue(), { value: v.value, label: v.label ?? null, count: v.count, criterion: v.criterion!, score: v.score! })),
  });
}

const typeOf = Object.fromEntries(Object.entries(SEARCH_TYPES).map(([k, v]) => [v, k])) as Record<string, SearchTypeName>;

@Resolver(() => SearchResults)
export class DiscoveryPageResolver {
  @Extensions(workCost(COSTS.facets))
  @Query(() => EvaluationFacets, { description: 'Facet counts of the evaluations matching `where`: for each dimension, the values they have and how many have each (ticking a value, i.e. adding it to `where`, narrows the evaluations to its count).' })
  async evaluationFacets(
    @Arg('where', () => EvaluationWhere, { nullable: true, description: 'Count among the evaluations matching these filters; all when omitted.' }) where: EvaluationWhere | null,
    @Ctx() ctx: GraphContext,
  ): Promise<EvaluationFacets> {
    const { facets, totalCount } = await evaluationFacets(ctx.store, ctx.loaders.neighbours, await evaluationWhereFilter(ctx, where));
    return toFacets(facets, totalCount);
  }

  @Extensions(workCost(COSTS.searchResults))
  @Query(() => SearchResults, {
    description:
      "A page of search results for a search page: evaluations, recommendations, findings, conclusions, projects and organisations whose text holds every word of `query` (case and accents ignored; a word may be part of a longer one), narrowed to those whose evaluation matches `where` (an organisation: one it has a role on), best first (words in the title or name count more), with totals per kind and facet counts over all pages. Without `query` it lists every result of the kinds, newest evaluations first. Cursors are keyset cursors.",
  })
  async searchResults(
    @Arg('query', () => String, { nullable: true, description: 'Words to find; every one must be in the result.' }) query: string | null,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Kinds of results to list; all when omitted.' }) types: SearchTypeName[] | null,
    @Arg('where', () => EvaluationWhere, { nullable: true, description: "Filters on the results' evaluations (the facets' values go here)." }) where: EvaluationWhere | null,
    @Arg('first', () => Int, { nullable: true, description: `How many results (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Return the results after this cursor (`pageInfo.endCursor` of the previous page).' }) after: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<SearchResults> {
    const size = pageSize(first);
    const position = after ? decodeSearchCursor(after) : undefined;
    if (after && !position) throw userError(`"${after}" is not a cursor returned by searchResults`, 'after');
    const labels = [...new Set(types?.length ? types : (Object.keys(SEARCH_TYPES) as SearchTypeName[]))].map((t) => SEARCH_TYPES[t]) as ResultLabel[];
    const page = await searchPage(ctx.store, ctx.loaders.neighbours, { text: query, labels, evaluations: await evaluationWhereFilter(ctx, where), first: size, ...(position ? { after: position } : {}) });
    const edges = page.hits.map((hit) => ({
      cursor: hit.cursor,
      node: Object.assign(new SearchHit(), { node: fromNode(hit.node), type: typeOf[hit.node.label]!, score: hit.score, snippet: hit.snippet, matchedTerms: [...hit.matchedTerms] }),
    }));
    return Object.assign(new SearchResults(), {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(position), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      countsByType: page.countsByLabel.map((c) => ({ type: typeOf[c.label]!, count: c.count })),
      facetsOf: async () => toFacets(await page.facets(), page.totalCount),
    });
  }

  @FieldResolver(() => EvaluationFacets, { description: 'Facet counts over every result (not only this page): a result counts for a value when one of its evaluations that match `where` has it.' })
  facets(@Root() results: SearchResults): Promise<EvaluationFacets> {
    return results.facetsOf();
  }

  @Extensions(workCost(COSTS.suggestions))
  @Query(() => [Suggestion], {
    description:
      'Did you mean: the names the graph holds closest to a text that found nothing (an acronym, a name, a project code, a theme, a country...), best first. Closeness is the better of edit similarity (1 - Damerau-Levenshtein distance / length) and trigram similarity (as PostgreSQL pg_trgm), on text with case, accents and punctuation folded; a text that begins the name scores 0.9 to 0.99, one that begins a later word 0.8 to 0.89; below 0.5 nothing is suggested.',
  })
  async suggestions(
    @Arg('text', () => String, { description: 'The text that found nothing.' }) text: string,
    @Arg('kinds', () => [SuggestionKind], { nullable: true, description: 'Kinds of names to draw from; all when omitted.' }) kinds: SuggestionKindName[] | null,
    @Arg('first', () => Int, { defaultValue: 5, description: `How many suggestions (1 to ${MAX_SUGGESTIONS}).` }) first: number,
    @Ctx() ctx: GraphContext,
  ): Promise<Suggestion[]> {
    inRange(first, 1, MAX_SUGGESTIONS, 'first');
    if (!text.trim()) throw userError('text must not be empty', 'text');
    const found = await suggest(ctx.store, text, kinds?.length ? [...new Set(kinds)] : (Object.keys(SUGGESTION_KINDS) as SuggestionKindName[]), first);
    return found.map((s) => Object.assign(new Suggestion(), { kind: s.kind, value: s.value, label: s.label, similarity: s.similarity, node: fromNode(s.node) }));
  }
}
