import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../connection.js';
import { OrganizationKind } from './entities.js';
import { DateScalar } from '../scalars.js';
import { Role, type RoleName } from './stakeholders.js';
import { FollowUpStatusEnum } from './followUp.js';
import { EvaluationOrdering, OrganizationOrdering, ProjectOrdering, RecommendationOrdering } from './ordering.js';
import type { FollowUpStatus } from '../../services/followUp.js';
import type { OrganizationKind as Kind } from '../../domain/record.js';

const TEXT = 'Case- and accent-insensitive text matched against names, acronyms, aliases, titles, codes and text.';

@InputType('RatingRange', { description: 'Evaluations whose rating on a criterion lies within a range.' })
export class RatingRange {
  @Field(() => String, { description: 'The criterion, e.g. "Relevance" (case-insensitive).' })
  criterion!: string;

  @Field(() => Int, { nullable: true, description: 'Lowest score (inclusive).' })
  min?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest score (inclusive).' })
  max?: number | null;
}

@InputType('EvaluationWhere', { description: 'Filters for evaluations; all given filters must match.' })
export class EvaluationWhere {
  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these (global ids).' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Stage: ex-post, final, mid-term or baseline.' })
  stage?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of the evaluation (the catalogue\'s year, else that of the final report).' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Year on or after this one.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Year on or before this one.' })
  yearTo?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Final report on or after this date.' })
  finalReportDateFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Final report on or before this date.' })
  finalReportDateTo?: string | null;

  @Field(() => String, { nullable: true, description: "A country the evaluation or its project covers: name, official name or ISO code (\"Worldwide\" for global evaluations)." })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'A region the evaluation covers, as IOM names its regional offices, e.g. "RO for Latin America and the Caribbean", or "Global".' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'A donor of the evaluation or a funder of its project: name, acronym or alias, e.g. "IOM Development Fund".' })
  donor?: string | null;

  @Field(() => String, { nullable: true, description: 'One of IOM\'s migration thematic areas, e.g. "Counter trafficking".' })
  thematicArea?: string | null;

  @Field(() => String, { nullable: true, description: 'One of IOM\'s cross-cutting themes, e.g. "Gender".' })
  crossCuttingTheme?: string | null;

  @Field(() => String, { nullable: true, description: 'What was evaluated, as the catalogue words it: "Programme/Project", "Thematic", "Strategy", "Policy"...' })
  scope?: string | null;

  @Field(() => String, { nullable: true, description: 'When it took place: a stage (ex-post, final, mid-term, real-time, baseline) or the catalogue\'s wording, e.g. "Not applicable".' })
  timing?: string | null;

  @Field(() => String, { nullable: true, description: 'Level: "Decentralized", "Centralized" or "Other".' })
  level?: string | null;

  @Field(() => String, { nullable: true, description: 'Who evaluated: "External", "Internal", "Joint"...' })
  evaluatorType?: string | null;

  @Field(() => String, { nullable: true, description: 'A language the report is available in, e.g. "Spanish".' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'The evaluated project\'s type, e.g. "Migration policy" (case-insensitive).' })
  projectType?: string | null;

  @Field(() => RatingRange, { nullable: true, description: 'Only evaluations that rated a criterion within a range of scores.' })
  rating?: RatingRange | null;

  @Field(() => [EvaluationWhere], { nullable: true, description: 'Further filters that must all match too, to ask for two values of one field: `and: [{ country: "Peru" }, { country: "Bolivia" }]` (evaluations covering both).' })
  and?: EvaluationWhere[] | null;
}

@InputType('ProjectWhere', { description: 'Filters for projects; all given filters must match.' })
export class ProjectWhere {
  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these (global ids).' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Project type, e.g. "Migration policy" (case-insensitive).' })
  type?: string | null;

  @Field(() => String, { nullable: true, description: 'Country covered: name, official name or ISO code.' })
  country?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Project period starting on or after this date.' })
  startDateFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Project period starting on or before this date.' })
  startDateTo?: string | null;
}

@InputType('OrganizationWhere', { description: 'Filters for organisations; all given filters must match.' })
export class OrganizationWhere {
  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these (global ids).' })
  ids?: string[] | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'Kind of organisation.' })
  kind?: Kind | null;

  @Field(() => Role, { nullable: true, description: 'Organisations that play this role on some project (or, for PARENT and UNIT, towards another organisation).' })
  role?: RoleName | null;

  @Field(() => String, { nullable: true, description: 'Organisations with a role on a project in this country (name, official name or ISO code).' })
  country?: string | null;
}

@InputType('RecommendationWhere', { description: 'Filters for recommendations; all given filters must match.' })
export class RecommendationWhere {
  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these (global ids).' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Theme name, e.g. "Record keeping" (case-insensitive).' })
  theme?: string | null;

  @Field(() => String, { nullable: true, description: 'Audience: acronym, name, local name or alias of an organisation the recommendation is addressed to.' })
  audience?: string | null;

  @Field(() => FollowUpStatusEnum, { nullable: true, description: 'Overall follow-up status (as of today).' })
  followUpStatus?: FollowUpStatus | null;
}

@ArgsType()
export class EvaluationsArgs extends PageArgs {
  @Field(() => EvaluationWhere, { nullable: true, description: 'Filters.' })
  where?: EvaluationWhere | null;

  @Field(() => EvaluationOrdering.Order, { nullable: true, description: 'Order of the results (default: by id, which is stable but arbitrary).' })
  orderBy?: InstanceType<typeof EvaluationOrdering.Order> | null;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectWhere, { nullable: true, description: 'Filters.' })
  where?: ProjectWhere | null;

  @Field(() => ProjectOrdering.Order, { nullable: true, description: 'Order of the results (default: by id, which is stable but arbitrary).' })
  orderBy?: InstanceType<typeof ProjectOrdering.Order> | null;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationWhere, { nullable: true, description: 'Filters.' })
  where?: OrganizationWhere | null;

  @Field(() => OrganizationOrdering.Order, { nullable: true, description: 'Order of the results (default: by id, which is stable but arbitrary).' })
  orderBy?: InstanceType<typeof OrganizationOrdering.Order> | null;
}

@ArgsType()
export class RecommendationsArgs extends PageArgs {
  @Field(() => RecommendationWhere, { nullable: true, description: 'Filters.' })
  where?: RecommendationWhere | null;

  @Field(() => RecommendationOrdering.Order, { nullable: true, description: 'Order of the results (default: by id, which is stable but arbitrary).' })
  orderBy?: InstanceType<typeof RecommendationOrdering.Order> | null;
}
