/**
 * The README's example queries, for the GraphQL IDE's tabs: every ```graphql block of README.md,
 * named after the sentence or heading before it. Read when the explorer is built (vite.config.ts),
 * so the IDE opens with the same examples the README shows.
 */

export interface ReadmeExample {
  /** The sentence (or heading) that introduces the example, without Markdown. */
  readonly title: string;
  /** The query, as the README writes it; an anonymous one gets an operation name from the title. */
  readonly query: string;
}

const plain = (markdown: string) =>
  markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** An operation name from a title: its first words in PascalCase. */
export function operationName(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .filter((w, i, all) => !(i === 0 && all.length > 1 && /^(a|an|the)$/i.test(w)))
    .slice(0, 5);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('');
  return /^[A-Za-z]/.test(name) ? name : `Example${name}`;
}

export function readmeExamples(markdown: string): ReadmeExample[] {
  const out: ReadmeExample[] = [];
  const block = /```graphql\n([\s\S]*?)```/g;
  let match: RegExpExecArray | null;
  while ((match = block.exec(markdown))) {
    const before = markdown.slice(0, match.index).trimEnd();
    // The paragraph (or heading) just before the block.
    const paragraph = before.split(/\n\s*\n/).at(-1) ?? '';
    const title = plain(paragraph.replace(/^#+\s*/, '').replace(/:$/, '')).slice(0, 160) || `Example ${out.length + 1}`;
    const query = match[1]!.trim();
    const named = /^\{/.test(query) ? `query ${operationName(title)} ${query}` : query;
    out.push({ title, query: `# ${title}\n${named}\n` });
  }
  return out;
}
