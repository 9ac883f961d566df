/**
 * Ways real briefs differ that no fixture has whole, each on a short invented brief: the title
 * before the kind of evaluation ("<TITLE> – FINAL EVALUATION"), numbered headings, a label and
 * its value in two table cells (no colon) in text and in a PDF, a period written "36 months
 * (January 2019 – December 2021)", people with their role in parentheses, an audience written
 * before the recommendation ("For IOM Kenya: ..."), and what must not be taken for one ("To
 * ensure continuity: ...").
 */
import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../src/ingest/brief/index.js';
import { pdfToText } from '../../src/ingest/brief/pdf.js';
import { briefToColumnsPdf } from '../helpers/briefPdf.js';

const TEXT = [
  'EVALUATION BRIEF',
  '',
  'SAFER LABOUR MIGRATION FROM THE COAST REGION – FINAL EVALUATION',
  '',
  'Evaluation type\tExternal final evaluation',
  'Evaluators: Team Leader (Labour Migration Expert), Evaluation Assistant, Harbourline Consulting Ltd',
  'Final report date: 03/2022',
  'Commissioned by: IOM Kenya',
  'Managed by: Programme Officer (Monitoring and Evaluation, IOM Kenya)',
  '',
  '1. PROJECT SUMMARY',
  '',
  'The project prepared prospective labour migrants in the Coast Region for safer recruitment.',
  '',
  'Project code\tKE10P0777',
  'Project period: 36 months (January 2019 – December 2021)',
  '',
  '2. KEY FINDINGS',
  '',
  'Relevance: The project matched the needs of prospective migrants.',
  '',
  '3. RECOMMENDATIONS',
  '',
  '1. For IOM Kenya: Hand over the pre-departure sessions to the county labour offices.',
  '2. To ensure continuity: agree a budget for the sessions with each county.',
].join('\n');

describe('briefs laid out in other ways', () => {
  const { record, report } = parseBrief(TEXT, { document: 'variants.txt' });

  it('reads a title written before the kind of evaluation', () => {
    expect(record.evaluation.title).toBe('Safer Labour Migration from the Coast Region – Final evaluation');
    expect(record.projects[0]!.title).toBe('Safer Labour Migration from the Coast Region');
  });

  it('reads numbered headings and labels separated from their values by a tab, without a colon', () => {
    expect(record.evaluation.type).toBe('External final evaluation');
    expect(record.projects[0]!.code).toBe('KE10P0777');
    expect(record.projects[0]!.summary).toBe('The project prepared prospective labour migrants in the Coast Region for safer recruitment.');
    expect(record.evaluation.findings.map((f) => f.criterion)).toEqual(['Relevance']);
  });

  it('reads a period given with its length, and a month written 03/2022', () => {
    expect([record.projects[0]!.startDate, record.projects[0]!.endDate, record.evaluation.finalReportDate]).toEqual(['2019-01-01', '2021-12-31', '2022-03-01']);
  });

  it('reads roles in parentheses as titles, for evaluators and the manager', () => {
    expect(record.evaluation.evaluators).toEqual([
      { name: 'Team Leader', title: 'Labour Migration Expert', organization: 'Harbourline Consulting Ltd' },
      { name: 'Evaluation Assistant', organization: 'Harbourline Consulting Ltd' },
    ]);
    expect(record.evaluation.managedBy).toEqual({ name: 'Programme Officer', title: 'Monitoring and Evaluation', organization: 'IOM Kenya' });
  });

  it('takes an audience written before a recommendation, and only an organisation as one', () => {
    expect(record.evaluation.recommendations).toEqual([
      { code: '1', audiences: ['IOM Kenya'], text: 'Hand over the pre-departure sessions to the county labour offices.' },
      { code: '2', audiences: [], text: 'To ensure continuity: agree a budget for the sessions with each county.' },
    ]);
    expect(report.warnings.map((w) => w.message)).toContain('recommendation 2 has no audience line ("For ...:") above it');
  });

  it('joins a label and its value drawn in two table cells of a PDF, without a colon', async () => {
    const layout = ['=== full', 'EVALUATION BRIEF\t[01-02-2024]', '# FINAL EVALUATION OF THE PROJECT "COAST REGION LABOUR MIGRATION"', '=== columns', '--- left',
      'Evaluation type\tExternal final evaluation', 'Project code\tKE10P0778', 'Gender marker\t1', '--- right', 'Evaluation purpose: To learn from the project.'].join('\n');
    const { text } = await pdfToText(await briefToColumnsPdf(layout));
    expect(text).toContain('Project code: KE10P0778');
    const parsed = parseBrief(text, { document: 'cells.pdf' });
    expect(parsed.record.projects[0]).toMatchObject({ code: 'KE10P0778', genderMarker: '1', title: 'Coast Region Labour Migration' });
    expect(parsed.record.evaluation.type).toBe('External final evaluation');
  });

  it('reads recommendations numbered "R1." or "Recommendation 2:", and lessons under "LESSONS LEARNED & GOOD PRACTICES"', () => {
    const text = TEXT.replace(/3\. RECOMMENDATIONS[\s\S]*$/, [
      'LESSONS LEARNED & GOOD PRACTICES', '', 'Pre-departure sessions work best when returnees lead them.', '',
      'KEY RECOMMENDATIONS', '', 'R1. Hand over the sessions to the county labour offices', 'Recommendation 2: Agree a budget for the sessions with each county.',
    ].join('\n'));
    const parsed = parseBrief(text, { document: 'numbered.txt' }).record.evaluation;
    expect(parsed.lessonsLearned).toEqual(['Pre-departure sessions work best when returnees lead them.']);
    expect(parsed.recommendations.map((r) => [r.code, r.text])).toEqual([['1', 'Hand over the sessions to the county labour offices'], ['2', 'Agree a budget for the sessions with each county.']]);
  });

  it('reads a brief in Portuguese: adding a language is adding its words to the tables', () => {
    const text = [
      'RESUMO DA AVALIAÇÃO',
      '',
      'AVALIAÇÃO FINAL DO PROJETO',
      '“MIGRAÇÃO LABORAL SEGURA ENTRE MOÇAMBIQUE E A ÁFRICA DO SUL”',
      '',
      'Este resumo apresenta as principais constatações, conclusões e recomendações, para uso das partes interessadas do projeto.',
      '',
      'Tipo de avaliação: Avaliação final externa',
      'Avaliador(es): Avaliadora principal, Consultoria Índico Lda',
      'Data do relatório final: 15 de março de 2024',
      'Encomendado por: OIM Moçambique',
      'Gerido por: Oficial designado, Oficial de Monitoria e Avaliação, OIM Moçambique',
      'Critérios de avaliação: relevância, eficácia, eficiência e sustentabilidade.',
      '',
      'RESUMO DO PROJETO',
      '',
      'O projeto preparou trabalhadores migrantes para um recrutamento mais seguro.',
      '',
      'Informações do projeto:',
      'Cobertura geográfica: Moçambique e África do Sul',
      'Código do projeto: MZ10P0555',
      'Período do projeto: janeiro de 2021 – dezembro de 2023',
      'Orçamento: USD 1,2 milhões',
      '',
      'PRINCIPAIS CONSTATAÇÕES',
      '',
      'Relevância (classificação: Bom - 3): O projeto respondeu às necessidades dos trabalhadores.',
      '',
      'RECOMENDAÇÕES',
      '',
      'Para a OIM Moçambique:',
      '1. Transferir as sessões de orientação para os centros de emprego.',
    ].join('\n');
    const { record } = parseBrief(text, { document: 'pt.txt' });
    expect(record.evaluation).toMatchObject({
      title: 'Avaliação final do projeto \u201cMigração laboral segura entre Moçambique e a África do Sul\u201d',
      type: 'Avaliação final externa',
      finalReportDate: '2024-03-15',
      commissioners: ['IOM Mozambique'],
      evaluationFirms: ['Consultoria Índico Lda'],
      criteria: ['Relevance', 'Effectiveness', 'Efficiency', 'Sustainability'],
      intendedUsers: 'partes interessadas do projeto',
    });
    expect(record.evaluation.findings).toEqual([{ criterion: 'Relevance', rating: { score: 3, label: 'Bom' }, summary: 'O projeto respondeu às necessidades dos trabalhadores.' }]);
    expect(record.evaluation.recommendations).toEqual([{ code: '1', audiences: ['IOM Mozambique'], text: 'Transferir as sessões de orientação para os centros de emprego.' }]);
    expect(record.projects[0]).toMatchObject({
      code: 'MZ10P0555', startDate: '2021-01-01', endDate: '2023-12-31', budget: { amount: 1_200_000, currency: 'USD' },
      countries: [{ name: 'Mozambique', isoCode: 'MZ' }, { name: 'South Africa', isoCode: 'ZA' }],
    });
  });

  it('records what the schema would refuse with a warning, not a refusal: a code used twice, a period ending before it starts, a score above its scale', () => {
    const text = TEXT.replace('Project period: 36 months (January 2019 – December 2021)', 'Project period: December 2021 – January 2019')
      .replace('Relevance: The project matched', 'Relevance (6/5): The project matched')
      .replace(/3\. RECOMMENDATIONS[\s\S]*$/, ['RECOMMENDATIONS', '', 'For IOM Kenya:', '1. Hand over the sessions.', '', 'For the county labour offices:', '1. Budget the sessions.'].join('\n'));
    const { record, report } = parseBrief(text, { document: 'odd.txt' });
    expect(record.evaluation.recommendations.map((r) => [r.code, r.audiences])).toEqual([['1', ['IOM Kenya']], ['1b', ['County labour offices']]]);
    expect([record.projects[0]!.startDate, record.projects[0]!.endDate]).toEqual([undefined, undefined]);
    expect(record.evaluation.findings[0]!.rating).toBeUndefined();
    const messages = report.warnings.map((w) => w.message);
    expect(messages).toContain('recommendation code 1 is used again; the later one is recorded as 1b');
    expect(messages).toContain('the project period ends (2019-01-31) before it starts (2021-12-01); neither date is recorded');
    expect(messages).toContain('the rating "6/5" of Relevance is above its scale; it is not recorded');
  });
});
