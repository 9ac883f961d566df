/**
 * Test-only preload for the real API process: `startApi({ nodeArgs: ['--import', <this file>],
 * env: { SLOW_STORE_MS: '1500' } })`. Never imported by a test itself (it would patch the
 * test process). Every EmbeddedStore.list call (the store call behind each
 * connection field) waits SLOW_STORE_MS first and writes "slow store: list" to stderr when it
 * starts, so a test can hold a request in flight for a known time without any test switch in
 * the product's own code.
 */
import { EmbeddedStore } from '../../src/store/embedded/store.js';

const delayMs = Number(process.env.SLOW_STORE_MS ?? 0);
const list = EmbeddedStore.prototype.list;
EmbeddedStore.prototype.list = async function slowList(this: EmbeddedStore, ...args: Parameters<EmbeddedStore['list']>) {
  process.stderr.write('slow store: list\n');
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  return list.apply(this, args);
};
