/**
 * The stakeholder graph held in memory as a graphology graph: the organisations and hubs
 * (projects, evaluations of no project) joined by PARTICIPATES_IN, and organisations joined to
 * their parents by PART_OF. It is small next to the whole graph (one link per organisation and
 * hub). The embedded store keeps one, loaded from its database when first needed and brought
 * up to date from the database's log of changes (this process's and other processes'), so
 * paths, neighbourhoods and collaborators are answered by walking memory.
 *
 * Long walks yield to the event loop every few milliseconds and stop at the caller's deadline
 * (pace.ts).
 */
import { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { GraphEdge, Label, Props, RelType } from '../domain/model.js';
import type { Role } from '../domain/roles.js';
import { compareIds } from './order.js';
import { pace } from './pace.js';

export const STAKEHOLDER_TYPES = ['PARTICIPATES_IN', 'PART_OF'] as const satisfies readonly RelType[];
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

interface NodeAttributes {
  label: Label;
  sortName: string;
}
interface EdgeAttributes {
  type: StakeholderType;
  from: string;
  to: string;
  props: Props;
}

import type { WalkControl } from './port.js';

const edgeOf = (a: EdgeAttributes): GraphEdge => ({ type: a.type, from: a.from, to: a.to, props: a.props });

/** Answers remembered until the graph changes: the same question asked again (by many aliases, many users) is not walked again. */
const REMEMBERED = 200;

export class StakeholderGraph {
  readonly graph = new UndirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
  private readonly answers = new Map<string, Promise<unknown>>();

  /** The answer to a question since the graph last changed (the oldest forgotten first), or a new one. */
  private remembered<T>(question: string, answer: () => Promise<T>): Promise<T> {
    let known = this.answers.get(question) as Promise<T> | undefined;
    if (!known) {
      known = answer();
      this.answers.set(question, known);
      // A walk stopped by its caller's deadline is not an answer for the next caller.
      known.catch(() => this.answers.delete(question));
      if (this.answers.size > REMEMBERED) this.answers.delete(this.answers.keys().next().value!);
    }
    return known;
  }

  private changed(): void {
    this.answers.clear();
  }

  /** Add or refresh a node's attributes (its label and sort name). */
  setNode(id: string, label: Label, sortName: string | undefined): void {
    this.changed();
    this.graph.mergeNode(id, { label, sortName: sortName ?? id });
  }

  dropNode(id: string): void {
    this.changed();
    if (this.graph.hasNode(id)) this.graph.dropNode(id);
  }

  setEdge(type: StakeholderType, from: string, to: string, props: Props, ends: { label: Label; sortName?: string }[]): void {
    this.setNode(from, ends[0]!.label, ends[0]!.sortName);
    this.setNode(to, ends[1]!.label, ends[1]!.sortName);
    this.changed();
    const key = `${from}|${type}|${to}`;
    this.graph.mergeEdgeWithKey(key, from, to, { type, from, to, props });
  }

  dropEdge(type: string, from: string, to: string): void {
    this.changed();
    const key = `${from}|${type}|${to}`;
    if (this.graph.hasEdge(key)) this.graph.dropEdge(key);
    for (const id of [from, to]) if (this.graph.hasNode(id) && this.graph.degree(id) === 0) this.graph.dropNode(id);
  }

  private sortKey(id: string): string {
    return this.graph.getNodeAttribute(id, 'sortName');
  }

  /** Stakeholders ordered as results list them: by name, then id. */
  private byName = (a: string, b: string) => compareIds(this.sortKey(a), this.sortKey(b)) || compareIds(a, b);

  /**
   * The neighbourhood of a node within `depth` links, nearest first (then organisations before
   * hubs, then by name), cut at `maxNodes`; the links among the kept nodes; and how many nodes
   * within the depth the cut left out. With `roles`, only links of those roles are followed
   * (PARENT or UNIT follow PART_OF).
   */
  async neighbourhood(start: string, depth: number, maxNodes: number, roles: readonly Role[] | undefined, control: WalkControl = {}): Promise<{ nodes: { id: string; hop: number }[]; edges: GraphEdge[]; omitted: number }> {
    if (!this.graph.hasNode(start)) return { nodes: [{ id: start, hop: 0 }], edges: [], omitted: 0 };
    return this.remembered(`n|${start}|${depth}|${maxNodes}|${roles?.join(',') ?? ''}`, async () => {
            const allowed = this.linkFilter(roles);
      // Breadth first, a level per hop.
      const seen = new Set<string>([start]);
      const levels: string[][] = [[start]];
      for (let level = 1; level <= depth; level++) {
        const next: string[] = [];
        for (const node of levels[level - 1]!) {
          this.graph.forEachEdge(node, (_key, attributes, source, target) => {
            if (!allowed(attributes)) return;
            const other = source === node ? target : source;
            if (!seen.has(other)) {
              seen.add(other);
              next.push(other);
            }
          });
          await pace(control.signal);
        }
        if (!next.length) break;
        levels.push(next);
      }
      // Nearest first; within a hop, organisations before hubs, then by name. Only the levels
      // the cap reaches are sorted; the rest are counted.
      const kept: { id: string; hop: number }[] = [];
      let omitted = 0;
      levels.forEach((ids, hop) => {
        const room = maxNodes - kept.length;
        if (room <= 0) {
          omitted += ids.length;
          return;
        }
        const keyed = ids.map((id) => ({ id, rank: this.graph.getNodeAttribute(id, 'label') === 'Organization' ? 0 : 1, name: this.sortKey(id) }));
        keyed.sort((a, b) => a.rank - b.rank || compareIds(a.name, b.name) || compareIds(a.id, b.id));
        keyed.slice(0, room).forEach((k) => kept.push({ id: k.id, hop }));
        omitted += Math.max(0, ids.length - room);
      });
      const keptSet = new Set(kept.map((k) => k.id));
      const edges: GraphEdge[] = [];
      for (const { id } of kept) {
        this.graph.forEachEdge(id, (_key, attributes) => {
          if (attributes.from === id && allowed(attributes) && keptSet.has(attributes.to)) edges.push(edgeOf(attributes));
        });
      }
      edges.sort((a, b) => compareIds(`${a.from}|${a.type}|${a.to}`, `${b.from}|${b.type}|${b.to}`));
      return { nodes: kept, edges, omitted };
    });
  }

  private linkFilter(roles: readonly Role[] | undefined): (a: EdgeAttributes) => boolean {
    if (!roles) return () => true;
    const partOf = roles.includes('PARENT') || roles.includes('UNIT');
    return (a) => (a.type === 'PART_OF' ? partOf : ((a.props.roles as readonly string[] | undefined) ?? []).some((r) => roles.includes(r as Role)));
  }

  /**
   * The shortest simple paths between two nodes with at most `maxHops` links, shortest first
   * and, for equal lengths, by the names along the way; the first `first` of them. The
   * shortest length comes from graphology's bidirectional search; paths are then enumerated
   * in order, pruned by each node's distance to the target, and the walk stops at `first`.
   */
  paths(from: string, to: string, maxHops: number, first: number, control: WalkControl = {}): Promise<{ nodes: string[]; edges: GraphEdge[] }[]> {
    return this.remembered(`p|${from}|${to}|${maxHops}|${first}`, () => this.walkPaths(from, to, maxHops, first, control));
  }

  private async walkPaths(from: string, to: string, maxHops: number, first: number, control: WalkControl): Promise<{ nodes: string[]; edges: GraphEdge[] }[]> {
    if (from === to) return [{ nodes: [from], edges: [] }];
    if (!this.graph.hasNode(from) || !this.graph.hasNode(to)) return [];
    const shortest = bidirectional(this.graph, from, to);
    if (!shortest || shortest.length - 1 > maxHops) return [];
        // Distances to the target, as far as a path of maxHops links can need them.
    const distance = new Map<string, number>([[to, 0]]);
    let frontier = [to];
    for (let d = 1; d < maxHops && frontier.length; d++) {
      const next: string[] = [];
      for (const node of frontier) {
        this.graph.forEachNeighbor(node, (other) => {
          if (!distance.has(other)) {
            distance.set(other, d);
            next.push(other);
          }
        });
        await pace(control.signal);
      }
      frontier = next;
    }
    const sortedNeighbours = new Map<string, string[]>();
    const neighboursOf = (id: string) => {
      let list = sortedNeighbours.get(id);
      if (!list) {
        list = this.graph.neighbors(id).sort(this.byName);
        sortedNeighbours.set(id, list);
      }
      return list;
    };
    const found: { nodes: string[]; edges: GraphEdge[] }[] = [];
    for (let length = shortest.length - 1; length <= maxHops && found.length < first; length++) {
      const path = [from];
      const onPath = new Set(path);
      const extend = async (): Promise<boolean> => {
        const at = path.at(-1)!;
        const remaining = length - (path.length - 1);
        if (remaining === 0) {
          if (at === to) found.push({ nodes: [...path], edges: path.slice(1).map((id, i) => edgeOf(this.graph.getEdgeAttributes(path[i]!, id))) });
          return found.length >= first;
        }
        await pace(control.signal);
        for (const next of neighboursOf(at)) {
          if (onPath.has(next) || (distance.get(next) ?? Infinity) > remaining - 1) continue;
          path.push(next);
          onPath.add(next);
          const done = await extend();
          path.pop();
          onPath.delete(next);
          if (done) return true;
        }
        return false;
      };
      await extend();
    }
    return found;
  }

  /**
   * Who shares hubs with an organisation: for each other organisation, the hubs both take part
   * in, with both participations; most shared hubs first, then by name.
   */
  collaborators(org: string, control: WalkControl = {}): Promise<{ id: string; shared: { hub: string; mine: GraphEdge; theirs: GraphEdge }[] }[]> {
    return this.remembered(`c|${org}`, () => this.walkCollaborators(org, control));
  }

  private async walkCollaborators(org: string, control: WalkControl): Promise<{ id: string; shared: { hub: string; mine: GraphEdge; theirs: GraphEdge }[] }[]> {
    if (!this.graph.hasNode(org)) return [];
        const byOrg = new Map<string, { hub: string; mine: GraphEdge; theirs: GraphEdge }[]>();
    const hubs: [string, EdgeAttributes][] = [];
    this.graph.forEachEdge(org, (_key, attributes) => {
      if (attributes.type === 'PARTICIPATES_IN' && attributes.from === org) hubs.push([attributes.to, attributes]);
    });
    for (const [hub, mine] of hubs) {
      this.graph.forEachEdge(hub, (_key, theirs) => {
        if (theirs.type !== 'PARTICIPATES_IN' || theirs.from === org) return;
        const list = byOrg.get(theirs.from) ?? [];
        list.push({ hub, mine: edgeOf(mine), theirs: edgeOf(theirs) });
        byOrg.set(theirs.from, list);
      });
      await pace(control.signal);
    }
    return [...byOrg]
      .map(([id, shared]) => ({ id, shared: shared.sort((a, b) => this.byName(a.hub, b.hub)) }))
      .sort((a, b) => b.shared.length - a.shared.length || this.byName(a.id, b.id));
  }
}
