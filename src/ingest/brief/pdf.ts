/**
 * Text out of a PDF brief, with pdfjs-dist (Mozilla's PDF.js; the 4.x line runs on Node 20).
 *
 * Lines come from the text items' end-of-line marks; a vertical gap clearly larger than the
 * page's usual line spacing becomes a blank line (a paragraph break), and pages are separated
 * by a form feed. Page headers, page numbers and hyphenation are left in: the brief parser
 * removes them the same way for PDFs and for text copied out of one.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { BriefParseError, MAX_PDF_BYTES } from './errors.js';

const require = createRequire(import.meta.url);

export interface PdfText {
  readonly text: string;
  readonly pages: number;
}

interface TextItem {
  readonly str: string;
  readonly hasEOL: boolean;
  readonly transform: readonly number[];
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
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.filter((item): item is typeof item & TextItem => 'str' in item)));
      page.cleanup();
    }
    const text = pages.join('\n\f');
    if (!text.replace(/\s+/g, '')) {
      throw new BriefParseError('UNREADABLE_PDF', `the PDF has ${doc.numPages} page(s) but no text (a scanned document needs OCR first)`);
    }
    return { text, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** One page's lines, with a blank line where the vertical gap says a paragraph ends. */
function pageText(items: readonly TextItem[]): string {
  const lines: { text: string; y: number; height: number }[] = [];
  let current = '';
  let y: number | undefined;
  let height = 0;
  const endLine = () => {
    if (current.trim() && y !== undefined) lines.push({ text: current.trim(), y, height });
    current = '';
    y = undefined;
    height = 0;
  };
  for (const item of items) {
    if (item.str) {
      const itemY = item.transform[5] ?? 0;
      // A new baseline without an end-of-line mark still starts a new line.
      if (y !== undefined && Math.abs(itemY - y) > Math.max(2, item.height / 2)) endLine();
      if (y === undefined) y = itemY;
      current += item.str;
      height = Math.max(height, item.height);
    }
    if (item.hasEOL) endLine();
  }
  endLine();

  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0);
  const usual = median(gaps) ?? 0;
  const out: string[] = [];
  lines.forEach((line, i) => {
    const gap = i > 0 ? lines[i - 1]!.y - line.y : 0;
    if (i > 0 && usual > 0 && (gap > usual * 1.4 || gap < 0)) out.push('');
    out.push(line.text);
  });
  return out.join('\n');
}

function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
