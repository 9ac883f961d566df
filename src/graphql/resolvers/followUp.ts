/** Writes (editor token required, see src/auth) and the follow-up of recommendations. */
import { GraphQLError } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { RecordValidationError, parseEvaluationRecord } from '../../domain/record.js';
import { actorOn, addActionChange, followUpOf, respondChange, updateActionChange, type ActionStatus, type ResponseKind } from '../../services/followUp.js';
import { importRecords } from '../../services/import/index.js';
import { deletion } from '../../services/import/restate.js';
import type { GraphNode } from '../../domain/model.js';
import type { GraphChange, GraphReader } from '../../store/port.js';
import type { GraphContext } from '../context.js';
import { notFound, userError } from '../errors.js';
import { fromGlobalId } from '../globalId.js';
import { ChangeEvent, Evaluation, FollowUpAction, Organization, Recommendation } from '../types/entities.js';
import { ActionStatusEnum, FollowUp, ManagementResponse } from '../types/followUp.js';
import { DateScalar } from '../scalars.js';
import { relatedOne } from './related.js';

@ObjectType('UpsertEvaluationResult', { simpleResolvers: true, description: 'What upsertEvaluation wrote.' })
class UpsertEvaluationResult {
  @Field(() => Evaluation, { description: 'The evaluation as now stored.' })
  evaluation!: Evaluation;

  @Field(() => Boolean, { description: 'Whether the evaluation was new (false: an existing one was updated).' })
  created!: boolean;
}

@ObjectType('DeleteEvaluationResult', { simpleResolvers: true, description: 'What deleteEvaluation removed.' })
class DeleteEvaluationResult {
  @Field(() => ID, { description: 'Global id of the deleted evaluation.' })
  id!: string;

  @Field(() => Int, { description: 'Nodes removed: the evaluation and what only it owned (findings, recommendations, its project when no other evaluation covers it...). Shared organisations stay.' })
  nodesDeleted!: number;
}

export const today = () => new Date().toISOString().slice(0, 10);

const actorOf = (ctx: GraphContext, reader: GraphReader, recommendationId: string) => actorOn(reader, recommendationId, ctx.principal.name ?? 'anonymous');

type Editable = 'Recommendation' | 'FollowUpAction' | 'Organization' | 'Evaluation';

/** The node a global id names, read as the transaction sees it: NOT_FOUND when absent (or deleted meanwhile). */
async function load(reader: GraphReader, id: string, label: Editable, argument: string): Promise<GraphNode> {
  const [node] = await reader.getNodes([fromGlobalId(id, [label], argument).nodeId]);
  if (!node) throw notFound(`${argument}: no ${label} has the id "${id}"`);
  return node;
}

/**
 * A mutation's read and write as one store transaction (`change` reads through the reader it
 * is given), then the written node read back. Concurrent mutations give the result of some
 * serial order: a history's "before" is the real one, and nothing deleted meanwhile is
 * recreated.
 */
async function edit(ctx: GraphContext, change: (reader: GraphReader) => Promise<{ change: GraphChange; id: string }>): Promise<GraphNode> {
  let written = '';
  await ctx.store.transaction(async (reader) => {
    const result = await change(reader);
    written = result.id;
    return result.change;
  });
  ctx.loaders.clear();
  const [node] = await ctx.store.getNodes([written]);
  if (!node) throw notFound(`${written} was deleted meanwhile`);
  return node;
}

@Resolver()
export class EvaluationMutationResolver {
  @Mutation(() => UpsertEvaluationResult, { description: 'Create or update an evaluation from an evaluation record (the same shape and validation as a YAML seed record; see src/domain/record.ts). Re-sending a record updates it exactly; follow-up is kept.' })
  async upsertEvaluation(@Arg('record', () => GraphQLJSONObject, { description: 'The evaluation record, as JSON.' }) input: Record<string, unknown>, @Ctx() ctx: GraphContext): Promise<UpsertEvaluationResult> {
    let record;
    try {
      record = parseEvaluationRecord(input, 'record');
    } catch (error) {
      if (error instanceof RecordValidationError) {
        throw new GraphQLError(`invalid evaluation record: ${error.problems.map((p) => `${p.path || '(record)'}: ${p.message}`).join('; ')}`, { extensions: { code: 'BAD_USER_INPUT', argument: 'record', problems: error.problems } });
      }
      throw error;
    }
    // The same path as `npm run import`: resolution, exact restatement, one atomic write.
    const summary = await importRecords(ctx.store, [{ file: 'record', record }]);
    const id = summary.evaluationIds[0]!;
    const created = !summary.existed[0];
    ctx.loaders.clear();
    const [stored] = await ctx.store.getNodes([id]);
    ctx.log.info({ evaluation: id, created, actor: ctx.principal.name }, 'evaluation upserted');
    return Object.assign(new UpsertEvaluationResult(), { evaluation: Evaluation.from(stored!), created });
  }

  @Mutation(() => DeleteEvaluationResult, { description: 'Delete an evaluation and what only it owns; shared institutions, criteria and themes stay.' })
  async deleteEvaluation(@Arg('id', () => ID, { description: 'Global id of the evaluation.' }) id: string, @Ctx() ctx: GraphContext): Promise<DeleteEvaluationResult> {
    let deleted = '';
    const summary = await ctx.store.transaction(async (reader) => {
      deleted = (await load(reader, id, 'Evaluation', 'id')).id;
      return deletion(reader, [deleted]);
    });
    ctx.loaders.clear();
    ctx.log.info({ evaluation: deleted, nodesDeleted: summary.nodesDeleted, actor: ctx.principal.name }, 'evaluation deleted');
    return Object.assign(new DeleteEvaluationResult(), { id, nodesDeleted: summary.nodesDeleted });
  }
}

@Resolver(() => Recommendation)
export class FollowUpResolver {
  @FieldResolver(() => FollowUp, { description: 'Management response, follow-up actions, history and overall status.' })
  async followUp(@Root() r: Recommendation, @Ctx() ctx: GraphContext): Promise<FollowUp> {
    const node = await ctx.loaders.node.load(r.nodeId);
    const [f] = await followUpOf(ctx.loaders.neighbours, [node!], today());
    return Object.assign(new FollowUp(), {
      response: f!.response,
      responseText: f!.responseText,
      respondedAt: f!.respondedAt,
      actions: f!.actions.map((a) => FollowUpAction.from(a.action)),
      history: f!.history.map(ChangeEvent.from),
      status: f!.status,
    });
  }

  @Mutation(() => Recommendation, { description: "Record management's response to a recommendation (kept in its history)." })
  async respondToRecommendation(
    @Arg('id', () => ID, { description: 'Global id of the recommendation.' }) id: string,
    @Arg('response', () => ManagementResponse, { description: 'The response.' }) response: ResponseKind,
    @Arg('text', () => String, { nullable: true, description: 'The response in words.' }) text: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<Recommendation> {
    const rec = await edit(ctx, async (reader) => {
      const node = await load(reader, id, 'Recommendation', 'id');
      return { change: respondChange(node, response, text, await actorOf(ctx, reader, node.id)), id: node.id };
    });
    return Recommendation.from(rec);
  }

  @Mutation(() => FollowUpAction, { description: 'Add a follow-up action to a recommendation.' })
  async addFollowUpAction(
    @Arg('recommendationId', () => ID, { description: 'Global id of the recommendation.' }) recommendationId: string,
    @Arg('description', () => String, { description: 'What is to be done.' }) description: string,
    @Arg('responsible', () => ID, { description: 'Global id of the organisation responsible.' }) responsible: string,
    @Arg('dueDate', () => DateScalar, { nullable: true, description: 'When it is due.' }) dueDate: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<FollowUpAction> {
    if (!description.trim()) throw userError('description must not be empty', 'description');
    const action = await edit(ctx, async (reader) => {
      const [rec, org] = await Promise.all([load(reader, recommendationId, 'Recommendation', 'recommendationId'), load(reader, responsible, 'Organization', 'responsible')]);
      const { change, actionId } = addActionChange(rec, description.trim(), org, dueDate, await actorOf(ctx, reader, rec.id));
      return { change, id: actionId };
    });
    return FollowUpAction.from(action);
  }

  @Mutation(() => FollowUpAction, { description: 'Change the status of a follow-up action (kept in the history).' })
  async updateFollowUpAction(
    @Arg('id', () => ID, { description: 'Global id of the action.' }) id: string,
    @Arg('status', () => ActionStatusEnum, { description: 'The new status.' }) status: ActionStatus,
    @Arg('note', () => String, { nullable: true, description: 'Why, or what was done.' }) note: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<FollowUpAction> {
    const updated = await edit(ctx, async (reader) => {
      const action = await load(reader, id, 'FollowUpAction', 'id');
      const [[owner] = []] = await reader.neighbours([action.id], 'HAS_ACTION', 'in');
      if (!owner) throw notFound(`id: the recommendation of the action "${id}" was deleted`);
      return { change: updateActionChange(owner.node, action, status, note, await actorOf(ctx, reader, owner.node.id)), id: action.id };
    });
    return FollowUpAction.from(updated);
  }
}

@Resolver(() => FollowUpAction)
export class FollowUpActionResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organisation responsible.' })
  responsible(@Root() a: FollowUpAction, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, a.nodeId, 'RESPONSIBLE', 'out', Organization);
  }

  @FieldResolver(() => Recommendation, { nullable: true, description: 'The recommendation the action follows up.' })
  recommendation(@Root() a: FollowUpAction, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, a.nodeId, 'HAS_ACTION', 'in', Recommendation);
  }
}
