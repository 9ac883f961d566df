/**
 * The curated theme taxonomy (graph/themes.yaml): each canonical theme with its synonyms and
 * its broader theme. Recommendations are filed under the canonical theme, so "Approval
 * processes" in one brief and "Government clearance timelines" in another meet; a wording the
 * taxonomy does not know becomes a theme of its own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { normaliseKey } from './text.js';

const entrySchema = z.strictObject({
  theme: z.string().trim().min(1),
  synonyms: z.array(z.string().trim().min(1)).default([]),
  broader: z.string().trim().min(1).optional(),
});

export interface ThemeEntry {
  readonly theme: string;
  readonly synonyms: readonly string[];
  readonly broader?: string;
}

export interface ResolvedTheme {
  /** The canonical name (the wording itself when the taxonomy does not know it). */
  readonly name: string;
  readonly synonyms: readonly string[];
  readonly broader?: string;
  readonly known: boolean;
}

export class ThemeTaxonomy {
  private readonly byKey = new Map<string, ThemeEntry>();

  constructor(readonly entries: readonly ThemeEntry[]) {
    for (const entry of entries) {
      for (const name of [entry.theme, ...entry.synonyms]) {
        const key = normaliseKey(name);
        const seen = this.byKey.get(key);
        if (seen && seen !== entry) throw new Error(`theme taxonomy: "${name}" belongs to both "${seen.theme}" and "${entry.theme}"`);
        this.byKey.set(key, entry);
      }
    }
  }

  static parse(source: string, file = 'themes.yaml'): ThemeTaxonomy {
    const result = z.array(entrySchema).safeParse(parse(source) ?? []);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    return new ThemeTaxonomy(result.data);
  }

  static load(file: string): ThemeTaxonomy {
    return ThemeTaxonomy.parse(readFileSync(file, 'utf8'), path.basename(file));
  }

  resolve(wording: string): ResolvedTheme {
    const entry = this.byKey.get(normaliseKey(wording));
    return entry ? { name: entry.theme, synonyms: entry.synonyms, broader: entry.broader, known: true } : { name: wording.trim(), synonyms: [], known: false };
  }
}

let defaultTaxonomy: ThemeTaxonomy | undefined;

/** The taxonomy of graph/themes.yaml, loaded once. */
export function themeTaxonomy(graphDir: string): ThemeTaxonomy {
  defaultTaxonomy ??= ThemeTaxonomy.load(path.join(graphDir, 'themes.yaml'));
  return defaultTaxonomy;
}
