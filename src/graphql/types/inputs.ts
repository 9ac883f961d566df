import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { PageArgs } from '../connection.js';
import { OrganizationKind } from './entities.js';
import type { OrganizationKind as Kind } from '../../domain/record.js';

const TEXT = 'Case- and accent-insensitive text matched against names, acronyms, aliases, titles, codes and text.';

@InputType('EvaluationWhere', { description: 'Filters for evaluations; all given filters must match.' })
export class EvaluationWhere {
  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'Stage: ex-post, final, mid-term or baseline.' })
  stage?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of the final report.' })
  year?: number | null;
}

@InputType('ProjectWhere', { description: 'Filters for projects; all given filters must match.' })
export class ProjectWhere {
  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'Project type, e.g. "Migration policy" (case-insensitive).' })
  type?: string | null;

  @Field(() => String, { nullable: true, description: 'Country covered: name, official name or ISO code.' })
  country?: string | null;
}

@InputType('OrganizationWhere', { description: 'Filters for organisations; all given filters must match.' })
export class OrganizationWhere {
  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'Kind of organisation.' })
  kind?: Kind | null;
}

@InputType('RecommendationWhere', { description: 'Filters for recommendations; all given filters must match.' })
export class RecommendationWhere {
  @Field(() => String, { nullable: true, description: TEXT })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'Theme name, e.g. "Record keeping" (case-insensitive).' })
  theme?: string | null;

  @Field(() => String, { nullable: true, description: 'Audience: acronym, name, local name or alias of an organisation the recommendation is addressed to.' })
  audience?: string | null;
}

@ArgsType()
export class EvaluationsArgs extends PageArgs {
  @Field(() => EvaluationWhere, { nullable: true, description: 'Filters.' })
  where?: EvaluationWhere | null;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectWhere, { nullable: true, description: 'Filters.' })
  where?: ProjectWhere | null;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationWhere, { nullable: true, description: 'Filters.' })
  where?: OrganizationWhere | null;
}

@ArgsType()
export class RecommendationsArgs extends PageArgs {
  @Field(() => RecommendationWhere, { nullable: true, description: 'Filters.' })
  where?: RecommendationWhere | null;
}
