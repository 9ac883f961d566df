/**
 * Entity resolution: one institution, person, country, project or evaluation is one node
 * however many documents describe it and however each spells it. Nodes of a change that name
 * the same entity as each other or as a stored node are merged into one node, and every
 * relationship is rewired to it. Stored ids win, so a node's id never changes once written.
 *
 * When is it the same entity?
 * - Organization: a shared match key (acronym, name, local name, alias), unless the two
 *   belong to different countries (INE of Bolivia and INE of Paraguay stay two).
 * - Country: a shared name or ISO code, unless their ISO codes differ.
 * - Project: a shared code form (`CE.0350` is one form of `BO10P0001/CE.0350`); by title only
 *   when one of the two has no code (a project first seen without its code).
 * - Evaluation: after projects are resolved, one that evaluates a same project at a stage and
 *   year that do not differ; or one with the same title and a year that does not differ.
 * - Person: the same name (their ids already come from it).
 *
 * Properties merge by source rank (mapRecord.ts): a better source replaces what it states, a
 * lesser one only fills gaps; names other than the kept one become aliases; a project keeps
 * the most complete form of its code. Every merge is explained in the returned notes.
 */
import { codeKeys } from '../../domain/codes.js';
import { withDerived } from '../../domain/derived.js';
import type { GraphEdge, GraphNode, Label, Props, PropValue } from '../../domain/model.js';
import { normaliseKey } from '../../domain/text.js';
import { compareIds } from '../../store/order.js';
import type { GraphChange, GraphStore } from '../../store/port.js';

/** What resolution reads from the store. */
export type GraphReader = Pick<GraphStore, 'getNodes' | 'neighbours' | 'findByKeys'>;

export interface Resolution {
  readonly change: GraphChange;
  /** One line per merge: what was taken for what, and why. */
  readonly notes: readonly string[];
  /** Ids of the change's nodes mapped onto other ids (from -> to). */
  readonly renamed: ReadonlyMap<string, string>;
}

type Mutable = Record<string, PropValue>;

const keysOf = (node: GraphNode) => (node.props.matchKeys as readonly string[] | undefined) ?? [];
const str = (node: GraphNode, key: string) => (typeof node.props[key] === 'string' ? (node.props[key] as string) : undefined);
const rankOf = (props: Props) => (typeof props.sourceRank === 'number' ? props.sourceRank : 2);

/**
 * Union-find over node ids, where a stored id always wins as the representative, and otherwise
 * the id added first: the one stated first, as when the records are imported one after another.
 */
class Groups {
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, GraphNode[]>();
  /** When each id was first added. */
  private readonly added = new Map<string, number>();

  constructor(private readonly stored: ReadonlySet<string>) {}

  add(node: GraphNode): void {
    if (this.parent.has(node.id)) {
      this.members.get(this.find(node.id))!.push(node);
      return;
    }
    this.parent.set(node.id, node.id);
    this.members.set(node.id, [node]);
    this.added.set(node.id, this.added.size);
  }

  find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(id, root);
    return root;
  }

  has(id: string): boolean {
    return this.parent.has(id);
  }

  nodes(id: string): readonly GraphNode[] {
    return this.members.get(this.find(id)) ?? [];
  }

  /** Merge the groups of a and b when `compatible` accepts their members; returns whether they merged. */
  union(a: string, b: string, compatible: (x: readonly GraphNode[], y: readonly GraphNode[]) => boolean = () => true): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return true;
    if (!compatible(this.nodes(ra), this.nodes(rb))) return false;
    if (this.stored.has(ra) && this.stored.has(rb)) return false; // two stored nodes are never merged
    const keep = this.stored.has(ra) !== this.stored.has(rb) ? (this.stored.has(ra) ? ra : rb) : this.added.get(ra)! <= this.added.get(rb)! ? ra : rb;
    const gone = keep === ra ? rb : ra;
    this.parent.set(gone, keep);
    this.members.set(keep, [...this.members.get(keep)!, ...this.members.get(gone)!]);
    this.members.delete(gone);
    return true;
  }

  roots(): string[] {
    return [...this.members.keys()];
  }
}

/** The sources that state either of two copies of a relationship. */
function unionStatedBy(a: GraphEdge, b: GraphEdge): { statedBy?: string[] } {
  const by = [...((a.props.statedBy as readonly string[] | undefined) ?? []), ...((b.props.statedBy as readonly string[] | undefined) ?? [])];
  return by.length ? { statedBy: [...new Set(by)] } : {};
}

/** All the values a group's members hold for a property. */
const valuesOf = (nodes: readonly GraphNode[], key: string) => new Set(nodes.map((n) => str(n, key)).filter((v): v is string => v !== undefined));

const oneCountry = (x: readonly GraphNode[], y: readonly GraphNode[]) => new Set([...valuesOf(x, 'country'), ...valuesOf(y, 'country')]).size <= 1;
const oneIsoCode = (x: readonly GraphNode[], y: readonly GraphNode[]) => new Set([...valuesOf(x, 'isoCode'), ...valuesOf(y, 'isoCode')]).size <= 1;

const projectCodeKeys = (node: GraphNode) => (str(node, 'code') ? codeKeys(str(node, 'code')!).map((k) => k.toLowerCase()) : []);
const titleKey = (node: GraphNode) => (str(node, 'title') ? normaliseKey(str(node, 'title')!) : undefined);

/** Two groups of project nodes are one project when they share a code form, or a title where one side has no code. */
function sameProject(x: readonly GraphNode[], y: readonly GraphNode[]): boolean {
  const codesX = new Set(x.flatMap(projectCodeKeys));
  const codesY = new Set(y.flatMap(projectCodeKeys));
  if ([...codesX].some((k) => codesY.has(k))) {
    // Two different PRIMA ids (or two different project codes) are two projects, whatever else they share.
    return true;
  }
  if (codesX.size && codesY.size) return false;
  const titlesX = new Set(x.map(titleKey).filter(Boolean));
  return y.some((n) => titlesX.has(titleKey(n)));
}

const yearOf = (node: GraphNode) => (typeof node.props.year === 'number' ? node.props.year : undefined);
const closeYears = (a: GraphNode, b: GraphNode) => {
  const [ya, yb] = [yearOf(a), yearOf(b)];
  return ya === undefined || yb === undefined || Math.abs(ya - yb) <= 1;
};

export async function resolveEntities(input: GraphChange, reader: GraphReader): Promise<Resolution> {
  const notes: string[] = [];
  const renamed = new Map<string, string>();
  let change = input;

  const byKeys = async (label: Label, nodes: readonly GraphNode[], keys: (n: GraphNode) => readonly string[]) => {
    const all = [...new Set(nodes.flatMap(keys))];
    return all.length ? (await reader.findByKeys(label, all)).flat() : [];
  };

  // Organisations, countries, projects: by match keys, against each other and the store.
  for (const label of ['Organization', 'Country', 'Project'] as const) {
    const incoming = change.nodes.filter((n) => n.label === label);
    if (!incoming.length) continue;
    const stored = uniqueById(await byKeys(label, incoming, keysOf));
    const storedIds = new Set(stored.map((n) => n.id));
    const groups = new Groups(storedIds);
    [...stored, ...incoming].forEach((n) => groups.add(n));
    const compatible = label === 'Organization' ? oneCountry : label === 'Country' ? oneIsoCode : sameProject;
    const owner = new Map<string, string>();
    for (const node of [...stored, ...incoming]) {
      const keys = label === 'Project' ? [...projectCodeKeys(node).map((k) => `code:${k}`), ...(titleKey(node) ? [`title:${titleKey(node)}`] : [])] : keysOf(node);
      for (const key of keys) {
        const seen = owner.get(key);
        if (seen === undefined) owner.set(key, node.id);
        else groups.union(seen, node.id, compatible);
      }
    }
    change = applyGroups(change, label, groups, storedIds, notes, renamed);
  }

  // Evaluations: through their (resolved) projects, else by title and year.
  const evaluations = change.nodes.filter((n) => n.label === 'Evaluation');
  if (evaluations.length) change = applyGroups(change, 'Evaluation', ...(await evaluationGroups(change, evaluations, reader, byKeys)), notes, renamed);

  // People and anything else whose id comes from its name: merge stored properties (a title
  // another document gave) by rank, and keep the union of their lookup keys.
  change = await mergeWithStored(change, reader, ['Person', 'Country', 'Organization', 'Project', 'Evaluation', 'Output']);
  return { change, notes, renamed };
}

/**
 * Which incoming evaluations are which stored ones (or each other). Every row of a catalogue
 * export is an evaluation of its own, and so is every document, so a stored evaluation takes
 * at most one incoming description of each kind of source (the best match: the same id, then
 * the same title, then a shared project), and two descriptions of one kind in one batch are
 * never merged with each other; a brief and a catalogue row in one batch can be.
 */
async function evaluationGroups(
  change: GraphChange,
  evaluations: readonly GraphNode[],
  reader: GraphReader,
  byKeys: (label: Label, nodes: readonly GraphNode[], keys: (n: GraphNode) => readonly string[]) => Promise<GraphNode[]>,
): Promise<[Groups, Set<string>]> {
  const projectsOf = new Map<string, Set<string>>();
  for (const e of change.edges) if (e.type === 'EVALUATES') projectsOf.set(e.from, new Set([...(projectsOf.get(e.from) ?? []), e.to]));
  const projectIds = [...new Set([...projectsOf.values()].flatMap((s) => [...s]))];
  const evaluatorsOf = projectIds.length ? await reader.neighbours(projectIds, 'EVALUATES', 'in') : [];
  projectIds.forEach((projectId, i) => {
    for (const { node } of evaluatorsOf[i] ?? []) projectsOf.set(node.id, new Set([...(projectsOf.get(node.id) ?? []), projectId]));
  });
  const sameIds = (await reader.getNodes(evaluations.map((e) => e.id))).filter((n): n is GraphNode => n !== null);
  const byTitle = await byKeys('Evaluation', evaluations, (n) => (titleKey(n) ? [titleKey(n)!] : []));
  const stored = uniqueById([...sameIds, ...evaluatorsOf.flat().map((n) => n.node), ...byTitle]);
  const storedIds = new Set(stored.map((n) => n.id));
  const groups = new Groups(storedIds);
  [...stored, ...evaluations].forEach((n) => groups.add(n));

  /** How surely two descriptions are one evaluation: 3 the same id, 2 the same title, 1 a shared project; 0 not. */
  const match = (a: GraphNode, b: GraphNode): number => {
    if (a.id === b.id) return 3;
    if (!closeYears(a, b)) return 0;
    const stages = [str(a, 'stage'), str(b, 'stage')];
    if (stages[0] && stages[1] && stages[0] !== stages[1]) return 0;
    if (titleKey(a) !== undefined && titleKey(a) === titleKey(b)) return 2;
    // Through a project, only when both name their stage: a review of many projects is not one of their evaluations.
    const shared = [...(projectsOf.get(b.id) ?? [])].some((p) => projectsOf.get(a.id)?.has(p));
    return shared && stages[0] && stages[1] ? 1 : 0;
  };
  const taken = new Map<string, Set<number>>(); // stored id -> ranks of the incoming descriptions it took
  const pairs: [number, GraphNode, GraphNode][] = [];
  for (const e of evaluations) for (const s of stored) {
    const score = match(e, s);
    if (score) pairs.push([score, e, s]);
  }
  pairs.sort((a, b) => b[0] - a[0] || compareIds(a[1].id, b[1].id) || compareIds(a[2].id, b[2].id));
  const placed = new Set<string>();
  for (const [, e, s] of pairs) {
    const ranks = taken.get(s.id) ?? new Set<number>();
    if (placed.has(e.id) || (ranks.has(rankOf(e.props)) && e.id !== s.id)) continue;
    groups.union(s.id, e.id);
    ranks.add(rankOf(e.props));
    taken.set(s.id, ranks);
    placed.add(e.id);
  }
  // A brief and a catalogue row of the same evaluation imported together.
  const fresh = evaluations.filter((e) => !placed.has(e.id));
  for (const e of fresh) {
    for (const other of evaluations) {
      if (other === e || rankOf(other.props) === rankOf(e.props) || match(e, other) === 0) continue;
      const root = groups.find(other.id);
      if (groups.nodes(root).some((n) => n.id !== other.id && rankOf(n.props) === rankOf(e.props))) continue;
      groups.union(root, e.id);
      break;
    }
  }
  return [groups, storedIds];
}

function uniqueById(nodes: readonly GraphNode[]): GraphNode[] {
  return [...new Map(nodes.map((n) => [n.id, n])).values()];
}

/** Replace each group of one label by one node (the stored id, or the smallest), rewiring relationships. */
function applyGroups(change: GraphChange, label: Label, groups: Groups, storedIds: ReadonlySet<string>, notes: string[], renamed: Map<string, string>): GraphChange {
  const remap = new Map<string, string>();
  for (const node of change.nodes) if (node.label === label && groups.has(node.id)) remap.set(node.id, groups.find(node.id));
  const merged = new Map<string, Props>();
  for (const root of groups.roots()) {
    const members = groups.nodes(root);
    if (!members.some((n) => !storedIds.has(n.id))) continue; // only stored nodes: nothing to write
    // Stored members first, then the change's in order: a later, better source wins.
    const ordered = [...members.filter((n) => storedIds.has(n.id)), ...members.filter((n) => !storedIds.has(n.id))];
    merged.set(root, ordered.slice(1).reduce<Props>((acc, n) => mergeProps(label, acc, n.props), ordered[0]!.props));
    const others = members.filter((n) => n.id !== root);
    if (others.length) {
      const what = (n: GraphNode) => `${n.id}${storedIds.has(n.id) ? ' (stored)' : ''} "${str(n, 'name') ?? str(n, 'code') ?? str(n, 'title') ?? ''}"`;
      notes.push(`${label} ${what(members.find((n) => n.id === root)!)} is the same as ${others.map(what).join(', ')}: merged into ${root}`);
    }
  }
  for (const [from, to] of remap) if (from !== to) renamed.set(from, to);
  const nodes: GraphNode[] = [];
  const emitted = new Set<string>();
  for (const node of change.nodes) {
    if (node.label !== label || !remap.has(node.id)) {
      nodes.push(node);
      continue;
    }
    const root = remap.get(node.id)!;
    if (emitted.has(root)) continue;
    emitted.add(root);
    nodes.push({ id: root, label, props: merged.get(root) ?? node.props });
  }
  const at = (id: string) => remap.get(id) ?? id;
  const edges = new Map<string, GraphEdge>();
  for (const edge of change.edges) {
    const e = { ...edge, from: at(edge.from), to: at(edge.to) };
    if (e.from === e.to) continue; // two spellings of one body declared as parent and unit
    const key = `${e.from}|${e.type}|${e.to}`;
    const seen = edges.get(key);
    edges.set(key, seen ? { ...e, props: { ...seen.props, ...e.props, ...unionStatedBy(seen, e) } } : e);
  }
  return { ...change, nodes, edges: [...edges.values()] };
}

/** The change's nodes of these labels with the stored node's properties merged in (by rank). */
async function mergeWithStored(change: GraphChange, reader: GraphReader, labels: readonly Label[]): Promise<GraphChange> {
  const candidates = change.nodes.filter((n) => labels.includes(n.label));
  if (!candidates.length) return change;
  const stored = new Map((await reader.getNodes(candidates.map((n) => n.id))).filter((n): n is GraphNode => n !== null).map((n) => [n.id, n]));
  return {
    ...change,
    nodes: change.nodes.map((node) => {
      const before = stored.get(node.id);
      if (!labels.includes(node.label)) return node;
      const props = before ? mergeProps(node.label, before.props, node.props) : node.props;
      return { ...node, props: withDerived(node.label, props) };
    }),
  };
}

/**
 * Merge `next` into `into`: the better-ranked source's values win (a lesser source only fills
 * gaps); an organisation keeps its first name and acronym (other names become aliases); a
 * project keeps the most complete form of its code.
 */
export function mergeProps(label: Label, into: Props, next: Props): Props {
  const wins = rankOf(next) >= rankOf(into);
  const out: Mutable = wins ? { ...into, ...next } : { ...next, ...into };
  out.sourceRank = Math.max(rankOf(into), rankOf(next));
  if (label === 'Organization') mergeOrganizationNames(out, into, next);
  if (label === 'Project') {
    const [a, b] = [typeof into.code === 'string' ? into.code : undefined, typeof next.code === 'string' ? next.code : undefined];
    if (a && b) {
      const [ka, kb] = [new Set(codeKeys(a)), new Set(codeKeys(b))];
      if ([...kb].every((k) => ka.has(k)) && ka.size > kb.size) out.code = a;
      else if ([...ka].every((k) => kb.has(k)) && kb.size > ka.size) out.code = b;
    }
  }
  return withDerived(label, out);
}

function mergeOrganizationNames(out: Mutable, first: Props, next: Props): void {
  const name = (p: Props, k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  // A name that was only the acronym (a document that named it by acronym alone) gives way to a real one.
  const firstName = name(first, 'name');
  const nameIsAcronym = firstName !== undefined && normaliseKey(firstName) === normaliseKey(name(first, 'acronym') ?? name(next, 'acronym') ?? '');
  out.name = nameIsAcronym ? (name(next, 'name') ?? firstName) : (firstName ?? name(next, 'name') ?? '');
  out.acronym = name(first, 'acronym') ?? name(next, 'acronym') ?? null;
  out.localName = name(first, 'localName') ?? name(next, 'localName') ?? null;
  if (first.kind && first.kind !== 'OTHER' && next.kind === 'OTHER') out.kind = first.kind;
  // Names not kept become aliases, unless the node already answers to them.
  const known = new Set([out.name, out.acronym, out.localName].filter((v): v is string => typeof v === 'string').map(normaliseKey));
  const aliases = [...((first.aliases as readonly string[] | undefined) ?? []), ...((next.aliases as readonly string[] | undefined) ?? [])];
  for (const candidate of [name(first, 'name'), name(next, 'name'), name(first, 'localName'), name(next, 'localName')]) {
    if (candidate && !known.has(normaliseKey(candidate))) aliases.push(candidate);
  }
  const seen = new Set<string>();
  out.aliases = aliases.filter((a) => {
    const k = normaliseKey(a);
    if (known.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  for (const key of ['acronym', 'localName'] as const) if (out[key] === null) delete out[key];
  if (!(out.aliases as readonly string[]).length) delete out.aliases;
}
