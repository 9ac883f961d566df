/**
 * The store contract against a live Neo4j. No Neo4j server can run on the development
 * machines or in CI, so this runs only when NEO4J_URI points at one (`npm run test:neo4j`), and
 * says plainly that it was skipped otherwise. It uses the database it is given and DELETES
 * EVERYTHING in it between tests: point it at a scratch database.
 */
import { afterAll, describe, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Neo4jStore } from '../../src/store/neo4j/store.js';
import { storeContract } from './contract.js';

const uri = process.env.NEO4J_URI;

if (!uri) {
  console.log('neo4j store contract: SKIPPED, NEO4J_URI is not set (no Neo4j server here); run `NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=... npm run test:neo4j` against a scratch database');
  describe.skip('neo4j store contract (NEO4J_URI not set)', () => {
    it('needs a live Neo4j', () => undefined);
  });
} else {
  const config = loadConfig({ ...process.env, GRAPH_STORE: 'neo4j' });
  const stores: Neo4jStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });
  storeContract('neo4j', {
    async create() {
      const store = new Neo4jStore({ uri: config.NEO4J_URI!, username: config.NEO4J_USERNAME, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE, connectAttempts: 3 });
      await store.open();
      await store.deleteEverything();
      stores.push(store);
      return store;
    },
  });
}
