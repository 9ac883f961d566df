/**
 * Executing a query never holds the event loop for long. graphql-js completes a response
 * without yielding while values are at hand, so a large result (several networks of hundreds
 * of nodes) could keep every other request, `/healthz` included, waiting. Every list field is
 * therefore paced: the items of a long list come in slices of LIST_SLICE, each slice as soon
 * as the process's paced work may go on (store/pace.ts: after a turn of the event loop once
 * the current one has run its time), and graphql-js completes each slice as it settles.
 */
import { defaultFieldResolver, getNullableType, isListType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { pace } from '../../store/pace.js';

/** Items of a list completed together. */
export const LIST_SLICE = 50;

/** The first slice as it is, each further one as a promise settled after `pace()`, in order. */
function sliced<T>(items: readonly T[]): (T | Promise<T>)[] {
  const out: (T | Promise<T>)[] = items.slice(0, LIST_SLICE);
  let previous: Promise<void> = Promise.resolve();
  for (let start = LIST_SLICE; start < items.length; start += LIST_SLICE) {
    const turn: Promise<void> = previous.then(() => pace());
    previous = turn;
    for (const item of items.slice(start, start + LIST_SLICE)) out.push(turn.then(() => item));
  }
  return out;
}

/** A list longer than a slice, sliced; anything else as it is. */
const sliceLong = (value: unknown) => (Array.isArray(value) && value.length > LIST_SLICE ? sliced(value) : value);

function paced<S, C>(resolve: GraphQLFieldResolver<S, C>): GraphQLFieldResolver<S, C> {
  return (source, args, context, info) => {
    const value = resolve(source, args, context, info);
    return value instanceof Promise ? value.then(sliceLong) : sliceLong(value);
  };
}

/** Pace the list fields of the schema's object types (once per schema). */
export function paceExecution(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isListType(getNullableType(field.type))) field.resolve = paced(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}
