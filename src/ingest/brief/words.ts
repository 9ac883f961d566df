/**
 * Helpers for the words of a brief in any of its languages: lists written in prose, headings
 * in capitals, articles, numbers in words, the criterion a heading names.
 */
import { CRITERIA, labelKey } from './labels.js';

/** Upper-case the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Drop a leading article ("a", "the", "la", "l'", "los"...). */
export function withoutArticle(text: string): string {
  return text.replace(/^(?:(?:a|an|the|le|la|les|un|une|des|el|los|las|una|unos|unas)\s+|l')/i, '');
}

/** True when a text has letters and none of them is lower case. */
export function isAllCaps(text: string): boolean {
  return /[A-Z\u00c0-\u00de]/.test(text) && !/[a-z\u00df-\u00ff]/.test(text);
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, 'thirty-six': 36,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, douze: 12,
  dois: 2, duas: 2,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12,
};

/** "three", "trois", "tres" or "3" as a number. */
export function parseCount(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()];
}

/** The criterion a heading names: "Efficiency and Cost Effectiveness" -> Efficiency (the first named), "Pertinence" -> Relevance. */
export function criterionOf(heading: string): string | undefined {
  for (const word of labelKey(heading).split(/[^a-z]+/)) {
    const found = CRITERIA.find((c) => c.words.includes(word));
    if (found) return found.name;
  }
  return undefined;
}

/** A list item that starts with a preposition goes on from the item before ("..., au genre et aux conflits"). */
const CONTINUES = /^(?:to|of|in|on|for|au|aux|à|de|du|des|en|al|del|ao|aos|do|da|dos|das)\s|^d'/i;

/**
 * Split a list written in prose: "Relevance, effectiveness, and sustainability", "Revue
 * documentaire, collecte quantitative et observations directes" or "Desk review; interviews;
 * a survey". Semicolons win over commas; a final "and" ("et", "y") joins the last item; an item
 * that starts with a preposition belongs to the one before it. Nothing inside parentheses is split.
 */
export function splitList(text: string): string[] {
  const t = text.trim().replace(/\.$/, '');
  const topLevel = (separator: RegExp): { text: string; separator: string }[] => {
    const parts: { text: string; separator: string }[] = [];
    let depth = 0;
    let start = 0;
    let before = '';
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (depth === 0) {
        separator.lastIndex = i;
        const m = separator.exec(t);
        if (m && m.index === i) {
          parts.push({ text: t.slice(start, i), separator: before });
          before = m[0];
          start = i + m[0].length;
          i = start - 1;
        }
      }
    }
    parts.push({ text: t.slice(start), separator: before });
    const merged: { text: string; separator: string }[] = [];
    for (const part of parts) {
      const trimmed = part.text.trim();
      if (!trimmed) continue;
      const last = merged.at(-1);
      if (last && CONTINUES.test(trimmed)) last.text = `${last.text}${part.separator}${trimmed}`;
      else merged.push({ text: trimmed, separator: part.separator });
    }
    return merged;
  };
  const semicolon = topLevel(/;\s*/y);
  if (semicolon.length > 1) return semicolon.map((p) => p.text);
  return topLevel(/,?\s+(?:and|et|y|e)\s+|,\s*(?:(?:and|et|y|e)\s+)?/y).map((p) => p.text);
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'into', 'via', 'per', 'as', 'de', 'del', 'la', 'y', 'vs']);

/**
 * Recase a heading written in capitals. Title case: every word capitalised except small words
 * (not first); sentence case: only the first word, and the words `capitalised` says the
 * document writes with a capital (proper nouns). Words in `keep` (acronyms the document writes
 * in capitals elsewhere, such as IOM) keep their capitals.
 */
export function recase(text: string, style: 'title' | 'sentence', keep: ReadonlySet<string>, capitalised: (word: string) => boolean = () => false): string {
  let first = true;
  return text.replace(/[A-Za-z\u00c0-\u024f0-9']+/g, (word) => {
    const lower = word.toLowerCase();
    const wasFirst = first;
    first = false;
    if (keep.has(word) || /\d/.test(word)) return word;
    if (style === 'sentence') return wasFirst || capitalised(lower) ? capitalise(lower) : lower;
    if (!wasFirst && SMALL_WORDS.has(lower)) return lower;
    return capitalise(lower);
  });
}

/**
 * Which words a document writes with a capital in running text (not at the start of a
 * sentence): "Haïti", "République" but not "dominicaine" when the text mostly writes it so.
 */
export function capitalisedWords(lines: readonly string[]): (word: string) => boolean {
  const votes = new Map<string, number>();
  for (const line of lines) {
    if (isAllCaps(line)) continue;
    for (const m of line.matchAll(/[A-Za-z\u00c0-\u024f']+/g)) {
      const before = line.slice(Math.max(0, m.index - 3), m.index).trim();
      if (m.index === 0 || /[.!?:"\u00ab(]$/.test(before) || before === '') continue;
      const word = m[0].replace(/^[ldLD]'/, '');
      if (word.length < 2 || isAllCaps(word)) continue;
      const key = word.toLowerCase();
      votes.set(key, (votes.get(key) ?? 0) + (/^[A-Z\u00c0-\u00de]/.test(word) ? 1 : -1));
    }
  }
  return (word) => (votes.get(word.replace(/^[ldLD]'/, '').toLowerCase()) ?? 0) > 0;
}
