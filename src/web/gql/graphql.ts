/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Status of a follow-up action. */
export type ActionStatus =
  /** Done. */
  | 'COMPLETED'
  /** Under way. */
  | 'INITIATED'
  /** Not started. */
  | 'NOT_STARTED'
  /** No longer applicable. */
  | 'NO_LONGER_APPLICABLE';

/** Filters for evaluations; all given filters must match. */
export type EvaluationWhere = {
  /** Further filters that must all match too, to ask for two values of one field: `and: [{ country: "Peru" }, { country: "Bolivia" }]` (evaluations covering both). */
  and?: Array<EvaluationWhere> | null | undefined;
  /** A country the evaluation or its project covers: name, official name or ISO code ("Worldwide" for global evaluations). */
  country?: string | null | undefined;
  /** One of IOM's cross-cutting themes, e.g. "Gender". */
  crossCuttingTheme?: string | null | undefined;
  /** A donor of the evaluation or a funder of its project: name, acronym or alias, e.g. "IOM Development Fund". */
  donor?: string | null | undefined;
  /** Who evaluated: "External", "Internal", "Joint"... */
  evaluatorType?: string | null | undefined;
  /** Final report on or after this date. */
  finalReportDateFrom?: string | null | undefined;
  /** Final report on or before this date. */
  finalReportDateTo?: string | null | undefined;
  /** Only these (global ids). */
  ids?: Array<string | number> | null | undefined;
  /** A language the report is available in, e.g. "Spanish". */
  language?: string | null | undefined;
  /** Level: "Decentralized", "Centralized" or "Other". */
  level?: string | null | undefined;
  /** The evaluated project's type, e.g. "Migration policy" (case-insensitive). */
  projectType?: string | null | undefined;
  /** Only evaluations that rated a criterion within a range of scores. */
  rating?: RatingRange | null | undefined;
  /** A region the evaluation covers, as IOM names its regional offices, e.g. "RO for Latin America and the Caribbean", or "Global". */
  region?: string | null | undefined;
  /** What was evaluated, as the catalogue words it: "Programme/Project", "Thematic", "Strategy", "Policy"... */
  scope?: string | null | undefined;
  /** Stage: ex-post, final, mid-term or baseline. */
  stage?: string | null | undefined;
  /** Case- and accent-insensitive text matched against names, acronyms, aliases, titles, codes and text. */
  text?: string | null | undefined;
  /** One of IOM's migration thematic areas, e.g. "Counter trafficking". */
  thematicArea?: string | null | undefined;
  /** When it took place: a stage (ex-post, final, mid-term, real-time, baseline) or the catalogue's wording, e.g. "Not applicable". */
  timing?: string | null | undefined;
  /** Year of the evaluation (the catalogue's year, else that of the final report). */
  year?: number | null | undefined;
  /** Year on or after this one. */
  yearFrom?: number | null | undefined;
  /** Year on or before this one. */
  yearTo?: number | null | undefined;
};

/** Overall follow-up status of a recommendation, derived from its response and actions. */
export type FollowUpStatus =
  /** Every applicable action is done. */
  | 'COMPLETED'
  /** Some action under way or done. */
  | 'INITIATED'
  /** No action under way yet. */
  | 'NOT_STARTED'
  /** Every action is no longer applicable, or the recommendation was rejected and has no action. */
  | 'NO_LONGER_APPLICABLE'
  /** An action not yet completed is past its due date. */
  | 'OVERDUE';

/** Management's response to a recommendation. */
export type ManagementResponse =
  /** Accepted. */
  | 'ACCEPTED'
  /** Partially accepted. */
  | 'PARTIALLY_ACCEPTED'
  /** Rejected. */
  | 'REJECTED';

/** What kind of body an organisation is. */
export type OrganizationKind =
  /** A civil-society or non-governmental organisation. */
  | 'CIVIL_SOCIETY'
  /** A country office of an international organisation (e.g. IOM Bolivia). */
  | 'COUNTRY_OFFICE'
  /** A fund that finances and commissions projects (e.g. the IOM Development Fund). */
  | 'DONOR_FUND'
  /** A consultancy that conducts evaluations. */
  | 'EVALUATION_FIRM'
  /** A government agency, unit or institute other than a ministry. */
  | 'GOVERNMENT_AGENCY'
  /** An intergovernmental organisation such as IOM. */
  | 'INTERGOVERNMENTAL_ORGANIZATION'
  /** A government ministry. */
  | 'MINISTRY'
  /** A group of units addressed together (e.g. all IOM units implementing IDF projects). */
  | 'ORGANIZATIONAL_GROUP'
  /** Any other kind of organisation. */
  | 'OTHER'
  /** A research institute, often part of a university. */
  | 'RESEARCH_INSTITUTE'
  /** A national statistics office. */
  | 'STATISTICS_OFFICE'
  /** A university. */
  | 'UNIVERSITY';

/** Evaluations whose rating on a criterion lies within a range. */
export type RatingRange = {
  /** The criterion, e.g. "Relevance" (case-insensitive). */
  criterion: string;
  /** Highest score (inclusive). */
  max?: number | null | undefined;
  /** Lowest score (inclusive). */
  min?: number | null | undefined;
};

/** A way an organisation takes part in projects and evaluations. A role that comes through an evaluation (DONOR, COMMISSIONER, EVALUATOR, AUDIENCE, EMPLOYER) is on each project the evaluation evaluated, or on the evaluation alone when it evaluated none. */
export type Role =
  /** A recommendation of an evaluation is addressed to it. */
  | 'AUDIENCE'
  /** Commissioned an evaluation. */
  | 'COMMISSIONER'
  /** Donor of what an evaluation evaluated, as the evaluation repository names it. */
  | 'DONOR'
  /** Employs an evaluator or the manager of an evaluation. */
  | 'EMPLOYER'
  /** Conducted an evaluation. */
  | 'EVALUATION_FIRM'
  /** Conducted an evaluation (an evaluation firm, or an evaluation office). */
  | 'EVALUATOR'
  /** Funded a project (a brief names it as the project's donor). */
  | 'FUNDER'
  /** Implemented a project. */
  | 'IMPLEMENTER'
  /** Parent body of another organisation (its unit). */
  | 'PARENT'
  /** Partner institution of a project (see `lead`). */
  | 'PARTNER'
  /** Unit of, or linked to, another organisation (its parent). */
  | 'UNIT';

/** Kinds of object full-text search covers. */
export type SearchType =
  /** Conclusions. */
  | 'CONCLUSION'
  /** Evaluations (title, type, purpose, key findings, and their projects' codes and titles); listed by `searchResults`, not by the full-text `search`. */
  | 'EVALUATION'
  /** Findings (heading and text). */
  | 'FINDING'
  /** Organisations (names, acronym, local name, aliases). */
  | 'ORGANIZATION'
  /** Projects (code, title, summary). */
  | 'PROJECT'
  /** Recommendations (their text). */
  | 'RECOMMENDATION';

/** Kinds of names suggestions are drawn from. */
export type SuggestionKind =
  /** Countries: name, official name, ISO code. */
  | 'COUNTRY'
  /** Evaluation criteria. */
  | 'CRITERION'
  /** Organisations: name, acronym, local name, aliases (donors and audiences are organisations). */
  | 'ORGANIZATION'
  /** Projects: code and title. */
  | 'PROJECT'
  /** Regions. */
  | 'REGION'
  /** Themes: curated recommendation themes and IOM thematic areas and cross-cutting themes, with their synonyms. */
  | 'THEME';

export type FindOrganizationsQueryVariables = Exact<{
  text: string;
  skipSuggestions: boolean;
}>;


export type FindOrganizationsQuery = { organizations: { totalCount: number, edges: Array<{ node: { id: string, name: string, acronym: string | null, country: string | null } }> }, suggestions?: Array<{ label: string, node:
      | { __typename: 'ChangeEvent', id: string }
      | { __typename: 'Conclusion', id: string }
      | { __typename: 'Country', id: string }
      | { __typename: 'Criterion', id: string }
      | { __typename: 'Document', id: string }
      | { __typename: 'Evaluation', id: string }
      | { __typename: 'Finding', id: string }
      | { __typename: 'FollowUpAction', id: string }
      | { __typename: 'Organization', name: string, acronym: string | null, id: string }
      | { __typename: 'Output', id: string }
      | { __typename: 'Person', id: string }
      | { __typename: 'Project', id: string }
      | { __typename: 'Recommendation', id: string }
      | { __typename: 'Region', id: string }
      | { __typename: 'SourceDocument', id: string }
      | { __typename: 'Theme', id: string }
     }> };

export type EvaluationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type EvaluationPageQuery = { evaluation: { id: string, title: string, type: string | null, stage: string | null, year: number | null, timing: string | null, scope: Array<string>, level: string | null, evaluatorType: string | null, coverage: string | null, languages: Array<string>, publicationDate: string | null, finalReportDate: string | null, purpose: string | null, intendedUsers: string | null, methodology: Array<string>, keyFindings: Array<string>, lessonsLearned: Array<string>, hasBrief: boolean | null, hasManagementResponse: boolean | null, hasTermsOfReference: boolean | null, period: { from: string | null, to: string | null } | null, fieldVisits: { from: string | null, to: string | null } | null, countries: Array<{ name: string }>, regions: Array<{ name: string }>, donors: Array<{ id: string, name: string, acronym: string | null }>, commissioners: Array<{ id: string, name: string, acronym: string | null }>, evaluators: Array<{ name: string, title: string | null, organization: { id: string, name: string, acronym: string | null } | null }>, evaluationFirms: Array<{ id: string, name: string, acronym: string | null }>, managedBy: { name: string, title: string | null, organization: { id: string, name: string, acronym: string | null } | null } | null, thematicAreas: Array<{ name: string }>, crossCuttingThemes: Array<{ name: string }>, projects: Array<{ id: string, code: string | null, title: string | null, type: string | null, countries: Array<{ name: string }> }>, criteria: Array<{ name: string }>, findings: Array<{ id: string, title: string, summary: string, criterion: { name: string }, rating: { score: number, label: string, scaleMax: number | null } | null }>, conclusions: Array<{ id: string, text: string }>, recommendations: Array<{ id: string, code: string, text: string, theme: { name: string } | null, audiences: Array<{ id: string, name: string, acronym: string | null }>, followUp: { status: FollowUpStatus, response: ManagementResponse | null } }>, documents: Array<{ url: string, subtype: string | null, description: string | null }> } | null };

export type OrganizationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationPageQuery = { organization: { id: string, name: string, acronym: string | null, localName: string | null, aliases: Array<string>, kind: OrganizationKind, country: string | null, parentRelation: string | null, parent: { id: string, name: string, acronym: string | null, parent: { id: string, name: string, acronym: string | null, parent: { id: string, name: string, acronym: string | null } | null } | null } | null, units: Array<{ id: string, name: string, acronym: string | null }>, roles: Array<{ role: Role, lead: boolean | null, project: { id: string, code: string | null, title: string | null } | null, evaluation: { id: string, title: string, year: number | null } | null, recommendation: { id: string, code: string } | null, person: { name: string } | null, organization: { id: string, name: string, acronym: string | null } | null }>, collaborators: Array<{ sharedProjectCount: number, organization: { id: string, name: string, acronym: string | null, kind: OrganizationKind }, projects: Array<{ roles: Array<Role>, theirRoles: Array<Role>, project: { id: string, code: string | null, title: string | null } }> }> } | null };

export type OrganizationNetworkQueryVariables = Exact<{
  id: string | number;
  depth: number;
  maxNodes: number;
}>;


export type OrganizationNetworkQuery = { stakeholderNetwork: { nodeCap: number, truncated: boolean, omittedNodes: number, nodes: Array<{ id: string, label: string, name: string, kind: string | null, hop: number, node:
        | { __typename: 'ChangeEvent' }
        | { __typename: 'Conclusion' }
        | { __typename: 'Country' }
        | { __typename: 'Criterion' }
        | { __typename: 'Document' }
        | { __typename: 'Evaluation' }
        | { __typename: 'Finding' }
        | { __typename: 'FollowUpAction' }
        | { __typename: 'Organization', name: string, acronym: string | null }
        | { __typename: 'Output' }
        | { __typename: 'Person' }
        | { __typename: 'Project', code: string | null, title: string | null }
        | { __typename: 'Recommendation' }
        | { __typename: 'Region' }
        | { __typename: 'SourceDocument' }
        | { __typename: 'Theme' }
       }>, edges: Array<{ source: string, target: string, type: string, properties: { roles: Array<Role>, lead: boolean } }> } };

export type StakeholderPathsQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  maxHops: number;
}>;


export type StakeholderPathsQuery = { stakeholderPaths: Array<{ length: number, nodes: Array<{ id: string, label: string, name: string, kind: string | null, node:
        | { __typename: 'ChangeEvent' }
        | { __typename: 'Conclusion' }
        | { __typename: 'Country' }
        | { __typename: 'Criterion' }
        | { __typename: 'Document' }
        | { __typename: 'Evaluation' }
        | { __typename: 'Finding' }
        | { __typename: 'FollowUpAction' }
        | { __typename: 'Organization', name: string, acronym: string | null }
        | { __typename: 'Output' }
        | { __typename: 'Person' }
        | { __typename: 'Project', code: string | null, title: string | null }
        | { __typename: 'Recommendation' }
        | { __typename: 'Region' }
        | { __typename: 'SourceDocument' }
        | { __typename: 'Theme' }
       }>, edges: Array<{ type: string, properties: { roles: Array<Role>, lead: boolean } }> }> };

export type OverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewQuery = { evaluations: { totalCount: number }, projects: { totalCount: number }, organizations: { totalCount: number }, recommendations: { totalCount: number }, evaluationFacets: { totalCount: number, year: Array<{ value: string, label: string | null, count: number }>, country: Array<{ value: string, label: string | null, count: number }>, region: Array<{ value: string, label: string | null, count: number }> }, criteria: Array<{ id: string, name: string, ratingSummary: { count: number, average: number | null, unrated: number, distribution: Array<{ score: number, count: number, labels: Array<string> }> } }> };

export type ProjectPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ProjectPageQuery = { project: { id: string, code: string | null, title: string | null, type: string | null, summary: string | null, coverage: string | null, startDate: string | null, endDate: string | null, costExtensions: number | null, extensionMonths: number | null, budget: { amount: number, currency: string } | null, countries: Array<{ name: string }>, implementer: { id: string, name: string, acronym: string | null } | null, funders: Array<{ id: string, name: string, acronym: string | null }>, partners: Array<{ lead: boolean, role: string | null, organization: { id: string, name: string, acronym: string | null, kind: OrganizationKind } }>, outputs: Array<{ id: string, title: string, description: string | null, component: number | null }>, evaluations: Array<{ id: string, title: string, year: number | null, stage: string | null }> } | null };

export type RecommendationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type RecommendationPageQuery = { node:
    | { __typename: 'ChangeEvent' }
    | { __typename: 'Conclusion' }
    | { __typename: 'Country' }
    | { __typename: 'Criterion' }
    | { __typename: 'Document' }
    | { __typename: 'Evaluation' }
    | { __typename: 'Finding' }
    | { __typename: 'FollowUpAction' }
    | { __typename: 'Organization' }
    | { __typename: 'Output' }
    | { __typename: 'Person' }
    | { __typename: 'Project' }
    | { __typename: 'Recommendation', id: string, code: string, text: string, themeLabel: string | null, theme: { name: string, broader: { name: string } | null } | null, audiences: Array<{ id: string, name: string, acronym: string | null }>, evaluation: { id: string, title: string, year: number | null } | null, project: { id: string, code: string | null, title: string | null, implementer: { id: string, name: string, acronym: string | null } | null } | null, related: Array<{ score: number, reasons: Array<string>, recommendation: { id: string, code: string, text: string, evaluation: { id: string, title: string, year: number | null } | null, project: { code: string | null, title: string | null } | null } }>, followUp: { status: FollowUpStatus, response: ManagementResponse | null, responseText: string | null, respondedAt: string | null, actions: Array<{ id: string, description: string, dueDate: string | null, status: string, note: string | null, createdAt: string, updatedAt: string, responsible: { id: string, name: string, acronym: string | null } | null }>, history: Array<{ at: string, actor: string, action: string, details: string }> } }
    | { __typename: 'Region' }
    | { __typename: 'SourceDocument' }
    | { __typename: 'Theme' }
   | null };

export type RespondMutationVariables = Exact<{
  id: string | number;
  response: ManagementResponse;
  text?: string | null | undefined;
}>;


export type RespondMutation = { respondToRecommendation: { id: string } };

export type AddActionMutationVariables = Exact<{
  recommendationId: string | number;
  description: string;
  responsible: string | number;
  dueDate?: string | null | undefined;
}>;


export type AddActionMutation = { addFollowUpAction: { id: string, status: string } };

export type UpdateActionMutationVariables = Exact<{
  id: string | number;
  status: ActionStatus;
  note?: string | null | undefined;
}>;


export type UpdateActionMutation = { updateFollowUpAction: { id: string, status: string } };

export type SearchQueryVariables = Exact<{
  query?: string | null | undefined;
  types?: Array<SearchType> | SearchType | null | undefined;
  where?: EvaluationWhere | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchQuery = { searchResults: { totalCount: number, countsByType: Array<{ type: SearchType, count: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { type: SearchType, score: number, snippet: string, node:
          | { __typename: 'ChangeEvent', id: string }
          | { __typename: 'Conclusion', text: string, id: string, evaluation: { id: string, title: string, year: number | null } | null }
          | { __typename: 'Country', id: string }
          | { __typename: 'Criterion', id: string }
          | { __typename: 'Document', id: string }
          | { __typename: 'Evaluation', title: string, year: number | null, timing: string | null, stage: string | null, id: string, countries: Array<{ name: string }>, projects: Array<{ countries: Array<{ name: string }> }> }
          | { __typename: 'Finding', title: string, summary: string, id: string, criterion: { name: string }, rating: { score: number, label: string } | null, evaluation: { id: string, title: string, year: number | null } | null }
          | { __typename: 'FollowUpAction', id: string }
          | { __typename: 'Organization', name: string, acronym: string | null, kind: OrganizationKind, country: string | null, id: string }
          | { __typename: 'Output', id: string }
          | { __typename: 'Person', id: string }
          | { __typename: 'Project', type: string | null, id: string, projectCode: string | null, projectTitle: string | null, countries: Array<{ name: string }> }
          | { __typename: 'Recommendation', code: string, text: string, id: string, theme: { name: string } | null, evaluation: { id: string, title: string, year: number | null } | null }
          | { __typename: 'Region', id: string }
          | { __typename: 'SourceDocument', id: string }
          | { __typename: 'Theme', id: string }
         } }>, facets: { totalCount: number, year: Array<{ value: string, label: string | null, count: number }>, country: Array<{ value: string, label: string | null, count: number }>, region: Array<{ value: string, label: string | null, count: number }>, donor: Array<{ value: string, label: string | null, count: number }>, thematicArea: Array<{ value: string, label: string | null, count: number }>, crossCuttingTheme: Array<{ value: string, label: string | null, count: number }>, scope: Array<{ value: string, label: string | null, count: number }>, timing: Array<{ value: string, label: string | null, count: number }>, level: Array<{ value: string, label: string | null, count: number }>, rating: Array<{ value: string, label: string | null, count: number, criterion: string, score: number }> } } };

export type SuggestionsQueryVariables = Exact<{
  text: string;
}>;


export type SuggestionsQuery = { suggestions: Array<{ kind: SuggestionKind, value: string, label: string, similarity: number, node:
      | { __typename: 'ChangeEvent', id: string }
      | { __typename: 'Conclusion', id: string }
      | { __typename: 'Country', id: string }
      | { __typename: 'Criterion', id: string }
      | { __typename: 'Document', id: string }
      | { __typename: 'Evaluation', id: string }
      | { __typename: 'Finding', id: string }
      | { __typename: 'FollowUpAction', id: string }
      | { __typename: 'Organization', id: string }
      | { __typename: 'Output', id: string }
      | { __typename: 'Person', id: string }
      | { __typename: 'Project', id: string }
      | { __typename: 'Recommendation', id: string }
      | { __typename: 'Region', id: string }
      | { __typename: 'SourceDocument', id: string }
      | { __typename: 'Theme', id: string }
     }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const FindOrganizationsDocument = new TypedDocumentString(`
    query FindOrganizations($text: String!, $skipSuggestions: Boolean!) {
  organizations(
    first: 8
    where: {text: $text}
    orderBy: {field: NAME, direction: ASC}
  ) {
    totalCount
    edges {
      node {
        id
        name
        acronym
        country
      }
    }
  }
  suggestions(text: $text, kinds: [ORGANIZATION], first: 5) @skip(if: $skipSuggestions) {
    label
    node {
      __typename
      id
      ... on Organization {
        name
        acronym
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FindOrganizationsQuery, FindOrganizationsQueryVariables>;
export const EvaluationPageDocument = new TypedDocumentString(`
    query EvaluationPage($id: ID!) {
  evaluation(id: $id) {
    id
    title
    type
    stage
    year
    timing
    scope
    level
    evaluatorType
    coverage
    languages
    publicationDate
    finalReportDate
    period {
      from
      to
    }
    fieldVisits {
      from
      to
    }
    purpose
    intendedUsers
    methodology
    keyFindings
    lessonsLearned
    hasBrief
    hasManagementResponse
    hasTermsOfReference
    countries {
      name
    }
    regions {
      name
    }
    donors {
      id
      name
      acronym
    }
    commissioners {
      id
      name
      acronym
    }
    evaluators {
      name
      title
      organization {
        id
        name
        acronym
      }
    }
    evaluationFirms {
      id
      name
      acronym
    }
    managedBy {
      name
      title
      organization {
        id
        name
        acronym
      }
    }
    thematicAreas {
      name
    }
    crossCuttingThemes {
      name
    }
    projects {
      id
      code
      title
      type
      countries {
        name
      }
    }
    criteria {
      name
    }
    findings {
      id
      title
      summary
      criterion {
        name
      }
      rating {
        score
        label
        scaleMax
      }
    }
    conclusions {
      id
      text
    }
    recommendations {
      id
      code
      text
      theme {
        name
      }
      audiences {
        id
        name
        acronym
      }
      followUp {
        status
        response
      }
    }
    documents {
      url
      subtype
      description
    }
  }
}
    `) as unknown as TypedDocumentString<EvaluationPageQuery, EvaluationPageQueryVariables>;
export const OrganizationPageDocument = new TypedDocumentString(`
    query OrganizationPage($id: ID!) {
  organization(id: $id) {
    id
    name
    acronym
    localName
    aliases
    kind
    country
    parentRelation
    parent {
      id
      name
      acronym
      parent {
        id
        name
        acronym
        parent {
          id
          name
          acronym
        }
      }
    }
    units {
      id
      name
      acronym
    }
    roles {
      role
      lead
      project {
        id
        code
        title
      }
      evaluation {
        id
        title
        year
      }
      recommendation {
        id
        code
      }
      person {
        name
      }
      organization {
        id
        name
        acronym
      }
    }
    collaborators(first: 25) {
      organization {
        id
        name
        acronym
        kind
      }
      sharedProjectCount
      projects {
        project {
          id
          code
          title
        }
        roles
        theirRoles
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationPageQuery, OrganizationPageQueryVariables>;
export const OrganizationNetworkDocument = new TypedDocumentString(`
    query OrganizationNetwork($id: ID!, $depth: Int!, $maxNodes: Int!) {
  stakeholderNetwork(organizationId: $id, depth: $depth, maxNodes: $maxNodes) {
    nodeCap
    truncated
    omittedNodes
    nodes {
      id
      label
      name
      kind
      hop
      node {
        __typename
        ... on Project {
          code
          title
        }
        ... on Organization {
          name
          acronym
        }
      }
    }
    edges {
      source
      target
      type
      properties {
        roles
        lead
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationNetworkQuery, OrganizationNetworkQueryVariables>;
export const StakeholderPathsDocument = new TypedDocumentString(`
    query StakeholderPaths($from: ID!, $to: ID!, $maxHops: Int!) {
  stakeholderPaths(from: $from, to: $to, maxHops: $maxHops, first: 5) {
    length
    nodes {
      id
      label
      name
      kind
      node {
        __typename
        ... on Project {
          code
          title
        }
        ... on Organization {
          name
          acronym
        }
      }
    }
    edges {
      type
      properties {
        roles
        lead
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StakeholderPathsQuery, StakeholderPathsQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview {
  evaluations(first: 1) {
    totalCount
  }
  projects(first: 1) {
    totalCount
  }
  organizations(first: 1) {
    totalCount
  }
  recommendations(first: 1) {
    totalCount
  }
  evaluationFacets {
    totalCount
    year {
      value
      label
      count
    }
    country {
      value
      label
      count
    }
    region {
      value
      label
      count
    }
  }
  criteria {
    id
    name
    ratingSummary {
      count
      average
      unrated
      distribution {
        score
        count
        labels
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const ProjectPageDocument = new TypedDocumentString(`
    query ProjectPage($id: ID!) {
  project(id: $id) {
    id
    code
    title
    type
    summary
    coverage
    startDate
    endDate
    costExtensions
    extensionMonths
    budget {
      amount
      currency
    }
    countries {
      name
    }
    implementer {
      id
      name
      acronym
    }
    funders {
      id
      name
      acronym
    }
    partners {
      lead
      role
      organization {
        id
        name
        acronym
        kind
      }
    }
    outputs {
      id
      title
      description
      component
    }
    evaluations {
      id
      title
      year
      stage
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectPageQuery, ProjectPageQueryVariables>;
export const RecommendationPageDocument = new TypedDocumentString(`
    query RecommendationPage($id: ID!) {
  node(id: $id) {
    __typename
    ... on Recommendation {
      id
      code
      text
      themeLabel
      theme {
        name
        broader {
          name
        }
      }
      audiences {
        id
        name
        acronym
      }
      evaluation {
        id
        title
        year
      }
      project {
        id
        code
        title
        implementer {
          id
          name
          acronym
        }
      }
      related(first: 10) {
        score
        reasons
        recommendation {
          id
          code
          text
          evaluation {
            id
            title
            year
          }
          project {
            code
            title
          }
        }
      }
      followUp {
        status
        response
        responseText
        respondedAt
        actions {
          id
          description
          dueDate
          status
          note
          createdAt
          updatedAt
          responsible {
            id
            name
            acronym
          }
        }
        history {
          at
          actor
          action
          details
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecommendationPageQuery, RecommendationPageQueryVariables>;
export const RespondDocument = new TypedDocumentString(`
    mutation Respond($id: ID!, $response: ManagementResponse!, $text: String) {
  respondToRecommendation(id: $id, response: $response, text: $text) {
    id
  }
}
    `) as unknown as TypedDocumentString<RespondMutation, RespondMutationVariables>;
export const AddActionDocument = new TypedDocumentString(`
    mutation AddAction($recommendationId: ID!, $description: String!, $responsible: ID!, $dueDate: Date) {
  addFollowUpAction(
    recommendationId: $recommendationId
    description: $description
    responsible: $responsible
    dueDate: $dueDate
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AddActionMutation, AddActionMutationVariables>;
export const UpdateActionDocument = new TypedDocumentString(`
    mutation UpdateAction($id: ID!, $status: ActionStatus!, $note: String) {
  updateFollowUpAction(id: $id, status: $status, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<UpdateActionMutation, UpdateActionMutationVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String, $types: [SearchType!], $where: EvaluationWhere, $first: Int, $after: String) {
  searchResults(
    query: $query
    types: $types
    where: $where
    first: $first
    after: $after
  ) {
    totalCount
    countsByType {
      type
      count
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        type
        score
        snippet
        node {
          __typename
          id
          ... on Evaluation {
            title
            year
            timing
            stage
            countries {
              name
            }
            projects {
              countries {
                name
              }
            }
          }
          ... on Recommendation {
            code
            text
            theme {
              name
            }
            evaluation {
              id
              title
              year
            }
          }
          ... on Finding {
            title
            summary
            criterion {
              name
            }
            rating {
              score
              label
            }
            evaluation {
              id
              title
              year
            }
          }
          ... on Conclusion {
            text
            evaluation {
              id
              title
              year
            }
          }
          ... on Project {
            projectCode: code
            projectTitle: title
            type
            countries {
              name
            }
          }
          ... on Organization {
            name
            acronym
            kind
            country
          }
        }
      }
    }
    facets {
      totalCount
      year {
        value
        label
        count
      }
      country {
        value
        label
        count
      }
      region {
        value
        label
        count
      }
      donor {
        value
        label
        count
      }
      thematicArea {
        value
        label
        count
      }
      crossCuttingTheme {
        value
        label
        count
      }
      scope {
        value
        label
        count
      }
      timing {
        value
        label
        count
      }
      level {
        value
        label
        count
      }
      rating {
        value
        label
        count
        criterion
        score
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const SuggestionsDocument = new TypedDocumentString(`
    query Suggestions($text: String!) {
  suggestions(text: $text, first: 5) {
    kind
    value
    label
    similarity
    node {
      __typename
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SuggestionsQuery, SuggestionsQueryVariables>;