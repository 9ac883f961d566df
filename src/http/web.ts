/**
 * The explorer and the GraphQL IDE, served from the bundle Vite built (src/web/dist):
 * - `GET /` and its assets: the explorer (routing is in the URL's hash, so no other path is
 *   the app's);
 * - `GET /graphql` from a browser (a request that prefers `text/html`): GraphiQL, bundled, so
 *   it works offline and in production. Every other request to /graphql (JSON POST, GET with
 *   `accept: application/json` or no preference) goes on to the API.
 * Both pages may talk to this origin only (Content-Security-Policy), so nothing a page does
 * leaves the machine it was served from. Without a bundle, `/` says how to build one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type Request, type Response } from 'express';

/** Scripts, data, workers, styles and fonts from this origin only (styles inline too: the editor sets them). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Whether a request to /graphql comes from a browser's address bar or link rather than a GraphQL client. */
export function wantsHtml(req: Request): boolean {
  return req.method === 'GET' && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

const notBuilt = (res: Response) =>
  res
    .status(503)
    .type('html')
    .send(
      '<!doctype html><meta charset="utf-8"><title>Explorer not built</title><p>The explorer has not been built. <code>npm start</code> builds it; or run <code>npm run web:build</code> and reload. The API answers at <a href="/graphql">/graphql</a>.</p>',
    );

export function webRoutes(distDir: string): Router {
  const router = Router();
  const page = (file: string) => (_req: Request, res: Response) => {
    const full = path.join(distDir, file);
    if (!existsSync(full)) return notBuilt(res);
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(full);
  };
  const ide = page('graphiql.html');
  // A plain middleware, not a GET route: Express would answer OPTIONS for a route itself, and
  // the API's CORS preflight must go on to it.
  router.use('/graphql', (req, res, next) => (req.path === '/' && wantsHtml(req) ? ide(req, res) : next()));
  router.get(['/', '/index.html'], page('index.html'));
  // Hashed file names: cached for good; sent gzipped (built beside them) to browsers that take it.
  const assets = path.join(distDir, 'assets');
  router.use('/assets', (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.acceptsEncodings('gzip')) return next();
    const file = path.join(assets, path.normalize(decodeURIComponent(req.path)));
    if (!file.startsWith(assets + path.sep) || !existsSync(`${file}.gz`)) return next();
    res.setHeader('vary', 'accept-encoding');
    res.setHeader('content-encoding', 'gzip');
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.type(path.extname(file));
    res.sendFile(`${file}.gz`);
  });
  router.use('/assets', express.static(assets, { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  return router;
}
