/**
 * The derived properties every node carries so that both stores filter and look up the same
 * way, computed from the node's own properties in this one place:
 * - `searchText`: its names and texts, normalised; `where: { text }` is a substring match on it;
 * - `matchKeys`: the normalised names it is looked up and resolved by (a project's codes, an
 *   organisation's acronym, names and aliases, a country's names and ISO code...);
 * - `sortName`: for stakeholders (organisations, projects, evaluations), the name they are
 *   ordered by.
 */
import { codeKeys } from './codes.js';
import type { Label, Props } from './model.js';
import { normaliseKey, normaliseText } from './text.js';

type Part = string | readonly string[] | number | boolean | null | undefined;

export function searchTextOf(...parts: Part[]): string {
  return normaliseText(parts.flat().filter((p): p is string => typeof p === 'string' && p.length > 0).join(' | '));
}

const strings = (props: Props, ...keys: string[]): string[] =>
  keys.flatMap((k) => {
    const v = props[k];
    return typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : [];
  });

/** The properties each label's text and keys are made of. */
const TEXT: Partial<Record<Label, readonly string[]>> = {
  Evaluation: ['title', 'type', 'purpose', 'keyFindings'],
  Project: ['code', 'title', 'type', 'summary', 'coverage'],
  Organization: ['name', 'acronym', 'localName', 'aliases'],
  Person: ['name', 'title'],
  Country: ['name', 'officialName', 'isoCode'],
  Region: ['name'],
  Output: ['title', 'description'],
  Finding: ['title', 'summary'],
  Criterion: ['name'],
  Conclusion: ['text'],
  Recommendation: ['code', 'text', 'themeLabel'],
  Theme: ['name', 'synonyms'],
  SourceDocument: ['title', 'fileName'],
  Document: ['subtype', 'description', 'url'],
};

const KEYS: Partial<Record<Label, readonly string[]>> = {
  Evaluation: ['title'],
  Project: ['code', 'title'],
  Organization: ['acronym', 'name', 'localName', 'aliases'],
  Person: ['name'],
  Country: ['name', 'officialName', 'isoCode'],
  Region: ['name'],
  Criterion: ['name'],
  Theme: ['name', 'synonyms'],
  SourceDocument: ['sha256'],
  Document: ['url'],
};

/**
 * The node's properties with `searchText` and `matchKeys` computed from them. `extraText`
 * adds words the node is found by without holding them (an evaluation's project codes, a
 * recommendation's canonical theme).
 */
export function withDerived(label: Label, props: Props, extraText: readonly string[] = []): Props {
  const { searchText: _s, matchKeys: _m, ...own } = props;
  const keys = strings(own, ...(KEYS[label] ?? [])).map(normaliseKey);
  // A project is also found by each form of its code ("CE.0350" -> "ce0350"); an organisation
  // by its name and acronym together, as documents write them ("Oleoducto Central S.A.S. (OCENSA)").
  if (label === 'Project' && typeof own.code === 'string') keys.push(...codeKeys(own.code).map((k) => k.toLowerCase()));
  if (label === 'Organization' && typeof own.name === 'string' && typeof own.acronym === 'string') keys.push(normaliseKey(`${own.name} ${own.acronym}`));
  const sort = sortNameOf(label, own);
  return {
    ...own,
    searchText: searchTextOf(...strings(own, ...(TEXT[label] ?? [])), ...extraText),
    matchKeys: [...new Set(keys.filter(Boolean))],
    ...(sort !== undefined ? { sortName: sort } : {}),
  };
}

/**
 * The name a stakeholder is shown and ordered by (an organisation's name, a project's code or
 * else title, an evaluation's title), normalised, so both stores order networks and paths the
 * same way by comparing it.
 */
export function sortNameOf(label: Label, props: Props): string | undefined {
  const text = (key: string) => (typeof props[key] === 'string' ? (props[key] as string) : undefined);
  const name = label === 'Organization' ? text('name') : label === 'Project' ? (text('code') ?? text('title')) : label === 'Evaluation' ? text('title') : undefined;
  return name === undefined ? undefined : normaliseText(name);
}
