/**
 * Status codes as the GraphQL-over-HTTP spec asks for `application/json` responses: a
 * well-formed request whose document does not parse or validate, whose variables do not fit,
 * or that a query limit refuses gets 200 with the errors in the body (Apollo Server answers
 * 400). Clients that accept `application/graphql-response+json` keep the 400, as the spec
 * asks for that media type. Malformed requests (no query, a body that is not JSON...) keep
 * their 400 either way.
 *
 * Like the request limits, this wraps the server where the HTTP integration calls it.
 */
import type { ApolloServer, BaseContext, HTTPGraphQLResponse } from '@apollo/server';

/** Codes of errors that refuse a well-formed request before execution. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'QUERY_TOO_COMPLEX',
  'OPERATION_RESOLUTION_FAILURE',
]);

function isRefusedWellFormedRequest(body: string): boolean {
  try {
    const result = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    return (
      !('data' in result) &&
      Array.isArray(result.errors) &&
      result.errors.length > 0 &&
      result.errors.every((error) => typeof error.extensions?.code === 'string' && REQUEST_ERROR_CODES.has(error.extensions.code))
    );
  } catch {
    return false;
  }
}

export function jsonStatus(response: HTTPGraphQLResponse): HTTPGraphQLResponse {
  const json = response.headers.get('content-type')?.startsWith('application/json');
  if (response.status === 400 && json && response.body.kind === 'complete' && isRefusedWellFormedRequest(response.body.string)) {
    return { ...response, status: 200 };
  }
  return response;
}

/** The same server as the HTTP integration sees it, answering with the spec's status codes. */
export function withJsonStatus<C extends BaseContext>(server: ApolloServer<C>): ApolloServer<C> {
  const wrapped = Object.create(server) as ApolloServer<C>;
  wrapped.executeHTTPGraphQLRequest = async (args) => jsonStatus(await server.executeHTTPGraphQLRequest(args));
  return wrapped;
}
