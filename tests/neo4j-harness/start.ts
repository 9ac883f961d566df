/**
 * `npm run neo4j [-- --port 7687]`: a live Neo4j for development without Docker (Java 17 and
 * Maven; the first run downloads the harness jars into ~/.m2). Prints
 *
 *   NEO4J_URI=bolt://127.0.0.1:PORT
 *
 * on stdout (auth disabled: no password needed), then runs until Ctrl-C, SIGTERM, or its stdin
 * closes (unless stdin is /dev/null). The database is temporary: it is gone when Neo4j stops.
 *
 * `--resolve-only` only resolves the harness jars with Maven (CI does this up front, so that a
 * slow or failing download shows as such rather than as a test failure).
 */
import { fstatSync } from 'node:fs';
import { harnessUnavailable, resolveClasspath, startHarness } from './harness.js';

function parsePort(args: string[]): number {
  const index = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (index < 0) return 0;
  const value = args[index]!.includes('=') ? args[index]!.split('=')[1] : args[index + 1];
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: npm run neo4j [-- --port <0-65535>]  (got --port ${value ?? ''})`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = parsePort(args);
  const unavailable = harnessUnavailable();
  if (unavailable) {
    console.error(`npm run neo4j: cannot start Neo4j: ${unavailable}`);
    process.exit(1);
  }
  if (args.includes('--resolve-only')) {
    const classpath = resolveClasspath((line) => console.error(line), { verbose: true, force: args.includes('--force') });
    console.error(`Neo4j harness class path: ${classpath.split(':').length} jars (tests/neo4j-harness/target/classpath.txt)`);
    return;
  }
  const harness = await startHarness({ port, log: (line) => console.error(line), onStderr: (chunk) => process.stderr.write(chunk), timeoutMs: 600_000 });
  // The JVM watches its own stdin; hand ours over so that closing it stops Neo4j too.
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${why}: stopping Neo4j`);
    void harness.stop();
  };
  // Stdin that is /dev/null (`npm run neo4j &` in a script) ends at once: only signals stop it then.
  const stdinIsDevNull = !process.stdin.isTTY && fstatSync(0).isCharacterDevice();
  if (!stdinIsDevNull) {
    process.stdin.on('data', () => undefined);
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin failed'));
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  // Asked to stop (the JVM exits 130 or 143 on a signal): a clean stop is a success.
  harness.process.once('exit', (code) => process.exit(stopping || code === 130 || code === 143 ? 0 : code ?? 1));
  process.stdout.write(`NEO4J_URI=${harness.uri}\n`);
  console.error(`\nNeo4j is ready. In another terminal:\n  GRAPH_STORE=neo4j NEO4J_URI=${harness.uri} npm start\n(Ctrl-C here stops Neo4j and deletes its data.)`);
}

main().catch((error: unknown) => {
  console.error(`npm run neo4j: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
