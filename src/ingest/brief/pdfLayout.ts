/**
 * The reading order of a PDF page, from the position of its text items (pdf.js gives each
 * one's x, y and width): words become line fragments, fragments on one baseline become rows,
 * and rows are cut into regions that are either one column (each row overlaps the next) or
 * two columns with a gutter no fragment crosses, read left column first. Regions and columns
 * are found per page and per region, so a full-width header above two columns, a panel inside
 * a column, or columns whose gutter moves from one region to the next are all read in order;
 * two columns are never interleaved line by line.
 *
 * The cut into regions is the one with the fewest regions (ties broken by cutting where the
 * vertical gap is largest): a whole page of prose is one region, a header and two columns are
 * two. Between the columns of a region the text gets a vertical tab (a column break, as a
 * form feed is a page break): a paragraph cut by the column break goes on in the next column,
 * and the brief parser decides that from the text as it does across pages.
 */

import { headingOf, labelField } from './labels.js';

export interface PositionedItem {
  readonly str: string;
  /** Baseline origin (PDF user space: y grows upwards). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size (the item's height). */
  readonly height: number;
}

interface Fragment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  h: number;
}

interface Row {
  readonly fragments: Fragment[];
  readonly y: number;
  readonly top: number;
  readonly bottom: number;
}

/** More rows than this on a page: read it top-down, as one column (no layout search). */
const MOST_ROWS = 250;
const MIN_GUTTER = 4;

/** The page's text in reading order: lines, a blank line where a paragraph or region ends, a vertical tab between columns. */
export function pageText(items: readonly PositionedItem[]): string {
  const rows = toRows(toFragments(items));
  if (!rows.length) return '';
  const blocks: Row[][] = [];
  const breaks: ('' | '\v')[] = [];
  const visit = (rs: Row[], first: '' | '\v') => {
    const pieces = rs.length > MOST_ROWS ? [{ rows: rs }] : segment(rs);
    pieces.forEach((piece, i) => {
      const separator = i === 0 ? first : '';
      if (!('left' in piece)) {
        blocks.push(piece.rows);
        breaks.push(separator);
        return;
      }
      visit(piece.left, separator);
      visit(piece.right, '\v');
    });
  };
  visit(rows, '');
  // A paragraph ends where the white space between two rows is clearly more than the usual
  // space between lines (measured as white space, so larger type is not a new paragraph).
  const spaces = blocks.flatMap((b) => b.slice(1).map((r, i) => b[i]!.bottom - r.top)).filter((g) => g > -5);
  const usual = quantile(spaces, 0.3) ?? 0;
  const out: string[] = [];
  blocks.forEach((block, n) => {
    if (n > 0) out.push(breaks[n] === '\v' ? '\v' : '');
    block.forEach((row, i) => {
      const space = i > 0 ? block[i - 1]!.bottom - row.top : 0;
      if (i > 0 && space > usual + 0.5 * Math.max(...row.fragments.map((f) => f.h))) out.push('');
      for (const f of row.fragments) out.push(f.text.trim());
    });
  });
  return out.join('\n').replace(/\n?\v\n?/g, '\n\v');
}

const isBlank = (s: string) => !s.trim();

/** Words joined into fragments along each baseline; a gap wider than a word space (with no space between) starts a new fragment. */
function toFragments(items: readonly PositionedItem[]): Fragment[] {
  // "Label:", or a label of two words or more without its colon (a table cell: "Project code").
  const label = (text: string) => labelField(text.replace(/\s*:\s*$/, '')) !== undefined && (/:\s*$/.test(text) || /\S\s+\S/.test(text.trim()));
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedItem[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    const h = Math.max(item.height, 1);
    if (line && Math.abs(line[0]!.y - item.y) <= 0.35 * Math.max(Math.min(h, line[0]!.height || h), 1)) line.push(item);
    else lines.push([item]);
  }
  const fragments: Fragment[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: Fragment | undefined;
    let bridged = false;
    for (const item of line) {
      if (isBlank(item.str)) {
        bridged = current !== undefined;
        continue;
      }
      const h = item.height || current?.h || 10;
      const gap = current ? item.x - current.x1 : 0;
      // A space item spans a word gap; one wider than three letters' height is a tab stop, which
      // only a label ("Donor:") is followed by. A known label takes the value on its row.
      const tab = bridged && gap > 3 * h;
      const joins = current && (gap <= 0.25 * h || (bridged && (!tab || /:\s*$/.test(current.text))) || (!bridged && gap < 0.8 * h) || (label(current.text) && gap < 200));
      if (current && joins) {
        // A label drawn in a table cell without its colon gets one ("Donor" | "X" -> "Donor: X").
        const colon = gap > h && label(current.text) && !/:\s*$/.test(current.text) ? ':' : '';
        const space = colon + (bridged || gap > 0.15 * h ? ' ' : '');
        current.text += /\s$/.test(current.text) || /^\s/.test(item.str) ? item.str : space + item.str;
        current.x1 = Math.max(current.x1, item.x + item.width);
        current.h = Math.max(current.h, h);
      } else {
        if (current) fragments.push(current);
        current = { text: item.str, x0: item.x, x1: item.x + item.width, y: item.y, h };
      }
      bridged = false;
    }
    if (current) fragments.push(current);
  }
  return fragments;
}

/** Fragments whose baselines are within half a line of each other make a row (left to right). */
function toRows(fragments: readonly Fragment[]): Row[] {
  const rows: Fragment[][] = [];
  for (const f of [...fragments].sort((a, b) => b.y - a.y)) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - f.y) <= 0.5 * Math.min(row[0]!.h, f.h)) row.push(f);
    else rows.push([f]);
  }
  return rows.map(makeRow);
}

function makeRow(fragments: Fragment[]): Row {
  fragments.sort((a, b) => a.x0 - b.x0);
  return {
    fragments,
    y: Math.max(...fragments.map((f) => f.y)),
    top: Math.max(...fragments.map((f) => f.y + 0.8 * f.h)),
    bottom: Math.min(...fragments.map((f) => f.y - 0.25 * f.h)),
  };
}

type Piece = { rows: Row[] } | { left: Row[]; right: Row[] };

/**
 * A row reads as part of one column when it is one fragment, or a label and its value; two
 * pieces of text side by side (two columns on one baseline, a title and a date) are not.
 */
function inOneColumn(row: Row): boolean {
  return row.fragments.every((f, i) => i === row.fragments.length - 1 || /:\s*$/.test(f.text));
}

/**
 * Where a new region starts whatever else: below a gap across the whole width, two section
 * headings side by side ("PROJECT SUMMARY" beside "Project information:"). What is above is
 * read (both its columns) before what is below, even when one gutter runs through both.
 */
function regionStarts(rows: readonly Row[]): number[] {
  const starts: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const isHeading = (f: Fragment) => f.text.length <= 60 && headingOf(f.text) !== undefined;
    if (rows[i - 1]!.bottom <= rows[i]!.top || !rows[i]!.fragments.some(isHeading)) continue;
    const headings = rows.slice(i, i + 2).flatMap((r) => r.fragments.filter(isHeading));
    if (headings.some((a) => headings.some((b) => a.x1 < b.x0))) starts.push(i);
  }
  return starts;
}

/** The fewest regions the rows can be cut into, each one column or two (ties: cut at the larger gaps). */
function segment(rows: Row[]): Piece[] {
  const starts = regionStarts(rows);
  if (!starts.length) return regions(rows);
  return [0, ...starts].flatMap((start, k) => regions(rows.slice(start, starts[k] ?? rows.length)));
}

function regions(rows: Row[]): Piece[] {
  const n = rows.length;
  const cost: number[] = [0];
  const from: number[] = [0];
  for (let j = 1; j <= n; j++) cost[j] = Infinity;
  for (let i = 0; i < n; i++) {
    if (cost[i] === Infinity) continue;
    const gap = i > 0 ? Math.max(-50, Math.min(50, rows[i - 1]!.bottom - rows[i]!.top)) : 0;
    const spans: [number, number][] = [];
    let single = true;
    for (let j = i + 1; j <= n; j++) {
      const row = rows[j - 1]!;
      for (const f of row.fragments) spans.push([f.x0, f.x1]);
      if (!inOneColumn(row) || (j > i + 1 && !overlaps(rows[j - 2]!, row))) single = false;
      // Both only get worse as rows are added: stop at the first row that breaks them (a row
      // alone is always a region).
      if (!single && j > i + 1 && !gutterOf(spans)) break;
      const c = cost[i]! + 1000 - gap;
      if (c < cost[j]!) {
        cost[j] = c;
        from[j] = i;
      }
    }
  }
  const cuts: number[] = [];
  for (let j = n; j > 0; j = from[j]!) cuts.unshift(from[j]!);
  return cuts.map((start, k) => {
    const piece = rows.slice(start, cuts[k + 1] ?? n);
    const single = piece.every((r, i) => inOneColumn(r) && (i === 0 || overlaps(piece[i - 1]!, r)));
    const gutter = single ? undefined : gutterOf(piece.flatMap((r) => r.fragments.map((f) => [f.x0, f.x1] as [number, number])));
    if (!gutter) return { rows: piece };
    const side = (keep: (f: Fragment) => boolean) => piece.map((r) => r.fragments.filter(keep)).filter((fs) => fs.length).map((fs) => makeRow([...fs]));
    return { left: side((f) => f.x1 <= gutter[0] + 0.5), right: side((f) => f.x0 >= gutter[1] - 0.5) };
  });
}

/** Some fragment of one row shares horizontal space with some fragment of the other. */
function overlaps(a: Row, b: Row): boolean {
  return a.fragments.some((f) => b.fragments.some((g) => f.x0 < g.x1 && g.x0 < f.x1));
}

/** The widest vertical strip no fragment crosses, with text on both sides. */
function gutterOf(spans: readonly [number, number][]): [number, number] | undefined {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let best: [number, number] | undefined;
  let reach = sorted[0]?.[1] ?? 0;
  for (const [x0, x1] of sorted.slice(1)) {
    if (x0 - reach >= MIN_GUTTER && (!best || x0 - reach > best[1] - best[0])) best = [reach, x0];
    reach = Math.max(reach, x1);
  }
  return best;
}

/** The value below which a share of the values lie (the usual line spacing: most rows are lines of a paragraph). */
function quantile(values: readonly number[], share: number): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * share)];
}
