/**
 * The embedded store's recommendation facts (store/recommendationFacts.ts) and theme members,
 * kept in memory as they are first asked for and then per write: each commit's log entry names
 * the nodes and relationships it touched, and only the facts those feed are dropped, to be read
 * again when next asked. A page of related recommendations then scores thousands of candidates
 * without a database read, and nothing is loaded at start-up.
 */
import { labelOfId, type Props } from '../../domain/model.js';
import { compareIds } from '../order.js';
import { assembleFacts, type Placed, type RecommendationFacts } from '../recommendationFacts.js';
import type { LogEntry, StoredNode } from './database.js';

/** Synchronous reads of the committed graph. */
export interface FactsReader {
  node(id: string): StoredNode | undefined;
  /** Outgoing relationships of a type: the other end's id and the relationship's props. */
  out(id: string, type: string): { id: string; props: Props }[];
  /** Incoming relationships of a type: the other ends' ids. */
  in(id: string, type: string): string[];
}

interface RecommendationRaw {
  readonly text?: unknown;
  readonly themeLabel?: unknown;
  readonly themes: readonly Placed[];
  readonly audiences: readonly Placed[];
  readonly evaluations: readonly string[];
}

const placed = (r: { id: string; props: Props }): Placed => ({ id: r.id, position: r.props.position });

export class RecommendationFactsIndex {
  private readonly recommendations = new Map<string, RecommendationRaw | null>();
  private readonly broader = new Map<string, readonly Placed[]>();
  private readonly projectsOf = new Map<string, readonly Placed[]>();
  private readonly projects = new Map<string, { typeKey?: unknown; countries: readonly Placed[] }>();
  private readonly members = new Map<string, readonly string[]>();
  private readonly assembled = new Map<string, RecommendationFacts | null>();

  constructor(private readonly reader: FactsReader) {}

  get empty(): boolean {
    return !this.recommendations.size && !this.members.size && !this.assembled.size;
  }

  /** Forget everything (the log no longer reaches back to the last commit seen). */
  clear(): void {
    for (const map of [this.recommendations, this.broader, this.projectsOf, this.projects, this.members, this.assembled]) map.clear();
  }

  /** Drop what a commit touched. */
  forget(entry: LogEntry): void {
    const dropRecommendation = (id: string) => {
      this.recommendations.delete(id);
      this.assembled.delete(id);
    };
    for (const id of entry.nodes) {
      const label = labelOfId(id);
      if (label === 'Recommendation') dropRecommendation(id);
      else if (label === 'Project') this.dropShared(this.projects, id);
    }
    for (const [from, type, to] of entry.edges) {
      switch (type) {
        case 'ABOUT':
          if (labelOfId(from) === 'Recommendation') dropRecommendation(from);
          this.members.delete(to);
          break;
        case 'ADDRESSED_TO':
          dropRecommendation(from);
          break;
        case 'RECOMMENDS':
          dropRecommendation(to);
          break;
        case 'EVALUATES':
          this.dropShared(this.projectsOf, from);
          break;
        case 'IN_COUNTRY':
          this.dropShared(this.projects, from);
          break;
        case 'BROADER':
          this.dropShared(this.broader, from);
          break;
      }
    }
  }

  /** A fact many recommendations' facts are assembled from changed: every assembled one goes. */
  private dropShared(map: Map<string, unknown>, id: string): void {
    if (map.delete(id)) this.assembled.clear();
  }

  facts(id: string): RecommendationFacts | null {
    let facts = this.assembled.get(id);
    if (facts === undefined) {
      const raw = this.recommendation(id);
      facts = raw
        ? assembleFacts({
            id,
            text: raw.text,
            themeLabel: raw.themeLabel,
            themes: raw.themes.map((t) => ({ ...t, broader: this.broaderOf(t.id) })),
            audiences: raw.audiences,
            evaluations: raw.evaluations.map((e) => ({ id: e, projects: this.projectsOfEvaluation(e).map((p) => ({ ...p, ...this.project(p.id) })) })),
          })
        : null;
      this.assembled.set(id, facts);
    }
    return facts;
  }

  /** The recommendations about a theme, by id. */
  about(theme: string): readonly string[] {
    let ids = this.members.get(theme);
    if (!ids) {
      ids = this.reader.in(theme, 'ABOUT').filter((id) => labelOfId(id) === 'Recommendation').sort(compareIds);
      this.members.set(theme, ids);
    }
    return ids;
  }

  private recommendation(id: string): RecommendationRaw | null {
    let raw = this.recommendations.get(id);
    if (raw === undefined) {
      const node = this.reader.node(id);
      raw =
        node?.l === 'Recommendation'
          ? {
              text: node.p.text,
              themeLabel: node.p.themeLabel,
              themes: this.reader.out(id, 'ABOUT').filter((t) => labelOfId(t.id) === 'Theme').map(placed),
              audiences: this.reader.out(id, 'ADDRESSED_TO').map(placed),
              evaluations: this.reader.in(id, 'RECOMMENDS'),
            }
          : null;
      this.recommendations.set(id, raw);
    }
    return raw;
  }

  private broaderOf(theme: string): readonly Placed[] {
    return cached(this.broader, theme, () => this.reader.out(theme, 'BROADER').map(placed));
  }

  private projectsOfEvaluation(evaluation: string): readonly Placed[] {
    return cached(this.projectsOf, evaluation, () => this.reader.out(evaluation, 'EVALUATES').map(placed));
  }

  private project(id: string): { typeKey?: unknown; countries: readonly Placed[] } {
    return cached(this.projects, id, () => ({ typeKey: this.reader.node(id)?.p.typeKey, countries: this.reader.out(id, 'IN_COUNTRY').map(placed) }));
  }
}

function cached<V>(map: Map<string, V>, key: string, read: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = read();
    map.set(key, value);
  }
  return value;
}
