/**
 * Map one validated EvaluationRecord to the nodes and relationships of the graph model. This
 * is the only place that knows how a record becomes a graph; both stores receive the same
 * change. Entity resolution against what is stored happens afterwards (resolve.ts).
 *
 * Every relationship is marked with the kind of source that states it (`statedBy`), and the
 * nodes that several sources describe carry the rank of the best source that described them
 * (`sourceRank`), so that a catalogue row and a brief of the same evaluation each restate only
 * what they said, and the brief's wording wins where they differ.
 */
import { GRAPH_DIR } from '../../config.js';
import {
  countryId,
  criterionId,
  documentId,
  evaluationKey,
  evaluationStage,
  idKey,
  organizationId,
  personId,
  projectId,
  projectKey,
  regionId,
  sourceDocumentId,
  themeId,
  type ThemeTaxonomyName,
} from '../../domain/ids.js';
import { withDerived } from '../../domain/derived.js';
import { RELATIONSHIPS, type GraphEdge, type GraphNode, type Label, type Props, type PropValue, type RelationshipRule, type RelType } from '../../domain/model.js';
import { organizationKeys, type CountryRecord, type EvaluationRecord, type OrganizationRecord, type PersonRecord } from '../../domain/record.js';
import { SOURCE_RANK, type SourceInfo, type SourceKind } from '../../domain/source.js';
import { normaliseKey, normaliseText } from '../../domain/text.js';
import { themeTaxonomy, type ThemeTaxonomy } from '../../domain/themes.js';
import type { GraphChange } from '../../store/port.js';
import { statedTag } from './restate.js';

type PropInput = Record<string, PropValue | undefined>;

/** Drop undefined values and empty lists. */
function clean(props: PropInput): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as Props;
}

/** Labels whose nodes several sources describe: they keep the rank of the best one. */
const RANKED: ReadonlySet<Label> = new Set(['Evaluation', 'Project', 'Organization', 'Person', 'Country', 'Output']);

/** Kinds of organisation that belong to one country (a ministry, a statistics office, a university...). */
const NATIONAL_KINDS: ReadonlySet<string> = new Set(['COUNTRY_OFFICE', 'GOVERNMENT_AGENCY', 'MINISTRY', 'STATISTICS_OFFICE', 'UNIVERSITY', 'RESEARCH_INSTITUTE']);

class ChangeBuilder {
  private readonly nodes = new Map<string, { label: Label; props: Props; extra: string[] }>();
  private readonly edges = new Map<string, GraphEdge>();

  constructor(
    private readonly kind: SourceKind,
    private readonly tag: string,
  ) {}

  node(label: Label, id: string, props: PropInput, extraText: readonly string[] = []): string {
    const existing = this.nodes.get(id);
    const ranked: Props = RANKED.has(label) ? { sourceRank: SOURCE_RANK[this.kind] } : {};
    this.nodes.set(id, { label, props: { ...(existing?.props ?? {}), ...clean(props), ...ranked }, extra: [...(existing?.extra ?? []), ...extraText] });
    return id;
  }

  edge(type: RelType, from: string, to: string, props: PropInput = {}): void {
    // Only relationships a source restates need to say who stated them.
    const restated = (RELATIONSHIPS[type] as RelationshipRule).restated;
    this.edges.set(`${from}|${type}|${to}`, { type, from, to, props: restated ? { ...clean(props), statedBy: [this.tag] } : clean(props) });
  }

  build(): GraphChange {
    return {
      nodes: [...this.nodes].map(([id, n]): GraphNode => ({ id, label: n.label, props: withDerived(n.label, n.props, n.extra) })),
      edges: [...this.edges.values()],
    };
  }
}

export interface MappingOptions {
  /** Taxonomy that files recommendations under canonical themes (default: graph/themes.yaml). */
  readonly themes?: ThemeTaxonomy;
  /** What kind of source the record comes from (default: a document). */
  readonly kind?: SourceKind;
  /** The evaluation's key, when the importer had to tell it from another's (default: evaluationKey). */
  readonly evaluationKey?: string;
}

export function recordToChange(record: EvaluationRecord, source?: SourceInfo, options: MappingOptions = {}): GraphChange {
  const themes = options.themes ?? themeTaxonomy(GRAPH_DIR);
  const kind = options.kind ?? 'document';
  const key = options.evaluationKey ?? evaluationKey(record);
  const g = new ChangeBuilder(kind, statedTag(kind, `evaluation:${key}`));
  const { evaluation: e, projects } = record;
  // Nodes this record states, with the record paths they were built from (for provenance).
  const created = new Map<string, string[]>();
  const add = (id: string, path?: string) => {
    const paths = created.get(id) ?? [];
    if (path) paths.push(path);
    created.set(id, paths);
    return id;
  };

  // Organisations, resolved by any of their names. A national body of a record about one
  // country belongs to that country.
  const recordCountries = new Set(projects.flatMap((p) => p.countries.map((c) => c.isoCode ?? normaliseKey(c.name))));
  const onlyCountry = recordCountries.size === 1 ? projects.flatMap((p) => p.countries)[0]?.isoCode : undefined;
  const countryOf = (o: OrganizationRecord) => o.country ?? (NATIONAL_KINDS.has(o.kind) ? onlyCountry : undefined);
  const orgIds = new Map<string, string>();
  const orgById = new Map<string, { org: OrganizationRecord; path: string }>();
  record.organizations.forEach((o, index) => {
    const id = organizationId({ ...o, country: countryOf(o) });
    orgById.set(id, { org: o, path: `organizations[${index}]` });
    for (const key of organizationKeys(o)) orgIds.set(key, id);
  });
  const org = (ref: string): string => {
    const id = orgIds.get(normaliseKey(ref));
    if (!id) throw new Error(`organisation "${ref}" is not declared in the record`);
    return id;
  };
  for (const [id, { org: o, path }] of orgById) {
    add(g.node('Organization', id, { name: o.name, acronym: o.acronym, localName: o.localName, aliases: o.aliases, kind: o.kind, country: countryOf(o) }), path);
  }
  for (const [id, { org: o }] of orgById) if (o.parent) g.edge('PART_OF', id, org(o.parent), { relation: o.parentRelation });

  const person = (who: PersonRecord, path: string): string => {
    const id = add(g.node('Person', personId(who.name), { name: who.name, title: who.title }), path);
    if (who.organization) g.edge('WORKS_FOR', id, org(who.organization), { title: who.title });
    return id;
  };
  const country = (c: CountryRecord, path: string) => add(g.node('Country', countryId(c), { name: c.name, officialName: c.officialName, isoCode: c.isoCode }), path);

  // Projects.
  const projectIds = projects.map((p, n) => {
    const projId = add(
      g.node('Project', projectId(p), {
        code: p.code,
        title: p.title,
        type: p.type,
        typeKey: p.type ? normaliseText(p.type) : undefined,
        summary: p.summary,
        coverage: p.coverage,
        startDate: p.startDate,
        endDate: p.endDate,
        budgetAmount: p.budget?.amount,
        budgetCurrency: p.budget?.currency,
        costExtensions: p.costExtensions,
        extensionMonths: p.extensionMonths,
        genderMarker: p.genderMarker,
      }),
      `projects[${n}]`,
    );
    p.countries.forEach((c, position) => g.edge('IN_COUNTRY', projId, country(c, `projects[${n}].countries[${position}]`), { position }));
    if (p.implementer) g.edge('IMPLEMENTED_BY', projId, org(p.implementer));
    p.funders.forEach((f, position) => g.edge('FUNDED_BY', projId, org(f), { position }));
    p.partners.forEach((partner, position) => g.edge('PARTNERED_WITH', projId, org(partner.organization), { lead: partner.lead, role: partner.role, position }));
    const outputIds = new Map(p.outputs.map((o) => [o.ref, `output:${projectKey(p)}:${idKey(o.ref)}`]));
    p.outputs.forEach((o, position) => {
      const id = add(g.node('Output', outputIds.get(o.ref)!, { ref: o.ref, component: o.component, title: o.title, description: o.description }), `projects[${n}].outputs[${position}]`);
      g.edge('PRODUCED', projId, id, { position });
      o.basedOn.forEach((ref, i) => g.edge('BASED_ON', id, outputIds.get(ref)!, { position: i }));
    });
    return projId;
  });

  // Evaluation.
  const evalId = add(
    g.node(
      'Evaluation',
      `evaluation:${key}`,
      {
        title: e.title,
        type: e.type,
        stage: evaluationStage(e.type) ?? evaluationStage(e.timing),
        timing: e.timing,
        scope: e.scope,
        level: e.level,
        evaluatorType: e.evaluatorType,
        coverage: e.coverage,
        year: e.year ?? (e.finalReportDate ? Number(e.finalReportDate.slice(0, 4)) : undefined),
        publicationDate: e.publicationDate,
        periodFrom: e.period?.from,
        periodTo: e.period?.to,
        fieldVisitsFrom: e.fieldVisits?.from,
        fieldVisitsTo: e.fieldVisits?.to,
        languages: e.languages,
        hasBrief: e.hasBrief,
        hasManagementResponse: e.hasManagementResponse,
        hasTermsOfReference: e.hasTermsOfReference,
        intendedUsers: e.intendedUsers,
        finalReportDate: e.finalReportDate,
        purpose: e.purpose,
        methodology: e.methodology,
        keyFindings: e.keyFindings,
        lessonsLearned: e.lessonsLearned,
      },
    ),
    'evaluation',
  );
  projectIds.forEach((projId, position) => g.edge('EVALUATES', evalId, projId, { position }));
  e.commissioners.forEach((c, position) => g.edge('COMMISSIONED_BY', evalId, org(c), { position }));
  e.evaluators.forEach((who, position) => g.edge('CONDUCTED_BY', evalId, person(who, `evaluation.evaluators[${position}]`), { role: 'evaluator', position }));
  e.evaluationFirms.forEach((f, i) => g.edge('CONDUCTED_BY', evalId, org(f), { role: 'evaluation firm', position: e.evaluators.length + i }));
  if (e.managedBy) g.edge('MANAGED_BY', evalId, person(e.managedBy, 'evaluation.managedBy'), { title: e.managedBy.title });
  e.donors.forEach((d, position) => g.edge('FUNDED_BY', evalId, org(d), { position }));
  e.countries.forEach((c, position) => g.edge('IN_COUNTRY', evalId, country(c, `evaluation.countries[${position}]`), { position }));
  e.regions.forEach((name, position) => g.edge('IN_REGION', evalId, g.node('Region', regionId(name), { name }), { position }));
  e.documents.forEach((d, position) => g.edge('HAS_DOCUMENT', evalId, g.node('Document', documentId(d.url), { url: d.url, subtype: d.subtype, description: d.description }), { position }));

  const officialTheme = (name: string) => g.node('Theme', themeId(name, 'IOM'), { name, taxonomy: 'IOM' satisfies ThemeTaxonomyName });
  let themePosition = 0;
  for (const [aspect, names] of [['thematic area', e.thematicAreas], ['cross-cutting theme', e.crossCuttingThemes]] as const) {
    for (const name of names) g.edge('ABOUT', evalId, officialTheme(name), { aspect, position: themePosition++ });
  }

  const criterion = (name: string) => {
    const display = name.charAt(0).toUpperCase() + name.slice(1);
    return g.node('Criterion', criterionId(name), { name: display });
  };
  e.criteria.forEach((name, position) => g.edge('ASSESSES', evalId, criterion(name), { position }));
  const findingKeys = new Set<string>();
  e.findings.forEach((f, position) => {
    let findingKey = idKey(f.criterion ?? f.title ?? String(position + 1));
    if (findingKeys.has(findingKey)) findingKey = `${findingKey}-${position + 1}`;
    findingKeys.add(findingKey);
    const id = add(g.node('Finding', `finding:${key}:${findingKey}`, { title: f.title ?? f.criterion, summary: f.summary }), `evaluation.findings[${position}]`);
    g.edge('HAS_FINDING', evalId, id, { position });
    if (f.criterion) g.edge('ON_CRITERION', id, criterion(f.criterion), { score: f.rating?.score, label: f.rating?.label, scaleMax: f.rating?.scaleMax });
  });
  e.conclusions.forEach((text, position) => {
    const id = add(g.node('Conclusion', `conclusion:${key}:${position + 1}`, { text }), `evaluation.conclusions[${position}]`);
    g.edge('CONCLUDES', evalId, id, { position });
  });
  const curatedTheme = (wording: string): string => {
    const t = themes.resolve(wording);
    const id = g.node('Theme', themeId(t.name), { name: t.name, synonyms: [...t.synonyms], taxonomy: 'curated' satisfies ThemeTaxonomyName });
    if (t.broader) g.edge('BROADER', id, g.node('Theme', themeId(t.broader), { name: t.broader, taxonomy: 'curated' }));
    return id;
  };
  e.recommendations.forEach((r, position) => {
    const canonical = r.theme ? themes.resolve(r.theme).name : undefined;
    const themeLabel = r.theme && canonical !== r.theme ? r.theme : undefined;
    const id = add(g.node('Recommendation', `recommendation:${key}:${idKey(r.code)}`, { code: r.code, text: r.text, themeLabel }, [r.theme, canonical].filter((v): v is string => !!v)), `evaluation.recommendations[${position}]`);
    g.edge('RECOMMENDS', evalId, id, { position });
    if (r.theme) g.edge('ABOUT', id, curatedTheme(r.theme));
    r.audiences.forEach((a, i) => g.edge('ADDRESSED_TO', id, org(a), { position: i }));
  });

  // Provenance: every fact the record states points at the document it came from (and, for a
  // parsed brief or a catalogue row, at the lines it came from).
  if (source) {
    const docId = g.node('SourceDocument', sourceDocumentId(source.sha256), {
      title: source.title ?? source.fileName,
      fileName: source.fileName,
      sha256: source.sha256,
      mediaType: source.mediaType,
      text: source.text,
    });
    for (const [id, paths] of created) {
      const lines = mergeLineRanges(paths.map((path) => source.passages?.[path]).filter((l): l is string => !!l));
      g.edge('SOURCED_FROM', id, docId, { lines });
    }
  }
  return g.build();
}

/** "3,10-12" and "11-14" -> "3,10-14"; undefined when there are none. */
export function mergeLineRanges(ranges: readonly string[]): string | undefined {
  const spans = ranges
    .flatMap((r) => r.split(','))
    .map((part) => part.split('-').map(Number))
    .map(([from, to]) => [from!, to ?? from!] as const)
    .filter(([from, to]) => Number.isInteger(from) && Number.isInteger(to))
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged.length ? merged.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(',') : undefined;
}
