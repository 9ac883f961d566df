/**
 * What an evaluation owns, for deleting it and for re-importing it as an exact update.
 * An evaluation owns its findings, conclusions and recommendations (with their follow-up
 * actions and history), its project and outputs when no other evaluation covers that project,
 * the people named only by it, and source documents no other evaluation cites. Organisations,
 * criteria, themes and countries are shared and always stay.
 */
import { RELATIONSHIPS, type GraphNode, type RelType } from '../domain/model.js';
import type { GraphChange, GraphStore } from '../store/port.js';
import type { NeighboursFn } from './graphWalk.js';

/** Relationships a record states about its own nodes; re-importing the record restates them. */
const RESTATED: Partial<Record<GraphNode['label'], readonly RelType[]>> = {
  Evaluation: ['EVALUATES', 'COMMISSIONED_BY', 'CONDUCTED_BY', 'MANAGED_BY', 'ASSESSES', 'HAS_FINDING', 'CONCLUDES', 'RECOMMENDS', 'SOURCED_FROM'],
  Project: ['IN_COUNTRY', 'PARTNERED_WITH', 'IMPLEMENTED_BY', 'FUNDED_BY', 'PRODUCED', 'SOURCED_FROM'],
  Output: ['BASED_ON', 'SOURCED_FROM'],
  Finding: ['ON_CRITERION', 'SOURCED_FROM'],
  Recommendation: ['ABOUT', 'ADDRESSED_TO', 'SOURCED_FROM'], // not HAS_ACTION / HAS_EVENT: follow-up survives a re-import
  Conclusion: ['SOURCED_FROM'],
};

export async function ownedBy(neighbours: NeighboursFn, evaluationId: string): Promise<Set<string>> {
  const owned = new Set<string>([evaluationId]);
  const out = async (ids: readonly string[], type: RelType) => (await neighbours(ids, type, 'out')).flat().map((n) => n.node);
  const [findings, conclusions, recommendations, projects, people, sources] = await Promise.all([
    out([evaluationId], 'HAS_FINDING'),
    out([evaluationId], 'CONCLUDES'),
    out([evaluationId], 'RECOMMENDS'),
    out([evaluationId], 'EVALUATES'),
    out([evaluationId], 'CONDUCTED_BY').then((n) => n.filter((x) => x.label === 'Person')),
    out([evaluationId], 'SOURCED_FROM'),
  ]);
  const managers = await out([evaluationId], 'MANAGED_BY');
  [...findings, ...conclusions, ...recommendations].forEach((n) => owned.add(n.id));
  const recIds = recommendations.map((r) => r.id);
  const [actions, events] = await Promise.all([out(recIds, 'HAS_ACTION'), out(recIds, 'HAS_EVENT')]);
  [...actions, ...events].forEach((n) => owned.add(n.id));
  // Shared only when another evaluation points at it.
  const onlyMine = async (nodes: readonly GraphNode[], types: readonly RelType[]) => {
    const ids = nodes.map((n) => n.id);
    const lists = await Promise.all(types.map((t) => neighbours(ids, t, 'in')));
    return nodes.filter((_, i) => lists.every((l) => (l[i] ?? []).every((n) => n.node.label !== 'Evaluation' || n.node.id === evaluationId)));
  };
  for (const project of await onlyMine(projects, ['EVALUATES'])) {
    owned.add(project.id);
    (await out([project.id], 'PRODUCED')).forEach((o) => owned.add(o.id));
  }
  for (const person of await onlyMine([...people, ...managers], ['CONDUCTED_BY', 'MANAGED_BY'])) owned.add(person.id);
  for (const source of await onlyMine(sources, ['SOURCED_FROM'])) owned.add(source.id);
  return owned;
}

/**
 * Turn the upsert of a record into an exact update of what is stored: nodes the evaluation
 * owned that the new record no longer states are deleted, and the relationships the record
 * states are restated rather than accumulated.
 */
export async function asRestatement(store: GraphStore, neighbours: NeighboursFn, change: GraphChange): Promise<GraphChange> {
  const evaluations = change.nodes.filter((n) => n.label === 'Evaluation');
  const stored = (await store.getNodes(evaluations.map((e) => e.id))).filter((n): n is GraphNode => n !== null);
  if (!stored.length) return change;
  const stated = new Set(change.nodes.map((n) => n.id));
  const deleteNodes: string[] = [];
  for (const evaluation of stored) {
    for (const id of await ownedBy(neighbours, evaluation.id)) {
      // Follow-up actions and history are not stated by records: they stay with their recommendation.
      if (!stated.has(id) && !id.startsWith('action:') && !id.startsWith('event:')) deleteNodes.push(id);
    }
  }
  // ...unless the recommendation itself goes.
  const droppedRecs = deleteNodes.filter((id) => id.startsWith('recommendation:'));
  if (droppedRecs.length) {
    const followUp = [...(await neighbours(droppedRecs, 'HAS_ACTION', 'out')), ...(await neighbours(droppedRecs, 'HAS_EVENT', 'out'))];
    deleteNodes.push(...followUp.flat().map((n) => n.node.id));
  }
  const replaceEdges = change.nodes
    .filter((n) => RESTATED[n.label] && !deleteNodes.includes(n.id))
    .map((n) => ({ from: n.id, types: RESTATED[n.label]!.filter((t) => (RELATIONSHIPS[t].from as readonly string[]).includes(n.label)) }));
  return { ...change, deleteNodes: [...(change.deleteNodes ?? []), ...deleteNodes], replaceEdges: [...(change.replaceEdges ?? []), ...replaceEdges] };
}
