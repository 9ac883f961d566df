/**
 * What scoring related recommendations needs of a recommendation, as ids (services/related.ts):
 * its text, its theme and that theme's broader theme, its audiences, and its evaluation's
 * project, with the project's type and countries. Both stores assemble the facts from the same
 * raw relationships with the same rules (below), so they give the same answers; the embedded
 * store keeps them per write (embedded/recommendationFacts.ts), Neo4j reads them in one statement.
 */

export interface RecommendationFacts {
  readonly id: string;
  readonly text: string;
  /** The theme as the source document worded it, when that differs from the canonical name. */
  readonly themeLabel?: string;
  /** Its first theme (ABOUT, in the document's order). */
  readonly theme?: string;
  /** That theme's first broader theme. */
  readonly broader?: string;
  /** In the document's order. */
  readonly audiences: readonly string[];
  /** The project of its first evaluation (by id), the first one that evaluation evaluates. */
  readonly project?: string;
  /** The project's `typeKey`. */
  readonly projectType?: string;
  /** The project's countries, in the document's order. */
  readonly countries: readonly string[];
}

/** One end of a relationship, with the relationship's `position` in its document. */
export interface Placed {
  readonly id: string;
  readonly position?: unknown;
}

/** The raw relationships facts are assembled from. */
export interface RawFacts {
  readonly id: string;
  readonly text?: unknown;
  readonly themeLabel?: unknown;
  readonly themes: readonly (Placed & { readonly broader: readonly Placed[] })[];
  readonly audiences: readonly Placed[];
  readonly evaluations: readonly { readonly id: string; readonly projects: readonly (Placed & { readonly typeKey?: unknown; readonly countries: readonly Placed[] })[] }[];
}

/** In the order outgoing neighbours come (store/order.ts, byPositionThenId): position, then id. */
export function inDocumentOrder<T extends Placed>(placed: readonly T[]): T[] {
  const position = (p: Placed) => (typeof p.position === 'number' ? p.position : Number.MAX_SAFE_INTEGER);
  return [...placed].sort((a, b) => position(a) - position(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function assembleFacts(raw: RawFacts): RecommendationFacts {
  const theme = inDocumentOrder(raw.themes)[0];
  const evaluation = [...raw.evaluations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
  const project = evaluation ? inDocumentOrder(evaluation.projects)[0] : undefined;
  return {
    id: raw.id,
    text: typeof raw.text === 'string' ? raw.text : '',
    ...(typeof raw.themeLabel === 'string' ? { themeLabel: raw.themeLabel } : {}),
    ...(theme ? { theme: theme.id } : {}),
    ...(theme?.broader.length ? { broader: inDocumentOrder(theme.broader)[0]!.id } : {}),
    audiences: inDocumentOrder(raw.audiences).map((a) => a.id),
    ...(project ? { project: project.id } : {}),
    ...(project && typeof project.typeKey === 'string' ? { projectType: project.typeKey } : {}),
    countries: project ? inDocumentOrder(project.countries).map((c) => c.id) : [],
  };
}
