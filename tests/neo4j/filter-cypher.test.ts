/**
 * Filters compiled to Cypher: every condition the API's `where` inputs can produce lints clean
 * with Neo4j's own front end inside the catalogue's listing statements, and no value ever
 * reaches the statement text (values travel as parameters, whatever they hold).
 */
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/domain/model.js';
import { evaluationFilter, organizationFilter, projectFilter, recommendationFilter, roleFilter } from '../../src/services/filters.js';
import { ROLES } from '../../src/domain/roles.js';
import { FOLLOW_UP_STATUSES } from '../../src/services/followUp.js';
import { and, eq, keys, or, related, type Filter } from '../../src/store/filter.js';
import { Catalogue } from '../../src/store/neo4j/catalogue.js';
import { compileFilter } from '../../src/store/neo4j/filterCypher.js';
import { lintStatement } from '../../src/store/neo4j/lint.js';

const HOSTILE = `x' }) DETACH DELETE n //"\`; MATCH (m) RETURN m`;
const catalogue = Catalogue.load();

/** Every `where` field of every connection, alone, with a hostile value where it takes text. */
const CASES: [string, 'Evaluation' | 'Project' | 'Organization' | 'Recommendation', Filter][] = [
  ...Object.entries({
    text: { text: HOSTILE },
    ids: { ids: [HOSTILE] },
    stage: { stage: 'final' },
    year: { year: 2021 },
    years: { yearFrom: 2019, yearTo: 2021 },
    reportDates: { finalReportDateFrom: '2020-01-01', finalReportDateTo: '2021-12-31' },
    country: { country: HOSTILE },
    region: { region: HOSTILE },
    donor: { donor: HOSTILE },
    thematicArea: { thematicArea: HOSTILE },
    crossCuttingTheme: { crossCuttingTheme: HOSTILE },
    scope: { scope: HOSTILE },
    timing: { timing: 'Not applicable' },
    level: { level: HOSTILE },
    evaluatorType: { evaluatorType: HOSTILE },
    language: { language: HOSTILE },
    projectType: { projectType: HOSTILE },
    rating: { rating: { criterion: HOSTILE, min: 2, max: 4 } },
  }).map(([name, where]) => [`evaluations.${name}`, 'Evaluation', evaluationFilter(where)!] as [string, 'Evaluation', Filter]),
  ['projects.all', 'Project', projectFilter({ text: HOSTILE, type: HOSTILE, country: HOSTILE, startDateFrom: '2016-01-01', startDateTo: '2020-01-01' })!],
  ...ROLES.map((role) => [`organizations.role.${role}`, 'Organization', roleFilter(role)] as [string, 'Organization', Filter]),
  ['organizations.country', 'Organization', organizationFilter({ country: HOSTILE, kind: 'MINISTRY' })!],
  ...FOLLOW_UP_STATUSES.map((status) => [`recommendations.followUpStatus.${status}`, 'Recommendation', recommendationFilter({ followUpStatus: status, theme: HOSTILE, audience: HOSTILE }, '2026-12-01')!] as [string, 'Recommendation', Filter]),
];

describe('compiled filters', () => {
  it.each(CASES)('%s lints clean in the listing statements and carries its values as parameters', (_name, label, filter) => {
    const where = compileFilter(filter, 'n', label);
    expect(where.text).not.toContain('DETACH');
    expect(where.text).not.toContain(HOSTILE.slice(0, 5));
    // A hostile value given (raw, or normalised like a name or text) is among the parameters.
    if (JSON.stringify(filter).includes('DETACH')) expect(JSON.stringify(where.params).toLowerCase()).toContain('detach delete');
    for (const name of ['nodes.count', 'nodes.page', 'nodes.pageAscending']) {
      const statement = catalogue.statement(name, { LABEL: label }, where);
      const params = { ...statement.params, after: null, limit: 21, orderBy: 'name', missing: '~' };
      expect(lintStatement({ name, text: statement.text, params })).toEqual([]);
    }
  });

  it('gives the same text for the same shape of filter, whatever its values', () => {
    const a = compileFilter(evaluationFilter({ donor: 'European Union', yearFrom: 2019 })!, 'n', 'Evaluation');
    const b = compileFilter(evaluationFilter({ donor: 'IOM Development Fund', yearFrom: 2023 })!, 'n', 'Evaluation');
    expect(a.text).toBe(b.text);
    expect(a.params).not.toEqual(b.params);
  });

  it('refuses a filter on a property the model does not have', () => {
    expect(() => compileFilter({ kind: 'eq', property: 'password', value: 'x' }, 'n', 'Organization')).toThrow(/unknown property "password"/);
    expect(LABELS).toContain('Organization');
  });
});

/**
 * The exact WHERE clause and parameters of representative filters (in the manner of
 * neo4j/graphql's TCK tests): a change to the Cypher the compiler writes shows here as a diff.
 * What the store sends around them is pinned in tests/store/neo4j-statements.test.ts.
 */
describe('compiled filters, pinned', () => {
  it('nests and/or/not, relationship steps with edge conditions, names, text and date ranges', () => {
    const filter = and(
      or(eq('kind', 'MINISTRY'), { kind: 'not', filter: { kind: 'text', text: 'Fundación' } }),
      related('PARTICIPATES_IN', 'out', and(keys('BO10P0001'), related('IN_COUNTRY', 'out', keys('Bolivia'))), { label: 'Project', edge: and(eq('roles', 'PARTNER'), eq('lead', true)) }),
      { kind: 'not', filter: related('PART_OF', 'out') },
      related('PARTICIPATES_IN', 'out', { kind: 'range', property: 'startDate', from: '2016-01-01' }, { label: 'Project' }),
    )!;
    const where = compileFilter(filter, 'n', 'Organization');
    expect(where.text).toBe(
      '((n.kind = $f0 OR NOT n.searchText CONTAINS $f1)' +
        ' AND EXISTS { MATCH (n)-[r1:PARTICIPATES_IN]->(m0:Project) WHERE ($f2 IN r1.roles AND r1.lead = $f3)' +
        ' AND (any(key IN m0.matchKeys WHERE key IN $f4) AND EXISTS { MATCH (m0)-[r3:IN_COUNTRY]->(m2:Country) WHERE any(key IN m2.matchKeys WHERE key IN $f5) }) }' +
        ' AND NOT EXISTS { MATCH (n)-[r5:PART_OF]->(m4:Organization) }' +
        ' AND EXISTS { MATCH (n)-[r7:PARTICIPATES_IN]->(m6:Project) WHERE (m6.startDate IS NOT NULL AND m6.startDate >= date($f6)) })',
    );
    // Texts and names normalised as stored searchText and matchKeys are.
    expect(where.params).toEqual({ f0: 'MINISTRY', f1: 'fundacion', f2: 'PARTNER', f3: true, f4: ['bo10p0001'], f5: ['bolivia'], f6: '2016-01-01' });
  });

  it('compiles a role to one participation step listing it, and PARENT to an incoming PART_OF', () => {
    expect(compileFilter(roleFilter('FUNDER'), 'n', 'Organization')).toEqual({ text: 'EXISTS { MATCH (n)-[r1:PARTICIPATES_IN]->(m0) WHERE $f0 IN r1.roles }', params: { f0: 'FUNDER' } });
    expect(compileFilter(roleFilter('PARENT'), 'n', 'Organization')).toEqual({ text: 'EXISTS { MATCH (n)<-[r1:PART_OF]-(m0:Organization) }', params: {} });
    const inBolivia = organizationFilter({ role: 'EVALUATOR', country: 'Bolivia' })!;
    expect(compileFilter(inBolivia, 'n', 'Organization')).toEqual({
      text:
        '(EXISTS { MATCH (n)-[r1:PARTICIPATES_IN]->(m0) WHERE $f0 IN r1.roles }' +
        ' AND EXISTS { MATCH (n)-[r3:PARTICIPATES_IN]->(m2) WHERE (EXISTS { MATCH (m2)-[r5:IN_COUNTRY]->(m4:Country) WHERE any(key IN m4.matchKeys WHERE key IN $f1) }' +
        ' OR EXISTS { MATCH (m2)<-[r7:EVALUATES]-(m6:Evaluation) WHERE EXISTS { MATCH (m6)-[r9:IN_COUNTRY]->(m8:Country) WHERE any(key IN m8.matchKeys WHERE key IN $f2) } }) })',
      params: { f0: 'EVALUATOR', f1: ['bolivia'], f2: ['bolivia'] },
    });
  });
});
