/**
 * Mutations: `importBrief` parses an evaluation brief's text and writes it to the graph, with
 * the same parser, entity resolution and atomic write as `npm run import`. Like every
 * mutation it needs an editor token (src/auth).
 */
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { BriefParseError } from '../../ingest/brief/errors.js';
import { briefFromText } from '../../ingest/inputFiles.js';
import { sha256 } from '../../ingest/recordFiles.js';
import { importRecords } from '../../services/import/index.js';
import type { GraphContext } from '../context.js';
import { Evaluation } from '../types/entities.js';
import { ExtractionReport, ImportResult } from '../types/import.js';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, {
    description:
      'Import an evaluation brief given as text: extract its evaluation record, and (unless `dryRun`) write it to the graph. Institutions and projects already in the graph are updated, never duplicated; importing the same brief again changes nothing. A text that is not a brief, or lacks its project title or evaluation type, is refused with BAD_USER_INPUT naming what is missing, and nothing is written. Requires an editor token, like every mutation.',
  })
  async importBrief(
    @Arg('text', () => String, { description: 'The full text of the brief (as copied from a .txt or a PDF).' }) text: string,
    @Arg('dryRun', () => Boolean, { nullable: true, defaultValue: false, description: 'Only extract and report; write nothing.' }) dryRun: boolean | null,
    @Ctx() ctx: GraphContext,
  ): Promise<ImportResult> {
    const document = `brief-${sha256(text).slice(0, 8)}.txt`;
    let input;
    try {
      input = briefFromText(text, { document });
    } catch (error) {
      if (error instanceof BriefParseError) {
        throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', argument: 'text', reason: error.code, missing: error.missing } });
      }
      throw error;
    }
    const result = Object.assign(new ImportResult(), { written: false, evaluation: null, report: ExtractionReport.from(input.report!), nodesCreated: 0, nodesUpdated: 0 });
    if (dryRun) return result;
    const summary = await importRecords(ctx.store, [input]);
    ctx.loaders.clear();
    const [node] = await ctx.store.getNodes(summary.evaluationIds.slice(0, 1));
    ctx.log.info({ document, evaluation: summary.evaluationIds[0], nodesCreated: summary.nodesCreated, nodesUpdated: summary.nodesUpdated }, 'brief imported');
    return Object.assign(result, { written: true, evaluation: node ? Evaluation.from(node) : null, nodesCreated: summary.nodesCreated, nodesUpdated: summary.nodesUpdated });
  }
}
