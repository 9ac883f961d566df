import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema as buildTypeGraphQLSchema } from 'type-graphql';
import { callResolverMethodsDirectly } from './directResolvers.js';
import { paceExecution } from './limits/pacing.js';
import { ConclusionResolver, CriterionResolver, FindingResolver, ThemeResolver } from './resolvers/catalog.js';
import { DiscoveryPageResolver } from './resolvers/discovery.js';
import { EvaluationResolver } from './resolvers/evaluation.js';
import { EvaluationMutationResolver, FollowUpActionResolver, FollowUpResolver } from './resolvers/followUp.js';
import { ImportResolver } from './resolvers/import.js';
import { NodeResolver } from './resolvers/node.js';
import { OrganizationResolver, PersonResolver } from './resolvers/organization.js';
import { CountryResolver, OutputResolver, ProjectResolver } from './resolvers/project.js';
import { RecommendationResolver } from './resolvers/recommendation.js';
import { CriterionSummaryResolver, DiscoveryResolver, RelatedRecommendationResolver } from './resolvers/relatedRecommendations.js';
import { CollaboratorResolver, OrganizationStakeholderResolver, SharedEvaluationResolver, SharedProjectResolver, StakeholderResolver } from './resolvers/stakeholders.js';

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
  OrganizationStakeholderResolver,
  CollaboratorResolver,
  SharedProjectResolver,
  SharedEvaluationResolver,
  StakeholderResolver,
  RelatedRecommendationResolver,
  DiscoveryResolver,
  CriterionSummaryResolver,
  ImportResolver,
  EvaluationMutationResolver,
  FollowUpResolver,
  FollowUpActionResolver,
  DiscoveryPageResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once from the type-graphql classes. */
export function buildSchema(): Promise<GraphQLSchema> {
  cached ??= buildTypeGraphQLSchema({ resolvers: RESOLVERS, validate: false }).then((schema) => {
    schema.getQueryType()!.description =
      'Entry points into the graph of evaluations: lists are Relay connections (`first`, `after`, `where`), single objects are looked up by id or natural key.';
    const mutation = schema.getMutationType();
    if (mutation) mutation.description = 'Changes to the graph. Every mutation needs `Authorization: Bearer <token>` with an editor token (EDITOR_TOKENS).';
    callResolverMethodsDirectly(schema, RESOLVERS);
    return paceExecution(schema);
  });
  return cached;
}

/** The SDL committed as `schema.graphql`. */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(await buildSchema())}\n`;
}
