/**
 * Walking the graph a level at a time: every step follows one or more relationship types in one
 * direction for a whole frontier of nodes with one batched neighbours call per type, so a walk
 * costs a store call per step, however many nodes it starts from.
 */
import type { Direction, GraphEdge, GraphNode, RelType } from '../domain/model.js';
import type { Step } from '../domain/roles.js';
import type { GraphStore, Neighbour } from '../store/port.js';

/** Batched neighbours: the store's, or a request's DataLoader-backed one. */
export type NeighboursFn = (ids: readonly string[], type: RelType, direction: Direction) => Promise<Neighbour[][]>;

export const storeNeighbours = (store: GraphStore): NeighboursFn => (ids, type, direction) => store.neighbours(ids, type, direction);


/** Where a walk arrived, and how. */
export interface Arrival {
  readonly node: GraphNode;
  /** The nodes passed through, in order (not including start and end). */
  readonly via: readonly GraphNode[];
  /** The relationship of the last step. */
  readonly edge: GraphEdge;
}

export async function walk(neighbours: NeighboursFn, startIds: readonly string[], steps: readonly Step[]): Promise<Map<string, Arrival[]>> {
  // Each trail: the start id, the nodes passed, and the current node.
  let trails: { start: string; via: GraphNode[]; at: string; edge?: GraphEdge; node?: GraphNode }[] = [...new Set(startIds)].map((id) => ({ start: id, via: [], at: id }));
  for (const [index, step] of steps.entries()) {
    const frontier = [...new Set(trails.map((t) => t.at))];
    const reached = new Map<string, Neighbour[]>();
    for (const type of step.types) {
      const lists = frontier.length ? await neighbours(frontier, type, step.direction) : [];
      frontier.forEach((id, i) => reached.set(id, [...(reached.get(id) ?? []), ...(lists[i] ?? []).filter((n) => !step.label || n.node.label === step.label)]));
    }
    trails = trails.flatMap((t) =>
      (reached.get(t.at) ?? []).map((n) => ({ start: t.start, via: index === 0 ? [] : [...t.via, t.node!], at: n.node.id, edge: n.edge, node: n.node })),
    );
  }
  const out = new Map<string, Arrival[]>();
  for (const t of trails) {
    if (!t.node || !t.edge) continue;
    const list = out.get(t.start) ?? [];
    list.push({ node: t.node, via: t.via, edge: t.edge });
    out.set(t.start, list);
  }
  return out;
}
