/**
 * `npm run web:build` builds the explorer (src/web/dist); with `--if-stale` (what `npm start`
 * runs first) only when the bundle is missing or older than its sources. Without Vite (an image
 * installed with `npm ci --omit=dev`) it keeps the bundle it has, or says the API will serve
 * no explorer.
 */
import { buildBundle, staleReason } from '../web/bundle.js';

const ifStale = process.argv.includes('--if-stale');
const reason = ifStale ? await staleReason() : 'asked to build';
if (!reason) process.exit(0);
const started = Date.now();
try {
  await import('vite');
} catch {
  console.warn(`explorer: not built (${reason}) and Vite is not installed (npm ci installs it); the API will serve without the explorer`);
  process.exit(0);
}
if (ifStale) console.log(`explorer: building the bundle (${reason})…`);
try {
  await buildBundle();
  console.log(`explorer: built src/web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`explorer: build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
