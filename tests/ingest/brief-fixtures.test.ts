/**
 * The invented fixture briefs in tests/fixtures/briefs/, each written the way real briefs
 * differ from the seed (CRLF, non-breaking spaces, curly quotes, PDF page furniture and
 * hyphenation, other rating notations, missing or extra criteria, numbered themes, several
 * audiences, headings in any case, dates without a day, amounts in millions). Every field of
 * the extracted record is compared with the curated record, one test per field.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationRecord } from '../../src/domain/record.js';
import { SCORED_FIELDS, valueAt } from '../../src/ingest/brief/accuracy.js';
import type { ParsedBrief } from '../../src/ingest/brief/index.js';
import { briefFixtures, expectedRecord, parseFixture } from '../helpers/briefFixtures.js';

const fixtures = briefFixtures().filter((f) => !f.name.includes('(seed)'));

it('has at least four fixture briefs besides the seed, one of them a PDF', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(4);
  expect(fixtures.some((f) => f.pdf)).toBe(true);
});

describe.each(fixtures)('$name', (fixture) => {
  let parsed: ParsedBrief & { text: string };
  let expected: EvaluationRecord;

  beforeAll(async () => {
    parsed = await parseFixture(fixture);
    expected = await expectedRecord(fixture);
  });

  it.each(SCORED_FIELDS.map(([field]) => field))('extracts %s', (field) => {
    expect(valueAt(parsed.record, field)).toEqual(valueAt(expected, field));
  });

  it('extracts the whole record and misses no expected field', () => {
    expect(parsed.record).toEqual(expected);
    expect(parsed.report.missing).toEqual([]);
  });
});

/** What each fixture is there to exercise, checked on the input and on the value read from it. */
describe('the variations the fixtures exercise', () => {
  const fixture = (name: string) => fixtures.find((f) => f.name.startsWith(name))!;

  it('CRLF, non-breaking spaces, curly quotes; "Rating: 3 (Good)"; Coherence; "June 2021"; "US$ 1.2 million"', async () => {
    const { text, record, report } = await parseFixture(fixture('bolivia-return-reintegration'));
    expect(text).toContain('\r\n');
    expect(text).toContain('US$\u00a01.2\u00a0million');
    expect(text).toContain('Coherence (Rating: 3 (Good)):');
    expect(record.projects[0]!.budget).toEqual({ amount: 1_200_000, currency: 'USD' });
    expect(record.evaluation.finalReportDate).toBe('2021-06-01');
    expect([record.projects[0]!.startDate, record.projects[0]!.endDate]).toEqual(['2019-03-01', '2021-02-28']);
    expect(record.evaluation.findings.find((f) => f.criterion === 'Coherence')?.rating).toEqual({ score: 3, label: 'Good' });
    expect(record.evaluation.purpose).toContain("the project's progress"); // curly apostrophe straightened
    expect(record.organizations.find((o) => o.name === 'IOM Development Fund')?.aliases).toEqual(['The Fund']);
    expect(record.evaluation.recommendations.map((r) => [r.code, r.audiences])).toEqual([['A.1', ['IOM Bolivia']], ['A.2', ['MTPS']], ['B', ['IOM Bolivia']]]);
    const messages = report.warnings.map((w) => w.message).join('\n');
    expect(messages).toMatch(/72 CR line ending\(s\), 4 non-breaking or special space\(s\), \d+ curly quote\(s\) straightened/);
    expect(messages).toContain('"June 2021" gives no day; recorded as 2021-06-01 (the first day of the month)');
  });

  it('"Good (3)", a finding without a rating, headings in lower case, ISO dates, numbered themes, partners by acronym', async () => {
    const { text, record, report } = await parseFixture(fixture('bolivia-migration-data'));
    expect(text).toMatch(/^key findings$/m);
    expect(text).toContain('Relevance (Very Good (4)):');
    expect(record.evaluation.findings.map((f) => [f.criterion, f.rating?.score ?? null])).toEqual([['Relevance', 4], ['Effectiveness', 3], ['Efficiency', 3], ['Impact', null], ['Sustainability', 2]]);
    expect([record.projects[0]!.startDate, record.projects[0]!.endDate, record.evaluation.finalReportDate]).toEqual(['2019-01-15', '2020-12-31', '2022-03-15']);
    expect(record.evaluation.recommendations.map((r) => r.code)).toEqual(['1', '2.1', '2.2']);
    expect(record.evaluation.lessonsLearned).toHaveLength(2);
    expect(record.projects[0]!.partners.map((p) => [p.organization, p.lead])).toEqual([['INE', true], ['UDAPE', false], ['IDIS', false]]);
    const impactLine = text.split('\n').findIndex((l) => l.startsWith('Impact:')) + 1;
    expect(report.warnings.find((w) => w.message === 'the finding on Impact has no rating')?.line).toBe(impactLine);
  });

  it('text copied from a PDF: wrapped lines, page numbers and running headers, hyphenation, no criteria line, ratings on their own line', async () => {
    const { text, record, report } = await parseFixture(fixture('bolivia-paraguay-labour-migration'));
    expect(text.match(/^IOM Development Fund - Evaluation Brief$/gm)).toHaveLength(3);
    expect(text).toContain("the ministry's manage-\nment.");
    expect(text).toMatch(/^Rating: 4 \(Very Good\)$/m);
    expect(record.projects[0]!.summary).toContain('in place. The project supported both governments'); // across the page break
    expect(record.evaluation.findings[1]!.summary).toContain("changes in the ministry's management.");
    expect(record.evaluation.conclusions[0]).toContain('adopted and implemented.');
    expect(record.evaluation.criteria).toEqual(['Relevance', 'Effectiveness', 'Efficiency', 'Sustainability']);
    expect(record.projects[0]!.budget).toEqual({ amount: 450_000, currency: 'USD' });
    expect([record.projects[0]!.startDate, record.projects[0]!.endDate, record.evaluation.finalReportDate]).toEqual(['2018-05-01', '2020-04-30', '2021-05-01']);
    expect(record.evaluation.recommendations.map((r) => [r.code, r.audiences])).toEqual([['1.1', ['IOM Bolivia']], ['1.2', ['IOM Bolivia', 'IOM Paraguay']], ['2', ['IOM Paraguay']]]);
    const messages = report.warnings.map((w) => w.message).join('\n');
    expect(messages).toContain('6 page header, footer or number line(s) removed, 2 word(s) hyphenated across lines joined');
    expect(messages).toContain('no "Evaluation criteria:" line; the criteria are taken from the findings: Relevance, Effectiveness, Efficiency, Sustainability');
  });
});
