/**
 * Importing a folder of documents: what `npm run import` does with many briefs and records. A
 * user importing 40 briefs at once expects what importing them one after another gives: the
 * same graph, and for each file the same line ("12 nodes created, 17 updated"); a brief that
 * restates an evaluation imported earlier in the same folder updates it; a file the store
 * refuses fails alone, the others land. The import commits many documents per transaction
 * (services/import, importEach); these tests hold it to the one-by-one import, on both stores.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/ingest/inputFiles.js';
import { readRecords, type LoadedRecord } from '../../src/ingest/recordFiles.js';
import { importEach, importRecords, type RecordSummary } from '../../src/services/import/index.js';
import { StoreError, type GraphStore } from '../../src/store/port.js';
import { ROOT, tempDir } from '../helpers/api.js';
import { briefFixtures } from '../helpers/briefFixtures.js';
import { generatedBrief } from '../helpers/generate.js';
import { createTestStore, graphOf } from '../helpers/store.js';

/** Fixture briefs, the seed, 40 generated briefs sharing institutions, and later versions of two of them. */
async function documents(): Promise<LoadedRecord[]> {
  const dir = await tempDir('meg-each-');
  const inputs: LoadedRecord[] = [];
  for (const fixture of briefFixtures().filter((f) => !f.pdf)) inputs.push(await readInputFile(fixture.source));
  inputs.push(...(await readRecords([path.join(ROOT, 'seeds')])));
  for (let i = 0; i < 40; i++) {
    const file = path.join(dir, `brief-${i}.txt`);
    await writeFile(file, generatedBrief(i));
    inputs.push(await readInputFile(file));
  }
  // Briefs again, edited: a finding left out, then a recommendation reworded as well; the later version wins.
  const dropFinding = (text: string) => text.replace(/Impact \(rating:[^\n]*\n\n/, '');
  const reword = (text: string) => dropFinding(text).replace('recommendation 2: plan time', 'recommendation 2: set aside time');
  for (const [i, edit] of [[3, dropFinding], [3, reword], [17, dropFinding]] as const) {
    const file = path.join(dir, `brief-${i}-again-${inputs.length}.txt`);
    const text = edit(generatedBrief(i));
    if (text === generatedBrief(i)) throw new Error('the edit changed nothing');
    await writeFile(file, text);
    inputs.push(await readInputFile(file));
  }
  return inputs;
}

const summaryOf = (s: Awaited<ReturnType<typeof importRecords>>): RecordSummary => ({ evaluationId: s.evaluationIds[0]!, existed: s.existed[0]!, nodesCreated: s.nodesCreated, nodesUpdated: s.nodesUpdated, edgesCreated: s.edgesCreated, edgesUpdated: s.edgesUpdated });

async function oneByOne(records: readonly LoadedRecord[]): Promise<{ store: GraphStore; summaries: RecordSummary[] }> {
  const store = await createTestStore();
  const summaries: RecordSummary[] = [];
  for (const record of records) summaries.push(summaryOf(await importRecords(store, [record])));
  return { store, summaries };
}

describe('importing many documents at once', () => {
  it('gives the graph, and the count per document, that importing them one after another gives', async () => {
    const records = await documents();
    // One by one, twice (the second time restates every document: the first version of a
    // brief, then the later ones). On Neo4j the stores below share the one database, so each
    // graph is read before the next store is created.
    const sequential = await oneByOne(records);
    const expectedGraph = await graphOf(sequential.store);
    const secondPass: RecordSummary[] = [];
    for (const record of records) secondPass.push(summaryOf(await importRecords(sequential.store, [record])));
    expect(await graphOf(sequential.store)).toEqual(expectedGraph);
    // The seed record restates the seed brief's evaluation; the three later versions, theirs.
    expect(sequential.summaries.flatMap((s, i) => (s.existed ? [records[i]!.file] : []))).toEqual([expect.stringMatching(/seeds\/iom-bolivia-internal-migration\.yaml$/), expect.stringMatching(/brief-3-again/), expect.stringMatching(/brief-3-again/), expect.stringMatching(/brief-17-again/)]);
    expect(secondPass.every((s) => s.existed)).toBe(true);

    const store = await createTestStore();
    const outcomes = await importEach(store, records);
    expect(outcomes.map((o) => o.status)).toEqual(records.map(() => 'fulfilled'));
    expect(outcomes.map((o) => (o as PromiseFulfilledResult<RecordSummary>).value)).toEqual(sequential.summaries);
    expect(await graphOf(store)).toEqual(expectedGraph);
    const again = await importEach(store, records);
    expect(again.map((o) => (o as PromiseFulfilledResult<RecordSummary>).value)).toEqual(secondPass);
    expect(await graphOf(store)).toEqual(expectedGraph);
  });

  it('fails a document the store refuses on its own, and writes the others', async () => {
    const records = (await documents()).slice(0, 20);
    const refused = records[7]!;
    const refusedId = summaryOf(await importRecords(await createTestStore(), [refused])).evaluationId;
    const expected = await oneByOne(records.filter((r) => r !== refused));
    const expectedGraph = await graphOf(expected.store);

    // A store that refuses any change holding that evaluation, as it refuses a change that breaks the model.
    const store = await createTestStore();
    const refusing: GraphStore = Object.create(store, {
      transaction: {
        value: (work: Parameters<GraphStore['transaction']>[0]) =>
          store.transaction(async (reader) => {
            const change = await work(reader);
            if (change.nodes.some((n) => n.id === refusedId)) throw new StoreError(`refused: ${refusedId}`);
            return change;
          }),
      },
    });
    const outcomes = await importEach(refusing, records);
    expect(outcomes.map((o) => o.status)).toEqual(records.map((r) => (r === refused ? 'rejected' : 'fulfilled')));
    expect(((outcomes[7] as PromiseRejectedResult).reason as Error).message).toBe(`refused: ${refusedId}`);
    expect(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))).toEqual(expected.summaries);
    expect(await graphOf(store)).toEqual(expectedGraph);
  });
});
