/**
 * Readers for the values a brief writes in many ways: dates, periods, amounts of money,
 * ratings, numbers in words, lists, and headings in capitals. Each returns undefined (or a
 * partial value with a note) rather than guessing silently.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w) && (w.length === 3 || w === 'sept')));
  return index >= 0 ? index + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export interface ParsedDate {
  readonly iso: string;
  /** Set when the text gave no day and one was chosen. */
  readonly note?: string;
}

/**
 * "20 May 2021", "May 20, 2021", "2021-05-20", "May 2021" (the first of the month, or the
 * last when `end` is set, with a note).
 */
export function parseDate(text: string, end = false): ParsedDate | undefined {
  const t = text.trim().replace(/[.,;]$/, '').replace(/(\d)(?:st|nd|rd|th)\b/g, '$1');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { iso } : undefined;
  }
  m = /^(\d{1,2})\s+([A-Za-z]{3,9}\.?)\s*,?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    const iso = month ? isoDate(Number(m[3]), month, Number(m[1])) : undefined;
    return iso ? { iso } : undefined;
  }
  m = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    const iso = month ? isoDate(Number(m[3]), month, Number(m[2])) : undefined;
    return iso ? { iso } : undefined;
  }
  m = /^([A-Za-z]{3,9}\.?)\s+(\d{4})$/.exec(t) ?? /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) {
    const [year, month] = /^\d{4}$/.test(m[1]!) ? [Number(m[1]), Number(m[2])] : [Number(m[2]), monthOf(m[1]!)];
    if (!month) return undefined;
    const day = end ? daysIn(year, month) : 1;
    const iso = isoDate(year, month, day);
    return iso ? { iso, note: `"${text.trim()}" gives no day; recorded as ${iso} (the ${end ? 'last' : 'first'} day of the month)` } : undefined;
  }
  return undefined;
}

/** "1 November 2016 to 31 October 2018", "May 2018 - April 2020", "from 2019-01-15 until 2020-12-31". */
export function parsePeriod(text: string): { start?: ParsedDate; end?: ParsedDate } | undefined {
  const t = text.trim().replace(/^from\s+/i, '').replace(/\.$/, '');
  const parts = t.split(/\s+(?:to|until|till|through|[-\u2013\u2014])\s+|\s*[\u2013\u2014]\s*/i);
  if (parts.length !== 2) return undefined;
  const start = parseDate(parts[0]!);
  const end = parseDate(parts[1]!, true);
  return start || end ? { start, end } : undefined;
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { 'US$': 'USD', 'USD$': 'USD', $: 'USD', '\u20ac': 'EUR', '\u00a3': 'GBP', 'CHF': 'CHF' };
const MULTIPLIERS: Readonly<Record<string, number>> = { thousand: 1e3, k: 1e3, million: 1e6, millions: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9 };

/** "USD 100,000", "US$ 1.2 million", "$250,000", "EUR 50 000", "100,000 USD". */
export function parseMoney(text: string): { amount: number; currency: string } | undefined {
  const t = text.trim().replace(/\s*\([^)]*\)$/, '').replace(/\.$/, '');
  const m =
    /^(US\$|USD\$|[A-Z]{3}|\$|\u20ac|\u00a3)\s*(\d{1,3}(?:[ ,]\d{3})+|\d+)(?:\.(\d+))?\s*([A-Za-z]+)?$/.exec(t) ??
    /^(\d{1,3}(?:[ ,]\d{3})+|\d+)(?:\.(\d+))?\s*([A-Za-z]+)?\s+([A-Z]{3})$/.exec(t);
  if (!m) return undefined;
  const [currencyText, whole, fraction, word] = /^\d/.test(m[1]!) ? [m[4]!, m[1]!, m[2], m[3]] : [m[1]!, m[2]!, m[3], m[4]];
  const multiplier = word ? MULTIPLIERS[word.toLowerCase()] : 1;
  if (multiplier === undefined) return undefined;
  const currency = CURRENCY_SYMBOLS[currencyText] ?? currencyText;
  if (!/^[A-Z]{3}$/.test(currency)) return undefined;
  const amount = Number(`${whole.replace(/[ ,]/g, '')}.${fraction ?? '0'}`) * multiplier;
  return Number.isFinite(amount) ? { amount: Math.round(amount * 100) / 100, currency } : undefined;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, 'thirty-six': 36,
};

export function parseCount(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()];
}

export interface ParsedRating {
  readonly score?: number;
  readonly label?: string;
  readonly scaleMax?: number;
}

/**
 * What a finding's parentheses say about its rating: "rating: Very Good - 4", "Good- 3",
 * "Rating: 3 (Good)", "Good (3)", "3 - Good", "4/5", "rated Good, 3".
 */
export function parseRating(text: string): ParsedRating | undefined {
  const t = text.trim().replace(/^(?:rating|rated|score)\s*:?\s*/i, '').replace(/[.;]$/, '').trim();
  if (!t || /^(?:not rated|n\/?a|none|no rating)$/i.test(t)) return undefined;
  const label = (s: string | undefined) => {
    const clean = s?.replace(/^[("]+|[)"]+$/g, '').trim();
    return clean ? clean.replace(/\b\w/g, (c) => c.toUpperCase()) : undefined;
  };
  let m = /^([A-Za-z][A-Za-z ]{0,30}?)\s*[-\u2013:,]\s*(\d{1,2})(?:\s*\/\s*(\d{1,2}))?$/.exec(t); // Very Good - 4
  if (m) return { label: label(m[1]), score: Number(m[2]), scaleMax: m[3] ? Number(m[3]) : undefined };
  m = /^([A-Za-z][A-Za-z ]{0,30}?)\s*\((\d{1,2})(?:\s*\/\s*(\d{1,2}))?\)$/.exec(t); // Good (3)
  if (m) return { label: label(m[1]), score: Number(m[2]), scaleMax: m[3] ? Number(m[3]) : undefined };
  m = /^(\d{1,2})(?:\s*\/\s*(\d{1,2}))?\s*(?:\(([A-Za-z][A-Za-z ]{0,30})\)|[-\u2013:,]\s*([A-Za-z][A-Za-z ]{0,30}))?$/.exec(t); // 3 (Good), 3 - Good, 4/5
  if (m) return { score: Number(m[1]), scaleMax: m[2] ? Number(m[2]) : undefined, label: label(m[3] ?? m[4]) };
  m = /^([A-Za-z][A-Za-z ]{0,30})$/.exec(t); // Good
  if (m) return { label: label(m[1]) };
  return undefined;
}

/** The OECD-DAC criteria (and Coherence, added in 2019) a finding heading is matched against. */
export const KNOWN_CRITERIA = ['Relevance', 'Coherence', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability'] as const;

/** The criterion a heading names: "Efficiency and Cost Effectiveness" -> Efficiency (the first named). */
export function criterionOf(heading: string): string | undefined {
  const words = heading.toLowerCase().split(/[^a-z]+/);
  for (const word of words) {
    const found = KNOWN_CRITERIA.find((c) => c.toLowerCase() === word);
    if (found) return found;
  }
  return undefined;
}

/** Upper-case the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Drop a leading "a", "an" or "the". */
export function withoutArticle(text: string): string {
  return text.replace(/^(?:a|an|the)\s+/i, '');
}

/**
 * Split a list written in prose: "Relevance, effectiveness, and sustainability" or
 * "Desk review; interviews; a survey". Semicolons win over commas; a final "and" joins the last
 * item. Nothing inside parentheses is split.
 */
export function splitList(text: string): string[] {
  const t = text.trim().replace(/\.$/, '');
  const topLevel = (separator: RegExp): string[] => {
    const parts: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (depth === 0) {
        separator.lastIndex = i;
        const m = separator.exec(t);
        if (m && m.index === i) {
          parts.push(t.slice(start, i));
          start = i + m[0].length;
          i = start - 1;
        }
      }
    }
    parts.push(t.slice(start));
    return parts.map((p) => p.trim()).filter(Boolean);
  };
  const semicolon = topLevel(/;\s*/y);
  if (semicolon.length > 1) return semicolon;
  return topLevel(/,?\s+and\s+|,\s*(?:and\s+)?/y);
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'into', 'via', 'per', 'as', 'de', 'del', 'la', 'y', 'vs']);

/** True when a text has letters and none of them is lower case. */
export function isAllCaps(text: string): boolean {
  return /[A-Z]/.test(text) && !/[a-z\u00df-\u00ff]/.test(text);
}

/**
 * Recase a heading written in capitals. Title case: every word capitalised except small words
 * (not first); sentence case: only the first word. Words in `keep` (acronyms the document
 * writes in capitals elsewhere, such as IOM) keep their capitals.
 */
export function recase(text: string, style: 'title' | 'sentence', keep: ReadonlySet<string>): string {
  let first = true;
  return text.replace(/[A-Za-z\u00c0-\u024f0-9']+/g, (word) => {
    const lower = word.toLowerCase();
    const wasFirst = first;
    first = false;
    if (keep.has(word) || /\d/.test(word)) return word;
    if (style === 'sentence') return wasFirst ? capitalise(lower) : lower;
    if (!wasFirst && SMALL_WORDS.has(lower)) return lower;
    return capitalise(lower);
  });
}
