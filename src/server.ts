/**
 * The HTTP server: Apollo Server over Express, with `POST|GET /graphql`, `GET /healthz` and
 * `GET /readyz`, the explorer at `/` and GraphiQL for browsers at `GET /graphql` (http/web.ts),
 * a request id on every request and log line, and one context (store, loaders) per request. Cross-cutting concerns live in their own modules: query limits in
 * graphql/limits/, error masking and logging in graphql/plugins/, probes in http/.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors, { type CorsOptions } from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import { accessControlPlugin } from './auth/plugin.js';
import { AccessControl } from './auth/tokens.js';
import { loadConfig, type Config } from './config.js';
import { createContext, type GraphContext } from './graphql/context.js';
import { createExecutor, executingGateway } from './graphql/execution.js';
import { queryLimitsPlugin } from './graphql/limits/plugin.js';
import { withRequestLimits } from './graphql/limits/request.js';
import { errorLoggingPlugin, formatError } from './graphql/plugins/errors.js';
import { withJsonStatus } from './graphql/plugins/jsonStatus.js';
import { buildSchema } from './graphql/schema.js';
import { httpErrorHandler } from './http/errors.js';
import { healthRoutes } from './http/health.js';
import { webRoutes } from './http/web.js';
import type { GraphStore } from './store/port.js';
import { DIST_DIR } from './web/bundle.js';

/** The configuration the server itself reads (see config.ts and the README). */
export type ServerSettings = Pick<
  Config,
  'MAX_QUERY_DEPTH' | 'MAX_QUERY_COST' | 'MAX_QUERY_LENGTH' | 'MAX_TEXT_LENGTH' | 'REQUEST_TIMEOUT_MS' | 'SHUTDOWN_TIMEOUT_MS' | 'CORS_ORIGINS' | 'INTROSPECTION' | 'READ_TOKENS' | 'EDITOR_TOKENS'
>;

export interface ServerOptions {
  store: GraphStore;
  log: Logger;
  port: number;
  host?: string;
  /** Settings from the configuration; those left out take their defaults. */
  settings?: Partial<ServerSettings>;
  /** Where the explorer's bundle is (default src/web/dist). */
  webDir?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stop accepting connections, let in-flight requests finish (up to SHUTDOWN_TIMEOUT_MS), stop Apollo. */
  stop(): Promise<void>;
}

/** Browsers may call the API from the configured origins only; none by default (same origin). */
function corsOptions(origins: readonly string[]): CorsOptions {
  return { origin: origins.includes('*') ? '*' : origins.length > 0 ? [...origins] : false, exposedHeaders: ['x-request-id'], maxAge: 600 };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, log } = options;
  const settings: ServerSettings = { ...loadConfig({}), ...options.settings };
  const access = new AccessControl({ editorTokens: settings.EDITOR_TOKENS, readTokens: settings.READ_TOKENS });
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = await new Promise((resolve) => {
    const server = app.listen(options.port, options.host ?? '0.0.0.0', () => resolve(server));
  });

  const schema = await buildSchema();
  const apollo = new ApolloServer<GraphContext>({
    // The schema, its queries executed compiled once asked for again (graphql/execution.ts).
    gateway: executingGateway(schema, createExecutor(schema)),
    introspection: settings.INTROSPECTION,
    // Clients see no stack traces, and no message of an unexpected error (plugins/errors.ts).
    includeStacktraceInErrorResponses: false,
    formatError,
    // main.ts handles SIGTERM/SIGINT: drain, close the store, exit.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: settings.SHUTDOWN_TIMEOUT_MS }),
      // No CDN-hosted landing page: browsers get the bundled GraphiQL (http/web.ts).
      ApolloServerPluginLandingPageDisabled(),
      // The schema gives no cache hints and is no federated subgraph: Apollo's cache-control
      // plugin (a hook on every field resolved) and inline traces would only cost.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      accessControlPlugin(access),
      queryLimitsPlugin({ maxDepth: settings.MAX_QUERY_DEPTH, maxCost: settings.MAX_QUERY_COST, maxTextLength: settings.MAX_TEXT_LENGTH }),
      errorLoggingPlugin(log),
    ],
    logger: {
      debug: (m) => log.debug(m),
      info: (m) => log.info(m),
      warn: (m) => log.warn(m),
      error: (m) => log.error(m),
    },
  });
  await apollo.start();

  app.use((req, res, next) => {
    const requestId = req.get('x-request-id')?.slice(0, 100) || randomUUID();
    req.headers['x-request-id'] = requestId;
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });

  app.use(healthRoutes(store));
  // The explorer at `/`, and GraphiQL for browsers at `/graphql` (before the API takes /graphql).
  app.use(webRoutes(options.webDir ?? DIST_DIR));

  // What the HTTP integration calls: Apollo held to the request limits (length, time), with the
  // GraphQL-over-HTTP spec's status codes.
  const graphql = withJsonStatus(withRequestLimits(apollo, { maxLength: settings.MAX_QUERY_LENGTH, timeoutMs: settings.REQUEST_TIMEOUT_MS }, log));
  app.use(
    '/graphql',
    cors(corsOptions(settings.CORS_ORIGINS)),
    express.json({ limit: '1mb' }),
    expressMiddleware(graphql, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        const principal = access.identify(req.get('authorization'));
        return createContext(store, requestId, () => log.child({ requestId, ...(principal.name ? { caller: principal.name } : {}) }), { principal, timeoutMs: settings.REQUEST_TIMEOUT_MS });
      },
    }),
  );

  app.use(httpErrorHandler(log));

  const port = (httpServer.address() as AddressInfo).port;
  log.info({ port, store: store.backend }, 'API listening');
  return {
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      await apollo.stop();
    },
  };
}
