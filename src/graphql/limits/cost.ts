/**
 * Query cost: an upper estimate of how many fields a query resolves, computed from the parsed
 * document against the schema before anything runs. Every field costs 1 plus the cost of its
 * selection, and a field that returns many objects multiplies its selection's cost:
 *
 * - a paged field (one with a `first` argument, i.e. a connection) by `first`, or the default
 *   page size when it is absent, capped at the maximum page size;
 * - the `edges` of a connection by 1 (the page size is already counted on the connection);
 * - any other list field by an assumed list size;
 *
 * and a field that explores the graph or reads texts adds what that work may cost, as it
 * declares it (work.ts).
 *
 * Fragments and inline fragments count where they are spread (on abstract types, the most
 * expensive possible type wins), `@skip`/`@include` are honoured, and variables are applied.
 * The traversal is graphql-query-complexity's; this module only supplies the cost model.
 */
import { getNamedType, isListType, isNonNullType, type DocumentNode, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
// The CommonJS build: it shares this process's `graphql` module (the ESM build imports
// `graphql/index.mjs`, a second copy whose type checks reject our schema).
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging.js';
import type { WorkCost } from './work.js';

/** How many items a plain list field (not paged with `first`) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Most selections (fields and spreads, counted with fragments expanded) a cost computation
 * visits; beyond it the query is refused without finishing the estimate.
 */
export const MAX_SELECTIONS = 10_000;

export interface CostOptions {
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string | null;
  readonly assumedListSize?: number;
}

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

function estimator(assumedListSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    let multiplier = 1;
    if (field.args.some((arg) => arg.name === 'first')) {
      const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
      multiplier = Math.min(Math.max(first, 1), MAX_PAGE_SIZE);
    } else if (isList(field.type) && !(field.name === 'edges' && getNamedType(type).name.endsWith('Connection'))) {
      multiplier = assumedListSize;
    }
    const work = (field.extensions as { workCost?: WorkCost } | undefined)?.workCost;
    return 1 + (work ? Math.ceil(work(args)) : 0) + childComplexity * multiplier;
  };
}

/** Thrown when the estimate itself would be too much work (see MAX_SELECTIONS). */
export class TooManySelectionsError extends Error {
  override name = 'TooManySelectionsError';
}

/**
 * The estimated cost of the operation. Throws TooManySelectionsError for documents whose
 * fragments expand past MAX_SELECTIONS, and the GraphQLError of graphql-js when the
 * variables do not fit the operation (execution would refuse them the same way).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, options: CostOptions = {}): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables: options.variables,
      operationName: options.operationName ?? undefined,
      estimators: [estimator(options.assumedListSize ?? ASSUMED_LIST_SIZE)],
      maxQueryNodes: MAX_SELECTIONS,
    });
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
      throw new TooManySelectionsError(`the query selects more than ${MAX_SELECTIONS} fields once its fragments are expanded`);
    }
    throw error;
  }
}
