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
