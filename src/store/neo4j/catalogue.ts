/**
 * The catalogue of Cypher statements the Neo4j store may send, read from `graph/queries.cypher`
 * and `graph/schema.cypher`. A statement's text is fixed except for its tokens: {{LABEL}},
 * {{START}}, {{END}} and {{TYPE}}, replaced only by constants of the model; {{HOPS}}, replaced
 * only by a whole number from 1 to MAX_HOPS (the bound of a walk, which Cypher takes only as a
 * literal in a quantifier); and {{WHERE}}, replaced only by a clause `compileFilter` made from a
 * filter tree (model constants and parameter names only). Values always travel as parameters.
 * `enumerate()` lists every expansion the model allows (with an empty filter), which is what
 * `npm run cypher:lint` checks (compiled filters are linted by their own test), and the store
 * sends nothing but statements this catalogue issued.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GRAPH_DIR } from '../../config.js';
import { LABELS, RELATIONSHIPS, REL_TYPES, isLabel, isRelType, type Label, type RelType } from '../../domain/model.js';
import { compileFilter, type CompiledWhere } from './filterCypher.js';


const TOKENS = ['LABEL', 'START', 'END', 'TYPE', 'HOPS', 'WHERE'] as const;
const MODEL_TOKENS = ['LABEL', 'START', 'END', 'TYPE'] as const;
type Token = (typeof TOKENS)[number];
export type Tokens = Partial<Record<(typeof MODEL_TOKENS)[number], string>> & { readonly HOPS?: number };

/**
 * The longest walk a statement can be expanded for ({{HOPS}}): the bound of the quantified path
 * patterns of the stakeholder questions (the API asks at most 4 links of a network, 6 of a path).
 */
export const MAX_HOPS = 8;

export interface StatementTemplate {
  readonly name: string;
  readonly template: string;
  readonly tokens: readonly Token[];
  /** Example parameters, as declared in the file; used by the linter. */
  readonly exampleParams: Readonly<Record<string, unknown>>;
}

/** A statement ready to send: its text comes from the catalogue. */
export interface Statement {
  readonly name: string;
  readonly text: string;
  /** Parameters of the compiled filter in its {{WHERE}}, if any. */
  readonly params?: Readonly<Record<string, unknown>>;
}

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

/** Parse a `.cypher` file of named statements (see the header of graph/queries.cypher). */
export function parseQueryFile(source: string, file = 'queries.cypher'): Map<string, StatementTemplate> {
  const templates = new Map<string, StatementTemplate>();
  for (const block of source.split(/\n\s*\n/)) {
    const lines = block.split('\n');
    const name = lines.map((l) => l.match(/^\/\/ name: (\S+)$/)?.[1]).find(Boolean);
    if (!name) continue;
    const paramsLine = lines.map((l) => l.match(/^\/\/ params: (.*)$/)?.[1]).find(Boolean);
    if (paramsLine === undefined) throw new CatalogueError(`${file}: statement ${name} has no "// params:" line`);
    let exampleParams: Record<string, unknown>;
    try {
      exampleParams = JSON.parse(paramsLine);
    } catch {
      throw new CatalogueError(`${file}: statement ${name} has params that are not JSON`);
    }
    const template = lines.filter((l) => !l.startsWith('//')).join('\n').trim().replace(/;$/, '');
    const tokens = TOKENS.filter((t) => template.includes(`{{${t}}}`));
    const unknown = template.match(/\{\{(?!LABEL\}\}|START\}\}|END\}\}|TYPE\}\}|HOPS\}\}|WHERE\}\})[^}]*\}\}/);
    if (unknown) throw new CatalogueError(`${file}: statement ${name} uses unknown token ${unknown[0]}`);
    if (templates.has(name)) throw new CatalogueError(`${file}: statement ${name} is defined twice`);
    templates.set(name, { name, template, tokens, exampleParams });
  }
  return templates;
}

/** Schema statements (constraints and indexes), in order. */
export function parseSchemaFile(source: string): string[] {
  return source
    .split(/;\s*\n/)
    .map((block) => block.split('\n').filter((l) => !l.trim().startsWith('//')).join('\n').trim().replace(/;$/, ''))
    .filter(Boolean);
}

function checkToken(token: (typeof MODEL_TOKENS)[number], value: string | undefined): string {
  const ok = token === 'TYPE' ? value !== undefined && isRelType(value) : value !== undefined && isLabel(value);
  if (!ok) throw new CatalogueError(`token {{${token}}} must be a model ${token === 'TYPE' ? 'relationship type' : 'label'}, got ${JSON.stringify(value)}`);
  return value!;
}

function checkHops(value: unknown): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > MAX_HOPS) {
    throw new CatalogueError(`token {{HOPS}} must be a whole number from 1 to ${MAX_HOPS}, got ${JSON.stringify(value)}`);
  }
  return String(value);
}

/** Replace a template's tokens with model constants and its {{WHERE}} with a compiled filter (anything else is refused). */
export function expand(template: StatementTemplate, tokens: Tokens, where?: CompiledWhere): Statement {
  let text = template.template;
  for (const token of template.tokens) {
    if (token === 'WHERE') continue;
    text = text.split(`{{${token}}}`).join(token === 'HOPS' ? checkHops(tokens.HOPS) : checkToken(token, tokens[token]));
  }
  if (template.tokens.includes('WHERE')) {
    const clause = where ?? compileFilter(undefined, 'n', 'Evaluation');
    return { name: template.name, text: text.split('{{WHERE}}').join(clause.text), params: clause.params };
  }
  return { name: template.name, text };
}

/** Every token combination the model allows for a template (every walk length for {{HOPS}}). */
export function tokenCombinations(template: StatementTemplate): Tokens[] {
  const combos = modelTokenCombinations(template);
  if (!template.tokens.includes('HOPS')) return combos;
  return combos.flatMap((combo) => Array.from({ length: MAX_HOPS }, (_, i) => ({ ...combo, HOPS: i + 1 })));
}

function modelTokenCombinations(template: StatementTemplate): Tokens[] {
  const uses = (t: Token) => template.tokens.includes(t);
  if (!uses('TYPE')) return uses('LABEL') ? LABELS.map((LABEL) => ({ LABEL })) : [{}];
  const combos = new Map<string, Tokens>();
  for (const TYPE of REL_TYPES) {
    const rule = RELATIONSHIPS[TYPE];
    const starts: readonly (Label | undefined)[] = uses('START') ? rule.from : [undefined];
    const ends: readonly (Label | undefined)[] = uses('END') ? rule.to : [undefined];
    for (const START of starts) for (const END of ends) {
      const combo: Tokens = { TYPE, ...(START ? { START } : {}), ...(END ? { END } : {}) };
      combos.set(JSON.stringify(combo), combo);
    }
  }
  return [...combos.values()];
}

export class Catalogue {
  readonly templates: Map<string, StatementTemplate>;
  readonly schema: readonly string[];
  private readonly known: Set<string>;
  /** Statements with a compiled filter that this catalogue issued (their texts vary with the filter's shape). */
  private readonly issued = new WeakSet<Statement>();

  constructor(queriesSource: string, schemaSource: string) {
    this.templates = parseQueryFile(queriesSource);
    this.schema = parseSchemaFile(schemaSource);
    this.known = new Set([...this.enumerate().map((s) => s.text), ...this.schema]);
  }

  static load(dir = GRAPH_DIR): Catalogue {
    return new Catalogue(readFileSync(path.join(dir, 'queries.cypher'), 'utf8'), readFileSync(path.join(dir, 'schema.cypher'), 'utf8'));
  }

  /** The statement `name` with its tokens replaced. */
  statement(name: string, tokens: { LABEL?: Label; START?: Label; END?: Label; TYPE?: RelType; HOPS?: number } = {}, where?: CompiledWhere): Statement {
    const template = this.templates.get(name);
    if (!template) throw new CatalogueError(`no statement named ${name} in graph/queries.cypher`);
    const statement = expand(template, tokens, where);
    if (template.tokens.includes('WHERE')) this.issued.add(statement);
    return statement;
  }

  /** Every statement text the store can send, with the example parameters of its template. */
  enumerate(): (Statement & { exampleParams: Readonly<Record<string, unknown>> })[] {
    return [...this.templates.values()].flatMap((template) =>
      tokenCombinations(template).map((tokens) => ({ ...expand(template, tokens), name: `${template.name}${Object.values(tokens).length ? `[${Object.values(tokens).join(',')}]` : ''}`, exampleParams: template.exampleParams })),
    );
  }

  /** Whether a text is one the catalogue produces; the store sends nothing else. */
  isKnown(text: string): boolean {
    return this.known.has(text);
  }

  /** Whether the store may send this statement: a catalogue text, or a filtered statement this catalogue issued. */
  issuedHere(statement: Statement): boolean {
    return this.issued.has(statement) || this.isKnown(statement.text);
  }
}
