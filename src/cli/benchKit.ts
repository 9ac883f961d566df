/**
 * Pieces for benchmark scripts (`npm run bench` and others like it): start the API on a store,
 * time GraphQL requests against it, summarise samples as percentiles, and print one table.
 * Figures are for printing next to a reference measured in the same run, never for asserting:
 * machines are shared and noisy.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { pino } from 'pino';
import { ROOT_DIR } from '../config.js';
import { startServer } from '../server.js';
import type { GraphStore } from '../store/port.js';

/** The API served over HTTP on a free local port, on a store the caller opened (and closes). */
export interface BenchApi {
  readonly url: string;
  stop(): Promise<void>;
}

/** Start the API on `store` with silent logs and no request deadline other than a generous one. */
export async function startApiOn(store: GraphStore, settings: { REQUEST_TIMEOUT_MS?: number } = {}): Promise<BenchApi> {
  const server = await startServer({ store, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1', settings: { REQUEST_TIMEOUT_MS: 600_000, ...settings } });
  return { url: `http://127.0.0.1:${server.port}/graphql`, stop: () => server.stop() };
}

/** Send one GraphQL request; fails on HTTP or GraphQL errors, so a broken query is never timed as a fast one. */
export async function graphql<T = unknown>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!res.ok || body.errors) throw new Error(`GraphQL request failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}\n${query}`);
  return body.data as T;
}

/** Milliseconds `work` takes. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Time a request `runs` times over HTTP after `warmUp` untimed ones (plans cached, loaders warm). */
export async function timeQuery(url: string, query: string, variables: Record<string, unknown> = {}, options: { runs?: number; warmUp?: number } = {}): Promise<number[]> {
  const { runs = 15, warmUp = 2 } = options;
  for (let i = 0; i < warmUp; i++) await graphql(url, query, variables);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(() => graphql(url, query, variables))).ms);
  return samples;
}

/** The p-th percentile (0 to 100) of the samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

/** Milliseconds for a table: one decimal under 10 ms, whole numbers above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value < 10 ? value.toFixed(1) : value.toFixed(0);
}

/** "p50 / p95" of the samples, in milliseconds. */
export function p50p95(samples: readonly number[]): string {
  return `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`;
}

/** A table as GitHub-flavoured Markdown, columns padded so it also reads well in a terminal. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/**
 * Apollo Server's own hello-world (`type Query { hello: String }`, Express, no plugins), the
 * reference for throughput: what the same machine and client give for a request that does
 * nothing.
 */
export async function startHelloWorld(): Promise<BenchApi> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    stop: async () => {
      await apollo.stop();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A request to send again and again: a GraphQL endpoint, a query and its variables. */
export interface Target {
  readonly url: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

/** Requests per second over `connections` concurrent clients, each sending the request again as soon as it has its answer, for `ms`. */
async function rate(target: Target, ms: number, connections: number): Promise<number> {
  const started = performance.now();
  const until = started + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        await graphql(target.url, target.query, target.variables);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/**
 * Load `target` until its rate is steady: rounds of a second until a round is no more than 2%
 * faster than the best before it (at least three rounds, at most `maxMs`). A server answers at
 * its steady rate only once V8 has compiled its hot paths, and a page that runs hundreds of
 * functions takes seconds to get there where a hello-world takes one.
 */
async function warmUp(target: Target, connections: number, maxMs = 15_000): Promise<void> {
  const until = performance.now() + maxMs;
  let best = await rate(target, 1_000, connections);
  for (let rounds = 1; performance.now() < until; rounds++) {
    const now = await rate(target, 1_000, connections);
    if (rounds >= 2 && now <= best * 1.02) return;
    best = Math.max(best, now);
  }
}

const median = (values: readonly number[]) => percentile(values, 50);

/**
 * The throughput of `a` next to that of `b` (the reference), under `connections` concurrent
 * clients each: both are warmed up until steady, then loaded in alternating windows of a second,
 * `windows` of each, and each window of `a` is compared with the window of `b` right after it.
 * The machine's speed drifts (other tenants, clock frequency) over tens of seconds; adjacent
 * windows see the same machine, so the ratio is the median of the windows' ratios.
 * Returns the median rate of each, and that ratio.
 */
export async function throughputSideBySide(a: Target, b: Target, options: { connections?: number; windows?: number } = {}): Promise<{ a: number; b: number; ratio: number }> {
  const { connections = 10, windows = 7 } = options;
  await warmUp(a, connections);
  await warmUp(b, connections);
  const rates: { a: number; b: number }[] = [];
  for (let i = 0; i < windows; i++) rates.push({ a: await rate(a, 1_000, connections), b: await rate(b, 1_000, connections) });
  return { a: median(rates.map((r) => r.a)), b: median(rates.map((r) => r.b)), ratio: median(rates.map((r) => r.a / r.b)) };
}

/** Milliseconds a bare `node -e ""` takes to start and exit: the reference for start-up. */
export async function bareNodeStartMs(): Promise<number> {
  const started = performance.now();
  await new Promise((resolve) => spawn(process.execPath, ['-e', ''], { stdio: 'ignore' }).on('exit', resolve));
  return performance.now() - started;
}

/** What the API costs as its own process: time to ready, and resident memory once it has answered. */
export interface ApiProcessFigures {
  /** From spawning `src/main.ts` until `/readyz` answers 200. */
  readonly startupMs: number;
  /** Resident memory (VmRSS) after the queries, and its peak (VmHWM), in MiB. */
  readonly rssMiB: number;
  readonly peakMiB: number;
}

/**
 * Start the API as `npm start` does (`src/main.ts`, `--max-semi-space-size=32`) with `env` naming
 * its store (GRAPH_STORE, DATA_DIR or NEO4J_*), time it to `/readyz`, send it `queries`, read its
 * resident memory from /proc, and stop it. The store must already hold data: SEEDS_DIR names no
 * directory, so an empty store would fail to seed. With `starts`, it is started that many
 * times, one after the other, and each figure is the median of the starts.
 */
export async function apiProcessFigures(env: Record<string, string>, queries: readonly { query: string; variables?: Record<string, unknown> }[], options: { starts?: number } = {}): Promise<ApiProcessFigures> {
  const figures: ApiProcessFigures[] = [];
  for (let i = 0; i < (options.starts ?? 1); i++) figures.push(await startOnce(env, queries));
  return { startupMs: median(figures.map((f) => f.startupMs)), rssMiB: median(figures.map((f) => f.rssMiB)), peakMiB: median(figures.map((f) => f.peakMiB)) };
}

async function startOnce(env: Record<string, string>, queries: readonly { query: string; variables?: Record<string, unknown> }[]): Promise<ApiProcessFigures> {
  const started = performance.now();
  const api = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEEDS_DIR: 'no-seeds-for-the-bench', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => api.on('exit', resolve));
  try {
    let output = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the API did not listen within 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = output.match(/"port":(\d+)[^\n]*"msg":"API listening"/);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      api.stdout.on('data', onData);
      api.stderr.on('data', onData);
      api.on('exit', (code) => reject(new Error(`the API exited (${code}) before it listened:\n${output}`)));
    });
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
      if (res?.status === 200) break;
      if (performance.now() - started > 120_000) throw new Error(`the API was not ready within 120 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const startupMs = performance.now() - started;
    for (const { query, variables } of queries) await graphql(`http://127.0.0.1:${port}/graphql`, query, variables);
    const status = await readFile(`/proc/${api.pid}/status`, 'utf8').catch(() => '');
    const mib = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? Number.NaN) / 1024;
    return { startupMs, rssMiB: mib('VmRSS'), peakMiB: mib('VmHWM') };
  } finally {
    api.kill('SIGTERM');
    await exited;
  }
}
