import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema as buildTypeGraphQLSchema } from 'type-graphql';
import { ConclusionResolver, CriterionResolver, FindingResolver, ThemeResolver } from './resolvers/catalog.js';
import { EvaluationResolver } from './resolvers/evaluation.js';
import { NodeResolver } from './resolvers/node.js';
import { OrganizationResolver, PersonResolver } from './resolvers/organization.js';
import { CountryResolver, OutputResolver, ProjectResolver } from './resolvers/project.js';
import { RecommendationResolver } from './resolvers/recommendation.js';

export const RESOLVERS = [
  NodeResolver,
  EvaluationResolver,
  ProjectResolver,
  OutputResolver,
  CountryResolver,
  OrganizationResolver,
  PersonResolver,
  RecommendationResolver,
  CriterionResolver,
  FindingResolver,
  ConclusionResolver,
  ThemeResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once from the type-graphql classes. */
export function buildSchema(): Promise<GraphQLSchema> {
  cached ??= buildTypeGraphQLSchema({ resolvers: RESOLVERS, validate: false }).then((schema) => {
    schema.getQueryType()!.description =
      'Entry points into the graph of evaluations: lists are Relay connections (`first`, `after`, `where`), single objects are looked up by id or natural key.';
    return schema;
  });
  return cached;
}

/** The SDL committed as `schema.graphql`. */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(await buildSchema())}\n`;
}
