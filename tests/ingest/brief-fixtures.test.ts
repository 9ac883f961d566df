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

it('has at least four fixture briefs besides the seed, one of them a PDF, one a two-column PDF', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(4);
  expect(fixtures.some((f) => f.pdf && !f.columns)).toBe(true);
  expect(fixtures.some((f) => f.columns)).toBe(true);
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

  it('2023 template as text: a title with no quotes, a firm for evaluators, field visits, gender marker, donor, objectives, no audiences', async () => {
    const { text, record, report } = await parseFixture(fixture('lake-region-reintegration-2023'));
    expect(text).toContain('Evaluators: Lanternfield Evaluation Group, Kampala, Uganda');
    expect(text).toContain('Project period: March 2019– August 2023');
    const e = record.evaluation;
    expect([e.evaluators, e.evaluationFirms, e.commissioners]).toEqual([[], ['Lanternfield Evaluation Group'], ['IOM']]);
    expect(e.fieldVisits).toEqual({ from: '2023-10-01', to: '2023-12-31' });
    expect(e.findings.map((f) => [f.title, f.criterion, f.rating])).toEqual([['Specific Objective 1', undefined, undefined], ['Specific Objective 2', undefined, undefined]]);
    expect(e.conclusions).toHaveLength(1);
    expect(e.recommendations.every((r) => r.audiences.length === 0)).toBe(true);
    expect(record.projects[0]).toMatchObject({ genderMarker: '2a', funders: ['Lakeshore Cooperation Fund'], budget: { amount: 12_500_000, currency: 'EUR' }, startDate: '2019-03-01', endDate: '2023-08-31' });
    const messages = report.warnings.map((w) => w.message);
    expect(messages).toContain('"Evaluators:" names an evaluation firm, Lanternfield Evaluation Group (Kampala, Uganda), and no person; it is recorded as the evaluation firm');
    expect(messages).toContain('the 3 recommendations name no audience; none is recorded');
  });

  it('2023 template as a two-column PDF: regions read in order, a sentence joined around the panel, a label-less line reported and left out', async () => {
    const { text, record, report } = await parseFixture(fixture('great-lakes-trade-mobility-2023'));
    expect(text).toContain('\v'); // column breaks
    const at = (s: string) => text.indexOf(s);
    // The upper region (both its columns) comes before the lower one; the left column before the right.
    expect(at('Commissioned by')).toBeLessThan(at('Evaluation purpose'));
    expect(at('Evaluation methodology')).toBeLessThan(at('PROJECT SUMMARY'));
    expect(at('PROJECT SUMMARY')).toBeLessThan(at('Project information'));
    expect(at("traders' associations to")).toBeLessThan(at('register their members'));
    expect(record.projects[0]!.summary).toContain("traders' associations to register their members and negotiate opening hours");
    expect(record.evaluation.keyFindings[1]).toContain('furthest from the capitals, where turnover of border staff remains high.');
    const missing = report.warnings.find((w) => w.message.includes('Regional Data Officer, Great Lakes'))!;
    expect(missing.message).toBe('a line next to the header has no label, so what it states is unknown; it was left out: "Regional Data Officer, Great Lakes" (in a PDF its label may be an image)');
    expect(text.split('\n')[missing.line! - 1]).toContain('Regional Data Officer, Great Lakes');
    expect(JSON.stringify(record)).not.toContain('Regional Data Officer');
    expect(record.evaluation.managedBy).toEqual({ name: 'Evaluation Focal Point', title: 'Regional Programme Officer' });
  });

  it('French: labels, dates, "USD 1 250 000", ratings as percentages in running text, audiences "Pour l\'OIM Bénin :"', async () => {
    const { text, record } = await parseFixture(fixture('dialogue-transfrontalier-fr'));
    expect(text).toContain('Dates des visites sur le terrain : du 3 au 21 février 2025');
    expect(text).toContain('En termes de pertinence (90 %)');
    const e = record.evaluation;
    expect([e.finalReportDate, e.fieldVisits]).toEqual(['2025-03-01', { from: '2025-02-03', to: '2025-02-21' }]);
    expect(e.findings.map((f) => [f.criterion, f.rating?.score, f.rating?.scaleMax])).toEqual([
      ['Relevance', 90, 100], ['Effectiveness', 62.5, 100], ['Efficiency', 70, 100], ['Sustainability', 55, 100], ['Sensibilité aux conflits', 80, 100],
    ]);
    expect(record.projects[0]!.budget).toEqual({ amount: 1_250_000, currency: 'USD' });
    expect(record.projects[0]!.countries.map((c) => c.name)).toEqual(['Benin', 'Togo']);
    expect(e.recommendations.map((r) => r.audiences)).toEqual([['IOM Benin'], ['IOM Benin'], ['RCFM']]);
  });

  it('Spanish: labels, dates with "de", "USD 1.250.000", one code in two forms, audiences "Para la SUMOF y la OIM Perú:"', async () => {
    const { text, record } = await parseFixture(fixture('movilidad-laboral-es'));
    expect(text).toContain('Fechas de las visitas de campo: del 10 de marzo al 4 de abril de 2024');
    expect(record.evaluation.fieldVisits).toEqual({ from: '2024-03-10', to: '2024-04-04' });
    expect(record.evaluation.commissioners).toEqual(['IOM Peru', 'UNHCR']);
    expect(record.projects.map((p) => p.code)).toEqual(['PE10P0233/CE.0871']);
    expect(record.projects[0]!.budget).toEqual({ amount: 1_250_000, currency: 'USD' });
    expect(record.evaluation.recommendations[1]!.audiences).toEqual(['SUMOF', 'IOM Peru']);
  });

  it('an evaluation of a strategy: no project; coverage, period and donor are the evaluation\'s; "Commissioned and managed by:"', async () => {
    const { record, report } = await parseFixture(fixture('child-protection-strategy'));
    expect(record.projects).toEqual([]);
    expect(record.evaluation).toMatchObject({ coverage: 'Global', donors: ['Horizon Partnership Fund'], commissioners: ['IOM'], period: { from: '2020-01-01', to: '2023-12-31' } });
    expect(record.evaluation.managedBy).toBeUndefined();
    expect(report.missing).toEqual([]);
    expect(report.warnings.map((w) => w.message)).toContain('no project code, project title or project facts: recorded as the evaluation of a policy, strategy or theme, with no project');
  });
});
