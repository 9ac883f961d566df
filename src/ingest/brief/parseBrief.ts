/**
 * The brief parser: the text of an IOM evaluation brief in, the EvaluationRecord a curator
 * would write out, with a report of what was found where, what was not, and every inference
 * or doubt along the way.
 *
 * Reading order (each step a method below, top-down):
 *   normalise the text -> elements -> sections
 *   -> title heading and header lines (evaluation type, evaluators, final report, ...)
 *   -> project information block (coverage, type, code, period, budget)
 *   -> project summary (summary, partner institutions and how they relate, components)
 *   -> key findings and rated findings -> conclusions -> lessons learned -> recommendations
 *   -> the parties the brief implies (implementer, funder, lead partner, roles)
 *   -> the record, validated by the EvaluationRecord schema.
 *
 * Organisations are declared once in the record (by a per-document registry) and referred to
 * by the acronym the brief writes, else by name; entity resolution across documents happens
 * later, when the record is written (services/resolve.ts).
 */
import { RecordValidationError, parseEvaluationRecord, type EvaluationRecord, type EvaluationRecordInput } from '../../domain/record.js';
import { normaliseKey } from '../../domain/text.js';
import { countriesIn, officialNameIn } from './countries.js';
import { BriefParseError } from './errors.js';
import {
  capitalise,
  criterionOf,
  isAllCaps,
  parseCount,
  parseDate,
  parseMoney,
  parsePeriod,
  parseRating,
  recase,
  splitList,
  withoutArticle,
  type ParsedDate,
} from './fields.js';
import { normaliseBrief } from './normalise.js';
import {
  audienceName,
  findMentions,
  guessKind,
  isAcronym,
  isCountryOffice,
  isIomBody,
  OrgRegistry,
  relationBetween,
  splitNames,
  type DraftOrg,
  type Span,
} from './organizations.js';
import { ReportBuilder, type ExtractionReport } from './report.js';
import { parseFindingHead, splitLabel, toElements, toSections, type Element, type Section, type SectionKind } from './sections.js';

export interface ParsedBrief {
  readonly record: EvaluationRecord;
  readonly report: ExtractionReport;
  /**
   * Document lines each part of the record came from, keyed by its path in the record
   * (`evaluation`, `project`, `evaluation.findings[2]`, `organizations[5]`...), as line
   * ranges such as "12" or "30-32,41". Provenance for SOURCED_FROM relationships.
   */
  readonly passages: Readonly<Record<string, string>>;
}

export interface ParseOptions {
  /** Name of the document in the report and in error messages (a file name). */
  readonly document?: string;
}

/** Parse the text of an evaluation brief. Throws BriefParseError when it is not one. */
export function parseBrief(text: string, options: ParseOptions = {}): ParsedBrief {
  const document = options.document ?? 'brief';
  const normalised = normaliseBrief(text);
  const sections = toSections(toElements(normalised.lines));
  const report = new ReportBuilder(document);
  for (const w of normalised.warnings) report.warn(w.message, w.line);
  return new BriefReader(document, sections, normalised.lines.map((l) => l.text), report).read();
}

// --- Working state ---------------------------------------------------------------------------

interface DraftPerson {
  name: string;
  title?: string;
  org?: DraftOrg;
}

interface DraftFinding {
  criterion: string;
  title?: string;
  rating?: { score: number; label: string; scaleMax?: number };
  summary: string[];
  span: Span;
}

interface DraftOutput {
  ref: string;
  component?: number;
  title: string;
  description: string;
  basedOnText?: string;
  basedOn: string[];
  span: Span;
}

interface DraftRecommendation {
  themeCode?: string;
  theme?: string;
  audiences: DraftOrg[];
  text: string;
  ownCode?: string;
  span: Span;
}

interface DraftPartner {
  org: DraftOrg;
  lead: boolean;
  /** Past participle of "the project was designed in collaboration with". */
  verb?: string;
  /** What the brief says the partner did, in its words (lower case). */
  parts: string[];
  span: Span;
  /** Where the brief says it leads. */
  leadSpan?: Span;
}

const COLLABORATION =
  /\b(?:was|were|is|are|has been|have been|had been)\s+(?:jointly\s+)?([a-z]+(?:\s+out)?)\s+(?:jointly\s+)?(?:in\s+(?:close\s+)?(?:collaboration|partnership|cooperation|coordination)\s+with|together\s+with|jointly\s+with|with\s+the\s+support\s+of)\b/i;
const LEAD = /\blead(?:ing)?\s+(?:partner|organi[sz]ation|agency|institution|entity|role|implementing partner)\b|\bled\s+the\s+project\b|\btook\s+the\s+lead\b/i;
const NOT_ORGS = new Set(['IOM', 'USD', 'EUR', 'UN', 'NGO', 'NGOS', 'CS', 'CSO', 'CSOS', 'COVID', 'OECD', 'DAC', 'SDG', 'SDGS']);
/** Words that name what an output is, for its `ref` ("study", "guidelines"...). */
const OUTPUT_NOUNS = [
  'study', 'studies', 'guidelines', 'guide', 'registry', 'register', 'protocol', 'procedures', 'manual', 'toolkit', 'strategy', 'plan', 'curriculum',
  'training', 'programme', 'database', 'report', 'assessment', 'survey', 'campaign', 'platform', 'system', 'mapping', 'map', 'policy', 'law',
  'handbook', 'course', 'indicators', 'portal', 'diagnostic', 'analysis', 'module', 'network', 'observatory', 'dashboard', 'proposal', 'roadmap',
];
/** Bounds that no real brief comes near, so that no input makes the parser slow. */
const LONGEST_PARAGRAPH = 20_000;
const LONGEST_LABEL = 5_000;
const MOST_ELEMENTS_PER_SECTION = 1_000;
const MOST_MENTIONS_PER_PARAGRAPH = 50;

class BriefReader {
  private readonly orgs = new OrgRegistry();
  private readonly labels = new Map<string, Element & { value: string }>();
  /** Acronyms the document writes in capitals in running text (kept when recasing a heading). */
  private readonly acronyms: Set<string>;
  private readonly fullText: string;

  private evaluation: {
    title?: string;
    type?: string;
    intendedUsers?: string;
    evaluators: DraftPerson[];
    firm?: DraftOrg;
    finalReportDate?: string;
    commissionedBy?: DraftOrg;
    manager?: DraftPerson;
    purpose?: string;
    criteria: string[];
    methodology: string[];
    keyFindings: string[];
    findings: DraftFinding[];
    conclusions: string[];
    lessonsLearned: string[];
    recommendations: DraftRecommendation[];
  } = { evaluators: [], criteria: [], methodology: [], keyFindings: [], findings: [], conclusions: [], lessonsLearned: [], recommendations: [] };

  private project: {
    title?: string;
    code?: string;
    type?: string;
    summary?: string;
    coverage?: string;
    countries: { name: string; officialName?: string; isoCode: string }[];
    startDate?: string;
    endDate?: string;
    budget?: { amount: number; currency: string };
    costExtensions?: number;
    extensionMonths?: number;
    implementer?: DraftOrg;
    funders: DraftOrg[];
    partners: DraftPartner[];
    outputs: DraftOutput[];
  } = { countries: [], funders: [], partners: [], outputs: [] };

  /** Texts that may state the lead partner or the cost extensions (summary, findings, conclusions). */
  private readonly narrative: Element[] = [];

  constructor(
    private readonly document: string,
    private readonly sections: readonly Section[],
    lines: readonly string[],
    private readonly report: ReportBuilder,
  ) {
    this.fullText = lines.join('\n');
    this.acronyms = new Set(lines.filter((l) => !isAllCaps(l)).flatMap((l) => l.match(/\b[A-Z][A-Z0-9]{1,9}\b/g) ?? []));
  }

  read(): ParsedBrief {
    this.collectLabels();
    this.checkIsBrief();
    this.readTitle();
    this.readHeader();
    this.readProjectInformation();
    this.readSummary();
    this.readFindings();
    this.readConclusionsAndLessons();
    this.readRecommendations();
    this.readCostExtensions();
    this.inferParties();
    this.checkRequired();
    return this.build();
  }

  // --- Structure -----------------------------------------------------------------------------

  private section(kind: SectionKind): Section | undefined {
    return this.sections.find((s) => s.kind === kind);
  }

  private elementsOf(kind: SectionKind): Element[] {
    const elements = this.sections.filter((s) => s.kind === kind).flatMap((s) => s.elements);
    if (elements.length <= MOST_ELEMENTS_PER_SECTION) return elements;
    this.report.warn(`the ${kind} section has ${elements.length} paragraphs or items; only the first ${MOST_ELEMENTS_PER_SECTION} were read`, elements[MOST_ELEMENTS_PER_SECTION]!.line);
    return elements.slice(0, MOST_ELEMENTS_PER_SECTION);
  }

  /** Every `Label: value` line, wherever it is; the first of each label wins. */
  private collectLabels(): void {
    for (const element of this.sections.flatMap((s) => s.elements)) {
      if (element.kind !== 'label') continue;
      const label = splitLabel(element.text)!;
      if (label.field === 'rating') continue;
      const seen = this.labels.get(label.field);
      if (seen) {
        if (normaliseKey(seen.value) !== normaliseKey(label.value)) this.report.warn(`"${label.label}:" appears again with another value; the first one (line ${seen.line}) is used`, element.line);
        continue;
      }
      if (!label.value) {
        this.report.warn(`"${label.label}:" has no value`, element.line);
        continue;
      }
      if (label.value.length > LONGEST_LABEL) {
        this.report.warn(`"${label.label}:" has a value of ${label.value.length} characters, too long for a header line; it was ignored`, element.line);
        continue;
      }
      this.labels.set(label.field, { ...element, value: label.value });
    }
  }

  /** A document with none of the brief's header lines and sections is refused as a whole. */
  private checkIsBrief(): void {
    const headings = new Set(this.sections.filter((s) => s.heading).map((s) => s.kind));
    const markers = this.labels.size + headings.size;
    if (markers >= 3) return;
    throw new BriefParseError(
      'NOT_A_BRIEF',
      `${this.document} does not look like an IOM evaluation brief: it has ${markers ? `only ${markers}` : 'none'} of the brief's header lines ` +
        `("Evaluation type:", "Evaluator(s):", "Final report:", "Commissioned by:", "Project code:", "Project period:", "Budget:"...) ` +
        `and sections (PROJECT SUMMARY, KEY FINDINGS, Conclusions, KEY RECOMMENDATIONS); at least 3 are expected, and the evaluation type and project title are required`,
      ['evaluation.type', 'project.title'],
    );
  }

  private label(field: string): (Element & { value: string }) | undefined {
    return this.labels.get(field);
  }

  // --- Title and header ----------------------------------------------------------------------

  /**
   * The heading "EX-POST EVALUATION OF THE PROJECT “TITLE”": the project title (recased when
   * written in capitals) and the evaluation title (the heading in sentence case).
   */
  private readTitle(): void {
    const preamble = this.section('preamble')?.elements ?? [];
    const heading = preamble.find(
      (e) => e.kind === 'text' && e.text.length <= 300 && !/^this\b/i.test(e.text) && (/\b(?:evaluation|review|assessment)\s+of\s+(?:the\s+)?(?:project|programme|program)\b/i.test(e.text) || /"[^"]{3,}"/.test(e.text)),
    );
    const labelled = this.label('project.title');
    if (heading) {
      const quoted = /"([^"]{3,250})"/.exec(heading.text);
      let prefix: string;
      let title: string;
      if (quoted) {
        prefix = heading.text.slice(0, quoted.index);
        title = quoted[1]!.trim();
      } else {
        const m = /^(.*?\b(?:project|programme|program))\b\s*:?\s*(.+)$/i.exec(heading.text);
        [prefix, title] = m ? [m[1]!, m[2]!] : ['', heading.text];
      }
      prefix = prefix.replace(/[\s:\-\u2013]+$/, '').trim();
      if (isAllCaps(title)) title = recase(title, 'title', this.acronyms);
      this.project.title = title;
      this.report.add('project.title', heading, title);
      this.evaluation.title = prefix ? `${recase(prefix, 'sentence', this.acronyms)} \u201c${title}\u201d` : title;
      this.report.add('evaluation.title', heading, this.evaluation.title);
    }
    if (labelled && !this.project.title) {
      this.project.title = labelled.value;
      this.report.add('project.title', labelled, labelled.value);
    }
  }

  private readHeader(): void {
    const type = this.label('evaluation.type');
    if (type) {
      this.evaluation.type = type.value.replace(/\.$/, '');
      this.report.add('evaluation.type', type, this.evaluation.type);
    }
    if (this.project.title && !this.evaluation.title) {
      this.evaluation.title = this.evaluation.type ? `${this.evaluation.type} of the project \u201c${this.project.title}\u201d` : this.project.title;
      this.report.add('evaluation.title', this.label('project.title') ?? type ?? { line: 1 }, this.evaluation.title);
      this.report.warn(`no evaluation title heading; the title is made from the evaluation type and project title: ${this.evaluation.title}`);
    }

    const evaluators = this.label('evaluation.evaluators');
    if (evaluators) this.readEvaluators(evaluators);
    this.readIntroduction();

    const date = this.label('evaluation.finalReportDate');
    if (date) {
      const parsed = this.date(date, date.value);
      if (parsed) {
        this.evaluation.finalReportDate = parsed.iso;
        this.report.add('evaluation.finalReportDate', date, parsed.iso);
      }
    }

    const commissioner = this.label('evaluation.commissionedBy');
    if (commissioner) {
      const org = this.orgPhrase(commissioner.value, commissioner);
      this.evaluation.commissionedBy = org;
      this.report.add('evaluation.commissionedBy', commissioner, org.name);
    }

    const manager = this.label('evaluation.managedBy');
    if (manager) {
      const parts = manager.value.replace(/\.$/, '').split(/\s*,\s*/);
      const person: DraftPerson = { name: parts[0]! };
      const last = parts.length > 1 ? parts[parts.length - 1]! : undefined;
      if (last && (parts.length >= 3 || this.orgs.find(last) || /^IOM\s/.test(last))) {
        person.org = this.orgs.find(last) ?? this.orgs.add({ name: last }, manager);
        const title = parts.slice(1, -1).join(', ');
        if (title) person.title = title;
      } else if (last) {
        person.title = parts.slice(1).join(', ');
      }
      this.evaluation.manager = person;
      this.report.add('evaluation.managedBy', manager, manager.value);
    }

    const purpose = this.label('evaluation.purpose');
    if (purpose) {
      this.evaluation.purpose = purpose.value;
      this.report.add('evaluation.purpose', purpose, purpose.value);
    }
    const criteria = this.label('evaluation.criteria');
    if (criteria) {
      this.evaluation.criteria = splitList(criteria.value).map(capitalise);
      this.report.add('evaluation.criteria', criteria, this.evaluation.criteria.join(', '));
    }
    const methodology = this.label('evaluation.methodology');
    if (methodology) {
      this.evaluation.methodology = splitList(methodology.value).map((m) => capitalise(withoutArticle(m)));
      this.report.add('evaluation.methodology', methodology, this.evaluation.methodology.join('; '));
    }
  }

  /** "Patricia Goldschmid, Owl RE", "A and B, Firm", "Name (Firm)": people and their firm. */
  private readEvaluators(element: Element & { value: string }): void {
    const value = element.value.replace(/\.$/, '');
    let people: string;
    let firm: string | undefined;
    const paren = /^([^()]+?)\s*\(([^()]+)\)$/.exec(value);
    if (paren) {
      [people, firm] = [paren[1]!, paren[2]!];
    } else {
      const segments = value.split(/\s*;\s*|\s*,\s*/);
      const last = segments[segments.length - 1]!;
      const looksLikeFirm = segments.length === 2 || /[A-Z]{2}|\b(?:consult\w*|evaluation|research|partners|group|associates|ltd|llc|gmbh|inc)\b/i.test(last);
      if (segments.length > 1 && looksLikeFirm) {
        firm = last;
        people = segments.slice(0, -1).join(', ');
      } else {
        people = value;
      }
    }
    const org = firm ? this.orgs.add({ name: firm.trim() }, element) : undefined;
    if (org) {
      org.kind = 'EVALUATION_FIRM';
      this.evaluation.firm = org;
      this.report.add('evaluation.evaluationFirm', element, org.name);
    }
    splitList(people).forEach((name, i) => {
      this.evaluation.evaluators.push({ name, org });
      this.report.add(`evaluation.evaluators[${i}]`, element, name);
    });
  }

  /** "...prepared by the Owl RE consultancy for use by IOM project staff and management and the Fund." */
  private readIntroduction(): void {
    const intro = (this.section('preamble')?.elements ?? []).find((e) => e.kind === 'text' && /\bprepared by\b/i.test(e.text) && e.text.length < 2_000);
    if (!intro) return;
    const m = /\bprepared by (?:the )?(.{2,120}?) for (?:use by|the use of) (.{2,300}?)\.(?:\s|$)/i.exec(intro.text);
    if (!m) return;
    const preparer = m[1]!.trim();
    this.evaluation.intendedUsers = m[2]!.trim();
    this.report.add('evaluation.intendedUsers', intro, this.evaluation.intendedUsers);
    const firm = this.evaluation.firm;
    if (firm) {
      if (normaliseKey(preparer).startsWith(normaliseKey(firm.name)) && normaliseKey(preparer) !== normaliseKey(firm.name)) {
        this.orgs.add({ name: firm.name, aliases: [preparer] }, intro);
      } else {
        firm.spans.push(intro);
      }
    } else {
      const org = this.orgs.add({ name: preparer }, intro);
      org.kind = 'EVALUATION_FIRM';
      this.evaluation.firm = org;
      this.report.add('evaluation.evaluationFirm', intro, org.name);
    }
  }

  // --- Project information -------------------------------------------------------------------

  private readProjectInformation(): void {
    const coverage = this.label('project.coverage');
    if (coverage) {
      this.project.coverage = coverage.value.replace(/\.$/, '');
      this.report.add('project.coverage', coverage, this.project.coverage);
    }
    const type = this.label('project.type');
    if (type) {
      this.project.type = type.value.replace(/\.$/, '');
      this.report.add('project.type', type, this.project.type);
    }
    const code = this.label('project.code');
    if (code) {
      this.project.code = code.value.replace(/\s+/g, '');
      this.report.add('project.code', code, this.project.code);
    }
    const period = this.label('project.period');
    if (period) {
      const parsed = parsePeriod(period.value);
      if (!parsed) this.report.warn(`cannot read the project period "${period.value}" (expected e.g. "1 November 2016 to 31 October 2018")`, period.line);
      for (const [field, date] of [['project.startDate', parsed?.start], ['project.endDate', parsed?.end]] as const) {
        if (!date) continue;
        if (date.note) this.report.warn(date.note, period.line);
        if (field === 'project.startDate') this.project.startDate = date.iso;
        else this.project.endDate = date.iso;
        this.report.add(field, period, date.iso);
      }
      if (parsed && (!parsed.start || !parsed.end)) this.report.warn(`cannot read both dates of the project period "${period.value}"`, period.line);
    }
    const budget = this.label('project.budget');
    if (budget) {
      const money = parseMoney(budget.value);
      if (money) {
        this.project.budget = money;
        this.report.add('project.budget', budget, `${money.currency} ${money.amount}`);
      } else {
        this.report.warn(`cannot read the budget "${budget.value}" (expected e.g. "USD 100,000" or "US$ 1.2 million")`, budget.line);
      }
    }
    const implementer = this.label('project.implementer');
    if (implementer) {
      this.project.implementer = this.orgPhrase(implementer.value, implementer);
      this.report.add('project.implementer', implementer, this.project.implementer.name);
    }
    const funders = this.label('project.funders');
    if (funders) {
      splitList(funders.value).forEach((name, i) => {
        const org = this.orgPhrase(name, funders);
        this.project.funders.push(org);
        this.report.add(`project.funders[${i}]`, funders, org.name);
      });
    }
    this.readCountries();
  }

  /** Countries from the coverage line (or, failing that, the title), with official names the text gives. */
  private readCountries(): void {
    const coverage = this.label('project.coverage');
    let found = coverage ? countriesIn(coverage.value) : [];
    let span: Span | undefined = coverage;
    if (!found.length && this.project.title) {
      found = countriesIn(this.project.title);
      span = this.report.spans().find((s) => s.field === 'project.title');
      if (found.length) this.report.warn(`no country in the geographical coverage; taken from the project title: ${found.map((c) => c.name).join(', ')}`);
    }
    if (coverage && !found.length) this.report.warn(`no country recognised in the geographical coverage "${coverage.value}"`, coverage.line);
    found.forEach((c, i) => {
      const officialName = officialNameIn(this.fullText, c.name);
      this.project.countries.push({ name: c.name, isoCode: c.code, ...(officialName ? { officialName } : {}) });
      this.report.add(`project.countries[${i}]`, span ?? { line: 1 }, `${c.name} (${c.code})`);
    });
  }

  // --- Project summary: partners and components ----------------------------------------------

  private readSummary(): void {
    const elements = this.elementsOf('summary');
    const summary: Element[] = [];
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      if (element.text.length > LONGEST_PARAGRAPH) {
        this.report.warn(`a paragraph of ${element.text.length} characters is too long to be part of a brief and was skipped`, element.line);
        continue;
      }
      if (/\b(?:components?|outputs?)\b/i.test(element.text) && /\(1\)/.test(element.text)) {
        this.readComponents(inlineItems(element.text), element);
        continue;
      }
      if (/\b(?:components?|outputs?)\b[^.]*:$/i.test(element.text)) {
        const items: { number: number; text: string; span: Span }[] = [];
        while (elements[i + 1] && (elements[i + 1]!.kind === 'item' || elements[i + 1]!.kind === 'bullet')) {
          const next = elements[++i]!;
          const numbered = /^\(?(\d{1,2})[.)]\s+/.exec(next.text);
          items.push({ number: numbered ? Number(numbered[1]) : items.length + 1, text: next.text.replace(/^\(?(?:\d{1,2}|[a-z])[.)]\s+/, ''), span: next });
        }
        this.readComponents(items, element);
        continue;
      }
      this.narrative.push(element);
      if (element.kind === 'text' && this.readPartners(element)) continue;
      if (element.kind === 'text' || element.kind === 'bullet') summary.push(element);
    }
    if (summary.length) {
      this.project.summary = summary.map((e) => e.text).join('\n\n');
      this.report.add('project.summary', { line: summary[0]!.line, endLine: summary.at(-1)!.endLine }, this.project.summary);
    }
    this.readCaptions();
  }

  /**
   * A paragraph naming partner institutions: declare each, link units to their parent bodies,
   * and note what the paragraph says each partner did. Returns false when it names none.
   */
  private readPartners(element: Element): boolean {
    const text = element.text;
    let mentions = findMentions(text, MOST_MENTIONS_PER_PARAGRAPH + 1).filter((m) => !/^IOM\b/.test(m.org.name));
    if (mentions.length > MOST_MENTIONS_PER_PARAGRAPH) {
      this.report.warn(`a paragraph names more than ${MOST_MENTIONS_PER_PARAGRAPH} organisations; only the first ${MOST_MENTIONS_PER_PARAGRAPH} were read`, element.line);
      mentions = mentions.slice(0, MOST_MENTIONS_PER_PARAGRAPH);
    }
    const sentences = splitSentences(text);
    const collaborations = sentences.filter((s) => COLLABORATION.test(s.text));
    if (!mentions.length && !collaborations.length) return false;

    const declared = mentions.map((m) => this.orgs.add(m.org, element));
    const parents = new Set<DraftOrg>();
    for (let i = 1; i < mentions.length; i++) {
      const relation = relationBetween(text.slice(mentions[i - 1]!.end, mentions[i]!.start), mentions[i - 1]!.org);
      if (!relation) continue;
      const [child, parent] = [declared[i - 1]!, declared[i]!];
      if (!child.parent) {
        child.parent = parent;
        child.parentRelation = relation;
      }
      parents.add(parent);
    }
    // Partners named by acronym alone in a collaboration sentence ("with INE and UDAPE").
    const named: { org: DraftOrg; at: number }[] = mentions.map((m, i) => ({ org: declared[i]!, at: m.start }));
    for (const sentence of collaborations) {
      for (const m of sentence.text.matchAll(/\b[A-Z][A-Z0-9]{1,9}(?:\/[A-Z][A-Z0-9]{1,9})?\b/g)) {
        const at = sentence.start + m.index;
        if (NOT_ORGS.has(m[0]) || mentions.some((x) => at >= x.start && at < x.end)) continue;
        if (named.length >= MOST_MENTIONS_PER_PARAGRAPH) break;
        named.push({ org: this.orgs.find(m[0]) ?? this.orgs.add({ name: m[0], acronym: m[0] }, element), at });
      }
    }
    named.sort((a, b) => a.at - b.at);
    const verbs = new Map(collaborations.map((c) => [c, COLLABORATION.exec(c.text)![1]!.toLowerCase()]));
    for (const { org, at } of named) {
      if (parents.has(org) || org === this.evaluation.firm || org === this.evaluation.commissionedBy) continue;
      const partner = this.partner(org, element);
      const sentence = collaborations.find((s) => at >= s.start && at < s.start + s.text.length);
      if (sentence && !partner.verb) partner.verb = verbs.get(sentence);
    }
    // Sentences whose subject is a partner: "IDIS ... provided technical support".
    for (const sentence of sentences) {
      if (COLLABORATION.test(sentence.text)) continue;
      const subject = this.subjectOf(sentence.text, mentions.map((m) => ({ ...m, start: m.start - sentence.start, end: m.end - sentence.start })));
      if (!subject) continue;
      const partner = this.project.partners.find((p) => p.org === subject.org);
      if (!partner) continue;
      this.addPartnerPart(partner, subject.predicate, element);
    }
    return true;
  }

  private partner(org: DraftOrg, span: Span): DraftPartner {
    let partner = this.project.partners.find((p) => p.org === org);
    if (!partner) {
      partner = { org, lead: false, parts: [], span };
      this.project.partners.push(partner);
    }
    return partner;
  }

  /** The partner a sentence is about, when it starts with one, and what it says of it. */
  private subjectOf(sentence: string, mentions: readonly { org: { name: string }; start: number; end: number }[]): { org: DraftOrg; predicate: string } | undefined {
    const lead = /^(?:the\s+)?/i.exec(sentence)![0].length;
    const first = mentions.find((m) => m.start === lead || m.start === 0);
    let end: number | undefined;
    let org: DraftOrg | undefined;
    if (first) {
      org = this.orgs.find(first.org.name);
      end = first.end;
      // "X (..) of the Y (..) provided": the predicate follows the whole chain.
      for (let next = mentions.find((m) => m.start > end!); next && relationBetween(sentence.slice(end, next.start), first.org); next = mentions.find((m) => m.start > end!)) end = next.end;
    } else {
      for (const p of this.project.partners) {
        for (const name of [p.org.acronym, p.org.name, p.org.localName].filter((n): n is string => !!n).sort((a, b) => b.length - a.length)) {
          const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const m = new RegExp(`^(?:the\\s+)?${escaped}\\b`, 'i').exec(sentence);
          if (m) {
            org = p.org;
            end = m[0].length;
            break;
          }
        }
        if (org) break;
      }
    }
    if (!org || end === undefined) return undefined;
    const predicate = sentence.slice(end).trim().replace(/[.!]$/, '');
    return /^[a-z]/.test(predicate) ? { org, predicate } : undefined;
  }

  private addPartnerPart(partner: DraftPartner, predicate: string, span: Span): void {
    const part = predicate.replace(/^(?:was|is|were|are|has been|had been)\s+/, '');
    if (!partner.parts.includes(part)) partner.parts.push(part);
    if (LEAD.test(predicate)) this.markLead(partner, span);
  }

  private markLead(partner: DraftPartner, span: Span): void {
    const other = this.project.partners.find((p) => p.lead && p !== partner);
    if (other) {
      this.report.warn(`${this.orgs.ref(partner.org)} is also said to lead; ${this.orgs.ref(other.org)} was named first and stays the lead partner`, span.line);
      return;
    }
    partner.lead = true;
    partner.leadSpan ??= span;
  }

  /** "(1) a study that..., and (2) a document of strategic guidelines... based on the study of component one." */
  private readComponents(items: readonly { number: number; text: string; span?: Span }[], element: Element): void {
    for (const item of items) {
      const raw = item.text.replace(/[\s,;]+(?:and|or)?\s*$/i, '').replace(/[.;,]+$/, '').trim();
      if (!raw) continue;
      const base = withoutArticle(raw).replace(/^(?:document|set|series|package|collection|body|number)\s+of\s+/i, '');
      const cut = /\s(?:based on|that|which|who|analysing|analyzing|to be)\s|,\s/i.exec(base);
      const title = capitalise((cut ? base.slice(0, cut.index) : base).trim());
      const words = title.toLowerCase().split(/[^a-z]+/);
      let ref = words.find((w) => OUTPUT_NOUNS.includes(w)) ?? words.filter((w) => w.length > 2).slice(0, 2).join('-');
      if (!ref || this.project.outputs.some((o) => o.ref === ref)) ref = `${ref || 'output'}-${item.number}`;
      const span = item.span ?? element;
      const output: DraftOutput = {
        ref,
        component: item.number,
        title,
        description: `${capitalise(raw)}.`,
        basedOnText: /\bbased on\s+(.{3,120})$/i.exec(raw)?.[1],
        basedOn: [],
        span,
      };
      this.project.outputs.push(output);
      this.report.add(`project.outputs[${this.project.outputs.length - 1}]`, span, `${item.number}: ${title}`);
    }
    for (const output of this.project.outputs) {
      if (!output.basedOnText || output.basedOn.length) continue;
      const component = /\bcomponent\s+(one|two|three|four|five|six|\d{1,2})\b/i.exec(output.basedOnText);
      const target = component
        ? this.project.outputs.find((o) => o.component === parseCount(component[1]!))
        : this.project.outputs.find((o) => o !== output && new RegExp(`\\b${o.ref.split('-')[0]}\\b`, 'i').test(output.basedOnText!));
      if (target && target !== output) output.basedOn.push(target.ref);
    }
  }

  /**
   * Short lines standing alone in the project information block are captions (the brief's
   * cover picture of an output): one that names an output's key words becomes its title.
   */
  private readCaptions(): void {
    const captions = this.elementsOf('information').filter((e) => e.kind === 'text' && e.text.length <= 120 && !/[.:]$/.test(e.text));
    for (const caption of captions) {
      const words = new Set(caption.text.toLowerCase().split(/[^a-z]+/));
      const output = this.project.outputs.find((o) => {
        const key = o.title.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 2 && !['the', 'and', 'for', 'with'].includes(w));
        return key.length > 0 && key.every((w) => words.has(w));
      });
      if (!output) {
        this.report.warn(`a line outside any field was ignored: "${caption.text}"`, caption.line);
        continue;
      }
      this.report.warn(`"${caption.text}" stands alone next to the project information; taken as the title of output ${output.component}`, caption.line);
      output.title = caption.text;
    }
  }

  // --- Findings ------------------------------------------------------------------------------

  private readFindings(): void {
    const elements = this.elementsOf('findings');
    let current: DraftFinding | undefined;
    for (const element of elements) {
      if (element.text.length > LONGEST_PARAGRAPH) {
        this.report.warn(`a paragraph of ${element.text.length} characters is too long to be part of a brief and was skipped`, element.line);
        continue;
      }
      const head = element.kind === 'finding' ? parseFindingHead(element.text) : undefined;
      this.narrative.push(head ? { ...element, text: head.rest } : element);
      if (head) {
        const criterion = criterionOf(head.name) ?? head.name;
        current = { criterion, summary: head.rest ? [head.rest] : [], span: { line: element.line, endLine: element.endLine } };
        if (normaliseKey(head.name) !== normaliseKey(criterion)) current.title = head.name;
        if (head.rating !== undefined) this.rate(current, head.rating, element);
        if (this.evaluation.findings.some((f) => normaliseKey(f.criterion) === normaliseKey(criterion))) {
          this.report.warn(`a second finding on ${criterion} was ignored`, element.line);
          current = undefined;
          continue;
        }
        this.evaluation.findings.push(current);
        continue;
      }
      const label = element.kind === 'label' ? splitLabel(element.text) : undefined;
      if (label?.field === 'rating' && current) {
        this.rate(current, label.value, element);
        continue;
      }
      if (current) {
        current.summary.push(element.text);
        current.span = { line: current.span.line, endLine: element.endLine };
      } else {
        this.evaluation.keyFindings.push(element.text);
        this.report.add(`evaluation.keyFindings[${this.evaluation.keyFindings.length - 1}]`, element, element.text);
      }
    }
    this.evaluation.findings.forEach((f, i) => {
      if (!f.summary.length) this.report.warn(`the finding on ${f.criterion} has no text`, f.span.line);
      if (!f.rating) this.report.warn(`the finding on ${f.criterion} has no rating`, f.span.line);
      this.report.add(`evaluation.findings[${i}]`, f.span, `${f.title ?? f.criterion}${f.rating ? ` (${f.rating.label} - ${f.rating.score})` : ''}`);
    });
    this.checkCriteria();
  }

  private rate(finding: DraftFinding, text: string, span: Span): void {
    const rating = parseRating(text);
    if (rating?.score === undefined) {
      if (text.trim() && !/^(?:not rated|n\/?a|none|no rating)$/i.test(text.trim())) this.report.warn(`cannot read a score in the rating "${text}" of ${finding.criterion}`, span.line);
      return;
    }
    if (!rating.label) this.report.warn(`the rating of ${finding.criterion} has a score but no label; the score is used as its label`, span.line);
    finding.rating = { score: rating.score, label: rating.label ?? String(rating.score), ...(rating.scaleMax ? { scaleMax: rating.scaleMax } : {}) };
  }

  /** Criteria listed without a finding, findings on criteria not listed, or no criteria line at all. */
  private checkCriteria(): void {
    const listed = this.evaluation.criteria.map(normaliseKey);
    const assessed = this.evaluation.findings.map((f) => f.criterion);
    if (!listed.length && assessed.length) {
      this.evaluation.criteria = [...assessed];
      const first = this.evaluation.findings[0]!.span;
      this.report.add('evaluation.criteria', first, assessed.join(', '));
      this.report.warn(`no "Evaluation criteria:" line; the criteria are taken from the findings: ${assessed.join(', ')}`);
      return;
    }
    for (const c of this.evaluation.criteria) {
      if (!assessed.some((a) => normaliseKey(a) === normaliseKey(c))) this.report.warn(`the criterion ${c} is listed but has no finding`, this.label('evaluation.criteria')?.line);
    }
    for (const f of this.evaluation.findings) {
      if (!listed.includes(normaliseKey(f.criterion))) this.report.warn(`the finding on ${f.criterion} is on a criterion the evaluation criteria do not list`, f.span.line);
    }
  }

  private readConclusionsAndLessons(): void {
    for (const [kind, field] of [['conclusions', 'conclusions'], ['lessons', 'lessonsLearned']] as const) {
      for (const element of this.elementsOf(kind)) {
        if (element.kind === 'heading' || element.kind === 'audience') continue;
        const text = element.kind === 'item' ? element.text.replace(/^\(?(?:\d{1,2}|[A-Za-z])[.)]\s+/, '') : element.text;
        const list = this.evaluation[field];
        list.push(text);
        if (kind === 'conclusions') this.narrative.push(element);
        this.report.add(`evaluation.${field}[${list.length - 1}]`, element, text);
      }
    }
  }

  // --- Recommendations -----------------------------------------------------------------------

  /**
   * Themes ("A. Approval processes", "1) Data sharing"), audience lines ("For IOM Bolivia:",
   * "For IOM Peru and IOM Bolivia:"), and one recommendation per bullet or paragraph.
   */
  private readRecommendations(): void {
    let theme: { code: string; name: string } | undefined;
    let audiences: DraftOrg[] = [];
    for (const element of this.elementsOf('recommendations')) {
      const item = element.kind === 'item' ? /^\(?([A-Z]|\d{1,2})[.)]\s+(.+)$/.exec(element.text) : undefined;
      if (item && item[2]!.length <= 100 && !/[.!?]$/.test(item[2]!)) {
        theme = { code: item[1]!, name: item[2]!.trim() };
        audiences = [];
        continue;
      }
      if (element.kind === 'audience') {
        audiences = this.audiences(element);
        continue;
      }
      if (element.kind === 'heading' || element.kind === 'label') continue;
      const text = item ? item[2]! : element.text;
      this.evaluation.recommendations.push({ themeCode: theme?.code, theme: theme?.name, audiences, text, ownCode: item?.[1], span: element });
    }
    // Codes: the theme's letter or number, with ".1", ".2" when a theme has several.
    const recs = this.evaluation.recommendations;
    recs.forEach((r, i) => {
      const siblings = recs.filter((o) => o.themeCode !== undefined && o.themeCode === r.themeCode);
      const code = r.themeCode === undefined ? (r.ownCode ?? String(i + 1)) : siblings.length > 1 ? `${r.themeCode}.${siblings.indexOf(r) + 1}` : r.themeCode;
      r.ownCode = code;
      if (!r.audiences.length) this.report.warn(`recommendation ${code} has no audience line ("For ...:") above it`, r.span.line);
      this.report.add(`evaluation.recommendations[${i}]`, r.span, `${code}${r.theme ? ` ${r.theme}` : ''} -> ${r.audiences.map((a) => a.name).join(', ') || '(no audience)'}`);
    });
  }

  private audiences(element: Element): DraftOrg[] {
    const text = element.text.replace(/^For\s+/, '').replace(/:$/, '').trim();
    const known = (name: string) => this.orgs.find(name) !== undefined || isIomBody(name);
    return splitNames(text, known).map((name) => this.orgs.find(name) ?? this.orgs.add({ name: audienceName(name) }, element)).map((org) => {
      if (org.spans.at(-1)?.line !== element.line) org.spans.push(element);
      return org;
    });
  }

  // --- Implied facts -------------------------------------------------------------------------

  /** "Three cost extensions were allocated, extending the project by 12 months." */
  private readCostExtensions(): void {
    for (const element of this.narrative) {
      for (const { text } of splitSentences(element.text)) {
        if (!/\bextensions?\b/i.test(text)) continue;
        const count = /\b([A-Za-z]+|\d{1,2})\s+(?:no-cost\s+|cost\s+|time\s+)?extensions?\b/i.exec(text);
        const months = /\b(?:by|of|for)\s+(?:an?\s+(?:additional|further)\s+)?([A-Za-z]+(?:-[a-z]+)?|\d{1,2})\s+(?:additional\s+|more\s+)?months?\b/i.exec(text);
        const n = count ? parseCount(count[1]!) : undefined;
        const m = months ? parseCount(months[1]!) : undefined;
        if (n === undefined && m === undefined) continue;
        if (n !== undefined) {
          this.project.costExtensions = n;
          this.report.add('project.costExtensions', element, n);
        }
        if (m !== undefined) {
          this.project.extensionMonths = m;
          this.report.add('project.extensionMonths', element, m);
        }
        return;
      }
    }
  }

  /**
   * What the brief implies rather than states: the implementing IOM office, the funder, the
   * manager's organisation, the lead partner and the partners' roles, acronyms the text uses
   * for organisations it names in full. Each inference is a warning in the report.
   */
  private inferParties(): void {
    const p = this.project;
    const e = this.evaluation;
    if (!p.implementer) {
      const countryCodes = new Set(p.countries.map((c) => c.isoCode));
      const offices = this.orgs.orgs.filter(isCountryOffice);
      const inCountry = (o: DraftOrg) => p.countries.some((c) => normaliseKey(o.name) === normaliseKey(`IOM ${c.name}`));
      const managerOffice = e.manager?.org && isCountryOffice(e.manager.org) ? e.manager.org : undefined;
      const audienceOffice = e.recommendations.flatMap((r) => r.audiences).find((o) => isCountryOffice(o) && inCountry(o));
      const implementer = managerOffice ?? audienceOffice ?? offices.find(inCountry);
      if (implementer) {
        p.implementer = implementer;
        const from = implementer === managerOffice ? 'the "Managed by:" line' : implementer === audienceOffice ? "the recommendations' audiences" : 'the organisations the brief names';
        this.report.add('project.implementer', implementer.spans[0]!, implementer.name);
        this.report.warn(`no "Implemented by:" line; the implementer is taken to be ${implementer.name} (from ${from})`);
      } else if (countryCodes.size === 1 && /\bIOM\b/.test(e.commissionedBy?.name ?? '')) {
        const country = p.countries[0]!;
        const span = this.label('evaluation.commissionedBy')!;
        p.implementer = this.orgs.add({ name: `IOM ${country.name}` }, span);
        this.report.add('project.implementer', span, p.implementer.name);
        this.report.warn(`no "Implemented by:" line and no IOM office named; the implementer is taken to be IOM's office in ${country.name}`);
      }
    }
    if (e.manager && !e.manager.org && p.implementer) {
      e.manager.org = p.implementer;
      this.report.warn(`the evaluation manager's organisation is not stated; taken to be the implementer, ${p.implementer.name}`, this.label('evaluation.managedBy')?.line);
    }
    if (!p.funders.length && e.commissionedBy && (e.commissionedBy.kind ?? guessKind(e.commissionedBy.name)) === 'DONOR_FUND') {
      p.funders.push(e.commissionedBy);
      this.report.add('project.funders[0]', this.label('evaluation.commissionedBy')!, e.commissionedBy.name);
      this.report.warn(`no "Funded by:" line; the commissioning fund, ${e.commissionedBy.name}, is taken to be the funder`);
    }
    this.readLead();
    this.inferAcronyms();
    for (const org of this.orgs.orgs) {
      // A university's institute is also written "IDIS/UMSA".
      if (org.acronym && org.parent?.acronym && (org.parent.kind ?? guessKind(org.parent.name, org.parent.localName)) === 'UNIVERSITY') {
        const alias = `${org.acronym}/${org.parent.acronym}`;
        if (!org.aliases.includes(alias)) org.aliases.push(alias);
      }
    }
  }

  /** "The UDAPE was positioned as the leading organisation...", "...led by INE". */
  private readLead(): void {
    for (const element of this.narrative) {
      for (const { text } of splitSentences(element.text)) {
        const ledBy = /\bled by (?:the\s+)?([^,.;()]{2,80})/i.exec(text);
        const byName = ledBy ? this.project.partners.find((p) => p.org === this.orgs.find(ledBy[1]!.trim())) : undefined;
        if (byName) this.markLead(byName, element);
        if (!LEAD.test(text)) continue;
        const subject = this.subjectOf(text, []);
        if (!subject) continue;
        const partner = this.project.partners.find((p) => p.org === subject.org);
        if (partner && !partner.lead) this.addPartnerPart(partner, subject.predicate, element);
      }
    }
    const lead = this.project.partners.find((p) => p.lead);
    if (this.project.partners.length && !lead) this.report.warn('no partner is said to lead the project');
  }

  /** "IDF" in the text and "IOM Development Fund" declared without an acronym: its initials. */
  private inferAcronyms(): void {
    const taken = new Set(this.orgs.orgs.map((o) => o.acronym).filter(Boolean));
    for (const org of this.orgs.orgs) {
      if (org.acronym) continue;
      for (const name of [org.name, org.localName]) {
        const initials = initialsOf(name);
        if (!initials || taken.has(initials) || !this.acronyms.has(initials)) continue;
        org.acronym = initials;
        org.acronymStated = false;
        taken.add(initials);
        this.report.warn(`${initials}, used in the text, is taken as the acronym of ${org.name} (its initials)`);
        break;
      }
    }
  }

  private checkRequired(): void {
    const missing: string[] = [];
    if (!this.project.title) missing.push('project.title');
    if (!this.evaluation.type) missing.push('evaluation.type');
    if (!missing.length) return;
    const what = [
      !this.project.title && 'the project title (a heading such as EX-POST EVALUATION OF THE PROJECT "TITLE", or a "Project title:" line)',
      !this.evaluation.type && 'the evaluation type (an "Evaluation type:" line)',
    ].filter(Boolean);
    throw new BriefParseError('MISSING_FIELDS', `${this.document} is missing ${what.join(' and ')}`, missing);
  }

  // --- Helpers -------------------------------------------------------------------------------

  /** "IOM Development Fund ("The Fund")", "Ministry of X (MX)", or a plain name. */
  private orgPhrase(text: string, span: Span): DraftOrg {
    const value = text.replace(/\.$/, '').trim();
    const [mention] = findMentions(value).filter((m) => m.end >= value.length - 1);
    if (mention) return this.orgs.add(mention.org, span);
    return this.orgs.find(value) ?? this.orgs.add({ name: value }, span);
  }

  private date(span: Span, text: string, end = false): ParsedDate | undefined {
    const parsed = parseDate(text, end);
    if (!parsed) {
      this.report.warn(`cannot read the date "${text}" (expected e.g. "20 May 2021", "May 2021" or "2021-05-20")`, span.line);
      return undefined;
    }
    if (parsed.note) this.report.warn(parsed.note, span.line);
    return parsed;
  }

  // --- The record ----------------------------------------------------------------------------

  private build(): ParsedBrief {
    const e = this.evaluation;
    const p = this.project;
    const ref = (org: DraftOrg) => this.orgs.ref(org);
    const person = (who: DraftPerson) => clean({ name: who.name, title: who.title, organization: who.org ? ref(who.org) : undefined });
    const implementer = p.implementer ? ` with ${p.implementer.name}` : '';
    const data: EvaluationRecordInput = {
      evaluation: clean({
        title: e.title!,
        type: e.type!,
        intendedUsers: e.intendedUsers,
        evaluators: e.evaluators.map(person),
        evaluationFirms: e.firm ? [ref(e.firm)] : [],
        finalReportDate: e.finalReportDate,
        commissioners: e.commissionedBy ? [ref(e.commissionedBy)] : [],
        managedBy: e.manager ? person(e.manager) : undefined,
        purpose: e.purpose,
        criteria: e.criteria,
        methodology: e.methodology,
        keyFindings: e.keyFindings,
        findings: e.findings.map((f) => clean({ criterion: f.criterion, title: f.title, rating: f.rating, summary: f.summary.join('\n\n') || f.title || f.criterion })),
        conclusions: e.conclusions,
        lessonsLearned: e.lessonsLearned,
        recommendations: e.recommendations.map((r) => clean({ code: r.ownCode!, theme: r.theme, audiences: r.audiences.map(ref), text: r.text })),
      }),
      projects: [clean({
        code: p.code,
        title: p.title!,
        type: p.type,
        coverage: p.coverage,
        countries: p.countries,
        summary: p.summary,
        startDate: p.startDate,
        endDate: p.endDate,
        budget: p.budget,
        costExtensions: p.costExtensions,
        extensionMonths: p.extensionMonths,
        implementer: p.implementer ? ref(p.implementer) : undefined,
        funders: p.funders.map(ref),
        partners: p.partners.map((partner) => {
          const parts = [partner.verb ? `${partner.verb} the project${implementer}` : undefined, ...partner.parts].filter((s): s is string => !!s);
          return clean({ organization: ref(partner.org), lead: partner.lead, role: parts.length ? capitalise(parts.join('; ')) : undefined });
        }),
        outputs: p.outputs.map((o) => clean({ ref: o.ref, component: o.component, title: o.title, description: o.description, basedOn: o.basedOn })),
      })],
      organizations: this.orgs.orgs.map((o) =>
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
    this.orgs.orgs.forEach((o, i) => this.report.add(`organizations[${i}]`, o.spans[0]!, `${o.name}${o.acronym ? ` (${o.acronym})` : ''}`));
    p.partners.forEach((partner, i) => {
      this.report.add(`project.partners[${i}]`, partner.span, ref(partner.org));
      if (partner.leadSpan) this.report.add(`project.partners[${i}].lead`, partner.leadSpan, `${ref(partner.org)} leads`);
    });

    let record: EvaluationRecord;
    try {
      record = parseEvaluationRecord(data, this.document);
    } catch (error) {
      if (!(error instanceof RecordValidationError)) throw error;
      throw new BriefParseError('INVALID_RECORD', `${this.document}: the extracted record is not valid:\n${error.problems.map((pr) => `  - ${pr.path}: ${pr.message}`).join('\n')}`);
    }
    return { record, report: this.report.build(), passages: this.passages() };
  }

  /** Line ranges per node of the record, from the report's spans and every organisation's mentions. */
  private passages(): Record<string, string> {
    const lines = new Map<string, [number, number][]>();
    const add = (key: string, span: Span) => {
      const spans = lines.get(key);
      if (spans) spans.push([span.line, span.endLine]);
      else lines.set(key, [[span.line, span.endLine]]);
    };
    for (const s of this.report.spans()) {
      const key = nodePathOf(s.field);
      if (key) add(key, s);
    }
    this.orgs.orgs.forEach((o, i) => o.spans.forEach((s) => add(`organizations[${i}]`, s)));
    return Object.fromEntries([...lines].map(([key, spans]) => [key, formatRanges(spans)]));
  }
}

/** The record path of the node a found field belongs to (null for relationships). */
function nodePathOf(field: string): string | undefined {
  const item = /^(evaluation\.(?:findings|recommendations|conclusions|evaluators)|project\.(?:outputs|countries)|organizations)\[\d+\]/.exec(field);
  if (item) return item[0].replace(/^project\./, 'projects[0].');
  if (field === 'evaluation.managedBy') return field;
  if (/^project\.(?:partners|funders|implementer)/.test(field) || field === 'evaluation.evaluationFirm' || field === 'evaluation.commissionedBy') return undefined;
  if (field.startsWith('evaluation.')) return 'evaluation';
  if (field.startsWith('project.')) return 'projects[0]';
  return undefined;
}

/** [[3,3],[10,12],[11,14]] -> "3,10-14". */
export function formatRanges(spans: readonly (readonly [number, number])[]): string {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(',');
}

/** Sentences with their offsets; abbreviations like "e.g." do not end one (the next word is lower case). */
function splitSentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((c === '.' || c === '!' || c === '?') && (i + 1 === text.length || (text[i + 1] === ' ' && /[A-Z"(]/.test(text[i + 2] ?? '')))) {
      out.push({ text: text.slice(start, i + 1).trim(), start: start + (text.slice(start).length - text.slice(start).trimStart().length) });
      start = i + 1;
    }
  }
  const rest = text.slice(start);
  if (rest.trim()) out.push({ text: rest.trim(), start: start + (rest.length - rest.trimStart().length) });
  return out;
}

/** "(1) a study..., and (2) a document..." -> the numbered items. */
function inlineItems(text: string): { number: number; text: string }[] {
  const markers = [...text.matchAll(/\((\d{1,2})\)\s*/g)];
  return markers.map((m, i) => ({ number: Number(m[1]), text: text.slice(m.index + m[0].length, markers[i + 1]?.index ?? text.length) }));
}

const INITIALS_SKIP = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'to']);

function initialsOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const words = name.split(/\s+/).filter((w) => !INITIALS_SKIP.has(w.toLowerCase()));
  if (words.length < 2 || words.length > 8 || !words.every((w) => /^[A-Z\u00c0-\u00de]/.test(w))) return undefined;
  const initials = words.map((w) => w[0]!.normalize('NFD')[0]!.toUpperCase()).join('');
  return isAcronym(initials) ? initials : undefined;
}

/** Drop undefined values and empty lists so the record says only what the brief says. */
function clean<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}
