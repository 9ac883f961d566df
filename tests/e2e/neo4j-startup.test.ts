/**
 * Start-up on an unreachable Neo4j: bounded retries with backoff, then exit non-zero with one
 * line naming the URI and never the password. This needs no Neo4j server: nothing listens on
 * the port it is given.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { removeDir, startApi, tempDir } from '../helpers/api.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('GRAPH_STORE=neo4j with Neo4j unreachable', () => {
  it('retries, then exits non-zero with one line naming the URI and not the password', async () => {
    const dataDir = await tempDir();
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const error = await startApi({
      dataDir,
      env: { GRAPH_STORE: 'neo4j', NEO4J_URI: uri, NEO4J_PASSWORD: 'hunter2-secret', NEO4J_CONNECT_ATTEMPTS: '3', NEO4J_CONNECT_BACKOFF_MS: '20', LOG_LEVEL: 'warn' },
    }).then(
      () => undefined,
      (e: Error) => e,
    );
    await removeDir(dataDir);
    expect(error?.message).toMatch(/API exited with 1 before listening/);
    const output = error!.message;
    expect(output).toContain(`fatal: cannot reach Neo4j at ${uri} (database "neo4j") after 3 attempt(s)`);
    expect(output.match(/Neo4j not reachable yet, retrying/g)).toHaveLength(2);
    expect(output).not.toContain('hunter2-secret');
    expect(output.split('\n').filter((l) => l.startsWith('fatal:'))).toHaveLength(1);
  });
});
