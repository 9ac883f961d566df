/**
 * Terms of a text for search and for explaining matches: normalised words without stop words,
 * reduced by a light English stemmer so that "approval" and "approvals", "involve" and
 * "involved" meet. Both stores' search and the "matching terms" reasons use these terms.
 */
import { normaliseText } from './text.js';

const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your
  e g etc ie per via within without upon whether toward towards ensure future similar project projects`.split(/\s+/),
);

/** A light suffix-stripping stemmer (enough to fold plurals and common verb forms). */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, min] of [['ations', 5], ['ation', 5], ['ments', 5], ['ment', 5], ['ings', 5], ['ing', 5], ['ies', 4], ['ied', 4], ['es', 5], ['ed', 5], ['s', 4]] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= min - 1) {
      const base = word.slice(0, -suffix.length);
      return suffix === 'ies' || suffix === 'ied' ? `${base}y` : base;
    }
  }
  return word;
}

/** The search terms of a text, in order of appearance, duplicates kept. */
export function terms(text: string): string[] {
  return normaliseText(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w))
    .map(stem);
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(normaliseText(word));
}
