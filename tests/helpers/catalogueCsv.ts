/**
 * IOM's evaluation repository export (../shared beside the repository: IOM's file, never
 * copied into it), and counts by year, thematic area, country and donor computed from its cells
 * with plain rules, independently of the catalogue reader, for tests to compare against.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { normaliseKey } from '../../src/domain/text.js';
import { ROOT } from './api.js';

export const IOM_EXPORT = path.join(ROOT, '..', 'shared', 'sources', 'iom-evaluation-repository', 'evaluation-search-export-2025-11-13.csv');
export const exportPresent = existsSync(IOM_EXPORT);

/** Say plainly why IOM's export tests do not run (and, under CI=true, let them fail instead). */
export function noteMissingExport(suite: string): void {
  if (!exportPresent && process.env.CI !== 'true') console.log(`${suite}: skipped, IOM's export is not at ${IOM_EXPORT}`);
}

export type Row = Record<string, string>;
export const readExportRows = (): Row[] => parse(readFileSync(IOM_EXPORT), { bom: true, columns: true }) as Row[];

const PLACEHOLDERS = new Set(['', 'nan', 'n/a', 'none', 'not specified', 'not applicable', 'not available']);
export const isPlaceholder = (v: string) => PLACEHOLDERS.has(v.trim().toLowerCase());
export const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
export const sorted = (map: Map<string, number>) => [...map].sort(([a], [b]) => a.localeCompare(b));

export const yearOf = (row: Row): string | undefined => (isPlaceholder(row.Year!) ? undefined : row.Year!.trim());

/** Thematic areas: split at ", " and glue back a piece inside open parentheses or starting in lower case. */
export function thematicAreasOf(row: Row): string[] {
  const values: string[] = [];
  for (const piece of row['Migration Thematic Areas']!.split(', ')) {
    const last = values.at(-1);
    const open = last !== undefined && (last.match(/\(/g) ?? []).length > (last.match(/\)/g) ?? []).length;
    if (last !== undefined && (open || /^[a-z]/.test(piece))) values[values.length - 1] = `${last}, ${piece}`;
    else values.push(piece);
  }
  return [...new Set(values.map((v) => v.trim()).filter((v) => !isPlaceholder(v)))];
}

/** Countries: no country name of this export holds a comma; the reader corrects two misspellings, with a warning. */
const CORRECTED: Record<string, string> = { Dominca: 'Dominica', 'Solomon Island': 'Solomon Islands' };
export function countriesOf(row: Row): string[] {
  return [...new Set(row['Countries Covered']!.split(',').map((v) => v.trim()).filter((v) => !isPlaceholder(v)).map((v) => CORRECTED[v] ?? v))];
}

/**
 * Donors' spellings (as keys): split at ","; the one donor of this export whose name holds a
 * comma (the ACP Observatory) is glued back; "Multiple" names no donor.
 */
const ACP = 'African, Caribbean and Pacific Groups of States Observatory on Migration';
export function donorKeysOf(row: Row): string[] {
  const cell = row.Donor!.replace(ACP, '\u0000');
  const names = cell.split(',').map((v) => v.trim().replace('\u0000', ACP)).filter((v) => !isPlaceholder(v) && v !== 'Multiple');
  return [...new Set(names.map(normaliseKey))];
}
