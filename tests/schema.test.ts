/** The committed schema.graphql is what frontends code against: it must match the code. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSchema as buildSdlSchema, isInputObjectType, isInterfaceType, isObjectType, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaSdl } from '../src/graphql/schema.js';
import { ROOT } from './helpers/api.js';

describe('schema.graphql', () => {
  it('is exactly the schema the code builds (run `npm run schema` after changing types)', async () => {
    const committed = await readFile(path.join(ROOT, 'schema.graphql'), 'utf8');
    expect(committed).toBe(await schemaSdl());
  });

  it('describes every type, field, argument and enum value', async () => {
    const schema = buildSdlSchema(await schemaSdl());
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('keeps the names frontends rely on', async () => {
    const schema = buildSdlSchema(await schemaSdl());
    const query = schema.getQueryType()!.getFields();
    for (const name of ['node', 'evaluations', 'evaluation', 'projects', 'project', 'organizations', 'organization', 'recommendations', 'themes', 'criteria']) {
      expect(query[name], name).toBeDefined();
    }
    const fields = (type: string) => Object.keys((schema.getType(type) as any).getFields());
    expect(fields('Evaluation')).toEqual(expect.arrayContaining(['id', 'title', 'type', 'purpose', 'methodology', 'criteria', 'finalReportDate', 'evaluators', 'evaluationFirm', 'commissionedBy', 'managedBy', 'project', 'keyFindings', 'findings', 'conclusions', 'recommendations']));
    expect(fields('Project')).toEqual(expect.arrayContaining(['id', 'title', 'code', 'type', 'summary', 'countries', 'startDate', 'endDate', 'budget', 'costExtensions', 'extensionMonths', 'implementer', 'funders', 'partners', 'outputs', 'evaluations']));
    expect(fields('Organization')).toEqual(expect.arrayContaining(['id', 'name', 'acronym', 'localName', 'aliases', 'kind', 'parent', 'units']));
    expect(fields('Recommendation')).toEqual(expect.arrayContaining(['id', 'code', 'text', 'theme', 'audiences', 'evaluation', 'project']));
    expect(fields('ProjectConnection')).toEqual(['edges', 'pageInfo', 'totalCount']);
  });
});
