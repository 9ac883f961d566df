/**
 * The store contract against a live Neo4j: the "neo4j" test project's (tests/vitest.config.ts),
 * started by tests/setup/neo4j.ts from Neo4j's own test harness. Each test gets the database
 * wiped (tests/helpers/store.ts).
 */
import { storeContract } from './contract.js';
import { stakeholderContract } from './stakeholderContract.js';
import { createTestStore } from '../helpers/store.js';

storeContract('neo4j', { create: createTestStore });
stakeholderContract('neo4j', { create: createTestStore });
