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
  'Region',
  'Document',
] as const;
export type Label = (typeof LABELS)[number];

/**
 * Labels the stores use for their own bookkeeping, never for the graph's data: the Neo4j
 * store's write lock (a single GraphMeta node every write transaction updates first).
 */
export const INTERNAL_LABELS = ['GraphMeta'] as const;

/**
 * What a relationship type means to the code above the store, declared once:
 * - `from`/`to`: the labels it connects (direction: from -> to);
 * - `owns`: the end nodes of these labels live only while such a relationship points at them
 *   (an evaluation's findings, a project named by no evaluation any more, a person no
 *   evaluation names): when the last one goes, the node goes with it (and, in turn, what it
 *   owns). Shared entities (organisations, countries, themes, criteria) are never owned;
 * - `restated`: a record restates these outgoing relationships of the nodes it states, so a
 *   re-imported source removes what it no longer says (only what that kind of source said:
 *   see `statedBy` in graph/README.md);
 * - `derived`: the stores derive these relationships from others in the transaction of every
 *   change (participation.ts); no change may state them.
 */
export interface RelationshipRule {
  readonly from: readonly Label[];
  readonly to: readonly Label[];
  readonly owns?: readonly Label[];
  readonly restated?: true;
  readonly derived?: true;
}

export const RELATIONSHIPS = {
  EVALUATES: { from: ['Evaluation'], to: ['Project'], owns: ['Project'], restated: true },
  COMMISSIONED_BY: { from: ['Evaluation'], to: ['Organization'], restated: true },
  CONDUCTED_BY: { from: ['Evaluation'], to: ['Person', 'Organization'], owns: ['Person'], restated: true },
  MANAGED_BY: { from: ['Evaluation'], to: ['Person'], owns: ['Person'], restated: true },
  ASSESSES: { from: ['Evaluation'], to: ['Criterion'], restated: true },
  HAS_FINDING: { from: ['Evaluation'], to: ['Finding'], owns: ['Finding'], restated: true },
  ON_CRITERION: { from: ['Finding'], to: ['Criterion'], restated: true },
  CONCLUDES: { from: ['Evaluation'], to: ['Conclusion'], owns: ['Conclusion'], restated: true },
  RECOMMENDS: { from: ['Evaluation'], to: ['Recommendation'], owns: ['Recommendation'], restated: true },
  ABOUT: { from: ['Recommendation', 'Evaluation'], to: ['Theme'], restated: true },
  ADDRESSED_TO: { from: ['Recommendation'], to: ['Organization'], restated: true },
  IN_COUNTRY: { from: ['Project', 'Evaluation'], to: ['Country'], restated: true },
  IN_REGION: { from: ['Evaluation'], to: ['Region'], restated: true },
  PARTNERED_WITH: { from: ['Project'], to: ['Organization'], restated: true },
  IMPLEMENTED_BY: { from: ['Project'], to: ['Organization'], restated: true },
  FUNDED_BY: { from: ['Project', 'Evaluation'], to: ['Organization'], restated: true },
  PRODUCED: { from: ['Project'], to: ['Output'], owns: ['Output'], restated: true },
  BASED_ON: { from: ['Output'], to: ['Output'], restated: true },
  HAS_DOCUMENT: { from: ['Evaluation'], to: ['Document'], owns: ['Document'], restated: true },
  PART_OF: { from: ['Organization'], to: ['Organization'] },
  WORKS_FOR: { from: ['Person'], to: ['Organization'] },
  BROADER: { from: ['Theme'], to: ['Theme'] },
  HAS_ACTION: { from: ['Recommendation'], to: ['FollowUpAction'], owns: ['FollowUpAction'] },
  RESPONSIBLE: { from: ['FollowUpAction'], to: ['Organization'] },
  HAS_EVENT: { from: ['Recommendation'], to: ['ChangeEvent'], owns: ['ChangeEvent'] },
  SOURCED_FROM: { from: [...LABELS], to: ['SourceDocument'], owns: ['SourceDocument'], restated: true },
  PARTICIPATES_IN: { from: ['Organization'], to: ['Project', 'Evaluation'], derived: true },
} as const satisfies Record<string, RelationshipRule>;
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
export const DERIVED_PROPS = ['searchText', 'matchKeys', 'sortName'] as const;

/** Properties that hold lists of strings: an equality filter on one matches when the list contains the value. */
export const LIST_PROPERTIES = ['matchKeys', 'aliases', 'synonyms', 'methodology', 'keyFindings', 'lessonsLearned', 'scope', 'languages', 'statedBy', 'roles'] as const;

/**
 * Properties each label's nodes are indexed by, for filters that name them (an equality or a
 * range): the embedded store keeps a sorted index of each, Neo4j a range index.
 */
export const INDEXED_PROPERTIES: Partial<Record<Label, readonly string[]>> = {
  Evaluation: ['year', 'stage', 'timing', 'level', 'scope', 'languages', 'evaluatorType', 'finalReportDate'],
  Project: ['typeKey', 'startDate'],
  Organization: ['kind', 'country'],
  Theme: ['taxonomy'],
  Recommendation: ['response'],
  FollowUpAction: ['status', 'dueDate'],
};

/** Labels the full-text search covers (`searchText` of each is indexed). */
export const SEARCHABLE_LABELS = ['Recommendation', 'Finding', 'Conclusion', 'Project', 'Organization'] as const satisfies readonly Label[];
export type SearchableLabel = (typeof SEARCHABLE_LABELS)[number];

/** Properties that hold calendar dates (`YYYY-MM-DD`); Neo4j stores them as DATE values. */
export const DATE_PROPERTIES = ['startDate', 'endDate', 'finalReportDate', 'dueDate', 'publicationDate', 'periodFrom', 'periodTo', 'fieldVisitsFrom', 'fieldVisitsTo'] as const;

/**
 * Every property key nodes and relationships may carry. The Cypher lint checks statements
 * against this set, and a test checks the record mapping writes nothing outside it.
 */
export const PROPERTY_KEYS = [
  'id', 'searchText', 'matchKeys',
  // Evaluation
  'title', 'type', 'stage', 'intendedUsers', 'finalReportDate', 'year', 'purpose', 'methodology', 'keyFindings', 'lessonsLearned',
  'timing', 'scope', 'level', 'evaluatorType', 'publicationDate', 'periodFrom', 'periodTo', 'fieldVisitsFrom', 'fieldVisitsTo', 'languages',
  'hasBrief', 'hasManagementResponse', 'hasTermsOfReference', 'sourceRank',
  // Project
  'code', 'typeKey', 'summary', 'coverage', 'startDate', 'endDate', 'budgetAmount', 'budgetCurrency', 'costExtensions', 'extensionMonths', 'genderMarker',
  // Organization, Person, Country, Output, Criterion, Theme, Conclusion, Recommendation
  'name', 'acronym', 'localName', 'aliases', 'kind', 'country', 'officialName', 'isoCode', 'ref', 'component', 'description', 'text', 'themeLabel', 'synonyms', 'taxonomy',
  // Document (a published file of an evaluation)
  'url', 'subtype',
  // SourceDocument
  'fileName', 'sha256', 'mediaType',
  // Follow-up: the management response on a Recommendation, FollowUpAction, ChangeEvent
  'response', 'responseText', 'respondedAt', 'status', 'note', 'dueDate', 'createdAt', 'updatedAt', 'at', 'actor', 'action', 'details',
  // Relationships
  'position', 'lead', 'role', 'roles', 'relation', 'score', 'label', 'scaleMax', 'lines', 'aspect', 'statedBy',
  // Derived on stakeholders: the name they sort by
  'sortName',
  // Internal: the Neo4j write lock's counter
  'seq',
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
  Region: 'region',
  Document: 'document',
};

const LABEL_OF_PREFIX: ReadonlyMap<string, Label> = new Map(LABELS.map((label) => [ID_PREFIX[label], label]));

/** The label an internal node id names (by its prefix); undefined for an id of no known prefix. */
export function labelOfId(id: string): Label | undefined {
  const colon = id.indexOf(':');
  return colon < 0 ? undefined : LABEL_OF_PREFIX.get(id.slice(0, colon));
}

export function isLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}

export function isRelType(value: string): value is RelType {
  return Object.hasOwn(RELATIONSHIPS, value);
}
