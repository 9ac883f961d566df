/**
 * Extraction accuracy: compare a parsed record with the record a curator wrote for the same
 * brief, field by field. A plain field counts once; a list counts once per item (matched by
 * its natural key: a finding by criterion or title, a recommendation by code, an organisation
 * by name...), so one wrong recommendation costs one point, not the whole list. Project fields
 * (`projects[].code`) count once per project, projects matched by position. A field or item
 * that only one side has counts as wrong.
 *
 * For real briefs, whose text is not ours to copy, the curated side is a set of facts: a
 * partial record (only what it states is compared, items by the keys they give) and counts
 * (`evaluation.recommendations: 7`).
 */
import { isDeepStrictEqual } from 'node:util';
import type { EvaluationRecord } from '../../domain/record.js';

export interface FieldScore {
  /** Record path, e.g. `projects[].budget`. */
  readonly field: string;
  readonly correct: number;
  readonly total: number;
  /** Keys (or the field) that differ, for reading. */
  readonly wrong: readonly string[];
}

type Keyed = (item: unknown, index: number) => string;
const byIndex: Keyed = (_item, index) => String(index);
const byProp = (...props: string[]): Keyed => (item, index) => {
  const record = item as Record<string, unknown> | undefined;
  for (const prop of props) if (record?.[prop] !== undefined) return String(record[prop]);
  return String(index);
};

/** Every field scored, with how list items are matched. */
export const SCORED_FIELDS: readonly (readonly [string, Keyed?])[] = [
  ['evaluation.title'],
  ['evaluation.type'],
  ['evaluation.intendedUsers'],
  ['evaluation.evaluators', byProp('name')],
  ['evaluation.evaluationFirms', byIndex],
  ['evaluation.fieldVisits'],
  ['evaluation.finalReportDate'],
  ['evaluation.commissioners', byIndex],
  ['evaluation.managedBy'],
  ['evaluation.purpose'],
  ['evaluation.criteria', byIndex],
  ['evaluation.methodology', byIndex],
  ['evaluation.keyFindings', byIndex],
  ['evaluation.findings', byProp('criterion', 'title')],
  ['evaluation.conclusions', byIndex],
  ['evaluation.lessonsLearned', byIndex],
  ['evaluation.recommendations', byProp('code')],
  ['evaluation.coverage'],
  ['evaluation.countries', byProp('isoCode')],
  ['evaluation.donors', byIndex],
  ['evaluation.period'],
  ['projects[].code'],
  ['projects[].title'],
  ['projects[].type'],
  ['projects[].summary'],
  ['projects[].coverage'],
  ['projects[].countries', byProp('isoCode')],
  ['projects[].startDate'],
  ['projects[].endDate'],
  ['projects[].budget'],
  ['projects[].costExtensions'],
  ['projects[].extensionMonths'],
  ['projects[].genderMarker'],
  ['projects[].implementer'],
  ['projects[].funders', byIndex],
  ['projects[].partners', byProp('organization')],
  ['projects[].outputs', byProp('ref')],
  ['organizations', byProp('name')],
];

/** The value at a record path; `projects[].x` is the list of every project's x. */
export function valueAt(record: unknown, path: string): unknown {
  const [head, rest] = path.split('[].') as [string, string | undefined];
  const at = (value: unknown, p: string) => p.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
  if (rest === undefined) return at(record, head);
  const list = at(record, head);
  return Array.isArray(list) ? list.map((item) => at(item, rest)) : undefined;
}

/** Plain data (no undefined keys), so that equality means equal values. */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** `got` restricted to the keys `want` gives (recursively for objects), so that a partial fact compares with a full value. */
function restrict(got: unknown, want: unknown): unknown {
  if (!want || typeof want !== 'object' || Array.isArray(want) || !got || typeof got !== 'object' || Array.isArray(got)) return got;
  return Object.fromEntries(Object.keys(want).map((k) => [k, restrict((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k])]).filter(([, v]) => v !== undefined));
}

/** The paths a field expands to in two records: `projects[].x` once per project of either. */
function expand(field: string, a: unknown, b: unknown): string[] {
  if (!field.includes('[].')) return [field];
  const [head] = field.split('[].') as [string];
  const count = Math.max(...[a, b].map((r) => (Array.isArray(valueAt(r, head)) ? (valueAt(r, head) as unknown[]).length : 0)));
  return Array.from({ length: count }, (_, i) => field.replace('[]', `[${i}]`));
}

function scoreField(field: string, key: Keyed | undefined, parsed: unknown, expected: unknown, partial: boolean): FieldScore {
  let correct = 0;
  let total = 0;
  const wrong: string[] = [];
  for (const path of expand(field, parsed, expected)) {
    const concrete = path.replace(/\[(\d+)\]\./, '.$1.');
    const got = plain(valueAt(parsed, concrete));
    const want = plain(valueAt(expected, concrete));
    if (partial && want === undefined) continue;
    if (!key) {
      if (got === undefined && want === undefined) continue;
      total++;
      if (isDeepStrictEqual(partial ? restrict(got, want) : got, want)) correct++;
      else wrong.push(path);
      continue;
    }
    const index = (list: unknown) => new Map((Array.isArray(list) ? list : []).map((item, i) => [key(item, i), item] as const));
    const [a, b] = [index(got), index(want)];
    const keys = [...new Set([...b.keys(), ...(partial ? [] : a.keys())])];
    for (const k of keys) {
      total++;
      if (a.has(k) && b.has(k) && isDeepStrictEqual(partial ? restrict(a.get(k), b.get(k)) : a.get(k), b.get(k))) correct++;
      else wrong.push(`${path}[${k}]`);
    }
  }
  return { field, correct, total, wrong };
}

export function scoreRecord(parsed: EvaluationRecord, expected: EvaluationRecord): FieldScore[] {
  return SCORED_FIELDS.map(([field, key]) => scoreField(field, key, parsed, expected, false));
}

/** Facts read from a real brief: a partial record, and how many items some lists have. */
export interface BriefFacts {
  readonly record: Record<string, unknown>;
  readonly counts?: Readonly<Record<string, number>>;
}

/** Score a parsed record against facts: only the fields the facts state, plus the counts. */
export function scoreFacts(parsed: EvaluationRecord, facts: BriefFacts): FieldScore[] {
  const scores = SCORED_FIELDS.map(([field, key]) => scoreField(field, key, parsed, facts.record, true));
  for (const [path, count] of Object.entries(facts.counts ?? {})) {
    const got = valueAt(parsed, path);
    const n = Array.isArray(got) ? got.length : 0;
    scores.push({ field: `${path} (count)`, correct: n === count ? 1 : 0, total: 1, wrong: n === count ? [] : [`${path}: ${n} instead of ${count}`] });
  }
  return scores;
}

/** Add up the scores of several documents per field. */
export function sumScores(documents: readonly (readonly FieldScore[])[]): FieldScore[] {
  const fields = [...new Set(documents.flatMap((scores) => scores.map((s) => s.field)))];
  return fields.map((field) => {
    const rows = documents.map((scores) => scores.find((s) => s.field === field)).filter((r): r is FieldScore => r !== undefined);
    return { field, correct: rows.reduce((n, r) => n + r.correct, 0), total: rows.reduce((n, r) => n + r.total, 0), wrong: rows.flatMap((r) => r.wrong) };
  });
}
