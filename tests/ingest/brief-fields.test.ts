/** The readers for values briefs write in many ways, and the text clean-up before parsing. */
import { describe, expect, it } from 'vitest';
import { parseDate, parseMoney, parsePeriod, parseRating, recase, splitList } from '../../src/ingest/brief/fields.js';
import { normaliseBrief } from '../../src/ingest/brief/normalise.js';
import { findMentions, guessKind, relationBetween } from '../../src/ingest/brief/organizations.js';

describe('dates', () => {
  it('reads a day, month and year in the ways briefs write them', () => {
    for (const text of ['20 May 2021', '20th May 2021', 'May 20, 2021', '2021-05-20', '20 May, 2021']) expect(parseDate(text), text).toEqual({ iso: '2021-05-20' });
  });

  it('reads a month without a day as its first (or, for an end date, last) day, with a note', () => {
    expect(parseDate('May 2021')).toEqual({ iso: '2021-05-01', note: '"May 2021" gives no day; recorded as 2021-05-01 (the first day of the month)' });
    expect(parseDate('February 2024', true)?.iso).toBe('2024-02-29');
  });

  it('refuses what is not a calendar date', () => {
    for (const text of ['31 February 2021', '2021-13-01', 'Spring 2021', 'soon']) expect(parseDate(text), text).toBeUndefined();
  });

  it('reads periods with "to", "until" and dashes', () => {
    expect(parsePeriod('1 November 2016 to 31 October 2018')).toEqual({ start: { iso: '2016-11-01' }, end: { iso: '2018-10-31' } });
    expect(parsePeriod('From 2019-01-15 until 2020-12-31')).toEqual({ start: { iso: '2019-01-15' }, end: { iso: '2020-12-31' } });
    expect(parsePeriod('May 2018 \u2013 April 2020')?.end?.iso).toBe('2020-04-30');
  });
});

describe('money', () => {
  it('reads amounts with codes, symbols, separators and multipliers', () => {
    const cases: [string, number, string][] = [
      ['USD 100,000', 100_000, 'USD'],
      ['US$ 1.2 million', 1_200_000, 'USD'],
      ['$250,000', 250_000, 'USD'],
      ['EUR 50 000', 50_000, 'EUR'],
      ['100,000 USD', 100_000, 'USD'],
      ['USD 300,000 (including two cost extensions)', 300_000, 'USD'],
    ];
    for (const [text, amount, currency] of cases) expect(parseMoney(text), text).toEqual({ amount, currency });
  });

  it('refuses what is not an amount', () => {
    for (const text of ['about a hundred thousand dollars', 'USD', 'USD 1.2 gazillion']) expect(parseMoney(text), text).toBeUndefined();
  });
});

describe('ratings', () => {
  it('reads the notations briefs use', () => {
    const cases: [string, number, string][] = [
      ['rating: Very Good - 4', 4, 'Very Good'],
      ['rating: Good- 3', 3, 'Good'],
      ['Rating: 3 (Good)', 3, 'Good'],
      ['Good (3)', 3, 'Good'],
      ['3 - good', 3, 'Good'],
    ];
    for (const [text, score, label] of cases) expect(parseRating(text), text).toEqual({ score, label, scaleMax: undefined });
    expect(parseRating('4/5')).toEqual({ score: 4, scaleMax: 5, label: undefined });
  });

  it('reads no score where there is none', () => {
    expect(parseRating('not rated')).toBeUndefined();
    expect(parseRating('Good')).toEqual({ label: 'Good' });
  });
});

describe('lists and headings', () => {
  it('splits prose lists on commas, a final "and", or semicolons, never inside parentheses', () => {
    expect(splitList('Relevance, effectiveness, efficiency, impact, and sustainability.')).toEqual(['Relevance', 'effectiveness', 'efficiency', 'impact', 'sustainability']);
    expect(splitList('Document review and semi-structured interviews (conducted remotely, in pairs).')).toEqual(['Document review', 'semi-structured interviews (conducted remotely, in pairs)']);
    expect(splitList('Desk review; interviews with staff, partners and donors; a survey')).toEqual(['Desk review', 'interviews with staff, partners and donors', 'a survey']);
  });

  it('recases headings in capitals, keeping acronyms the text uses', () => {
    const keep = new Set(['IOM']);
    expect(recase('STRENGTHENING IOM SUPPORT TO CROSS-BORDER MOBILITY IN THE ANDES', 'title', keep)).toBe('Strengthening IOM Support to Cross-Border Mobility in the Andes');
    expect(recase('EX-POST EVALUATION OF THE PROJECT', 'sentence', keep)).toBe('Ex-post evaluation of the project');
  });
});

describe('text clean-up', () => {
  it('normalises line endings, spaces and quotes, keeping line numbers', () => {
    const { lines, warnings } = normaliseBrief('A\r\nB\u00a0\u00a0C\r\n\u201cD\u201d \u2019s\n');
    expect(lines.map((l) => [l.line, l.text])).toEqual([[1, 'A'], [2, 'B C'], [3, '"D" \'s'], [4, '']]);
    expect(warnings[0]!.message).toBe('text normalised: 2 CR line ending(s), 2 non-breaking or special space(s), 3 curly quote(s) straightened');
  });

  it('removes page numbers and running headers, and joins a paragraph across the page break', () => {
    const text = ['Brief header', 'first line of a para-', 'graph that goes on', '', '3', '', 'Brief header', 'over the page.', 'Page 4 of 9'].join('\n');
    const { lines } = normaliseBrief(text);
    const kept = lines.filter((l) => l.text);
    expect(kept.map((l) => l.text)).toEqual(['first line of a paragraph that goes on', 'over the page.']);
    expect(kept[0]).toMatchObject({ line: 2, endLine: 3 });
    expect(kept[1]).toMatchObject({ line: 8, afterPageBreak: true });
  });

  it('keeps the hyphen of compounds split at their hyphen', () => {
    const { lines } = normaliseBrief('semi-\nstructured interviews and a follow-\nup, then an assess-\nment of the cross-\nborder area');
    expect(lines.map((l) => l.text).join(' ')).toBe('semi-structured interviews and a follow-up, then an assessment of the cross-border area');
  });
});

describe('organisations in prose', () => {
  it('reads English, local names and acronyms, and how bodies relate', () => {
    const text = 'designed with the Social and Economic Policy Analysis Unit (Unidad de Políticas Sociales y Económicas - UDAPE), a decentralized unit linked to the Ministry of Development Planning (MPD), and the Ministerio de Trabajo (Ministry of Labour).';
    const mentions = findMentions(text);
    expect(mentions.map((m) => m.org)).toEqual([
      { name: 'Social and Economic Policy Analysis Unit', localName: 'Unidad de Políticas Sociales y Económicas', acronym: 'UDAPE' },
      { name: 'Ministry of Development Planning', acronym: 'MPD' },
      { name: 'Ministry of Labour', localName: 'Ministerio de Trabajo' },
    ]);
    expect(relationBetween(text.slice(mentions[0]!.end, mentions[1]!.start), mentions[0]!.org)).toBe('decentralized unit linked to');
    expect(relationBetween(text.slice(mentions[1]!.end, mentions[2]!.start), mentions[1]!.org)).toBeUndefined();
    expect(findMentions('in the Plurinational State of Bolivia (here forth referred to as Bolivia) and (1) a study')).toEqual([]);
  });

  it('guesses what kind of body a name describes', () => {
    const cases: [string, string][] = [
      ['Ministry of Development Planning', 'MINISTRY'],
      ['National Institute of Statistics', 'STATISTICS_OFFICE'],
      ['Higher University of San Andrés', 'UNIVERSITY'],
      ['Sociological Research Institute', 'RESEARCH_INSTITUTE'],
      ['IOM Development Fund', 'DONOR_FUND'],
      ['Social and Economic Policy Analysis Unit', 'GOVERNMENT_AGENCY'],
      ['Lantern Evaluation Consultants', 'EVALUATION_FIRM'],
      ['Friends of the Earth', 'OTHER'],
    ];
    for (const [name, kind] of cases) expect(guessKind(name), name).toBe(kind);
  });
});
