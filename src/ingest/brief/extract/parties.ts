/**
 * What a brief implies rather than states, recorded the way a curator would and said in a
 * warning: the implementing IOM office, the manager's organisation, the funder (a commissioning
 * fund), acronyms the text uses for organisations it names in full, and the cost extensions
 * the narrative mentions.
 */
import { normaliseKey } from '../../../domain/text.js';
import { splitSentences, type Brief } from '../draft.js';
import { guessKind, isAcronym, isCountryOffice, type DraftOrg } from '../organizations.js';
import { parseCount } from '../words.js';
import { readLead } from './partners.js';

/** "Three cost extensions were allocated, extending the project by 12 months." */
export function readCostExtensions(b: Brief): void {
  for (const element of b.narrative) {
    for (const { text } of splitSentences(element.text)) {
      if (!/\bextensions?\b/i.test(text)) continue;
      const count = /\b([A-Za-z]+|\d{1,2})\s+(?:no-cost\s+|cost\s+|time\s+)?extensions?\b/i.exec(text);
      const months = /\b(?:by|of|for)\s+(?:an?\s+(?:additional|further)\s+)?([A-Za-z]+(?:-[a-z]+)?|\d{1,2})\s+(?:additional\s+|more\s+)?months?\b/i.exec(text);
      const n = count ? parseCount(count[1]!) : undefined;
      const m = months ? parseCount(months[1]!) : undefined;
      if (n === undefined && m === undefined) continue;
      if (n !== undefined) {
        b.project.costExtensions = n;
        b.report.add('project.costExtensions', element, n);
      }
      if (m !== undefined) {
        b.project.extensionMonths = m;
        b.report.add('project.extensionMonths', element, m);
      }
      return;
    }
  }
}

export function inferParties(b: Brief): void {
  const p = b.project;
  const e = b.evaluation;
  const [commissioner] = e.commissioners;
  if (!p.implementer && projectNamed(b)) {
    const countryCodes = new Set(p.countries.map((c) => c.isoCode));
    const offices = b.orgs.orgs.filter(isCountryOffice);
    const inCountry = (o: DraftOrg) => p.countries.some((c) => normaliseKey(o.name) === normaliseKey(`IOM ${c.name}`));
    const managerOffice = e.manager?.org && isCountryOffice(e.manager.org) ? e.manager.org : undefined;
    const audienceOffice = e.recommendations.flatMap((r) => r.audiences).find((o) => isCountryOffice(o) && inCountry(o));
    const implementer = managerOffice ?? audienceOffice ?? offices.find(inCountry);
    if (implementer) {
      p.implementer = implementer;
      const from = implementer === managerOffice ? 'the "Managed by:" line' : implementer === audienceOffice ? "the recommendations' audiences" : 'the organisations the brief names';
      b.report.add('project.implementer', implementer.spans[0]!, implementer.name);
      b.report.warn(`no "Implemented by:" line; the implementer is taken to be ${implementer.name} (from ${from})`);
    } else if (countryCodes.size === 1 && commissioner && /\bIOM\b/.test(commissioner.name) && commissioner.name !== 'International Organization for Migration') {
      const country = p.countries[0]!;
      const span = b.label('evaluation.commissioners') ?? b.label('evaluation.commissionedAndManagedBy')!;
      p.implementer = b.orgs.add({ name: `IOM ${country.name}` }, span);
      b.report.add('project.implementer', span, p.implementer.name);
      b.report.warn(`no "Implemented by:" line and no IOM office named; the implementer is taken to be IOM's office in ${country.name}`);
    }
  }
  if (e.manager && !e.manager.org && p.implementer) {
    e.manager.org = p.implementer;
    b.report.warn(`the evaluation manager's organisation is not stated; taken to be the implementer, ${p.implementer.name}`, b.label('evaluation.managedBy')?.line);
  }
  if (!p.funders.length && commissioner && (commissioner.kind ?? guessKind(commissioner.name)) === 'DONOR_FUND' && projectNamed(b)) {
    p.funders.push(commissioner);
    b.report.add('project.funders[0]', b.label('evaluation.commissioners')!, commissioner.name);
    b.report.warn(`no "Funded by:" line; the commissioning fund, ${commissioner.name}, is taken to be the funder`);
  }
  readLead(b);
  inferAcronyms(b);
  for (const org of b.orgs.orgs) {
    // A university's institute is also written "IDIS/UMSA".
    if (org.acronym && org.parent?.acronym && (org.parent.kind ?? guessKind(org.parent.name, org.parent.localName)) === 'UNIVERSITY') {
      const alias = `${org.acronym}/${org.parent.acronym}`;
      if (!org.aliases.includes(alias)) org.aliases.push(alias);
    }
  }
}

/**
 * Whether the brief evaluates a project: it gives a code, its heading names a project, or its
 * panel gives a project's facts (type, budget). An evaluation of a policy, strategy or theme
 * has none of these.
 */
export function projectNamed(b: Brief): boolean {
  const p = b.project;
  return p.codes.length > 0 || p.titleSaysProject === true || p.type !== undefined || p.budget !== undefined || p.partners.length > 0 || p.outputs.length > 0;
}

/** "IDF" in the text and "IOM Development Fund" declared without an acronym: its initials. */
function inferAcronyms(b: Brief): void {
  const taken = new Set(b.orgs.orgs.map((o) => o.acronym).filter(Boolean));
  for (const org of b.orgs.orgs) {
    if (org.acronym) continue;
    for (const name of [org.name, org.localName]) {
      const initials = initialsOf(name);
      if (!initials || taken.has(initials) || !b.acronyms.has(initials) || b.orgs.find(initials)) continue;
      org.acronym = initials;
      org.acronymStated = false;
      taken.add(initials);
      b.report.warn(`${initials}, used in the text, is taken as the acronym of ${org.name} (its initials)`);
      break;
    }
  }
}

const INITIALS_SKIP = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'to', 'du', 'des', 'et', 'pour', 'le', 'les']);

function initialsOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const words = name.split(/\s+/).filter((w) => !INITIALS_SKIP.has(w.toLowerCase()));
  if (words.length < 2 || words.length > 8 || !words.every((w) => /^[A-Z\u00c0-\u00de]/.test(w))) return undefined;
  const initials = words.map((w) => w[0]!.normalize('NFD')[0]!.toUpperCase()).join('');
  return isAcronym(initials) ? initials : undefined;
}
