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

const BRIEF_THEMES = ['Approval processes', 'Plan of action', 'Stakeholder involvement', 'Record keeping', 'Project follow-up and handover'];
const RATINGS = ['Very Good - 4', 'Good - 3', 'Adequate - 2', 'Poor - 1'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A generated evaluation brief (number `i`), laid out as the IOM Development Fund's briefs are
 * (the seed's layout): for scale tests and benches of `npm run import`. Briefs share
 * institutions on purpose (the fund, a few ministries and firms, the statistics institute).
 */
export function generatedBrief(i: number): string {
  const code = `GB${String(i).padStart(5, '0')}`;
  const ministry = `Ministry of Labour and Social Welfare ${1 + (i % 7)}`;
  const firm = `Evaluation Partners ${1 + (i % 5)} Ltd`;
  const year = 2012 + (i % 12);
  const criteria = ['Relevance', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability'];
  return `EVALUATION BRIEF

FINAL EVALUATION OF THE PROJECT “LABOUR MIGRATION GOVERNANCE ${i}”

This learning brief is a summary of the key findings, conclusions, and recommendations prepared by ${firm} for use by IOM project staff and management and the Fund.

Evaluation type:\tExternal independent final evaluation
Evaluator(s):\tEvaluator ${i % 11}, ${firm}
Final report:\t${1 + (i % 27)} ${MONTHS[i % 12]} ${year}
Commissioned by:\tIOM Development Fund (“The Fund”)

Evaluation criteria: Relevance, effectiveness, efficiency, impact, and sustainability.

Evaluation methodology: Document review and semi-structured interviews.

PROJECT SUMMARY

The project was designed in collaboration with the ${ministry} and the National Institute of Statistics (Instituto Nacional de Estadística - INE) to improve data on labour migration number ${i}.

Project information:

Geographical coverage:\t${i % 2 ? 'Bolivia' : 'Peru'}
Project type:\t${i % 3 ? 'Labour mobility' : 'Migration policy'}
Project code:\t${code}
Project period:\t1 January ${year - 3} to 31 December ${year - 1}
Budget:\tUSD ${100 + (i % 50)},000

KEY FINDINGS

The project produced a labour migration study ${i} used by the ministry.

${criteria.map((c, k) => `${c} (rating: ${RATINGS[(i + k) % 4]}): Finding ${k} of project ${i}: the project was ${c.toLowerCase()} in its context.`).join('\n\n')}

Conclusions

The project ${i} produced data on labour migration that the government used in planning.

KEY RECOMMENDATIONS

${[0, 1, 2].map((k) => `${String.fromCharCode(65 + k)}. ${BRIEF_THEMES[(i + k) % BRIEF_THEMES.length]}

For IOM ${i % 2 ? 'Bolivia' : 'Peru'}:

- For future project ${i}, recommendation ${k}: plan time for ${BRIEF_THEMES[(i + k) % BRIEF_THEMES.length]!.toLowerCase()} with the ${ministry}.`).join('\n\n')}
`;
}
