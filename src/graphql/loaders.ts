/**
 * Per-request DataLoaders: one for nodes by id and one per relationship type and direction,
 * created lazily and cached for the request. Every relationship a resolver follows goes
 * through these, so a nested query costs one store call per relationship per level, however
 * many parents it has. A store in this process (the embedded store) answers a relationship at
 * once instead (`neighboursOf`): there is no round trip to save, and a resolver whose data is
 * at hand then returns it without a promise.
 */
import DataLoader from 'dataloader';
import type { Direction, GraphNode, RelType } from '../domain/model.js';
import type { NeighboursFn } from '../services/graphWalk.js';
import { relatedToRecommendations, type RelatedOptions, type RelatedResult } from '../services/related.js';
import type { GraphStore, Neighbour } from '../store/port.js';

/** A request's loaders. Each is made when first used: most requests use a few of them. */
export class Loaders {
  private nodeLoader?: DataLoader<string, GraphNode | null>;
  private batchedNeighbours?: NeighboursFn;
  private readonly relationships = new Map<string, DataLoader<string, Neighbour[]>>();
  private readonly relatedLoaders = new Map<string, DataLoader<string, RelatedResult[]>>();

  constructor(private readonly store: GraphStore) {}

  /** Nodes by id. */
  get node(): DataLoader<string, GraphNode | null> {
    return (this.nodeLoader ??= new DataLoader((ids) => this.store.getNodes(ids)));
  }

  /**
   * Batched neighbours for the services (stakeholders, related recommendations, aggregates):
   * every call goes through this request's relationship loaders, so concurrent resolvers share
   * one store call per relationship and level.
   */
  get neighbours(): NeighboursFn {
    return (this.batchedNeighbours ??= (ids, type, direction) => Promise.all(ids.map((id) => this.related(type, direction).load(id))));
  }

  /** Forget everything loaded so far: a mutation calls this after writing, so its answer shows the new state. */
  clear(): void {
    this.nodeLoader?.clearAll();
    this.relationships.clear();
    this.relatedLoaders.clear();
  }

  /**
   * One node's neighbours: at once when the store answers in this process, else through the
   * relationship's loader, batched with the other nodes of the level.
   */
  neighboursOf(id: string, type: RelType, direction: Direction): readonly Neighbour[] | Promise<readonly Neighbour[]> {
    return this.store.immediate ? this.store.immediate.neighbours(id, type, direction) : this.related(type, direction).load(id);
  }

  /** Related recommendations by recommendation id: a page's are ranked in one batched pass (services/related.ts). */
  relatedRecommendations(options: RelatedOptions): DataLoader<string, RelatedResult[]> {
    const key = JSON.stringify([options.first, options.otherProjectsOnly]);
    let loader = this.relatedLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const nodes = (await this.node.loadMany(ids)).map((n) => (n instanceof Error ? null : n));
        const ranked = await relatedToRecommendations(this.store, this.neighbours, nodes.filter((n): n is GraphNode => !!n), options);
        const byId = new Map(nodes.filter((n): n is GraphNode => !!n).map((n, i) => [n.id, ranked[i]!]));
        return ids.map((id) => byId.get(id) ?? []);
      });
      this.relatedLoaders.set(key, loader);
    }
    return loader;
  }

  /** The loader of one relationship type followed in one direction. */
  related(type: RelType, direction: Direction): DataLoader<string, Neighbour[]> {
    const key = `${type}:${direction}`;
    let loader = this.relationships.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => this.store.neighbours(ids, type, direction));
      this.relationships.set(key, loader);
    }
    return loader;
  }
}
