/**
 * Setup file of the store projects: after each test file, close the stores and the Neo4j
 * connection that tests/helpers/store.ts opened for it.
 */
import { afterAll } from 'vitest';
import { closeTestStores } from '../helpers/store.js';

afterAll(closeTestStores);
