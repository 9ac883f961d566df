/**
 * Lay out a text brief as a PDF the way a word processor would, to test PDF import without
 * committing binary fixtures: small pages, lines wrapped to the page width, long words
 * hyphenated at the end of a line, a running header on every page and "Page N of M" at the
 * foot. Paragraphs are the text's lines; a blank line adds space between them.
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

export interface BriefPdfOptions {
  /** Running header printed at the top of every page. */
  readonly header?: string;
  readonly pageSize?: readonly [number, number];
  readonly fontSize?: number;
}

const MARGIN = 48;

export async function briefToPdf(text: string, options: BriefPdfOptions = {}): Promise<Uint8Array> {
  const [width, height] = options.pageSize ?? [420, 595]; // A5
  const size = options.fontSize ?? 10;
  const leading = size * 1.35;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = layout(text.replace(/\t/g, ' '), font, size, width - 2 * MARGIN);

  // Break into pages: a paragraph gap is half a line more than the usual spacing.
  const top = height - MARGIN - 2 * leading;
  const bottom = MARGIN + 2 * leading;
  const pages: { text: string; y: number }[][] = [[]];
  let y = top;
  for (const line of lines) {
    if (line === null) {
      if (pages.at(-1)!.length) y -= leading * 0.9;
      continue;
    }
    if (y < bottom) {
      pages.push([]);
      y = top;
    }
    pages.at(-1)!.push({ text: line, y });
    y -= leading;
  }

  pages.forEach((page, i) => {
    const p = doc.addPage([width, height]);
    if (options.header) p.drawText(options.header, { x: MARGIN, y: height - MARGIN, size: size - 2, font });
    for (const line of page) p.drawText(line.text, { x: MARGIN, y: line.y, size, font });
    const footer = `Page ${i + 1} of ${pages.length}`;
    p.drawText(footer, { x: (width - font.widthOfTextAtSize(footer, size - 2)) / 2, y: MARGIN / 2, size: size - 2, font });
  });
  return doc.save();
}

/** Wrapped lines; null marks a paragraph gap. */
function layout(text: string, font: PDFFont, size: number, maxWidth: number): (string | null)[] {
  const out: (string | null)[] = [];
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= maxWidth;
  for (const paragraph of text.split('\n')) {
    if (!paragraph.trim()) {
      out.push(null);
      continue;
    }
    let line = '';
    for (const word of paragraph.trim().split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      // Hyphenate a long word so that its first part fills the line, as word processors do
      // (never at a hyphen the word already has, and leaving at least three letters each side).
      const split = line && /^[A-Za-z\u00c0-\u00ff]{8,}[.,;:]?$/.test(word) ? hyphenate(line, word, fits) : undefined;
      if (split) {
        out.push(`${line} ${split[0]}-`);
        line = split[1];
      } else {
        if (line) out.push(line);
        line = word;
      }
    }
    if (line) out.push(line);
  }
  return out;
}

function hyphenate(line: string, word: string, fits: (s: string) => boolean): [string, string] | undefined {
  for (let cut = word.replace(/[.,;:]$/, '').length - 3; cut >= 3; cut--) {
    if (fits(`${line} ${word.slice(0, cut)}-`)) return [word.slice(0, cut), word.slice(cut)];
  }
  return undefined;
}

/**
 * Lay out a brief the way IOM's 2023 template does, to test reading order on a two-column PDF
 * without committing binary fixtures. The source says where each part goes:
 *
 *   === page        a new page (after the first, it starts with the running header)
 *   === full        full-width lines (a tab right-aligns what follows it: "TITLE\t[date]")
 *   === columns     two columns, side by side, on aligned baselines
 *   --- left / --- right   the column the following lines go to
 *
 * Lines are paragraphs, wrapped to the column (long words hyphenated); a blank line adds space;
 * "# " draws a line in bold and larger; "Label:\tvalue" draws the label in italics and the value
 * at a tab stop, wrapped under itself, as the template's label table (no space between them).
 */
export async function briefToColumnsPdf(source: string, options: { header?: string; footer?: string } = {}): Promise<Uint8Array> {
  const [width, height] = [595, 842];
  const margin = 40;
  const gutter = 24;
  const column = (width - 2 * margin - gutter) / 2;
  const doc = await PDFDocument.create();
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const size = 10;
  const leading = size * 1.35;
  const tabStop = 90;
  let page = doc.addPage([width, height]);
  let top = height - margin;
  let mode: 'full' | 'columns' = 'full';
  let side: 'left' | 'right' = 'left';
  const cursor = { left: top, right: top, full: top };
  const pages = [page];

  /** Draw one source line at x within `w`, from y down; returns the y below it. */
  const draw = (line: string, x: number, y: number, w: number): number => {
    if (!line.trim()) return y - leading * 0.9;
    if (line.startsWith('# ')) {
      for (const l of layout(line.slice(2), fonts.bold, size + 3, w)) {
        if (l === null) continue;
        page.drawText(l, { x, y, size: size + 3, font: fonts.bold });
        y -= (size + 3) * 1.3;
      }
      return y;
    }
    const tab = line.indexOf('\t');
    if (tab >= 0 && mode === 'full') {
      const right = line.slice(tab + 1);
      page.drawText(line.slice(0, tab), { x, y, size: size + 4, font: fonts.bold });
      page.drawText(right, { x: x + w - fonts.regular.widthOfTextAtSize(right, size + 2), y, size: size + 2, font: fonts.regular });
      return y - (size + 4) * 1.4;
    }
    if (tab >= 0) {
      const label = line.slice(0, tab);
      const stop = Math.max(tabStop, fonts.italic.widthOfTextAtSize(label, size) + 8);
      page.drawText(label, { x, y, size, font: fonts.italic });
      for (const l of layout(line.slice(tab + 1), fonts.regular, size, w - stop)) {
        if (l === null) continue;
        page.drawText(l, { x: x + stop, y, size, font: fonts.regular });
        y -= leading;
      }
      return y - leading * 0.4;
    }
    for (const l of layout(line, fonts.regular, size, w)) {
      if (l === null) continue;
      page.drawText(l, { x, y, size, font: fonts.regular });
      y -= leading;
    }
    return y;
  };

  for (const line of source.replace(/\r/g, '').split('\n')) {
    if (line === '=== page') {
      if (pages.length > 1 || cursor.full < height - margin || cursor.left < height - margin) {
        page = doc.addPage([width, height]);
        pages.push(page);
        top = height - margin;
        if (options.header) {
          page.drawText(options.header, { x: margin, y: top, size: size - 1, font: fonts.bold });
          top -= 2.5 * leading;
        }
        cursor.left = cursor.right = cursor.full = top;
      }
      continue;
    }
    if (line === '=== full' || line === '=== columns') {
      const below = Math.min(cursor.full, cursor.left, cursor.right) - (mode === 'columns' ? leading : 0);
      mode = line === '=== full' ? 'full' : 'columns';
      side = 'left';
      cursor.full = cursor.left = cursor.right = below;
      continue;
    }
    if (line === '--- left' || line === '--- right') {
      side = line === '--- left' ? 'left' : 'right';
      continue;
    }
    if (mode === 'full') cursor.full = draw(line, margin, cursor.full, width - 2 * margin);
    else cursor[side] = draw(line, side === 'left' ? margin : margin + column + gutter, cursor[side], column);
    if (Math.min(cursor.full, cursor.left, cursor.right) < margin + 2 * leading) throw new Error(`the fixture overflows page ${pages.length} at "${line.slice(0, 40)}"`);
  }
  pages.forEach((p, i) => {
    const footer = `${options.footer ? `${options.footer}    ` : ''}Page ${i + 1} of ${pages.length}`;
    p.drawText(footer, { x: (width - fonts.regular.widthOfTextAtSize(footer, size - 2)) / 2, y: margin / 2, size: size - 2, font: fonts.regular });
  });
  return doc.save();
}
