/**
 * Second pass: group normalised lines into elements (a heading, a `Label: value` line, a
 * bullet, a numbered or lettered item, an audience line such as `For IOM Bolivia:`, a finding's
 * head, or a paragraph), then elements into the sections of the brief layout.
 *
 * Text briefs put a paragraph on one line; text extracted from a PDF wraps it over several,
 * and may wrap a heading or a label too ("Dates des visites" / "sur le terrain : ..."). A line
 * continues the element above it unless a blank line ends that element or the line itself
 * starts a new one. Across a page or column break a paragraph goes on unless the text says it
 * ended; a label's value never does.
 */
import { headingOf, labelField, labelKey, type HeadingKind, type LabelField, type Language } from './labels.js';
import { AUDIENCE_LINE, OBJECTIVE_HEAD } from './phrases.js';
import type { SourceLine } from './normalise.js';
import { criterionOf } from './words.js';

export type ElementKind = 'heading' | 'label' | 'bullet' | 'item' | 'audience' | 'finding' | 'text';

export interface Element {
  readonly kind: ElementKind;
  /** The element's text (for a bullet, without its marker). */
  readonly text: string;
  /** First and last line of the document it spans. */
  readonly line: number;
  readonly endLine: number;
}

export type SectionKind = 'preamble' | 'summary' | 'information' | 'findings' | 'conclusions' | 'lessons' | 'recommendations';

export interface Section {
  readonly kind: SectionKind;
  readonly heading?: Element;
  /** The heading's language, when it has one. */
  readonly language?: Language;
  /** A "findings and conclusions" section: its paragraphs may be either. */
  readonly withConclusions?: boolean;
  readonly elements: Element[];
}

export function headingKind(text: string): HeadingKind | undefined {
  return headingOf(text)?.kind;
}

/** `Evaluation type: External...` -> { field: 'evaluation.type', label, value }. */
export function splitLabel(text: string): { field: LabelField; label: string; value: string; language: Language } | undefined {
  const colon = text.indexOf(':');
  if (colon < 2 || colon > 60) return undefined;
  const label = text.slice(0, colon).trim();
  const known = labelField(label);
  return known ? { field: known.field, label, value: text.slice(colon + 1).trim(), language: known.language } : undefined;
}

const BULLET = /^[-\u2022*\u2013\u2014\u25aa\u25e6\u00b7\u2023\u25cf\u25a0\uf0b7\uf0a7]\s+/;
const ITEM = /^\(?(?:\d{1,2}|[A-Za-z])[.)]\s+\S|^(?:R|Rec\.?|Recommendation|Recommandation|Recomendaci[oó]n)\s*\d{1,2}\s*[.:)\u2013-]\s*\S/;

/** Whether a line (in the brief layout) starts a new element, and which. */
function startOf(text: string): ElementKind | undefined {
  if (headingKind(text)) return 'heading';
  if (splitLabel(text)) return 'label';
  if (BULLET.test(text)) return 'bullet';
  if (AUDIENCE_LINE.test(text)) return 'audience';
  if (ITEM.test(text)) return 'item';
  if (looksLikeFindingHead(text)) return 'finding';
  return undefined;
}

/** "Relevance (rating: Good - 3): ...", "Pertinence :", "Impact" alone on its line, "Specific Objective 1: ...". */
function looksLikeFindingHead(text: string): boolean {
  if (!/^[A-Z\u00c0-\u00de]/.test(text)) return false;
  const head = parseFindingHead(text);
  if (!head) return false;
  if (isObjective(head.name)) return head.colon;
  // The heading starts with the criterion ("Efficiency and Cost Effectiveness"), unlike a
  // sentence that rates one ("Pour l'efficience (85 %), le projet...").
  const first = head.name.split(/\s+/)[0]!;
  return (head.rating !== undefined || head.colon || head.rest === '') && criterionOf(first) !== undefined && !first.includes("'");
}

/** "Specific Objective 1", "Objectif spécifique 2", "Resultado 3". */
export function isObjective(name: string): boolean {
  return OBJECTIVE_HEAD.test(labelKey(name));
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

/** "Postal Address: ..." after a page or column break starts something new, whatever the text before it. */
const LABEL_LIKE = /^[A-Z\u00c0-\u00de][^\s:]*(?:\s+[A-Z\u00c0-\u00de][^\s:]*){0,3}\s?:\s/;

/** Elements that never continue onto the next line. */
const SINGLE_LINE: ReadonlySet<ElementKind> = new Set(['heading', 'audience']);

/** A heading or label wrapped over two lines ("PRINCIPALES CONSTATATIONS ET" / "CONCLUSIONS"). */
function wrapped(line: string, next: string | undefined): boolean {
  if (!next || line.length > 60) return false;
  const joined = `${line} ${next}`;
  if (headingKind(joined)) return true;
  return !line.includes(':') && splitLabel(joined) !== undefined;
}

export function toElements(lines: readonly SourceLine[]): Element[] {
  const elements: Element[] = [];
  let current: { kind: ElementKind; text: string; line: number; endLine: number; closed: boolean } | undefined;
  const flush = () => {
    if (current) elements.push({ kind: current.kind, text: current.text, line: current.line, endLine: current.endLine });
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    if (!l.text) {
      flush();
      continue;
    }
    const next = lines[i + 1];
    if (next?.text && !next.afterPageBreak && wrapped(l.text, next.text)) {
      l = { ...l, text: `${l.text} ${next.text}`, endLine: next.endLine };
      i++;
    }
    const start = startOf(l.text);
    // Across a page (or column) break a paragraph goes on, unless the text before ended a
    // sentence and the text after starts a new one; a label's value does not go on.
    const breakHere =
      l.afterPageBreak &&
      current !== undefined &&
      (current.kind === 'label' || (/[.!?:;]["')]?$/.test(current.text.slice(-2)) && /^[A-Z0-9"'([\u00c0-\u00de]/.test(l.text)) || LABEL_LIKE.test(l.text));
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

const KIND_OF: Record<Exclude<HeadingKind, 'brief'>, SectionKind> = {
  summary: 'summary',
  information: 'information',
  findings: 'findings',
  findingsAndConclusions: 'findings',
  conclusions: 'conclusions',
  lessons: 'lessons',
  recommendations: 'recommendations',
};

/** A line that stands alone and says nothing by itself: a caption, not a paragraph. */
export function isCaption(element: Element): boolean {
  return element.kind === 'text' && element.text.length <= 120 && !/[.:!?;]$/.test(element.text);
}

export function toSections(elements: readonly Element[]): Section[] {
  const sections: Section[] = [{ kind: 'preamble', elements: [] }];
  for (const element of elements) {
    const heading = element.kind === 'heading' ? headingOf(element.text) : undefined;
    if (heading?.kind === 'brief') continue;
    if (heading) sections.push({ kind: KIND_OF[heading.kind], heading: element, language: heading.language, withConclusions: heading.kind === 'findingsAndConclusions', elements: [] });
    else sections[sections.length - 1]!.elements.push(element);
  }
  returnPanelProse(sections);
  return sections;
}

/**
 * A project information panel sits inside a column of the project summary: the paragraphs
 * that follow its fields in the text are the summary going on (a sentence cut by the panel is
 * joined again). Captions stay where they are.
 */
function returnPanelProse(sections: Section[]): void {
  for (let s = 1; s < sections.length; s++) {
    const panel = sections[s]!;
    const summary = sections[s - 1]!;
    if (panel.kind !== 'information' || summary.kind !== 'summary') continue;
    const lastLabel = panel.elements.map((e) => e.kind).lastIndexOf('label');
    if (lastLabel < 0) continue;
    const prose = panel.elements.slice(lastLabel + 1).filter((e) => (e.kind === 'text' || e.kind === 'bullet' || e.kind === 'item') && !isCaption(e));
    if (!prose.length) continue;
    panel.elements.splice(0, panel.elements.length, ...panel.elements.filter((e) => !prose.includes(e)));
    for (const element of prose) {
      const last = summary.elements.at(-1);
      if (element.kind === 'text' && last?.kind === 'text' && /^[a-z\u00df-\u00ff]/.test(element.text) && !/[.!?:]["')]?$/.test(last.text)) {
        summary.elements[summary.elements.length - 1] = { ...last, text: `${last.text} ${element.text}`, endLine: element.endLine };
      } else {
        summary.elements.push(element);
      }
    }
  }
}
