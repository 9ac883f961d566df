/** Generated evaluation records for scale tests: valid, varied, sharing institutions on purpose. */
import type { EvaluationRecordInput } from '../../src/domain/record.js';

const THEMES = ['Approval processes', 'Plan of action', 'Stakeholder involvement', 'Record keeping', 'Project follow-up and handover'];
const CRITERIA = ['Relevance', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability'];

export function generatedRecord(i: number): EvaluationRecordInput {
  const code = `GX${String(i).padStart(4, '0')}`;
  return {
    evaluation: {
      title: `Final evaluation of generated project ${i}`,
      type: 'Final evaluation',
      finalReportDate: `20${10 + (i % 12)}-0${1 + (i % 9)}-15`,
      evaluators: [{ name: `Evaluator ${i % 3}`, organization: 'Generated Evaluations Ltd' }],
      evaluationFirms: ['Generated Evaluations Ltd'],
      commissioners: ['IDF'],
      criteria: CRITERIA,
      findings: CRITERIA.map((criterion, k) => ({ criterion, rating: { score: 1 + ((i + k) % 4), label: 'Generated' }, summary: `Finding ${k} of project ${i}.` })),
      conclusions: [`Conclusion of project ${i}.`],
      recommendations: [0, 1, 2].map((k) => ({ code: String.fromCharCode(65 + k), theme: THEMES[(i + k) % THEMES.length], audiences: ['IOM Bolivia', `Ministry ${i % 4}`], text: `Recommendation ${k} for generated project ${i} about ${THEMES[(i + k) % THEMES.length]}.` })),
    },
    projects: [{
      code,
      title: `Generated project ${i}`,
      type: i % 2 ? 'Migration policy' : 'Labour mobility',
      countries: [{ name: i % 2 ? 'Bolivia' : 'Peru', isoCode: i % 2 ? 'BO' : 'PE' }],
      implementer: 'IOM Bolivia',
      funders: ['IDF'],
      partners: [{ organization: `Ministry ${i % 4}`, lead: true }, { organization: 'INE' }],
      outputs: [
        { ref: 'a', title: `Output A of ${i}` },
        { ref: 'b', title: `Output B of ${i}`, basedOn: ['a'] },
      ],
    }],
    organizations: [
      { name: 'IOM Bolivia', kind: 'COUNTRY_OFFICE' },
      { name: 'IOM Development Fund', acronym: 'IDF', kind: 'DONOR_FUND' },
      { name: 'Generated Evaluations Ltd', kind: 'EVALUATION_FIRM' },
      { name: `Ministry ${i % 4}`, kind: 'MINISTRY' },
      { name: 'National Institute of Statistics', acronym: 'INE', kind: 'STATISTICS_OFFICE' },
    ],
  };
}
