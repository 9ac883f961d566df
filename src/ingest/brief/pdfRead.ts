/**
 * The reading itself, run inside the PDF worker thread (pdfWorker.mjs, started by pdf.ts):
 * pdf.js on the bytes, a page at a time, within the page and text budgets. The memory and time
 * budgets are kept from outside the thread, where a runaway reading cannot get in the way.
 *
 * Each page is read in reading order from the positions of its text items (pdfLayout.ts): one
 * column or two, per region of the page, never two columns interleaved line by line. A
 * vertical gap clearly larger than the page's usual line spacing becomes a blank line (a
 * paragraph break); columns are separated by a vertical tab and pages by a form feed. Page headers, page
 * numbers and hyphenation are left in: the brief parser removes them the same way for PDFs and
 * for text copied out of one.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { BriefParseError } from './errors.js';
import { pageText, type PositionedItem } from './pdfLayout.js';

const require = createRequire(import.meta.url);

export interface PdfText {
  readonly text: string;
  readonly pages: number;
  /** What could not be read as running text (rotated text, say), for the extraction report. */
  readonly notes: readonly string[];
}

/** The budgets kept inside the worker. */
export interface ReadBudgets {
  /** At most this many pages: a longer PDF is refused before any page is read. */
  readonly maxPages: number;
  /** At most this many characters of text: the reading stops as soon as there are more. */
  readonly maxChars: number;
}

/** Told before each page is read (for the error if a budget kept outside stops the reading). */
export type OnPage = (page: number, pages: number) => void;

interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** pdf.js, as the worker loads it (natively: through tsx it would take twice the memory and time). */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export async function readPdf(pdfjs: PdfJs, bytes: Uint8Array, budgets: ReadBudgets, onPage: OnPage = () => {}): Promise<PdfText> {
  const standardFontDataUrl = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}${path.sep}`;
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given.
    data: bytes,
    standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw new BriefParseError('UNREADABLE_PDF', `the PDF cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const pageCount = doc.numPages;
    if (pageCount > budgets.maxPages) {
      throw new BriefParseError('TOO_LARGE', `the PDF has ${count(pageCount)} pages; at most ${count(budgets.maxPages)} are read (the page budget; an evaluation brief is a few pages), so none was read`);
    }
    const pages: string[] = [];
    const notes: string[] = [];
    let chars = 0;
    for (let n = 1; n <= pageCount; n++) {
      onPage(n, pageCount);
      const page = await doc.getPage(n);
      // The text comes in chunks as pdf.js parses the page: stop (and cancel the parsing) as
      // soon as the text budget is exceeded, rather than after a page of millions of items.
      const items: TextItem[] = [];
      const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{ items: object[] }>;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        for (const item of chunk.value.items) {
          if (!('str' in item)) continue;
          items.push(item as TextItem);
          chars += (item as TextItem).str.length;
        }
        if (chars > budgets.maxChars) {
          await reader.cancel(new Error('over the text budget'));
          throw new BriefParseError(
            'TOO_LARGE',
            `the PDF has more than ${count(budgets.maxChars)} characters (${formatChars(budgets.maxChars)}) of text (the text budget; an evaluation brief is a few pages): ${count(chars)} by page ${n} of ${pageCount}, and the reading was stopped`,
          );
        }
      }
      // Italics are often a slant (a shear of the text matrix); rotated text turns its baseline.
      const isUpright = (i: TextItem) => Math.abs(i.transform[1] ?? 0) <= 0.05 * Math.abs(i.transform[0] ?? 1);
      const upright = items.filter(isUpright);
      const turned = items.filter((i) => !isUpright(i) && i.str.trim());
      if (turned.length) notes.push(`page ${n}: ${turned.length} piece(s) of rotated text left out ("${turned.map((i) => i.str).join(' ').slice(0, 60)}")`);
      pages.push(pageText(upright.map(positioned)));
      page.cleanup();
    }
    const text = pages.join('\n\f');
    if (!text.replace(/\s+/g, '')) {
      throw new BriefParseError('UNREADABLE_PDF', `the PDF has ${pageCount} page(s) but no text (a scanned document needs OCR first)`);
    }
    return { text, pages: pageCount, notes };
  } finally {
    await doc.destroy();
  }
}

function positioned(item: TextItem): PositionedItem {
  const [a = 1, , , d = 1, x = 0, y = 0] = item.transform;
  return { str: item.str, x, y, width: item.width, height: item.height || Math.abs(d) || Math.abs(a) };
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** Characters the way the brief parser counts them (MAX_BRIEF_CHARS: "5.0 MB of text"). */
function formatChars(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}
