/**
 * Check Cypher statements with Neo4j's own parser and semantic analysis
 * (@neo4j-cypher/language-support), given the model's labels, relationship types and
 * property keys and each statement's parameters. Warnings (an unknown label or property,
 * for instance) count as failures: in this codebase they are always typos.
 */
import { createRequire } from 'node:module';
import { INTERNAL_LABELS, LABELS, PROPERTY_KEYS, REL_TYPES } from '../../domain/model.js';

export interface LintInput {
  readonly name: string;
  readonly text: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface LintProblem {
  readonly statement: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
}

interface Diagnostic {
  severity?: number;
  message: string;
  range: { start: { line: number; character: number } };
}

interface SymbolTableEntry {
  variable: string;
  types: string[];
}

type LintFn = (query: string, schema: Record<string, unknown>) => { diagnostics: Diagnostic[]; symbolTables?: SymbolTableEntry[][] };

let lintCypherQuery: LintFn | undefined;

function linter(): LintFn {
  // The package's ESM build is broken in 2.0.0-next.26; its CommonJS build works.
  lintCypherQuery ??= (createRequire(import.meta.url)('@neo4j-cypher/language-support') as { lintCypherQuery: LintFn }).lintCypherQuery;
  return lintCypherQuery;
}

export function lintStatement(input: LintInput): LintProblem[] {
  const schema = {
    labels: [...LABELS, ...INTERNAL_LABELS],
    relationshipTypes: [...REL_TYPES],
    propertyKeys: [...PROPERTY_KEYS],
    parameters: input.params ?? {},
  };
  const { diagnostics, symbolTables = [] } = linter()(input.text, schema);
  return [
    ...diagnostics.map((d) => ({
      statement: input.name,
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: d.severity === 1 ? ('error' as const) : ('warning' as const),
    })),
    ...unknownPropertyKeys(input, symbolTables.flat()),
  ];
}

/**
 * The language-support linter does not check property keys, so check them here: every
 * `variable.key` (and `variable[...]` is left alone) on a variable the analysis typed as a node or
 * relationship must use a key of the model.
 */
function unknownPropertyKeys(input: LintInput, symbols: readonly SymbolTableEntry[]): LintProblem[] {
  const graphVariables = new Set(symbols.filter((s) => s.types.some((t) => t === 'Node' || t === 'Relationship')).map((s) => s.variable));
  const known = new Set<string>(PROPERTY_KEYS);
  const problems: LintProblem[] = [];
  const lines = input.text.replace(/'(?:[^'\\]|\\.)*'/g, (m) => ' '.repeat(m.length)).split('\n');
  lines.forEach((line, index) => {
    for (const match of line.matchAll(/\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b/g)) {
      const [, variable, key] = match;
      if (graphVariables.has(variable!) && !known.has(key!)) {
        problems.push({ statement: input.name, message: `Property key ${key} is not a property of the model (src/domain/model.ts PROPERTY_KEYS)`, line: index + 1, column: match.index! + 1, severity: 'error' });
      }
    }
  });
  return problems;
}
