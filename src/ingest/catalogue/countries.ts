/**
 * Countries as IOM's catalogue names them, with their ISO 3166-1 alpha-2 codes.
 *
 * The name is kept as IOM writes it (the UN's "Bolivia (the Plurinational State of)", IOM's
 * "UNSC Resolution -administered Kosovo"); the code comes from i18n-iso-countries' English names
 * and aliases, tried on the name and on the forms the UN's style hides it in ("X (the ...
 * of)", "Kingdom of X", "X SAR"), then from the few names it does not know. "Worldwide" is kept
 * as a country named "Worldwide" with no code. Kosovo gets XK, the code the EU, the World Bank
 * and i18n-iso-countries use for it (ISO has not assigned one). A misspelt name is recorded as the
 * country it plainly means, with a warning; an unknown name is kept without a code, with a
 * warning.
 */
import type { CountryRecord } from '../../domain/record.js';
import { countryCode } from '../brief/countries.js';
import { clean } from './cells.js';

/** Names i18n-iso-countries does not know, as IOM writes them. */
const IOM_NAMES: Readonly<Record<string, string>> = {
  'viet nam': 'VN',
  'cabo verde': 'CV',
  'republic of moldova': 'MD',
  'united kingdom of great britain and northern ireland': 'GB',
  'hong kong sar': 'HK',
  'unsc resolution -administered kosovo': 'XK',
  'unsc resolution 1244-administered kosovo': 'XK',
  'kosovo (as defined by unscr 1244)': 'XK',
  'kosovo (unscr 1244)': 'XK',
  'micronesia (federated states of)': 'FM',
  'turkiye': 'TR',
  'türkiye': 'TR',
};

/** Misspellings seen in IOM's exports, and the country each plainly means. */
const MISSPELLINGS: Readonly<Record<string, { code: string; name: string }>> = {
  dominca: { code: 'DM', name: 'Dominica' },
  'solomon island': { code: 'SB', name: 'Solomon Islands' },
};

/** Names that are not one country but say where an evaluation looked. */
const NO_CODE = new Set(['worldwide', 'global', 'multiple countries', 'multi-country']);

export interface CountryResult {
  readonly country: CountryRecord;
  readonly problem?: string;
}

/** The ISO code of a country name in any of the forms IOM and the UN write it, or undefined. */
export function isoCodeOf(name: string): string | undefined {
  const n = clean(name);
  const key = n.toLowerCase();
  if (IOM_NAMES[key]) return IOM_NAMES[key];
  const candidates = [n];
  // "Bolivia (the Plurinational State of)" -> "Plurinational State of Bolivia", "Bolivia".
  const paren = /^(.*?)\s*\((?:the\s+)?([^)]*)\)$/i.exec(n);
  if (paren) {
    const [, base, qualifier] = paren;
    if (qualifier && /\bof$/i.test(qualifier)) candidates.push(`${qualifier} ${base}`);
    candidates.push(base!);
  }
  candidates.push(n.replace(/^(?:the\s+)?(?:kingdom|republic|state|commonwealth) of\s+(?:the\s+)?/i, ''));
  candidates.push(n.replace(/\s+SAR$/i, ''));
  for (const candidate of candidates) {
    const code = candidate.trim() ? countryCode(candidate) : undefined;
    if (code) return code;
  }
  return undefined;
}

/** One country of the Countries Covered cell. */
export function catalogueCountry(raw: string): CountryResult {
  const name = clean(raw);
  const key = name.toLowerCase();
  if (NO_CODE.has(key)) return { country: { name } };
  const code = isoCodeOf(name);
  if (code) return { country: { name, isoCode: code } };
  const misspelt = MISSPELLINGS[key];
  if (misspelt) return { country: { name: misspelt.name, isoCode: misspelt.code }, problem: `"${name}" is read as ${misspelt.name} (${misspelt.code})` };
  return { country: { name }, problem: `"${name}" is not a country name known to ISO 3166 or IOM; kept without an ISO code` };
}
