/** Orderings both stores apply, so their answers are identical. */
import type { Neighbour } from './port.js';

/** Ids sort by UTF-16 code units, the order Neo4j's string comparison gives. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Outgoing neighbours: in the order of the source document (`position`), then by id. */
export function byPositionThenId(a: Neighbour, b: Neighbour): number {
  const pa = typeof a.edge.props.position === 'number' ? a.edge.props.position : Number.MAX_SAFE_INTEGER;
  const pb = typeof b.edge.props.position === 'number' ? b.edge.props.position : Number.MAX_SAFE_INTEGER;
  return pa - pb || compareIds(a.node.id, b.node.id);
}

/** Incoming neighbours: by id. */
export function byNeighbourId(a: Neighbour, b: Neighbour): number {
  return compareIds(a.node.id, b.node.id);
}

/** Stands for a missing sort value: after every real value. */
export const MISSING_SORT_VALUE = '\uffff';

/** The value a node sorts by for `orderBy`: its property as lower-case text (the same in Cypher). */
export function sortValue(value: unknown): string {
  return value === null || value === undefined ? MISSING_SORT_VALUE : String(value).toLowerCase();
}
