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
});

export const personSchema = z.strictObject({
  name: text,
  title: text.optional(),
  organization: text.optional(),
});

export const countrySchema = z.strictObject({
  name: text,
  officialName: text.optional(),
  isoCode: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 code in capitals'),
});

export const outputSchema = z.strictObject({
  ref: text,
  component: z.number().int().positive().optional(),
  title: text,
  description: text.optional(),
  basedOn: z.array(text).default([]),
});

export const ratingSchema = z.strictObject({
  score: z.number().int().min(0).max(10),
  label: text,
  scaleMax: z.number().int().positive().optional(),
});

export const findingSchema = z.strictObject({
  criterion: text,
  /** The heading the brief gives the finding, when it differs from the criterion's name. */
  title: text.optional(),
  rating: ratingSchema.optional(),
  summary: text,
});

export const recommendationSchema = z.strictObject({
  code: text,
  theme: text.optional(),
  audiences: z.array(text).default([]),
  text,
});

export const projectSchema = z.strictObject({
  code: text.optional(),
  title: text,
  type: text.optional(),
  summary: text.optional(),
  coverage: text.optional(),
  countries: z.array(countrySchema).default([]),
  startDate: dateField.optional(),
  endDate: dateField.optional(),
  budget: z.strictObject({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code') }).optional(),
  costExtensions: z.number().int().nonnegative().optional(),
  extensionMonths: z.number().int().nonnegative().optional(),
  implementer: text.optional(),
  funders: z.array(text).default([]),
  partners: z
    .array(z.strictObject({ organization: text, lead: z.boolean().default(false), role: text.optional() }))
    .default([]),
  outputs: z.array(outputSchema).default([]),
});

export const evaluationSchema = z.strictObject({
  title: text,
  type: text,
  intendedUsers: text.optional(),
  evaluators: z.array(personSchema).default([]),
  evaluationFirm: text.optional(),
  finalReportDate: dateField.optional(),
  commissionedBy: text.optional(),
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

export const sourceSchema = z.strictObject({
  /** Path of the source document, relative to the record file. */
  file: text,
  title: text.optional(),
});

export const evaluationRecordSchema = z
  .strictObject({
    source: sourceSchema.optional(),
    evaluation: evaluationSchema,
    project: projectSchema,
    organizations: z.array(organizationSchema).default([]),
  })
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
    const p = record.project;
    check(e.evaluationFirm, ['evaluation', 'evaluationFirm']);
    check(e.commissionedBy, ['evaluation', 'commissionedBy']);
    check(e.managedBy?.organization, ['evaluation', 'managedBy', 'organization']);
    e.evaluators.forEach((person, i) => check(person.organization, ['evaluation', 'evaluators', i, 'organization']));
    e.recommendations.forEach((rec, i) => rec.audiences.forEach((a, j) => check(a, ['evaluation', 'recommendations', i, 'audiences', j])));
    check(p.implementer, ['project', 'implementer']);
    p.funders.forEach((f, i) => check(f, ['project', 'funders', i]));
    p.partners.forEach((partner, i) => check(partner.organization, ['project', 'partners', i, 'organization']));
    record.organizations.forEach((org, i) => check(org.parent, ['organizations', i, 'parent']));
    const outputRefs = new Set(p.outputs.map((o) => o.ref));
    p.outputs.forEach((o, i) =>
      o.basedOn.forEach((ref, j) => {
        if (!outputRefs.has(ref)) ctx.addIssue({ code: 'custom', path: ['project', 'outputs', i, 'basedOn', j], message: `"${ref}" is not the ref of an output of this project` });
      }),
    );
    const codes = new Set<string>();
    e.recommendations.forEach((rec, i) => {
      if (codes.has(rec.code)) ctx.addIssue({ code: 'custom', path: ['evaluation', 'recommendations', i, 'code'], message: `recommendation code "${rec.code}" is used twice` });
      codes.add(rec.code);
    });
    if (p.startDate && p.endDate && p.startDate > p.endDate) {
      ctx.addIssue({ code: 'custom', path: ['project', 'endDate'], message: `ends (${p.endDate}) before it starts (${p.startDate})` });
    }
  });

export type EvaluationRecord = z.infer<typeof evaluationRecordSchema>;
export type EvaluationRecordInput = z.input<typeof evaluationRecordSchema>;
export type OrganizationRecord = z.infer<typeof organizationSchema>;
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

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** Validate unknown data as an EvaluationRecord, or throw RecordValidationError naming every bad path. */
export function parseEvaluationRecord(data: unknown, source: string): EvaluationRecord {
  const result = evaluationRecordSchema.safeParse(data);
  if (result.success) return result.data;
  throw new RecordValidationError(
    source,
    result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  );
}
