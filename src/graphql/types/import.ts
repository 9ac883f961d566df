/** GraphQL types of the importBrief mutation: its result and the extraction report. */
import { Field, Int, ObjectType } from 'type-graphql';
import type { ExtractionReport as Report } from '../../ingest/brief/report.js';
import { Evaluation } from './entities.js';

@ObjectType('ExtractedField', { simpleResolvers: true, description: 'A field the brief parser found: where in the document, and the value it read.' })
export class ExtractedField {
  @Field(() => String, { description: 'Path of the value in the evaluation record, e.g. "project.code" or "evaluation.findings[2]".' })
  field!: string;

  @Field(() => Int, { description: 'Line of the document the value starts on (1-based).' })
  line!: number;

  @Field(() => String, { description: 'The value as read, shortened to 160 characters.' })
  value!: string;
}

@ObjectType('ExtractionWarning', { simpleResolvers: true, description: 'Something the parser inferred, could only partly read, or normalised.' })
export class ExtractionWarning {
  @Field(() => Int, { nullable: true, description: 'Line of the document it concerns, when there is one.' })
  line!: number | null;

  @Field(() => String, { description: 'What happened, in a sentence.' })
  message!: string;
}

@ObjectType('ExtractionReport', { simpleResolvers: true, description: 'What the brief parser found in a document, what it did not find, and its warnings.' })
export class ExtractionReport {
  @Field(() => String, { description: 'Name of the document.' })
  document!: string;

  @Field(() => [ExtractedField], { description: 'Every field found, in document order.' })
  found!: ExtractedField[];

  @Field(() => [String], { description: 'Fields an evaluation brief normally states that were not found, as record paths (e.g. "project.budget").' })
  missing!: string[];

  @Field(() => [ExtractionWarning], { description: 'Inferences, values read only in part, and normalisations of the text.' })
  warnings!: ExtractionWarning[];

  static from(report: Report): ExtractionReport {
    return Object.assign(new ExtractionReport(), {
      document: report.document,
      found: report.found.map((f) => Object.assign(new ExtractedField(), f)),
      missing: [...report.missing],
      warnings: report.warnings.map((w) => Object.assign(new ExtractionWarning(), { line: w.line ?? null, message: w.message })),
    });
  }
}

@ObjectType('ImportResult', { simpleResolvers: true, description: 'The outcome of importing an evaluation brief.' })
export class ImportResult {
  @Field(() => Boolean, { description: 'Whether the evaluation was written to the graph (false on a dry run).' })
  written!: boolean;

  @Field(() => Evaluation, { nullable: true, description: 'The evaluation as stored after the import; null on a dry run.' })
  evaluation!: Evaluation | null;

  @Field(() => ExtractionReport, { description: 'What the parser found, missed and warned about.' })
  report!: ExtractionReport;

  @Field(() => Int, { description: 'Nodes the import created (0 on a dry run; 0 again when the same brief is imported twice).' })
  nodesCreated!: number;

  @Field(() => Int, { description: 'Existing nodes the import updated (organisations and projects already in the graph, among others).' })
  nodesUpdated!: number;
}
