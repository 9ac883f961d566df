/**
 * Conversions at the Neo4j boundary: ISO date strings of the model's date properties become
 * Neo4j DATE values (so Cypher can compare them), and come back as `YYYY-MM-DD`; whole numbers
 * are stored as INTEGERs and come back as JavaScript numbers (the driver runs with
 * disableLosslessIntegers).
 */
import neo4j from 'neo4j-driver';
import { DATE_PROPERTIES, type Props, type PropValue } from '../../domain/model.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toNeo4jProps(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    const match = typeof value === 'string' && (DATE_PROPERTIES as readonly string[]).includes(key) ? value.match(ISO_DATE) : null;
    out[key] = match ? new neo4j.types.Date(Number(match[1]), Number(match[2]), Number(match[3])) : Array.isArray(value) ? [...value] : toNeo4jNumber(value);
  }
  return out;
}

/**
 * Whole numbers become Neo4j INTEGERs: the driver sends every JavaScript number as a FLOAT,
 * which Cypher's toString() writes as "2021.0", so text ranges and orderings over a year would
 * disagree with the embedded store (and with the cursors it hands out).
 */
function toNeo4jNumber(value: unknown): unknown {
  return typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
}

export function fromNeo4jProps(value: unknown): Props {
  const out: Record<string, PropValue> = {};
  for (const [key, v] of Object.entries((value ?? {}) as Record<string, unknown>)) out[key] = fromNeo4jValue(v);
  return out;
}

/**
 * A node's properties as the model has them: Neo4j also stores the node's id as its `id`
 * property (the key MERGE and the uniqueness constraints use), which is not one of its props.
 */
export function fromNeo4jNodeProps(value: unknown): Props {
  const { id: _id, ...props } = fromNeo4jProps(value) as Record<string, PropValue>;
  // Neo4j stores no null: a null is a property a statement left out (`n {.*, searchText: null}`).
  for (const key of Object.keys(props)) if (props[key] === null) delete props[key];
  return props;
}

function fromNeo4jValue(value: unknown): PropValue {
  if (neo4j.isDate(value as object)) return (value as { toString(): string }).toString();
  if (neo4j.isInt(value as object)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map((v) => String(v));
  return value as PropValue;
}
