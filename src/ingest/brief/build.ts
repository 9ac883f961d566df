/**
 * The record a brief's draft becomes: one project per code, each with the facts the brief
 * gives once for all of them (or none, for an evaluation of a policy, strategy or theme, whose
 * coverage, countries, donors and period are then the evaluation's); organisations declared
 * once and referred to by the acronym the brief writes, else by name; the report's paths
 * renamed to the record's, and the lines each node of the record came from.
 */
import { RecordValidationError, parseEvaluationRecord, type EvaluationRecord, type EvaluationRecordInput } from '../../domain/record.js';
import { clean, type Brief, type DraftPerson } from './draft.js';
import { BriefParseError } from './errors.js';
import { guessKind, type DraftOrg, type Span } from './organizations.js';
import type { ExtractionReport } from './report.js';
import { capitalise } from './words.js';
import { projectNamed } from './extract/parties.js';

export interface Built {
  readonly record: EvaluationRecord;
  readonly report: ExtractionReport;
  readonly passages: Readonly<Record<string, string>>;
}

/** The title and type are what a record cannot do without. */
export function checkRequired(b: Brief): void {
  const missing: string[] = [];
  if (!b.evaluation.title) missing.push('evaluation.title');
  if (!b.evaluation.type) missing.push('evaluation.type');
  if (!missing.length) return;
  const what = [
    !b.evaluation.title && 'the title (a heading such as EX-POST EVALUATION OF THE PROJECT "TITLE", or a "Project title:" line)',
    !b.evaluation.type && 'the evaluation type (an "Evaluation type:" line)',
  ].filter(Boolean);
  throw new BriefParseError('MISSING_FIELDS', `${b.document} is missing ${what.join(' and ')}`, missing);
}

export function build(b: Brief): Built {
  const e = b.evaluation;
  const p = b.project;
  checkOrder(b);
  const ref = (org: DraftOrg) => b.orgs.ref(org);
  const person = (who: DraftPerson) => clean({ name: who.name, title: who.title, organization: who.org ? ref(who.org) : undefined });
  // A project needs a code or a title; without either, what the panel says is the evaluation's.
  const hasProject = projectNamed(b) && (p.codes.length > 0 || p.title !== undefined);
  const codes = hasProject ? (p.codes.length ? p.codes : [undefined]) : [];
  if (!hasProject) noProject(b);
  const implementer = p.implementer ? ` with ${p.implementer.name}` : '';
  const shared = clean({
    title: p.title,
    type: p.type,
    coverage: p.coverage,
    countries: p.countries,
    summary: p.summary,
    startDate: p.startDate,
    endDate: p.endDate,
    budget: p.budget,
    costExtensions: p.costExtensions,
    extensionMonths: p.extensionMonths,
    genderMarker: p.genderMarker,
    implementer: p.implementer ? ref(p.implementer) : undefined,
    funders: p.funders.map(ref),
    partners: p.partners.map((partner) => {
      const parts = [partner.verb ? `${partner.verb} the project${implementer}` : undefined, ...partner.parts].filter((s): s is string => !!s);
      return clean({ organization: ref(partner.org), lead: partner.lead, role: parts.length ? capitalise(parts.join('; ')) : undefined });
    }),
    outputs: p.outputs.map((o) => clean({ ref: o.ref, component: o.component, title: o.title, description: o.description, basedOn: o.basedOn })),
  });
  const data: EvaluationRecordInput = {
    evaluation: clean({
      title: e.title!,
      type: e.type!,
      intendedUsers: e.intendedUsers,
      evaluators: e.evaluators.map(person),
      evaluationFirms: e.firms.map(ref),
      fieldVisits: e.fieldVisits,
      finalReportDate: e.finalReportDate,
      commissioners: e.commissioners.map(ref),
      managedBy: e.manager ? person(e.manager) : undefined,
      purpose: e.purpose,
      criteria: e.criteria,
      methodology: e.methodology,
      keyFindings: e.keyFindings,
      findings: e.findings.map((f) => clean({ criterion: f.criterion, title: f.title, rating: f.rating && clean({ ...f.rating }), summary: f.summary.join('\n\n') || f.title || f.criterion! })),
      conclusions: e.conclusions,
      lessonsLearned: e.lessonsLearned,
      recommendations: e.recommendations.map((r) => clean({ code: r.ownCode!, theme: r.theme, audiences: r.audiences.map(ref), text: r.text })),
      ...(hasProject
        ? {}
        : clean({
            coverage: p.coverage,
            countries: p.countries,
            donors: p.funders.map(ref),
            period: p.startDate || p.endDate ? clean({ from: p.startDate, to: p.endDate }) : undefined,
          })),
    }),
    projects: codes.map((code) => clean({ code, ...shared })),
    organizations: b.orgs.orgs.map((o) =>
      clean({
        name: o.name,
        acronym: o.acronym,
        localName: o.localName,
        aliases: o.aliases,
        kind: o.kind ?? guessKind(o.name, o.localName),
        parent: o.parent ? ref(o.parent) : undefined,
        parentRelation: o.parent ? o.parentRelation : undefined,
      }),
    ),
  };
  b.orgs.orgs.forEach((o, i) => b.report.add(`organizations[${i}]`, o.spans[0]!, `${o.name}${o.acronym ? ` (${o.acronym})` : ''}`));
  p.partners.forEach((partner, i) => {
    b.report.add(`project.partners[${i}]`, partner.span, ref(partner.org));
    if (partner.leadSpan) b.report.add(`project.partners[${i}].lead`, partner.leadSpan, `${ref(partner.org)} leads`);
  });
  b.report.remap((field) => recordPaths(field, codes.length));

  let record: EvaluationRecord;
  try {
    record = parseEvaluationRecord(data, b.document);
  } catch (error) {
    if (!(error instanceof RecordValidationError)) throw error;
    throw new BriefParseError('INVALID_RECORD', `${b.document}: the extracted record is not valid:\n${error.problems.map((pr) => `  - ${pr.path}: ${pr.message}`).join('\n')}`);
  }
  return { record, report: b.report.build(codes.length > 0), passages: passages(b) };
}

/** A period that ends before it starts was misread: neither date is recorded. */
function checkOrder(b: Brief): void {
  const p = b.project;
  if (p.startDate && p.endDate && p.startDate > p.endDate) {
    b.report.warn(`the project period ends (${p.endDate}) before it starts (${p.startDate}); neither date is recorded`, b.label('project.period')?.line);
    p.startDate = p.endDate = undefined;
    b.report.remap((field) => (field === 'project.startDate' || field === 'project.endDate' ? [] : [field]));
  }
  const visits = b.evaluation.fieldVisits;
  if (visits?.from && visits.to && visits.from > visits.to) {
    b.report.warn(`the field visits end (${visits.to}) before they start (${visits.from}); they are not recorded`, b.label('evaluation.fieldVisits')?.line);
    b.evaluation.fieldVisits = undefined;
    b.report.remap((field) => (field === 'evaluation.fieldVisits' ? [] : [field]));
  }
}

/** An evaluation of a policy, strategy or theme: the panel's facts are the evaluation's. */
function noProject(b: Brief): void {
  b.report.warn('no project code, project title or project facts: recorded as the evaluation of a policy, strategy or theme, with no project');
  if (b.project.genderMarker) b.report.warn(`the gender marker "${b.project.genderMarker}" belongs to a project; with no project it is not recorded`, b.label('project.genderMarker')?.line);
  if (b.project.summary) b.report.warn('the summary describes what was evaluated; with no project it is not recorded', b.report.spans().find((s) => s.field === 'project.summary')?.line);
}

/** Where a drafted field lands in the record: `project.x` on every project, or on the evaluation when there is none. */
function recordPaths(field: string, projects: number): string[] {
  if (!field.startsWith('project.')) return [field];
  const rest = field.slice('project.'.length);
  if (projects) return Array.from({ length: projects }, (_, i) => `projects[${i}].${rest}`);
  const moved: Record<string, string> = { coverage: 'evaluation.coverage', startDate: 'evaluation.period', endDate: 'evaluation.period' };
  if (moved[rest]) return [moved[rest]];
  const list = /^(countries|funders)(\[\d+\])$/.exec(rest);
  if (list) return [`evaluation.${list[1] === 'funders' ? 'donors' : 'countries'}${list[2]}`];
  return [];
}

/** Line ranges per node of the record, from the report's spans and every organisation's mentions. */
function passages(b: Brief): Record<string, string> {
  const lines = new Map<string, [number, number][]>();
  const add = (key: string, span: Span) => {
    const spans = lines.get(key);
    if (spans) spans.push([span.line, span.endLine]);
    else lines.set(key, [[span.line, span.endLine]]);
  };
  for (const s of b.report.spans()) {
    const key = nodePathOf(s.field);
    if (key) add(key, s);
  }
  b.orgs.orgs.forEach((o, i) => o.spans.forEach((s) => add(`organizations[${i}]`, s)));
  return Object.fromEntries([...lines].map(([key, spans]) => [key, formatRanges(spans)]));
}

/** The record path of the node a found field belongs to (undefined for relationships). */
function nodePathOf(field: string): string | undefined {
  const item = /^(?:evaluation\.(?:findings|recommendations|conclusions|evaluators|countries)|projects\[\d+\]\.(?:outputs|countries)|organizations)\[\d+\]/.exec(field);
  if (item) return item[0];
  if (field === 'evaluation.managedBy') return field;
  if (/^projects\[\d+\]\.(?:partners|funders|implementer)/.test(field) || /^evaluation\.(?:evaluationFirms|commissioners|donors)/.test(field)) return undefined;
  if (field.startsWith('evaluation.')) return 'evaluation';
  return /^projects\[\d+\]/.exec(field)?.[0];
}

/** [[3,3],[10,12],[11,14]] -> "3,10-14". */
function formatRanges(spans: readonly (readonly [number, number])[]): string {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(',');
}
