/**
 * `npm run bench [-- --store memory,neo4j --evaluations 734,2000 --runs 15]`: the two stores side
 * by side. For each size and store, the evaluations are imported into an empty store (1,000 per
 * atomic write, timed), the API is started on it, and the typical requests are each timed over
 * HTTP (p50 / p95 over `--runs` requests after two warm-up ones): a project's page (its partners,
 * and its evaluations' findings and recommendations), the same with the top three related
 * recommendations of each recommendation; a page of twenty projects with everything under them;
 * the collaborators of the busiest organisation; stakeholder paths between two projects; the
 * network of depth 3 around the busiest organisation; related recommendations of one; search.
 * The cost of a trivial `{ __typename }` request on the same server is printed next to them as
 * the reference. Then the project page's throughput under 10 concurrent connections, next to
 * that of Apollo Server's own hello-world started in the same run, once each is steady, in
 * alternating windows (benchKit.ts). Last, the API as its own process on the same store, as
 * `npm start` runs it: the time until `/readyz` answers (next to a bare `node`'s start) and its
 * resident memory once it has answered a page. The process runs as the production image does
 * (NODE_ENV=production, set by `npm run bench`; graphql-js and Express skip development checks
 * then). Figures are printed, never asserted.
 *
 * A size is a number of evaluations: IOM's evaluation repository export (the real catalogue,
 * ../shared/sources/iom-evaluation-repository/ beside the checkout) when it is present and has
 * at least that many rows (its first rows), else generated evaluations (tests/helpers/generate.ts).
 * Neo4j is NEO4J_URI (its database is wiped) or, when unset, a Neo4j started for the run from
 * Neo4j's own test harness (tests/neo4j-harness/, Java 17 and Maven).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../config.js';
import { parseEvaluationRecord } from '../domain/record.js';
import { readCatalogue } from '../ingest/catalogue/index.js';
import type { LoadedRecord } from '../ingest/recordFiles.js';
import { importRecords } from '../services/import/index.js';
import { EmbeddedStore } from '../store/embedded/store.js';
import { Neo4jStore } from '../store/neo4j/store.js';
import type { Backend, GraphStore } from '../store/port.js';
import { generatedRecord } from '../../tests/helpers/generate.js';
import { startHarness, type RunningHarness } from '../../tests/neo4j-harness/harness.js';
import { apiProcessFigures, bareNodeStartMs, formatTable, graphql, p50p95, startApiOn, startHelloWorld, throughputSideBySide, timed, timeQuery } from './benchKit.js';

const USAGE = 'usage: npm run bench -- [--store memory,neo4j] [--evaluations 734,2000] [--runs 15]';

interface Options {
  readonly stores: Backend[];
  readonly sizes: number[];
  readonly runs: number;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string, fallback: string) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return fallback;
    return argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : (argv[i + 1] ?? '');
  };
  const fail = (why: string): never => {
    console.error(`npm run bench: ${why}\n${USAGE}`);
    process.exit(2);
  };
  const stores = value('store', 'memory,neo4j').split(',').map((s) => s.trim());
  for (const s of stores) if (s !== 'memory' && s !== 'neo4j') fail(`unknown store "${s}" (memory or neo4j)`);
  const sizes = value('evaluations', '734,2000').split(',').map(Number);
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 2)) fail('--evaluations takes whole numbers of at least 2, comma-separated');
  const runs = Number(value('runs', '15'));
  if (!Number.isInteger(runs) || runs < 1) fail('--runs takes a whole number of at least 1');
  return { stores: stores as Backend[], sizes, runs };
}

const CATALOGUE_DIR = path.join(ROOT_DIR, '..', 'shared', 'sources', 'iom-evaluation-repository');

/** IOM's catalogue export's records, or why there are none. */
async function catalogueRecords(): Promise<{ records: LoadedRecord[]; file: string } | { missing: string }> {
  const file = existsSync(CATALOGUE_DIR) ? readdirSync(CATALOGUE_DIR).find((f) => f.endsWith('.csv')) : undefined;
  if (!file) return { missing: `IOM's evaluation repository export is not in ${CATALOGUE_DIR}` };
  const catalogue = await readCatalogue(path.join(CATALOGUE_DIR, file));
  return { records: catalogue.records, file };
}

interface Dataset {
  readonly size: number;
  readonly source: string;
  readonly records: readonly LoadedRecord[];
}

function generated(count: number): LoadedRecord[] {
  return Array.from({ length: count }, (_, i) => ({ file: `generated-${i}`, record: parseEvaluationRecord(generatedRecord(i), `generated-${i}`) }));
}

/** Open an empty store of this kind. */
async function emptyStore(kind: Backend, neo4jUri: () => Promise<string>): Promise<{ store: GraphStore; env: Record<string, string>; dispose: () => Promise<void> }> {
  if (kind === 'memory') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'meg-bench-'));
    const store = new EmbeddedStore({ dataDir: dir });
    await store.open();
    return { store, env: { GRAPH_STORE: 'memory', DATA_DIR: dir }, dispose: async () => (await store.close(), await rm(dir, { recursive: true, force: true })) };
  }
  const neo4j = { uri: await neo4jUri(), username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD, database: process.env.NEO4J_DATABASE ?? 'neo4j' };
  const store = new Neo4jStore(neo4j);
  await store.open();
  await store.deleteEverything();
  const env = { GRAPH_STORE: 'neo4j', NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_DATABASE: neo4j.database, ...(neo4j.password ? { NEO4J_PASSWORD: neo4j.password } : {}) };
  return { store, env, dispose: () => store.close() };
}

/** Evaluations imported per write (a write of 10,000 at once would ask Neo4j for a heap of its own). */
const IMPORT_BATCH = 1000;

const gid = (id: string) => Buffer.from(id).toString('base64url');

/**
 * What the requests ask about, picked the same way on every store: the organisation taking part
 * in the most projects and evaluations (ties by id), and the first and the last project by id.
 */
async function subjects(store: GraphStore): Promise<{ busiest: string; from: string; to: string; code: string }> {
  const orgs = (await store.list({ label: 'Organization', first: 100_000 })).nodes.map((n) => n.id);
  const hubs = await store.neighbours(orgs, 'PARTICIPATES_IN', 'out');
  const busiest = orgs.map((id, i) => [id, hubs[i]!.length] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  const projects = (await store.list({ label: 'Project', first: 100_000 })).nodes.map((n) => n.id);
  const [first] = await store.getNodes([projects[0]!]);
  return { busiest, from: projects[0]!, to: projects.at(-1)!, code: String(first!.props.code) };
}

const PROJECT_PAGE = `project(code: $code) { code title partners { lead role organization { name acronym } } evaluations { title findings { summary criterion { name } rating { score } } recommendations { code text theme { name } audiences { name } RELATED } } }`;

const QUERIES = {
  'project page': `query($code: String!) { ${PROJECT_PAGE.replace(' RELATED', '')} }`,
  'project page + related (3 each)': `query($code: String!) { ${PROJECT_PAGE.replace('RELATED', 'related(first: 3) { score reasons recommendation { code } }')} }`,
  'projects page': `{ projects(first: 20) { totalCount edges { node { code title partners { organization { name } lead } outputs { title } evaluations { title findings { rating { score } } recommendations { code theme { name } audiences { name } } } } } } }`,
  collaborators: `query($org: ID!) { node(id: $org) { ... on Organization { collaborators(first: 20) { organization { name } sharedProjectCount } } } }`,
  'paths (4 hops)': `query($from: ID!, $to: ID!) { stakeholderPaths(from: $from, to: $to, maxHops: 4, first: 3) { length nodes { name } } }`,
  'network (depth 3)': `query($org: ID!) { stakeholderNetwork(organizationId: $org, depth: 3, maxNodes: 500) { nodes { id hop } edges { source target type } omittedNodes } }`,
  related: `{ recommendations(first: 1) { edges { node { related(first: 5) { score } } } } }`,
  search: `{ search(query: "approval processes government", first: 10) { score } }`,
} as const;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  let harness: RunningHarness | undefined;
  let neo4jUri: string | undefined = process.env.NEO4J_URI;
  const neo4j = async () => {
    if (!neo4jUri) {
      console.error('starting Neo4j from its test harness (tests/neo4j-harness/)...');
      harness = await startHarness({ heap: '1g', pageCacheMb: 256, log: (line) => console.error(line) });
      console.error(`Neo4j started in ${(harness.startupMs / 1000).toFixed(1)} s at ${harness.uri}`);
      neo4jUri = harness.uri;
    }
    return neo4jUri;
  };
  const catalogue = await catalogueRecords();
  if ('missing' in catalogue) console.error(`${catalogue.missing}: every size uses generated evaluations`);
  const datasets: Dataset[] = options.sizes.map((size) =>
    'records' in catalogue && catalogue.records.length >= size
      ? { size, source: `IOM catalogue${size < catalogue.records.length ? ` (first ${size} rows)` : ''}`, records: catalogue.records.slice(0, size) }
      : { size, source: 'generated', records: generated(size) },
  );

  const headers = ['store', 'evaluations', 'nodes / rels', 'import (s)', ...Object.keys(QUERIES).map((q) => `${q} p50/p95`), '{ __typename } p50/p95', 'project page req/s (10 conn.)', 'hello-world req/s (10 conn.)', 'API start-up to /readyz (s)', 'API RSS (MiB)'];
  const rows: string[][] = [];
  const notes: string[] = [];
  try {
    for (const dataset of datasets) {
      for (const kind of options.stores) {
        console.error(`${kind}: importing ${dataset.size} evaluations (${dataset.source})...`);
        const { store, env, dispose } = await emptyStore(kind, neo4j);
        try {
          const imported = await timed(async () => {
            for (let i = 0; i < dataset.records.length; i += IMPORT_BATCH) await importRecords(store, dataset.records.slice(i, i + IMPORT_BATCH));
          });
          const status = await store.status();
          const api = await startApiOn(store);
          try {
            const { busiest, from, to, code } = await subjects(store);
            const variables = { org: gid(busiest), from: gid(from), to: gid(to), code };
            const found = await graphql<{ stakeholderPaths: { length: number }[] }>(api.url, QUERIES['paths (4 hops)'], variables);
            notes.push(`${kind}, ${dataset.size}: busiest organisation ${busiest}; paths from ${from} to ${to}: ${found.stakeholderPaths.map((p) => p.length).join(', ') || 'none'} link(s)`);
            const figures: string[] = [];
            for (const [name, query] of Object.entries(QUERIES)) {
              console.error(`${kind}, ${dataset.size}: ${name}...`);
              figures.push(p50p95(await timeQuery(api.url, query, query.includes('$') ? pick(query, variables) : {}, { runs: options.runs })));
            }
            const reference = p50p95(await timeQuery(api.url, '{ __typename }', {}, { runs: options.runs }));
            // Throughput under 10 connections: the project page next to Apollo's hello-world on
            // its own server, in alternating windows (benchKit.ts).
            console.error(`${kind}, ${dataset.size}: throughput...`);
            const hello = await startHelloWorld();
            const rates = await throughputSideBySide({ url: api.url, query: QUERIES['project page'], variables: { code } }, { url: hello.url, query: '{ hello }' }).finally(() => hello.stop());
            // The API as its own process on the same store, as `npm start` runs it: start-up to
            // /readyz, and resident memory once it has answered the project page with related
            // (medians of three starts).
            console.error(`${kind}, ${dataset.size}: API start-up...`);
            const own = await apiProcessFigures(env, [{ query: QUERIES['project page + related (3 each)'], variables: { code } }], { starts: 3 });
            rows.push([
              kind,
              `${dataset.size} ${dataset.source}`,
              `${status.nodes} / ${status.edges}`,
              (imported.ms / 1000).toFixed(1),
              ...figures,
              reference,
              `${rates.a.toFixed(0)} (${(rates.ratio * 100).toFixed(0)}%)`,
              rates.b.toFixed(0),
              (own.startupMs / 1000).toFixed(1),
              `${own.rssMiB.toFixed(0)} (peak ${own.peakMiB.toFixed(0)})`,
            ]);
          } finally {
            await api.stop();
          }
        } finally {
          await dispose();
        }
      }
    }
  } finally {
    await harness?.stop();
  }
  console.log(`\nmilliseconds per request over HTTP, p50 / p95 of ${options.runs} (after 2 warm-up requests); import: into an empty store, ${IMPORT_BATCH} evaluations per atomic write;`);
  console.log('req/s: medians of 7 one-second windows of the project page and of hello-world, alternating, once each is steady; the % is the median ratio of adjacent windows;');
  console.log('API start-up and RSS (after a project page with related): medians of 3 starts of src/main.ts on the same store\n');
  console.log(formatTable(headers, rows));
  console.log(`\n${notes.join('\n')}`);
  console.log(`a bare \`node -e ""\` starts in ${(await bareNodeStartMs()).toFixed(0)} ms (the reference for the API's start-up)`);
  console.log(`node ${process.version} (NODE_ENV=${process.env.NODE_ENV ?? 'unset'}), ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
}

/** The variables a query declares, taken from the set on hand. */
function pick(query: string, variables: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).filter(([name]) => query.includes(`$${name}:`)));
}

main().catch((error: unknown) => {
  console.error(`npm run bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
