import { isLabel, isRelType, labelOfId, RELATIONSHIPS, type GraphEdge, type GraphNode, type Label, type RelationshipRule } from '../domain/model.js';
import { StoreError, type GraphChange } from './port.js';

/**
 * Check a change against the model before any of it is applied: known labels and types,
 * endpoints that exist (in the store or in the change itself) and carry labels the
 * relationship type allows, ids whose prefix names their label, no relabelling of a stored
 * node. `storedLabels` answers the labels of the given ids that are stored.
 */
export async function checkChange(
  change: GraphChange,
  storedLabels: (ids: readonly string[]) => Promise<Map<string, Label>>,
): Promise<void> {
  const lookup = idsToLook(change);
  reportProblems(problemsOf(change, lookup.length ? await storedLabels(lookup) : new Map()));
}

/** The same check with the stored labels read synchronously (inside an embedded transaction). */
export function checkChangeSync(change: GraphChange, storedLabels: (ids: readonly string[]) => Map<string, Label>): void {
  const lookup = idsToLook(change);
  reportProblems(problemsOf(change, lookup.length ? storedLabels(lookup) : new Map()));
}

/** The ids whose stored labels the check needs: the change's nodes and its relationships' ends. */
function idsToLook(change: GraphChange): string[] {
  const inChange = new Set(change.nodes.map((n) => n.id));
  const endpoints = change.edges.flatMap((e) => [e.from, e.to]).filter((id) => !inChange.has(id));
  return [...new Set([...inChange, ...endpoints])];
}

function reportProblems(problems: readonly string[]): void {
  if (problems.length) {
    throw new StoreError(`change rejected, nothing was written:\n${problems.slice(0, 20).map((p) => `  - ${p}`).join('\n')}${problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ''}`);
  }
}

/** What is wrong with a change, given the labels of the stored nodes it names. */
function problemsOf(change: GraphChange, storedLabels: ReadonlyMap<string, Label>): string[] {
  const problems: string[] = [];
  const inChange = new Map<string, Label>();
  for (const node of change.nodes) {
    if (!isLabel(node.label)) problems.push(`node ${node.id}: unknown label "${String(node.label)}"`);
    else if (labelOfId(node.id) !== node.label) problems.push(`node ${node.id}: the id's prefix names ${labelOfId(node.id) ?? 'no label'}, so it cannot be a ${node.label}`);
    const seen = inChange.get(node.id);
    if (seen && seen !== node.label) problems.push(`node ${node.id}: given twice with labels ${seen} and ${node.label}`);
    inChange.set(node.id, node.label);
  }
  const stored = new Map(storedLabels);
  for (const id of change.deleteNodes ?? []) stored.delete(id); // deleted before the upserts
  for (const e of change.deleteEdges ?? []) if (!isRelType(e.type)) problems.push(`deleteEdges (${e.from})-[:${e.type}]->(${e.to}): unknown relationship type`);
  const labelOf = (id: string) => inChange.get(id) ?? stored.get(id);
  for (const edge of change.edges) {
    const where = `relationship (${edge.from})-[:${edge.type}]->(${edge.to})`;
    if (!isRelType(edge.type)) {
      problems.push(`${where}: unknown relationship type`);
      continue;
    }
    const rule: RelationshipRule = RELATIONSHIPS[edge.type];
    if (rule.derived) {
      problems.push(`${where}: ${edge.type} is derived by the store, not stated by a change`);
      continue;
    }
    const from = labelOf(edge.from);
    const to = labelOf(edge.to);
    if (!from) problems.push(`${where}: start node does not exist`);
    else if (!(rule.from as readonly Label[]).includes(from)) problems.push(`${where}: cannot start at a ${from}`);
    if (!to) problems.push(`${where}: end node does not exist`);
    else if (!(rule.to as readonly Label[]).includes(to)) problems.push(`${where}: cannot end at a ${to}`);
  }
  // Node labels already stored must not change.
  for (const node of change.nodes) if (stored.has(node.id) && stored.get(node.id) !== node.label) problems.push(`node ${node.id}: stored as ${stored.get(node.id)}, cannot become ${node.label}`);
  return problems;
}

export function edgeKey(edge: { from: string; type: string; to: string }): string {
  return `${edge.from}|${edge.type}|${edge.to}`;
}

/**
 * Fold repeated nodes and relationships of a change into one each (properties merged in
 * order, later values winning), so that both stores count and apply a change the same way.
 */
export function normaliseChange(change: GraphChange): GraphChange {
  const nodes = new Map<string, GraphNode>();
  for (const node of change.nodes) {
    const seen = nodes.get(node.id);
    nodes.set(node.id, seen && seen.label === node.label ? { ...node, props: { ...seen.props, ...node.props } } : seen ? seen : node);
    if (seen && seen.label !== node.label) nodes.set(`${node.id}\u0000${node.label}`, node); // kept apart so checkChange reports it
  }
  const edges = new Map<string, GraphEdge>();
  for (const edge of change.edges) {
    const key = edgeKey(edge);
    const seen = edges.get(key);
    edges.set(key, seen ? { ...edge, props: { ...seen.props, ...edge.props } } : edge);
  }
  return { ...change, nodes: [...nodes.values()], edges: [...edges.values()], deleteNodes: [...new Set(change.deleteNodes ?? [])] };
}
