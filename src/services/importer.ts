/**
 * Import validated records into a store: map each record to graph changes, resolve
 * organisations against each other and the stored graph, and write the whole batch in one
 * atomic change. Re-importing the same records changes nothing (ids come from natural keys).
 */
import type { LoadedRecord } from '../ingest/recordFiles.js';
import { readRecords } from '../ingest/recordFiles.js';
import { recordToChange } from '../ingest/toGraph.js';
import type { GraphChange, GraphStore, WriteSummary } from '../store/port.js';
import { asRestatement } from './evaluations.js';
import { storeNeighbours } from './graphWalk.js';
import { completeSharedNodes, resolveOrganizations } from './resolve.js';

export interface ImportSummary extends WriteSummary {
  readonly records: number;
  readonly evaluationIds: readonly string[];
}

export async function importRecords(store: GraphStore, records: readonly LoadedRecord[]): Promise<ImportSummary> {
  const changes = records.map((r) => recordToChange(r.record, r.source));
  const combined: GraphChange = { nodes: changes.flatMap((c) => c.nodes), edges: changes.flatMap((c) => c.edges) };
  const resolved = await completeSharedNodes(await resolveOrganizations(combined, store), store);
  // A record already imported is restated exactly: what it no longer says is removed.
  const written = await store.write(await asRestatement(store, storeNeighbours(store), resolved));
  return {
    ...written,
    records: records.length,
    evaluationIds: changes.flatMap((c) => c.nodes.filter((n) => n.label === 'Evaluation').map((n) => n.id)),
  };
}

/** Load every record under `seedsDir` (all are validated before anything is written). */
export async function seed(store: GraphStore, seedsDir: string): Promise<ImportSummary> {
  return importRecords(store, await readRecords([seedsDir]));
}

/** Seed only when the store holds no nodes at all. */
export async function seedIfEmpty(store: GraphStore, seedsDir: string): Promise<ImportSummary | undefined> {
  const status = await store.status();
  return status.nodes === 0 ? seed(store, seedsDir) : undefined;
}
