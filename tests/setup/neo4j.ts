/**
 * Global setup of the "neo4j" test project: ONE live Neo4j for the whole run, from Neo4j's own
 * test harness (tests/neo4j-harness/), handed to the tests as `inject('neo4jUri')`. Vitest runs
 * it only when files of the neo4j project are selected; tests/vitest.config.ts leaves the
 * project out (saying why) when Java or Maven is missing, except under CI=true.
 *
 * TEST_NEO4J_URI=bolt://... uses that server instead of starting one. The tests DELETE
 * EVERYTHING in its default database: point it at a scratch server only.
 */
import type { TestProject } from 'vitest/node';
import { harnessNeo4jVersion, startHarness } from '../neo4j-harness/harness.js';
import type {} from './context.js'; // the ProvidedContext keys

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.TEST_NEO4J_URI;
  if (external) {
    console.log(`neo4j: the neo4j project runs against TEST_NEO4J_URI=${external} (its database is wiped by the tests)`);
    project.provide('neo4jUri', external);
    return undefined;
  }
  let stderr = '';
  const harness = await startHarness({
    // The tests' API processes share the machine with it; a test of the API's latency while a
    // heavy query runs measures the API, not two processes fighting over two cores.
    niceness: 10,
    log: (line) => console.log(`neo4j: ${line}`),
    onStderr: (chunk) => (stderr += chunk),
  }).catch((error: Error) => {
    throw new Error(`neo4j: the Neo4j ${harnessNeo4jVersion()} harness could not start, so the neo4j project cannot run: ${error.message}`);
  });
  console.log(`neo4j: Neo4j ${harnessNeo4jVersion()} (test harness) started in ${(harness.startupMs / 1000).toFixed(1)} s at ${harness.uri}; the neo4j project's files run one at a time against it`);
  project.provide('neo4jUri', harness.uri);
  return async () => {
    const started = Date.now();
    await harness.stop();
    console.log(`neo4j: stopped in ${((Date.now() - started) / 1000).toFixed(1)} s${harness.process.exitCode ? ` (exit ${harness.process.exitCode}):\n${stderr}` : ''}`);
  };
}
