/**
 * Limits on a GraphQL request as a whole, applied where the HTTP integration hands it to
 * Apollo Server (`executeHTTPGraphQLRequest`):
 *
 * - length: a query document longer than MAX_QUERY_LENGTH characters is refused with
 *   `QUERY_TOO_COMPLEX` (HTTP 400) before it is parsed or validated. (Apollo's request hooks
 *   cannot refuse a request before parsing: an error thrown there becomes a 500.) An automatic
 *   persisted query sent by hash alone was checked when it was registered.
 * - time: a request with no response after REQUEST_TIMEOUT_MS is answered with
 *   `REQUEST_TIMEOUT` (HTTP 503) rather than left hanging. graphql-js cannot cancel an
 *   execution: it goes on in the background and its late result is dropped.
 */
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { Logger } from 'pino';

export interface RequestLimits {
  /** Most characters in a query document (MAX_QUERY_LENGTH). */
  readonly maxLength: number;
  /** Longest a request may take, in milliseconds (REQUEST_TIMEOUT_MS). */
  readonly timeoutMs: number;
}

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/** A response carrying one error, in the media type the client accepts. */
function errorResponse(request: HTTPGraphQLRequest, status: number, error: { message: string; extensions: Record<string, unknown> }): HTTPGraphQLResponse {
  const accept = request.headers.get('accept') ?? '';
  const contentType = accept.includes(GRAPHQL_RESPONSE_JSON) ? GRAPHQL_RESPONSE_JSON : 'application/json';
  return {
    status,
    headers: new HeaderMap([['content-type', `${contentType}; charset=utf-8`]]),
    body: { kind: 'complete', string: JSON.stringify({ errors: [error] }) },
  };
}

/** The query document of a GET or POST request, when it has one. */
function queryOf(request: HTTPGraphQLRequest): string | undefined {
  if (request.method === 'GET') return new URLSearchParams(request.search).get('query') ?? undefined;
  const body: unknown = request.body;
  if (body && typeof body === 'object' && 'query' in body && typeof body.query === 'string') return body.query;
  return undefined;
}

export function lengthError(request: HTTPGraphQLRequest, maxLength: number): HTTPGraphQLResponse | undefined {
  const length = queryOf(request)?.length ?? 0;
  if (length <= maxLength) return undefined;
  return errorResponse(request, 400, {
    message: `query length ${length} exceeds the maximum length of ${maxLength} characters (MAX_QUERY_LENGTH)`,
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: { variable: 'MAX_QUERY_LENGTH', maximum: maxLength, actual: length } },
  });
}

export function timeoutError(request: HTTPGraphQLRequest, ms: number): HTTPGraphQLResponse {
  return errorResponse(request, 503, {
    message: `the request did not finish within the time limit of ${ms} ms (REQUEST_TIMEOUT_MS)`,
    extensions: { code: 'REQUEST_TIMEOUT', limit: { variable: 'REQUEST_TIMEOUT_MS', maximum: ms } },
  });
}

/**
 * The deadlines of the requests in flight, all of one length, kept with one timer: requests
 * start in order, so their deadlines come in order (a Set iterates in insertion order), and the
 * timer is set for the earliest only. A request that finishes leaves the set; when the timer
 * fires, those past their time expire and it is set for the next. A timer per request cost as
 * much as a page's resolvers.
 */
export class Deadlines {
  private readonly pending = new Set<{ readonly at: number; readonly expire: () => void }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ms: number) {}

  /** Call `expire` in `ms` unless the returned function (the request finished) is called first. */
  start(expire: () => void): () => void {
    const entry = { at: performance.now() + this.ms, expire };
    this.pending.add(entry);
    if (!this.timer) this.arm(this.ms);
    return () => this.pending.delete(entry);
  }

  private arm(delay: number): void {
    // The requests' sockets keep the process alive, not their deadlines.
    this.timer = setTimeout(() => this.fire(), Math.max(0, Math.ceil(delay))).unref();
  }

  private fire(): void {
    this.timer = undefined;
    const now = performance.now();
    for (const entry of this.pending) {
      if (entry.at > now) return this.arm(entry.at - now);
      this.pending.delete(entry);
      entry.expire();
    }
  }
}

/**
 * The same server as the HTTP integration (`expressMiddleware`) sees it, with every request
 * held to the limits.
 */
export function withRequestLimits<C extends BaseContext>(server: ApolloServer<C>, limits: RequestLimits, log: Logger): ApolloServer<C> {
  const limited = Object.create(server) as ApolloServer<C>;
  const deadlines = new Deadlines(limits.timeoutMs);
  limited.executeHTTPGraphQLRequest = (args) => {
    const request = args.httpGraphQLRequest;
    const tooLong = lengthError(request, limits.maxLength);
    if (tooLong) return Promise.resolve(tooLong);
    return new Promise<HTTPGraphQLResponse>((resolve, reject) => {
      const finished = deadlines.start(() => {
        log.warn({ requestId: request.headers.get('x-request-id'), timeoutMs: limits.timeoutMs }, 'request timed out');
        resolve(timeoutError(request, limits.timeoutMs));
      });
      // A failure after the deadline settles nothing: it is no unhandled rejection either.
      server.executeHTTPGraphQLRequest(args).then(
        (response) => {
          finished();
          resolve(response);
        },
        (error: unknown) => {
          finished();
          reject(error);
        },
      );
    });
  };
  return limited;
}
