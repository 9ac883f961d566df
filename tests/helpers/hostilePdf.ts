/**
 * PDFs written by hand, object by object, with a correct cross-reference table: the hostile
 * ones a PDF library would refuse to make (a 1 MB stream that inflates to 1 GiB, a hundred
 * thousand pages) and plain ones of many pages of text.
 */
import { constants, createDeflate } from 'node:zlib';

/** One indirect object's body (what goes between "N 0 obj" and "endobj"). */
type PdfObject = string | Buffer;

/**
 * A PDF file of these objects, numbered from 1 in order; object 1 is the document catalog.
 * The offsets of the cross-reference table are those of the bytes written.
 */
export function pdfFile(objects: readonly PdfObject[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    for (const part of [Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]) {
      parts.push(part);
      length += part.length;
    }
  });
  // Each cross-reference entry is exactly 20 bytes: 10 digits, a space, 5 digits, a space, n or f, CR LF.
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f\r', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r`)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object: its dictionary entries (without /Length) and its bytes. */
export function stream(entries: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${entries} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/** A page's content stream showing these lines of text in Helvetica, 14 points apart from the top. */
export function textContent(lines: readonly string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  return Buffer.from(`BT /F1 11 Tf 14 TL 50 800 Td\n${lines.map((l) => `(${escape(l)}) '`).join('\n')}\nET`, 'latin1');
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/**
 * A PDF of `pages` pages, each with the content stream of the given index (objects: 1 catalog,
 * 2 pages, 3 font, 4.. the contents, then the pages).
 */
function pagesPdf(pages: number, contents: readonly Buffer[], contentOf: (page: number) => number): Buffer {
  const firstPage = 4 + contents.length;
  const kids = Array.from({ length: pages }, (_, i) => `${firstPage + i} 0 R`).join(' ');
  const page = (i: number) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${4 + contentOf(i)} 0 R >>`;
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`,
    FONT,
    ...contents,
    ...Array.from({ length: pages }, (_, i) => page(i)),
  ]);
}

/** A PDF of `pages` pages that really are there (a page object each), all showing one short content stream. */
export function manyPagesPdf(pages: number): Buffer {
  return pagesPdf(pages, [stream('', textContent(['A page of a very long document.']))], () => 0);
}

/** A PDF of `pages` pages of `linesPerPage` lines of text each, different on every page. */
export function textPagesPdf(pages: number, linesPerPage = 50): Buffer {
  const contents = Array.from({ length: pages }, (_, p) =>
    stream('', textContent(Array.from({ length: linesPerPage }, (_, l) => `Page ${p + 1}, line ${l + 1}: the project strengthened the capacity of the border authorities.`))),
  );
  return pagesPdf(pages, contents, (i) => i);
}

/**
 * Deflate `prefix`, then `size` bytes repeating `unit`, then `suffix`, without holding them: a
 * 1 GiB run of zeros becomes about 1 MB. The run is fed a chunk at a time to a streaming
 * compressor, so the test process never holds more than a chunk of it.
 */
export async function deflatedRun(size: number, unit = '\0', prefix = '', suffix = ''): Promise<Buffer> {
  const chunk = Buffer.from(unit.repeat(Math.ceil(Math.min(size, 1024 * 1024) / unit.length)), 'latin1');
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const write = async (data: Buffer) => {
    if (!deflate.write(data)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(prefix, 'latin1'));
  for (let written = 0; written < size; written += chunk.length) {
    const n = Math.min(chunk.length, size - written);
    await write(n === chunk.length ? chunk : chunk.subarray(0, n));
  }
  await write(Buffer.from(suffix, 'latin1'));
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A PDF of one page whose content stream is this deflated stream. */
function onePagePdf(deflated: Buffer): Buffer {
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [4 0 R] >>',
    FONT,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    stream('/Filter /FlateDecode', deflated),
  ]);
}

/**
 * A decompression bomb: one page whose content stream is `inflated` bytes (1 GiB by default) of
 * zeros, deflated (to about a thousandth of that). Getting the page's text makes pdf.js inflate
 * the whole stream.
 */
export async function bombPdf(inflated = 1024 ** 3): Promise<Buffer> {
  return onePagePdf(await deflatedRun(inflated));
}

/**
 * A bomb of another kind: one page whose content stream (deflated to about 100 KB) shows a
 * single array of `numbers` zeros (50 million by default), which pdf.js parses as one operand,
 * all at once, into its heap.
 */
export async function arrayBombPdf(numbers = 50_000_000): Promise<Buffer> {
  return onePagePdf(await deflatedRun(2 * numbers, '0 ', 'BT /F1 11 Tf 50 800 Td [', '] TJ ET'));
}
