/**
 * Filters as data: a small tree the services build and each store answers natively (the
 * memory store by walking its graph, Neo4j as a WHERE clause with EXISTS subqueries), in the
 * spirit of neo4j/graphql's query AST. Labels, relationship types and property names come from
 * the model; values are data.
 */
import { isRelType, PROPERTY_KEYS, type Direction, type Label, type RelType } from '../domain/model.js';
import { normaliseKey, normaliseText } from '../domain/text.js';
import { StoreError } from './errors.js';

export type Scalar = string | number | boolean;

export type Filter =
  /** Every filter holds. */
  | { readonly kind: 'and'; readonly filters: readonly Filter[] }
  /** At least one holds. */
  | { readonly kind: 'or'; readonly filters: readonly Filter[] }
  | { readonly kind: 'not'; readonly filter: Filter }
  /** The property equals the value (a list property: contains it). */
  | { readonly kind: 'eq'; readonly property: string; readonly value: Scalar }
  /** The property lies within [from, to]: numbers as numbers, anything else as text (dates as YYYY-MM-DD). */
  | { readonly kind: 'range'; readonly property: string; readonly from?: Scalar; readonly to?: Scalar }
  /** Case- and accent-insensitive substring of the node's `searchText`. */
  | { readonly kind: 'text'; readonly text: string }
  /** The node answers to one of these names (its `matchKeys`; keys are normalised by the store). */
  | { readonly kind: 'keys'; readonly keys: readonly string[] }
  | { readonly kind: 'ids'; readonly ids: readonly string[] }
  /**
   * Some relationship of this type, followed in this direction, reaches a node (of `label`,
   * when given) matching `node`, over a relationship whose properties match `edge`.
   */
  | { readonly kind: 'related'; readonly type: RelType; readonly direction: Direction; readonly label?: Label; readonly node?: Filter; readonly edge?: Filter };

export const and = (...filters: (Filter | undefined)[]): Filter | undefined => {
  const present = filters.filter((f): f is Filter => f !== undefined);
  return present.length === 0 ? undefined : present.length === 1 ? present[0] : { kind: 'and', filters: present };
};
export const or = (...filters: Filter[]): Filter => (filters.length === 1 ? filters[0]! : { kind: 'or', filters });
export const eq = (property: string, value: Scalar): Filter => ({ kind: 'eq', property, value });
export const keys = (...names: string[]): Filter => ({ kind: 'keys', keys: names });
export const related = (type: RelType, direction: Direction, node?: Filter, options: { label?: Label; edge?: Filter } = {}): Filter => ({ kind: 'related', type, direction, node, ...options });

/** A filter with its texts and keys normalised the way stored `searchText` and `matchKeys` are. */
export function normaliseFilter(filter: Filter): Filter {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return { ...filter, filters: filter.filters.map(normaliseFilter) };
    case 'not':
      return { ...filter, filter: normaliseFilter(filter.filter) };
    case 'text':
      return { ...filter, text: normaliseText(filter.text) };
    case 'keys':
      return { ...filter, keys: [...new Set(filter.keys.map(normaliseKey))] };
    case 'related':
      return { ...filter, node: filter.node && normaliseFilter(filter.node), edge: filter.edge && normaliseFilter(filter.edge) };
    default:
      return filter;
  }
}

/** Refuse a filter that names what the model does not have (a property, a relationship type). */
export function checkFilter(filter: Filter, depth = 0): void {
  if (depth > 8) throw new StoreError('filter nested more than 8 levels deep');
  switch (filter.kind) {
    case 'and':
    case 'or':
      filter.filters.forEach((f) => checkFilter(f, depth + 1));
      return;
    case 'not':
      return checkFilter(filter.filter, depth + 1);
    case 'eq':
    case 'range':
      if (!(PROPERTY_KEYS as readonly string[]).includes(filter.property)) throw new StoreError(`filter on unknown property "${filter.property}"`);
      return;
    case 'related':
      if (!isRelType(filter.type)) throw new StoreError(`filter over unknown relationship type "${String(filter.type)}"`);
      if (filter.node) checkFilter(filter.node, depth + 1);
      if (filter.edge) checkFilter(filter.edge, depth + 1);
      return;
    default:
      return;
  }
}

/** Whether a value lies in a range filter's bounds (numbers compared as numbers, the rest as text). */
export function inRange(value: unknown, from: Scalar | undefined, to: Scalar | undefined): boolean {
  if (value === null || value === undefined) return false;
  const numeric = typeof from === 'number' || typeof to === 'number';
  if (numeric) {
    if (typeof value !== 'number') return false;
    return (from === undefined || value >= Number(from)) && (to === undefined || value <= Number(to));
  }
  const text = String(value);
  return (from === undefined || text >= String(from)) && (to === undefined || text <= String(to));
}
