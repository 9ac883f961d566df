/**
 * Countries named in a brief, in English, French, Spanish or Portuguese ("Bolivia", "Haïti", "República
 * Dominicana"), with their ISO 3166-1 codes (from i18n-iso-countries' names and aliases). A
 * country is recorded under its English name, so that briefs in every language meet on one
 * Country; the brief's own wording stays in the coverage. A country's official name is taken
 * only from the brief itself ("the Plurinational State of Bolivia"), never from a gazetteer.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { labelKey } from './labels.js';

const require = createRequire(import.meta.url);
type Locale = Parameters<typeof countries.registerLocale>[0];
for (const lang of ['en', 'fr', 'es', 'pt']) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as Locale);

/** ISO 3166-1 alpha-2 code of a country's name or alias in English, French, Spanish or Portuguese, e.g. "Bolivia" -> BO, "Haïti" -> HT. */
export function countryCode(name: string): string | undefined {
  // A brief asks about the same few words many times, and each lookup scans every locale.
  if (!codes.has(name)) {
    if (codes.size >= 10_000) codes.clear();
    codes.set(name, lookUpCountryCode(name));
  }
  return codes.get(name);
}

const codes = new Map<string, string | undefined>();

function lookUpCountryCode(name: string): string | undefined {
  // The name as written first ("El Salvador", "Lesotho"), then without a leading article ("la République dominicaine").
  const written = name.trim();
  const bare = written.replace(/^(?:(?:the|la|le|el|les|los|las)\s+|l['’]\s*)/i, '');
  for (const candidate of new Set([written, bare])) {
    for (const lang of ['en', 'fr', 'es', 'pt']) {
      const code = countries.getAlpha2Code(candidate, lang);
      if (code) return code;
    }
  }
  return undefined;
}

/** True for a country's English name or alias ("Bolivia", not "Bolivie"). */
export function isEnglishName(name: string): boolean {
  return countries.getAlpha2Code(name.trim(), 'en') !== undefined;
}

/** The English name of a country ("Dominican Republic" for DO). */
export function englishName(code: string): string | undefined {
  return countries.getName(code, 'en') ?? undefined;
}

interface Name {
  readonly key: string;
  readonly code: string;
  /** The name as i18n-iso-countries writes it, for English names (kept as the brief writes them). */
  readonly english?: string;
}
let allNames: readonly Name[] | undefined;

function names(): readonly Name[] {
  allNames ??= ['en', 'fr', 'es', 'pt']
    .flatMap((lang) =>
      Object.entries(countries.getNames(lang, { select: 'all' })).flatMap(([code, list]) =>
        list.filter((n) => n.length > 3 && !n.includes(',')).map((n) => ({ key: labelKey(n), code, english: lang === 'en' ? n : undefined })),
      ),
    )
    .sort((a, b) => b.key.length - a.key.length);
  return allNames;
}

/** Countries whose name appears in a text (in any of the brief languages), in the order they appear. */
export function countriesIn(text: string): { name: string; code: string }[] {
  const key = labelKey(text);
  const taken: [number, number][] = [];
  const found: { name: string; code: string; at: number }[] = [];
  for (const { key: name, code, english } of names()) {
    for (let from = 0; ; ) {
      const at = indexOfWord(key, name, from);
      if (at < 0) break;
      from = at + 1;
      if (taken.some(([a, b]) => at < b && at + name.length > a)) continue;
      taken.push([at, at + name.length]);
      if (!found.some((f) => f.code === code)) found.push({ name: english ?? englishName(code) ?? name, code, at });
      break;
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ name, code }) => ({ name, code }));
}

/** "the Plurinational State of Bolivia", "the Republic of Peru": the official name the text gives, if any. */
export function officialNameIn(text: string, country: string): string | undefined {
  const escaped = country.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `\\b((?:[A-Z][a-z]+ ){0,3}(?:Republic|State|Kingdom|Federation|Commonwealth|Principality|Sultanate|Emirates?|Confederation|Union) of (?:the )?${escaped})\\b`,
  );
  const m = pattern.exec(text);
  return m ? m[1]!.replace(/^The /, '') : undefined;
}

function indexOfWord(text: string, word: string, from = 0): number {
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return -1;
    const before = at === 0 ? ' ' : text[at - 1]!;
    const after = text[at + word.length] ?? ' ';
    if (!/[a-z]/.test(before) && !/[a-z]/.test(after)) return at;
    from = at + 1;
  }
}
