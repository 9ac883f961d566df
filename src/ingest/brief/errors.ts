/**
 * Why a document could not become an evaluation record. Every failure of the brief parser is
 * a BriefParseError with a code a caller can branch on and a message a person can act on:
 * it names what is missing or wrong, never just "parse error".
 */

export type BriefErrorCode =
  /** Nothing but white space. */
  | 'EMPTY'
  /** Larger than MAX_BRIEF_CHARS (or MAX_PDF_BYTES for a PDF). */
  | 'TOO_LARGE'
  /** NUL bytes or mostly control characters: not text. */
  | 'BINARY'
  /** Text in an encoding that is not read (UTF-32), bytes not valid in the encoding they claim, or replacement characters. */
  | 'ENCODING'
  /** A .pdf (or %PDF- content) that the PDF library cannot read, or that holds no text. */
  | 'UNREADABLE_PDF'
  /** Text, but none of the header lines or sections of an evaluation brief. */
  | 'NOT_A_BRIEF'
  /** A brief without a piece the record cannot do without (project title, evaluation type). */
  | 'MISSING_FIELDS'
  /** The extracted record failed the EvaluationRecord schema. */
  | 'INVALID_RECORD';

export class BriefParseError extends Error {
  override name = 'BriefParseError';

  constructor(
    readonly code: BriefErrorCode,
    message: string,
    /** Record fields that could not be found (for MISSING_FIELDS and NOT_A_BRIEF). */
    readonly missing: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Text briefs are a few pages; 5 MB of text is far beyond any real one and is refused unread. */
export const MAX_BRIEF_CHARS = 5 * 1024 * 1024;

/** PDF files carry images and fonts, so they may be larger than their text. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
