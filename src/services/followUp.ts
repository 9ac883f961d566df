/**
 * Recommendation follow-up, in the manner of the management-response trackers evaluation
 * offices keep: a response to each recommendation (accepted, partially accepted, rejected),
 * follow-up actions with a responsible organisation, a due date and a status, and a history of
 * every change (who, when, what). The overall status is derived, never stored, so it cannot
 * drift: an open action past its due date makes the recommendation OVERDUE.
 */
import { randomUUID } from 'node:crypto';
import type { GraphEdge, GraphNode } from '../domain/model.js';
import { compareIds } from '../store/order.js';
import type { GraphChange, GraphReader } from '../store/port.js';
import { and, eq, or, related, type Filter } from '../store/filter.js';
import type { NeighboursFn } from './graphWalk.js';

export const RESPONSES = ['ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED'] as const;
export const ACTION_STATUSES = ['NOT_STARTED', 'INITIATED', 'COMPLETED', 'NO_LONGER_APPLICABLE'] as const;
export const FOLLOW_UP_STATUSES = [...ACTION_STATUSES, 'OVERDUE'] as const;
export type ResponseKind = (typeof RESPONSES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export interface Actor {
  /** Who made the change (the name the editor token is registered under). */
  readonly name: string;
  /** When, as an ISO 8601 timestamp. */
  readonly at: string;
  /** The change's place in the recommendation's history: after every event already there. */
  readonly position: number;
}

/**
 * Who changes a recommendation's follow-up now, placed after its last history event (read in
 * the same transaction as the change, so two changes in one millisecond keep their order).
 */
export async function actorOn(reader: Pick<GraphReader, 'neighbours'>, recommendationId: string, name: string, now = new Date()): Promise<Actor> {
  const [events = []] = await reader.neighbours([recommendationId], 'HAS_EVENT', 'out');
  const last = Math.max(0, ...events.map((e) => Number(e.edge.props.position) || 0));
  return { name, at: now.toISOString(), position: Math.max(now.getTime(), last + 1) };
}

function event(recommendationId: string, actor: Actor, action: string, details: string): { node: GraphNode; edge: GraphEdge } {
  const id = `event:${randomUUID()}`;
  return {
    node: { id, label: 'ChangeEvent', props: { at: actor.at, actor: actor.name, action, details } },
    edge: { type: 'HAS_EVENT', from: recommendationId, to: id, props: { position: actor.position } },
  };
}

export function respondChange(recommendation: GraphNode, response: ResponseKind, text: string | null, actor: Actor): GraphChange {
  const history = event(recommendation.id, actor, 'RESPONDED', `Response ${response}${text ? `: ${text}` : ''}`);
  return {
    nodes: [{ id: recommendation.id, label: 'Recommendation', props: { response, responseText: text, respondedAt: actor.at } }, history.node],
    edges: [history.edge],
  };
}

export function addActionChange(recommendation: GraphNode, description: string, responsible: GraphNode, dueDate: string | null, actor: Actor): { change: GraphChange; actionId: string } {
  const actionId = `action:${randomUUID()}`;
  const history = event(recommendation.id, actor, 'ACTION_ADDED', `Action "${description}" for ${responsible.props.name}${dueDate ? `, due ${dueDate}` : ''}`);
  return {
    actionId,
    change: {
      nodes: [{ id: actionId, label: 'FollowUpAction', props: { description, dueDate, status: 'NOT_STARTED', createdAt: actor.at, updatedAt: actor.at } }, history.node],
      edges: [
        { type: 'HAS_ACTION', from: recommendation.id, to: actionId, props: { position: actor.position } },
        { type: 'RESPONSIBLE', from: actionId, to: responsible.id, props: {} },
        history.edge,
      ],
    },
  };
}

export function updateActionChange(recommendation: GraphNode, action: GraphNode, status: ActionStatus, note: string | null, actor: Actor): GraphChange {
  const history = event(recommendation.id, actor, 'ACTION_UPDATED', `Action "${action.props.description}": ${action.props.status} -> ${status}${note ? ` (${note})` : ''}`);
  return {
    nodes: [{ id: action.id, label: 'FollowUpAction', props: { status, note, updatedAt: actor.at } }, history.node],
    edges: [history.edge],
  };
}

/** The overall follow-up status of a recommendation, from its response and actions, as of `today` (YYYY-MM-DD). */
export function deriveStatus(response: string | undefined, actions: readonly GraphNode[], today: string): FollowUpStatus {
  const status = (a: GraphNode) => a.props.status as ActionStatus;
  const open = actions.filter((a) => status(a) === 'NOT_STARTED' || status(a) === 'INITIATED');
  if (open.some((a) => typeof a.props.dueDate === 'string' && a.props.dueDate < today)) return 'OVERDUE';
  const applicable = actions.filter((a) => status(a) !== 'NO_LONGER_APPLICABLE');
  if (actions.length && !applicable.length) return 'NO_LONGER_APPLICABLE';
  if (!actions.length && response === 'REJECTED') return 'NO_LONGER_APPLICABLE';
  if (applicable.length && applicable.every((a) => status(a) === 'COMPLETED')) return 'COMPLETED';
  if (applicable.some((a) => status(a) === 'INITIATED' || status(a) === 'COMPLETED')) return 'INITIATED';
  return 'NOT_STARTED';
}

export interface FollowUp {
  readonly response: ResponseKind | null;
  readonly responseText: string | null;
  readonly respondedAt: string | null;
  readonly actions: readonly { action: GraphNode; responsible: GraphNode | null }[];
  readonly history: readonly GraphNode[];
  readonly status: FollowUpStatus;
}

/** The follow-up of each recommendation (batched: four neighbour calls for any number). */
export async function followUpOf(neighbours: NeighboursFn, recommendations: readonly GraphNode[], today: string): Promise<FollowUp[]> {
  const ids = recommendations.map((r) => r.id);
  const [actions, events] = await Promise.all([neighbours(ids, 'HAS_ACTION', 'out'), neighbours(ids, 'HAS_EVENT', 'out')]);
  const actionIds = actions.flat().map((a) => a.node.id);
  const responsible = await neighbours(actionIds, 'RESPONSIBLE', 'out');
  const responsibleOf = new Map(actionIds.map((id, i) => [id, responsible[i]?.[0]?.node ?? null]));
  return recommendations.map((rec, i) => {
    const own = (actions[i] ?? []).map((a) => a.node);
    const response = typeof rec.props.response === 'string' ? (rec.props.response as ResponseKind) : null;
    return {
      response,
      responseText: typeof rec.props.responseText === 'string' ? rec.props.responseText : null,
      respondedAt: typeof rec.props.respondedAt === 'string' ? rec.props.respondedAt : null,
      actions: own.map((action) => ({ action, responsible: responsibleOf.get(action.id) ?? null })),
      history: (events[i] ?? []).map((e) => e.node).sort((a, b) => String(a.props.at).localeCompare(String(b.props.at)) || compareIds(a.id, b.id)),
      status: deriveStatus(response ?? undefined, own, today),
    };
  });
}

/** The day before `today` (YYYY-MM-DD). */
function dayBefore(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * `deriveStatus` as a filter the store answers: the recommendations whose follow-up status is
 * `status` as of `today`.
 */
export function followUpStatusFilter(status: FollowUpStatus, today: string): Filter {
  const actionStatus = (s: ActionStatus) => eq('status', s);
  const anyAction = (node?: Filter) => related('HAS_ACTION', 'out', node);
  const overdue = anyAction(and(or(actionStatus('NOT_STARTED'), actionStatus('INITIATED')), { kind: 'range', property: 'dueDate', to: dayBefore(today) }));
  const applicable: Filter = { kind: 'not', filter: actionStatus('NO_LONGER_APPLICABLE') };
  const noLongerApplicable = or(
    and(anyAction(), { kind: 'not', filter: anyAction(applicable) })!,
    and({ kind: 'not', filter: anyAction() }, eq('response', 'REJECTED'))!,
  );
  const completed = and(anyAction(applicable), { kind: 'not', filter: anyAction(and(applicable, { kind: 'not', filter: actionStatus('COMPLETED') })) })!;
  const initiated = anyAction(or(actionStatus('INITIATED'), actionStatus('COMPLETED')));
  const not = (f: Filter): Filter => ({ kind: 'not', filter: f });
  switch (status) {
    case 'OVERDUE':
      return overdue;
    case 'NO_LONGER_APPLICABLE':
      return and(not(overdue), noLongerApplicable)!;
    case 'COMPLETED':
      return and(not(overdue), not(noLongerApplicable), completed)!;
    case 'INITIATED':
      return and(not(overdue), not(noLongerApplicable), not(completed), initiated)!;
    case 'NOT_STARTED':
      return and(not(overdue), not(noLongerApplicable), not(completed), not(initiated))!;
  }
}
