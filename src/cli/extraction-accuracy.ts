/**
 * `npm run accuracy`: how well the brief parser extracts what a curator would write, per
 * field, separately for three groups of briefs:
 * - the fixtures (tests/fixtures/briefs/*.expected.yaml: invented briefs in every layout and
 *   language we know, two of them laid out as PDFs on the fly), against their curated records;
 * - the seed (the IOM Development Fund brief in seeds/), against its curated record;
 * - IOM's real briefs in ../shared (read from their PDFs, as `npm run import` reads them),
 *   against the facts read from them (tests/fixtures/real-briefs.yaml); a brief that cannot be
 *   parsed scores none of its facts; absent documents are named and left out.
 * Prints, per group, each document's score and the fields or list items extracted exactly
 * (correct / expected), per field.
 *
 * A development tool: it uses the test fixtures and pdf-lib (a devDependency).
 */
import { scoreFacts, scoreRecord, sumScores, type FieldScore } from '../ingest/brief/accuracy.js';
import { evaluationRecordSchema, type EvaluationRecord } from '../domain/record.js';
import { readInputFile } from '../ingest/inputFiles.js';
import { briefFixtures, expectedRecord, parseFixture } from '../../tests/helpers/briefFixtures.js';
import { realBriefs, realBriefsAbsent } from '../../tests/helpers/realBriefs.js';

const percent = (correct: number, total: number) => (total ? `${((100 * correct) / total).toFixed(1)}%` : '-');
const totals = (scores: readonly FieldScore[]) => scores.reduce((t, s) => ({ correct: t.correct + s.correct, total: t.total + s.total }), { correct: 0, total: 0 });
const NOTHING = evaluationRecordSchema.parse({ evaluation: { title: '(not parsed)' } }) as EvaluationRecord;

interface Scored {
  readonly name: string;
  readonly scores?: FieldScore[];
  readonly error?: string;
}

function report(group: string, documents: readonly Scored[]): boolean {
  console.log(`\n== ${group}\n\nper document`);
  for (const d of documents) {
    if (!d.scores) {
      console.log(`  ${d.name.padEnd(64)} not parsed: ${d.error}`);
      continue;
    }
    const { correct, total } = totals(d.scores);
    const wrong = d.scores.flatMap((s) => s.wrong);
    console.log(`  ${d.name.padEnd(64)} ${`${correct}/${total}`.padStart(7)}  ${percent(correct, total).padStart(6)}${d.error ? `  not parsed: ${d.error}` : ''}${wrong.length && !d.error ? `  wrong: ${wrong.join(', ')}` : ''}`);
  }
  const fields = sumScores(documents.flatMap((d) => (d.scores ? [d.scores] : [])));
  console.log('\nper field (fields or list items extracted exactly / expected)');
  for (const s of fields.filter((f) => f.total > 0)) console.log(`  ${s.field.padEnd(40)} ${`${s.correct}/${s.total}`.padStart(7)}  ${percent(s.correct, s.total).padStart(6)}`);
  const overall = totals(fields);
  const failed = documents.filter((d) => d.error).length;
  console.log(`\n${group}: ${overall.correct}/${overall.total} (${percent(overall.correct, overall.total)}) over ${documents.length} brief(s)${failed ? `; ${failed} could not be parsed` : ''}`);
  return failed === 0;
}

const fixtures: Scored[] = [];
const seed: Scored[] = [];
for (const fixture of briefFixtures()) {
  const group = fixture.name.includes('(seed)') ? seed : fixtures;
  try {
    group.push({ name: fixture.name, scores: scoreRecord((await parseFixture(fixture)).record, await expectedRecord(fixture)) });
  } catch (error) {
    group.push({ name: fixture.name, error: error instanceof Error ? error.message : String(error) });
  }
}

const real: Scored[] = [];
const briefs = realBriefs();
for (const brief of briefs.filter((b) => b.present)) {
  try {
    real.push({ name: brief.file, scores: scoreFacts((await readInputFile(brief.path)).record, brief) });
  } catch (error) {
    // Facts a brief that cannot be parsed would have given are all missed.
    real.push({ name: brief.file, scores: scoreFacts(NOTHING, brief), error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
  }
}

let ok = report('fixtures (invented briefs, against their curated records)', fixtures);
ok = report('seed (the IOM Development Fund brief, against its curated record)', seed) && ok;
ok = report("real briefs (IOM's PDFs, against the facts read from them)", real) && ok;
const absent = realBriefsAbsent(briefs);
if (absent) console.log(`\n${absent}; left out`);
process.exit(ok ? 0 : 1);
