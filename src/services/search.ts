/** Full-text search across recommendations, findings, conclusions, projects and organisations, with snippets. */
import type { GraphNode, SearchableLabel } from '../domain/model.js';
import { terms } from '../domain/terms.js';
import type { GraphStore } from '../store/port.js';

export interface SearchResult {
  readonly node: GraphNode;
  readonly score: number;
  /** The passage of the node's text where the query's terms gather most, with the match in the middle. */
  readonly snippet: string;
  /** The words of the text that matched the query. */
  readonly matchedTerms: readonly string[];
}

/** The text a person reads for a node of each searchable label. */
export function displayText(node: GraphNode): string {
  const p = node.props;
  const parts = {
    Recommendation: [p.text],
    Finding: [p.title, p.summary],
    Conclusion: [p.text],
    Project: [p.code, p.title, p.summary],
    Organization: [p.name, p.acronym, p.localName, ...((p.aliases as readonly string[] | undefined) ?? [])],
  }[node.label as SearchableLabel] ?? [];
  return parts.filter((v): v is string => typeof v === 'string' && v.length > 0).join(' — ');
}

const SNIPPET_RADIUS = 80;

export function snippetOf(text: string, query: string): { snippet: string; matchedTerms: string[] } {
  const wanted = new Set(terms(query));
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const matches = words.filter((w) => wanted.has(terms(w[0])[0] ?? ''));
  const matchedTerms = [...new Set(matches.map((m) => m[0].toLowerCase()))];
  if (!matches.length) return { snippet: text.length > 2 * SNIPPET_RADIUS ? `${text.slice(0, 2 * SNIPPET_RADIUS).replace(/\s+\S*$/, '')} …` : text, matchedTerms };
  // Centre on the match whose neighbourhood holds the most distinct query terms.
  const termAt = (m: RegExpMatchArray) => terms(m[0])[0];
  let at = matches[0]!.index!;
  let best = 0;
  for (const m of matches) {
    const near = new Set(matches.filter((o) => Math.abs(o.index! - m.index!) <= SNIPPET_RADIUS).map(termAt)).size;
    if (near > best) [best, at] = [near, m.index!];
  }
  let start = Math.max(0, at - SNIPPET_RADIUS);
  let end = Math.min(text.length, at + SNIPPET_RADIUS);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > at ? text.lastIndexOf(' ', end) : end;
  return { snippet: `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`, matchedTerms };
}

export async function search(store: GraphStore, query: string, labels: readonly SearchableLabel[], first: number): Promise<SearchResult[]> {
  const hits = await store.search({ text: query, labels, limit: first });
  return hits.map((hit) => ({ node: hit.node, score: hit.score, ...snippetOf(displayText(hit.node), query) }));
}
