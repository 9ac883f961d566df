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
import type { Filter } from '../../src/store/filter.js';
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
