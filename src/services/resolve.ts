/**
 * Entity resolution: one institution is one node however a document spells it. Organisation
 * nodes in a change that share a match key (acronym, name, local name, alias) with each other
 * or with stored organisations are merged into one node, and every relationship is rewired
 * to it. Stored ids win, so a node's id never changes once written.
 */
import type { GraphEdge, GraphNode, Props } from '../domain/model.js';
import type { GraphChange, GraphStore } from '../store/port.js';
import { searchTextOf } from '../ingest/toGraph.js';
import { normaliseKey } from '../domain/text.js';
import { compareIds } from '../store/order.js';

const LIST_PROPS = ['aliases', 'matchKeys'] as const;

export async function resolveOrganizations(change: GraphChange, store: GraphStore): Promise<GraphChange> {
  const orgs = change.nodes.filter((n) => n.label === 'Organization');
  if (!orgs.length) return change;
  const keys = [...new Set(orgs.flatMap((n) => (n.props.matchKeys as readonly string[] | undefined) ?? []))];
  const storedMatches = await store.findByKeys('Organization', keys);
  const stored = new Map<string, GraphNode>();
  storedMatches.flat().forEach((n) => stored.set(n.id, n));

  // Union-find over organisation ids that share a key.
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    // Prefer a stored id as the root, then the smaller id, so the outcome is deterministic.
    const keep = stored.has(ra) !== stored.has(rb) ? (stored.has(ra) ? ra : rb) : compareIds(ra, rb) <= 0 ? ra : rb;
    parent.set(ra === keep ? rb : ra, keep);
  };
  const all = [...orgs, ...stored.values()];
  all.forEach((n) => parent.set(n.id, n.id));
  const owner = new Map<string, string>();
  for (const node of all) {
    for (const key of (node.props.matchKeys as readonly string[] | undefined) ?? []) {
      const seen = owner.get(key);
      if (seen) union(seen, node.id);
      else owner.set(key, node.id);
    }
  }

  // Merge each group's properties: stored first, then the change in order.
  const merged = new Map<string, Record<string, Props[string]>>();
  for (const node of [...stored.values(), ...orgs]) {
    const root = find(node.id);
    const into = merged.get(root);
    merged.set(root, into ? mergeOrganization(into, node.props) : { ...node.props });
  }
  const remap = (id: string) => (parent.has(id) ? find(id) : id);
  const nodes: GraphNode[] = [];
  const emitted = new Set<string>();
  for (const node of change.nodes) {
    if (node.label !== 'Organization') {
      nodes.push(node);
      continue;
    }
    const root = find(node.id);
    if (emitted.has(root)) continue;
    emitted.add(root);
    const props = merged.get(root)!;
    props.searchText = searchTextOf(props.name as string, props.acronym as string, props.localName as string, props.aliases as string[]);
    nodes.push({ id: root, label: 'Organization', props });
  }
  const edges = new Map<string, GraphEdge>();
  for (const edge of change.edges) {
    const e = { ...edge, from: remap(edge.from), to: remap(edge.to) };
    if (e.from === e.to) continue; // two spellings of one body declared as parent and unit
    edges.set(`${e.from}|${e.type}|${e.to}`, e);
  }
  return { nodes, edges: [...edges.values()] };
}

function mergeOrganization(into: Record<string, Props[string]>, next: Props): Record<string, Props[string]> {
  const out = { ...into };
  for (const [key, value] of Object.entries(next)) {
    if (value === null || value === undefined) continue;
    if ((LIST_PROPS as readonly string[]).includes(key)) {
      out[key] = [...new Set([...((out[key] as readonly string[]) ?? []), ...(value as readonly string[])])];
    } else if (key === 'name' && typeof out.name === 'string' && typeof out.acronym === 'string' && normaliseKey(out.name) === normaliseKey(out.acronym)) {
      // A name that was only the acronym (a brief that named it by acronym alone) gives way to a real one.
      out.name = value;
    } else if ((key === 'name' || key === 'localName') && typeof out[key] === 'string' && out[key] !== value) {
      // Keep the first name (and local name); a different spelling becomes an alias, unless it
      // is one the node already answers to (its acronym, say, when a brief names it by that alone).
      const known = [out.name, out.acronym, out.localName, ...((out.aliases as readonly string[]) ?? [])].filter((v): v is string => typeof v === 'string').map(normaliseKey);
      if (!known.includes(normaliseKey(value as string))) out.aliases = [...new Set([...((out.aliases as readonly string[]) ?? []), value as string])];
    } else if (key === 'kind' && value === 'OTHER' && out.kind) {
      continue;
    } else if (out[key] === undefined || key !== 'acronym') {
      out[key] = value;
    }
  }
  return out;
}

/**
 * Countries and people are shared by documents that know different things about them (one
 * brief gives Bolivia's official name, another does not). A change replaces stored properties
 * key by key, so their derived lookup properties are completed from the stored node: match
 * keys are united and the search text is made from the merged properties.
 */
export async function completeSharedNodes(change: GraphChange, store: GraphStore): Promise<GraphChange> {
  const shared = change.nodes.filter((n) => n.label === 'Country' || n.label === 'Person');
  if (!shared.length) return change;
  const stored = new Map((await store.getNodes(shared.map((n) => n.id))).filter((n): n is GraphNode => n !== null).map((n) => [n.id, n]));
  const nodes = change.nodes.map((node) => {
    const before = stored.get(node.id);
    if (!before || (node.label !== 'Country' && node.label !== 'Person')) return node;
    const props = { ...before.props, ...node.props };
    const matchKeys = [...new Set([...((before.props.matchKeys as readonly string[] | undefined) ?? []), ...((node.props.matchKeys as readonly string[] | undefined) ?? [])])];
    const text = (key: string) => (typeof props[key] === 'string' ? (props[key] as string) : undefined);
    const searchText = node.label === 'Country' ? searchTextOf(text('name'), text('officialName'), text('isoCode')) : searchTextOf(text('name'), text('title'));
    return { ...node, props: { ...node.props, matchKeys, searchText } };
  });
  return { nodes, edges: change.edges };
}
