/**
 * Ratings given as percentages in running text, as French and Spanish briefs write them: "En
 * termes de pertinence (75 %), le projet a répondu...", "La sensibilité aux conflits (66,7 %)
 * a permis...". The words before the percentage name the criterion: an OECD-DAC criterion in
 * any language, or one of the criteria the brief lists. A percentage after other words ("(75 %)
 * of the women") is not a rating.
 */
import type { DraftFinding } from '../draft.js';
import { splitSentences } from '../draft.js';
import { parseRating } from '../fields.js';
import { labelKey } from '../labels.js';
import { capitalise, criterionOf } from '../words.js';

const PERCENT = /\((\d{1,3}(?:[.,]\d{1,2})?\s*%)\)/g;
/** Words a criterion's name does not go back past ("la", "un", "sur", "en termes de"...). */
const STOPS = new Set([
  'the', 'a', 'an', 'its', 'their', 'on', 'for', 'with', 'regarding', 'terms', 'as', 'by', 'was', 'is', 'were', 'are', 'has', 'had',
  'le', 'la', 'les', "l'", 'un', 'une', 'sur', 'pour', 'par', 'avec', 'en', 'matiere', 'termes', 'son', 'sa', 'ses', 'est', 'a',
  'el', 'los', 'las', 'una', 'sobre', 'para', 'por', 'con', 'materia', 'cuanto', 'su', 'sus', 'es', 'fue',
  'o', 'os', 'as', 'um', 'uma', 'em', 'no', 'na', 'com', 'seu', 'sua', 'foi', 'pelo', 'pela',
]);
/** Words that may sit inside a criterion's name but not begin it. */
const CONNECTORS = new Set(['of', 'and', 'to', 'de', 'du', 'des', "d'", 'et', 'aux', 'au', 'y', 'del', 'al', 'do', 'da', 'dos', 'das', 'e', 'ao', 'aos']);
/** Adjectives placed before the criterion ("un fort effet catalytique", "une grande capacité"). */
const INTENSIFIERS = new Set(['fort', 'forte', 'grand', 'grande', 'bon', 'bonne', 'tres', 'high', 'strong', 'good', 'great', 'gran', 'buen', 'buena', 'alto', 'alta', 'fuerte', 'forte', 'grande', 'bom', 'boa']);

export interface ProseRatings {
  /** Sentences before the first rated one: a key finding. */
  readonly before?: string;
  readonly findings: Omit<DraftFinding, 'span' | 'open'>[];
}

/** The rated criteria of a paragraph, or undefined when it rates none. */
export function proseRatings(text: string, listed: readonly string[]): ProseRatings | undefined {
  if (!text.includes('%')) return undefined;
  const listedWords = new Set(listed.flatMap(contentWords));
  const findings: Omit<DraftFinding, 'span' | 'open'>[] = [];
  const before: string[] = [];
  let last: Omit<DraftFinding, 'span' | 'open'>[] = [];
  for (const { text: sentence } of splitSentences(text)) {
    const rated: Omit<DraftFinding, 'span' | 'open'>[] = [];
    for (const m of sentence.matchAll(PERCENT)) {
      const phrase = criterionPhrase(sentence.slice(0, m.index));
      const dac = criterionOf(phrase.split(' ').slice(-3).join(' '));
      const criterion = dac ?? (contentWords(phrase).some((w) => listedWords.has(w)) ? capitalise(phrase) : undefined);
      const rating = parseRating(m[1]!);
      if (!criterion || rating?.score === undefined || findings.some((f) => f.criterion === criterion)) continue;
      rated.push({ criterion, rating: { score: rating.score, label: rating.label!, scaleMax: rating.scaleMax }, summary: [sentence] });
    }
    if (rated.length) {
      findings.push(...rated);
      last = rated;
    } else if (last.length) {
      for (const f of last) f.summary.push(sentence);
    } else {
      before.push(sentence);
    }
  }
  if (!findings.length) return undefined;
  return { before: before.length ? before.join(' ') : undefined, findings: findings.map((f) => ({ ...f, summary: [f.summary.join(' ')] })) };
}

/** The words just before a percentage that name what it rates. */
function criterionPhrase(before: string): string {
  const tokens = before.trim().split(/\s+/);
  const taken: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && taken.length < 8; i--) {
    const token = tokens[i]!;
    if (/[,;:.]$/.test(token)) break;
    const key = labelKey(token);
    if (STOPS.has(key)) break;
    taken.unshift(token);
    if (/^[ldLD]'/.test(token) && i > 0 && STOPS.has(labelKey(tokens[i - 1]!))) break;
  }
  while (taken.length && CONNECTORS.has(labelKey(taken[0]!))) taken.shift();
  while (taken.length > 1 && INTENSIFIERS.has(labelKey(taken[0]!))) taken.shift();
  if (taken.length && /^[lL]'/.test(taken[0]!)) taken[0] = taken[0]!.slice(2);
  return taken.join(' ');
}

function contentWords(text: string): string[] {
  return labelKey(text).split(/[^a-z]+/).filter((w) => w.length >= 4);
}
