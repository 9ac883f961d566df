/**
 * docker-compose.yml cannot be run here (no Docker engine on the development machines or in
 * CI), so this checks what can be checked without one: the file parses, Neo4j is the
 * community image of the exact version the suite's harness runs (tests/neo4j-harness/pom.xml),
 * with a health check, a named volume and auth from the environment, and the
 * API is built as a non-root production image that starts on Neo4j once it is healthy.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/api.js';
import { harnessNeo4jVersion } from './neo4j-harness/harness.js';

console.log('docker-compose: structure checked only; `docker compose up` was not executed (no Docker engine here)');

describe('docker-compose.yml', async () => {
  const text = await readFile(path.join(ROOT, 'docker-compose.yml'), 'utf8');
  const compose = parse(text);

  it('runs Neo4j 5.26 LTS community, the version the test suite runs, with a health check, a named volume and auth from the environment', () => {
    const neo4j = compose.services.neo4j;
    // What CI tests (the harness of tests/neo4j-harness/pom.xml) is what users run.
    expect(harnessNeo4jVersion()).toMatch(/^5\.26\.\d+$/);
    expect(neo4j.image).toBe(`neo4j:${harnessNeo4jVersion()}-community`);
    expect(neo4j.healthcheck.test.join(' ')).toMatch(/cypher-shell/);
    expect(neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j.environment.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?/);
  });

  it('builds the API as a production image running as a non-root user, on Neo4j, after Neo4j is healthy', () => {
    const api = compose.services.api;
    const dockerfile: string = api.build.dockerfile_inline;
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/COPY graph/); // the Cypher catalogue and schema
    expect(api.environment).toMatchObject({ GRAPH_STORE: 'neo4j', NEO4J_URI: 'bolt://neo4j:7687' });
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it('builds the explorer in a first stage with every dependency, and serves it from the production stage', async () => {
    const dockerfile: string = compose.services.api.build.dockerfile_inline;
    const [build, runtime] = dockerfile.split(/^FROM /m).slice(1);
    expect(build).toMatch(/^node:20\S* AS explorer/);
    expect(build).toMatch(/RUN npm ci --no-audit/);
    expect(build).toMatch(/COPY README\.md/); // the IDE's example queries come from it
    expect(build).toMatch(/RUN npm run web:build/);
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=explorer \/build\/src\/web\/dist \.\/src\/web\/dist/);
    expect(runtime).toMatch(/^USER node$/m);
    // The API as `npm start` runs it: the same Node flags.
    const start = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).scripts.start as string;
    expect(start).toBe('tsx --max-semi-space-size=32 src/main.ts');
    expect(runtime).toMatch(/CMD \["node", "--max-semi-space-size=32", "--import", "tsx", "src\/main\.ts"\]/);
  });

  it('holds no password', () => {
    expect(text).not.toMatch(/^\s*NEO4J_PASSWORD:\s*[^$\s]/m);
    expect(text).not.toMatch(/NEO4J_AUTH:\s*neo4j\/[^$]/);
  });
});
