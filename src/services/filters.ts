/**
 * What the API's `where` inputs mean, as filter trees the store answers (store/filter.ts):
 * one function per entity, each condition a property, a range, a text or a relationship path.
 * Names (of countries, donors, themes, organisations) match any name the node answers to.
 */
import { evaluationStage } from '../domain/ids.js';
import type { Role } from '../domain/roles.js';
import { normaliseText } from '../domain/text.js';
import { and, eq, keys, or, related, type Filter } from '../store/filter.js';
import { followUpStatusFilter, type FollowUpStatus } from './followUp.js';

type Maybe<T> = T | null | undefined;
const given = <T>(value: Maybe<T>): value is T => value !== null && value !== undefined && value !== '';

const text = (value: Maybe<string>): Filter | undefined => (given(value) ? { kind: 'text', text: value } : undefined);
const ids = (value: Maybe<readonly string[]>): Filter | undefined => (value ? { kind: 'ids', ids: value } : undefined);
const range = (property: string, from: Maybe<string | number>, to: Maybe<string | number>): Filter | undefined =>
  given(from) || given(to) ? { kind: 'range', property, ...(given(from) ? { from } : {}), ...(given(to) ? { to } : {}) } : undefined;

/**
 * Organisations playing a role: a participation listing it (on a project, or an evaluation of
 * no project, matching `hub` when given); PARENT and UNIT towards another organisation.
 */
export function roleFilter(role: Role, hub?: Filter): Filter {
  if (role === 'PARENT') return related('PART_OF', 'in');
  if (role === 'UNIT') return related('PART_OF', 'out');
  return related('PARTICIPATES_IN', 'out', hub, { edge: eq('roles', role) });
}

export interface EvaluationWhereInput {
  text?: Maybe<string>;
  ids?: Maybe<readonly string[]>;
  stage?: Maybe<string>;
  year?: Maybe<number>;
  yearFrom?: Maybe<number>;
  yearTo?: Maybe<number>;
  finalReportDateFrom?: Maybe<string>;
  finalReportDateTo?: Maybe<string>;
  country?: Maybe<string>;
  region?: Maybe<string>;
  donor?: Maybe<string>;
  thematicArea?: Maybe<string>;
  crossCuttingTheme?: Maybe<string>;
  scope?: Maybe<string>;
  timing?: Maybe<string>;
  level?: Maybe<string>;
  evaluatorType?: Maybe<string>;
  language?: Maybe<string>;
  projectType?: Maybe<string>;
  rating?: Maybe<{ criterion: string; min?: Maybe<number>; max?: Maybe<number> }>;
  /** Further conditions that must all hold too (two countries, two donors...). */
  and?: Maybe<readonly EvaluationWhereInput[]>;
}

/** An evaluation's own countries (from the catalogue) or its projects' (from briefs). */
export const inCountry = (name: string): Filter => or(related('IN_COUNTRY', 'out', keys(name)), related('EVALUATES', 'out', related('IN_COUNTRY', 'out', keys(name))));
/** Named as the evaluation's donor, or as a funder of its project. */
export const fundedBy = (name: string): Filter => or(related('FUNDED_BY', 'out', keys(name)), related('EVALUATES', 'out', related('FUNDED_BY', 'out', keys(name))));
const officialTheme = (aspect: string, name: string) => related('ABOUT', 'out', and(keys(name), eq('taxonomy', 'IOM')), { edge: eq('aspect', aspect) });

export function evaluationFilter(w: EvaluationWhereInput): Filter | undefined {
  // Nested `and`s hold conditions like any other: one flat list, however deep they nest.
  return and(...conditionsOf(w));
}

function conditionsOf(w: EvaluationWhereInput): (Filter | undefined)[] {
  const timingStage = given(w.timing) ? evaluationStage(w.timing) : undefined;
  return [
    // Its own text, or that of a project it evaluated (a code, a title).
    given(w.text) ? or(text(w.text)!, related('EVALUATES', 'out', text(w.text))) : undefined,
    ids(w.ids),
    given(w.stage) ? eq('stage', evaluationStage(w.stage) ?? normaliseText(w.stage)) : undefined,
    given(w.year) ? eq('year', w.year) : undefined,
    range('year', w.yearFrom, w.yearTo),
    range('finalReportDate', w.finalReportDateFrom, w.finalReportDateTo),
    given(w.country) ? inCountry(w.country) : undefined,
    given(w.region) ? related('IN_REGION', 'out', keys(w.region)) : undefined,
    given(w.donor) ? fundedBy(w.donor) : undefined,
    given(w.thematicArea) ? officialTheme('thematic area', w.thematicArea) : undefined,
    given(w.crossCuttingTheme) ? officialTheme('cross-cutting theme', w.crossCuttingTheme) : undefined,
    given(w.scope) ? eq('scope', w.scope) : undefined,
    given(w.timing) ? (timingStage ? eq('stage', timingStage) : eq('timing', w.timing)) : undefined,
    given(w.level) ? eq('level', w.level) : undefined,
    given(w.evaluatorType) ? eq('evaluatorType', w.evaluatorType) : undefined,
    given(w.language) ? eq('languages', w.language) : undefined,
    given(w.projectType) ? related('EVALUATES', 'out', eq('typeKey', normaliseText(w.projectType))) : undefined,
    w.rating
      ? related('HAS_FINDING', 'out', related('ON_CRITERION', 'out', keys(w.rating.criterion), { edge: range('score', w.rating.min, w.rating.max) ?? { kind: 'range', property: 'score' } }))
      : undefined,
    ...(w.and ?? []).flatMap(conditionsOf),
  ];
}

export interface ProjectWhereInput {
  text?: Maybe<string>;
  ids?: Maybe<readonly string[]>;
  type?: Maybe<string>;
  country?: Maybe<string>;
  startDateFrom?: Maybe<string>;
  startDateTo?: Maybe<string>;
}

export function projectFilter(w: ProjectWhereInput): Filter | undefined {
  return and(
    text(w.text),
    ids(w.ids),
    given(w.type) ? eq('typeKey', normaliseText(w.type)) : undefined,
    given(w.country) ? related('IN_COUNTRY', 'out', keys(w.country)) : undefined,
    range('startDate', w.startDateFrom, w.startDateTo),
  );
}

export interface OrganizationWhereInput {
  text?: Maybe<string>;
  ids?: Maybe<readonly string[]>;
  kind?: Maybe<string>;
  role?: Maybe<Role>;
  country?: Maybe<string>;
}

/** Organisations taking part in a project (or evaluation of no project) in the country, or evaluated by an evaluation covering it. */
function activeIn(country: string): Filter {
  const inCountry = related('IN_COUNTRY', 'out', keys(country));
  return related('PARTICIPATES_IN', 'out', or(inCountry, related('EVALUATES', 'in', inCountry)));
}

export function organizationFilter(w: OrganizationWhereInput): Filter | undefined {
  return and(text(w.text), ids(w.ids), given(w.kind) ? eq('kind', w.kind) : undefined, given(w.role) ? roleFilter(w.role) : undefined, given(w.country) ? activeIn(w.country) : undefined);
}

export interface RecommendationWhereInput {
  text?: Maybe<string>;
  ids?: Maybe<readonly string[]>;
  theme?: Maybe<string>;
  audience?: Maybe<string>;
  followUpStatus?: Maybe<FollowUpStatus>;
}

export function recommendationFilter(w: RecommendationWhereInput, today: string): Filter | undefined {
  return and(
    text(w.text),
    ids(w.ids),
    given(w.theme) ? related('ABOUT', 'out', keys(w.theme)) : undefined,
    given(w.audience) ? related('ADDRESSED_TO', 'out', keys(w.audience)) : undefined,
    given(w.followUpStatus) ? followUpStatusFilter(w.followUpStatus, today) : undefined,
  );
}
