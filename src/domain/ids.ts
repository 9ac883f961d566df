/**
 * Node ids derived from natural keys, so re-importing the same facts never duplicates them.
 * Ids of stored nodes never change: when a later document names the same entity differently,
 * entity resolution (services/import/resolve.ts) maps it onto the stored id.
 */
import { createHash } from 'node:crypto';
import type { EvaluationRecord, ProjectRecord } from './record.js';
import { normaliseText, slug } from './text.js';

/** A slug short enough for an id: long texts keep their start and a hash of the whole. */
export function idKey(value: string): string {
  const s = slug(value);
  return s.length <= 80 ? s : `${s.slice(0, 60).replace(/-+$/, '')}-${createHash('sha256').update(s).digest('hex').slice(0, 8)}`;
}

export const projectKey = (project: Pick<ProjectRecord, 'code' | 'title'>) => idKey(project.code ?? project.title ?? '');
export const projectId = (project: Pick<ProjectRecord, 'code' | 'title'>) => `project:${projectKey(project)}`;
/** National bodies carry their country in the id: INE of Bolivia and INE of Paraguay are two nodes. */
export const organizationId = (org: { acronym?: string; name: string; country?: string }) =>
  `organization:${idKey(org.acronym ?? org.name)}${org.country ? `-${org.country.toLowerCase()}` : ''}`;
export const personId = (name: string) => `person:${idKey(name)}`;
export const countryId = (country: { isoCode?: string; name: string }) => `country:${country.isoCode ? country.isoCode.toLowerCase() : idKey(country.name)}`;
export const criterionId = (name: string) => `criterion:${idKey(name)}`;
/** Themes of the curated taxonomy (graph/themes.yaml) and of IOM's official one live side by side. */
export const themeId = (name: string, taxonomy: ThemeTaxonomyName = 'curated') => `theme:${taxonomy === 'curated' ? '' : `${taxonomy.toLowerCase()}:`}${idKey(name)}`;
export const regionId = (name: string) => `region:${idKey(name)}`;
export const documentId = (url: string) => `document:${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
export const sourceDocumentId = (sha256: string) => `source:${sha256.slice(0, 16)}`;

/** The two theme taxonomies: the curated one of recommendations, and IOM's thematic areas and cross-cutting themes. */
export type ThemeTaxonomyName = 'curated' | 'IOM';

/**
 * The stage of an evaluation (ex-post, final, mid-term, baseline, real-time) read from its
 * type or timing in English, French or Spanish, so that two wordings of one evaluation
 * ("External independent ex-post evaluation", "Ex-post (after the end of the
 * project/programme)") meet while a project's mid-term and final evaluations do not.
 * Undefined when the wording names no stage ("Not applicable").
 */
export function evaluationStage(wording: string | undefined): string | undefined {
  if (!wording) return undefined;
  const t = normaliseText(wording);
  if (/ex[- ]?post/.test(t)) return 'ex-post';
  if (/mid[- ]?term|mi[- ]parcours|medio termino|intermedi|interim/.test(t)) return 'mid-term';
  if (/real[- ]time|temps reel|tiempo real/.test(t)) return 'real-time';
  if (/\bbaseline\b|ligne de base|linea de base/.test(t)) return 'baseline';
  if (/\bfinal(e|es)?\b/.test(t)) return 'final';
  return undefined;
}

/**
 * An evaluation's key: its (first coded) project, its stage and its year
 * (`bo10p0001-ce-0350:ex-post:2021`); for an evaluation of no project, its title and year.
 */
export function evaluationKey(record: Pick<EvaluationRecord, 'evaluation' | 'projects'>): string {
  const e = record.evaluation;
  const stage = evaluationStage(e.type) ?? evaluationStage(e.timing);
  const year = e.year ?? (e.finalReportDate ? Number(e.finalReportDate.slice(0, 4)) : undefined);
  const project = record.projects.find((p) => p.code) ?? record.projects[0];
  const parts = project ? [projectKey(project), stage ?? (stage === undefined && year === undefined && e.type ? idKey(e.type) : undefined), year] : [idKey(e.title), year];
  return parts.filter((p) => p !== undefined).join(':');
}

export const evaluationId = (record: Pick<EvaluationRecord, 'evaluation' | 'projects'>) => `evaluation:${evaluationKey(record)}`;
