/**
 * The extraction report: what the parser found (each field with the document line it came
 * from and the value it read), which expected fields it did not find, and every warning
 * (an inference, a value it could only partly read, text it normalised).
 */

export interface FoundField {
  /** Path of the value in the EvaluationRecord, e.g. `projects[0].code` or `evaluation.findings[2]`. */
  readonly field: string;
  /** Line of the document the value starts on (1-based; for a PDF, of its extracted text). */
  readonly line: number;
  /** The value as read, in short. */
  readonly value: string;
}

export interface Warning {
  readonly line?: number;
  readonly message: string;
}

export interface ExtractionReport {
  /** The document's name: its file name, or what the caller called it. */
  readonly document: string;
  readonly found: readonly FoundField[];
  /** Expected fields of a brief that were not found, as record paths. */
  readonly missing: readonly string[];
  readonly warnings: readonly Warning[];
}

/**
 * Fields an IOM evaluation brief normally states, as record paths; "a|b" is satisfied by
 * either. Those missing from a brief are listed in the report's `missing`. The project's
 * fields are expected of the first project when the brief evaluates one. Lessons learned, cost
 * extensions, the intended users, the implementer, partners and outputs (which the 2023
 * template does not have) are reported when present and never missed.
 */
export const EXPECTED_FIELDS = [
  'evaluation.title',
  'evaluation.type',
  'evaluation.evaluators|evaluation.evaluationFirms',
  'evaluation.finalReportDate',
  'evaluation.commissioners',
  'evaluation.managedBy',
  'evaluation.purpose',
  'evaluation.criteria',
  'evaluation.methodology',
  'evaluation.keyFindings|evaluation.findings',
  'evaluation.conclusions',
  'evaluation.recommendations',
  'projects[0].title',
  'projects[0].code',
  'projects[0].type',
  'projects[0].summary',
  'projects[0].coverage|evaluation.coverage',
  'projects[0].countries',
  'projects[0].startDate',
  'projects[0].endDate',
  'projects[0].budget',
] as const;

/** Collects found fields (with their line spans, for provenance) and warnings while parsing. */
export class ReportBuilder {
  private found: (FoundField & { endLine: number })[] = [];
  private readonly warnings: Warning[] = [];
  private readonly notExpected = new Set<string>();

  constructor(private readonly document: string) {}

  /** A field this brief has no place for (no manager when an organisation "commissioned and managed" it). */
  notApplicable(field: string): void {
    this.notExpected.add(field);
  }

  add(field: string, span: { line: number; endLine?: number }, value: unknown): void {
    this.found.push({ field, line: span.line, endLine: span.endLine ?? span.line, value: shorten(value) });
  }

  warn(message: string, line?: number): void {
    this.warnings.push(line === undefined ? { message } : { line, message });
  }

  has(field: string): boolean {
    return field.split('|').some((f) => this.found.some((x) => x.field === f || x.field.startsWith(`${f}[`) || x.field.startsWith(`${f}.`)));
  }

  /** Line spans per record path, for the SOURCED_FROM relationships of the nodes built from it. */
  spans(): readonly { field: string; line: number; endLine: number }[] {
    return this.found;
  }

  /** Rename found fields to where the record puts them (one field may land in several places, or none). */
  remap(to: (field: string) => readonly string[]): void {
    this.found = this.found.flatMap((f) => to(f.field).map((field) => ({ ...f, field })));
  }

  build(hasProject: boolean): ExtractionReport {
    const found = [...this.found].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field)).map(({ field, line, value }) => ({ field, line, value }));
    const expected = EXPECTED_FIELDS.filter((f) => (hasProject || !f.startsWith('projects[')) && !this.notExpected.has(f));
    const missing = expected.filter((f) => !this.has(f)).map((f) => f.split('|')[0]!);
    return { document: this.document, found, missing, warnings: [...this.warnings] };
  }
}

function shorten(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
