import type { Collaboration } from '../../store/port.js';
/** GraphQL types for stakeholder relationships, related recommendations, search and rating aggregates. */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ROLE_RULES, ROLES } from '../../domain/roles.js';
import { Evaluation, Node, Organization, Person, Project, Recommendation } from './entities.js';
import { enumOf } from './enumOf.js';

/** The roles, plus EVALUATION_FIRM: EVALUATOR's former name, still accepted as an input. */
export const Role = enumOf([...ROLES, 'EVALUATION_FIRM'] as const);
export type RoleName = (typeof ROLES)[number] | 'EVALUATION_FIRM';
registerEnumType(Role, {
  name: 'Role',
  description: 'A way an organisation takes part in projects and evaluations. A role that comes through an evaluation (DONOR, COMMISSIONER, EVALUATOR, AUDIENCE, EMPLOYER) is on each project the evaluation evaluated, or on the evaluation alone when it evaluated none.',
  valuesConfig: {
    ...Object.fromEntries(Object.entries(ROLE_RULES).map(([role, rule]) => [role, { description: rule.description }])),
    PARENT: { description: 'Parent body of another organisation (its unit).' },
    UNIT: { description: 'Unit of, or linked to, another organisation (its parent).' },
    EVALUATION_FIRM: { description: 'Conducted an evaluation.', deprecationReason: 'Renamed EVALUATOR; as an input it means EVALUATOR, and it is never returned.' },
  },
});

/** An input role as the role it stands for. */
export const canonicalRole = (role: RoleName): (typeof ROLES)[number] => (role === 'EVALUATION_FIRM' ? 'EVALUATOR' : role);

export const SEARCH_TYPES = { EVALUATION: 'Evaluation', RECOMMENDATION: 'Recommendation', FINDING: 'Finding', CONCLUSION: 'Conclusion', PROJECT: 'Project', ORGANIZATION: 'Organization' } as const;
export const SearchType = enumOf(Object.keys(SEARCH_TYPES) as (keyof typeof SEARCH_TYPES)[]);
export type SearchTypeName = keyof typeof SEARCH_TYPES;
registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'Kinds of object full-text search covers.',
  valuesConfig: {
    EVALUATION: { description: 'Evaluations (title, type, purpose, key findings, and their projects\' codes and titles); listed by `searchResults`, not by the full-text `search`.' },
    RECOMMENDATION: { description: 'Recommendations (their text).' },
    FINDING: { description: 'Findings (heading and text).' },
    CONCLUSION: { description: 'Conclusions.' },
    PROJECT: { description: 'Projects (code, title, summary).' },
    ORGANIZATION: { description: 'Organisations (names, acronym, local name, aliases).' },
  },
});

@ObjectType('OrganizationRole', { simpleResolvers: true, description: 'One role an organisation plays, with what it is attached to.' })
export class OrganizationRole {
  @Field(() => Role, { description: 'The role.' })
  role!: RoleName;

  @Field(() => Boolean, { nullable: true, description: 'For PARTNER: whether it led the project.' })
  lead!: boolean | null;

  @Field(() => Project, { nullable: true, description: 'The project the role is on (every role but PARENT and UNIT).' })
  project!: Project | null;

  @Field(() => Evaluation, { nullable: true, description: 'The evaluation the role comes through (COMMISSIONER, EVALUATION_FIRM, AUDIENCE, EMPLOYER).' })
  evaluation!: Evaluation | null;

  @Field(() => Recommendation, { nullable: true, description: 'For AUDIENCE: the recommendation addressed to it.' })
  recommendation!: Recommendation | null;

  @Field(() => Person, { nullable: true, description: 'For EMPLOYER: the evaluator or manager it employs.' })
  person!: Person | null;

  @Field(() => Organization, { nullable: true, description: 'For PARENT: the unit; for UNIT: the parent.' })
  organization!: Organization | null;
}

@ObjectType('SharedProject', { simpleResolvers: true, description: 'A project two organisations both have roles on.' })
export class SharedProject {
  /** The project's node id (the project itself is loaded when asked for: SharedHubResolver). */
  projectId!: string;

  @Field(() => [Role], { description: "The organisation's own roles on the project." })
  roles!: RoleName[];

  @Field(() => Boolean, { description: 'Whether the organisation led the project as a partner.' })
  lead!: boolean;

  @Field(() => [Role], { description: "The collaborator's roles on the project." })
  theirRoles!: RoleName[];

  @Field(() => Boolean, { description: 'Whether the collaborator led the project as a partner.' })
  theirLead!: boolean;
}

@ObjectType('SharedEvaluation', { simpleResolvers: true, description: 'An evaluation of no project (of a policy, a strategy, a theme) two organisations both have roles on.' })
export class SharedEvaluation {
  /** The evaluation's node id (loaded when asked for: SharedHubResolver). */
  evaluationId!: string;

  @Field(() => [Role], { description: "The organisation's own roles on the evaluation." })
  roles!: RoleName[];

  @Field(() => [Role], { description: "The collaborator's roles on the evaluation." })
  theirRoles!: RoleName[];
}

@ObjectType('Collaborator', { simpleResolvers: true, description: 'An organisation that shares projects (or evaluations of no project) with another.' })
export class Collaborator {
  @Field(() => Organization, { description: 'The collaborating organisation.' })
  organization!: Organization;

  /** The hubs shared, as the store gives them (sharedProjectCount, projects and evaluations: CollaboratorResolver). */
  shared!: Collaboration['shared'];
}

@ObjectType('NetworkNode', { simpleResolvers: true, description: 'A stakeholder (an organisation, a project, or an evaluation of no project) in a network or path.' })
export class NetworkNode {
  @Field(() => ID, { description: 'Global id of the organisation, project or evaluation.' })
  id!: string;

  @Field(() => String, { description: 'Organization, Project or Evaluation.' })
  label!: string;

  @Field(() => String, { description: "Display name: an organisation's name, a project's code (or title), an evaluation's title." })
  name!: string;

  @Field(() => String, { nullable: true, description: "An organisation's kind, a project's type, an evaluation's timing." })
  kind!: string | null;

  @Field(() => Int, { description: 'Hops from the starting stakeholder.' })
  hop!: number;

  @Field(() => Node, { description: 'The organisation, project or evaluation itself.' })
  node!: Node;
}

@ObjectType('NetworkEdgeProperties', { simpleResolvers: true, description: 'What a link between two stakeholders stands for.' })
export class NetworkEdgeProperties {
  @Field(() => [Role], { description: "For a participation: the organisation's roles on the project or evaluation (those asked for); for PART_OF: UNIT." })
  roles!: RoleName[];

  @Field(() => Boolean, { description: 'Whether the organisation led the project as a partner.' })
  lead!: boolean;
}

@ObjectType('NetworkEdge', { simpleResolvers: true, description: 'A link between two stakeholders: an organisation and a project (or evaluation of no project) it has roles on, or a unit and its parent.' })
export class NetworkEdge {
  @Field(() => ID, { description: 'Global id of the organisation (or of the unit, for PART_OF).' })
  source!: string;

  @Field(() => ID, { description: 'Global id of the project or evaluation (or of the parent, for PART_OF).' })
  target!: string;

  @Field(() => String, { description: 'The first of its roles (in the order PARTNER, IMPLEMENTER, FUNDER, DONOR, COMMISSIONER, EVALUATOR, AUDIENCE, EMPLOYER), or PART_OF.' })
  type!: string;

  @Field(() => NetworkEdgeProperties, { description: 'Details of the link.' })
  properties!: NetworkEdgeProperties;
}

@ObjectType('StakeholderNetwork', { simpleResolvers: true, description: 'The neighbourhood of a stakeholder, ready for a network drawing.' })
export class StakeholderNetwork {
  @Field(() => [NetworkNode], { description: 'Stakeholders within the depth, nearest first.' })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: 'Links between the returned stakeholders.' })
  edges!: NetworkEdge[];

  @Field(() => Int, { description: 'The node cap applied.' })
  nodeCap!: number;

  @Field(() => Boolean, { description: 'Whether the cap left stakeholders out.' })
  truncated!: boolean;

  @Field(() => Int, { description: 'How many stakeholders within the depth the cap left out.' })
  omittedNodes!: number;
}

@ObjectType('StakeholderPath', { simpleResolvers: true, description: 'One way two stakeholders are connected: alternating stakeholders and links.' })
export class StakeholderPath {
  @Field(() => Int, { description: 'Number of links.' })
  length!: number;

  @Field(() => [NetworkNode], { description: 'The stakeholders along the path, from the first to the last (`hop` is the position).' })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: 'The links; edges[i] joins nodes[i] and nodes[i + 1].' })
  edges!: NetworkEdge[];
}

@ObjectType('RelatedRecommendation', { simpleResolvers: true, description: 'A recommendation related to another (or to a text), with the reasons.' })
export class RelatedRecommendation {
  @Field(() => Recommendation, { description: 'The related recommendation.' })
  recommendation!: Recommendation;

  @Field(() => Float, { description: 'Relatedness in [0, 1]: text relevance and graph overlaps combined; deterministic, the same on both stores, never under 0.15.' })
  score!: number;

  @Field(() => [String], { description: 'Why it is related, as sentences: matching terms, shared theme, audience, country, project type.' })
  reasons!: string[];
}

@ObjectType('SearchHit', { simpleResolvers: true, description: 'A full-text search result.' })
export class SearchHit {
  @Field(() => Node, { description: 'The matching object.' })
  node!: Node;

  @Field(() => SearchType, { description: 'What kind of object it is.' })
  type!: SearchTypeName;

  @Field(() => Float, { description: "Relevance, higher is better (compare within one result list only): for `search`, as the store's full-text engine scores it (BM25); for `searchResults`, word points (see there)." })
  score!: number;

  @Field(() => String, { description: "The passage of the object's text where the query's words gather most." })
  snippet!: string;

  @Field(() => [String], { description: 'Words of the text that matched the query.' })
  matchedTerms!: string[];
}

@ObjectType('RatingBucket', { simpleResolvers: true, description: 'How many findings got one score.' })
export class RatingBucket {
  @Field(() => Int, { description: 'The score.' })
  score!: number;

  @Field(() => Int, { description: 'Findings with that score.' })
  count!: number;

  @Field(() => [String], { description: 'The labels the evaluations gave that score (e.g. "Good").' })
  labels!: string[];
}

@ObjectType('RatingSummary', { simpleResolvers: true, description: "Distribution and average of a criterion's ratings." })
export class RatingSummary {
  @Field(() => Int, { description: 'Rated findings counted.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Mean score, rounded to two decimals; null when nothing is rated.' })
  average!: number | null;

  @Field(() => [RatingBucket], { description: 'Findings per score, lowest score first.' })
  distribution!: RatingBucket[];

  @Field(() => Int, { description: 'Findings on the criterion without a rating.' })
  unrated!: number;
}

@InputType('RatingSummaryWhere', { description: 'Which findings a rating summary counts; all given filters must match.' })
export class RatingSummaryWhere {
  @Field(() => String, { nullable: true, description: "The project's country: name, official name or ISO code." })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'The project type (case-insensitive).' })
  projectType?: string | null;

  @Field(() => Int, { nullable: true, description: "Year of the evaluation's final report." })
  year?: number | null;
}
