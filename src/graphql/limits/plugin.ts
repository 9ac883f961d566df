/**
 * Limits on the shape of a query, as one Apollo Server plugin: its depth and estimated cost
 * are checked once the operation is known, before anything is resolved. A query over a limit
 * is refused with `QUERY_TOO_COMPLEX` (HTTP 400) and a message naming the limit, its value and
 * its environment variable. (The document's length and the request's time are bounded
 * around Apollo, in request.ts.)
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { queryTooComplex } from '../errors.js';
import { operationCost, TooManySelectionsError } from './cost.js';
import { operationDepth } from './depth.js';

export interface QueryLimits {
  /** Most nested fields, introspection aside (MAX_QUERY_DEPTH). */
  readonly maxDepth: number;
  /** Highest estimated cost (MAX_QUERY_COST); see cost.ts for the model. */
  readonly maxCost: number;
  /** Longest text a query's argument may hold (MAX_TEXT_LENGTH); mutations (a brief to import) are not held to it. */
  readonly maxTextLength: number;
}

/** The first string of a query's arguments (inline or in variables) longer than `max`, with where it is. */
function longText(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, max: number): { where: string; length: number } | undefined {
  let found: { where: string; length: number } | undefined;
  visit(operation, {
    Argument(node) {
      if (found) return BREAK;
      visit(node.value, {
        StringValue(value) {
          if (!found && value.value.length > max) found = { where: `argument "${node.name.value}"`, length: value.value.length };
        },
      });
      return undefined;
    },
  });
  const walk = (value: unknown, where: string): void => {
    if (found) return;
    if (typeof value === 'string' && value.length > max) found = { where, length: value.length };
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
  };
  for (const definition of operation.variableDefinitions ?? []) walk(variables?.[definition.variable.name.value], `variable $${definition.variable.name.value}`);
  return found;
}

/** Variables passed with a document, up to this many sets, are remembered as within the limits. */
const PASSED_KEPT = 100;

export function queryLimitsPlugin<C extends BaseContext>(limits: QueryLimits): ApolloServerPlugin<C> {
  // The documents (Apollo parses each query text once and hands the same document again) found
  // within the limits, with the operation and variables they were asked with: a query asked
  // again is not analysed again.
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation }) {
          // No operation to run (an unknown operationName...): execution reports it.
          if (!operation) return;
          const key = JSON.stringify([request.operationName ?? null, request.variables ?? null]);
          const known = passed.get(document);
          if (known?.has(key)) return;
          check({ schema, document, request, operation });
          if (!known) passed.set(document, new Set([key]));
          else if (known.size < PASSED_KEPT) known.add(key);
        },
      };
    },
  };

  function check({ schema, document, request, operation }: { schema: GraphQLSchema; document: DocumentNode; request: { variables?: Record<string, unknown>; operationName?: string }; operation: OperationDefinitionNode }): void {
    if (operation.operation === 'query') {
      const long = longText(operation, request.variables, limits.maxTextLength);
      if (long) {
        throw new GraphQLError(`${long.where} is ${long.length} characters long; a text in a query may have at most ${limits.maxTextLength} (MAX_TEXT_LENGTH)`, {
          extensions: { code: 'BAD_USER_INPUT', limit: { variable: 'MAX_TEXT_LENGTH', maximum: limits.maxTextLength, actual: long.length }, http: { status: 400 } },
        });
      }
    }
    const depth = operationDepth(document, request.operationName);
    if (depth > limits.maxDepth) {
      throw queryTooComplex(`query depth ${depth} exceeds the maximum depth of ${limits.maxDepth} (MAX_QUERY_DEPTH)`, {
        variable: 'MAX_QUERY_DEPTH',
        maximum: limits.maxDepth,
        actual: depth,
      });
    }

    let cost: number;
    try {
      cost = operationCost(schema, document, { variables: request.variables, operationName: request.operationName });
    } catch (error) {
      if (error instanceof TooManySelectionsError) {
        throw queryTooComplex(`${error.message}: its cost cannot be estimated against the maximum cost of ${limits.maxCost} (MAX_QUERY_COST)`, {
          variable: 'MAX_QUERY_COST',
          maximum: limits.maxCost,
        });
      }
      // Variables that do not fit the operation: execution refuses them before resolving
      // anything, with graphql-js's own BAD_USER_INPUT message.
      if (error instanceof GraphQLError) return;
      throw error;
    }
    if (cost > limits.maxCost) {
      throw queryTooComplex(`query cost ${cost} exceeds the maximum cost of ${limits.maxCost} (MAX_QUERY_COST)`, {
        variable: 'MAX_QUERY_COST',
        maximum: limits.maxCost,
        actual: cost,
      });
    }
  }
}
