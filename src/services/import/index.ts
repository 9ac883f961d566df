/**
 * Import validated records into a store: map each record to a graph change, resolve its
 * entities against each other and the stored graph, restate what its source said before, and
 * write the whole batch, all in one store transaction: what resolution and restatement read is
 * what the write applies to, so concurrent imports and upserts give the result of some serial
 * order (no duplicated organisation, no merged versions of one evaluation). Importing the same
 * records again changes nothing; importing another source of the same evaluation (a brief
 * after its catalogue row) adds to the same nodes.
 */
import { evaluationKey, idKey } from '../../domain/ids.js';
import type { GraphChange, GraphStore, WriteSummary } from '../../store/port.js';
import { readRecords, type LoadedRecord } from '../../ingest/recordFiles.js';
import { recordToChange } from './mapRecord.js';
import { resolveEntities } from './resolve.js';
import { restate, statedTag } from './restate.js';

export interface ImportSummary extends WriteSummary {
  readonly records: number;
  /** The evaluation each record became, in order (after resolution onto stored evaluations). */
  readonly evaluationIds: readonly string[];
  /** Whether each record's evaluation was already stored. */
  readonly existed: readonly boolean[];
  /** One line per entity a record named that was found to be one already known (or named twice). */
  readonly merges: readonly string[];
}

/**
 * Each record's evaluation key. Two records of one batch are two evaluations (two rows of an
 * export, two briefs), so keys that would be the same (one project's two final evaluations of a
 * year) are told apart by the evaluation's title, then by their order.
 */
function distinctKeys(records: readonly LoadedRecord[]): string[] {
  const keys = records.map((r) => evaluationKey(r.record));
  const count = new Map<string, number>();
  keys.forEach((k) => count.set(k, (count.get(k) ?? 0) + 1));
  const titled = keys.map((k, i) => (count.get(k)! > 1 ? `${k}:${idKey(records[i]!.record.evaluation.title).slice(0, 40)}` : k));
  const seen = new Map<string, number>();
  return titled.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n > 1 ? `${k}-${n}` : k;
  });
}

export async function importRecords(store: GraphStore, records: readonly LoadedRecord[]): Promise<ImportSummary> {
  const keys = distinctKeys(records);
  const changes = records.map((r, i) => recordToChange(r.record, r.source, { kind: r.sourceKind, evaluationKey: keys[i] }));
  const combined: GraphChange = { nodes: changes.flatMap((c) => c.nodes), edges: changes.flatMap((c) => c.edges) };
  // What the transaction's (last) run read: the evaluations' final ids, which existed, the merges.
  let outcome: Pick<ImportSummary, 'evaluationIds' | 'existed' | 'merges'> = { evaluationIds: [], existed: [], merges: [] };
  const written = await store.transaction(async (reader) => {
    const { change: resolved, notes, renamed } = await resolveEntities(combined, reader);
    const finalId = (id: string) => renamed.get(id) ?? id;
    // Tags name the evaluation a source states facts of: follow the evaluation's resolution.
    const retag = (tag: string) => {
      const at = tag.indexOf('@');
      return `${tag.slice(0, at)}@${finalId(tag.slice(at + 1))}`;
    };
    const tagged: GraphChange = { ...resolved, edges: resolved.edges.map((e) => ({ ...e, props: { ...e.props, statedBy: ((e.props.statedBy as readonly string[]) ?? []).map(retag) } })) };
    const tags = new Set(records.map((r, i) => retag(statedTag(r.sourceKind ?? 'document', `evaluation:${keys[i]}`))));
    const evaluationIds = keys.map((k) => finalId(`evaluation:${k}`));
    const before = await reader.getNodes(evaluationIds);
    outcome = { evaluationIds, existed: before.map((n) => n !== null), merges: notes };
    return restate(tagged, reader, tags);
  });
  return { ...written, records: records.length, ...outcome };
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
