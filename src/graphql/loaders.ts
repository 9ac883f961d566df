/**
 * Per-request DataLoaders: one for nodes by id and one per relationship type and direction,
 * created lazily and cached for the request. Every relationship a resolver follows goes
 * through these, so a nested query costs one store call per relationship per level, however
 * many parents it has.
 */
import DataLoader from 'dataloader';
import type { Direction, GraphNode, RelType } from '../domain/model.js';
import type { GraphStore, Neighbour } from '../store/port.js';

export class Loaders {
  readonly node: DataLoader<string, GraphNode | null>;
  private readonly relationships = new Map<string, DataLoader<string, Neighbour[]>>();

  constructor(private readonly store: GraphStore) {
    this.node = new DataLoader((ids) => store.getNodes(ids));
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
