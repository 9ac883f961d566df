/**
 * Test-only preload for the real API process: `startApi({ nodeArgs: ['--import', <this file>],
 * env: { SLOW_STORE_MS: '1500' } })`. Never imported by a test itself (it would patch the
 * test process). Every `list` call of either store (the store call behind each connection
 * field) waits SLOW_STORE_MS first and writes "slow store: list" to stderr when it starts, so
 * a test can hold a request in flight for a known time without any test switch in the
 * product's own code.
 */
import { EmbeddedStore } from '../../src/store/embedded/store.js';
import { Neo4jStore } from '../../src/store/neo4j/store.js';

const delayMs = Number(process.env.SLOW_STORE_MS ?? 0);
for (const Store of [EmbeddedStore, Neo4jStore]) {
  const list = Store.prototype.list;
  Store.prototype.list = async function slowList(this: InstanceType<typeof Store>, ...args: Parameters<typeof list>) {
    process.stderr.write('slow store: list\n');
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return list.apply(this, args);
  };
}
