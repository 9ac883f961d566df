/**
 * Partner institutions, from the summary's collaboration paragraphs ("The project was
 * designed in collaboration with the Social and Economic Policy Analysis Unit (Unidad de
 * Políticas Sociales y Económicas - UDAPE), a decentralized unit linked to the Ministry...",
 * "...en collaboration avec..."): each institution declared once, units linked to their parent
 * bodies, what the brief says each partner did, and which one leads.
 */
import { splitSentences, type Brief, type DraftPartner } from '../draft.js';
import { COLLABORATION, LEAD, LED_BY } from '../phrases.js';
import { findMentions, relationBetween, type DraftOrg, type Span } from '../organizations.js';
import type { Element } from '../sections.js';

const MOST_MENTIONS_PER_PARAGRAPH = 50;
const NOT_ORGS = new Set(['IOM', 'OIM', 'USD', 'EUR', 'UN', 'ONU', 'NGO', 'NGOS', 'ONG', 'ONGS', 'CS', 'CSO', 'CSOS', 'COVID', 'OECD', 'OCDE', 'DAC', 'SDG', 'SDGS', 'ODD']);

/**
 * A paragraph with a collaboration sentence: declare each institution it names, link units
 * to their parent bodies, and note what the paragraph says each partner did. Returns false
 * (the paragraph stays prose) when it has no collaboration sentence.
 */
export function readPartners(b: Brief, element: Element): boolean {
  const text = element.text;
  const sentences = splitSentences(text);
  const collaborations = sentences.filter((s) => COLLABORATION.test(s.text));
  if (!collaborations.length) return false;
  let mentions = findMentions(text, MOST_MENTIONS_PER_PARAGRAPH + 1).filter((m) => !/^(?:IOM|OIM)\b/.test(m.org.name));
  if (mentions.length > MOST_MENTIONS_PER_PARAGRAPH) {
    b.report.warn(`a paragraph names more than ${MOST_MENTIONS_PER_PARAGRAPH} organisations; only the first ${MOST_MENTIONS_PER_PARAGRAPH} were read`, element.line);
    mentions = mentions.slice(0, MOST_MENTIONS_PER_PARAGRAPH);
  }
  const declared = mentions.map((m) => b.orgs.add(m.org, element));
  const parents = new Set<DraftOrg>();
  for (let i = 1; i < mentions.length; i++) {
    const relation = relationBetween(text.slice(mentions[i - 1]!.end, mentions[i]!.start), mentions[i - 1]!.org);
    if (!relation) continue;
    const [child, parent] = [declared[i - 1]!, declared[i]!];
    if (!child.parent) {
      child.parent = parent;
      child.parentRelation = relation;
    }
    parents.add(parent);
  }
  // Partners named by acronym alone in a collaboration sentence ("with INE and UDAPE").
  const named: { org: DraftOrg; at: number }[] = mentions.map((m, i) => ({ org: declared[i]!, at: m.start }));
  for (const sentence of collaborations) {
    for (const m of sentence.text.matchAll(/\b[A-Z][A-Z0-9]{1,9}(?:\/[A-Z][A-Z0-9]{1,9})?\b/g)) {
      const at = sentence.start + m.index;
      if (NOT_ORGS.has(m[0]) || mentions.some((x) => at >= x.start && at < x.end)) continue;
      if (named.length >= MOST_MENTIONS_PER_PARAGRAPH) break;
      named.push({ org: b.orgs.find(m[0]) ?? b.orgs.add({ name: m[0], acronym: m[0] }, element), at });
    }
  }
  named.sort((x, y) => x.at - y.at);
  const verbs = new Map(collaborations.map((c) => [c, COLLABORATION.exec(c.text)![1]?.toLowerCase()]));
  for (const { org, at } of named) {
    if (parents.has(org) || b.evaluation.firms.includes(org) || b.evaluation.commissioners.includes(org)) continue;
    const partner = partnerOf(b, org, element);
    const sentence = collaborations.find((s) => at >= s.start && at < s.start + s.text.length);
    if (sentence && !partner.verb) partner.verb = verbs.get(sentence);
  }
  // Sentences whose subject is a partner: "IDIS ... provided technical support".
  for (const sentence of sentences) {
    if (COLLABORATION.test(sentence.text)) continue;
    const subject = subjectOf(b, sentence.text, mentions.map((m) => ({ ...m, start: m.start - sentence.start, end: m.end - sentence.start })));
    if (!subject) continue;
    const partner = b.project.partners.find((p) => p.org === subject.org);
    if (partner) addPartnerPart(b, partner, subject.predicate, element);
  }
  return true;
}

function partnerOf(b: Brief, org: DraftOrg, span: Span): DraftPartner {
  let partner = b.project.partners.find((p) => p.org === org);
  if (!partner) {
    partner = { org, lead: false, parts: [], span };
    b.project.partners.push(partner);
  }
  return partner;
}

/** The partner a sentence is about, when it starts with one, and what it says of it. */
function subjectOf(b: Brief, sentence: string, mentions: readonly { org: { name: string }; start: number; end: number }[]): { org: DraftOrg; predicate: string } | undefined {
  const lead = /^(?:(?:the|le|la|les|el|los|las)\s+|l')?/i.exec(sentence)![0].length;
  const first = mentions.find((m) => m.start === lead || m.start === 0);
  let end: number | undefined;
  let org: DraftOrg | undefined;
  if (first) {
    org = b.orgs.find(first.org.name);
    end = first.end;
    // "X (..) of the Y (..) provided": the predicate follows the whole chain.
    for (let next = mentions.find((m) => m.start > end!); next && relationBetween(sentence.slice(end, next.start), first.org); next = mentions.find((m) => m.start > end!)) end = next.end;
  } else {
    for (const p of b.project.partners) {
      for (const name of [p.org.acronym, p.org.name, p.org.localName].filter((n): n is string => !!n).sort((x, y) => y.length - x.length)) {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const m = new RegExp(`^(?:(?:the|le|la|les|el|los|las)\\s+|l')?${escaped}\\b`, 'i').exec(sentence);
        if (m) {
          org = p.org;
          end = m[0].length;
          break;
        }
      }
      if (org) break;
    }
  }
  if (!org || end === undefined) return undefined;
  const predicate = sentence.slice(end).trim().replace(/[.!]$/, '');
  return /^[a-z]/.test(predicate) ? { org, predicate } : undefined;
}

function addPartnerPart(b: Brief, partner: DraftPartner, predicate: string, span: Span): void {
  const part = predicate.replace(/^(?:was|is|were|are|has been|had been|a \u00e9t\u00e9|est|fue|ha sido)\s+/, '');
  if (!partner.parts.includes(part)) partner.parts.push(part);
  if (LEAD.test(predicate)) markLead(b, partner, span);
}

function markLead(b: Brief, partner: DraftPartner, span: Span): void {
  const other = b.project.partners.find((p) => p.lead && p !== partner);
  if (other) {
    b.report.warn(`${b.orgs.ref(partner.org)} is also said to lead; ${b.orgs.ref(other.org)} was named first and stays the lead partner`, span.line);
    return;
  }
  partner.lead = true;
  partner.leadSpan ??= span;
}

/** "The UDAPE was positioned as the leading organisation...", "...led by INE", anywhere in the narrative. */
export function readLead(b: Brief): void {
  for (const element of b.narrative) {
    for (const { text } of splitSentences(element.text)) {
      const ledBy = LED_BY.exec(text);
      const byName = ledBy ? b.project.partners.find((p) => p.org === b.orgs.find(ledBy[1]!.trim())) : undefined;
      if (byName) markLead(b, byName, element);
      if (!LEAD.test(text)) continue;
      const subject = subjectOf(b, text, []);
      if (!subject) continue;
      const partner = b.project.partners.find((p) => p.org === subject.org);
      if (partner && !partner.lead) addPartnerPart(b, partner, subject.predicate, element);
    }
  }
  if (b.project.partners.length && !b.project.partners.some((p) => p.lead)) b.report.warn('no partner is said to lead the project');
}
