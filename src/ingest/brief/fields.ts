/**
 * Readers for the values a brief writes in many ways and languages: dates ("20 May 2021",
 * "1er juin 2025", "1 de junio de 2025", "2021-05-20", "19-04-2023"), periods ("May 2018 -
 * April 2020", "du 25 mars au 15 avril 2025"), amounts of money ("US$ 1.2 million", "USD 3 000
 * 000", "EUR 64,7 millions") and ratings ("Good - 3", "Rating: 3 (Good)", "85 %"). Each returns
 * undefined (or a partial value with a note) rather than guessing silently.
 */
import { DATE_FILLERS, labelKey, MONTHS, PERIOD_JOINERS, PERIOD_OPENERS } from './labels.js';

export { capitalise, criterionOf, isAllCaps, parseCount, recase, splitList, withoutArticle } from './words.js';

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthOf(word: string): number | undefined {
  const w = labelKey(word).replace(/\.$/, '');
  return w.length >= 3 ? MONTHS[w] : undefined;
}

export interface ParsedDate {
  readonly iso: string;
  /** Set when the text gave no day and one was chosen, or the order of day and month was assumed. */
  readonly note?: string;
}

/** The day, month and year a date text gives (any of them may be missing). */
interface DateParts {
  day?: number;
  month?: number;
  year?: number;
  /** Day first in a numeric date whose day and month could be swapped ("04/05/2023"). */
  ambiguous?: boolean;
}

const FILLERS = new Set(DATE_FILLERS);

function dateParts(text: string): DateParts | undefined {
  const t = text
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/[.,;]$/, '')
    .replace(/(\d)(?:st|nd|rd|th|er|re|o|\u00ba)\b/gi, '$1')
    .trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return { day: a, month: b, year: Number(m[3]), ambiguous: a <= 12 && b <= 12 && a !== b };
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{1,2})[/.](\d{4})$/.exec(t); // 03/2019
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { year: Number(m[2]), month: Number(m[1]) };
  const tokens = t.split(/[\s,]+/).filter((w) => w && !FILLERS.has(w.toLowerCase()));
  if (!tokens.length || tokens.length > 3) return undefined;
  const parts: DateParts = {};
  for (const token of tokens) {
    if (/^\d{4}$/.test(token) && parts.year === undefined) parts.year = Number(token);
    else if (/^\d{1,2}$/.test(token) && parts.day === undefined && parts.year === undefined) parts.day = Number(token);
    else if (monthOf(token) !== undefined && parts.month === undefined && parts.year === undefined) parts.month = monthOf(token);
    else return undefined;
  }
  // A month must be named, and a day only comes with one.
  if (parts.month === undefined && (parts.day !== undefined || parts.year === undefined)) return undefined;
  return parts;
}

/** A date that is only a year is read as one only as the end of a period ("2020-2024"), never alone. */
const yearOnly = (parts: DateParts | undefined) => parts !== undefined && parts.month === undefined;

function toDate(parts: DateParts, text: string, end: boolean): ParsedDate | undefined {
  if (parts.year === undefined) return undefined;
  if (parts.month === undefined) {
    const iso = end ? `${parts.year}-12-31` : `${parts.year}-01-01`;
    return isoDate(parts.year, 1, 1) ? { iso, note: `"${text.trim()}" gives only the year; recorded as ${iso} (the ${end ? 'last' : 'first'} day of the year)` } : undefined;
  }
  if (parts.day !== undefined) {
    const iso = isoDate(parts.year, parts.month, parts.day);
    if (!iso) return undefined;
    return parts.ambiguous ? { iso, note: `"${text.trim()}" is read day first, as ${iso}` } : { iso };
  }
  const iso = isoDate(parts.year, parts.month, end ? daysIn(parts.year, parts.month) : 1);
  return iso ? { iso, note: `"${text.trim()}" gives no day; recorded as ${iso} (the ${end ? 'last' : 'first'} day of the month)` } : undefined;
}

/**
 * "20 May 2021", "May 20, 2021", "2021-05-20", "19-04-2023" (day first), "1er juin 2025",
 * "1 de junio de 2025", "May 2021" (the first of the month, or the last when `end` is set, with
 * a note).
 */
export function parseDate(text: string, end = false): ParsedDate | undefined {
  const parts = dateParts(text);
  return parts && !yearOnly(parts) ? toDate(parts, text, end) : undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OPENER = new RegExp(`^(?:${[...PERIOD_OPENERS].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s+`, 'i');
const JOINER = new RegExp(`\\s+(?:${[...new Set(PERIOD_JOINERS)].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s+|\\s+-\\s+|\\s*[\\u2013\\u2014]\\s*`, 'i');

/**
 * "1 November 2016 to 31 October 2018", "May 2018 - April 2020", "March 2017– September 2022",
 * "from 2019-01-15 until 2020-12-31", "du 25 mars au 15 avril 2025", "del 1 de marzo al 30 de
 * junio de 2021". A start without its year (or month) takes the end's.
 */
export function parsePeriod(text: string): { start?: ParsedDate; end?: ParsedDate } | undefined {
  // Also "36 months (January 2018 – December 2020)" and "January 2018 – December 2020 (36 months)".
  const inner = /\(([^()]{6,80})\)/.exec(text)?.[1];
  const reads = [text, inner, text.replace(/\s*\([^()]*\)\s*/g, ' ')].flatMap((t) => (t ? [readPeriod(t)] : []));
  return reads.find((r) => r?.start && r.end) ?? reads.find((r) => r !== undefined);
}

function readPeriod(text: string): { start?: ParsedDate; end?: ParsedDate } | undefined {
  const t = text.trim().replace(OPENER, '').replace(/\.$/, '');
  const parts = t.split(JOINER);
  if (parts.length !== 2) return undefined;
  const [first, second] = [parts[0]!.replace(OPENER, ''), parts[1]!.replace(/^(?:el|le)\s+/i, '')];
  const endParts = dateParts(second);
  let startParts = dateParts(first);
  if (!startParts && /^\d{1,2}$/.test(first.trim()) && endParts?.month !== undefined) startParts = { day: Number(first.trim()) };
  if (startParts && endParts) {
    if (startParts.year === undefined) startParts = { ...startParts, year: endParts.year };
    if (startParts.month === undefined && startParts.day !== undefined) startParts = { ...startParts, month: endParts.month };
  }
  const start = startParts ? toDate(startParts, first, false) : undefined;
  const end = endParts ? toDate(endParts, second, true) : undefined;
  return start || end ? { start, end } : undefined;
}

const CURRENCIES: Readonly<Record<string, string>> = {
  'us$': 'USD', 'usd$': 'USD', $: 'USD', '\u20ac': 'EUR', '\u00a3': 'GBP', chf: 'CHF',
  dollars: 'USD', 'us dollars': 'USD', 'dollars americains': 'USD', 'dollars des etats-unis': 'USD', dolares: 'USD', 'dolares estadounidenses': 'USD', 'dolares americanos': 'USD',
  euros: 'EUR', euro: 'EUR', 'francs suisses': 'CHF',
};
const MULTIPLIERS: Readonly<Record<string, number>> = {
  thousand: 1e3, k: 1e3, mil: 1e3, million: 1e6, millions: 1e6, millon: 1e6, millones: 1e6, milhao: 1e6, milhoes: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, milliard: 1e9, milliards: 1e9,
};
const NUMBER = String.raw`\d{1,3}(?:[ ,.']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const CURRENCY = String.raw`US\$|USD\$|[A-Z]{3}|\$|\u20ac|\u00a3|[A-Za-z\u00e0-\u00ff ]{4,24}`;

/** "1,200,000", "3 000 000", "1.200.000", "64.7", "78,6": the separator used once before 1-2 digits is a decimal one. */
export function parseNumber(text: string): number | undefined {
  const t = text.replace(/[\s']/g, '');
  if (!/^\d[\d.,]*$/.test(t)) return undefined;
  const commas = t.split(',').length - 1;
  const dots = t.split('.').length - 1;
  let decimal: ',' | '.' | undefined;
  if (commas && dots) decimal = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
  else if (commas === 1 || dots === 1) {
    const sep = commas ? ',' : '.';
    decimal = /^\d{3}$/.test(t.split(sep)[1]!) && !/^0/.test(t) ? undefined : sep;
  }
  const thousands = decimal === ',' ? '.' : decimal === '.' ? ',' : /[,.]/;
  const [whole, fraction] = decimal ? [t.slice(0, t.lastIndexOf(decimal)), t.slice(t.lastIndexOf(decimal) + 1)] : [t, ''];
  const n = Number(`${whole.split(thousands).join('')}.${fraction || '0'}`);
  return Number.isFinite(n) ? n : undefined;
}

/** "USD 100,000", "US$ 1.2 million", "$250,000", "EUR 50 000", "100,000 USD", "3 000 000 dollars", "EUR 64,7 millions". */
export function parseMoney(text: string): { amount: number; currency: string } | undefined {
  const t = text.trim().replace(/\s*\([^)]*\)$/, '').replace(/\.$/, '').trim();
  const before = new RegExp(`^(${CURRENCY})\\s*(${NUMBER})\\s*([A-Za-z\\u00e0-\\u00ff]+)?$`).exec(t);
  const after = before ? null : new RegExp(`^(${NUMBER})\\s*([A-Za-z\\u00e0-\\u00ff]+)?\\s*(?:de |d')?(${CURRENCY})$`).exec(t);
  const m = before ? { currency: before[1]!, number: before[2]!, word: before[3] } : after ? { currency: after[3]!, number: after[1]!, word: after[2] } : undefined;
  if (!m) return undefined;
  const multiplier = m.word ? MULTIPLIERS[labelKey(m.word)] : 1;
  const code = /^[A-Z]{3}$/.test(m.currency) ? m.currency : CURRENCIES[labelKey(m.currency)];
  const amount = parseNumber(m.number);
  if (multiplier === undefined || !code || amount === undefined) return undefined;
  return { amount: Math.round(amount * multiplier * 100) / 100, currency: code };
}

export interface ParsedRating {
  readonly score?: number;
  readonly label?: string;
  readonly scaleMax?: number;
}

const LABEL = String.raw`[A-Za-z\u00c0-\u00ff][A-Za-z\u00c0-\u00ff ]{0,30}?`;

/**
 * What a finding's parentheses say about its rating: "rating: Very Good - 4", "Good- 3",
 * "Rating: 3 (Good)", "Good (3)", "3 - Good", "4/5", "rated Good, 3", "note : Bien - 3", "85 %".
 */
export function parseRating(text: string): ParsedRating | undefined {
  const t = text.trim().replace(/^(?:rating|rated|score|note|notation|calificaci[oó]n|puntuaci[oó]n|valoraci[oó]n|classifica[cç][aã]o|pontua[cç][aã]o)\s*:?\s*/i, '').replace(/[.;]$/, '').trim();
  if (!t || /^(?:not rated|n\/?a|none|no rating|non not[eé]|sin calificaci[oó]n)$/i.test(t)) return undefined;
  const percent = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*%$/.exec(t);
  if (percent) {
    const score = Number(percent[1]!.replace(',', '.'));
    return score <= 100 ? { score, label: `${score}%`, scaleMax: 100 } : undefined;
  }
  // A label in lower case is capitalised ("good" -> "Good"); one the brief capitalised is kept ("Muy bueno").
  const label = (s: string | undefined) => {
    const clean = s?.replace(/^[("]+|[)"]+$/g, '').trim();
    if (!clean) return undefined;
    return /[A-Z\u00c0-\u00de]/.test(clean) ? clean : clean.replace(/(^|\s)(\S)/g, (_m, space: string, c: string) => space + c.toUpperCase());
  };
  let m = new RegExp(String.raw`^(${LABEL})\s*[-\u2013:,]\s*(\d{1,2})(?:\s*\/\s*(\d{1,2}))?$`).exec(t); // Very Good - 4
  if (m) return { label: label(m[1]), score: Number(m[2]), scaleMax: m[3] ? Number(m[3]) : undefined };
  m = new RegExp(String.raw`^(${LABEL})\s*\((\d{1,2})(?:\s*\/\s*(\d{1,2}))?\)$`).exec(t); // Good (3)
  if (m) return { label: label(m[1]), score: Number(m[2]), scaleMax: m[3] ? Number(m[3]) : undefined };
  m = new RegExp(String.raw`^(\d{1,2})(?:\s*\/\s*(\d{1,2}))?\s*(?:\((${LABEL})\)|[-\u2013:,]\s*(${LABEL}))?$`).exec(t); // 3 (Good), 3 - Good, 4/5
  if (m) return { score: Number(m[1]), scaleMax: m[2] ? Number(m[2]) : undefined, label: label(m[3] ?? m[4]) };
  m = new RegExp(`^(${LABEL})$`).exec(t); // Good
  if (m) return { label: label(m[1]) };
  return undefined;
}

