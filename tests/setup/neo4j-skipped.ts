/**
 * Global setup of the "memory" project when tests/vitest.config.ts left the neo4j project out
 * (no Java or Maven): repeats, after the run, the line saying the Neo4j half was skipped and why.
 */
export default function setup(): () => void {
  return () => {
    if (process.env.NEO4J_TESTS_SKIPPED) console.log(`\n${process.env.NEO4J_TESTS_SKIPPED}`);
  };
}
