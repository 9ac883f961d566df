/**
 * Map one validated EvaluationRecord to the nodes and relationships of the graph model.
 * This is the only place that knows how a record becomes a graph; both stores receive the
 * same change.
 */
import {
  countryId,
  criterionId,
  evaluationId,
  evaluationKey,
  evaluationStage,
  organizationId,
  personId,
  projectId,
  sourceDocumentId,
  themeId,
} from '../domain/ids.js';
import type { GraphEdge, GraphNode, Label, Props, RelType } from '../domain/model.js';
import { organizationKeys, type EvaluationRecord, type OrganizationRecord, type PersonRecord } from '../domain/record.js';
import { normaliseKey, normaliseText, slug } from '../domain/text.js';
import type { GraphChange } from '../store/port.js';
import { GRAPH_DIR } from '../config.js';
import { themeTaxonomy, type ThemeTaxonomy } from '../domain/themes.js';

/** The document a record was taken from. */
export interface SourceInfo {
  readonly fileName: string;
  readonly title?: string;
  readonly sha256: string;
  readonly mediaType: string;
  readonly text?: string;
  /**
   * Where in the document each part of the record was found, for parsed briefs: line ranges
   * ("12", "30-32,41") keyed by the part's path in the record (`evaluation`, `project`,
   * `evaluation.findings[2]`, `organizations[5]`...). They become the `lines` property of the
   * SOURCED_FROM relationships of the nodes built from those parts.
   */
  readonly passages?: Readonly<Record<string, string>>;
}

type PropInput = Record<string, string | number | boolean | readonly string[] | null | undefined>;

/** Drop undefined values; keep null only where given on purpose. */
function clean(props: PropInput): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as Props;
}

export function searchTextOf(...parts: (string | readonly string[] | undefined | null)[]): string {
  return normaliseText(parts.flat().filter((p): p is string => typeof p === 'string' && p.length > 0).join(' | '));
}

class ChangeBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(label: Label, id: string, props: PropInput, search: string, matchKeys: readonly string[] = []): string {
    const existing = this.nodes.get(id);
    const merged = { ...(existing?.props ?? {}), ...clean(props), searchText: search, matchKeys: [...new Set([...((existing?.props.matchKeys as string[]) ?? []), ...matchKeys])] };
    this.nodes.set(id, { id, label, props: merged });
    return id;
  }

  edge(type: RelType, from: string, to: string, props: PropInput = {}): void {
    this.edges.set(`${from}|${type}|${to}`, { type, from, to, props: clean(props) });
  }

  build(): GraphChange {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

export interface MappingOptions {
  /** Taxonomy that files recommendations under canonical themes (default: graph/themes.yaml). */
  readonly themes?: ThemeTaxonomy;
}

export function recordToChange(record: EvaluationRecord, source?: SourceInfo, options: MappingOptions = {}): GraphChange {
  const themes = options.themes ?? themeTaxonomy(GRAPH_DIR);
  const g = new ChangeBuilder();
  const { evaluation: e, project: p } = record;
  // Nodes this record states, with the record paths they were built from (for provenance).
  const created = new Map<string, string[]>();
  const add = (id: string, path?: string) => {
    const paths = created.get(id) ?? [];
    if (path) paths.push(path);
    created.set(id, paths);
    return id;
  };

  // Organisations, resolved by any of their names.
  const orgIds = new Map<string, string>();
  const orgById = new Map<string, OrganizationRecord>();
  const orgPaths = new Map<string, string>();
  record.organizations.forEach((org, index) => {
    const id = organizationId(org);
    orgById.set(id, org);
    orgPaths.set(id, `organizations[${index}]`);
    for (const key of organizationKeys(org)) orgIds.set(key, id);
  });
  const org = (ref: string): string => {
    const id = orgIds.get(normaliseKey(ref));
    if (!id) throw new Error(`organisation "${ref}" is not declared in the record`);
    return id;
  };
  for (const [id, o] of orgById) {
    add(
      g.node(
        'Organization',
        id,
        { name: o.name, acronym: o.acronym, localName: o.localName, aliases: o.aliases, kind: o.kind },
        searchTextOf(o.name, o.acronym, o.localName, o.aliases),
        organizationKeys({ ...o, ref: undefined }),
      ),
      orgPaths.get(id),
    );
  }
  for (const [id, o] of orgById) if (o.parent) g.edge('PART_OF', id, org(o.parent), { relation: o.parentRelation });

  const person = (who: PersonRecord, path: string): string => {
    const id = add(g.node('Person', personId(who.name), { name: who.name, title: who.title }, searchTextOf(who.name, who.title), [normaliseKey(who.name)]), path);
    if (who.organization) g.edge('WORKS_FOR', id, org(who.organization), { title: who.title });
    return id;
  };

  // Project.
  const projId = add(
    g.node(
      'Project',
      projectId(p),
      {
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
      },
      searchTextOf(p.code, p.title, p.type, p.summary, p.coverage),
      p.code ? [normaliseKey(p.code)] : [],
    ),
    'project',
  );
  p.countries.forEach((c, position) => {
    const id = add(g.node('Country', countryId(c.isoCode), { name: c.name, officialName: c.officialName, isoCode: c.isoCode }, searchTextOf(c.name, c.officialName, c.isoCode), [c.name, c.officialName, c.isoCode].filter((v): v is string => !!v).map(normaliseKey)), `project.countries[${position}]`);
    g.edge('IN_COUNTRY', projId, id, { position });
  });
  if (p.implementer) g.edge('IMPLEMENTED_BY', projId, org(p.implementer));
  p.funders.forEach((f, position) => g.edge('FUNDED_BY', projId, org(f), { position }));
  p.partners.forEach((partner, position) => g.edge('PARTNERED_WITH', projId, org(partner.organization), { lead: partner.lead, role: partner.role, position }));
  const outputIds = new Map(p.outputs.map((o) => [o.ref, `output:${slug(p.code ?? p.title)}:${slug(o.ref)}`]));
  p.outputs.forEach((o, position) => {
    const id = add(g.node('Output', outputIds.get(o.ref)!, { ref: o.ref, component: o.component, title: o.title, description: o.description }, searchTextOf(o.title, o.description)), `project.outputs[${position}]`);
    g.edge('PRODUCED', projId, id, { position });
    o.basedOn.forEach((ref, i) => g.edge('BASED_ON', id, outputIds.get(ref)!, { position: i }));
  });

  // Evaluation.
  const key = evaluationKey(record);
  const evalId = add(
    g.node(
      'Evaluation',
      evaluationId(record),
      {
        title: e.title,
        type: e.type,
        stage: evaluationStage(e.type),
        intendedUsers: e.intendedUsers,
        finalReportDate: e.finalReportDate,
        year: e.finalReportDate ? Number(e.finalReportDate.slice(0, 4)) : undefined,
        purpose: e.purpose,
        methodology: e.methodology,
        keyFindings: e.keyFindings,
        lessonsLearned: e.lessonsLearned,
      },
      searchTextOf(e.title, e.type, e.purpose, e.keyFindings, p.code, p.title),
    ),
    'evaluation',
  );
  g.edge('EVALUATES', evalId, projId);
  if (e.commissionedBy) g.edge('COMMISSIONED_BY', evalId, org(e.commissionedBy));
  e.evaluators.forEach((who, position) => g.edge('CONDUCTED_BY', evalId, person(who, `evaluation.evaluators[${position}]`), { role: 'evaluator', position }));
  if (e.evaluationFirm) g.edge('CONDUCTED_BY', evalId, org(e.evaluationFirm), { role: 'evaluation firm', position: e.evaluators.length });
  if (e.managedBy) g.edge('MANAGED_BY', evalId, person(e.managedBy, 'evaluation.managedBy'), { title: e.managedBy.title });

  const criterion = (name: string) => {
    const display = name.charAt(0).toUpperCase() + name.slice(1);
    return g.node('Criterion', criterionId(name), { name: display }, searchTextOf(display), [normaliseKey(name)]);
  };
  e.criteria.forEach((name, position) => g.edge('ASSESSES', evalId, criterion(name), { position }));
  e.findings.forEach((f, position) => {
    const id = add(g.node('Finding', `finding:${key}:${slug(f.criterion)}`, { title: f.title ?? f.criterion, summary: f.summary }, searchTextOf(f.title ?? f.criterion, f.summary)), `evaluation.findings[${position}]`);
    g.edge('HAS_FINDING', evalId, id, { position });
    g.edge('ON_CRITERION', id, criterion(f.criterion), { score: f.rating?.score ?? null, label: f.rating?.label ?? null, scaleMax: f.rating?.scaleMax ?? null });
  });
  e.conclusions.forEach((text, position) => {
    const id = add(g.node('Conclusion', `conclusion:${key}:${position + 1}`, { text }, searchTextOf(text)), `evaluation.conclusions[${position}]`);
    g.edge('CONCLUDES', evalId, id, { position });
  });
  const theme = (wording: string): string => {
    const t = themes.resolve(wording);
    const id = g.node('Theme', themeId(t.name), { name: t.name, synonyms: t.synonyms }, searchTextOf(t.name, t.synonyms), [t.name, ...t.synonyms].map(normaliseKey));
    if (t.broader) g.edge('BROADER', id, g.node('Theme', themeId(t.broader), { name: t.broader }, searchTextOf(t.broader), [normaliseKey(t.broader)]));
    return id;
  };
  e.recommendations.forEach((r, position) => {
    const canonical = r.theme ? themes.resolve(r.theme).name : undefined;
    const themeLabel = r.theme && canonical !== r.theme ? r.theme : undefined;
    const id = add(g.node('Recommendation', `recommendation:${key}:${slug(r.code)}`, { code: r.code, text: r.text, themeLabel }, searchTextOf(r.code, r.text, r.theme, canonical)), `evaluation.recommendations[${position}]`);
    g.edge('RECOMMENDS', evalId, id, { position });
    if (r.theme) g.edge('ABOUT', id, theme(r.theme));
    r.audiences.forEach((a, i) => g.edge('ADDRESSED_TO', id, org(a), { position: i }));
  });

  // Provenance: every fact the record states points at the document it came from (and, for a
  // parsed brief, at the lines it came from).
  if (source) {
    const docId = g.node(
      'SourceDocument',
      sourceDocumentId(source.sha256),
      { title: source.title ?? source.fileName, fileName: source.fileName, sha256: source.sha256, mediaType: source.mediaType, text: source.text },
      searchTextOf(source.title, source.fileName),
      [source.sha256],
    );
    for (const [id, paths] of created) {
      const lines = mergeLineRanges(paths.map((path) => source.passages?.[path]).filter((l): l is string => !!l));
      g.edge('SOURCED_FROM', id, docId, { lines });
    }
  }
  return g.build();
}

/** "3,10-12" and "11-14" -> "3,10-14"; undefined when there are none. */
function mergeLineRanges(ranges: readonly string[]): string | undefined {
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
