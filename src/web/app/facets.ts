/**
 * Facets as the search page keeps them: ticked values, written in the address
 * (`f=country:Bolivia`, `f=rating:4:Relevance`) and turned into the API's `where` (every ticked
 * value must hold: `and: [{ country: "Bolivia" }, { year: 2021 }]`).
 */
import type { EvaluationWhere } from '../gql/graphql';

export const DIMENSIONS = [
  ['year', 'Year'],
  ['country', 'Country'],
  ['region', 'Region'],
  ['donor', 'Donor'],
  ['thematicArea', 'Thematic area'],
  ['crossCuttingTheme', 'Cross-cutting theme'],
  ['scope', 'Scope'],
  ['timing', 'Timing'],
  ['level', 'Level'],
  ['rating', 'Rating'],
] as const;
export type Dimension = (typeof DIMENSIONS)[number][0];

export interface Tick {
  readonly dimension: Dimension;
  readonly value: string;
  /** For ratings. */
  readonly criterion?: string;
  readonly score?: number;
}

const isDimension = (d: string): d is Dimension => DIMENSIONS.some(([name]) => name === d);

export function encodeTick(t: Tick): string {
  return t.dimension === 'rating' ? `rating:${t.score}:${t.criterion}` : `${t.dimension}:${t.value}`;
}

export function decodeTick(text: string): Tick | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const dimension = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (!isDimension(dimension) || !rest) return undefined;
  if (dimension === 'rating') {
    const m = /^(\d+):(.+)$/.exec(rest);
    return m ? { dimension, value: `${m[2]}: ${m[1]}`, criterion: m[2]!, score: Number(m[1]) } : undefined;
  }
  return { dimension, value: rest };
}

export const sameTick = (a: Tick, b: Tick) => encodeTick(a) === encodeTick(b);

/** One ticked value as a `where` condition. */
export function condition(t: Tick): EvaluationWhere {
  switch (t.dimension) {
    case 'year':
      return { year: Number(t.value) };
    case 'rating':
      return { rating: { criterion: t.criterion!, min: t.score!, max: t.score! } };
    default:
      return { [t.dimension]: t.value };
  }
}

export function whereOf(ticks: readonly Tick[]): EvaluationWhere | undefined {
  return ticks.length ? { and: ticks.map(condition) } : undefined;
}
