/**
 * Why a document could not become an evaluation record. Every failure of the brief parser is
 * a BriefParseError with a code a caller can branch on and a message a person can act on:
 * it names what is missing or wrong, never just "parse error".
 */

export type BriefErrorCode =
  /** Nothing but white space. */
  | 'EMPTY'
  /** Larger than MAX_BRIEF_CHARS; for a PDF, more bytes, pages or characters of text than its budget (MAX_PDF_BYTES, MAX_PDF_PAGES, MAX_BRIEF_CHARS). */
  | 'TOO_LARGE'
  /** A PDF whose reading needs more memory or time than its budget (PDF_MEMORY_MB, PDF_TIME_MS): a decompression bomb, say. */
  | 'TOO_COSTLY'
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

/*
 * What reading one PDF may take (pdf.ts; each can be lowered for a call through its options). A
 * PDF is a program for a reader: a small file can inflate to gigabytes or hold a hundred
 * thousand pages. Whatever it holds, the reading stops at the first budget exceeded, and the
 * error names that budget, its limit and how far the PDF went past it.
 */

/** PDF files carry images and fonts, so they may be larger than their text. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/**
 * A brief is 2 to 6 pages and an evaluation report with its annexes rarely passes 150; past 300
 * pages it is not a document to import, and the page count alone (read before any page) says so.
 */
export const MAX_PDF_PAGES = 300;

/**
 * Memory one PDF's reading may take, in MB: the heap of the worker thread that reads it and,
 * for what pdf.js holds outside the heap (inflated streams), the growth of the process. Reading
 * a real brief grows the process by less than 100 MB, the reader's start included; 512 MB is
 * room for a long report with large fonts, and a decompression bomb (a 1 MB stream that
 * inflates to 1 GiB) is stopped there.
 */
export const PDF_MEMORY_MB = 512;

/**
 * Time one PDF's reading may take, starting the worker included. A brief reads in about a
 * second (most of it starting the worker) and 500 pages of text in about 3; 30 s leaves room
 * for a busy machine and still bounds what a pathological file can hold an import for.
 */
export const PDF_TIME_MS = 30_000;
