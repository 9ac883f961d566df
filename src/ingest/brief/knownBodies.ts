/**
 * Organisations briefs name in several languages and by several acronyms: IOM is "OIM" in
 * French and Spanish, UNDP is "PNUD". A brief that writes any of these forms declares the
 * organisation under its English name and acronym, with the form it wrote as an alias, so
 * that one institution is one node whatever the brief's language. IOM's country offices
 * ("OIM Haïti", "IOM Bolivia") are named after the country's English name.
 */
import type { OrganizationKind } from '../../domain/record.js';
import { normaliseKey } from '../../domain/text.js';
import { countryCode, englishName, isEnglishName } from './countries.js';

export interface KnownBody {
  readonly name: string;
  readonly acronym?: string;
  readonly kind: OrganizationKind;
  /** Every other way briefs write it (local names and acronyms). */
  readonly forms: readonly string[];
}

export const KNOWN_BODIES: readonly KnownBody[] = [
  {
    name: 'International Organization for Migration',
    acronym: 'IOM',
    kind: 'INTERGOVERNMENTAL_ORGANIZATION',
    forms: ['OIM', 'Organisation internationale pour les migrations', 'Organización Internacional para las Migraciones', 'Organização Internacional para as Migrações', 'UN Migration'],
  },
  {
    name: 'United Nations Development Programme',
    acronym: 'UNDP',
    kind: 'INTERGOVERNMENTAL_ORGANIZATION',
    forms: ['PNUD', 'Programme des Nations Unies pour le développement', 'Programa de las Naciones Unidas para el Desarrollo'],
  },
  {
    name: 'United Nations High Commissioner for Refugees',
    acronym: 'UNHCR',
    kind: 'INTERGOVERNMENTAL_ORGANIZATION',
    forms: ['HCR', 'ACNUR', 'Haut-Commissariat des Nations Unies pour les réfugiés', 'Alto Comisionado de las Naciones Unidas para los Refugiados'],
  },
  { name: "United Nations Children's Fund", acronym: 'UNICEF', kind: 'INTERGOVERNMENTAL_ORGANIZATION', forms: ['Fonds des Nations Unies pour l\'enfance', 'Fondo de las Naciones Unidas para la Infancia'] },
  { name: 'International Labour Organization', acronym: 'ILO', kind: 'INTERGOVERNMENTAL_ORGANIZATION', forms: ['OIT', 'BIT', 'Organisation internationale du Travail', 'Organización Internacional del Trabajo'] },
  { name: 'UN Women', kind: 'INTERGOVERNMENTAL_ORGANIZATION', forms: ['ONU Femmes', 'ONU Mujeres'] },
  { name: 'World Food Programme', acronym: 'WFP', kind: 'INTERGOVERNMENTAL_ORGANIZATION', forms: ['PAM', 'Programme alimentaire mondial', 'Programa Mundial de Alimentos'] },
  { name: 'United Nations Population Fund', acronym: 'UNFPA', kind: 'INTERGOVERNMENTAL_ORGANIZATION', forms: ['FNUAP', 'Fonds des Nations Unies pour la population', 'Fondo de Población de las Naciones Unidas'] },
  { name: 'European Union', acronym: 'EU', kind: 'INTERGOVERNMENTAL_ORGANIZATION', forms: ['UE', 'Union européenne', 'Unión Europea'] },
  {
    name: 'Peacebuilding Fund',
    acronym: 'PBF',
    kind: 'DONOR_FUND',
    forms: ['UN Peacebuilding Fund', 'Fonds pour la consolidation de la paix', 'Fondo para la Consolidación de la Paz', 'UN Peace Fund'],
  },
  // Written out, the Fund keeps the name it is given; only its French and Spanish names are translated.
  { name: 'IOM Development Fund', kind: 'DONOR_FUND', forms: ["Fonds de l'OIM pour le développement", 'Fondo de la OIM para el Desarrollo'] },
];

const BY_KEY = new Map<string, KnownBody>();
for (const body of KNOWN_BODIES) for (const form of [body.name, body.acronym, ...body.forms]) if (form) BY_KEY.set(normaliseKey(form), body);

/** The known body a name or acronym stands for ("OIM", "Programme des Nations Unies pour le développement"). */
export function knownBody(text: string): KnownBody | undefined {
  return BY_KEY.get(normaliseKey(text.replace(/^(?:the|l'|la|le|el)\s*/i, '')));
}

/**
 * "IOM Bolivia", "OIM Haïti", "IOM's office in Peru": the country office a name stands for,
 * named "IOM <country>" (the country in English), or undefined.
 */
export function iomOfficeName(text: string): string | undefined {
  const m = /^(?:(?:the|l'|la|le|el)\s*)?(?:IOM|OIM)(?:'s)?\s+(?:(?:office|mission|bureau|oficina)\s+)?(?:(?:in|en|au|à|de|du|d')\s*)?(?:(?:the|la|le|l'|el)\s+)?(.+)$/i.exec(text.trim());
  if (!m) return undefined;
  const written = m[1]!.trim();
  const code = countryCode(written);
  if (!code) return undefined;
  return `IOM ${isEnglishName(written) ? written : (englishName(code) ?? written)}`;
}

/** An organisation as the record declares it: known bodies under their English name, the written form kept as an alias. */
export function canonicalOrg<T extends { name: string; acronym?: string; localName?: string; aliases?: readonly string[] }>(input: T): T & { kind?: OrganizationKind } {
  const office = iomOfficeName(input.name);
  if (office) return office === input.name ? input : { ...input, name: office, aliases: [...(input.aliases ?? []), input.name] };
  const known = knownBody(input.name) ?? (input.acronym ? knownBody(input.acronym) : undefined);
  // Written out under its own name ("IOM Development Fund", "Peacebuilding Fund (PBF)"): as written.
  if (!known || normaliseKey(input.name) === normaliseKey(known.name)) return input;
  // Written by an acronym or in another language: the English name, the written forms as aliases.
  const same = (a: string, b: string | undefined) => b !== undefined && normaliseKey(a) === normaliseKey(b);
  const written = [input.name, input.acronym].filter((w): w is string => !!w && !same(w, known.name) && !same(w, known.acronym));
  return { ...input, name: known.name, acronym: known.acronym ?? input.acronym, aliases: [...new Set([...(input.aliases ?? []), ...written])], kind: known.kind };
}
