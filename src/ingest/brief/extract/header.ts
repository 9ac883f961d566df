/**
 * The header of a brief: its `Label: value` lines in any language (evaluation type,
 * evaluators, field visit dates, final report date, commissioned by, managed by, purpose,
 * criteria, methodology) and the lines next to them that lost their label (a label drawn as
 * an image in a PDF): those are reported, never guessed.
 */
import { normaliseKey } from '../../../domain/text.js';
import { LONGEST_LABEL, type Brief } from '../draft.js';
import { BriefParseError } from '../errors.js';
import { parsePeriod } from '../fields.js';
import { CRITERIA, labelKey, type LabelField } from '../labels.js';
import { orgList, type DraftOrg } from '../organizations.js';
import { splitLabel, type Element } from '../sections.js';
import { capitalise, isAllCaps, splitList, withoutArticle } from '../words.js';
import { readManager } from './people.js';

/** Every `Label: value` line, wherever it is; the first of each label wins. */
export function collectLabels(b: Brief): void {
  for (const element of b.allElements()) {
    if (element.kind !== 'label') continue;
    const label = splitLabel(element.text)!;
    if (label.field === 'rating') continue;
    const seen = b.labels.get(label.field);
    if (seen) {
      if (normaliseKey(seen.value) !== normaliseKey(label.value)) b.report.warn(`"${label.label}:" appears again with another value; the first one (line ${seen.line}) is used`, element.line);
      continue;
    }
    if (!label.value) {
      b.report.warn(`"${label.label}:" has no value`, element.line);
      continue;
    }
    if (label.value.length > LONGEST_LABEL) {
      b.report.warn(`"${label.label}:" has a value of ${label.value.length} characters, too long for a header line; it was ignored`, element.line);
      continue;
    }
    b.labels.set(label.field, { ...element, value: label.value, label: label.label });
  }
}

/** A document with none of the brief's header lines and sections is refused as a whole. */
export function checkIsBrief(b: Brief): void {
  const headings = new Set(b.sections.filter((s) => s.heading).map((s) => s.kind));
  const markers = b.labels.size + headings.size;
  if (markers >= 3) return;
  throw new BriefParseError(
    'NOT_A_BRIEF',
    `${b.document} does not look like an IOM evaluation brief: it has ${markers ? `only ${markers}` : 'none'} of the brief's header lines ` +
      `("Evaluation type:", "Evaluator(s):", "Final report:", "Commissioned by:", "Project code:", "Project period:", "Budget:"...) ` +
      `and sections (PROJECT SUMMARY, KEY FINDINGS, Conclusions, KEY RECOMMENDATIONS); at least 3 are expected, and the evaluation type and title are required`,
    ['evaluation.type', 'evaluation.title'],
  );
}

export function readType(b: Brief): void {
  const type = b.label('evaluation.type');
  if (!type) return;
  b.evaluation.type = type.value.replace(/\.$/, '');
  b.report.add('evaluation.type', type, b.evaluation.type);
}

/** Final report and field visit dates, commissioners, manager, purpose, criteria, methodology. */
export function readHeader(b: Brief): void {
  const e = b.evaluation;
  const date = b.label('evaluation.finalReportDate');
  const parsed = date ? b.date(date, date.value) : undefined;
  if (date && parsed) {
    e.finalReportDate = parsed.iso;
    b.report.add('evaluation.finalReportDate', date, parsed.iso);
  }
  readFieldVisits(b);
  const both = b.label('evaluation.commissionedAndManagedBy');
  const commissioner = b.label('evaluation.commissioners') ?? both;
  if (commissioner) {
    e.commissioners = commissioners(b, commissioner.value, commissioner);
    e.commissioners.forEach((org, i) => b.report.add(`evaluation.commissioners[${i}]`, commissioner, org.name));
  }
  readManagedBy(b, both);
  const purpose = b.label('evaluation.purpose');
  if (purpose) {
    e.purpose = purpose.value;
    b.report.add('evaluation.purpose', purpose, purpose.value);
  }
  const criteria = b.label('evaluation.criteria');
  if (criteria) {
    e.criteria = splitList(criteria.value).map(criterionName);
    b.report.add('evaluation.criteria', criteria, e.criteria.join(', '));
  }
  const methodology = b.label('evaluation.methodology');
  if (methodology) {
    e.methodology = splitList(methodology.value).map((m) => capitalise(withoutArticle(m)));
    b.report.add('evaluation.methodology', methodology, e.methodology.join('; '));
  }
}

/** A criterion as listed: the OECD-DAC ones by their English name ("pertinence" -> Relevance), others as written. */
export function criterionName(text: string): string {
  const key = labelKey(text);
  return CRITERIA.find((c) => c.words.includes(key))?.name ?? capitalise(text.trim());
}

/** "November 2022 - January 2023", "du 25 mars au 15 avril 2025", or one date. */
function readFieldVisits(b: Brief): void {
  const visits = b.label('evaluation.fieldVisits');
  if (!visits) return;
  const period = parsePeriod(visits.value);
  const single = period ? undefined : b.date(visits, visits.value);
  if (!period && !single) return;
  for (const date of [period?.start, period?.end]) if (date?.note) b.report.warn(date.note, visits.line);
  const from = period ? period.start?.iso : single!.iso;
  const to = period ? period.end?.iso : single!.iso;
  if (period && (!period.start || !period.end)) b.report.warn(`cannot read both dates of the field visits "${visits.value}"`, visits.line);
  b.evaluation.fieldVisits = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  b.report.add('evaluation.fieldVisits', visits, `${from ?? '?'} to ${to ?? '?'}`);
}

/** "IOM", "IOM Development Fund ("The Fund")", "OIM et PNUD en Haïti et République dominicaine". */
function commissioners(b: Brief, value: string, span: Element): DraftOrg[] {
  const { names, place } = orgList(value);
  if (place) b.report.warn(`"${place}" names where the commissioners are; the organisations are recorded without it`, span.line);
  return names.map((name) => b.orgPhrase(name, span));
}

function readManagedBy(b: Brief, both: (Element & { value: string }) | undefined): void {
  const label = b.label('evaluation.managedBy');
  if (!label) {
    if (!both) return;
    b.report.warn(`"${both.value}" commissioned and managed the evaluation; no person is named as its manager`, both.line);
    b.report.notApplicable('evaluation.managedBy');
    return;
  }
  const manager = readManager(label.value, (text) => b.orgs.find(text) !== undefined);
  if (!manager) {
    b.report.warn(`"Managed by:" names an organisation, not a person ("${label.value}"); no evaluation manager is recorded`, label.line);
    return;
  }
  const org = manager.organization ? (b.orgs.find(manager.organization) ?? b.orgs.add({ name: manager.organization }, label)) : undefined;
  b.evaluation.manager = { name: manager.name, ...(manager.title ? { title: manager.title } : {}), ...(org ? { org } : {}) };
  if (!label.value.includes(manager.name)) b.report.warn(`the manager's name is written with the surname in capitals ("${label.value}"); recorded as ${manager.name}`, label.line);
  b.report.add('evaluation.managedBy', label, label.value);
}

const HEADER_FIELDS: ReadonlySet<LabelField> = new Set([
  'evaluation.type', 'evaluation.evaluators', 'evaluation.fieldVisits', 'evaluation.finalReportDate', 'evaluation.commissioners',
  'evaluation.managedBy', 'evaluation.commissionedAndManagedBy', 'evaluation.purpose', 'evaluation.criteria', 'evaluation.methodology',
]);

/**
 * A short line standing next to the header's labels without a label of its own ("Kiana
 * Tabakova, M&E Officer" in a PDF whose label is an image): what it is cannot be known, so it
 * is reported and left out of the record (and of the prose around it).
 */
export function readUnlabelledLines(b: Brief): void {
  const elements = b.allElements();
  const isHeaderLabel = (e: Element | undefined) => e?.kind === 'label' && HEADER_FIELDS.has(splitLabel(e.text)!.field);
  elements.forEach((element, i) => {
    if (element.kind !== 'text' || element.text.length > 100 || /[.:!?;]$/.test(element.text) || isAllCaps(element.text) || b.titleLines.has(element.line)) return;
    if (!isHeaderLabel(elements[i - 1]) && !isHeaderLabel(elements[i + 1])) return;
    b.taken.add(element);
    b.report.warn(`a line next to the header has no label, so what it states is unknown; it was left out: "${element.text}" (in a PDF its label may be an image)`, element.line);
  });
}
