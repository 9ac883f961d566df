/**
 * Test helpers that use the product the way a user does: start the real API process
 * (`src/main.ts`) on a free port with its own DATA_DIR, on the test project's store (the
 * embedded one, or the run's live Neo4j in the "neo4j" project: see ./store.ts), and send
 * GraphQL over HTTP.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { storeEnv, testStoreKind } from './store.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: (string | number)[] }[];
}

export async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as GraphQLResponse<T>;
}

/** Like gql, but fails the test when the response carries errors. */
export async function gqlData<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(url, query, variables);
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export interface ApiProcess {
  readonly url: string;
  readonly base: string;
  readonly dataDir: string;
  readonly output: () => string;
  stop(): Promise<number | null>;
  /** Kill the process with a signal (SIGKILL: no chance to finish anything) and wait for it to end. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function tempDir(prefix = 'meg-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * Start `src/main.ts` as a child process on a free port, on the test project's store; resolves
 * once it listens. `nodeArgs` go to node after the tsx loader (e.g. `--import` of a test-only
 * preload module). On Neo4j, a DATA_DIR other than the last one gets an empty database.
 */
export async function startApi(options: { dataDir?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<ApiProcess> {
  const dataDir = options.dataDir ?? (await tempDir());
  const expectedStore = options.env?.GRAPH_STORE ?? testStoreKind();
  // As `npm start` runs it (package.json): a young generation of 32 MB.
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', ...(options.nodeArgs ?? []), path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: await storeEnv(dataDir, { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start within 30 s:\n${output}`)), 30_000);
    const onData = () => {
      const match = output.match(/"port":(\d+)[^\n]*"msg":"API listening"/);
      if (match) {
        clearTimeout(timer);
        const store = match[0].match(/"store":"(\w+)"/)?.[1];
        if (store !== expectedStore) {
          child.kill('SIGTERM');
          reject(new Error(`the API runs on the ${store} store, not on ${expectedStore} as the test project asks:\n${output}`));
        }
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code} before listening:\n${output}`));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/graphql`,
    base,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Start the API before the tests of the calling file (or describe block) and, after them, stop
 * it and remove its DATA_DIR. The handle reads through to the running process.
 */
export function useApi(options: Parameters<typeof startApi>[0] = {}): ApiProcess {
  let api: ApiProcess | undefined;
  beforeAll(async () => {
    api = await startApi(options);
  });
  afterAll(async () => {
    if (!api) return;
    await api.stop();
    await removeDir(api.dataDir);
  });
  const running = () => {
    if (!api) throw new Error('the API has not started');
    return api;
  };
  return {
    get url() { return running().url; },
    get base() { return running().base; },
    get dataDir() { return running().dataDir; },
    output: () => running().output(),
    stop: () => running().stop(),
    kill: (signal) => running().kill(signal),
  };
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run a command-line tool (`src/cli/<name>.ts`, as its npm script does) on the test project's
 * store for `env.DATA_DIR`, and collect its exit code and output.
 */
export async function runCli(name: 'import' | 'seed', args: readonly string[], env: Record<string, string> & { DATA_DIR: string }): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, `src/cli/${name}.ts`), ...args], {
      cwd: ROOT,
      env: await storeEnv(env.DATA_DIR, env),
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error: any) {
    return { code: error.code as number, stdout: error.stdout as string, stderr: error.stderr as string };
  }
}
