/**
 * Text out of a PDF brief, with pdfjs-dist (Mozilla's PDF.js; the 4.x line runs on Node 20).
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
import { BriefParseError, MAX_PDF_BYTES } from './errors.js';
import { pageText, type PositionedItem } from './pdfLayout.js';

const require = createRequire(import.meta.url);

export interface PdfText {
  readonly text: string;
  readonly pages: number;
  /** What could not be read as running text (rotated text, say), for the extraction report. */
  readonly notes: readonly string[];
}

interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** True when the bytes start like a PDF file ("%PDF-" within the first kilobyte). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  if (bytes.length > MAX_PDF_BYTES) {
    throw new BriefParseError('TOO_LARGE', `the PDF has ${(bytes.length / (1024 * 1024)).toFixed(1)} MB; at most ${MAX_PDF_BYTES / (1024 * 1024)} MB is accepted`);
  }
  if (!looksLikePdf(bytes)) throw new BriefParseError('UNREADABLE_PDF', 'the file is not a PDF (it does not start with "%PDF-")');
  // Loaded on first use: the API server and text imports never pay for it.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}${path.sep}`;
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
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
    const pages: string[] = [];
    const notes: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is typeof item & TextItem => 'str' in item);
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
      throw new BriefParseError('UNREADABLE_PDF', `the PDF has ${doc.numPages} page(s) but no text (a scanned document needs OCR first)`);
    }
    return { text, pages: doc.numPages, notes };
  } finally {
    await doc.destroy();
  }
}

function positioned(item: TextItem): PositionedItem {
  const [a = 1, , , d = 1, x = 0, y = 0] = item.transform;
  return { str: item.str, x, y, width: item.width, height: item.height || Math.abs(d) || Math.abs(a) };
}
