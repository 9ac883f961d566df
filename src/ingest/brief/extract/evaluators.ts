/**
 * Who evaluated, and for whom: the "Evaluator(s):" line (people, their firm, or a firm alone)
 * and the introduction ("...prepared by the Owl RE consultancy for use by IOM project staff",
 * "...à l'intention des principales parties prenantes").
 */
import { normaliseKey } from '../../../domain/text.js';
import type { Brief } from '../draft.js';
import { INTENDED_USERS, PREPARED_BY } from '../phrases.js';
import { looksLikeFirm, readEvaluators } from './people.js';

export function readEvaluatorsLine(b: Brief): void {
  const line = b.label('evaluation.evaluators');
  if (!line) return;
  const { people, firm, place } = readEvaluators(line.value);
  const org = firm ? b.orgs.add({ name: firm.trim() }, line) : undefined;
  if (org) {
    org.kind = 'EVALUATION_FIRM';
    b.evaluation.firms.push(org);
    b.report.add('evaluation.evaluationFirms[0]', line, org.name);
    if (!people.length) b.report.warn(`"${line.label}:" names an evaluation firm, ${org.name}${place ? ` (${place})` : ''}, and no person; it is recorded as the evaluation firm`, line.line);
    else if (place) b.report.warn(`"${place}" is where ${org.name} is; it is not recorded`, line.line);
  }
  people.forEach(({ name, title }, i) => {
    b.evaluation.evaluators.push({ name, ...(title ? { title } : {}), org });
    b.report.add(`evaluation.evaluators[${i}]`, line, name);
  });
  const written = line.value.replace(/\.$/, '');
  if (people.some((p) => !written.includes(p.name))) b.report.warn(`evaluator names written with the surname in capitals are recorded as ${people.map((p) => p.name).join(', ')}`, line.line);
}

/** Who the brief is for, and the firm that prepared it when the evaluators' line does not name one. */
export function readIntroduction(b: Brief): void {
  const preamble = (b.section('preamble')?.elements ?? []).filter((e) => e.kind === 'text' && e.text.length < 2_000 && !b.taken.has(e));
  for (const intro of preamble) {
    const users = INTENDED_USERS.map((p) => p.exec(intro.text)).find((m) => m !== null);
    if (!users) continue;
    b.evaluation.intendedUsers = users[1]!.trim();
    b.report.add('evaluation.intendedUsers', intro, b.evaluation.intendedUsers);
    const preparer = PREPARED_BY.exec(intro.text)?.[1]?.trim();
    if (preparer && looksLikeFirm(preparer)) preparedBy(b, preparer, intro);
    return;
  }
}

function preparedBy(b: Brief, preparer: string, intro: { line: number; endLine: number }): void {
  const [firm] = b.evaluation.firms;
  if (firm) {
    if (normaliseKey(preparer).startsWith(normaliseKey(firm.name)) && normaliseKey(preparer) !== normaliseKey(firm.name)) b.orgs.add({ name: firm.name, aliases: [preparer] }, intro);
    else firm.spans.push(intro);
    return;
  }
  const org = b.orgs.add({ name: preparer }, intro);
  org.kind = 'EVALUATION_FIRM';
  b.evaluation.firms.push(org);
  b.report.add('evaluation.evaluationFirms[0]', intro, org.name);
}
