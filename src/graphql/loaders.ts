/**
 * Per-request DataLoaders: one for nodes by id and one per relationship type and direction,
 * created lazily and cached for the request. Every relationship a resolver follows goes
 * through these, so a nested query costs one store call per relationship per level, however
 * many parents it has.
 */
import DataLoader from 'dataloader';
import type { Direction, GraphNode, RelType } from '../domain/model.js';
import { relatedToRecommendations, type RelatedOptions, type RelatedResult } from '../services/related.js';
import type { GraphStore, Neighbour } from '../store/port.js';

export class Loaders {
  readonly node: DataLoader<string, GraphNode | null>;
  private readonly relationships = new Map<string, DataLoader<string, Neighbour[]>>();
  private readonly relatedLoaders = new Map<string, DataLoader<string, RelatedResult[]>>();

  constructor(private readonly store: GraphStore) {
    this.node = new DataLoader((ids) => store.getNodes(ids));
  }

  /**
   * Batched neighbours for the services (stakeholders, related recommendations, aggregates):
   * every call goes through this request's relationship loaders, so concurrent resolvers share
   * one store call per relationship and level.
   */
  readonly neighbours = (ids: readonly string[], type: RelType, direction: Direction): Promise<Neighbour[][]> =>
    Promise.all(ids.map((id) => this.related(type, direction).load(id)));

  /** Forget everything loaded so far: a mutation calls this after writing, so its answer shows the new state. */
  clear(): void {
    this.node.clearAll();
    this.relationships.clear();
    this.relatedLoaders.clear();
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
