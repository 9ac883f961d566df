/**
 * The last Express error handler: requests that fail before GraphQL sees them (a body that is
 * not JSON, too large, in an unsupported charset) get a GraphQL-shaped JSON error with their
 * 4xx status; anything else is logged in full and answered "Internal server error". Express's
 * own handler would answer with an HTML page showing the stack.
 */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

export function httpErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    if (status >= 400 && status < 500) {
      const message = error instanceof SyntaxError ? 'the request body is not valid JSON' : error instanceof Error ? error.message : 'bad request';
      res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    log.error({ err: error, requestId: res.locals.requestId, method: req.method, url: req.originalUrl }, 'unexpected error');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
