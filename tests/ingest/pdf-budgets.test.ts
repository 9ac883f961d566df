/**
 * Reading a PDF brief has budgets of bytes, pages, text, memory and time (errors.ts, pdf.ts):
 * a PDF built to exhaust its reader (a 1 MB stream that inflates to 1 GiB, a hundred thousand
 * pages, a long document read against a short clock) is refused with a BriefParseError naming
 * the budget, its limit and how far the PDF went, without taking the process's memory or event
 * loop with it, and a real brief still reads as before. The hostile PDFs are written by hand
 * (tests/helpers/hostilePdf.ts).
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefParseError, MAX_BRIEF_CHARS } from '../../src/ingest/brief/errors.js';
import { pdfToText } from '../../src/ingest/brief/pdf.js';
import { readPdf } from '../../src/ingest/brief/pdfRead.js';
import { readInputFile } from '../../src/ingest/inputFiles.js';
import { removeDir, tempDir } from '../helpers/api.js';
import { briefFixtures, fixturePdf } from '../helpers/briefFixtures.js';
import { arrayBombPdf, bombPdf, manyPagesPdf, textPagesPdf } from '../helpers/hostilePdf.js';

const MB = 1024 * 1024;
let dir: string;
/** One page whose content stream is 1 MB deflated and 1 GiB inflated. */
let bomb: Buffer;
/** A brief laid out as a PDF of a few pages. */
let brief: Uint8Array;

beforeAll(async () => {
  dir = await tempDir('meg-pdf-budgets-');
  bomb = await bombPdf();
  brief = await fixturePdf(briefFixtures().find((f) => f.pdf && !f.columns)!);
}, 60_000);
afterAll(async () => removeDir(dir));

/** What a call did to the process while it ran: its time, the peak growth of resident memory, the longest wait of a 10 ms timer. */
async function watched<T>(run: () => Promise<T>): Promise<{ outcome: T | unknown; ms: number; rssGrowthMb: number; maxTickGapMs: number }> {
  const rss = process.memoryUsage.rss();
  let peak = rss;
  let last = performance.now();
  let maxTickGapMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxTickGapMs = Math.max(maxTickGapMs, now - last);
    last = now;
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const started = performance.now();
  const outcome = await run().catch((error: unknown) => error);
  const ms = performance.now() - started;
  clearInterval(ticker);
  // The wait since the last tick counts too: a timer held up for the whole call never ticks.
  maxTickGapMs = Math.max(maxTickGapMs, performance.now() - last);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { outcome, ms, rssGrowthMb: (peak - rss) / MB, maxTickGapMs };
}

function expectRefusal(outcome: unknown, code: BriefParseError['code']): BriefParseError {
  expect(outcome).toBeInstanceOf(BriefParseError);
  expect((outcome as BriefParseError).code, (outcome as Error).message).toBe(code);
  return outcome as BriefParseError;
}

/** Threads of this process (worker threads are threads of it). */
function threads(): number {
  return Number(/^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
}

describe('a PDF built to exhaust its reader', () => {
  it('importing a 1 MB PDF that inflates to 1 GiB is refused by the memory budget in seconds, and the process stays well under a gigabyte', async () => {
    expect(bomb.length).toBeLessThan(1.1 * MB);
    const file = path.join(dir, 'bomb.pdf');
    await writeFile(file, bomb);

    const { outcome, ms, rssGrowthMb } = await watched(() => readInputFile(file));
    console.log(`decompression bomb: refused in ${ms.toFixed(0)} ms, the process grew by at most ${rssGrowthMb.toFixed(0)} MB: ${(outcome as Error).message}`);
    const error = expectRefusal(outcome, 'TOO_COSTLY');
    expect(error.message).toMatch(/^the PDF needs more than 512 MB of memory to read \(the memory budget\): the process had grown by \d+ MB on page 1 of 1, and the reading was stopped$/);
    // Stopped by memory long before the time budget (30 s); before the change, 1.9 GB and "needs OCR".
    expect(ms).toBeLessThan(20_000);
    expect(rssGrowthMb).toBeLessThan(800);
  }, 60_000);

  it('a lower memory budget for a call stops the same PDF sooner', async () => {
    const { outcome, rssGrowthMb } = await watched(() => pdfToText(bomb, { memoryMb: 64 }));
    const error = expectRefusal(outcome, 'TOO_COSTLY');
    expect(error.message).toMatch(/^the PDF needs more than 64 MB of memory to read \(the memory budget\): /);
    expect(rssGrowthMb).toBeLessThan(300);
  }, 60_000);

  it('a 100 KB PDF whose page is one array of 50 million numbers (parsed into the heap at once) is refused by the memory budget', async () => {
    const pdf = await arrayBombPdf();
    expect(pdf.length).toBeLessThan(200 * 1024);
    const { outcome, ms, rssGrowthMb } = await watched(() => pdfToText(pdf));
    console.log(`array bomb: refused in ${ms.toFixed(0)} ms, the process grew by at most ${rssGrowthMb.toFixed(0)} MB: ${(outcome as Error).message}`);
    const error = expectRefusal(outcome, 'TOO_COSTLY');
    expect(error.message).toMatch(/^the PDF needs more than 512 MB of memory to read \(the memory budget\): (the process had grown by \d+ MB|the heap of its reader ran out) on page 1 of 1, and the reading was stopped$/);
    expect(rssGrowthMb).toBeLessThan(800);
  }, 60_000);

  it('while the bomb is read, the event loop keeps turning: a 10 ms timer is never held up for long', async () => {
    const { outcome, maxTickGapMs } = await watched(() => pdfToText(bomb));
    console.log(`decompression bomb: the longest wait of a 10 ms timer while it was read was ${maxTickGapMs.toFixed(0)} ms`);
    // Read in this thread, the bomb holds every timer for the whole reading (about 8 s); read in
    // its own thread, a timer waits a few milliseconds, up to a couple of hundred when the
    // machine is busy with other tests.
    expect(maxTickGapMs).toBeLessThan(500);
    expectRefusal(outcome, 'TOO_COSTLY');
  }, 60_000);

  it('importing a 16 MB PDF of 100,000 pages is refused at once by the page budget', async () => {
    const pdf = manyPagesPdf(100_000);
    const file = path.join(dir, 'pages.pdf');
    await writeFile(file, pdf);

    const { outcome, ms } = await watched(() => readInputFile(file));
    console.log(`100,000 pages (${(pdf.length / MB).toFixed(1)} MB): refused in ${ms.toFixed(0)} ms: ${(outcome as Error).message}`);
    const error = expectRefusal(outcome, 'TOO_LARGE');
    expect(error.message).toBe('the PDF has 100,000 pages; at most 300 are read (the page budget; an evaluation brief is a few pages), so none was read');
    expect(ms).toBeLessThan(15_000);
  }, 90_000);

  it('a long document read against a short clock is stopped by the time budget, saying which page it was on', async () => {
    // 3,000 pages of 50 lines: about 20 s of reading, more than the budget given here.
    const pdf = textPagesPdf(3000);
    const generous = { maxPages: 3000, maxChars: 100 * MAX_BRIEF_CHARS };

    const { outcome, ms } = await watched(() => pdfToText(pdf, { ...generous, timeMs: 4000 }));
    const error = expectRefusal(outcome, 'TOO_COSTLY');
    expect(error.message).toMatch(/^the PDF took longer than 4 s to read \(the time budget\): still reading on page [\d,]+ of 3,000, and the reading was stopped$/);
    expect(Number(/on page ([\d,]+)/.exec(error.message)![1]!.replace(/,/g, ''))).toBeGreaterThan(1);
    expect(ms).toBeGreaterThanOrEqual(4000);
    expect(ms).toBeLessThan(8000);

    // A budget shorter than starting the reader: stopped before the first page.
    const early = expectRefusal(await pdfToText(pdf, { ...generous, timeMs: 50 }).catch((e: unknown) => e), 'TOO_COSTLY');
    expect(early.message).toBe('the PDF took longer than 0.05 s to read (the time budget): still opening it, and the reading was stopped');
  }, 60_000);

  it('a brief with more text than the text budget given is stopped as soon as the text passes it', async () => {
    const error = expectRefusal(await pdfToText(brief, { maxChars: 1000 }).catch((e: unknown) => e), 'TOO_LARGE');
    expect(error.message).toMatch(/^the PDF has more than 1,000 characters \(1 KB\) of text \(the text budget; an evaluation brief is a few pages\): [\d,]+ by page 1 of \d+, and the reading was stopped$/);
  });

  it('importing a PDF of more than 50 MB is refused before it is read', async () => {
    const file = path.join(dir, 'large.pdf');
    await writeFile(file, Buffer.concat([brief, Buffer.alloc(51 * MB - brief.length, 0x20)]));
    const error = expectRefusal(await readInputFile(file).catch((e: unknown) => e), 'TOO_LARGE');
    expect(error.message).toBe('the PDF has 51.0 MB; at most 50 MB is accepted (the size budget)');
  });
});

describe('a real brief', () => {
  it('reads to the same text as before, and its reader is gone once it has', async () => {
    // The same reading, in this thread and without the budgets kept outside it.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const inThread = await readPdf(pdfjs, new Uint8Array(brief), { maxPages: Infinity, maxChars: Infinity });

    expect(await pdfToText(brief)).toEqual(inThread);
    // Once more, counting the process's threads: one more while it reads, as many as before once it has.
    const before = threads();
    let most = before;
    const counter = setInterval(() => (most = Math.max(most, threads())), 5);
    const again = await pdfToText(brief);
    clearInterval(counter);
    expect(again).toEqual(inThread);
    expect(most).toBeGreaterThan(before);
    expect(threads()).toBe(before);
  });
});
