/**
 * The Author cell: who wrote the evaluation, as people and/or organisations.
 *
 * Real cells mix everything: "Patricia Goldschmid, Owl RE" (a person and her firm), "Sharon
 * McClenaghan (Owl RE)", "CMS Consultants - Annika Caldwell and Angela Oliver-Burgess",
 * "Equilibrium | Social Development Consulting" (two firms), "OIG" and "IOM CENTRAL
 * EVALUATION" (IOM offices), "Benson, A., Llanes, L." (a citation), "Fabián Díaz/Lora
 * Cirhirini". The cell is cut at ";", "|" and runs of spaces, then at commas outside
 * parentheses (joining back initials, legal suffixes and place names), then at "and", "&",
 * "y", "/" and " - " where both sides are names of their own.
 *
 * Each piece is then a person or an organisation:
 * - a known organisation (organizations.ts), or a name with a firm word (Group, Consulting,
 *   Ltd, Research, Evaluation, Associates, Institute, University, Partners, Services...), an
 *   "&", or a short all-capitals token such as "RE" or "UK": an organisation;
 * - two to five words shaped like a name (capitalised words, initials, particles such as
 *   "de" or "van"): a person; a name written all in capitals is taken as a person, with a
 *   warning, since an acronym firm ("IOD PARC") looks the same;
 * - a single word: an organisation (no one is named by one word), with a warning unless it
 *   is in capitals or known; in a citation ("Marcus et al.") it is a surname.
 * A person is linked to a firm only where the cell says so: "Person (Firm)", "Firm -
 * Person", or persons followed by "(Firm)".
 */
import { clean, isPlaceholder, splitOutsideParentheses } from './cells.js';
import { isoCodeOf } from './countries.js';
import { authorOrganization, knownOrganization, type OrgSpec } from './organizations.js';

export interface Authors {
  readonly persons: { name: string; organization?: OrgSpec }[];
  readonly organizations: OrgSpec[];
  readonly problems: string[];
}

const FIRM_WORDS =
  /\b(group|groupe|grupo|consult|consulting|consultancy|consultants?|consultores|consultoría|consultoria|ltd|limited|inc|llc|plc|pvt|gmbh|s\.?a\.?s?|s\.?l|s\.? de r\.?l|coop|ab|oy|hb|sarl|corporation|corporación|corp|company|research|evaluation|evaluations|associates|associés|association|institute|institut|instituto|university|univeristy|universidad|université|school|college|partners|partnership|services|solutions|network|centre|center|centro|foundation|fundación|trust|agency|agence|office|unit|department|government|ministry|bureau|international|systems|enterprise|alliance|facility|development|management|expertise|analysis|analytics|analítica|policy|data|hub|clinic|africa|asia|europe|global|iom|oim|un|undp|unicef|working|team|headquarters|firm|co)\b/iu;
const PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'du', 'dos', 'das', 'van', 'von', 'der', 'den', 'la', 'le', 'y', 'bin', 'al', 'el', 'ter', 'mc', 'mac', 'st', 'e']);
const TITLES = /^(?:(?:assoc\.?|associate)\s+)?(?:dr|prof|pr|mr|mrs|ms|mme|mlle|sr|sra|lic|ing)\.?\s+/i;
const ROLE_NOTE = /^(?:externe?|interne?|external|internal|lead|team leader|lead evaluator|evaluator|consultant|iom consultant|phd|contracted by .*|evaluation team.*)$/i;
const ROLE_SUFFIX = /\s*[-–,]\s*(?:lead investigator|team leader|lead evaluator|lead|phd)\.?$/i;
const ROLE_PREFIX = /^(?:senior |lead |junior )?(?:evaluator|consultant|expert)s?\s+(?=\p{Lu})/iu;
const ET_AL = /\s*,?\s*\bet\s+(?:al|el)\b\.?/i;
const LEGAL_SUFFIX = /^(?:llc|inc\.?|ltd\.?|limited|plc|s\.?a\.?s?\.?|s\.?l\.?|gmbh|co\.?)$/i;
const INITIALS = /^(?:\p{Lu}\.?\s?){1,3}$/u;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’`.-]*|\p{Lu}\.)$/u;

type Kind = 'person' | 'organisation';
interface Piece {
  text: string;
  /** Set when a citation marker ("et al.") followed the name: a lone word is then a surname. */
  citation?: boolean;
  /** What the parentheses after it said ("Owl RE", "CD-BE", "ESE"). */
  qualifier?: string;
}

const words = (text: string) => text.split(/\s+/).filter((w) => w && w !== '-' && w !== '–');
const stripTitles = (text: string) => {
  let t = text.trim();
  for (let i = 0; i < 3 && TITLES.test(t); i++) t = t.replace(TITLES, '');
  return t.replace(/,?\s+PhD$/i, '').trim();
};
const isAllCaps = (text: string) => /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
/** A short all-capitals token that is not a name particle: "RE", "UK", "BD". */
const hasAcronymToken = (text: string) =>
  words(text).some((w) => /^[\p{Lu}\d+&]{2}$/u.test(w) && !PARTICLES.has(w.toLowerCase())) || words(text).some((w) => /[&+\d]/.test(w));

function strongOrganisation(text: string): boolean {
  return !!knownOrganization(text) || FIRM_WORDS.test(text) || /&/.test(text) || (!isAllCaps(text) && hasAcronymToken(text));
}

/** Two to five words shaped like a person's name. */
function personShaped(text: string): boolean {
  const ws = words(text);
  const named = ws.filter((w) => !PARTICLES.has(w));
  return named.length >= 2 && ws.length <= 6 && ws.every((w) => NAME_WORD.test(w) || PARTICLES.has(w));
}

function classify(piece: Piece, problems: string[]): Kind {
  const text = piece.text;
  if (knownOrganization(text)) return 'organisation';
  if (strongOrganisation(text)) return 'organisation';
  const ws = words(text);
  if (ws.length === 1) {
    if (piece.citation && NAME_WORD.test(text)) {
      problems.push(`"${text}" is a single name in a citation: taken as a person`);
      return 'person';
    }
    if (!isAllCaps(text)) problems.push(`"${text}" is one word: taken as an organisation`);
    return 'organisation';
  }
  if (personShaped(text)) {
    if (isAllCaps(text)) problems.push(`"${text}" is written in capitals: taken as a person, though it could be an organisation's name`);
    if (ws.length > 4) problems.push(`"${text}" has ${ws.length} words: taken as one person, though it may name several`);
    return 'person';
  }
  problems.push(`"${text}" is neither shaped like a person's name nor an organisation's: taken as an organisation`);
  return 'organisation';
}

/** Cut a text at a connector where both sides stand on their own; "&" and "and" only between people. */
function splitConnectors(text: string): string[] {
  for (const [pattern, needs] of [
    [/\s+[-–]\s+/, 'organisation'],
    [/\s*\/\s*/, 'any'],
    [/\s+(?:and|&|y|et|e)\s+/i, 'people'],
  ] as const) {
    const parts = text.split(pattern).map((p) => p.trim()).filter(Boolean);
    if (parts.length < 2) continue;
    const org = parts.map((p) => strongOrganisation(p));
    const person = parts.map((p) => personShaped(stripTitles(p)) && !strongOrganisation(p));
    const ok =
      needs === 'people'
        ? person.every(Boolean) || (org.some((o, i) => o && !!knownOrganization(parts[i]!)) && parts.every((p, i) => org[i] || person[i])) || (org[0] && person.slice(1).every(Boolean))
        : needs === 'organisation'
          ? org.some(Boolean) && parts.every((p, i) => org[i] || person[i] || splitConnectors(p).length > 1)
          : parts.every((p, i) => org[i] || person[i]);
    if (ok) return parts.flatMap(splitConnectors);
  }
  return [text];
}

/** Initials that continue a citation's surname: "Benson, A." -> "A. Benson". */
function joinPieces(pieces: Piece[], problems: string[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const prev = out.at(-1);
    const t = piece.text;
    if (/^(?:phd|dr\.?|prof\.?)$/i.test(t)) continue;
    if (prev && (LEGAL_SUFFIX.test(t) || /^\p{Ll}/u.test(t))) {
      prev.text = `${prev.text}, ${t}`;
      prev.qualifier ??= piece.qualifier;
    } else if (prev && INITIALS.test(t) && words(prev.text).length <= 3 && !strongOrganisation(prev.text)) {
      prev.text = `${t} ${prev.text}`;
      prev.citation = prev.citation || piece.citation;
      prev.qualifier ??= piece.qualifier;
    } else if (prev && strongOrganisation(prev.text) && !knownOrganization(t) && (words(t).length === 1 || isoCodeOf(t)) && !INITIALS.test(t)) {
      // "Tavistock Clinic, London", "SEBCON Pvt. Limited Islamabad, Pakistan": a place after a name.
      prev.text = `${prev.text}, ${t}`;
      prev.qualifier ??= piece.qualifier;
    } else {
      out.push({ ...piece });
    }
  }
  // "ABOU MRAD, Nisreen": a surname (often in capitals) then one given name.
  if (out.length === 2 && !out[1]!.citation && words(out[1]!.text).length === 1 && NAME_WORD.test(out[1]!.text) && !isAllCaps(out[1]!.text) && !knownOrganization(out[1]!.text)) {
    const [surname, given] = out as [Piece, Piece];
    if (!strongOrganisation(surname.text) && words(surname.text).length <= 2 && (isAllCaps(surname.text) || words(surname.text).length === 1)) {
      problems.push(`"${surname.text}, ${given.text}" read as surname, given name: "${given.text} ${surname.text}"`);
      return [{ text: `${given.text} ${surname.text}`, qualifier: given.qualifier ?? surname.qualifier }];
    }
  }
  return out;
}

interface Unit {
  readonly text: string;
  /** What the parentheses after it said. */
  readonly qualifier?: string;
  readonly citation: boolean;
}

/** Split a piece into its text and its trailing "(...)", dropping role notes ("(externe)", "(Lead)"). */
function units(piece: string): Unit[] {
  const out: Unit[] = [];
  let rest = piece;
  for (;;) {
    const m = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/.exec(rest);
    if (!m) break;
    const [, before, inside, after] = m;
    if (after && /^\p{Lu}/u.test(after) && before && !/[,;]$/.test(before) && !ROLE_NOTE.test(inside!.trim())) {
      // A parenthesis inside a name: "Panadda (Yui) Changmanee" (a nickname), "The Swedish Institute ... (Sipu) International AB".
      rest = personShaped(`${before} ${after}`) ? `${before} ${after}` : `${before} ${inside} ${after}`;
      continue;
    }
    const citation = ET_AL.test(before!);
    out.push({ text: before!.replace(ET_AL, '').trim(), qualifier: ROLE_NOTE.test(inside!.trim()) ? undefined : inside!.trim(), citation });
    rest = after!.replace(/^[\s,;]+/, '');
  }
  if (rest.trim()) out.push({ text: rest.replace(ET_AL, '').trim(), citation: ET_AL.test(rest) });
  return out.filter((u) => u.text || u.qualifier);
}

/**
 * Whether "(ACR)" abbreviates the name before it: "strong" when its letters are initials of
 * the name's words in order from the first ("Coxwain Social Investment Plus (CSI+)"), "weak"
 * when the name is an organisation's and the first letters agree ("Dovich Development
 * Management Experts (DEMEX)").
 */
function abbreviates(acronym: string, name: string): 'strong' | 'weak' | false {
  if (!/^[\p{Lu}][\p{L}\d+&.-]*$/u.test(acronym) || (acronym.match(/\p{Lu}/gu) ?? []).length < 2) return false;
  const letters = acronym.replace(/[^\p{L}]/gu, '').toUpperCase();
  const initials = words(name.replace(/[’']/g, ' ')).map((w) => w[0]!.toUpperCase()).join('');
  let at = 0;
  let ordered = true;
  for (const ch of letters) {
    at = initials.indexOf(ch, at);
    if (at < 0) {
      ordered = false;
      break;
    }
    at++;
  }
  if (ordered && initials.startsWith(letters[0]!)) return 'strong';
  return (ordered || initials[0] === letters[0]) && strongOrganisation(name) ? 'weak' : false;
}

export function parseAuthors(cell: string): Authors {
  const persons: Authors['persons'] = [];
  const organizations: OrgSpec[] = [];
  const problems: string[] = [];
  const addOrg = (spec: OrgSpec) => {
    if (!organizations.some((o) => o.name === spec.name)) organizations.push(spec);
    return organizations.find((o) => o.name === spec.name)!;
  };
  const raw = cell.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/ {3,}/g, ';');
  if (isPlaceholder(raw)) return { persons, organizations, problems };
  const whole = clean(raw).replace(/[,;\s]+$/, '');
  const known = knownOrganization(whole);
  if (known) return { persons, organizations: [known], problems };

  for (const groupRaw of splitOutsideParentheses(whole, ';').flatMap((g) => splitOutsideParentheses(g, '|'))) {
    const group = clean(groupRaw)
      .replace(/^\p{L}+:\s+/u, '')
      .replace(/\s*\((pty|ltd|inc)\.?\)\s*/gi, ' $1 ')
      .replace(/[,;\s]+$/, '');
    if (!group) continue;
    const groupKnown = knownOrganization(group);
    if (groupKnown) {
      addOrg(groupKnown);
      continue;
    }
    // "Association for Emancipation, Solidarity and Equality of women (ESE)": one organisation.
    const acr = /^(.*\S)\s*\(([^()]+)\)$/.exec(group);
    const abbreviation = acr ? abbreviates(acr[2]!.trim(), acr[1]!) : false;
    const hasPerson = acr ? splitOutsideParentheses(acr[1]!).some((p) => personShaped(stripTitles(p.trim())) && !strongOrganisation(p)) : false;
    if (acr && (abbreviation === 'strong' || (abbreviation === 'weak' && !hasPerson))) {
      addOrg(authorOrganization(acr[1]!.trim(), acr[2]!.trim()));
      continue;
    }
    const groupPersons: { name: string; organization?: OrgSpec }[] = [];
    let lastQualifierOrgs: OrgSpec[] = [];
    const pieces: Piece[] = [];
    for (const p of splitOutsideParentheses(group)) {
      for (const unit of units(p.trim())) {
        const text = unit.text.replace(/^(?:and|y|et|&)\s+/i, '').replace(/^[-–]\s*/, '').trim();
        if (!text || /^et\s+(?:al|el)\.?$/i.test(text)) {
          const prev = pieces.at(-1);
          if (prev && unit.qualifier) prev.qualifier ??= unit.qualifier;
          continue;
        }
        pieces.push({ text, citation: unit.citation, qualifier: unit.qualifier });
      }
    }
    // In a citation ("Marinelli, Rocchini et el."), a lone word is a surname.
    if (pieces.some((p) => p.citation)) pieces.forEach((p) => (p.citation = true));
    const joined = joinPieces(pieces, problems);
    for (const piece of joined) {
      const qualifier = piece.qualifier;
      let qualifierOrgs: OrgSpec[] = [];
      let acronym: string | undefined;
      if (qualifier) {
        const abbreviation = abbreviates(qualifier, piece.text);
        if (abbreviation === 'strong' || (abbreviation === 'weak' && !personShaped(stripTitles(piece.text)))) acronym = qualifier;
        else {
          const inner = qualifier.replace(/^in partnership with\s+/i, '');
          const parts = knownOrganization(inner) ? [inner] : inner.split(/\s+and\s+/).every((p) => strongOrganisation(p)) ? inner.split(/\s+and\s+/) : [inner];
          qualifierOrgs = parts.map((p) => addOrg(authorOrganization(p.trim())));
          lastQualifierOrgs = qualifierOrgs;
        }
      }
      const text = piece.text.replace(ROLE_SUFFIX, '').replace(ROLE_PREFIX, '');
      // A known organisation at the end of a person's name: "Patricia Goldschmid Owl RE", "Glenn O'Neil. Owl RE".
      const tail = /^(.*?\p{Ll}[\p{L}'’]*)[\s.,-]+((?:\S+\s){0,3}\S+)$/u.exec(text);
      const tailOrg = tail ? [1, 2, 3, 4].map((n) => words(text).slice(-n).join(' ')).map((t) => ({ t, org: knownOrganization(t) })).find((x) => x.org && words(text).length > words(x.t).length) : undefined;
      let rest = text;
      let firmOfPerson: OrgSpec | undefined;
      if (tailOrg?.org && !knownOrganization(text) && personShaped(stripTitles(text.slice(0, text.length - tailOrg.t.length).replace(/[\s.,-]+$/, '')))) {
        firmOfPerson = addOrg(tailOrg.org);
        rest = text.slice(0, text.length - tailOrg.t.length).replace(/[\s.,-]+$/, '');
      }
      const parts = splitConnectors(rest);
      const kinds = parts.map((p) => classify({ text: stripTitles(p), citation: piece.citation }, problems));
      // "Firm - Person": the people of a piece belong to the organisation named with them.
      const pieceOrgs = parts.flatMap((p, i) => (kinds[i] === 'organisation' ? [addOrg(authorOrganization(p, i === parts.length - 1 ? acronym : undefined))] : []));
      parts.forEach((p, i) => {
        if (kinds[i] !== 'person') return;
        const organization = firmOfPerson ?? (qualifierOrgs.length === 1 ? qualifierOrgs[0] : undefined) ?? (pieceOrgs.length === 1 && /\s[-–]\s/.test(rest) ? pieceOrgs[0] : undefined);
        const person = { name: stripTitles(p).replace(/[.,]+$/, (m) => (/\b\p{Lu}\.$/u.test(stripTitles(p)) ? '.' : '')), organization };
        groupPersons.push(person);
      });
    }
    // "Charlotte Mueller, Dr. Katie Kuschminder (MGSoG)": people listed before one firm in parentheses work for it.
    if (lastQualifierOrgs.length === 1 && groupPersons.every((p) => !p.organization || p.organization === lastQualifierOrgs[0])) {
      if (joined.at(-1)?.qualifier) groupPersons.forEach((p) => (p.organization = lastQualifierOrgs[0]));
    }
    persons.push(...groupPersons);
  }
  // One person named twice (with and without a firm) counts once.
  const unique = new Map<string, { name: string; organization?: OrgSpec }>();
  for (const p of persons) {
    const key = p.name.toLowerCase();
    const seen = unique.get(key);
    if (!seen) unique.set(key, p);
    else if (!seen.organization && p.organization) seen.organization = p.organization;
  }
  return { persons: [...unique.values()], organizations, problems };
}
