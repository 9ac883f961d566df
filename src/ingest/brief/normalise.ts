/**
 * First pass over a brief's text: refuse what is not a brief-sized text, then undo what word
 * processors and PDF extraction do to text, line by line, keeping every line's number in the
 * document so that the extraction report and the provenance in the graph can point at it.
 *
 * - CRLF and CR line endings, non-breaking and other Unicode spaces, zero-width characters,
 *   soft hyphens, ligatures, curly quotes;
 * - page furniture: page numbers ("3", "Page 3 of 7", "- 3 -") and running headers or footers
 *   (a line that repeats next to page boundaries, and only there), which PDF extraction puts
 *   between the lines of a paragraph;
 * - page breaks (form feeds) and column breaks (vertical tabs, from the PDF reader): a paragraph
 *   may go on across them;
 * - words hyphenated across lines ("govern-" / "ments"), joined again; the hyphen is kept for
 *   compounds that take one ("semi-structured", "cross-border") or that the document spells
 *   with a hyphen elsewhere.
 *
 * Everything here is a single linear pass or a fixed number of them.
 */
import { BriefParseError, MAX_BRIEF_CHARS } from './errors.js';
import { isAllCaps } from './fields.js';
import { labelField } from './labels.js';
import type { Warning } from './report.js';

/** A line of the normalised text: its text and the lines of the document it came from. */
export interface SourceLine {
  readonly text: string;
  /** First line in the document (1-based). */
  readonly line: number;
  /** Last line in the document (differs from `line` when a hyphenated word was joined). */
  readonly endLine: number;
  /** True when page furniture, a form feed (a page break) or a vertical tab (a column break) came just before this line. */
  readonly afterPageBreak: boolean;
}

export interface NormalisedBrief {
  readonly lines: readonly SourceLine[];
  readonly warnings: readonly Warning[];
}

/** Refuse input that cannot be a brief before looking at it any closer. */
export function guardInput(text: string): void {
  if (text.length > MAX_BRIEF_CHARS) {
    throw new BriefParseError(
      'TOO_LARGE',
      `the document has ${formatSize(text.length)} of text; an evaluation brief is a few pages, and at most ${formatSize(MAX_BRIEF_CHARS)} is accepted`,
    );
  }
  let control = 0;
  let nonSpace = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new BriefParseError('BINARY', `the document is binary, not text (a NUL byte at character ${i + 1}); give a .txt brief or a .pdf file`);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) control++;
    if (c > 32 && c !== 0xa0) nonSpace++;
  }
  if (nonSpace === 0) throw new BriefParseError('EMPTY', 'the document is empty: expected the text of an evaluation brief', ['evaluation.title', 'evaluation.type']);
  if (control > 16 && control / text.length > 0.05) {
    throw new BriefParseError('BINARY', `the document is binary, not text (${Math.round((100 * control) / text.length)}% control or undecodable characters); give a .txt brief or a .pdf file`);
  }
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const LIGATURES: Record<string, string> = { '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl' };

/** "3", "- 3 -", "Page 3", "Page 3 of 7", "3/7", or a running line ending in "Page 3". */
const PAGE_NUMBER = /^[-\u2013\u2014\s]*(?:page\s+)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?[-\u2013\u2014\s]*$/i;
const ENDS_WITH_PAGE = /\bpage\s+\d{1,3}(?:\s+of\s+\d{1,3})?$/i;
/** How many lines on each side of a page boundary may be a running header or footer. */
const FURNITURE_WINDOW = 3;

/**
 * Compounds written with a hyphen, for a word split at its own hyphen when the document does
 * not spell it elsewhere ("semi-" + "structured" stays "semi-structured"). Any other word split
 * across lines is joined without the hyphen ("govern-" + "ments").
 */
const HYPHENATED_COMPOUNDS = new Set([
  'ex-post', 'ex-ante', 'semi-structured', 'cross-border', 'cross-cutting', 'follow-up', 'follow-on', 'mid-term', 'long-term',
  'short-term', 'medium-term', 'well-being', 'co-operation', 'co-funded', 'co-financing', 'non-governmental', 'cost-effective',
  'cost-effectiveness', 'decision-making', 'policy-making', 'evidence-based', 'gender-sensitive', 'gender-responsive', 'self-employment',
  'self-employed', 'e-learning', 'multi-stakeholder', 'inter-institutional', 'sub-national', 'high-level', 'low-income', 'full-time',
  'part-time', 'in-depth', 'hand-over', 'non-state',
]);

export function normaliseBrief(raw: string): NormalisedBrief {
  guardInput(raw);
  const counts = { crlf: 0, spaces: 0, quotes: 0, furniture: 0, hyphens: 0 };
  const physical = raw.split(/\r\n|\r|\n/);
  counts.crlf = raw.length - raw.replace(/\r/g, '').length;

  // 1. Characters, one line at a time.
  interface Draft { text: string; line: number; endLine: number; pageBreakBefore: boolean; columnBreakBefore: boolean; removed: boolean }
  const drafts: Draft[] = physical.map((text, index) => {
    let pageBreakBefore = false;
    let columnBreakBefore = false;
    if (text.includes('\f')) {
      pageBreakBefore = true;
      text = text.replace(/\f/g, '');
    }
    if (text.includes('\v')) {
      columnBreakBefore = true;
      text = text.replace(/\v/g, '');
    }
    // A label and its value in two table cells, copied as "Donor<TAB>X": the label's colon.
    const cells = /^([^\t:]{2,60}?)\s*\t+\s*(\S.*)$/.exec(text);
    if (cells && labelField(cells[1]!.trim())) text = `${cells[1]!.trim()}: ${cells[2]}`;
    const spaces = text.match(SPACES)?.length ?? 0;
    const quotes = (text.match(SINGLE_QUOTES)?.length ?? 0) + (text.match(DOUBLE_QUOTES)?.length ?? 0);
    counts.spaces += spaces;
    counts.quotes += quotes;
    text = text
      .replace(/\u00ab[\s\u00a0\u202f]*/g, '\u00ab')
      .replace(/[\s\u00a0\u202f]*\u00bb/g, '\u00bb')
      .replace(SPACES, ' ')
      .replace(INVISIBLE, '')
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(/[\ufb00-\ufb04]/g, (c) => LIGATURES[c] ?? c)
      .replace(/[\t ]+/g, ' ')
      .trim();
    return { text, line: index + 1, endLine: index + 1, pageBreakBefore, columnBreakBefore, removed: false };
  });

  // 2. Page furniture. A page boundary is a form feed or a page-number line; the document's
  // start and end count as boundaries too, so that a header printed on every page (the first
  // one included) is seen as often as there are pages.
  const boundaryAt = new Set<number>([-1, drafts.length]);
  drafts.forEach((d, i) => {
    if (d.pageBreakBefore) boundaryAt.add(i - 0.5);
    if (d.text && (PAGE_NUMBER.test(d.text) || (d.text.length <= 120 && ENDS_WITH_PAGE.test(d.text)))) {
      d.removed = true;
      counts.furniture++;
      boundaryAt.add(i);
    }
  });
  const nextText = (from: number, step: 1 | -1): number => {
    for (let i = from; i >= 0 && i < drafts.length; i += step) if (drafts[i]!.text && !drafts[i]!.removed) return i;
    return -1;
  };
  // Lines next to a boundary (skipping blanks), by text; a text seen there twice or more is
  // a running header or footer.
  const nearBoundary = new Map<string, number[]>();
  for (const b of boundaryAt) {
    const candidates = [nextText(Math.floor(b) + 1, 1), nextText(Math.ceil(b) - 1, -1)];
    for (const i of candidates) {
      if (i < 0) continue;
      const text = drafts[i]!.text;
      if (text.length > 120) continue;
      const seen = nearBoundary.get(text) ?? [];
      if (!seen.includes(i)) seen.push(i);
      nearBoundary.set(text, seen);
    }
  }
  for (const indexes of nearBoundary.values()) {
    if (indexes.length < 2) continue;
    for (const i of indexes) {
      drafts[i]!.removed = true;
      counts.furniture++;
    }
  }
  // A footer of two lines, or a header under a page number: a text found within a few lines of
  // two or more page boundaries, and nowhere else in the document, is page furniture too.
  const occurrences = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (!d.text || d.removed || d.text.length > 120) return;
    const at = occurrences.get(d.text);
    if (at) at.push(i);
    else occurrences.set(d.text, [i]);
  });
  const near = new Map<string, Set<number>>();
  let boundaryId = 0;
  for (const b of boundaryAt) {
    boundaryId++;
    for (const step of [1, -1] as const) {
      let i = step === 1 ? Math.floor(b) + 1 : Math.ceil(b) - 1;
      for (let k = 0; k < FURNITURE_WINDOW; k++, i += step) {
        i = nextText(i, step);
        if (i < 0) break;
        const text = drafts[i]!.text;
        if (occurrences.has(text)) near.set(text, (near.get(text) ?? new Set()).add(boundaryId));
      }
    }
  }
  for (const [text, boundaries] of near) {
    const at = occurrences.get(text)!;
    if (boundaries.size < 2 || at.length < 2 || at.length > boundaries.size || at.some((i) => drafts[i]!.removed)) continue;
    for (const i of at) {
      drafts[i]!.removed = true;
      counts.furniture++;
    }
  }

  // 3. Keep the remaining lines, remembering where page furniture was taken out.
  const kept: Draft[] = [];
  let pendingBreak = false;
  for (const d of drafts) {
    if (d.pageBreakBefore || d.columnBreakBefore) pendingBreak = true;
    if (d.removed) {
      // The space above a footer is page layout, not the end of a paragraph.
      while (kept.length && !kept[kept.length - 1]!.text) kept.pop();
      pendingBreak = true;
      continue;
    }
    if (!d.text) {
      // A blank line next to a page break is part of the page layout, not a paragraph break,
      // unless the text on both sides says so (decided when elements are built).
      if (!pendingBreak) kept.push(d);
      continue;
    }
    kept.push({ ...d, pageBreakBefore: pendingBreak });
    pendingBreak = false;
  }

  // 4. Words hyphenated across lines.
  const hyphenated = hyphenatedWords(kept);
  const out: SourceLine[] = [];
  for (let i = 0; i < kept.length; i++) {
    const first = kept[i]!;
    // The joined line is built from parts, and only the end of its last part is looked at, so
    // that a thousand hyphenated lines cost no more than a thousand short ones.
    const parts = [first.text];
    let endLine = first.endLine;
    for (;;) {
      const next = kept[i + 1];
      const end = parts[parts.length - 1]!.slice(-64);
      const tail = end.endsWith('-') && !end.endsWith(' -') ? /([A-Za-z\u00c0-\u024f]+)-$/.exec(end) : null;
      // The next line goes on with the word: in lower case, in capitals after a fragment in
      // capitals, or as a compound the document writes elsewhere ("JI-" / "HoA").
      const nextWord = next?.text ? /^[A-Za-z\u00c0-\u024f]+/.exec(next.text.slice(0, 64))?.[0] : undefined;
      const goesOn =
        tail && next?.text && (/^[a-z\u00df-\u00ff]/.test(next.text) || (isAllCaps(tail[1]!) && /^[A-Z\u00c0-\u00de]{2,}/.test(next.text)) || (nextWord !== undefined && hyphenated.has(`${tail[1]}-${nextWord}`.toLowerCase())));
      if (!tail || !next || !goesOn) break;
      const head = /^[A-Za-z\u00c0-\u024f]+/.exec(next.text.slice(0, 64))![0];
      const compound = `${tail[1]!}-${head}`.toLowerCase();
      if (!hyphenated.has(compound) && !HYPHENATED_COMPOUNDS.has(compound)) parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
      parts.push(next.text);
      endLine = next.endLine;
      counts.hyphens++;
      i++;
    }
    out.push({ text: parts.join(''), line: first.line, endLine, afterPageBreak: first.pageBreakBefore });
  }

  const notes: string[] = [];
  if (counts.crlf) notes.push(`${counts.crlf} CR line ending(s)`);
  if (counts.spaces) notes.push(`${counts.spaces} non-breaking or special space(s)`);
  if (counts.quotes) notes.push(`${counts.quotes} curly quote(s) straightened`);
  if (counts.furniture) notes.push(`${counts.furniture} page header, footer or number line(s) removed`);
  if (counts.hyphens) notes.push(`${counts.hyphens} word(s) hyphenated across lines joined`);
  return { lines: out, warnings: notes.length ? [{ message: `text normalised: ${notes.join(', ')}` }] : [] };
}

/** Every "word-word" the document writes within a line, lower case (split, not searched: linear). */
function hyphenatedWords(lines: readonly { text: string }[]): Set<string> {
  const found = new Set<string>();
  for (const { text } of lines) {
    for (const token of text.split(/[^A-Za-z\u00c0-\u024f-]+/)) {
      if (token.length > 80 || !token.includes('-')) continue;
      const parts = token.split('-');
      for (let i = 1; i < parts.length; i++) if (parts[i - 1] && parts[i]) found.add(`${parts[i - 1]}-${parts[i]}`.toLowerCase());
    }
  }
  return found;
}
