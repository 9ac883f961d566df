/** Text normalisation shared by ids, lookups and filters, so every store matches the same way. */

/** Lower case, accents removed, curly quotes straightened, runs of white space folded. */
export function normaliseText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A lookup key: normalised text with punctuation other than letters and digits folded away. */
export function normaliseKey(value: string): string {
  return normaliseText(value).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A slug for ids: lower case letters, digits and single dashes. */
export function slug(value: string): string {
  return normaliseKey(value).replace(/ /g, '-');
}
