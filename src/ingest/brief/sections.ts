/**
 * Second pass: group normalised lines into elements (a heading, a `Label: value` line, a
 * bullet, a numbered or lettered item, an audience line such as `For IOM Bolivia:`, or a
 * paragraph), then elements into the sections of the brief layout.
 *
 * Text briefs put a paragraph on one line; text extracted from a PDF wraps it over several.
 * Both work the same way: a line continues the element above it unless a blank line ends
 * that element or the line itself starts a new one (a heading, a known label, a bullet...).
 */
import { criterionOf } from './fields.js';
import type { SourceLine } from './normalise.js';

export type ElementKind = 'heading' | 'label' | 'bullet' | 'item' | 'audience' | 'finding' | 'text';

export interface Element {
  readonly kind: ElementKind;
  /** The element's text (for a bullet, without its marker). */
  readonly text: string;
  /** First and last line of the document it spans. */
  readonly line: number;
  readonly endLine: number;
}

export type SectionKind = 'preamble' | 'summary' | 'information' | 'findings' | 'conclusions' | 'lessons' | 'recommendations' | 'other';

export interface Section {
  readonly kind: SectionKind;
  readonly heading?: Element;
  readonly elements: Element[];
}

/** Section headings, matched on the whole line in any case, with or without a final colon. */
const HEADINGS: readonly [RegExp, SectionKind | 'brief'][] = [
  [/^(?:evaluation|learning) brief$/, 'brief'],
  [/^(?:project summary|summary of the project|project description|project background|background)$/, 'summary'],
  [/^(?:project information|project details|project data|project at a glance)$/, 'information'],
  [/^(?:key findings|findings|main findings|evaluation findings|findings and ratings|key findings and ratings)$/, 'findings'],
  [/^(?:conclusions?|key conclusions|main conclusions)$/, 'conclusions'],
  [/^(?:key )?lessons(?: learn(?:ed|t))?(?: and good practices)?$|^good practices$/, 'lessons'],
  [/^(?:key |main )?recommendations$/, 'recommendations'],
];

/** Header labels of the brief layout, by the record field they fill. */
export const LABELS: Readonly<Record<string, string>> = {
  'evaluation type': 'evaluation.type',
  'type of evaluation': 'evaluation.type',
  'evaluator(s)': 'evaluation.evaluators',
  'evaluators': 'evaluation.evaluators',
  'evaluator': 'evaluation.evaluators',
  'evaluation team': 'evaluation.evaluators',
  'final report': 'evaluation.finalReportDate',
  'final report date': 'evaluation.finalReportDate',
  'date of final report': 'evaluation.finalReportDate',
  'date of the final report': 'evaluation.finalReportDate',
  'commissioned by': 'evaluation.commissionedBy',
  'managed by': 'evaluation.managedBy',
  'evaluation manager': 'evaluation.managedBy',
  'evaluation purpose': 'evaluation.purpose',
  'purpose': 'evaluation.purpose',
  'purpose of the evaluation': 'evaluation.purpose',
  'evaluation criteria': 'evaluation.criteria',
  'criteria': 'evaluation.criteria',
  'evaluation methodology': 'evaluation.methodology',
  'methodology': 'evaluation.methodology',
  'methods': 'evaluation.methodology',
  'project title': 'project.title',
  'geographical coverage': 'project.coverage',
  'geographic coverage': 'project.coverage',
  'coverage': 'project.coverage',
  'project type': 'project.type',
  'type of project': 'project.type',
  'project code': 'project.code',
  'project period': 'project.period',
  'implementation period': 'project.period',
  'period': 'project.period',
  'project duration': 'project.period',
  'duration': 'project.period',
  'budget': 'project.budget',
  'project budget': 'project.budget',
  'total budget': 'project.budget',
  'implemented by': 'project.implementer',
  'implementing organization': 'project.implementer',
  'implementing organisation': 'project.implementer',
  'funded by': 'project.funders',
  'donor': 'project.funders',
  'donors': 'project.funders',
  'rating': 'rating',
};

export function headingKind(text: string): SectionKind | 'brief' | undefined {
  if (text.length > 60) return undefined;
  const key = text.replace(/[:.]+$/, '').trim().toLowerCase();
  return HEADINGS.find(([pattern]) => pattern.test(key))?.[1];
}

/** `Evaluation type: External...` -> { field: 'evaluation.type', label, value }. */
export function splitLabel(text: string): { field: string; label: string; value: string } | undefined {
  const colon = text.indexOf(':');
  if (colon < 2 || colon > 48) return undefined;
  const label = text.slice(0, colon).trim();
  const field = LABELS[label.toLowerCase().replace(/\s+/g, ' ')];
  return field ? { field, label, value: text.slice(colon + 1).trim() } : undefined;
}

const BULLET = /^[-\u2022*\u2013\u2014\u25aa\u25e6\u00b7\u2023\u25cf\u25a0]\s+/;
const ITEM = /^\(?(?:\d{1,2}|[A-Za-z])[.)]\s+\S/;
const AUDIENCE = /^For\s+\S[^:]{0,150}:$/;

/** Whether a line (in the brief layout) starts a new element, and which. */
function startOf(text: string): ElementKind | undefined {
  if (headingKind(text)) return 'heading';
  if (splitLabel(text)) return 'label';
  if (BULLET.test(text)) return 'bullet';
  if (AUDIENCE.test(text)) return 'audience';
  if (ITEM.test(text)) return 'item';
  if (looksLikeFindingHead(text)) return 'finding';
  return undefined;
}

/** "Relevance (rating: Good - 3): ...", "Coherence:", or "Impact" alone on its line. */
function looksLikeFindingHead(text: string): boolean {
  if (!/^[A-Z]/.test(text)) return false;
  const head = parseFindingHead(text);
  return head !== undefined && (head.rating !== undefined || head.colon || head.rest === '') && criterionOf(head.name) !== undefined;
}

export interface FindingHead {
  /** The heading, e.g. "Efficiency and Cost Effectiveness". */
  readonly name: string;
  /** What the parentheses after the heading say, e.g. "rating: Good - 3". */
  readonly rating?: string;
  readonly colon: boolean;
  /** Text after the heading: the finding itself, or empty. */
  readonly rest: string;
}

/**
 * Split a finding's heading from its text with a character scan (parentheses may nest, as in
 * "Relevance (Rating: 4 (Very Good)): ..."), so no regular expression can backtrack.
 */
export function parseFindingHead(text: string): FindingHead | undefined {
  let i = 0;
  while (i < text.length && i <= 80 && text[i] !== '(' && text[i] !== ':') i++;
  if (i > 80) return undefined;
  const name = text.slice(0, i).trim();
  if (!name || name.split(/\s+/).length > 7 || /[.;]$/.test(name)) return undefined;
  let rating: string | undefined;
  if (text[i] === '(') {
    let depth = 0;
    const start = i;
    for (; i < text.length && i - start <= 80; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) break;
    }
    if (depth !== 0) return undefined;
    rating = text.slice(start + 1, i).trim();
    i++;
  }
  while (text[i] === ' ') i++;
  const colon = text[i] === ':';
  if (colon) i++;
  if (!colon && rating === undefined && i < text.length) return undefined;
  return { name, rating, colon, rest: text.slice(i).trim() };
}

/** Elements that never continue onto the next line. */
const SINGLE_LINE: ReadonlySet<ElementKind> = new Set(['heading', 'audience']);

export function toElements(lines: readonly SourceLine[]): Element[] {
  const elements: Element[] = [];
  let current: { kind: ElementKind; text: string; line: number; endLine: number; closed: boolean } | undefined;
  const flush = () => {
    if (current) elements.push({ kind: current.kind, text: current.text, line: current.line, endLine: current.endLine });
    current = undefined;
  };
  for (const l of lines) {
    if (!l.text) {
      flush();
      continue;
    }
    const start = startOf(l.text);
    // Across a page break a paragraph goes on, unless the text before ended a sentence and
    // the text after starts a new one.
    const breakHere = l.afterPageBreak && current !== undefined && /[.!?:;]["')]?$/.test(current.text.slice(-2)) && /^[A-Z0-9"'([]/.test(l.text);
    if (current && !start && !current.closed && !breakHere) {
      current.text = `${current.text} ${l.text}`;
      current.endLine = l.endLine;
      continue;
    }
    flush();
    const kind = start ?? 'text';
    const text = kind === 'bullet' ? l.text.replace(BULLET, '') : l.text;
    const isRating = kind === 'label' && splitLabel(text)?.field === 'rating';
    current = { kind, text, line: l.line, endLine: l.endLine, closed: SINGLE_LINE.has(kind) || isRating };
  }
  flush();
  return elements;
}

export function toSections(elements: readonly Element[]): Section[] {
  const sections: Section[] = [{ kind: 'preamble', elements: [] }];
  for (const element of elements) {
    const kind = element.kind === 'heading' ? headingKind(element.text) : undefined;
    if (kind === 'brief') continue;
    if (kind) sections.push({ kind, heading: element, elements: [] });
    else sections[sections.length - 1]!.elements.push(element);
  }
  return sections;
}
