/**
 * Probes for process managers and load balancers:
 * - `GET /healthz` (liveness): 200 while the process runs and serves HTTP. It does not touch
 *   the store, so a slow database never gets a healthy process restarted.
 * - `GET /readyz` (readiness): 200 when the store says it is ready, 503 with the reason
 *   otherwise (not ready, failing, or no answer within READY_CHECK_TIMEOUT_MS).
 */
import { Router } from 'express';
import type { GraphStore, StoreStatus } from '../store/port.js';

export const READY_CHECK_TIMEOUT_MS = 2_000;

type Readiness = { ready: true; store: StoreStatus } | { ready: false; reason: string; store?: StoreStatus };

async function readiness(store: GraphStore): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const noAnswer = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: `the store did not answer within ${READY_CHECK_TIMEOUT_MS} ms` }), READY_CHECK_TIMEOUT_MS);
  });
  const answer = store.status().then(
    (status): Readiness => (status.ready ? { ready: true, store: status } : { ready: false, reason: status.detail ?? 'the store is not ready', store: status }),
    (error: unknown): Readiness => ({ ready: false, reason: `the store status check failed: ${error instanceof Error ? error.message : String(error)}` }),
  );
  try {
    return await Promise.race([answer, noAnswer]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const result = await readiness(store);
    if (result.ready) res.json({ status: 'ready', store: result.store });
    else res.status(503).json({ status: 'unavailable', reason: result.reason, store: result.store });
  });
  return router;
}
