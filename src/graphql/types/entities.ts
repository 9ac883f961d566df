/**
 * GraphQL object types for the graph's entities. Scalar fields are read from the node's
 * properties when the object is built; relationship fields are resolved in the resolver
 * classes through the request's DataLoaders.
 */
import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import type { GraphNode, Props } from '../../domain/model.js';
import { ORGANIZATION_KINDS } from '../../domain/record.js';
import { toGlobalId } from '../globalId.js';
import { DateScalar } from '../scalars.js';
import { enumOf } from './enumOf.js';

const str = (p: Props, k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
const num = (p: Props, k: string) => (typeof p[k] === 'number' ? (p[k] as number) : null);
const strs = (p: Props, k: string) => (Array.isArray(p[k]) ? [...(p[k] as readonly string[])] : []);

export const OrganizationKind = enumOf(ORGANIZATION_KINDS);
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of body an organisation is.',
  valuesConfig: {
    INTERGOVERNMENTAL_ORGANIZATION: { description: 'An intergovernmental organisation such as IOM.' },
    COUNTRY_OFFICE: { description: "A country office of an international organisation (e.g. IOM Bolivia)." },
    DONOR_FUND: { description: 'A fund that finances and commissions projects (e.g. the IOM Development Fund).' },
    GOVERNMENT_AGENCY: { description: 'A government agency, unit or institute other than a ministry.' },
    MINISTRY: { description: 'A government ministry.' },
    STATISTICS_OFFICE: { description: 'A national statistics office.' },
    UNIVERSITY: { description: 'A university.' },
    RESEARCH_INSTITUTE: { description: 'A research institute, often part of a university.' },
    CIVIL_SOCIETY: { description: 'A civil-society or non-governmental organisation.' },
    EVALUATION_FIRM: { description: 'A consultancy that conducts evaluations.' },
    ORGANIZATIONAL_GROUP: { description: 'A group of units addressed together (e.g. all IOM units implementing IDF projects).' },
    OTHER: { description: 'Any other kind of organisation.' },
  },
});

/** Anything with a global id that `Query.node(id:)` can fetch. */
@InterfaceType('Node', { description: 'An object with an opaque global id that `Query.node(id:)` resolves.' })
export abstract class Node {
  /** The internal node id (`<prefix>:<key>`); not exposed. */
  nodeId!: string;

  @Field(() => ID, { description: 'Opaque global id of the object.' })
  get id(): string {
    return toGlobalId(this.nodeId);
  }
}

function build<T extends Node>(instance: T, node: GraphNode, fields: Partial<T>): T {
  return Object.assign(instance, fields, { nodeId: node.id });
}

@ObjectType('Money', { simpleResolvers: true, description: 'An amount of money in a currency.' })
export class Money {
  @Field(() => Float, { description: 'The amount, in units of the currency.' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 currency code, e.g. USD.' })
  currency!: string;
}

@ObjectType('Rating', { simpleResolvers: true, description: "An evaluator's rating of a criterion." })
export class Rating {
  @Field(() => Int, { description: 'The score, e.g. 4 for "Very Good".' })
  score!: number;

  @Field(() => String, { description: 'The rating as worded in the evaluation, e.g. "Very Good".' })
  label!: string;

  @Field(() => Int, { nullable: true, description: 'Highest score of the rating scale, when the evaluation states it.' })
  scaleMax!: number | null;
}

@ObjectType('DateRange', { simpleResolvers: true, description: 'A period: from one day to another (either end may be unknown).' })
export class DateRange {
  @Field(() => DateScalar, { nullable: true, description: 'First day.' })
  from!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day.' })
  to!: string | null;
}

const dateRange = (p: Props, from: string, to: string) => (str(p, from) || str(p, to) ? Object.assign(new DateRange(), { from: str(p, from), to: str(p, to) }) : null);
const bool = (p: Props, k: string) => (typeof p[k] === 'boolean' ? (p[k] as boolean) : null);

@ObjectType('Evaluation', { simpleResolvers: true, implements: Node, description: 'An evaluation of a project, programme, policy, strategy or theme, as its brief and the evaluation repository describe it.' })
export class Evaluation extends Node {
  @Field(() => String, { description: 'Title of the evaluation.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Type of evaluation as worded in the brief, e.g. "External independent ex-post evaluation"; null when no brief states it.' })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'Stage read from the type or timing: ex-post, final, mid-term, baseline or real-time; null when neither names one.' })
  stage!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of the evaluation (the evaluation repository\'s year, else that of the final report).' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'When it took place, as the evaluation repository words it, e.g. "Final (at the end of the project/programme)".' })
  timing!: string | null;

  @Field(() => [String], { description: 'What was evaluated: "Programme/Project", "Thematic", "Strategy", "Policy"...' })
  scope!: string[];

  @Field(() => String, { nullable: true, description: '"Decentralized", "Centralized" or "Other".' })
  level!: string | null;

  @Field(() => String, { nullable: true, description: 'Who evaluated: "External", "Internal", "Joint"...' })
  evaluatorType!: string | null;

  @Field(() => String, { nullable: true, description: 'Geographical coverage: "Country", "Multi-country", "Regional" or "Global".' })
  coverage!: string | null;

  @Field(() => [String], { description: 'Languages the report is available in.' })
  languages!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Date the report was published.' })
  publicationDate!: string | null;

  @Field(() => DateRange, { nullable: true, description: 'The period the evaluation covers.' })
  period!: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'When the evaluators visited the field.' })
  fieldVisits!: DateRange | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether an evaluation brief is available (per the evaluation repository).' })
  hasBrief!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether a management response is available.' })
  hasManagementResponse!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the terms of reference are available.' })
  hasTermsOfReference!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Who the evaluation brief was prepared for.' })
  intendedUsers!: string | null;

  @Field(() => String, { nullable: true, description: 'Purpose of the evaluation.' })
  purpose!: string | null;

  @Field(() => [String], { description: 'Methods used, e.g. "Document review".' })
  methodology!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Date of the final evaluation report.' })
  finalReportDate!: string | null;

  @Field(() => [String], { description: 'Key findings, one paragraph each.' })
  keyFindings!: string[];

  @Field(() => [String], { description: 'Lessons learned, when the evaluation states them.' })
  lessonsLearned!: string[];

  static from(node: GraphNode): Evaluation {
    const p = node.props;
    return build(new Evaluation(), node, {
      title: str(p, 'title') ?? '',
      type: str(p, 'type'),
      stage: str(p, 'stage'),
      year: num(p, 'year'),
      timing: str(p, 'timing'),
      scope: strs(p, 'scope'),
      level: str(p, 'level'),
      evaluatorType: str(p, 'evaluatorType'),
      coverage: str(p, 'coverage'),
      languages: strs(p, 'languages'),
      publicationDate: str(p, 'publicationDate'),
      period: dateRange(p, 'periodFrom', 'periodTo'),
      fieldVisits: dateRange(p, 'fieldVisitsFrom', 'fieldVisitsTo'),
      hasBrief: bool(p, 'hasBrief'),
      hasManagementResponse: bool(p, 'hasManagementResponse'),
      hasTermsOfReference: bool(p, 'hasTermsOfReference'),
      intendedUsers: str(p, 'intendedUsers'),
      purpose: str(p, 'purpose'),
      methodology: strs(p, 'methodology'),
      finalReportDate: str(p, 'finalReportDate'),
      keyFindings: strs(p, 'keyFindings'),
      lessonsLearned: strs(p, 'lessonsLearned'),
    });
  }
}

@ObjectType('Project', { simpleResolvers: true, implements: Node, description: 'An evaluated project.' })
export class Project extends Node {
  @Field(() => String, { nullable: true, description: 'Title of the project; null when no source names it (the evaluation repository gives only codes).' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Project code, e.g. "BO10P0001/CE.0350".' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Project type, e.g. "Migration policy".' })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'Summary of the project as the brief gives it.' })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'Geographical coverage as worded in the brief.' })
  coverage!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the project period.' })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the project period (including extensions).' })
  endDate!: string | null;

  @Field(() => Money, { nullable: true, description: 'Project budget.' })
  budget!: Money | null;

  @Field(() => Int, { nullable: true, description: 'Number of cost extensions granted.' })
  costExtensions!: number | null;

  @Field(() => Int, { nullable: true, description: 'Months the extensions added to the project period.' })
  extensionMonths!: number | null;

  @Field(() => String, { nullable: true, description: 'IOM\'s gender marker as the brief states it ("0", "1", "2a").' })
  genderMarker!: string | null;

  static from(node: GraphNode): Project {
    const p = node.props;
    const amount = num(p, 'budgetAmount');
    const currency = str(p, 'budgetCurrency');
    return build(new Project(), node, {
      title: str(p, 'title'),
      code: str(p, 'code'),
      type: str(p, 'type'),
      summary: str(p, 'summary'),
      coverage: str(p, 'coverage'),
      startDate: str(p, 'startDate'),
      endDate: str(p, 'endDate'),
      budget: amount !== null && currency !== null ? Object.assign(new Money(), { amount, currency }) : null,
      costExtensions: num(p, 'costExtensions'),
      extensionMonths: num(p, 'extensionMonths'),
      genderMarker: str(p, 'genderMarker'),
    });
  }
}

@ObjectType('Organization', { simpleResolvers: true, implements: Node, description: 'An institution: partner, implementer, funder, evaluation firm, audience of recommendations, or parent of one.' })
export class Organization extends Node {
  @Field(() => String, { description: 'Name in English (or as the brief gives it).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Acronym, e.g. "UDAPE".' })
  acronym!: string | null;

  @Field(() => String, { nullable: true, description: 'Name in the local language, e.g. "Instituto Nacional de Estadística".' })
  localName!: string | null;

  @Field(() => [String], { description: 'Other names the organisation is known by in the documents.' })
  aliases!: string[];

  @Field(() => OrganizationKind, { description: 'What kind of body it is.' })
  kind!: (typeof ORGANIZATION_KINDS)[number];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 code of the country a national body belongs to (INE of Bolivia "BO", INE of Paraguay "PY"); null for international bodies.' })
  country!: string | null;

  static from(node: GraphNode): Organization {
    const p = node.props;
    return build(new Organization(), node, {
      name: str(p, 'name') ?? '',
      acronym: str(p, 'acronym'),
      localName: str(p, 'localName'),
      aliases: strs(p, 'aliases'),
      kind: (str(p, 'kind') as Organization['kind'] | null) ?? 'OTHER',
      country: str(p, 'country'),
    });
  }
}

@ObjectType('Person', { simpleResolvers: true, implements: Node, description: 'A person named in an evaluation: an evaluator or an evaluation manager.' })
export class Person extends Node {
  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Job title, e.g. "Head of Mission".' })
  title!: string | null;

  static from(node: GraphNode): Person {
    return build(new Person(), node, { name: str(node.props, 'name') ?? '', title: str(node.props, 'title') });
  }
}

@ObjectType('Country', { simpleResolvers: true, implements: Node, description: 'A country (or "Worldwide", or a territory as IOM names it) a project or evaluation covers.' })
export class Country extends Node {
  @Field(() => String, { description: 'Short name, e.g. "Bolivia".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Official name, e.g. "Plurinational State of Bolivia".' })
  officialName!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, e.g. "BO"; null for "Worldwide".' })
  isoCode!: string | null;

  static from(node: GraphNode): Country {
    const p = node.props;
    return build(new Country(), node, { name: str(p, 'name') ?? '', officialName: str(p, 'officialName'), isoCode: str(p, 'isoCode') });
  }
}

@ObjectType('Output', { simpleResolvers: true, implements: Node, description: 'Something a project produced (a study, guidelines...).' })
export class Output extends Node {
  @Field(() => String, { description: 'Title of the output.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the output is.' })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of the project component that produced it.' })
  component!: number | null;

  static from(node: GraphNode): Output {
    const p = node.props;
    return build(new Output(), node, { title: str(p, 'title') ?? '', description: str(p, 'description'), component: num(p, 'component') });
  }
}

@ObjectType('Criterion', { simpleResolvers: true, implements: Node, description: 'An evaluation criterion (Relevance, Effectiveness, Efficiency, Impact, Sustainability...).' })
export class Criterion extends Node {
  @Field(() => String, { description: 'Name of the criterion.' })
  name!: string;

  static from(node: GraphNode): Criterion {
    return build(new Criterion(), node, { name: str(node.props, 'name') ?? '' });
  }
}

@ObjectType('Finding', { simpleResolvers: true, implements: Node, description: 'A finding of an evaluation on one criterion, with its rating.' })
export class Finding extends Node {
  @Field(() => String, { description: 'Heading of the finding in the brief, e.g. "Efficiency and Cost Effectiveness".' })
  title!: string;

  @Field(() => String, { description: 'The finding.' })
  summary!: string;

  static from(node: GraphNode): Finding {
    return build(new Finding(), node, { title: str(node.props, 'title') ?? '', summary: str(node.props, 'summary') ?? '' });
  }
}

@ObjectType('Conclusion', { simpleResolvers: true, implements: Node, description: 'A conclusion of an evaluation.' })
export class Conclusion extends Node {
  @Field(() => String, { description: 'The conclusion.' })
  text!: string;

  static from(node: GraphNode): Conclusion {
    return build(new Conclusion(), node, { text: str(node.props, 'text') ?? '' });
  }
}

@ObjectType('Theme', { simpleResolvers: true, implements: Node, description: 'A theme: of the curated taxonomy recommendations are filed under ("Approval processes"), or of IOM\'s migration thematic areas and cross-cutting themes evaluations are filed under ("Counter trafficking", "Gender").' })
export class Theme extends Node {
  @Field(() => String, { description: 'Canonical name of the theme.' })
  name!: string;

  @Field(() => String, { description: 'Which taxonomy it belongs to: "curated" (graph/themes.yaml) or "IOM" (the evaluation repository\'s thematic areas and cross-cutting themes).' })
  taxonomy!: string;

  @Field(() => [String], { description: 'Other wordings documents use for it (filed under this theme).' })
  synonyms!: string[];

  static from(node: GraphNode): Theme {
    return build(new Theme(), node, { name: str(node.props, 'name') ?? '', taxonomy: str(node.props, 'taxonomy') ?? 'curated', synonyms: strs(node.props, 'synonyms') });
  }
}

@ObjectType('Recommendation', { simpleResolvers: true, implements: Node, description: 'A recommendation of an evaluation, addressed to one or more organisations.' })
export class Recommendation extends Node {
  @Field(() => String, { description: 'Code of the recommendation in its evaluation: the theme letter or number, e.g. "A", or "E.2" when a theme has several.' })
  code!: string;

  @Field(() => String, { description: 'The recommendation.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'The theme as the source worded it, when it differs from the canonical theme it is filed under.' })
  themeLabel!: string | null;

  static from(node: GraphNode): Recommendation {
    return build(new Recommendation(), node, { code: str(node.props, 'code') ?? '', text: str(node.props, 'text') ?? '', themeLabel: str(node.props, 'themeLabel') });
  }
}

@ObjectType('SourceDocument', { simpleResolvers: true, implements: Node, description: 'A document facts were taken from (provenance).' })
export class SourceDocument extends Node {
  @Field(() => String, { description: 'Title of the document.' })
  title!: string;

  @Field(() => String, { description: 'File name the document was imported from.' })
  fileName!: string;

  @Field(() => String, { description: 'SHA-256 of the document, hex.' })
  sha256!: string;

  @Field(() => String, { description: 'Media type, e.g. text/plain or application/pdf.' })
  mediaType!: string;

  static from(node: GraphNode): SourceDocument {
    const p = node.props;
    return build(new SourceDocument(), node, { title: str(p, 'title') ?? '', fileName: str(p, 'fileName') ?? '', sha256: str(p, 'sha256') ?? '', mediaType: str(p, 'mediaType') ?? '' });
  }
}

@ObjectType('FollowUpAction', { simpleResolvers: true, implements: Node, description: 'An action taken in follow-up of a recommendation.' })
export class FollowUpAction extends Node {
  @Field(() => String, { description: 'What is to be done.' })
  description!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it is due.' })
  dueDate!: string | null;

  @Field(() => String, { description: 'NOT_STARTED, INITIATED, COMPLETED or NO_LONGER_APPLICABLE.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Note given with the last status change.' })
  note!: string | null;

  @Field(() => String, { description: 'When the action was added (ISO 8601 timestamp).' })
  createdAt!: string;

  @Field(() => String, { description: 'When the action last changed (ISO 8601 timestamp).' })
  updatedAt!: string;

  static from(node: GraphNode): FollowUpAction {
    const p = node.props;
    return build(new FollowUpAction(), node, { description: str(p, 'description') ?? '', dueDate: str(p, 'dueDate'), status: str(p, 'status') ?? 'NOT_STARTED', note: str(p, 'note'), createdAt: str(p, 'createdAt') ?? '', updatedAt: str(p, 'updatedAt') ?? '' });
  }
}

@ObjectType('ChangeEvent', { simpleResolvers: true, implements: Node, description: 'One change in the follow-up of a recommendation: who, when, what.' })
export class ChangeEvent extends Node {
  @Field(() => String, { description: 'When (ISO 8601 timestamp).' })
  at!: string;

  @Field(() => String, { description: 'Who: the name the editor token is registered under.' })
  actor!: string;

  @Field(() => String, { description: 'What kind of change: RESPONDED, ACTION_ADDED or ACTION_UPDATED.' })
  action!: string;

  @Field(() => String, { description: 'What changed, in words.' })
  details!: string;

  static from(node: GraphNode): ChangeEvent {
    const p = node.props;
    return build(new ChangeEvent(), node, { at: str(p, 'at') ?? '', actor: str(p, 'actor') ?? '', action: str(p, 'action') ?? '', details: str(p, 'details') ?? '' });
  }
}

@ObjectType('Region', { simpleResolvers: true, implements: Node, description: 'A region an evaluation covers, as IOM names its regional offices ("RO for Latin America and the Caribbean"), or "Global".' })
export class Region extends Node {
  @Field(() => String, { description: 'Name of the region.' })
  name!: string;

  static from(node: GraphNode): Region {
    return build(new Region(), node, { name: str(node.props, 'name') ?? '' });
  }
}

@ObjectType('Document', { simpleResolvers: true, implements: Node, description: 'A published document of an evaluation (report, brief, management response...), at its address.' })
export class Document extends Node {
  @Field(() => String, { description: 'Address of the document.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'What the document is, e.g. "Evaluation report", "Evaluation brief", "Management response".' })
  subtype!: string | null;

  @Field(() => String, { nullable: true, description: 'The description the catalogue gives the file.' })
  description!: string | null;

  static from(node: GraphNode): Document {
    const p = node.props;
    return build(new Document(), node, { url: str(p, 'url') ?? '', subtype: str(p, 'subtype'), description: str(p, 'description') });
  }
}

@ObjectType('Partnership', { simpleResolvers: true, description: 'A partner institution of a project, with its role.' })
export class Partnership {
  @Field(() => Organization, { description: 'The partner institution.' })
  organization!: Organization;

  @Field(() => Project, { description: 'The project.' })
  project!: Project;

  @Field(() => Boolean, { description: 'Whether this partner led the project.' })
  lead!: boolean;

  @Field(() => String, { nullable: true, description: "The partner's role in the project." })
  role!: string | null;
}

/** Build the GraphQL object for any node, by its label. */
export function fromNode(node: GraphNode): Node {
  switch (node.label) {
    case 'Evaluation': return Evaluation.from(node);
    case 'Project': return Project.from(node);
    case 'Organization': return Organization.from(node);
    case 'Person': return Person.from(node);
    case 'Country': return Country.from(node);
    case 'Output': return Output.from(node);
    case 'Finding': return Finding.from(node);
    case 'Criterion': return Criterion.from(node);
    case 'Conclusion': return Conclusion.from(node);
    case 'Recommendation': return Recommendation.from(node);
    case 'Theme': return Theme.from(node);
    case 'SourceDocument': return SourceDocument.from(node);
    case 'FollowUpAction': return FollowUpAction.from(node);
    case 'ChangeEvent': return ChangeEvent.from(node);
    case 'Region': return Region.from(node);
    case 'Document': return Document.from(node);
  }
}
