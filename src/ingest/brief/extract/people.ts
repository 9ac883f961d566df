/**
 * People and firms on a header line: "Patricia Goldschmid, Owl RE", "A and B, Firm", "Name
 * (Firm)", "Célestin SIKUBE TAKAMGNO" (a surname in capitals), "PPMI Group, Vilnius,
 * Lithuania" (a firm and its city, no person), "Javier SANCHEZ, Monitoring and Evaluation
 * Officer" (a person and a title).
 */
import { countryCode } from '../countries.js';
import { knownBody } from '../knownBodies.js';
import { labelKey } from '../labels.js';
import { capitalise, isAllCaps, splitList } from '../words.js';

/** Words of firms' names, matched on the name without case or accents. */
const FIRM_WORDS =
  /\b(?:consulting|consultancy|consultants|consultores|consultoria|research|partners|group|associates|ltd|llc|gmbh|inc|sarl|s\.?a\.?s?|s\.?l\.?|b\.?v\.?|institute|international|advisory|analytics|solutions|services|cabinet|bureau|firm|company|limited|plc|foundation|center|centre)\b/i;
/** Role labels that stand for a person ("Evaluation Consultant", "Évaluatrice principale"). */
const ROLE_WORDS = /\b(?:consultant|consultante|consultora|consultor|evaluator|evaluateur|evaluatrice|evaluador|evaluadora|specialist|specialiste|especialista|expert|experte|experto|experta|officer|team leader|leader|adviser|advisor|analyst|chef d'equipe|jefe|jefa|gestor|gestora|gerente|manager|designado|designada|designee|charge|chargee|responsable|coordinateur|coordinatrice|coordinador|coordinadora|oficial|gestionnaire|designe|designee|principal|principale|avaliador|avaliadora|coordenador|coordenadora|responsavel)\b/;
const firmWords = (t: string) => FIRM_WORDS.test(labelKey(t));
const roleWords = (t: string) => ROLE_WORDS.test(labelKey(t));
const GIVEN = String.raw`[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'\-]+`;
/** "Célestin SIKUBE TAKAMGNO", "Jane DOE": given names, then the surname in capitals. */
const CAPS_SURNAME = new RegExp(String.raw`^${GIVEN}(?:\s+${GIVEN})*(?:\s+[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'\-]{2,})+$`);
/** "Patricia Goldschmid", "María José de la Cruz", "Evaluadora Técnica". */
const PLAIN_NAME = new RegExp(String.raw`^${GIVEN}(?:\s+(?:(?:de|del|de la|da|van|von|van der|di|le|la|el|y|bin|ibn)\s+)?${GIVEN}){1,4}$`);

export function looksLikeFirm(text: string): boolean {
  const t = text.trim();
  if (CAPS_SURNAME.test(t) || (roleWords(t) && !firmWords(t))) return false;
  return firmWords(t) || /\b[A-Z]{2,}\b/.test(t) || knownBody(t) !== undefined;
}

export function looksLikePerson(text: string): boolean {
  const t = text.trim();
  return (CAPS_SURNAME.test(t) || PLAIN_NAME.test(t) || roleWords(t)) && !firmWords(t) && countryCode(t) === undefined;
}

/** A surname written in capitals, recased ("Célestin SIKUBE TAKAMGNO" -> "Célestin Sikube Takamgno"). */
export function personName(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!CAPS_SURNAME.test(t)) return t;
  return t
    .split(' ')
    .map((w) => (isAllCaps(w) && w.length > 1 ? w.toLowerCase().replace(/(^|[-'])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase()) : w))
    .join(' ');
}

export interface Evaluators {
  /** People, with the role the brief gives in parentheses ("Jane Doe (Team Leader)"). */
  readonly people: { name: string; title?: string }[];
  readonly firm?: string;
  /** Segments that name a place (the firm's city and country), left out. */
  readonly place?: string;
}

/** People and firm of an "Evaluator(s):" value. */
export function readEvaluators(value: string): Evaluators {
  const v = value.replace(/\.$/, '').trim();
  const paren = /^([^()]+?)\s*\(([^()]+)\)$/.exec(v);
  if (paren && looksLikeFirm(paren[2]!) && !looksLikePerson(paren[2]!)) return { people: names(paren[1]!), firm: paren[2]!.trim() };
  // Commas inside a person's parentheses ("Jane Doe (Team Leader, Gender Expert)") do not separate people.
  const segments = v.split(/\s*;\s*|\s*,\s*(?![^()]*\))/).filter(Boolean);
  // "PPMI Group, Vilnius, Lithuania": a country at the end, with its city before it, is where the firm is.
  const place: string[] = [];
  while (segments.length > 1 && countryCode(segments.at(-1)!)) {
    place.unshift(segments.pop()!);
    const city = segments.at(-1);
    if (segments.length > 1 && city && /^[A-Z\u00c0-\u00de][\p{L}' -]{1,30}$/u.test(city) && !looksLikeFirm(city) && city.split(' ').length <= 3) place.unshift(segments.pop()!);
  }
  const where = place.length ? place.join(', ') : undefined;
  const last = segments.at(-1)!;
  if (segments.length === 1) return looksLikeFirm(last) && !looksLikePerson(last) ? { people: [], firm: last, place: where } : { people: names(last), place: where };
  if (looksLikeFirm(last) || (segments.length === 2 && !looksLikePerson(last))) return { people: names(segments.slice(0, -1).join(', ')), firm: last, place: where };
  return { people: names(segments.join(', ')), place: where };
}

function names(text: string): { name: string; title?: string }[] {
  return splitList(text).map((entry) => {
    const role = /^(.+?)\s*\(([^()]{2,60})\)$/.exec(entry);
    return role && !looksLikeFirm(role[2]!) ? { name: personName(role[1]!), title: role[2]!.trim() } : { name: personName(entry) };
  });
}

export interface Manager {
  readonly name: string;
  readonly title?: string;
  /** The organisation named last, when there is one ("..., Head of Mission, IOM Peru"). */
  readonly organization?: string;
}

/**
 * "Horacio Calle, Head of Mission", "Jefa Designada, Chief of Mission, IOM Peru", "Javier
 * SANCHEZ, Monitoring and Evaluation Officer". `isOrg` says whether a text names a known
 * organisation. Undefined when the value names no person.
 */
export function readManager(value: string, isOrg: (text: string) => boolean): Manager | undefined {
  // "Jane Doe (M&E Officer, IOM Kenya)" is "Jane Doe, M&E Officer, IOM Kenya".
  const first = value.replace(/\.$/, '').split(/\s*;\s*/)[0]!.replace(/^([^(),]+?)\s*\(([^()]+)\)$/, '$1, $2');
  const parts = first.split(/\s*,\s*/);
  const name = parts[0]!;
  if (!looksLikePerson(name) && (looksLikeFirm(name) || isOrg(name))) return undefined;
  const last = parts.length > 1 ? parts.at(-1)! : undefined;
  if (last && (parts.length >= 3 || isOrg(last) || /^(?:IOM|OIM)\s/.test(last))) {
    const title = parts.slice(1, -1).join(', ');
    return { name: personName(name), title: title ? capitalise(title) : undefined, organization: last };
  }
  return { name: personName(name), title: last ? parts.slice(1).join(', ') : undefined };
}
