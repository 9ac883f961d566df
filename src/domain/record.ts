/**
 * EvaluationRecord: the one typed, validated shape every input (curated YAML, JSON, a parsed
 * brief) becomes before it reaches the graph. Organisations are declared once in
 * `organizations` and referred to everywhere else by their `ref` (which defaults to the
 * acronym, or the name when there is no acronym).
 */
import { z } from 'zod';
import { normaliseKey } from './text.js';

const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'is not a real calendar date');
/** YAML turns an unquoted 2021-05-20 into a Date; accept it and keep the ISO string. */
const dateField = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  isoDate,
);

export const ORGANIZATION_KINDS = [
  'INTERGOVERNMENTAL_ORGANIZATION',
  'COUNTRY_OFFICE',
  'DONOR_FUND',
  'GOVERNMENT_AGENCY',
  'MINISTRY',
  'STATISTICS_OFFICE',
  'UNIVERSITY',
  'RESEARCH_INSTITUTE',
  'CIVIL_SOCIETY',
  'EVALUATION_FIRM',
  'ORGANIZATIONAL_GROUP',
  'OTHER',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const organizationSchema = z.strictObject({
  ref: text.optional(),
  name: text,
  acronym: text.optional(),
  localName: text.optional(),
  aliases: z.array(text).default([]),
  kind: z.enum(ORGANIZATION_KINDS).default('OTHER'),
  parent: text.optional(),
  /** How the organisation relates to its parent, in the brief's words ("decentralized unit linked to"). */
  parentRelation: text.optional(),
  /**
   * The country a national body belongs to (ISO 3166-1 alpha-2). Two institutions with the same
   * acronym or name in two countries (INE of Bolivia, INE of Paraguay) stay two organisations.
   */
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 code in capitals').optional(),
});

export const personSchema = z.strictObject({
  name: text,
  title: text.optional(),
  organization: text.optional(),
});

export const countrySchema = z.strictObject({
  /** The name as the source gives it ("Bolivia", "Worldwide", "Kosovo (as defined by UNSCR 1244)"). */
  name: text,
  officialName: text.optional(),
  /** ISO 3166-1 alpha-2; absent for what has none ("Worldwide"). */
  isoCode: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 code in capitals').optional(),
});

export const outputSchema = z.strictObject({
  ref: text,
  component: z.number().int().positive().optional(),
  title: text,
  description: text.optional(),
  basedOn: z.array(text).default([]),
});

export const ratingSchema = z
  .strictObject({
    /** The score on the brief's scale (1-6 for IOM's scale, 0-100 for a percentage). */
    score: z.number().min(0).max(100),
    label: text,
    scaleMax: z.number().int().positive().optional(),
  })
  .refine((r) => r.scaleMax === undefined || r.score <= r.scaleMax, { message: 'score is above the scale\'s maximum', path: ['score'] })
  .refine((r) => r.scaleMax !== undefined || Number.isInteger(r.score) && r.score <= 10, { message: 'a score above 10 or with decimals needs its scaleMax (e.g. 100 for a percentage)', path: ['scaleMax'] });

export const findingSchema = z
  .strictObject({
    /** The criterion the finding is about (Relevance...); absent for findings grouped by objective or theme. */
    criterion: text.optional(),
    /** The heading the brief gives the finding, when it differs from the criterion's name. */
    title: text.optional(),
    rating: ratingSchema.optional(),
    summary: text,
  })
  .refine((f) => f.criterion !== undefined || f.title !== undefined, { message: 'a finding needs a criterion or a title', path: ['criterion'] });

export const recommendationSchema = z.strictObject({
  code: text,
  theme: text.optional(),
  audiences: z.array(text).default([]),
  text,
});

const period = z.strictObject({ from: dateField.optional(), to: dateField.optional() });

export const projectSchema = z.strictObject({
  /** The code as the source writes it; several forms of one project's code joined by "/" ("BO10P0001/CE.0350"). */
  code: text.optional(),
  /** The project's title; absent when no source names it (a catalogue row gives only its code). */
  title: text.optional(),
  type: text.optional(),
  summary: text.optional(),
  coverage: text.optional(),
  countries: z.array(countrySchema).default([]),
  startDate: dateField.optional(),
  endDate: dateField.optional(),
  budget: z.strictObject({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code') }).optional(),
  costExtensions: z.number().int().nonnegative().optional(),
  extensionMonths: z.number().int().nonnegative().optional(),
  /** IOM's gender marker as the brief states it ("0", "1", "2a"). */
  genderMarker: text.optional(),
  implementer: text.optional(),
  funders: z.array(text).default([]),
  partners: z
    .array(z.strictObject({ organization: text, lead: z.boolean().default(false), role: text.optional() }))
    .default([]),
  outputs: z.array(outputSchema).default([]),
}).refine((p) => p.code !== undefined || p.title !== undefined, { message: 'a project needs a code or a title', path: ['title'] });

export const documentSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** What the document is ("Evaluation report", "Evaluation brief", "Management response"...). */
  subtype: text.optional(),
  /** The description the catalogue gives the file. */
  description: text.optional(),
});

/** Accept the singular keys of records written before an evaluation could have several (a string becomes a list of one). */
const listOf = (value: unknown) => (typeof value === 'string' ? [value] : value);
function upgradeEvaluation(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { evaluationFirm, commissionedBy, ...rest } = value as Record<string, unknown>;
  const out: Record<string, unknown> = { ...rest };
  if (evaluationFirm !== undefined) out.evaluationFirms = [...(listOf(evaluationFirm) as unknown[]), ...((rest.evaluationFirms as unknown[] | undefined) ?? [])];
  if (commissionedBy !== undefined) out.commissioners = [...(listOf(commissionedBy) as unknown[]), ...((rest.commissioners as unknown[] | undefined) ?? [])];
  return out;
}

const evaluationObject = z.strictObject({
    title: text,
    /** The type as worded ("External independent ex-post evaluation"). */
    type: text.optional(),
    /** When it took place relative to the project, as the catalogue words it ("Final (at the end of the project/programme)"). */
    timing: text.optional(),
    /** What was evaluated: "Programme/Project", "Thematic", "Strategy", "Policy"... */
    scope: z.array(text).default([]),
    /** "Decentralized", "Centralized"... */
    level: text.optional(),
    /** "External", "Internal", "Joint"... */
    evaluatorType: text.optional(),
    /** Geographical coverage of the evaluation: "Country", "Multi-country", "Regional", "Global". */
    coverage: text.optional(),
    /** Year of the evaluation (the catalogue's year, else the final report's). */
    year: z.number().int().min(1950).max(2100).optional(),
    publicationDate: dateField.optional(),
    /** The period the evaluation covers. */
    period: period.optional(),
    fieldVisits: period.optional(),
    languages: z.array(text).default([]),
    /** Countries the evaluation covers, as the catalogue lists them (a project's own countries are on the project). */
    countries: z.array(countrySchema).default([]),
    /** IOM regional offices ("RO for Latin America and the Caribbean") or "Global". */
    regions: z.array(text).default([]),
    /** IOM's migration thematic areas (the official taxonomy). */
    thematicAreas: z.array(text).default([]),
    crossCuttingThemes: z.array(text).default([]),
    /** Organisations that funded what was evaluated, per the catalogue's Donor column. */
    donors: z.array(text).default([]),
    documents: z.array(documentSchema).default([]),
    /** What the catalogue says is available besides the report. */
    hasBrief: z.boolean().optional(),
    hasManagementResponse: z.boolean().optional(),
    hasTermsOfReference: z.boolean().optional(),
    intendedUsers: text.optional(),
    evaluators: z.array(personSchema).default([]),
    evaluationFirms: z.array(text).default([]),
    finalReportDate: dateField.optional(),
    commissioners: z.array(text).default([]),
    managedBy: personSchema.optional(),
    purpose: text.optional(),
    criteria: z.array(text).default([]),
    methodology: z.array(text).default([]),
    keyFindings: z.array(text).default([]),
    findings: z.array(findingSchema).default([]),
    conclusions: z.array(text).default([]),
    lessonsLearned: z.array(text).default([]),
    recommendations: z.array(recommendationSchema).default([]),
});

export const evaluationSchema = z.preprocess(upgradeEvaluation, evaluationObject);

export const sourceSchema = z.strictObject({
  /** Path of the source document, relative to the record file. */
  file: text,
  title: text.optional(),
});

/** Accept `project:` (one project) as well as `projects:`. */
function upgradeRecord(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { project, ...rest } = value as Record<string, unknown>;
  return project === undefined ? rest : { ...rest, projects: [project, ...((rest.projects as unknown[] | undefined) ?? [])] };
}

const recordObject = z.strictObject({
  source: sourceSchema.optional(),
  evaluation: evaluationSchema,
  /** The projects evaluated: none for an evaluation of a policy, strategy or theme; several when a brief names several codes. */
  projects: z.array(projectSchema).default([]),
  organizations: z.array(organizationSchema).default([]),
});

export const evaluationRecordSchema = z.preprocess(
  upgradeRecord,
  recordObject
  .superRefine((record, ctx) => {

    // Every organisation reference must name a declared organisation (by ref, acronym, name,
    // local name or alias), and refs must be unique.
    const known = new Map<string, number>();
    record.organizations.forEach((org, index) => {
      for (const key of organizationKeys(org)) {
        const seen = known.get(key);
        if (seen !== undefined && seen !== index) {
          ctx.addIssue({ code: 'custom', path: ['organizations', index], message: `"${key}" also names organizations[${seen}]` });
        }
        known.set(key, index);
      }
    });
    const check = (value: string | undefined, path: (string | number)[]) => {
      if (value !== undefined && !known.has(normaliseKey(value))) {
        ctx.addIssue({ code: 'custom', path, message: `"${value}" is not one of the record's organizations` });
      }
    };
    const e = record.evaluation;
    e.evaluationFirms.forEach((f, i) => check(f, ['evaluation', 'evaluationFirms', i]));
    e.commissioners.forEach((c, i) => check(c, ['evaluation', 'commissioners', i]));
    e.donors.forEach((d, i) => check(d, ['evaluation', 'donors', i]));
    check(e.managedBy?.organization, ['evaluation', 'managedBy', 'organization']);
    e.evaluators.forEach((person, i) => check(person.organization, ['evaluation', 'evaluators', i, 'organization']));
    e.recommendations.forEach((rec, i) => rec.audiences.forEach((a, j) => check(a, ['evaluation', 'recommendations', i, 'audiences', j])));
    record.organizations.forEach((org, i) => check(org.parent, ['organizations', i, 'parent']));
    record.projects.forEach((p, n) => {
      check(p.implementer, ['projects', n, 'implementer']);
      p.funders.forEach((f, i) => check(f, ['projects', n, 'funders', i]));
      p.partners.forEach((partner, i) => check(partner.organization, ['projects', n, 'partners', i, 'organization']));
      const outputRefs = new Set(p.outputs.map((o) => o.ref));
      p.outputs.forEach((o, i) =>
        o.basedOn.forEach((ref, j) => {
          if (!outputRefs.has(ref)) ctx.addIssue({ code: 'custom', path: ['projects', n, 'outputs', i, 'basedOn', j], message: `"${ref}" is not the ref of an output of this project` });
        }),
      );
      if (p.startDate && p.endDate && p.startDate > p.endDate) {
        ctx.addIssue({ code: 'custom', path: ['projects', n, 'endDate'], message: `ends (${p.endDate}) before it starts (${p.startDate})` });
      }
    });
    const codes = new Set<string>();
    e.recommendations.forEach((rec, i) => {
      if (codes.has(rec.code)) ctx.addIssue({ code: 'custom', path: ['evaluation', 'recommendations', i, 'code'], message: `recommendation code "${rec.code}" is used twice` });
      codes.add(rec.code);
    });
    for (const [name, value] of [['period', e.period], ['fieldVisits', e.fieldVisits]] as const) {
      if (value?.from && value.to && value.from > value.to) ctx.addIssue({ code: 'custom', path: ['evaluation', name, 'to'], message: `ends (${value.to}) before it starts (${value.from})` });
    }
  }),
);

export type EvaluationRecord = z.infer<typeof evaluationRecordSchema>;
/** What a record may be written as before validation (defaults filled in, singular legacy keys accepted by the parser). */
export type EvaluationRecordInput = Omit<z.input<typeof recordObject>, 'evaluation'> & { evaluation: z.input<typeof evaluationObject> };
export type OrganizationRecord = z.infer<typeof organizationSchema>;
export type ProjectRecord = z.infer<typeof projectSchema>;
export type CountryRecord = z.infer<typeof countrySchema>;
export type PersonRecord = z.infer<typeof personSchema>;

/** Every normalised name an organisation answers to. */
export function organizationKeys(org: Pick<OrganizationRecord, 'ref' | 'name' | 'acronym' | 'localName' | 'aliases'>): string[] {
  const names = [org.ref, org.acronym, org.name, org.localName, ...org.aliases].filter((v): v is string => Boolean(v));
  return [...new Set(names.map(normaliseKey))];
}

/** A validation failure, with one line per problem naming the path of the bad value. */
export class RecordValidationError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(`${source}: invalid evaluation record:\n${problems.map((p) => `  - ${p.path || '(record)'}: ${p.message}`).join('\n')}`);
    this.name = 'RecordValidationError';
  }
}

/**
 * The path of a problem as the input wrote it: a record written with the singular keys
 * (`project:`, `evaluationFirm:`, `commissionedBy:`) gets its problems named by those keys.
 */
export function inputPath(data: unknown, path: readonly PropertyKey[]): PropertyKey[] {
  const has = (value: unknown, key: string) => !!value && typeof value === 'object' && Object.hasOwn(value, key);
  const out = [...path];
  if (out[0] === 'projects' && out[1] === 0 && has(data, 'project') && !has(data, 'projects')) out.splice(0, 2, 'project');
  const evaluation = has(data, 'evaluation') ? (data as Record<string, unknown>).evaluation : undefined;
  for (const [plural, singular] of [['evaluationFirms', 'evaluationFirm'], ['commissioners', 'commissionedBy']] as const) {
    if (out[0] === 'evaluation' && out[1] === plural && has(evaluation, singular) && !has(evaluation, plural) && typeof (evaluation as Record<string, unknown>)[singular] === 'string') {
      out.splice(1, out[2] === 0 ? 2 : 1, singular);
    }
  }
  return out;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** Validate unknown data as an EvaluationRecord, or throw RecordValidationError naming every bad path. */
export function parseEvaluationRecord(data: unknown, source: string): EvaluationRecord {
  const result = evaluationRecordSchema.safeParse(data);
  if (result.success) return result.data;
  throw new RecordValidationError(
    source,
    result.error.issues.map((issue) => ({ path: formatPath(inputPath(data, issue.path)), message: issue.message })),
  );
}
