/**
 * Countries named in a brief, with their ISO 3166-1 codes (from i18n-iso-countries' English
 * names and aliases). A country's official name is taken only from the brief itself ("the
 * Plurinational State of Bolivia"), never from a gazetteer.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as Parameters<typeof countries.registerLocale>[0]);

/** ISO 3166-1 alpha-2 code of a country's English name or alias, e.g. "Bolivia" -> BO. */
export function countryCode(name: string): string | undefined {
  const code = countries.getAlpha2Code(name.trim().replace(/^the\s+/i, ''), 'en');
  return code ?? undefined;
}

let allNames: readonly { name: string; code: string }[] | undefined;

/** Countries whose English name appears in a text, in the order they appear. */
export function countriesIn(text: string): { name: string; code: string }[] {
  allNames ??= Object.entries(countries.getNames('en', { select: 'all' })).flatMap(([code, names]) => names.filter((n) => n.length > 3 && !n.includes(',')).map((name) => ({ name, code })));
  const found: { name: string; code: string; at: number }[] = [];
  for (const { name, code } of allNames) {
    const at = indexOfWord(text, name);
    if (at >= 0 && !found.some((f) => f.code === code)) found.push({ name, code, at });
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

function indexOfWord(text: string, word: string): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return -1;
    const before = at === 0 ? ' ' : text[at - 1]!;
    const after = text[at + word.length] ?? ' ';
    if (!/[A-Za-z]/.test(before) && !/[A-Za-z]/.test(after)) return at;
    from = at + 1;
  }
}
