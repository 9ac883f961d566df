/**
 * Organisations in a brief: how they are written ("the National Institute of Statistics
 * (Instituto Nacional de Estadística - INE)"), how they relate ("a decentralized unit linked
 * to the Ministry...", "... of the Higher University..."), what kind of body each is, and one
 * registry per document so that every mention of an institution (acronym, English or local
 * name, alias) resolves to one declaration in the record.
 */
import type { OrganizationKind } from '../../domain/record.js';
import { normaliseKey } from '../../domain/text.js';
import { countryCode } from './countries.js';
import { BriefParseError } from './errors.js';
import { canonicalOrg, iomOfficeName, knownBody } from './knownBodies.js';
import { capitalise } from './words.js';

export interface Span {
  readonly line: number;
  readonly endLine: number;
}

export interface DraftOrg {
  name: string;
  acronym?: string;
  /** The brief writes the acronym itself (not inferred from initials): refer to the organisation by it. */
  acronymStated: boolean;
  localName?: string;
  aliases: string[];
  kind?: OrganizationKind;
  parent?: DraftOrg;
  parentRelation?: string;
  readonly spans: Span[];
}

export interface OrgInput {
  readonly name: string;
  readonly acronym?: string;
  readonly localName?: string;
  readonly aliases?: readonly string[];
}

const IOM = { name: 'International Organization for Migration', acronym: 'IOM' } as const;
const MOST_ORGANIZATIONS = 300;

/** One document's organisations, in the order the parser met them. */
export class OrgRegistry {
  readonly orgs: DraftOrg[] = [];

  /** The organisation a text names (acronym, English or local name, alias; "the" aside). */
  find(text: string): DraftOrg | undefined {
    const key = normaliseKey(text.replace(/^the\s+/i, ''));
    if (!key) return undefined;
    const found = this.orgs.find((o) => keysOf(o).includes(key));
    if (found) return found;
    const canonical = normaliseKey(canonicalOrg({ name: text.replace(/^the\s+/i, '') }).name);
    return canonical === key ? undefined : this.orgs.find((o) => keysOf(o).includes(canonical));
  }

  /**
   * Declare (or complete) an organisation; IOM's own units get IOM as their parent. Bodies
   * written by another language's name or acronym ("OIM", "PNUD") are declared under their
   * English name (knownBodies.ts).
   */
  add(written: OrgInput, span: Span, acronymStated = written.acronym !== undefined): DraftOrg {
    const { kind: knownKind, ...input } = canonicalOrg(written);
    if (input.acronym && !written.acronym) acronymStated = true;
    const candidates = [input.acronym, input.name, input.localName, ...(input.aliases ?? [])].filter((v): v is string => !!v);
    const existing = candidates.map((c) => this.find(c)).find((o) => o !== undefined);
    if (existing) {
      if (input.acronym && !existing.acronym) existing.acronym = input.acronym;
      if (input.acronym && acronymStated) existing.acronymStated = true;
      if (input.localName && !existing.localName) existing.localName = input.localName;
      for (const name of [input.name, ...(input.aliases ?? [])]) {
        if (!keysOf(existing).includes(normaliseKey(name))) existing.aliases.push(name);
      }
      if (existing.spans.at(-1)?.line !== span.line) existing.spans.push(span);
      return existing;
    }
    if (this.orgs.length >= MOST_ORGANIZATIONS) {
      throw new BriefParseError('NOT_A_BRIEF', `the document names more than ${MOST_ORGANIZATIONS} organisations; an evaluation brief names a handful`);
    }
    const family = iomFamily(input.name);
    const parent = family ? this.iom(span) : undefined;
    const org: DraftOrg = {
      name: input.name,
      acronym: input.acronym,
      acronymStated: acronymStated && input.acronym !== undefined,
      localName: input.localName,
      aliases: [...(input.aliases ?? [])],
      kind: family?.kind ?? knownKind,
      parent,
      parentRelation: family?.relation,
      spans: [span],
    };
    this.orgs.push(org);
    return org;
  }

  /** IOM itself, declared the first time one of its units is. */
  private iom(span: Span): DraftOrg {
    const found = this.find('IOM');
    if (found) return found;
    const org: DraftOrg = { ...IOM, acronymStated: true, aliases: [], kind: 'INTERGOVERNMENTAL_ORGANIZATION', spans: [span] };
    this.orgs.push(org);
    return org;
  }

  /** How the record refers to an organisation: by the acronym the brief writes, else by name. */
  ref(org: DraftOrg): string {
    return org.acronymStated && org.acronym ? org.acronym : org.name;
  }
}

function keysOf(org: DraftOrg): string[] {
  return [org.acronym, org.name, org.localName, ...org.aliases].filter((v): v is string => !!v).map(normaliseKey);
}

/**
 * IOM's own bodies, recognised by name: "IOM Bolivia" (a country office), "IOM Development
 * Fund" (a fund), "all IOM units implementing IDF projects" (a group of units).
 */
function iomFamily(name: string): { kind: OrganizationKind; relation: string } | undefined {
  if (/^(?:all|each|every)\b.*\bIOM\b/i.test(name)) return { kind: 'ORGANIZATIONAL_GROUP', relation: 'units of' };
  const m = /^IOM\s+(.+)$/.exec(name);
  if (!m) return undefined;
  if (/\bfund\b/i.test(m[1]!)) return { kind: 'DONOR_FUND', relation: 'fund of' };
  if (countryCode(m[1]!)) return { kind: 'COUNTRY_OFFICE', relation: 'country office of' };
  return undefined;
}

/** True for a name of one of IOM's own bodies ("IOM Peru", "all IOM units ..."), not for a list of them. */
export function isIomBody(name: string): boolean {
  return iomFamily(name) !== undefined || iomOfficeName(name) !== undefined;
}

/** True for "IOM <country>". */
export function isCountryOffice(org: DraftOrg): boolean {
  return org.kind === 'COUNTRY_OFFICE' || (/^IOM\s+/.test(org.name) && countryCode(org.name.slice(4)) !== undefined);
}

/** What kind of body a name describes (the first rule that matches wins). */
export function guessKind(name: string, localName?: string): OrganizationKind {
  const n = `${name} | ${localName ?? ''}`.toLowerCase();
  if (/\bministry\b|\bminist[eé]rio\b|\bminist[eè]re\b|\bviceministry\b|\bviceministerio\b/.test(n)) return 'MINISTRY';
  if (/institute of statistics|statistics (?:office|institute|bureau|authority)|statistical (?:office|institute)|bureau of statistics|\bestad[ií]stica\b|\bstatistique\b/.test(n)) return 'STATISTICS_OFFICE';
  if (/\buniversity\b|\buniversidad[e]?\b|\buniversit[eé]\b/.test(n)) return 'UNIVERSITY';
  if (/research|\bstudies\b|investigaci|estudios|observatory|observatorio|observatoire|recherche|think tank/.test(n)) return 'RESEARCH_INSTITUTE';
  if (/\bfund\b|\bfondo\b|\bfonds\b/.test(n)) return 'DONOR_FUND';
  if (/^iom\s/.test(n)) return 'COUNTRY_OFFICE';
  if (/consult|evaluation (?:firm|partners|services|group)|\bltd\b|\bllc\b|\bgmbh\b|\bs\.a\.\b|\bsarl\b/.test(n)) return 'EVALUATION_FIRM';
  if (/\b(?:ngo|ong|foundation|fondation|fundaci[oó]n|association|asociaci[oó]n|network|r[ée]seau|red de|civil society|soci[ée]t[ée] civile|sociedad civil|federation of|f[ée]d[ée]ration)\b/.test(n)) return 'CIVIL_SOCIETY';
  if (/\b(?:unit|unidad|agency|agencia|agence|directorate|direcci[oó]n|direction|office|oficina|bureau|service|servicio|secretariat|secretar[ií]a|secr[ée]tariat|commission|comisi[oó]n|authority|autoridad|autorit[ée]|department|superintendency|superintendencia|government|gobierno|gouvernement|municipal|municipalidad|commune)\b/.test(n)) return 'GOVERNMENT_AGENCY';
  return 'OTHER';
}

// --- Mentions in prose -----------------------------------------------------------------------

/** An organisation written out in a paragraph, with its place in the paragraph. */
export interface Mention {
  readonly org: OrgInput;
  readonly start: number;
  readonly end: number;
}

const CONNECTORS = new Set(['of', 'and', 'for', 'on', 'in', 'de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', '&', 'des', 'du', 'pour', 'et', 'le', 'les', "l'", 'para', 'do', 'da', 'dos', 'das']);
const ORG_WORDS = /\b(?:ministry|ministerio|minist[eè]re|institut|universit[eé]|fonds|conseil|comit[eé]|r[eé]seau|agence|organisation|programme|institute|instituto|unit|unidad|university|universidad|office|oficina|service|servicio|agency|agencia|observatory|observatorio|fund|fondo|government|gobierno|directorate|direcci[oó]n|council|consejo|commission|comisi[oó]n|committee|comit[eé]|cent(?:re|er)|centro|network|red|association|asociaci[oó]n|foundation|fundaci[oó]n|bank|banco|secretariat|secretar[ií]a|department|authority|autoridad|federation|chamber|organi[sz]ation|superintendency|superintendencia|programme|program|programa|group|partners|consultants?)\b/i;
const ACRONYM = /^[A-Z][A-Za-z0-9&.\/-]{1,14}$/;
/** A name in the local language (Spanish or French) rather than English. */
const LOCAL = /\b(?:de|del|la|las|los|y|para|el|du|des|et|pour|le|les)\b|[áéíóúñèêàç]|^(?:ministerio|minist[eè]re|instituto|institut|unidad|universidad|universit[eé]|servicio|oficina|observatorio|observatoire|gobierno|gouvernement|viceministerio|direcci[oó]n|superintendencia|defensor[ií]a|consejo|conseil|fundaci[oó]n|fondation|asociaci[oó]n|centro|red|r[eé]seau)\b/i;

export function isAcronym(text: string): boolean {
  return ACRONYM.test(text) && (text.match(/[A-Z]/g)?.length ?? 0) >= 2 && !/[a-z]{3}/.test(text);
}

/**
 * Every "English Name (Local Name - ACRONYM)", "Name (ACRONYM)", "Name (Local Name)" or
 * "Local Name (English Name)" in a paragraph. The name is read backwards from the
 * parenthesis over capitalised words and connectors ("of", "and", "de"...), so it stops at
 * the lower-case words before it ("in collaboration with the").
 */
export function findMentions(text: string, limit = Infinity): Mention[] {
  const mentions: Mention[] = [];
  let from = 0;
  while (mentions.length < limit) {
    const open = text.indexOf('(', from);
    if (open < 0) break;
    const close = text.indexOf(')', open);
    if (close < 0) break;
    from = close + 1;
    const inside = text.slice(open + 1, close).trim();
    if (inside.includes('(') || inside.length > 150) continue;
    const before = nameBefore(text, open, mentions.at(-1)?.end ?? 0);
    const org = readMention(before?.name, inside);
    if (org && before) mentions.push({ org, start: before.start, end: close + 1 });
  }
  return mentions;
}

function readMention(name: string | undefined, inside: string): OrgInput | undefined {
  if (!name) return undefined;
  const quoted = /^"([^"]{2,60})"$/.exec(inside);
  if (quoted) return ORG_WORDS.test(name) || isAcronym(name) ? { name, aliases: [quoted[1]!] } : undefined;
  const dash = /^(.+?)\s+[-\u2013\u2014,]\s+([^\s,]+)$/.exec(inside);
  if (dash && isAcronym(dash[2]!)) return withLanguages(name, dash[1]!, dash[2]);
  if (isAcronym(inside)) return ORG_WORDS.test(name) || /^[A-Z]/.test(name) ? { name, acronym: inside } : undefined;
  if (/^[A-Z\u00c0-\u00de]/.test(inside) && !/\d/.test(inside) && (ORG_WORDS.test(name) || ORG_WORDS.test(inside))) return withLanguages(name, inside);
  return undefined;
}

/** Put the English name in `name` and the local-language one in `localName`. */
function withLanguages(first: string, second: string, acronym?: string): OrgInput {
  const swap = LOCAL.test(first) && !LOCAL.test(second);
  const [name, localName] = swap ? [second, first] : [first, second];
  return { name, localName, ...(acronym ? { acronym } : {}) };
}

/** The capitalised name just before `open`, and where it starts. */
function nameBefore(text: string, open: number, floor: number): { name: string; start: number } | undefined {
  const window = text.slice(Math.max(floor, open - 200), open);
  const offset = open - window.length;
  const tokens = [...window.matchAll(/\S+/g)].map((m) => ({ word: m[0], at: offset + m.index }));
  const taken: typeof tokens = [];
  for (let i = tokens.length - 1; i >= 0 && taken.length < 14; i--) {
    const { word } = tokens[i]!;
    if (/[,;:.)]$/.test(word)) break;
    const lower = word.toLowerCase();
    if (/^[A-Z\u00c0-\u00de]/.test(word)) taken.unshift(tokens[i]!);
    else if (lower === 'the' && tokens[i - 1]?.word.toLowerCase() === 'of' && taken.length > 0) taken.unshift(tokens[i]!);
    else if (CONNECTORS.has(lower) && taken.length > 0) taken.unshift(tokens[i]!);
    else break;
  }
  while (taken.length && (CONNECTORS.has(taken[0]!.word.toLowerCase()) || /^(?:the|a|an)$/i.test(taken[0]!.word))) taken.shift();
  // "INE and the Social ... Unit": an acronym and "and" before a name belong to a list.
  const andAt = taken.findIndex((t, i) => t.word === 'and' && i > 0 && isAcronym(taken[i - 1]!.word));
  if (andAt >= 0) taken.splice(0, andAt + 1);
  if (!taken.length) return undefined;
  const name = taken.map((t) => t.word).join(' ');
  return { name, start: taken[0]!.at };
}

/**
 * How two consecutive mentions relate, from the words between them: ", a decentralized unit
 * linked to the" makes the second the parent of the first ("decentralized unit linked to"),
 * and so does " of the" ("institute of", from the first one's name).
 */
export function relationBetween(between: string, child: OrgInput): string | undefined {
  const clause = /^,\s+(?:a|an|the)\s+([a-z][a-z -]{0,60}?\s(?:to|of|under|within|in))\s+(?:the\s+)?$/.exec(between);
  if (clause) return clause[1];
  if (/^\s+(?:of|at)\s+(?:the\s+)?$/.test(between)) return `${child.name.split(/\s+/).at(-1)!.toLowerCase()} of`;
  return undefined;
}

/** Split "IOM Bolivia and UDAPE" into names when every part is a known organisation. */
export function splitNames(text: string, isKnown: (name: string) => boolean): string[] {
  const whole = text.trim();
  if (isKnown(whole)) return [whole];
  const parts = whole.split(/\s*,\s*(?:(?:and|et|y)\s+)?|\s+(?:and|et|y)\s+|\s*&\s*/).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 && parts.every(isKnown) ? parts : [whole];
}

/** "all IOM units implementing IDF projects" -> "All IOM units implementing IDF projects". */
export function audienceName(text: string): string {
  return capitalise(text.trim().replace(/^the\s+/i, ''));
}

/** A name that stands for an organisation by itself: an acronym, a known body, an IOM office, or a name with an organisation word. */
export function standsAlone(part: string): boolean {
  return isAcronym(part) || knownBody(part) !== undefined || iomOfficeName(part) !== undefined || (/^[A-Z\u00c0-\u00de]/.test(part) && ORG_WORDS.test(part));
}

/**
 * The organisations a header value names: "IOM Development Fund", "EU and UNDP", "OIM et PNUD
 * en Haïti et République dominicaine" (a trailing place is set apart). A value is split only
 * when every part names an organisation on its own ("Ministry of Labour and Social Welfare" is one).
 */
export function orgList(text: string): { names: string[]; place?: string } {
  let value = text.replace(/\.$/, '').trim();
  let place: string | undefined;
  const at = /\s+(?:in|en|au|aux|à)\s+(.+)$/i.exec(value);
  if (at && at[1]!.split(/\s*,\s*|\s+(?:and|et|y)\s+/).every((c) => countryCode(c) !== undefined)) {
    place = at[1]!;
    value = value.slice(0, at.index).trim();
  }
  if (value.includes('(')) return { names: [value], place };
  const parts = value.split(/\s*[,;]\s*(?:(?:and|et|y)\s+)?|\s+(?:and|et|y|&)\s+/).map((p) => p.trim()).filter(Boolean);
  return { names: parts.length > 1 && parts.every(standsAlone) ? parts : [value], place };
}
