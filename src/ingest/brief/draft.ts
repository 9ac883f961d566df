/**
 * The working state of one brief while its extractors read it: the sections, the labelled
 * lines, the organisations met so far, and the evaluation and project as drafted. Each
 * extractor (extract/*.ts) reads what it needs from here and writes what it found, with the
 * lines it found it on (the report).
 */
import type { CountryRecord } from '../../domain/record.js';
import { parseDate, type ParsedDate } from './fields.js';
import { type LabelField, type Language } from './labels.js';
import { detectLanguage } from './phrases.js';
import { findMentions, OrgRegistry, type DraftOrg, type Span } from './organizations.js';
import type { ReportBuilder } from './report.js';
import type { Element, Section, SectionKind } from './sections.js';
import { capitalisedWords, isAllCaps } from './words.js';

export interface DraftPerson {
  name: string;
  title?: string;
  org?: DraftOrg;
}

export interface DraftFinding {
  criterion?: string;
  title?: string;
  rating?: { score: number; label: string; scaleMax?: number };
  summary: string[];
  span: Span;
  /** Whether the paragraphs that follow are its text (a heading on its own line), or not. */
  open: boolean;
}

export interface DraftOutput {
  ref: string;
  component?: number;
  title: string;
  description: string;
  basedOnText?: string;
  basedOn: string[];
  span: Span;
}

export interface DraftRecommendation {
  themeCode?: string;
  theme?: string;
  audiences: DraftOrg[];
  text: string;
  ownCode?: string;
  span: Span;
}

export interface DraftPartner {
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

export type Labelled = Element & { value: string; label: string };

/** Bounds that no real brief comes near, so that no input makes the parser slow. */
export const LONGEST_PARAGRAPH = 20_000;
export const LONGEST_LABEL = 5_000;
const MOST_ELEMENTS_PER_SECTION = 1_000;

export class Brief {
  readonly orgs = new OrgRegistry();
  readonly labels = new Map<LabelField, Labelled>();
  /** Acronyms the document writes in capitals in running text (kept when recasing a heading). */
  readonly acronyms: Set<string>;
  /** Words the document writes with a capital in running text (proper nouns, for recasing). */
  readonly capitalised: (word: string) => boolean;
  readonly fullText: string;
  readonly language: Language;
  /** Elements an extractor has taken as something other than prose (a line without its label). */
  readonly taken = new Set<Element>();
  /** Lines of the title heading. */
  readonly titleLines = new Set<number>();
  /** Texts that may state the lead partner or the cost extensions (summary, findings, conclusions). */
  readonly narrative: Element[] = [];

  readonly evaluation: {
    title?: string;
    /** The heading's words before the project title ("Ex-post evaluation of the project"). */
    titlePrefix?: string;
    type?: string;
    intendedUsers?: string;
    evaluators: DraftPerson[];
    firms: DraftOrg[];
    fieldVisits?: { from?: string; to?: string };
    finalReportDate?: string;
    commissioners: DraftOrg[];
    manager?: DraftPerson;
    purpose?: string;
    criteria: string[];
    methodology: string[];
    keyFindings: string[];
    findings: DraftFinding[];
    conclusions: string[];
    lessonsLearned: string[];
    recommendations: DraftRecommendation[];
  } = { evaluators: [], firms: [], commissioners: [], criteria: [], methodology: [], keyFindings: [], findings: [], conclusions: [], lessonsLearned: [], recommendations: [] };

  /** The facts the evaluated projects share (one project per code; none for a policy or strategy). */
  readonly project: {
    title?: string;
    /** The title heading names a project or programme ("... of the project", "du projet"). */
    titleSaysProject?: boolean;
    codes: string[];
    type?: string;
    summary?: string;
    coverage?: string;
    countries: CountryRecord[];
    startDate?: string;
    endDate?: string;
    budget?: { amount: number; currency: string };
    costExtensions?: number;
    extensionMonths?: number;
    genderMarker?: string;
    implementer?: DraftOrg;
    funders: DraftOrg[];
    partners: DraftPartner[];
    outputs: DraftOutput[];
  } = { codes: [], countries: [], funders: [], partners: [], outputs: [] };

  constructor(
    readonly document: string,
    readonly sections: readonly Section[],
    readonly lines: readonly string[],
    readonly report: ReportBuilder,
  ) {
    this.fullText = lines.join('\n');
    this.acronyms = new Set(lines.filter((l) => !isAllCaps(l)).flatMap((l) => l.match(/\b[A-Z][A-Z0-9]{1,9}\b/g) ?? []));
    this.capitalised = capitalisedWords(lines);
    this.language = detectLanguage(this.fullText);
  }

  section(kind: SectionKind): Section | undefined {
    return this.sections.find((s) => s.kind === kind);
  }

  /** The elements of every section of a kind, in order (at most a thousand). */
  elementsOf(kind: SectionKind): Element[] {
    const elements = this.sections.filter((s) => s.kind === kind).flatMap((s) => s.elements);
    if (elements.length <= MOST_ELEMENTS_PER_SECTION) return elements;
    this.report.warn(`the ${kind} section has ${elements.length} paragraphs or items; only the first ${MOST_ELEMENTS_PER_SECTION} were read`, elements[MOST_ELEMENTS_PER_SECTION]!.line);
    return elements.slice(0, MOST_ELEMENTS_PER_SECTION);
  }

  /** Every element of the document, in order. */
  allElements(): Element[] {
    return this.sections.flatMap((s) => s.elements);
  }

  label(field: LabelField): Labelled | undefined {
    return this.labels.get(field);
  }

  /** A date, or a warning naming the line when it cannot be read. */
  date(span: Span, text: string, end = false): ParsedDate | undefined {
    const parsed = parseDate(text, end);
    if (!parsed) {
      this.report.warn(`cannot read the date "${text}" (expected e.g. "20 May 2021", "May 2021" or "2021-05-20")`, span.line);
      return undefined;
    }
    if (parsed.note) this.report.warn(parsed.note, span.line);
    return parsed;
  }

  /** "IOM Development Fund ("The Fund")", "Ministry of X (MX)", "OIM", or a plain name. */
  orgPhrase(text: string, span: Span): DraftOrg {
    const value = text.replace(/\.$/, '').trim();
    const [mention] = findMentions(value).filter((m) => m.end >= value.length - 1);
    if (mention) return this.orgs.add(mention.org, span);
    return this.orgs.find(value) ?? this.orgs.add({ name: value }, span);
  }
}

/** Sentences with their offsets; abbreviations like "e.g." do not end one (the next word is lower case). */
export function splitSentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((c === '.' || c === '!' || c === '?') && (i + 1 === text.length || (text[i + 1] === ' ' && /[A-Z"(\u00c0-\u00de\u00ab]/.test(text[i + 2] ?? '')))) {
      out.push({ text: text.slice(start, i + 1).trim(), start: start + (text.slice(start).length - text.slice(start).trimStart().length) });
      start = i + 1;
    }
  }
  const rest = text.slice(start);
  if (rest.trim()) out.push({ text: rest.trim(), start: start + (rest.length - rest.trimStart().length) });
  return out;
}

/** Drop undefined values and empty lists so the record says only what the brief says. */
export function clean<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}
