/**
 * Fill a DATA_DIR the way a user does, through the commands: `npm run seed`, then
 * `npm run import -- <paths>` (records, briefs, catalogue exports), on the test project's store
 * (tests/helpers/store.ts: on Neo4j, the live database, given to this DATA_DIR).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './api.js';
import { storeEnv } from './store.js';

const run = promisify(execFile);

async function cli(script: string, args: string[], dataDir: string): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli', script), ...args], {
      cwd: ROOT,
      env: await storeEnv(dataDir, { LOG_LEVEL: 'silent' }),
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${script} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** Seed the store in `dataDir`, then import the given files and folders (paths relative to the repository). */
export async function loadGraph(dataDir: string, paths: readonly string[]): Promise<void> {
  await cli('seed.ts', [], dataDir);
  if (paths.length) await cli('import.ts', paths.map((p) => path.resolve(ROOT, p)), dataDir);
}
