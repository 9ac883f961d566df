/**
 * Reading the cells of a catalogue export: placeholders that mean "no value", yes/no flags,
 * dates, and multi-valued cells whose values may themselves contain commas.
 *
 * A multi-valued cell is comma-separated, but IOM's own vocabulary has values with commas in
 * them ("Migration policy - dialogue, consultations etc and Migration Management", "Border
 * and identity solutions (border management, security, border assessment etc)"). A cell is
 * split at the commas outside parentheses; pieces that together spell a value of the known
 * vocabulary are joined back (longest first); and a piece that starts in lower case
 * ("consultations etc and ...", "property and reparations (LPR)") continues the value
 * before it, since every value of the vocabulary starts with a capital.
 */

/** Cell values that mean "nothing here" (compared case-insensitively, after trimming). */
const PLACEHOLDERS = new Set(['', 'nan', 'n/a', 'na', 'none', 'null', 'not specified', 'not applicable', 'not available', '-', '#n/a']);

/** Fold non-breaking and other odd spaces to plain ones, collapse runs, trim. */
export function clean(value: string): string {
  return value.normalize('NFC').replace(/[\u00a0\u2007\u202f\u200b\ufeff]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** True for an empty cell or one of the placeholders ("Not specified", "nan", "N/A", "None"...). */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDERS.has(clean(value).toLowerCase());
}

/** The cleaned value, or undefined for a placeholder. */
export function single(value: string): string | undefined {
  return isPlaceholder(value) ? undefined : clean(value);
}

export type Flag = { value: boolean | undefined; problem?: string };

/** "Yes"/"No" (and a few spellings of them); empty is unknown; anything else is a problem. */
export function flag(value: string): Flag {
  const v = clean(value).toLowerCase();
  if (isPlaceholder(v)) return { value: undefined };
  if (['yes', 'y', 'true', 'oui', 'si', 'sí'].includes(v)) return { value: true };
  if (['no', 'n', 'false', 'non'].includes(v)) return { value: false };
  return { value: undefined, problem: `"${clean(value)}" is neither Yes nor No; left unknown` };
}

export type DateCell = { value: string | undefined; problem?: string };

/** Placeholder dates exporters write for "no date". */
const PLACEHOLDER_DATES = new Set(['1970-01-01', '1900-01-01', '0000-00-00']);

/** An ISO date (YYYY-MM-DD, or a date-time whose date part is one); placeholders and impossible dates are problems. */
export function isoDate(value: string): DateCell {
  const v = clean(value);
  if (isPlaceholder(v)) return { value: undefined };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(v);
  if (!m) return { value: undefined, problem: `"${v}" is not a date written YYYY-MM-DD; left out` };
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (PLACEHOLDER_DATES.has(date)) return { value: undefined, problem: `${date} is a placeholder, not a date; left out` };
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date)) return { value: undefined, problem: `${date} is not a real calendar date; left out` };
  return { value: date };
}

/** Split at commas outside parentheses and brackets. */
export function splitOutsideParentheses(value: string, separator = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (ch === separator && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

export interface ListResult {
  readonly values: string[];
  /** One line per thing worth a warning: a value outside the vocabulary, a repeated value. */
  readonly problems: string[];
}

const startsLowerCase = (piece: string) => /^\p{Ll}/u.test(piece);

/**
 * The values of a multi-valued cell. With a vocabulary (the values IOM's taxonomy has), pieces
 * that together spell one of its values are joined back, and values outside it are reported
 * (and kept). Placeholders among the values ("Gender, None") are dropped; repeated values
 * count once and are reported.
 */
export function splitList(cell: string, vocabulary?: Vocabulary): ListResult {
  const problems: string[] = [];
  if (isPlaceholder(cell)) return { values: [], problems };
  const pieces = splitOutsideParentheses(clean(cell)).map((p) => p.trim());
  const joined: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    const piece = pieces[i]!;
    // The longest run of pieces that spells a value of the vocabulary.
    let taken = 0;
    if (vocabulary) {
      for (let j = pieces.length; j > i + 1; j--) {
        const candidate = vocabulary.canonical(pieces.slice(i, j).join(', '));
        if (candidate) {
          joined.push(candidate);
          taken = j - i;
          break;
        }
      }
    }
    if (taken) {
      i += taken;
      continue;
    }
    if (joined.length && startsLowerCase(piece)) {
      joined[joined.length - 1] = `${joined.at(-1)!}, ${piece}`;
    } else {
      joined.push(piece);
    }
    i++;
  }
  const values: string[] = [];
  const seen = new Set<string>();
  let placeholders = 0;
  for (const raw of joined) {
    if (isPlaceholder(raw)) {
      placeholders++;
      continue;
    }
    const value = vocabulary?.canonical(raw) ?? raw;
    const key = value.toLowerCase();
    if (seen.has(key)) {
      problems.push(`"${value}" is listed twice; counted once`);
      continue;
    }
    seen.add(key);
    if (vocabulary?.closed && !vocabulary.canonical(value)) problems.push(`"${value}" is not one of the ${vocabulary.name} seen in IOM's exports; kept as written`);
    values.push(value);
  }
  if (placeholders && values.length) problems.push(`a placeholder ("${joined.find(isPlaceholder)}") stands beside real values; dropped`);
  return { values, problems };
}

/** A closed list of values (IOM's taxonomy as its exports spell it), matched ignoring case and spacing. */
export class Vocabulary {
  private readonly byKey: Map<string, string>;

  /**
   * @param closed whether values outside the list are worth a warning (false for a list that
   *   only says which values have commas inside them)
   */
  constructor(
    readonly name: string,
    values: readonly string[],
    readonly closed = true,
  ) {
    this.byKey = new Map(values.map((v) => [Vocabulary.key(v), v]));
  }

  static key(value: string): string {
    return clean(value).toLowerCase().replace(/\s*,\s*/g, ', ');
  }

  /** The vocabulary's spelling of a value, or undefined when it is not one of them. */
  canonical(value: string): string | undefined {
    return this.byKey.get(Vocabulary.key(value));
  }
}
