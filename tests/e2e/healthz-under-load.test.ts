/**
 * A liveness probe keeps its answer while the heaviest query the limits let through runs: the
 * API in its own process on IOM's catalogue (as in production: the probe is another process),
 * on the test project's store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData, removeDir, startApi, tempDir, type ApiProcess, type GraphQLResponse } from '../helpers/api.js';
import { exportPresent, IOM_EXPORT, noteMissingExport } from '../helpers/catalogueCsv.js';
import { loadGraph } from '../helpers/graphData.js';

noteMissingExport('healthz-under-load');

describe.runIf(exportPresent)('/healthz under the heaviest query, on the evaluation repository export', () => {
  let api: ApiProcess;
  beforeAll(async () => {
    const dataDir = await tempDir();
    await loadGraph(dataDir, [IOM_EXPORT]);
    api = await startApi({ dataDir });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    if (api) await removeDir(api.dataDir);
  });

  it('answers /healthz within 100 ms (p99) while the heaviest allowed query runs', { timeout: 120_000 }, async () => {
    // IOM takes part in nearly every evaluation: its depth-4 network reaches the whole graph.
    const { organization } = await gqlData(api.url, '{ organization(acronym: "IOM") { id } }');
    const network = (i: number) => `n${i}: stakeholderNetwork(organizationId: "${organization.id}", depth: 4, maxNodes: 500) { nodes { id name hop } edges { source target type } }`;
    // As many of the costliest fields as the cost limit lets through (one more is refused).
    const heavy = `{ ${Array.from({ length: 14 }, (_, i) => network(i)).join(' ')} }`;
    const refused = await gql(api.url, `{ ${Array.from({ length: 16 }, (_, i) => network(i)).join(' ')} }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const healthz = `${api.base}/healthz`;
    /** /healthz latencies (ms), probed every 10 ms until `work` is done. */
    const probe = async (work: Promise<unknown>) => {
      const samples: number[] = [];
      let running = true;
      void work.finally(() => (running = false));
      while (running) {
        const t = performance.now();
        expect((await fetch(healthz)).status).toBe(200);
        samples.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return samples;
    };
    const p99 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.99)]!;
    // Once to warm up (the first run compiles code and brings the stakeholder graph up to date
    // with the import). Then, four times, the query alone for the probe to sample and, as the
    // reference of this machine at that moment (other tests may share its two cores), the
    // probe alone for as long: busy and idle samples alternate, so both see the same load.
    expect((await gql(api.url, heavy)).errors).toBeUndefined();
    const results: GraphQLResponse[] = [];
    const busy: number[] = [];
    const idle: number[] = [];
    for (let round = 0; round < 4; round++) {
      const started = performance.now();
      busy.push(...(await probe(gql(api.url, heavy).then((result) => results.push(result)))));
      idle.push(...(await probe(new Promise((resolve) => setTimeout(resolve, performance.now() - started)))));
    }
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data.n13.nodes).toHaveLength(500);
    }
    expect(busy.length).toBeGreaterThan(20);
    // The query may not hold the event loop: at most 100 ms above what the machine gives anyway.
    const report = `healthz p99 ${p99(busy).toFixed(0)} ms while the query runs, ${p99(idle).toFixed(0)} ms idle; latencies: ${busy.map((t) => t.toFixed(0)).join(' ')}`;
    console.log(`healthz-under-load: ${report.slice(0, report.indexOf(';'))}`);
    expect(p99(busy), report).toBeLessThan(100 + p99(idle));
  });
});
