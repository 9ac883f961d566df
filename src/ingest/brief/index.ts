/**
 * The brief reader: the text of an IOM evaluation brief in (any template; English, French,
 * Spanish or Portuguese; typed or extracted from a PDF), the EvaluationRecord a curator would
 * write out, with a report of what was found where, what was not, and every inference or doubt.
 *
 * The pipeline, top-down (one extractor per part of the brief, in extract/):
 *   normalise the text -> elements -> sections                       (normalise.ts, sections.ts)
 *   -> header labels, the brief check, lines without their label      (extract/header.ts)
 *   -> title heading, evaluators and firm, introduction                (extract/title.ts, evaluators.ts)
 *   -> project information panel: coverage, type, codes, period...    (extract/projectInfo.ts)
 *   -> summary with its partners and components                       (extract/summary.ts, partners.ts)
 *   -> findings (by criterion, by objective, percentages in prose)    (extract/findings.ts)
 *   -> conclusions and lessons -> recommendations                     (extract/conclusions.ts, recommendations.ts)
 *   -> the parties the brief implies (implementer, funder, lead...)   (extract/parties.ts)
 *   -> the record, validated by the EvaluationRecord schema            (build.ts)
 *
 * Labels and headings of every language are in labels.ts, the phrases extractors look for in
 * phrases.ts; adding a template or a language means adding words there and, at most, one
 * extractor.
 */
import { build, checkRequired } from './build.js';
import { Brief } from './draft.js';
import { normaliseBrief } from './normalise.js';
import { ReportBuilder, type ExtractionReport } from './report.js';
import { toElements, toSections } from './sections.js';
import type { EvaluationRecord } from '../../domain/record.js';
import { readConclusionsAndLessons } from './extract/conclusions.js';
import { readEvaluatorsLine, readIntroduction } from './extract/evaluators.js';
import { readFindings } from './extract/findings.js';
import { checkIsBrief, collectLabels, readHeader, readType, readUnlabelledLines } from './extract/header.js';
import { inferParties, readCostExtensions } from './extract/parties.js';
import { readProjectInformation } from './extract/projectInfo.js';
import { readRecommendations } from './extract/recommendations.js';
import { readSummary } from './extract/summary.js';
import { readTitle, titleFromType } from './extract/title.js';

export { BriefParseError, type BriefErrorCode } from './errors.js';
export type { ExtractionReport } from './report.js';

export interface ParsedBrief {
  readonly record: EvaluationRecord;
  readonly report: ExtractionReport;
  /**
   * Document lines each part of the record came from, keyed by its path in the record
   * (`evaluation`, `projects[0]`, `projects[0].outputs[1]`, `evaluation.findings[2]`,
   * `organizations[5]`...), as line ranges such as "12" or "30-32,41". Provenance for
   * SOURCED_FROM relationships.
   */
  readonly passages: Readonly<Record<string, string>>;
}

export interface ParseOptions {
  /** Name of the document in the report and in error messages (a file name). */
  readonly document?: string;
  /** Notes on how the text was obtained (its encoding, say), added to the report's warnings. */
  readonly notes?: readonly string[];
}

/** Parse the text of an evaluation brief. Throws BriefParseError when it is not one. */
export function parseBrief(text: string, options: ParseOptions = {}): ParsedBrief {
  const document = options.document ?? 'brief';
  const normalised = normaliseBrief(text);
  const sections = toSections(toElements(normalised.lines));
  const report = new ReportBuilder(document);
  for (const note of options.notes ?? []) report.warn(note);
  for (const w of normalised.warnings) report.warn(w.message, w.line);
  const b = new Brief(document, sections, normalised.lines.map((l) => l.text), report);

  collectLabels(b);
  checkIsBrief(b);
  readTitle(b);
  readUnlabelledLines(b);
  readType(b);
  titleFromType(b);
  readEvaluatorsLine(b);
  readIntroduction(b);
  readHeader(b);
  readProjectInformation(b);
  readSummary(b);
  readFindings(b);
  readConclusionsAndLessons(b);
  readRecommendations(b);
  readCostExtensions(b);
  inferParties(b);
  checkRequired(b);
  return build(b);
}
