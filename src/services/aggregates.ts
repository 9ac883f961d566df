/** Rating aggregates for dashboards: per criterion, the distribution and average of scores. */
import type { GraphNode } from '../domain/model.js';
import { normaliseKey, normaliseText } from '../domain/text.js';
import type { NeighboursFn } from './graphWalk.js';

export interface RatingFilter {
  /** Country of the project: name, official name or ISO code. */
  readonly country?: string | null;
  /** Project type, case-insensitive. */
  readonly projectType?: string | null;
  /** Year of the evaluation's final report. */
  readonly year?: number | null;
}

export interface RatingSummary {
  /** Rated findings counted. */
  readonly count: number;
  /** Mean score, rounded to two decimals; null when nothing is rated. */
  readonly average: number | null;
  readonly distribution: readonly { score: number; count: number; labels: readonly string[] }[];
  /** Findings on the criterion (within the filter) without a rating. */
  readonly unrated: number;
}

/** The rating summary of each criterion, over findings whose evaluation and project pass the filter. */
export async function ratingSummaries(neighbours: NeighboursFn, criteria: readonly GraphNode[], filter: RatingFilter): Promise<RatingSummary[]> {
  const findings = await neighbours(criteria.map((c) => c.id), 'ON_CRITERION', 'in');
  const findingIds = [...new Set(findings.flat().map((f) => f.node.id))];
  const evaluations = await neighbours(findingIds, 'HAS_FINDING', 'in');
  const evaluationOf = new Map(findingIds.map((id, i) => [id, evaluations[i]?.[0]?.node]));
  const evalIds = [...new Set([...evaluationOf.values()].flatMap((e) => (e ? [e.id] : [])))];
  const projects = await neighbours(evalIds, 'EVALUATES', 'out');
  const projectOf = new Map(evalIds.map((id, i) => [id, projects[i]?.[0]?.node]));
  const projectIds = [...new Set([...projectOf.values()].flatMap((p) => (p ? [p.id] : [])))];
  const countries = filter.country ? await neighbours(projectIds, 'IN_COUNTRY', 'out') : [];
  const countryKeys = new Map(projectIds.map((id, i) => [id, new Set((countries[i] ?? []).flatMap((c) => (c.node.props.matchKeys as readonly string[] | undefined) ?? []))]));

  const passes = (findingId: string) => {
    const evaluation = evaluationOf.get(findingId);
    const project = evaluation ? projectOf.get(evaluation.id) : undefined;
    if (filter.year && evaluation?.props.year !== filter.year) return false;
    if (filter.projectType && project?.props.typeKey !== normaliseText(filter.projectType)) return false;
    if (filter.country && !(project && countryKeys.get(project.id)?.has(normaliseKey(filter.country)))) return false;
    return true;
  };

  return criteria.map((_, i) => {
    const counted = (findings[i] ?? []).filter((f) => passes(f.node.id));
    const rated = counted.filter((f) => typeof f.edge.props.score === 'number');
    const byScore = new Map<number, { count: number; labels: Set<string> }>();
    for (const f of rated) {
      const entry = byScore.get(f.edge.props.score as number) ?? { count: 0, labels: new Set<string>() };
      entry.count++;
      if (typeof f.edge.props.label === 'string') entry.labels.add(f.edge.props.label);
      byScore.set(f.edge.props.score as number, entry);
    }
    const sum = rated.reduce((total, f) => total + (f.edge.props.score as number), 0);
    return {
      count: rated.length,
      average: rated.length ? Math.round((sum / rated.length) * 100) / 100 : null,
      distribution: [...byScore.entries()].sort(([a], [b]) => a - b).map(([score, e]) => ({ score, count: e.count, labels: [...e.labels].sort() })),
      unrated: counted.length - rated.length,
    };
  });
}
