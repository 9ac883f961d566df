/**
 * Errors in production: those raised on purpose (a code in CLIENT_ERROR_CODES) reach clients
 * unchanged; a store that could not write (a full disk, a failing database) is said as such
 * with `STORE_WRITE_FAILED` (nothing was written; the request may be sent again once the
 * operator has fixed it, which `/readyz` tells); any other error reaches them as `INTERNAL_SERVER_ERROR`
 * "Internal server error", with no message, stack or detail of its own. The log gets all of
 * it with the request id.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { GraphContext } from '../context.js';
import { StoreWriteError } from '../../store/port.js';
import { CLIENT_ERROR_CODES } from '../errors.js';

/**
 * Raised on purpose: a client error code, or an HTTP status in 400-499 set by Apollo Server on
 * a request error that has no code of its own (an APQ hash that does not match its query).
 */
function isClientError(error: unknown): boolean {
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } } | undefined)?.extensions;
  if (typeof extensions?.code === 'string' && CLIENT_ERROR_CODES.has(extensions.code)) return true;
  const status = extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The store's write failure behind an error, if that is what it is. */
function storeWriteFailure(error: unknown): StoreWriteError | undefined {
  for (let e = error; e && typeof e === 'object'; e = (e as { originalError?: unknown }).originalError) {
    if (e instanceof StoreWriteError) return e;
  }
  return undefined;
}

/** Apollo Server's `formatError`: what clients see of an error. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isClientError(formatted)) return formatted;
  const writeFailure = storeWriteFailure(error);
  if (writeFailure) {
    return {
      message: writeFailure.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'STORE_WRITE_FAILED' },
    };
  }
  if (isClientError(error)) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
  return {
    message: 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Logs every unexpected error in full (message, stack, cause) with the request id and path. */
export function errorLoggingPlugin(log: Logger): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, request, operationName }) {
          for (const error of errors) {
            if (isClientError(error)) continue;
            const writeFailure = storeWriteFailure(error);
            if (writeFailure) {
              (contextValue?.log ?? log).error({ err: writeFailure, path: error.path }, 'the store could not write');
              continue;
            }
            (contextValue?.log ?? log).error({ err: error.originalError ?? error, path: error.path, operationName: operationName ?? request.operationName }, 'unexpected error');
          }
        },
      };
    },
    async contextCreationDidFail({ error }) {
      log.error({ err: error }, 'context creation failed');
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      (requestContext.contextValue?.log ?? log).error({ err: error }, 'unexpected error processing a request');
    },
  };
}
