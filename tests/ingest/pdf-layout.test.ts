/**
 * Reading order of PDF pages from text positions (pdfLayout.ts), on pages described item by
 * item: columns are read one after the other, never interleaved line by line, whatever the
 * baselines; a label and its value stay on one line; a full-width header, a panel inside a
 * column and a gutter that moves between regions keep their order.
 */
import { describe, expect, it } from 'vitest';
import { pageText, type PositionedItem } from '../../src/ingest/brief/pdfLayout.js';

const SIZE = 10;
/** An item per word-run: text at (x, y), as wide as 5 points a character. */
const at = (str: string, x: number, y: number, size = SIZE): PositionedItem => ({ str, x, y, width: str.length * 5 * (size / SIZE), height: size });
const lines = (text: string) => text.split('\n');

describe('the reading order of a page', () => {
  it('reads two columns with aligned baselines column by column, under a full-width header', () => {
    const items = [at('A FULL WIDTH TITLE OVER BOTH COLUMNS OF THE PAGE', 40, 800, 14)];
    for (let i = 0; i < 6; i++) {
      items.push(at(`left line ${i} of the first column`, 40, 760 - 14 * i));
      items.push(at(`right line ${i} of the second column`, 320, 760 - 14 * i));
    }
    const text = pageText(items);
    expect(lines(text)).toEqual([
      'A FULL WIDTH TITLE OVER BOTH COLUMNS OF THE PAGE',
      '',
      ...[0, 1, 2, 3, 4, 5].map((i) => `left line ${i} of the first column`),
      '\vright line 0 of the second column',
      ...[1, 2, 3, 4, 5].map((i) => `right line ${i} of the second column`),
    ]);
  });

  it('keeps a label and its value on one line across a tab, in a column beside text', () => {
    const items = [
      at('Evaluation type:', 40, 700), at(' ', 120, 700), at('Final evaluation', 150, 700),
      at('Donor:', 40, 686), at(' ', 70, 686), at('A Fund', 150, 686),
      at('Evaluation purpose: to assess', 320, 705), at('the project and its results.', 320, 691),
    ];
    expect(lines(pageText(items))).toEqual(['Evaluation type: Final evaluation', 'Donor: A Fund', '\vEvaluation purpose: to assess', 'the project and its results.']);
  });

  it('reads a region above another when the gutter moves between them, and a panel inside the right column', () => {
    const items = [
      at('upper left one', 40, 700), at('upper left two', 40, 686),
      at('upper right one', 250, 703), at('upper right two', 250, 689),
      at('lower left one, a column wider than the one above', 40, 640), at('lower left two, a column wider than the one above', 40, 626), at('lower left three, goes on', 40, 612),
      at('Project information:', 300, 645), at('Budget: USD 1', 300, 631),
      at('in the right column', 300, 600), at('after the panel.', 300, 586),
    ];
    expect(lines(pageText(items))).toEqual([
      'upper left one', 'upper left two', '\vupper right one', 'upper right two', '',
      'lower left one, a column wider than the one above', 'lower left two, a column wider than the one above', 'lower left three, goes on',
      '\vProject information:', 'Budget: USD 1', '', 'in the right column', 'after the panel.',
    ]);
  });

  it('reads one column top-down, with a blank line between paragraphs, none inside a heading in large type', () => {
    const items = [
      at('A HEADING IN LARGE TYPE THAT', 40, 700, 16), at('WRAPS ONTO TWO LINES', 40, 680, 16),
      at('a paragraph line that fills the column', 40, 650), at('and goes on', 40, 636),
      at('a second paragraph after a gap', 40, 610),
    ];
    expect(lines(pageText(items))).toEqual(['A HEADING IN LARGE TYPE THAT', 'WRAPS ONTO TWO LINES', '', 'a paragraph line that fills the column', 'and goes on', '', 'a second paragraph after a gap']);
  });

  it('lays out a page of a thousand rows without searching for columns, in order', () => {
    const items = Array.from({ length: 1000 }, (_, i) => at(`row ${i}`, 40 + (i % 2) * 300, 10_000 - 12 * i));
    const started = performance.now();
    const text = pageText(items);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(lines(text).filter(Boolean)[999]).toBe('row 999');
  });
});
