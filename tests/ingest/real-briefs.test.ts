/**
 * IOM's real briefs import from their PDFs, through readInputFile (the path `npm run import`
 * takes), and give, field by field, the facts read from the documents
 * (tests/fixtures/real-briefs.yaml): title, type, evaluators or firm, dates, commissioners,
 * manager, criteria, countries, period, budget, donor, gender marker, how many findings and
 * recommendations; the French brief's two codes are two projects. Without the documents the
 * tests are skipped with the reason printed; under CI=true their absence fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreFacts, SCORED_FIELDS, valueAt } from '../../src/ingest/brief/accuracy.js';
import { readInputFile, type ImportInput } from '../../src/ingest/inputFiles.js';
import { realBriefs, realBriefsAbsent } from '../helpers/realBriefs.js';

const briefs = realBriefs();
const absent = realBriefsAbsent(briefs);
const ci = process.env.CI === 'true';

it('has the real briefs to check, or says why not', () => {
  if (absent && ci) throw new Error(`${absent} (required when CI=true)`);
  if (absent) console.log(`skipped: ${absent}`);
  expect(briefs.length).toBeGreaterThanOrEqual(2);
});

/** The parsed value at a path, restricted to the keys the fact gives. */
function restrict(got: unknown, want: unknown): unknown {
  if (Array.isArray(want) && Array.isArray(got)) return got.map((g, i) => restrict(g, want[i] ?? want[0]));
  if (!want || typeof want !== 'object' || !got || typeof got !== 'object') return got;
  return Object.fromEntries(Object.keys(want).filter((k) => k in (got as object)).map((k) => [k, restrict((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k])]));
}

describe.skipIf(absent !== undefined)('real briefs', () => {
  describe.each(briefs)('$file', (brief) => {
    let input: ImportInput;
    beforeAll(async () => {
      input = await readInputFile(brief.path);
    });

    const states = (field: string) => {
      const value = valueAt(brief.record, field);
      return field.includes('[]') ? Array.isArray(value) && value.some((v) => v !== undefined) : value !== undefined;
    };
    const stated = SCORED_FIELDS.map(([field]) => field).filter(states);
    it.each(stated)('reads %s', (field) => {
      const want = valueAt(brief.record, field);
      expect(restrict(valueAt(input.record, field), want)).toEqual(want);
    });

    it.each(Object.entries(brief.counts ?? {}))('reads %s: %i', (path, count) => {
      expect((valueAt(input.record, path) as unknown[]).length).toBe(count);
    });

    it('scores every stated fact as extracted', () => {
      const wrong = scoreFacts(input.record, brief).flatMap((s) => s.wrong);
      expect(wrong).toEqual([]);
    });
  });

  it('the 2023 template: the firm is not a person, and the line whose label is an image is reported, not guessed', async () => {
    const input = await readInputFile(briefs[0]!.path);
    const messages = input.report!.warnings.map((w) => w.message);
    expect(messages).toContain('"Evaluators:" names an evaluation firm, PPMI Group (Vilnius, Lithuania), and no person; it is recorded as the evaluation firm');
    expect(messages).toContain('a line next to the header has no label, so what it states is unknown; it was left out: "Kiana Tabakova, M&E Officer" (in a PDF its label may be an image)');
    expect(JSON.stringify(input.record)).not.toContain('Kiana');
    // Two columns are not interleaved: the summary reads on from its first paragraph.
    expect(input.record.projects[0]!.summary).toMatch(/^In 2016, the EU and IOM launched the EU-IOM Joint Initiative for Migrant Protection and Reintegration, with as overall objective/);
    expect(input.record.evaluation.recommendations.at(-1)!.text).toMatch(/^Build on the results of the IMPACT evaluation conducted under the JI-HoA/);
  });

  it('the French brief: two projects sharing the brief\'s facts, each sourced from the panel', async () => {
    const input = await readInputFile(briefs[1]!.path);
    const [a, b] = input.record.projects;
    expect([a!.code, b!.code]).toEqual(['CS1137', 'CS1138']);
    const { code: _a, ...restA } = a!;
    const { code: _b, ...restB } = b!;
    expect(restA).toEqual(restB);
    expect(input.source!.passages!['projects[0]']).toBe(input.source!.passages!['projects[1]']);
    expect(input.report!.found).toContainEqual(expect.objectContaining({ field: 'projects[1].code', value: 'CS1138' }));
  });
});
