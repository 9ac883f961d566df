/**
 * `npm run accuracy`: how well the brief parser extracts what a curator would write. Parses
 * every brief that has a curated record (the seed, and tests/fixtures/briefs/*.expected.yaml,
 * one of them through a PDF built on the fly) and prints, per field, the fields or list items
 * extracted exactly (correct / expected), per document, and overall.
 *
 * A development tool: it uses the test fixtures and pdf-lib (a devDependency).
 */
import { scoreRecord, sumScores, type FieldScore } from '../ingest/brief/accuracy.js';
import { briefFixtures, expectedRecord, parseFixture } from '../../tests/helpers/briefFixtures.js';

const percent = (correct: number, total: number) => (total ? `${((100 * correct) / total).toFixed(1)}%` : '-');
const totals = (scores: readonly FieldScore[]) => scores.reduce((t, s) => ({ correct: t.correct + s.correct, total: t.total + s.total }), { correct: 0, total: 0 });

const documents: FieldScore[][] = [];
let failed = 0;
console.log('per document');
for (const fixture of briefFixtures()) {
  try {
    const scores = scoreRecord((await parseFixture(fixture)).record, await expectedRecord(fixture));
    documents.push(scores);
    const { correct, total } = totals(scores);
    const wrong = scores.flatMap((s) => s.wrong);
    console.log(`  ${fixture.name.padEnd(48)} ${`${correct}/${total}`.padStart(7)}  ${percent(correct, total).padStart(6)}${wrong.length ? `  wrong: ${wrong.join(', ')}` : ''}`);
  } catch (error) {
    failed++;
    console.log(`  ${fixture.name.padEnd(48)} not parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

console.log('\nper field (fields or list items extracted exactly / expected)');
const fields = sumScores(documents);
for (const s of fields.filter((f) => f.total > 0)) {
  console.log(`  ${s.field.padEnd(30)} ${`${s.correct}/${s.total}`.padStart(7)}  ${percent(s.correct, s.total).padStart(6)}`);
}
const overall = totals(fields);
console.log(`\noverall: ${overall.correct}/${overall.total} (${percent(overall.correct, overall.total)}) over ${documents.length} brief(s)${failed ? `; ${failed} could not be parsed` : ''}`);
process.exit(failed ? 1 : 0);
