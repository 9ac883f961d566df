import { GraphQLError } from 'graphql';

/** Error codes clients can rely on (`extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TOO_COMPLEX'
  | 'REQUEST_TIMEOUT'
  | 'STORE_WRITE_FAILED'
  | 'INTERNAL_SERVER_ERROR';

/**
 * Codes of errors raised on purpose, whose messages are meant for clients: ours, and those
 * Apollo Server gives to malformed requests, syntax and validation errors and persisted
 * queries. An error with any other code (or none) is unexpected: clients see only
 * "Internal server error" (see plugins/errors.ts).
 */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'REQUEST_TIMEOUT',
  'STORE_WRITE_FAILED',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function userError(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/**
 * A query refused by one of the limits (depth, cost, length): the message names the limit,
 * its value and the environment variable that sets it. Answered with HTTP 400.
 */
export function queryTooComplex(message: string, limit: { variable: string; maximum: number; actual?: number }): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', limit, http: { status: 400 } } });
}

/** An integer argument within [min, max], or BAD_USER_INPUT naming the argument and the bounds. */
export function inRange(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw userError(`${argument} must be between ${min} and ${max}, got ${value}`, argument);
  return value;
}
