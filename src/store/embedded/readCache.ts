/**
 * Nodes and relationship lists read lately, kept decoded until a commit touches them: a page
 * asked again (the same project by many users, the same organisation under many projects) is
 * served without decoding its entries from the database again. Each commit's log entry names
 * the nodes and relationships it touched; only those are dropped (the store replays the log of
 * every process's commits before it reads). Bounded: emptied when it holds `max` of either.
 *
 * A node's neighbours as the port gives them (each relationship with the node at its other
 * end) are kept too, for the immediate reads of a page: they hold other nodes, so a commit
 * that touches any node drops them all (commits are rare next to reads), one that touches only
 * relationships drops those lists. So does a node's natural-key lookup (`findByKeys`): which
 * nodes a key names changes only with a node.
 */
import type { Direction, GraphEdge, RelType } from '../../domain/model.js';
import type { Neighbour } from '../port.js';
import type { LogEntry, StoredNode } from './database.js';

/** One relationship of a node: the relationship, in its stored direction, and the other end's id. */
export interface Adjacent {
  readonly edge: GraphEdge;
  readonly other: string;
}

const listKey = (id: string, type: string, direction: Direction) => `${direction}\u0000${type}\u0000${id}`;

/** What `map` keeps under `key`, else what `read` gives, kept (the map emptied first when it holds `max`). */
function kept<V>(map: Map<string, V>, key: string, max: number, read: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= max) map.clear();
    value = read();
    map.set(key, value);
  }
  return value;
}

export class ReadCache {
  private readonly nodes = new Map<string, StoredNode | null>();
  private readonly lists = new Map<string, readonly Adjacent[]>();
  private readonly neighbourLists = new Map<string, readonly Neighbour[]>();
  private readonly keyed = new Map<string, readonly string[]>();

  constructor(private readonly max = 100_000) {}

  get empty(): boolean {
    return !this.nodes.size && !this.lists.size && !this.neighbourLists.size && !this.keyed.size;
  }

  clear(): void {
    this.nodes.clear();
    this.lists.clear();
    this.neighbourLists.clear();
    this.keyed.clear();
  }

  node(id: string, read: () => StoredNode | undefined): StoredNode | null {
    return kept(this.nodes, id, this.max, () => read() ?? null);
  }

  /** A node's relationships of one type in one direction, in the order `read` gives them. */
  adjacent(id: string, type: RelType, direction: Direction, read: () => Adjacent[]): readonly Adjacent[] {
    return kept(this.lists, listKey(id, type, direction), this.max, read);
  }

  /** A node's neighbours over one relationship type in one direction, as `read` gives them. */
  neighbours(id: string, type: RelType, direction: Direction, read: () => Neighbour[]): readonly Neighbour[] {
    return kept(this.neighbourLists, listKey(id, type, direction), this.max, read);
  }

  /** The ids of the nodes of a label that a natural key names, as `read` gives them. */
  idsByKey(label: string, key: string, read: () => string[]): readonly string[] {
    return kept(this.keyed, `${label}\u0000${key}`, this.max, read);
  }

  /** Drop what a commit touched. */
  forget(entry: LogEntry): void {
    for (const id of entry.nodes) this.nodes.delete(id);
    if (entry.nodes.length) {
      this.neighbourLists.clear();
      this.keyed.clear();
    }
    for (const [from, type, to] of entry.edges) {
      for (const [id, direction] of [[from, 'out'], [to, 'in']] as const) {
        this.lists.delete(listKey(id, type, direction));
        this.neighbourLists.delete(listKey(id, type, direction));
      }
    }
  }
}

