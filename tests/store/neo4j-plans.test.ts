/**
 * Every statement the Neo4j store can send is planned by the live Neo4j the way it will run:
 * each template of graph/queries.cypher expanded over the model as `npm run cypher:lint` does,
 * EXPLAINed with its example parameters on an empty graph, over the seed (what a fresh install
 * holds) and over the seed and the fixture corpus (the planner decides on statistics), with the
 * schema of graph/schema.cypher in place. A statement must not scan
 * every node, a whole label or a whole index, nor every relationship of a type, unless it is
 * listed in SCANS with the reason: reading everything is what it is for.
 */
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/domain/model.js';
import { readRecords } from '../../src/ingest/recordFiles.js';
import { importRecords } from '../../src/services/import/index.js';
import { Catalogue } from '../../src/store/neo4j/catalogue.js';
import { ROOT } from '../helpers/api.js';
import { createTestStore, neo4jUri } from '../helpers/store.js';

/**
 * Statements that read everything of what they name, and why that is right. (nodes.count is not
 * one: unfiltered, as here, Neo4j answers it from its count store; filtered, each node of the
 * label is a candidate, as for the pages.)
 */
const SCANS: Record<string, string> = {
  'nodes.page': 'a page of a label in id order: it walks the label (the filter decides which nodes qualify)',
  'nodes.pageAscending': 'a page of a label ordered by a property: every node of the label is sorted',
  'nodes.pageDescending': 'a page of a label ordered by a property: every node of the label is sorted',
  'test.deleteEverything': 'wipes the test database',
};

/** Plan operators that read every node, a whole label, a whole index or every relationship of a type. */
const SCAN = /^(AllNodesScan|NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|SubtractionNodeByLabelsScan|NodeIndexScan|DirectedAllRelationshipsScan|UndirectedAllRelationshipsScan|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan|DirectedRelationshipIndexScan|UndirectedRelationshipIndexScan|DirectedUnionRelationshipTypesScan|UndirectedUnionRelationshipTypesScan)$/;

interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

/** Every operator of a plan, as "Operator details" (without the runtime's "@neo4j" suffix). */
function operators(plan: PlanNode): { type: string; details: string }[] {
  const type = plan.operatorType.split('@')[0]!;
  return [{ type, details: String(plan.arguments?.Details ?? '') }, ...(plan.children ?? []).flatMap(operators)];
}

/** Example parameters as the store sends them: whole numbers as Neo4j integers (LIMIT, list indexes). */
function asSent(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(asSent);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asSent(v)]));
  return value;
}

const catalogue = Catalogue.load();
const statements = catalogue.enumerate();
const baseName = (name: string) => name.split('[')[0]!;
let driver: Driver;
const plans = new Map<string, { type: string; details: string }[]>();

/** The statement planned afresh, not taken from the plan cache (its own query options kept). */
function replanned(text: string): string {
  return text.startsWith('CYPHER ') ? `CYPHER replan=force ${text.slice('CYPHER '.length)}` : `CYPHER replan=force ${text}`;
}

/** EXPLAIN every statement and add its operators to `plans`. */
async function explainAll(): Promise<void> {
  const session = driver.session({ database: 'neo4j' });
  try {
    for (const s of statements) {
      const result = await session.run(`EXPLAIN ${replanned(s.text)}`, asSent({ ...s.exampleParams, ...s.params }) as Record<string, unknown>);
      plans.set(s.name, [...(plans.get(s.name) ?? []), ...operators(result.summary.plan as unknown as PlanNode)]);
    }
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  const store = await createTestStore(); // applies graph/schema.cypher to the wiped database
  driver = neo4j.driver(neo4jUri(), neo4j.auth.basic('neo4j', ''));
  // The planner decides on statistics: plan on an empty graph, on the graph a fresh install
  // holds (the seed), and on a larger one.
  await explainAll();
  await importRecords(store, await readRecords([path.join(ROOT, 'seeds')]));
  await explainAll();
  await importRecords(store, await readRecords([path.join(ROOT, 'tests/fixtures/corpus')]));
  await explainAll();
}, 600_000);
afterAll(async () => driver?.close());

describe('the plans of the catalogue statements on a live Neo4j', () => {
  it('plans every expansion of every template (the lint set)', () => {
    expect(plans.size).toBe(statements.length);
    expect(new Set(statements.map((s) => baseName(s.name)))).toEqual(new Set(catalogue.templates.keys()));
  });

  it('scans nothing whole except the statements listed with their reason', () => {
    const offenders = [...plans]
      .filter(([name]) => !(baseName(name) in SCANS))
      .flatMap(([name, ops]) => ops.filter((op) => SCAN.test(op.type)).map((op) => `${name}: ${op.type} ${op.details}`));
    expect(offenders).toEqual([]);
  });

  it('lists only statements that do scan (a statement that stopped scanning leaves the list)', () => {
    for (const listed of Object.keys(SCANS)) {
      const scanning = [...plans].filter(([name]) => baseName(name) === listed).some(([, ops]) => ops.some((op) => SCAN.test(op.type)));
      expect(scanning, `${listed} is listed in SCANS but no expansion of it scans`).toBe(true);
    }
  });

  it('finds nodes by id with a unique index seek, for every label', () => {
    for (const label of LABELS) expect(plans.get(`nodes.get[${label}]`)!.map((op) => op.type), label).toContain('NodeUniqueIndexSeek');
  });

  it('finds nodes by match key through the full-text index node_keys, which covers every label', () => {
    for (const label of LABELS) {
      const ops = plans.get(`nodes.byKeys[${label}]`)!;
      expect(ops.some((op) => op.type === 'ProcedureCall' && op.details.includes('db.index.fulltext.queryNodes')), label).toBe(true);
    }
    const index = catalogue.schema.find((s) => s.includes('INDEX node_keys'))!;
    expect(index.match(/FOR \(n:([\w|]+)\)/)![1]!.split('|').sort()).toEqual([...LABELS].sort());
  });

  it('starts every stakeholder question from unique index seeks; a neighbourhood is a pruning breadth-first search, paths a shortest-path search', () => {
    for (const [name, ops] of plans) {
      if (!name.startsWith('stakeholders.')) continue;
      expect(ops.map((op) => op.type), name).toContain('NodeUniqueIndexSeek');
      // (Within one link every path is a shortest one: a plain expand.)
      if (name.startsWith('stakeholders.neighbourhood') && name !== 'stakeholders.neighbourhood[1]') expect(ops.some((op) => op.type.startsWith('VarLengthExpand(Pruning,BFS')), name).toBe(true);
      if (name.startsWith('stakeholders.paths')) expect(ops.some((op) => op.type.startsWith('StatefulShortestPath')), name).toBe(true);
    }
  });
});
