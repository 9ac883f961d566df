/**
 * Findings, as briefs group them:
 * - by criterion, with a rating in any notation ("Relevance (rating: Very Good - 4): ...",
 *   "Pertinence (note : 85 %) : ..."), the text after the heading or in the paragraphs below it;
 * - by objective or result, without ratings ("Specific Objective 1: ..."): a finding with a
 *   title and no criterion;
 * - as percentages in running text ("En termes de pertinence (75 %), le projet a répondu..."):
 *   one finding per rated criterion, its sentences as the summary.
 * Paragraphs that are none of these are key findings; in a "findings and conclusions" section,
 * a paragraph that says it concludes is a conclusion.
 */
import { normaliseKey } from '../../../domain/text.js';
import { LONGEST_PARAGRAPH, splitSentences, type Brief, type DraftFinding } from '../draft.js';
import { parseRating } from '../fields.js';
import { labelKey } from '../labels.js';
import { CONCLUSION_MARKER } from '../phrases.js';
import { isObjective, parseFindingHead, splitLabel, type Element } from '../sections.js';
import { capitalise, criterionOf } from '../words.js';
import { proseRatings } from './proseRatings.js';

export function readFindings(b: Brief): void {
  const e = b.evaluation;
  let current: DraftFinding | undefined;
  for (const section of b.sections.filter((s) => s.kind === 'findings')) {
    for (const element of section.elements.slice(0, 1_000)) {
      if (b.taken.has(element)) continue;
      if (element.text.length > LONGEST_PARAGRAPH) {
        b.report.warn(`a paragraph of ${element.text.length} characters is too long to be part of a brief and was skipped`, element.line);
        continue;
      }
      const head = element.kind === 'finding' ? parseFindingHead(element.text) : undefined;
      b.narrative.push(head ? { ...element, text: head.rest } : element);
      if (head) {
        current = startFinding(b, head, element);
        continue;
      }
      const label = element.kind === 'label' ? splitLabel(element.text) : undefined;
      if (label?.field === 'rating' && current) {
        rate(b, current, label.value, element);
        continue;
      }
      if (current && (current.open || /^[a-z\u00df-\u00ff]/.test(element.text))) {
        current.summary.push(element.text);
        current.span = { line: current.span.line, endLine: element.endLine };
        continue;
      }
      current = undefined;
      const rated = proseRatings(element.text, e.criteria);
      if (rated) {
        if (rated.before) keyFinding(b, rated.before, element);
        for (const f of rated.findings) e.findings.push({ ...f, span: { line: element.line, endLine: element.endLine }, open: false });
        continue;
      }
      if (section.withConclusions && CONCLUSION_MARKER.test(labelKey(element.text))) {
        e.conclusions.push(element.text);
        b.report.add(`evaluation.conclusions[${e.conclusions.length - 1}]`, element, element.text);
      } else {
        keyFinding(b, element.text, element);
      }
    }
  }
  e.findings.forEach((f, i) => {
    const name = f.criterion ?? f.title!;
    if (!f.summary.length) b.report.warn(`the finding on ${name} has no text`, f.span.line);
    if (!f.rating && f.criterion) b.report.warn(`the finding on ${name} has no rating`, f.span.line);
    b.report.add(`evaluation.findings[${i}]`, f.span, `${f.title ?? f.criterion}${f.rating ? ` (${f.rating.label} - ${f.rating.score})` : ''}`);
  });
  checkCriteria(b);
}

function keyFinding(b: Brief, text: string, span: Element): void {
  b.evaluation.keyFindings.push(text);
  b.report.add(`evaluation.keyFindings[${b.evaluation.keyFindings.length - 1}]`, span, text);
}

function startFinding(b: Brief, head: NonNullable<ReturnType<typeof parseFindingHead>>, element: Element): DraftFinding | undefined {
  const span = { line: element.line, endLine: element.endLine };
  const finding: DraftFinding = isObjective(head.name)
    ? { title: capitalise(head.name), summary: head.rest ? [head.rest] : [], span, open: !head.rest }
    : { criterion: criterionOf(head.name) ?? head.name, summary: head.rest ? [head.rest] : [], span, open: true };
  if (finding.criterion && normaliseKey(head.name) !== normaliseKey(finding.criterion) && labelKey(head.name) !== labelKey(finding.criterion)) {
    const ownWord = criterionOf(head.name) !== undefined && labelKey(head.name).split(' ').length === 1;
    if (!ownWord) finding.title = head.name;
  }
  if (head.rating !== undefined) rate(b, finding, head.rating, element);
  const key = normaliseKey(finding.criterion ?? finding.title!);
  if (b.evaluation.findings.some((f) => normaliseKey(f.criterion ?? f.title!) === key)) {
    b.report.warn(`a second finding on ${finding.criterion ?? finding.title} was ignored`, element.line);
    return undefined;
  }
  b.evaluation.findings.push(finding);
  return finding;
}

function rate(b: Brief, finding: DraftFinding, text: string, span: Element): void {
  const name = finding.criterion ?? finding.title;
  const rating = parseRating(text);
  if (rating?.score === undefined) {
    if (text.trim() && !/^(?:not rated|n\/?a|none|no rating)$/i.test(text.trim())) b.report.warn(`cannot read a score in the rating "${text}" of ${name}`, span.line);
    return;
  }
  if ((rating.scaleMax !== undefined && rating.score > rating.scaleMax) || (rating.scaleMax === undefined && rating.score > 10)) {
    b.report.warn(`the rating "${text}" of ${name} is above its scale; it is not recorded`, span.line);
    return;
  }
  if (!rating.label) b.report.warn(`the rating of ${name} has a score but no label; the score is used as its label`, span.line);
  finding.rating = { score: rating.score, label: rating.label ?? String(rating.score), ...(rating.scaleMax ? { scaleMax: rating.scaleMax } : {}) };
}

/** Criteria listed without a finding, findings on criteria not listed, or no criteria line at all. */
function checkCriteria(b: Brief): void {
  const e = b.evaluation;
  const listed = e.criteria.map(normaliseKey);
  const rated = e.findings.filter((f) => f.criterion !== undefined);
  const assessed = rated.map((f) => f.criterion!);
  if (!listed.length && assessed.length) {
    e.criteria = [...assessed];
    b.report.add('evaluation.criteria', rated[0]!.span, assessed.join(', '));
    b.report.warn(`no "Evaluation criteria:" line; the criteria are taken from the findings: ${assessed.join(', ')}`);
    return;
  }
  for (const c of e.criteria) {
    if (assessed.length && !assessed.some((a) => normaliseKey(a) === normaliseKey(c))) b.report.warn(`the criterion ${c} is listed but has no finding`, b.label('evaluation.criteria')?.line);
  }
  for (const f of rated) {
    if (!listed.includes(normaliseKey(f.criterion!))) b.report.warn(`the finding on ${f.criterion} is on a criterion the evaluation criteria do not list`, f.span.line);
  }
}
