/** A GraphQL enum object (name -> name) from a closed list of values, for registerEnumType. */
export function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}
