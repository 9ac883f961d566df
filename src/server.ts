/**
 * The HTTP server: Apollo Server over Express, with `POST /graphql`, `GET /healthz`, a
 * request id on every request and log line, and one context (store, loaders) per request.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from 'pino';
import { createContext, type GraphContext } from './graphql/context.js';
import { buildSchema } from './graphql/schema.js';
import type { GraphStore } from './store/port.js';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export async function startServer(options: { store: GraphStore; log: Logger; port: number; host?: string }): Promise<RunningServer> {
  const { store, log } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = await new Promise((resolve) => {
    const server = app.listen(options.port, options.host ?? '0.0.0.0', () => resolve(server));
  });

  const apollo = new ApolloServer<GraphContext>({
    schema: await buildSchema(),
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
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
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });

  app.get('/healthz', async (_req, res) => {
    const status = await store.status().catch((error: Error) => ({ ready: false, detail: error.message }));
    res.status(status.ready ? 200 : 503).json({ status: status.ready ? 'ok' : 'unavailable', store: status });
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const requestId = res.locals.requestId as string;
        return createContext(store, requestId, log.child({ requestId }));
      },
    }),
  );

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
