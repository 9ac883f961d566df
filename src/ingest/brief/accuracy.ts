/**
 * Extraction accuracy: compare a parsed record with the record a curator wrote for the same
 * brief, field by field. A plain field counts once; a list counts once per item (matched by
 * its natural key: a finding by criterion, a recommendation by code, an organisation by
 * name...), so one wrong recommendation costs one point, not the whole list. A field or item
 * that only one side has counts as wrong.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EvaluationRecord } from '../../domain/record.js';

export interface FieldScore {
  /** Record path, e.g. `project.budget`. */
  readonly field: string;
  readonly correct: number;
  readonly total: number;
  /** Keys (or the field) that differ, for reading. */
  readonly wrong: readonly string[];
}

type Keyed = (item: unknown, index: number) => string;
const byIndex: Keyed = (_item, index) => String(index);
const byProp = (prop: string): Keyed => (item, index) => String((item as Record<string, unknown>)?.[prop] ?? index);

/** Every field scored, with how list items are matched. */
export const SCORED_FIELDS: readonly (readonly [string, Keyed?])[] = [
  ['evaluation.title'],
  ['evaluation.type'],
  ['evaluation.intendedUsers'],
  ['evaluation.evaluators', byProp('name')],
  ['evaluation.evaluationFirm'],
  ['evaluation.finalReportDate'],
  ['evaluation.commissionedBy'],
  ['evaluation.managedBy'],
  ['evaluation.purpose'],
  ['evaluation.criteria', byIndex],
  ['evaluation.methodology', byIndex],
  ['evaluation.keyFindings', byIndex],
  ['evaluation.findings', byProp('criterion')],
  ['evaluation.conclusions', byIndex],
  ['evaluation.lessonsLearned', byIndex],
  ['evaluation.recommendations', byProp('code')],
  ['project.title'],
  ['project.code'],
  ['project.type'],
  ['project.summary'],
  ['project.coverage'],
  ['project.countries', byProp('isoCode')],
  ['project.startDate'],
  ['project.endDate'],
  ['project.budget'],
  ['project.costExtensions'],
  ['project.extensionMonths'],
  ['project.implementer'],
  ['project.funders', byIndex],
  ['project.partners', byProp('organization')],
  ['project.outputs', byProp('ref')],
  ['organizations', byProp('name')],
];

export function valueAt(record: EvaluationRecord, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);
}

/** Plain data (no undefined keys), so that equality means equal values. */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export function scoreRecord(parsed: EvaluationRecord, expected: EvaluationRecord): FieldScore[] {
  return SCORED_FIELDS.map(([field, key]) => {
    const got = plain(valueAt(parsed, field));
    const want = plain(valueAt(expected, field));
    if (!key) {
      if (got === undefined && want === undefined) return { field, correct: 0, total: 0, wrong: [] };
      const ok = isDeepStrictEqual(got, want);
      return { field, correct: ok ? 1 : 0, total: 1, wrong: ok ? [] : [field] };
    }
    const index = (list: unknown) => new Map((Array.isArray(list) ? list : []).map((item, i) => [key(item, i), item] as const));
    const [a, b] = [index(got), index(want)];
    const keys = [...new Set([...b.keys(), ...a.keys()])];
    const wrong = keys.filter((k) => !a.has(k) || !b.has(k) || !isDeepStrictEqual(a.get(k), b.get(k)));
    return { field, correct: keys.length - wrong.length, total: keys.length, wrong: wrong.map((k) => `${field}[${k}]`) };
  });
}

/** Add up the scores of several documents per field. */
export function sumScores(documents: readonly (readonly FieldScore[])[]): FieldScore[] {
  return SCORED_FIELDS.map(([field]) => {
    const rows = documents.map((scores) => scores.find((s) => s.field === field)!);
    return {
      field,
      correct: rows.reduce((n, r) => n + r.correct, 0),
      total: rows.reduce((n, r) => n + r.total, 0),
      wrong: rows.flatMap((r) => r.wrong),
    };
  });
}
