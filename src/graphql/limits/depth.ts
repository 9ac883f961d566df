/**
 * Query depth: how many fields deep the selected operation nests, following fragment spreads
 * and inline fragments (which add no depth of their own). `{ a }` has depth 1, `{ a { b } }`
 * depth 2.
 *
 * Introspection (`__schema`, `__type`) does not count: the standard introspection query
 * nests 15 deep through `ofType`, while data queries need far less. Introspection is not
 * free of limits for that: the cost estimate counts it like any other selection.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The operation a request runs: the named one, or the only one. */
export function selectedOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** Root fields that introspect the schema; their selections are left out of the depth. */
export const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type']);

export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const operation = selectedOperation(document, operationName);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  // Each fragment's depth is computed once, so nested spreads cost linear time. `visiting`
  // guards against fragment cycles (validation rejects them; this must terminate regardless).
  const fragmentDepth = new Map<string, number>();
  const depthOf = (set: SelectionSetNode, visiting: ReadonlySet<string>): number => {
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_FIELDS.has(selection.name.value)) continue;
        deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, visiting) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        if (!fragmentDepth.has(name)) fragmentDepth.set(name, depthOf(fragment.selectionSet, new Set([...visiting, name])));
        deepest = Math.max(deepest, fragmentDepth.get(name)!);
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}
