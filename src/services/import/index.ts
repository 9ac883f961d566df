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
import type { RelType } from '../../domain/model.js';
import type { GraphChange, GraphReader, GraphStore, WriteSummary } from '../../store/port.js';
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
  return (await importInOneTransaction(store, records, false)).total;
}

/** What one record of several imported together wrote (importEach). */
export interface RecordSummary extends Omit<WriteSummary, 'nodesDeleted'> {
  /** The evaluation the record became. */
  readonly evaluationId: string;
  /** Whether it was stored before (or became one an earlier record of the same import wrote). */
  readonly existed: boolean;
}

/** Records committed together at most (importEach). */
const RECORDS_PER_TRANSACTION = 32;

/**
 * Import many records (many documents) each as if on its own, one after another, with the
 * outcome of each: consecutive records of distinct evaluations are written together, in one
 * transaction (a commit to disk per record would cost more than the rest of its import). What
 * each record wrote is counted as the one-by-one imports would count it: a node or relationship
 * once, for the first record stating it, created if it was not stored before, and as updated for
 * the records stating it again (what a restatement deletes is not counted). When a transaction
 * of several fails, each of its records is imported again on its own, so that the failure is
 * told of the record it belongs to and the others are written.
 */
export async function importEach(store: GraphStore, records: readonly LoadedRecord[]): Promise<PromiseSettledResult<RecordSummary>[]> {
  const out: PromiseSettledResult<RecordSummary>[] = [];
  const alone = (record: LoadedRecord) =>
    importRecords(store, [record]).then(
      (s): PromiseSettledResult<RecordSummary> => ({ status: 'fulfilled', value: { evaluationId: s.evaluationIds[0]!, existed: s.existed[0]!, nodesCreated: s.nodesCreated, nodesUpdated: s.nodesUpdated, edgesCreated: s.edgesCreated, edgesUpdated: s.edgesUpdated } }),
      (reason: unknown): PromiseSettledResult<RecordSummary> => ({ status: 'rejected', reason }),
    );
  for (const run of runsOfDistinctEvaluations(records, RECORDS_PER_TRANSACTION)) {
    if (run.length === 1) {
      out.push(await alone(run[0]!));
      continue;
    }
    try {
      const { records: each } = await importInOneTransaction(store, run, true);
      out.push(...each!.map((value): PromiseSettledResult<RecordSummary> => ({ status: 'fulfilled', value })));
    } catch {
      for (const record of run) out.push(await alone(record));
    }
  }
  return out;
}

/** Consecutive records cut into runs of at most `size`, none holding two records of one evaluation key. */
function runsOfDistinctEvaluations(records: readonly LoadedRecord[], size: number): LoadedRecord[][] {
  const runs: LoadedRecord[][] = [];
  let keys = new Set<string>();
  for (const record of records) {
    const key = evaluationKey(record.record);
    if (!runs.length || keys.has(key) || runs.at(-1)!.length >= size) {
      runs.push([]);
      keys = new Set();
    }
    runs.at(-1)!.push(record);
    keys.add(key);
  }
  return runs;
}

async function importInOneTransaction(store: GraphStore, records: readonly LoadedRecord[], attribute: boolean): Promise<{ total: ImportSummary; records?: RecordSummary[] }> {
  const keys = distinctKeys(records);
  const changes = records.map((r, i) => recordToChange(r.record, r.source, { kind: r.sourceKind, evaluationKey: keys[i] }));
  const combined: GraphChange = { nodes: changes.flatMap((c) => c.nodes), edges: changes.flatMap((c) => c.edges) };
  // What the transaction's (last) run read: the evaluations' final ids, which existed, the merges.
  let outcome: Pick<ImportSummary, 'evaluationIds' | 'existed' | 'merges'> = { evaluationIds: [], existed: [], merges: [] };
  let each: RecordSummary[] | undefined;
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
    if (attribute) each = await attributeToRecords(reader, changes, finalId, outcome);
    return restate(tagged, reader, tags);
  });
  return { total: { ...written, records: records.length, ...outcome }, records: each };
}

/** What each record of one import states (after resolution), counted as one-by-one imports would: see importEach. */
async function attributeToRecords(reader: GraphReader, changes: readonly GraphChange[], finalId: (id: string) => string, outcome: Pick<ImportSummary, 'evaluationIds' | 'existed'>): Promise<RecordSummary[]> {
  const stated = changes.map((c) => ({
    nodes: [...new Set(c.nodes.map((n) => finalId(n.id)))],
    edges: [...new Map(c.edges.map((e) => [`${finalId(e.from)}|${e.type}|${finalId(e.to)}`, { from: finalId(e.from), type: e.type, to: finalId(e.to) }])).entries()],
  }));
  const nodeIds = [...new Set(stated.flatMap((s) => s.nodes))];
  const storedNodes = new Set((await reader.getNodes(nodeIds)).flatMap((n) => (n ? [n.id] : [])));
  // Stored relationships of the stated ones' start nodes, one batched read per type; only a
  // relationship between two stored nodes can be stored.
  const fromsByType = new Map<RelType, Set<string>>();
  for (const s of stated) for (const [, e] of s.edges) if (storedNodes.has(e.from) && storedNodes.has(e.to)) fromsByType.set(e.type, (fromsByType.get(e.type) ?? new Set()).add(e.from));
  const storedEdges = new Set<string>();
  await Promise.all(
    [...fromsByType].map(async ([type, froms]) => {
      const ids = [...froms];
      (await reader.neighbours(ids, type, 'out')).forEach((list, i) => list.forEach((n) => storedEdges.add(`${ids[i]}|${type}|${n.node.id}`)));
    }),
  );
  const seen = new Set<string>();
  const count = (keys: readonly string[], stored: ReadonlySet<string>) => {
    const created = keys.filter((k) => !stored.has(k) && !seen.has(k)).length;
    keys.forEach((k) => seen.add(k));
    return { created, updated: keys.length - created };
  };
  return stated.map((s, i) => {
    const nodes = count(s.nodes, storedNodes);
    const edges = count(s.edges.map(([k]) => k), storedEdges);
    const evaluationId = outcome.evaluationIds[i]!;
    return { evaluationId, existed: outcome.existed[i]! || outcome.evaluationIds.indexOf(evaluationId) < i, nodesCreated: nodes.created, nodesUpdated: nodes.updated, edgesCreated: edges.created, edgesUpdated: edges.updated };
  });
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
