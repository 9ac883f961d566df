/**
 * A filter tree (../filter.ts) as a Cypher WHERE clause: property conditions on the node,
 * `CONTAINS` on its search text, and `EXISTS { }` subqueries for conditions reached through a
 * relationship, nested as deep as the filter is. Only model constants (labels, relationship
 * types, property names checked by `checkFilter`) and generated variable and parameter names
 * are written into the text; every value travels as a parameter. The same filter shape always
 * gives the same text, so Neo4j's query cache holds one plan per shape.
 */
import { DATE_PROPERTIES, LIST_PROPERTIES, RELATIONSHIPS, type Label } from '../../domain/model.js';
import { checkFilter, normaliseFilter, type Filter } from '../filter.js';

/** A WHERE clause made by `compileFilter` (and only there), with its parameters. */
export interface CompiledWhere {
  readonly text: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly [COMPILED]: true;
}
declare const COMPILED: unique symbol;

const isList = (property: string) => (LIST_PROPERTIES as readonly string[]).includes(property);
const isDate = (property: string) => (DATE_PROPERTIES as readonly string[]).includes(property);

/**
 * Compile a filter on the node bound to `variable` (of `label`). Parameter names start with
 * `prefix` so that several compiled clauses can share one statement.
 */
export function compileFilter(filter: Filter | undefined, variable: string, label: Label, prefix = 'f'): CompiledWhere {
  if (!filter) return { text: 'true', params: {} } as CompiledWhere;
  const normalised = normaliseFilter(filter);
  checkFilter(normalised);
  const params: Record<string, unknown> = {};
  let counter = 0;
  const param = (value: unknown) => {
    const name = `${prefix}${counter++}`;
    params[name] = value;
    return `$${name}`;
  };
  let vars = 0;
  const value = (property: string, v: unknown) => (isDate(property) ? `date(${param(v)})` : param(v));

  const onProps = (f: Filter, on: string, nodeLabel: Label | undefined): string => {
    switch (f.kind) {
      case 'and':
        return f.filters.length ? `(${f.filters.map((x) => onProps(x, on, nodeLabel)).join(' AND ')})` : 'true';
      case 'or':
        return f.filters.length ? `(${f.filters.map((x) => onProps(x, on, nodeLabel)).join(' OR ')})` : 'false';
      case 'not':
        return `NOT ${onProps(f.filter, on, nodeLabel)}`;
      case 'eq':
        return isList(f.property) ? `${param(f.value)} IN ${on}.${f.property}` : `${on}.${f.property} = ${value(f.property, f.value)}`;
      case 'range': {
        // Numbers compare as numbers, dates as dates, and anything else as text (a year given as "2021").
        const numeric = typeof f.from === 'number' || typeof f.to === 'number';
        const subject = numeric || isDate(f.property) ? `${on}.${f.property}` : `toString(${on}.${f.property})`;
        const parts = [`${on}.${f.property} IS NOT NULL`];
        if (f.from !== undefined) parts.push(`${subject} >= ${value(f.property, f.from)}`);
        if (f.to !== undefined) parts.push(`${subject} <= ${value(f.property, f.to)}`);
        return `(${parts.join(' AND ')})`;
      }
      case 'text':
        return `${on}.searchText CONTAINS ${param(f.text)}`;
      case 'keys':
        return `any(key IN ${on}.matchKeys WHERE key IN ${param([...f.keys])})`;
      case 'ids':
        return `${on}.id IN ${param([...f.ids])}`;
      case 'related': {
        const rule = RELATIONSHIPS[f.type];
        const ends = (f.direction === 'out' ? rule.to : rule.from) as readonly Label[];
        const otherLabel = f.label ?? (ends.length === 1 ? ends[0] : undefined);
        const m = `m${vars++}`;
        const r = `r${vars++}`;
        const pattern = f.direction === 'out' ? `(${on})-[${r}:${f.type}]->(${m}${otherLabel ? `:${otherLabel}` : ''})` : `(${on})<-[${r}:${f.type}]-(${m}${otherLabel ? `:${otherLabel}` : ''})`;
        const conditions = [f.edge ? onProps(f.edge, r, undefined) : undefined, f.node ? onProps(f.node, m, otherLabel) : undefined].filter((c): c is string => !!c);
        return `EXISTS { MATCH ${pattern}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} }`;
      }
    }
  };
  return { text: onProps(normalised, variable, label), params } as CompiledWhere;
}
