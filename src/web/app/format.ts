/** How values read on a page. */

const SMALL = new Set(['and', 'of', 'the', 'for', 'to', 'in']);

/** `STATISTICS_OFFICE` -> `Statistics office`. */
export function words(constant: string | null | undefined): string {
  if (!constant) return '';
  const text = constant.toLowerCase().replace(/_/g, ' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

/** `IOM Development Fund (IDF)`, or the name alone. */
export function orgName(org: { name: string; acronym?: string | null } | null | undefined): string {
  if (!org) return '';
  return org.acronym && org.acronym !== org.name ? `${org.name} (${org.acronym})` : org.name;
}

/** A project by title, with its code: `Strengthening ... (BO10P0001/CE.0350)`. */
export function projectName(project: { code?: string | null; title?: string | null } | null | undefined): string {
  if (!project) return '';
  if (project.title && project.code) return `${project.title} (${project.code})`;
  return project.title ?? project.code ?? '';
}

export function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

export function list(values: readonly (string | null | undefined)[]): string {
  return values.filter(Boolean).join(', ');
}

export function number(n: number): string {
  return n.toLocaleString('en');
}

export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((w, i) => (i > 0 && SMALL.has(w) ? w : w[0] ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** Today as YYYY-MM-DD (the API's Date scalar). */
export const today = () => new Date().toISOString().slice(0, 10);
