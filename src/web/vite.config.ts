/**
 * The explorer's build: the app (index.html) and the GraphQL IDE (graphiql.html), bundled with
 * everything they use (React, sigma, GraphiQL and its editor's workers), so a browser needs
 * nothing but the API's own origin. `npm run web:build` writes src/web/dist/, which the API
 * serves at `/` and, for browsers, at `/graphql`; `npm start` builds it first when it is
 * missing or older than its sources (src/cli/web.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { readmeExamples } from './readmeExamples.js';

export const WEB_ROOT = path.dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = path.join(WEB_ROOT, 'dist');
const README = path.join(WEB_ROOT, '..', '..', 'README.md');

export default defineConfig({
  root: WEB_ROOT,
  base: '/',
  logLevel: 'warn',
  plugins: [react()],
  define: {
    // The README's queries, as the IDE's tabs.
    __README_EXAMPLES__: JSON.stringify(readmeExamples(readFileSync(README, 'utf8'))),
  },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { index: path.join(WEB_ROOT, 'index.html'), graphiql: path.join(WEB_ROOT, 'graphiql.html') },
      onwarn(warning, warn) {
        // GraphiQL's React Compiler directives ("use no memo") mean nothing to a bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run web:dev`: the app with hot reload, the API of `npm start` behind it.
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
