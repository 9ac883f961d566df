/**
 * The extraction report: what the parser found (each field with the document line it came
 * from and the value it read), which expected fields it did not find, and every warning
 * (an inference, a value it could only partly read, text it normalised).
 */

export interface FoundField {
  /** Path of the value in the EvaluationRecord, e.g. `project.code` or `evaluation.findings[2]`. */
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
 * Fields an IOM evaluation brief normally states. Those missing from a brief are listed in
 * the report's `missing`; lessons learned, cost extensions, the intended users and the
 * evaluation firm are reported when present and never missed.
 */
export const EXPECTED_FIELDS = [
  'evaluation.title',
  'evaluation.type',
  'evaluation.evaluators',
  'evaluation.finalReportDate',
  'evaluation.commissionedBy',
  'evaluation.managedBy',
  'evaluation.purpose',
  'evaluation.criteria',
  'evaluation.methodology',
  'evaluation.keyFindings',
  'evaluation.findings',
  'evaluation.conclusions',
  'evaluation.recommendations',
  'project.title',
  'project.code',
  'project.type',
  'project.summary',
  'project.coverage',
  'project.countries',
  'project.startDate',
  'project.endDate',
  'project.budget',
  'project.implementer',
  'project.partners',
  'project.outputs',
] as const;

/** Collects found fields (with their line spans, for provenance) and warnings while parsing. */
export class ReportBuilder {
  private readonly found: (FoundField & { endLine: number })[] = [];
  private readonly warnings: Warning[] = [];

  constructor(private readonly document: string) {}

  add(field: string, span: { line: number; endLine?: number }, value: unknown): void {
    this.found.push({ field, line: span.line, endLine: span.endLine ?? span.line, value: shorten(value) });
  }

  warn(message: string, line?: number): void {
    this.warnings.push(line === undefined ? { message } : { line, message });
  }

  has(field: string): boolean {
    return this.found.some((f) => f.field === field || f.field.startsWith(`${field}[`) || f.field.startsWith(`${field}.`));
  }

  /** Line spans per record path, for the SOURCED_FROM relationships of the nodes built from it. */
  spans(): readonly { field: string; line: number; endLine: number }[] {
    return this.found;
  }

  build(): ExtractionReport {
    const found = [...this.found].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field)).map(({ field, line, value }) => ({ field, line, value }));
    return { document: this.document, found, missing: EXPECTED_FIELDS.filter((f) => !this.has(f)), warnings: [...this.warnings] };
  }
}

function shorten(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
