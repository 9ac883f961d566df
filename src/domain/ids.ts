/** Node ids derived from natural keys, so re-importing the same facts never duplicates them. */
import type { EvaluationRecord } from './record.js';
import { normaliseText, slug } from './text.js';

export const projectId = (project: Pick<EvaluationRecord['project'], 'code' | 'title'>) => `project:${slug(project.code ?? project.title)}`;
export const organizationId = (org: { acronym?: string; name: string }) => `organization:${slug(org.acronym ?? org.name)}`;
export const personId = (name: string) => `person:${slug(name)}`;
export const countryId = (isoCode: string) => `country:${isoCode.toLowerCase()}`;
export const criterionId = (name: string) => `criterion:${slug(name)}`;
export const themeId = (name: string) => `theme:${slug(name)}`;
export const sourceDocumentId = (sha256: string) => `source:${sha256.slice(0, 16)}`;

/**
 * The stage of an evaluation (ex-post, final, mid-term...) read from its type, so that two
 * wordings of the same evaluation ("External independent ex-post evaluation", "Ex-post
 * evaluation") get the same id while a project's mid-term and final evaluations do not.
 */
export function evaluationStage(type: string): string {
  const t = normaliseText(type);
  if (/ex[- ]?post/.test(t)) return 'ex-post';
  if (/mid[- ]?term/.test(t)) return 'mid-term';
  if (/\bfinal\b/.test(t)) return 'final';
  if (/\bbaseline\b/.test(t)) return 'baseline';
  return slug(type);
}

export function evaluationKey(record: Pick<EvaluationRecord, 'evaluation' | 'project'>): string {
  return `${slug(record.project.code ?? record.project.title)}:${evaluationStage(record.evaluation.type)}`;
}

export const evaluationId = (record: Pick<EvaluationRecord, 'evaluation' | 'project'>) => `evaluation:${evaluationKey(record)}`;
