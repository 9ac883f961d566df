/**
 * Recommendations: themes ("A. Approval processes", "1) Data sharing") with audience lines
 * ("For IOM Bolivia:", "Pour l'OIM Haïti :", "Para la OIM Bolivia:") and one recommendation per
 * bullet or paragraph below them; or a plain numbered list ("1. Enhance efforts with..."), each
 * item a recommendation with its number as its code and no audience (none is invented).
 */
import type { Brief } from '../draft.js';
import { AUDIENCE_PREFIX } from '../phrases.js';
import { audienceName, isIomBody, splitNames, standsAlone, type DraftOrg } from '../organizations.js';
import type { Element } from '../sections.js';

const ITEM = /^\(?([A-Z]|\d{1,2})[.)]\s+(.+)$/;
/** "R1. ...", "Rec. 2: ...", "Recommendation 3: ...", "Recomendación 4:": a recommendation numbered in words. */
const NUMBERED = /^(?:R|Rec\.?|Recommendation|Recommandation|Recomendaci[oó]n)\s*(\d{1,2})\s*[.:)\u2013-]\s*(.+)$/i;

export function readRecommendations(b: Brief): void {
  const elements = b.elementsOf('recommendations').filter((e) => !b.taken.has(e));
  let theme: { code: string; name: string } | undefined;
  let audiences: DraftOrg[] = [];
  elements.forEach((element, i) => {
    const item = element.kind === 'item' ? (ITEM.exec(element.text) ?? NUMBERED.exec(element.text) ?? undefined) : undefined;
    // A theme heads what follows it (audience lines, bullets, paragraphs); a numbered item
    // followed by another item, or by nothing, is a recommendation.
    const next = elements[i + 1];
    const heads = next !== undefined && next.kind !== 'item' && next.kind !== 'heading';
    if (item && item[2]!.length <= 100 && !/[.!?]$/.test(item[2]!) && heads) {
      theme = { code: item[1]!, name: item[2]!.trim() };
      audiences = [];
      return;
    }
    if (element.kind === 'audience') {
      audiences = audiencesOf(b, element);
      return;
    }
    if (element.kind === 'heading' || element.kind === 'label') return;
    const body = item ? item[2]! : element.text;
    const inline = inlineAudiences(b, body, element);
    b.evaluation.recommendations.push({ themeCode: theme?.code, theme: theme?.name, audiences: inline?.audiences ?? audiences, text: inline?.text ?? body, ownCode: item?.[1], span: element });
  });
  // Codes: the theme's letter or number, with ".1", ".2" when a theme has several.
  const recs = b.evaluation.recommendations;
  const anyAudience = recs.some((r) => r.audiences.length);
  const used = new Set<string>();
  recs.forEach((r, i) => {
    const siblings = recs.filter((o) => o.themeCode !== undefined && o.themeCode === r.themeCode);
    let code = r.themeCode === undefined ? (r.ownCode ?? String(i + 1)) : siblings.length > 1 ? `${r.themeCode}.${siblings.indexOf(r) + 1}` : r.themeCode;
    // Two lists numbered from 1 (one per audience, say): the second "1" is "1b".
    if (used.has(code)) {
      const again = [...'bcdefghij'].map((s) => `${code}${s}`).find((c) => !used.has(c)) ?? `${code}-${i + 1}`;
      b.report.warn(`recommendation code ${code} is used again; the later one is recorded as ${again}`, r.span.line);
      code = again;
    }
    used.add(code);
    r.ownCode = code;
    if (!r.audiences.length && (anyAudience || r.themeCode !== undefined)) b.report.warn(`recommendation ${code} has no audience line ("For ...:") above it`, r.span.line);
    b.report.add(`evaluation.recommendations[${i}]`, r.span, `${code}${r.theme ? ` ${r.theme}` : ''} -> ${r.audiences.map((a) => a.name).join(', ') || '(no audience)'}`);
  });
  if (recs.length && !anyAudience && recs.every((r) => r.themeCode === undefined)) b.report.warn(`the ${recs.length} recommendations name no audience; none is recorded`);
}

/** "For IOM Kenya: Strengthen...": a recommendation that names its audience before its text. */
function inlineAudiences(b: Brief, text: string, element: Element): { audiences: DraftOrg[]; text: string } | undefined {
  const m = /^((?:For|To|Pour|Para)\s+[^:]{2,80}?)\s?:\s+(\S.*)$/.exec(text);
  if (!m) return undefined;
  const names = m[1]!.replace(AUDIENCE_PREFIX, '').replace(/^To\s+(?:the\s+)?/i, '');
  const parts = splitNames(names, (name) => b.orgs.find(name) !== undefined || standsAlone(name));
  if (!parts.every((name) => b.orgs.find(name) !== undefined || standsAlone(name))) return undefined;
  return { audiences: audiencesOf(b, { ...element, text: `For ${names}:` }), text: m[2]! };
}

function audiencesOf(b: Brief, element: Element): DraftOrg[] {
  const text = element.text.replace(AUDIENCE_PREFIX, '').replace(/\s*:$/, '').trim();
  const known = (name: string) => b.orgs.find(name) !== undefined || isIomBody(name);
  return splitNames(text, known).map((name) => b.orgs.find(name) ?? b.orgs.add({ name: audienceName(name) }, element)).map((org) => {
    if (org.spans.at(-1)?.line !== element.line) org.spans.push(element);
    return org;
  });
}
