import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  resolve: {
    // type-graphql loads graphql's CommonJS build; make vitest use the same module so the
    // schema objects come from one realm.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      // Everything but the browser: unit, store contract, CLI and HTTP end-to-end suites.
      { extends: true, test: { name: 'api', include: ['tests/**/*.test.ts'], exclude: ['tests/browser/**'] } },
      // The explorer in Chromium, once (whatever store the API suites run on): one API process,
      // one browser, pages visited in order.
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 300_000 } },
    ],
  },
});
