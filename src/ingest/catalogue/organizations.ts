/**
 * Organisations a catalogue row names (donors, commissioners, evaluation firms), with their
 * kind, and the record's `organizations` list they are declared in.
 *
 * Known organisations are recognised by any spelling the exports use ("Owl RE", "OWLRE",
 * "Owl Re"; "OIG", "Office of the Inspector General") so that one institution is one
 * organisation; others are taken as written, with an acronym when the name gives one in
 * parentheses ("European Commission for Humanitarian Aid and Civil Protection (ECHO)").
 *
 * Kinds, from what the name says: a fund or facility is a DONOR_FUND; IOM, the UN and its
 * agencies, the EU and the development banks are INTERGOVERNMENTAL_ORGANIZATIONs; a firm that
 * authored an evaluation is an EVALUATION_FIRM; governments, IOM's own offices, universities
 * and companies are OTHER (the national kinds would tie them to a country the row does not
 * give). No donor gets a country.
 */
import type { OrganizationKind, OrganizationRecord } from '../../domain/record.js';
import { normaliseKey } from '../../domain/text.js';
import { clean } from './cells.js';

export interface OrgSpec {
  readonly name: string;
  readonly acronym?: string;
  readonly aliases?: readonly string[];
  readonly kind: OrganizationKind;
  /** The name of a known parent organisation (declared alongside). */
  readonly parent?: string;
  readonly parentRelation?: string;
}

const IOM = 'International Organization for Migration';

/** Organisations with a fixed name, by every spelling seen. The first name is kept. */
const KNOWN: readonly (OrgSpec & { spellings?: readonly string[] })[] = [
  { name: IOM, acronym: 'IOM', aliases: ['International Organisation for Migration'], kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'IOM Development Fund', acronym: 'IDF', kind: 'DONOR_FUND', parent: IOM, parentRelation: 'fund of' },
  { name: 'IOM Office of the Inspector General', acronym: 'OIG', aliases: ['Office of the Inspector General'], kind: 'OTHER', parent: IOM, parentRelation: 'office of' },
  { name: 'IOM Central Evaluation', kind: 'OTHER', parent: IOM, parentRelation: 'unit of' },
  { name: 'United Nations', acronym: 'UN', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'European Union', acronym: 'EU', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'European Commission for Humanitarian Aid and Civil Protection', acronym: 'ECHO', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'International Labour Organization', acronym: 'ILO', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'United Nations Development Programme', acronym: 'UNDP', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: "United Nations Children's Fund", acronym: 'UNICEF', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'United Nations Office for Project Services', acronym: 'UNOPS', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'United Nations Population Fund', acronym: 'UNFPA', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'United Nations Evaluation Group', acronym: 'UNEG', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'United Nations Office for the Coordination of Humanitarian Affairs', acronym: 'OCHA', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'UN Women', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'World Food Programme', acronym: 'WFP', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'Food and Agriculture Organization of the United Nations', acronym: 'FAO', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'FAO Office of Evaluation', acronym: 'OED', kind: 'OTHER', spellings: ['OED(FAO)', 'OED (FAO)'] },
  { name: 'World Bank', kind: 'INTERGOVERNMENTAL_ORGANIZATION' },
  { name: 'UN Trust Fund for Human Security', acronym: 'UNTFHS', kind: 'DONOR_FUND' },
  { name: 'Owl RE', aliases: ['Owl RE consultancy'], kind: 'EVALUATION_FIRM', spellings: ['OWL RE', 'Owl Re', 'OWLRE', 'OwlRE', 'Owl RE Consulting'] },
  { name: 'Artival Research & Evaluation', kind: 'EVALUATION_FIRM', spellings: ['Artival', 'Artival Research and Evaluation', 'Artival Research and Evalution'] },
  { name: 'Research and Communications Group', kind: 'EVALUATION_FIRM', spellings: ['Research Communications Group'] },
  { name: 'UPENDO Consulting Inc.', kind: 'EVALUATION_FIRM', spellings: ['UPENDO Consulting Inc', 'UPENDO Consulting'] },
  { name: 'EnCompass LLC', kind: 'EVALUATION_FIRM', spellings: ['EnCompass, LLC'] },
  { name: 'Kondan & Symss Consultancy Inc.', kind: 'EVALUATION_FIRM', spellings: ['Kondan & Symss Consultancy Inc'] },
  { name: 'SREO Consulting Ltd', kind: 'EVALUATION_FIRM', spellings: ['SREO Consulting Ltd.'] },
  { name: 'PPMI Group', kind: 'EVALUATION_FIRM', spellings: ['PPMI'] },
  { name: 'Itad', kind: 'EVALUATION_FIRM', spellings: ['ITAD Ltd.', 'ITAD Ltd', 'ITAD'] },
  { name: 'KonTerra Group', kind: 'EVALUATION_FIRM' },
  { name: 'IOD PARC', kind: 'EVALUATION_FIRM' },
  { name: 'Cifras y Conceptos', kind: 'EVALUATION_FIRM', spellings: ['Cifras & Conceptos'] },
  { name: 'Econometría', kind: 'EVALUATION_FIRM', spellings: ['Econometría S.A.'] },
  { name: 'Zigla', kind: 'EVALUATION_FIRM', spellings: ['ZIGLA'] },
  { name: 'Social Impact', kind: 'EVALUATION_FIRM' },
  { name: 'Crest Point', kind: 'EVALUATION_FIRM' },
  { name: 'CD-BE Consulting and Development', acronym: 'CD-BE', kind: 'EVALUATION_FIRM' },
  { name: 'UDP Profesionales del Desarrollo', acronym: 'UDPPD', kind: 'EVALUATION_FIRM', spellings: ['UDP - PROFESIONALES DEL DESARROLLO (UDPPD), EL SALVADOR', 'UDP, Profesionales del Desarrollo'] },
  { name: 'Institut d\'Etudes Politiques de Paris', aliases: ['Sciences Po'], kind: 'OTHER', spellings: ["Institut d'Etudes Politiques - Sciences Po, Paris", "Institut d'Etuedes Politiques de Paris", "Intitut d'Etudes Politiques de Paris"] },
  { name: 'Columbia University', kind: 'OTHER', spellings: ['Columbia Univeristy'] },
  { name: 'Columbia University SIPA', kind: 'OTHER', spellings: ['Columbia University, SIPA', 'Columbia Univeristy, SIPA'] },
  { name: 'Maastricht Graduate School of Governance', acronym: 'MGSoG', kind: 'OTHER' },
  { name: 'Inter-Agency Humanitarian Evaluation Steering Group', acronym: 'IAHE SG', aliases: ['IAHE'], kind: 'OTHER', spellings: ['The Inter-Agency Humanitarian Evaluation Steering Group (IAHE SG)'] },
  { name: 'Kvinna till Kvinna', kind: 'OTHER' },
  { name: 'Stiftelsen Kvinnoforum', kind: 'OTHER' },
  { name: 'Equilibrium', kind: 'EVALUATION_FIRM' },
  { name: 'Seefar', kind: 'EVALUATION_FIRM' },
  { name: 'Stoos', kind: 'EVALUATION_FIRM' },
  { name: 'Transtec', kind: 'EVALUATION_FIRM' },
  { name: 'Proeval', kind: 'EVALUATION_FIRM' },
  { name: 'SocialZink', kind: 'EVALUATION_FIRM' },
  { name: 'Chevron', kind: 'OTHER' },
  { name: 'Axiom Somalia', kind: 'EVALUATION_FIRM' },
];

const knownByKey = new Map<string, OrgSpec>();
for (const spec of KNOWN) {
  for (const name of [spec.name, spec.acronym, ...(spec.aliases ?? []), ...(spec.spellings ?? [])]) if (name) knownByKey.set(normaliseKey(name), spec);
}

/** The known organisation a text names (by name, acronym, alias or a spelling seen), if any. */
export function knownOrganization(text: string): OrgSpec | undefined {
  const spec = knownByKey.get(normaliseKey(text));
  if (!spec) return undefined;
  const { name, acronym, aliases, kind, parent, parentRelation } = spec;
  return { name, acronym, aliases, kind, parent, parentRelation };
}

const FUND = /\b(fund|funds|trust fund|facility|flash appeal)\b/i;
const INTERGOVERNMENTAL = /^(UN|UNDG|United Nations)\b|\b(Development Bank|World Bank|European Union|European Commission|NATO)\b/;

/** "Name (ACR)" -> name and acronym; otherwise the name alone. */
export function nameAndAcronym(text: string): { name: string; acronym?: string } {
  const t = clean(text);
  const m = /^(.*\S)\s*\(([A-Z][A-Za-z0-9+&.\- ]{1,14})\)$/.exec(t);
  if (m && /[A-Z].*[A-Z]/.test(m[2]!) && !/\s[a-z]/.test(m[2]!)) return { name: m[1]!.replace(/^The\s+/, 'The '), acronym: m[2]!.trim() };
  return { name: t };
}

/** A donor as the Donor column names it. */
export function donorOrganization(text: string): OrgSpec {
  const known = knownOrganization(text);
  if (known) return known;
  const { name, acronym } = nameAndAcronym(text);
  const kind: OrganizationKind = FUND.test(name) ? 'DONOR_FUND' : INTERGOVERNMENTAL.test(name) ? 'INTERGOVERNMENTAL_ORGANIZATION' : 'OTHER';
  return { name, acronym, kind };
}

/** An organisation named in the Author column: an evaluation firm unless its name says otherwise. */
export function authorOrganization(text: string, acronym?: string): OrgSpec {
  const known = knownOrganization(text) ?? (acronym ? knownOrganization(acronym) : undefined);
  if (known) return known;
  const name = clean(text);
  const kind: OrganizationKind = INTERGOVERNMENTAL.test(name)
    ? 'INTERGOVERNMENTAL_ORGANIZATION'
    : /^(IOM|OIM)\b|\b(Regional Office|Headquarters|Government|Ministry|Department|Universit|Univeristy|School|Institut|Clinic)/i.test(name)
      ? 'OTHER'
      : 'EVALUATION_FIRM';
  return { name, acronym, kind };
}

/**
 * The organisations of one record: each declared once however often and however it is named
 * (a donor that also commissioned the evaluation, a firm named twice), referred to by name.
 */
export class OrganizationList {
  private readonly orgs: { name: string; acronym?: string; aliases: string[]; kind: OrganizationKind; parent?: string; parentRelation?: string }[] = [];
  private readonly byKey = new Map<string, number>();

  /** Declare an organisation (and its parent); returns the name the record refers to it by. */
  add(spec: OrgSpec): string {
    if (spec.parent) this.add(knownOrganization(spec.parent) ?? { name: spec.parent, kind: 'OTHER' });
    const keys = [spec.name, spec.acronym, ...(spec.aliases ?? [])].filter((k): k is string => !!k).map(normaliseKey);
    const existing = keys.map((k) => this.byKey.get(k)).find((i) => i !== undefined);
    if (existing !== undefined) {
      const org = this.orgs[existing]!;
      if (org.kind === 'OTHER' && spec.kind !== 'OTHER') org.kind = spec.kind;
      for (const alias of [spec.name, ...(spec.aliases ?? [])]) {
        const k = normaliseKey(alias);
        if (!this.byKey.has(k)) {
          org.aliases.push(alias);
          this.byKey.set(k, existing);
        }
      }
      if (!org.acronym && spec.acronym && !this.byKey.has(normaliseKey(spec.acronym))) {
        org.acronym = spec.acronym;
        this.byKey.set(normaliseKey(spec.acronym), existing);
      }
      return org.name;
    }
    const index = this.orgs.length;
    const free = (k: string | undefined) => k !== undefined && !this.byKey.has(normaliseKey(k));
    this.orgs.push({
      name: spec.name,
      acronym: free(spec.acronym) ? spec.acronym : undefined,
      aliases: (spec.aliases ?? []).filter((a) => free(a) && normaliseKey(a) !== normaliseKey(spec.name)),
      kind: spec.kind,
      parent: spec.parent,
      parentRelation: spec.parentRelation,
    });
    for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, index);
    return spec.name;
  }

  records(): OrganizationRecord[] {
    return this.orgs.map((o) => ({
      name: o.name,
      ...(o.acronym ? { acronym: o.acronym } : {}),
      aliases: o.aliases,
      kind: o.kind,
      ...(o.parent ? { parent: o.parent, parentRelation: o.parentRelation } : {}),
    }));
  }
}
