/**
 * `npm run cypher:lint`: enumerate every Cypher statement the Neo4j store can send (each
 * template of graph/queries.cypher expanded for every label, relationship type and walk bound
 * the model allows, plus graph/schema.cypher) and check each with Neo4j's parser and semantic
 * analysis.
 * Exits non-zero on any problem. An optional argument names another folder holding a
 * queries.cypher and schema.cypher (the tests use it to feed the lint broken statements).
 */
import { Catalogue } from '../store/neo4j/catalogue.js';
import { lintStatement, type LintInput } from '../store/neo4j/lint.js';

const catalogue = process.argv[2] ? Catalogue.load(process.argv[2]) : Catalogue.load();
const statements: LintInput[] = [
  ...catalogue.enumerate().map((s) => ({ name: s.name, text: s.text, params: s.exampleParams })),
  ...catalogue.schema.map((text, i) => ({ name: `schema[${i}]`, text })),
];
const started = Date.now();
const problems = statements.flatMap(lintStatement);
for (const p of problems) console.error(`${p.statement}:${p.line}:${p.column}: ${p.severity}: ${p.message}`);
console.log(
  `cypher:lint checked ${statements.length} statements (${catalogue.templates.size} templates expanded over the model, ${catalogue.schema.length} schema statements) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${problems.length ? `${problems.length} problem(s)` : 'no problems'}`,
);
if (problems.length) process.exit(1);
