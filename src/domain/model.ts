/**
 * The graph model: the closed set of node labels, relationship types and property keys.
 *
 * Every label and relationship type that reaches a store (and, in the Neo4j store, a Cypher
 * statement) comes from these constants, never from user input. `graph/README.md` documents
 * the same model for people.
 */

export const LABELS = [
  'Evaluation',
  'Project',
  'Organization',
  'Person',
  'Country',
  'Output',
  'Finding',
  'Criterion',
  'Conclusion',
  'Recommendation',
  'Theme',
  'SourceDocument',
  'FollowUpAction',
  'ChangeEvent',
] as const;
export type Label = (typeof LABELS)[number];

/** Relationship types with the labels they connect (direction: from -> to). */
export const RELATIONSHIPS = {
  EVALUATES: { from: ['Evaluation'], to: ['Project'] },
  COMMISSIONED_BY: { from: ['Evaluation'], to: ['Organization'] },
  CONDUCTED_BY: { from: ['Evaluation'], to: ['Person', 'Organization'] },
  MANAGED_BY: { from: ['Evaluation'], to: ['Person'] },
  ASSESSES: { from: ['Evaluation'], to: ['Criterion'] },
  HAS_FINDING: { from: ['Evaluation'], to: ['Finding'] },
  ON_CRITERION: { from: ['Finding'], to: ['Criterion'] },
  CONCLUDES: { from: ['Evaluation'], to: ['Conclusion'] },
  RECOMMENDS: { from: ['Evaluation'], to: ['Recommendation'] },
  ABOUT: { from: ['Recommendation'], to: ['Theme'] },
  ADDRESSED_TO: { from: ['Recommendation'], to: ['Organization'] },
  IN_COUNTRY: { from: ['Project'], to: ['Country'] },
  PARTNERED_WITH: { from: ['Project'], to: ['Organization'] },
  IMPLEMENTED_BY: { from: ['Project'], to: ['Organization'] },
  FUNDED_BY: { from: ['Project'], to: ['Organization'] },
  PRODUCED: { from: ['Project'], to: ['Output'] },
  BASED_ON: { from: ['Output'], to: ['Output'] },
  PART_OF: { from: ['Organization'], to: ['Organization'] },
  WORKS_FOR: { from: ['Person'], to: ['Organization'] },
  BROADER: { from: ['Theme'], to: ['Theme'] },
  HAS_ACTION: { from: ['Recommendation'], to: ['FollowUpAction'] },
  RESPONSIBLE: { from: ['FollowUpAction'], to: ['Organization'] },
  HAS_EVENT: { from: ['Recommendation'], to: ['ChangeEvent'] },
  SOURCED_FROM: { from: [...LABELS], to: ['SourceDocument'] },
} as const satisfies Record<string, { from: readonly Label[]; to: readonly Label[] }>;
export type RelType = keyof typeof RELATIONSHIPS;
export const REL_TYPES = Object.keys(RELATIONSHIPS) as RelType[];

export type Direction = 'out' | 'in';

/** Scalar property values a node or relationship may carry (the subset both stores support). */
export type PropValue = string | number | boolean | null | readonly string[];
export type Props = Readonly<Record<string, PropValue>>;

export interface GraphNode {
  readonly id: string;
  readonly label: Label;
  readonly props: Props;
}

export interface GraphEdge {
  readonly type: RelType;
  readonly from: string;
  readonly to: string;
  readonly props: Props;
}

/**
 * Derived properties every node carries so that both stores filter the same way:
 * `searchText` (normalised text matched by `where: { text }`) and `matchKeys` (normalised
 * names a node is looked up by: project code, organisation acronym, names and aliases).
 */
export const DERIVED_PROPS = ['searchText', 'matchKeys'] as const;

/** Labels the full-text search covers (`searchText` of each is indexed). */
export const SEARCHABLE_LABELS = ['Recommendation', 'Finding', 'Conclusion', 'Project', 'Organization'] as const satisfies readonly Label[];
export type SearchableLabel = (typeof SEARCHABLE_LABELS)[number];

/** Properties that hold calendar dates (`YYYY-MM-DD`); Neo4j stores them as DATE values. */
export const DATE_PROPERTIES = ['startDate', 'endDate', 'finalReportDate', 'dueDate'] as const;

/**
 * Every property key nodes and relationships may carry. The Cypher lint checks statements
 * against this set, and a test checks the record mapping writes nothing outside it.
 */
export const PROPERTY_KEYS = [
  'id', 'searchText', 'matchKeys',
  // Evaluation
  'title', 'type', 'stage', 'intendedUsers', 'finalReportDate', 'year', 'purpose', 'methodology', 'keyFindings', 'lessonsLearned',
  // Project
  'code', 'typeKey', 'summary', 'coverage', 'startDate', 'endDate', 'budgetAmount', 'budgetCurrency', 'costExtensions', 'extensionMonths',
  // Organization, Person, Country, Output, Criterion, Theme, Conclusion, Recommendation
  'name', 'acronym', 'localName', 'aliases', 'kind', 'officialName', 'isoCode', 'ref', 'component', 'description', 'text', 'themeLabel', 'synonyms',
  // SourceDocument
  'fileName', 'sha256', 'mediaType',
  // Follow-up: the management response on a Recommendation, FollowUpAction, ChangeEvent
  'response', 'responseText', 'respondedAt', 'status', 'note', 'dueDate', 'createdAt', 'updatedAt', 'at', 'actor', 'action', 'details',
  // Relationships
  'position', 'lead', 'role', 'relation', 'score', 'label', 'scaleMax', 'lines',
] as const;

/** Id prefixes: an internal node id is `<prefix>:<natural key>`; the prefix names the label. */
export const ID_PREFIX: Record<Label, string> = {
  Evaluation: 'evaluation',
  Project: 'project',
  Organization: 'organization',
  Person: 'person',
  Country: 'country',
  Output: 'output',
  Finding: 'finding',
  Criterion: 'criterion',
  Conclusion: 'conclusion',
  Recommendation: 'recommendation',
  Theme: 'theme',
  SourceDocument: 'source',
  FollowUpAction: 'action',
  ChangeEvent: 'event',
};

export function labelOfId(id: string): Label | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return LABELS.find((label) => ID_PREFIX[label] === prefix);
}

export function isLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}

export function isRelType(value: string): value is RelType {
  return Object.hasOwn(RELATIONSHIPS, value);
}
