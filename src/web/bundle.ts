/**
 * The explorer's bundle on disk (src/web/dist): where it is, whether it is older than what it
 * is built from, and building it with Vite. `npm start` builds it first when it is missing or
 * stale (src/cli/web.ts), so `npm ci && npm start` serves it with nothing else to run.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

export const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = path.join(WEB_DIR, 'dist');
const ROOT = path.resolve(WEB_DIR, '..', '..');

/** What the bundle is built from: the app, the IDE, the build configuration, the README's examples, the installed packages. */
const SOURCES = [WEB_DIR, path.join(ROOT, 'README.md'), path.join(ROOT, 'package-lock.json')];
const STAMP = path.join(DIST_DIR, 'index.html');

async function newest(file: string): Promise<{ file: string; mtime: number }> {
  const info = await stat(file);
  if (!info.isDirectory()) return { file, mtime: info.mtimeMs };
  let best = { file, mtime: 0 };
  for (const entry of await readdir(file)) {
    if (file === WEB_DIR && entry === 'dist') continue;
    const found = await newest(path.join(file, entry));
    if (found.mtime > best.mtime) best = found;
  }
  return best;
}

/** Why the bundle needs building (missing, or a source newer than it), or null when it is up to date. */
export async function staleReason(): Promise<string | null> {
  let built: number;
  try {
    built = (await stat(STAMP)).mtimeMs;
  } catch {
    return `${path.relative(ROOT, STAMP)} is missing`;
  }
  for (const source of SOURCES) {
    const found = await newest(source);
    if (found.mtime > built) return `${path.relative(ROOT, found.file)} is newer than the bundle`;
  }
  return null;
}

/** Files worth sending compressed (the server sends `<file>.gz` to browsers that accept gzip). */
const COMPRESSIBLE = /\.(js|css|ttf|svg|json|map)$/;

/** Build the bundle with Vite (a dev dependency: present after `npm ci`), then gzip its assets beside them. */
export async function buildBundle(): Promise<void> {
  const { build } = await import('vite');
  // Always React's production build, whatever NODE_ENV the building process has (vitest sets
  // "test", and the browser tests build the bundle the API then serves to everyone).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(WEB_DIR, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const assets = path.join(DIST_DIR, 'assets');
  const pack = promisify(gzip);
  await Promise.all(
    (await readdir(assets))
      .filter((f) => COMPRESSIBLE.test(f))
      .map(async (f) => writeFile(path.join(assets, `${f}.gz`), await pack(await readFile(path.join(assets, f)), { level: 9 }))),
  );
}
