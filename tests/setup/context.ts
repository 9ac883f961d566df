/** Values the test projects hand to the tests (`inject(...)`), declared for TypeScript. */
export type TestStoreKind = 'memory' | 'neo4j';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The store of the test project (unset: memory). */
    graphStore: TestStoreKind;
    /** The run's live Neo4j, bolt://127.0.0.1:PORT with auth disabled (neo4j project only). */
    neo4jUri: string;
  }
}
