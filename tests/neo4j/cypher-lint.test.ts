/**
 * The Cypher lint is what keeps the Neo4j store honest without a server: prove it catches the
 * mistakes it exists for, and that the catalogue only ever yields model constants.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS, REL_TYPES } from '../../src/domain/model.js';
import { Catalogue, expand, MAX_HOPS, parseQueryFile } from '../../src/store/neo4j/catalogue.js';
import { lintStatement } from '../../src/store/neo4j/lint.js';
import { removeDir, ROOT, tempDir } from '../helpers/api.js';
import { writeFile } from 'node:fs/promises';

const problems = (text: string, params: Record<string, unknown> = {}) => lintStatement({ name: 't', text, params }).map((p) => p.message);

describe('cypher lint', () => {
  it('passes a correct statement', () => {
    expect(problems('MATCH (n:Project) WHERE n.id IN $ids RETURN n.id AS id', { ids: ['project:x'] })).toEqual([]);
  });

  it('catches an undefined variable', () => {
    expect(problems('MATCH (n:Project) RETURN m.id')).toEqual([expect.stringMatching(/Variable `m` not defined/)]);
  });

  it('catches a misspelled label, relationship type and property', () => {
    expect(problems('MATCH (n:Projet) RETURN n.id')).toEqual([expect.stringMatching(/Label Projet is not present/)]);
    expect(problems('MATCH (:Project)-[r:PARTNER_WITH]->() RETURN r')).toEqual([expect.stringMatching(/Relationship type PARTNER_WITH is not present/)]);
    expect(problems("MATCH (n:Project) RETURN n.budgetAmmount")).toEqual([expect.stringMatching(/Property key budgetAmmount is not a property of the model/)]);
    expect(problems("MATCH (n:Project)-[r:IN_COUNTRY]->() RETURN r.postion")).toEqual([expect.stringMatching(/Property key postion/)]);
  });

  it('catches a parameter the statement is not given and a syntax error', () => {
    expect(problems('MATCH (n:Project) WHERE n.id IN $ids RETURN n')).toEqual([expect.stringMatching(/Parameter \$ids is not defined/)]);
    expect(problems('MATCH (n:Project WHERE RETURN n').length).toBeGreaterThan(0);
  });

  it('catches an aggregation mistake and a type mismatch', () => {
    expect(problems('MATCH (n:Project) RETURN n.id, count(*) ORDER BY n.title')).toEqual([expect.stringMatching(/not possible to access variables declared before the WITH\/RETURN: n/)]);
    expect(problems('MATCH (n:Project) WITH count(n) AS total RETURN total + true')).toEqual([expect.stringMatching(/Type mismatch/)]);
  });

  it('fails from the command line on a catalogue with a broken statement, naming it and the expansion', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'schema.cypher'), 'CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;\n');
    await writeFile(
      path.join(dir, 'queries.cypher'),
      ['// name: ok', '// params: {"ids": []}', 'MATCH (n:{{LABEL}}) WHERE n.id IN $ids RETURN n.id AS id;', '', '// name: broken', '// params: {}', 'MATCH (n:{{START}})-[:{{TYPE}}]->(m:Organisation) RETURN x;', ''].join('\n'),
    );
    const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/cypher-lint.ts'), dir], { cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
    );
    await removeDir(dir);
    const catalogue = new Catalogue(['// name: broken', '// params: {}', 'MATCH (n:{{START}})-[:{{TYPE}}]->(m) RETURN n;'].join('\n'), '');
    const expansions = catalogue.enumerate().length;
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`checked ${LABELS.length + expansions + 1} statements`));
    expect(result.stderr).toMatch(/broken\[PARTNERED_WITH,Project\]:1:\d+: error: Variable `x` not defined/);
    expect(result.stderr).toMatch(/broken\[PARTNERED_WITH,Project\]:1:\d+: warning: Label Organisation is not present/);
  }, 120_000);
});

describe('statement catalogue', () => {
  const catalogue = Catalogue.load();

  it('expands tokens only to model labels and relationship types', () => {
    const template = parseQueryFile('// name: t\n// params: {}\nMATCH (n:{{LABEL}})-[:{{TYPE}}]->() RETURN n').get('t')!;
    expect(expand(template, { LABEL: 'Project', TYPE: 'IN_COUNTRY' }).text).toBe('MATCH (n:Project)-[:IN_COUNTRY]->() RETURN n');
    expect(() => expand(template, { LABEL: 'Project) DETACH DELETE (n', TYPE: 'IN_COUNTRY' })).toThrow(/must be a model label/);
    expect(() => expand(template, { LABEL: 'Project', TYPE: 'x]->() DELETE n //' })).toThrow(/must be a model relationship type/);
  });

  it('expands {{HOPS}} only to a whole number from 1 to MAX_HOPS, and enumerates every one', () => {
    const template = parseQueryFile('// name: t\n// params: {}\nMATCH p = (a)-[]-{1,{{HOPS}}}(b) RETURN p').get('t')!;
    expect(expand(template, { HOPS: 4 }).text).toBe('MATCH p = (a)-[]-{1,4}(b) RETURN p');
    for (const bad of [0, MAX_HOPS + 1, 2.5, '3}(b) DETACH DELETE a //', undefined]) {
      expect(() => expand(template, { HOPS: bad as number }), String(bad)).toThrow(/\{\{HOPS\}\} must be a whole number from 1 to 8/);
    }
    const names = catalogue.enumerate().map((s) => s.name).filter((n) => n.startsWith('stakeholders.paths'));
    expect(names).toEqual(Array.from({ length: MAX_HOPS }, (_, i) => `stakeholders.paths[${i + 1}]`));
  });

  it('enumerates each relationship statement for exactly the labels the model allows', () => {
    const names = catalogue.enumerate().map((s) => s.name);
    expect(names).toContain('neighbours.out[PARTNERED_WITH,Project]');
    expect(names).toContain('neighbours.in[PARTNERED_WITH,Organization]');
    expect(names).not.toContain('neighbours.out[PARTNERED_WITH,Organization]');
    expect(names).toContain('relationships.merge[CONDUCTED_BY,Evaluation,Person]');
    expect(names).toContain('relationships.merge[CONDUCTED_BY,Evaluation,Organization]');
    for (const label of LABELS) expect(names).toContain(`nodes.get[${label}]`);
    for (const type of REL_TYPES) expect(names.some((n) => n.startsWith(`neighbours.out[${type},`))).toBe(true);
  });

  it('knows every text it produces and nothing else', () => {
    for (const s of catalogue.enumerate()) expect(catalogue.isKnown(s.text)).toBe(true);
    expect(catalogue.isKnown('MATCH (n) DETACH DELETE n')).toBe(true); // test.deleteEverything, in the catalogue
    expect(catalogue.isKnown("MATCH (n:Project {code: 'X'}) RETURN n")).toBe(false);
  });
});
