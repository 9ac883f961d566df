/**
 * Nodes and relationship lists read lately, kept decoded until a commit touches them: a page
 * asked again (the same project by many users, the same organisation under many projects) is
 * served without decoding its entries from the database again. Each commit's log entry names
 * the nodes and relationships it touched; only those are dropped (the store replays the log of
 * every process's commits before it reads). Bounded: emptied when it holds `max` of either.
 */
import type { Direction, GraphEdge, RelType } from '../../domain/model.js';
import type { LogEntry, StoredNode } from './database.js';

/** One relationship of a node: the relationship, in its stored direction, and the other end's id. */
export interface Adjacent {
  readonly edge: GraphEdge;
  readonly other: string;
}

const listKey = (id: string, type: string, direction: Direction) => `${direction}\u0000${type}\u0000${id}`;

export class ReadCache {
  private readonly nodes = new Map<string, StoredNode | null>();
  private readonly lists = new Map<string, readonly Adjacent[]>();

  constructor(private readonly max = 100_000) {}

  get empty(): boolean {
    return !this.nodes.size && !this.lists.size;
  }

  clear(): void {
    this.nodes.clear();
    this.lists.clear();
  }

  node(id: string, read: () => StoredNode | undefined): StoredNode | null {
    let node = this.nodes.get(id);
    if (node === undefined) {
      if (this.nodes.size >= this.max) this.nodes.clear();
      node = read() ?? null;
      this.nodes.set(id, node);
    }
    return node;
  }

  /** A node's relationships of one type in one direction, in the order `read` gives them. */
  adjacent(id: string, type: RelType, direction: Direction, read: () => Adjacent[]): readonly Adjacent[] {
    const key = listKey(id, type, direction);
    let list = this.lists.get(key);
    if (!list) {
      if (this.lists.size >= this.max) this.lists.clear();
      list = read();
      this.lists.set(key, list);
    }
    return list;
  }

  /** Drop what a commit touched. */
  forget(entry: LogEntry): void {
    for (const id of entry.nodes) this.nodes.delete(id);
    for (const [from, type, to] of entry.edges) {
      this.lists.delete(listKey(from, type, 'out'));
      this.lists.delete(listKey(to, type, 'in'));
    }
  }
}

