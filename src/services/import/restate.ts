/**
 * Restating a source, and deleting what only it held.
 *
 * Each relationship a record states is tagged with who stated it (`statedBy`: the kind of
 * source and the evaluation, e.g. `document@evaluation:bo10p0001-ce-0350:ex-post:2021`). Importing
 * a record again restates exactly what that source says now: the `restated` outgoing
 * relationships of the nodes it states that carry its tag and that it no longer states lose
 * the tag, and a relationship nobody states any more is deleted. A catalogue row therefore
 * never removes what a brief of the same evaluation said, nor the other way round.
 *
 * Deleting relationships can leave nodes that only lived through them (model.ts, `owns`): a
 * finding no record states, a project no evaluation evaluates, a person no evaluation names,
 * a recommendation's follow-up when the recommendation goes. They are deleted with it, level
 * by level, in a number of store calls bounded by the depth of ownership.
 */
import { RELATIONSHIPS, REL_TYPES, type GraphEdge, type GraphNode, type Label, type RelType } from '../../domain/model.js';
import type { GraphChange } from '../../store/port.js';
import type { GraphReader } from './resolve.js';

export type EdgeRef = Pick<GraphEdge, 'from' | 'type' | 'to'>;
const keyOf = (e: EdgeRef) => `${e.from}|${e.type}|${e.to}`;

/** The tag a source puts on what it states. */
export const statedTag = (kind: string, evaluationId: string) => `${kind}@${evaluationId}`;

/** Who states a stored relationship; relationships written before tags existed count as stated by any document. */
function taggedBy(edge: GraphEdge): readonly string[] {
  const by = edge.props.statedBy;
  return Array.isArray(by) ? (by as readonly string[]) : ['document@*'];
}

const matches = (tag: string, restating: ReadonlySet<string>) => restating.has(tag) || (tag === 'document@*' && [...restating].some((t) => t.startsWith('document@')));

/** Restated relationship types that can start at each label. */
function restatedFrom(label: Label): RelType[] {
  return REL_TYPES.filter((t) => (RELATIONSHIPS[t] as { restated?: true }).restated && (RELATIONSHIPS[t].from as readonly Label[]).includes(label));
}

/**
 * Turn the upsert of records into an exact restatement of what their sources say. `tags` are
 * the tags of the sources being restated (one per record).
 */
export async function restate(change: GraphChange, reader: GraphReader, tags: ReadonlySet<string>): Promise<GraphChange> {
  const stated = new Map(change.edges.map((e) => [keyOf(e), e]));
  const byLabel = new Map<Label, string[]>();
  for (const n of change.nodes) byLabel.set(n.label, [...(byLabel.get(n.label) ?? []), n.id]);
  const deleteEdges: EdgeRef[] = [];
  const updates = new Map<string, GraphEdge>();
  /** Sort each stored relationship a source may restate: kept with this source's tag, left to others, untagged or deleted. */
  const consider = (lists: readonly (readonly { edge: GraphEdge }[])[]) => {
    for (const { edge } of lists.flat()) {
      const by = taggedBy(edge);
      const mine = stated.get(keyOf(edge));
      if (mine) {
        // Restated: keep the other sources' tags beside this one's.
        updates.set(keyOf(edge), { ...mine, props: { ...mine.props, statedBy: [...new Set([...by.filter((t) => !matches(t, tags)), ...((mine.props.statedBy as readonly string[]) ?? [])])] } });
        continue;
      }
      if (!by.some((t) => matches(t, tags))) continue; // stated by someone else only
      const rest = by.filter((t) => !matches(t, tags));
      if (rest.length) updates.set(keyOf(edge), { ...edge, props: { ...edge.props, statedBy: rest } });
      else deleteEdges.push({ from: edge.from, type: edge.type, to: edge.to });
    }
  };
  // Stored relationships of the stated nodes, per restated type (one batched read per type),
  // provenance aside.
  const reads: Promise<void>[] = [];
  for (const [label, ids] of byLabel) {
    for (const type of restatedFrom(label)) if (type !== 'SOURCED_FROM') reads.push(reader.neighbours(ids, type, 'out').then(consider));
  }
  // Provenance is read from the documents' side: the documents the change states and those its
  // evaluations were sourced from, each with every node it sources. (From the nodes' side a
  // shared institution would bring every document that ever named it.)
  const evaluations = byLabel.get('Evaluation') ?? [];
  const storedDocuments = (await reader.neighbours(evaluations, 'SOURCED_FROM', 'out')).flat().map((n) => n.node.id);
  const documents = [...new Set([...(byLabel.get('SourceDocument') ?? []), ...storedDocuments])];
  reads.push(reader.neighbours(documents, 'SOURCED_FROM', 'in').then(consider));
  await Promise.all(reads);
  const edges = [...change.edges.map((e) => updates.get(keyOf(e)) ?? e), ...[...updates.values()].filter((e) => !stated.has(keyOf(e)))];
  const withDeletes: GraphChange = { ...change, edges, deleteEdges: [...(change.deleteEdges ?? []), ...deleteEdges] };
  return { ...withDeletes, deleteNodes: [...(change.deleteNodes ?? []), ...(await orphans(reader, withDeletes))] };
}

/** The change that deletes nodes (an evaluation) and everything that lived only through them. */
export async function deletion(reader: GraphReader, ids: readonly string[]): Promise<GraphChange> {
  const change: GraphChange = { nodes: [], edges: [], deleteNodes: [...ids] };
  return { ...change, deleteNodes: [...ids, ...(await orphans(reader, change))] };
}

/** Owning relationship types that can end at each label. */
function owningInto(label: Label): RelType[] {
  return REL_TYPES.filter((t) => ((RELATIONSHIPS[t] as { owns?: readonly Label[] }).owns ?? []).includes(label));
}
function owningFrom(label: Label): RelType[] {
  return REL_TYPES.filter((t) => (RELATIONSHIPS[t] as { owns?: readonly Label[] }).owns && (RELATIONSHIPS[t].from as readonly Label[]).includes(label));
}

/**
 * Nodes the change leaves without any owning relationship: candidates are the ends of deleted
 * owning relationships and what deleted nodes owned; one level of ownership per round.
 */
async function orphans(reader: GraphReader, change: GraphChange): Promise<string[]> {
  const deletedEdges = new Set((change.deleteEdges ?? []).map(keyOf));
  const deletedNodes = new Set(change.deleteNodes ?? []);
  const kept = new Set(change.nodes.map((n) => n.id));
  const incomingStated = new Set(change.edges.map((e) => e.to));
  const found: string[] = [];
  let candidates: GraphNode[] = [];
  // Ends of deleted owning relationships.
  const endIds = [...new Set((change.deleteEdges ?? []).filter((e) => (RELATIONSHIPS[e.type] as { owns?: readonly Label[] }).owns).map((e) => e.to))];
  candidates.push(...(await reader.getNodes(endIds)).filter((n): n is GraphNode => n !== null));
  let frontier = [...deletedNodes];
  for (let round = 0; (frontier.length || candidates.length) && round < 10; round++) {
    // What the newly deleted nodes owned.
    const frontierNodes = (await reader.getNodes(frontier)).filter((n): n is GraphNode => n !== null);
    const byLabel = groupByLabel(frontierNodes);
    for (const [label, ids] of byLabel) {
      for (const type of owningFrom(label)) {
        const owned = (RELATIONSHIPS[type] as { owns?: readonly Label[] }).owns!;
        for (const { node } of (await reader.neighbours(ids, type, 'out')).flat()) if (owned.includes(node.label)) candidates.push(node);
      }
    }
    const next: string[] = [];
    const unique = [...new Map(candidates.filter((c) => !deletedNodes.has(c.id) && !kept.has(c.id) && !incomingStated.has(c.id)).map((c) => [c.id, c])).values()];
    for (const [label, ids] of groupByLabel(unique)) {
      const alive = new Set<string>();
      for (const type of owningInto(label)) {
        const lists = await reader.neighbours(ids, type, 'in');
        ids.forEach((id, i) => {
          if ((lists[i] ?? []).some((n) => !deletedNodes.has(n.node.id) && !deletedEdges.has(keyOf(n.edge)))) alive.add(id);
        });
      }
      for (const id of ids) if (!alive.has(id)) next.push(id);
    }
    next.forEach((id) => deletedNodes.add(id));
    found.push(...next);
    frontier = next;
    candidates = [];
  }
  return found;
}

function groupByLabel(nodes: readonly GraphNode[]): Map<Label, string[]> {
  const out = new Map<Label, string[]>();
  for (const n of nodes) out.set(n.label, [...(out.get(n.label) ?? []), n.id]);
  return out;
}
