/** The document a record was taken from, for provenance (SOURCED_FROM). */
export interface SourceInfo {
  readonly fileName: string;
  readonly title?: string;
  readonly sha256: string;
  readonly mediaType: string;
  readonly text?: string;
  /**
   * Where in the document each part of the record was found, for parsed briefs: line ranges
   * ("12", "30-32,41") keyed by the part's path in the record (`evaluation`, `projects[0]`,
   * `evaluation.findings[2]`, `organizations[5]`...), or a catalogue row ("row 12"). They
   * become the `lines` property of the SOURCED_FROM relationships of the nodes built from
   * those parts.
   */
  readonly passages?: Readonly<Record<string, string>>;
}

/**
 * What kind of source a record comes from. A document (a brief, a curated record, an API
 * upsert) says more about an evaluation than a catalogue row, and wins where they differ; each
 * kind restates only what that kind said when it is imported again.
 */
export type SourceKind = 'document' | 'catalogue';

/** Precedence of a source kind's property values (higher wins; a lower one only fills gaps). */
export const SOURCE_RANK: Record<SourceKind, number> = { catalogue: 1, document: 2 };
