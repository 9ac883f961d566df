/** GraphQL types for finding things: facet counts, the search page, "did you mean" suggestions. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SUGGESTION_KINDS, type SuggestionKind as SuggestionKindName } from '../../services/suggestions.js';
import { PageInfo } from '../connection.js';
import { Node } from './entities.js';
import { enumOf } from './enumOf.js';
import { SearchHit, SearchType, type SearchTypeName } from './stakeholders.js';

@ObjectType('FacetValue', { simpleResolvers: true, description: 'One value of a facet and how many results have it.' })
export class FacetValue {
  @Field(() => String, { description: "The value, as the dimension's `EvaluationWhere` field takes it (a year as digits, a name as the graph holds it)." })
  value!: string;

  @Field(() => String, { nullable: true, description: 'How to show the value, when that differs from it (an organisation with its acronym, a stage word capitalised).' })
  label!: string | null;

  @Field(() => Int, { description: 'Results having the value; passing the value as a filter narrows the results to exactly this many.' })
  count!: number;
}

@ObjectType('RatingFacetValue', { simpleResolvers: true, description: 'A rating given on a criterion, and how many results have it; filter with `rating: { criterion, min: score, max: score }`.' })
export class RatingFacetValue extends FacetValue {
  @Field(() => String, { description: 'The criterion, e.g. "Relevance".' })
  criterion!: string;

  @Field(() => Int, { description: 'The score.' })
  score!: number;
}

@ObjectType('EvaluationFacets', { simpleResolvers: true,
  description:
    'For each dimension evaluations are filtered by, the values the matching results have and how many have each, most first (ties by label). A value counts a result when one of its evaluations (that match the filters) has it.',
})
export class EvaluationFacets {
  @Field(() => Int, { description: 'Results counted.' })
  totalCount!: number;

  @Field(() => [FacetValue], { description: 'Years (`where: { year }`).' })
  year!: FacetValue[];

  @Field(() => [FacetValue], { description: 'Countries the evaluation or its projects cover (`where: { country }`).' })
  country!: FacetValue[];

  @Field(() => [FacetValue], { description: 'Regions (`where: { region }`).' })
  region!: FacetValue[];

  @Field(() => [FacetValue], { description: 'Donors of the evaluation or funders of its projects (`where: { donor }`).' })
  donor!: FacetValue[];

  @Field(() => [FacetValue], { description: "IOM's migration thematic areas (`where: { thematicArea }`)." })
  thematicArea!: FacetValue[];

  @Field(() => [FacetValue], { description: "IOM's cross-cutting themes (`where: { crossCuttingTheme }`)." })
  crossCuttingTheme!: FacetValue[];

  @Field(() => [FacetValue], { description: 'What was evaluated (`where: { scope }`).' })
  scope!: FacetValue[];

  @Field(() => [FacetValue], { description: 'When: a stage (ex-post, final, mid-term...) or the catalogue\'s wording when it names none (`where: { timing }`).' })
  timing!: FacetValue[];

  @Field(() => [FacetValue], { description: 'Level (`where: { level }`).' })
  level!: FacetValue[];

  @Field(() => [RatingFacetValue], { description: 'Ratings per criterion and score (`where: { rating: { criterion, min, max } }`).' })
  rating!: RatingFacetValue[];
}

@ObjectType('SearchTypeCount', { simpleResolvers: true, description: 'How many results of one kind a search has.' })
export class SearchTypeCount {
  @Field(() => SearchType, { description: 'The kind.' })
  type!: SearchTypeName;

  @Field(() => Int, { description: 'Results of that kind, over all pages.' })
  count!: number;
}

@ObjectType('SearchResultEdge', { simpleResolvers: true, description: 'A search result in a page of results.' })
export class SearchResultEdge {
  @Field(() => String, { description: 'Opaque cursor of this result.' })
  cursor!: string;

  @Field(() => SearchHit, { description: 'The result, with the passage that matched.' })
  node!: SearchHit;
}

@ObjectType('SearchResults', { simpleResolvers: true, description: 'A page of search results, with totals per kind and facet counts over all pages.' })
export class SearchResults {
  @Field(() => [SearchResultEdge], { description: 'The results on this page, best first.' })
  edges!: SearchResultEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Results of the kinds asked for, over all pages.' })
  totalCount!: number;

  @Field(() => [SearchTypeCount], { description: 'Results of every kind for the same words and filters (whether asked for or not), to show as tabs.' })
  countsByType!: SearchTypeCount[];

  /** Computed on demand (see the resolver). */
  facetsOf!: () => Promise<EvaluationFacets>;
}

export const SuggestionKind = enumOf(Object.keys(SUGGESTION_KINDS) as SuggestionKindName[]);
registerEnumType(SuggestionKind, {
  name: 'SuggestionKind',
  description: 'Kinds of names suggestions are drawn from.',
  valuesConfig: {
    ORGANIZATION: { description: 'Organisations: name, acronym, local name, aliases (donors and audiences are organisations).' },
    PROJECT: { description: 'Projects: code and title.' },
    COUNTRY: { description: 'Countries: name, official name, ISO code.' },
    REGION: { description: 'Regions.' },
    THEME: { description: 'Themes: curated recommendation themes and IOM thematic areas and cross-cutting themes, with their synonyms.' },
    CRITERION: { description: 'Evaluation criteria.' },
  },
});

@ObjectType('Suggestion', { simpleResolvers: true, description: 'A name the graph holds that comes close to a text ("did you mean").' })
export class Suggestion {
  @Field(() => SuggestionKind, { description: 'What kind of thing it names.' })
  kind!: SuggestionKindName;

  @Field(() => String, { description: 'The name that came closest; use it where the text was used (a lookup, a filter).' })
  value!: string;

  @Field(() => String, { description: 'How to show the thing: its name with its acronym, or a project\'s code and title.' })
  label!: string;

  @Field(() => Float, { description: 'Similarity in [0, 1] (1: the same once case, accents and punctuation are folded): the better of edit similarity and trigram similarity.' })
  similarity!: number;

  @Field(() => Node, { description: 'The thing named.' })
  node!: Node;
}
