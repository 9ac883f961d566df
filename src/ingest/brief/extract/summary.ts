/**
 * The project summary: its paragraphs, the components (outputs) it lists ("The project
 * included two components: (1) a study..., and (2) guidelines based on the study"), and the
 * captions next to the project information (an output's title on the brief's cover picture).
 * Paragraphs that name partner institutions are read by the partners extractor.
 */
import { LONGEST_PARAGRAPH, type Brief, type DraftOutput } from '../draft.js';
import type { Span } from '../organizations.js';
import { isCaption, type Element } from '../sections.js';
import { capitalise, parseCount, withoutArticle } from '../words.js';
import { readPartners } from './partners.js';

const COMPONENTS = /\b(?:components?|outputs?|composantes?|volets?|produits?|componentes?|productos?)\b/i;
/** Words that name what an output is, for its `ref` ("study", "guidelines"...). */
const OUTPUT_NOUNS = [
  'study', 'studies', 'guidelines', 'guide', 'registry', 'register', 'protocol', 'procedures', 'manual', 'toolkit', 'strategy', 'plan', 'curriculum',
  'training', 'programme', 'database', 'report', 'assessment', 'survey', 'campaign', 'platform', 'system', 'mapping', 'map', 'policy', 'law',
  'handbook', 'course', 'indicators', 'portal', 'diagnostic', 'analysis', 'module', 'network', 'observatory', 'dashboard', 'proposal', 'roadmap',
  'etude', 'guide', 'registre', 'protocole', 'formation', 'plateforme', 'strategie', 'estudio', 'guia', 'registro', 'protocolo', 'capacitacion', 'plataforma', 'estrategia',
];

export function readSummary(b: Brief): void {
  const elements = b.elementsOf('summary').filter((e) => !b.taken.has(e));
  const summary: Element[] = [];
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    if (element.text.length > LONGEST_PARAGRAPH) {
      b.report.warn(`a paragraph of ${element.text.length} characters is too long to be part of a brief and was skipped`, element.line);
      continue;
    }
    if (COMPONENTS.test(element.text) && /\(1\)/.test(element.text)) {
      readComponents(b, inlineItems(element.text), element);
      continue;
    }
    if (new RegExp(`${COMPONENTS.source}[^.]*:$`, 'i').test(element.text)) {
      const items: { number: number; text: string; span: Span }[] = [];
      while (elements[i + 1] && (elements[i + 1]!.kind === 'item' || elements[i + 1]!.kind === 'bullet')) {
        const next = elements[++i]!;
        const numbered = /^\(?(\d{1,2})[.)]\s+/.exec(next.text);
        items.push({ number: numbered ? Number(numbered[1]) : items.length + 1, text: next.text.replace(/^\(?(?:\d{1,2}|[a-z])[.)]\s+/, ''), span: next });
      }
      if (items.length) {
        readComponents(b, items, element);
        continue;
      }
    }
    b.narrative.push(element);
    if (element.kind === 'text' && readPartners(b, element)) continue;
    if (element.kind === 'text' || element.kind === 'bullet' || element.kind === 'item') summary.push(element);
  }
  if (summary.length) {
    b.project.summary = summary.map((e) => e.text).join('\n\n');
    b.report.add('project.summary', { line: summary[0]!.line, endLine: summary.at(-1)!.endLine }, b.project.summary);
  }
  readCaptions(b);
}

/** "(1) a study..., and (2) a document..." -> the numbered items. */
function inlineItems(text: string): { number: number; text: string }[] {
  const markers = [...text.matchAll(/\((\d{1,2})\)\s*/g)];
  return markers.map((m, i) => ({ number: Number(m[1]), text: text.slice(m.index + m[0].length, markers[i + 1]?.index ?? text.length) }));
}

/** "(1) a study that..., and (2) a document of strategic guidelines... based on the study of component one." */
function readComponents(b: Brief, items: readonly { number: number; text: string; span?: Span }[], element: Element): void {
  const outputs = b.project.outputs;
  for (const item of items) {
    const raw = item.text.replace(/[\s,;]+(?:and|or|et|ou|y|o)?\s*$/i, '').replace(/[.;,]+$/, '').trim();
    if (!raw) continue;
    const base = withoutArticle(raw).replace(/^(?:document|set|series|package|collection|body|number)\s+of\s+/i, '');
    const cut = /\s(?:based on|that|which|who|analysing|analyzing|to be|bas[ée]e? sur|qui|bas[ao]d[oa] en|que)\s|,\s/i.exec(base);
    const title = capitalise((cut ? base.slice(0, cut.index) : base).trim());
    const words = title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z]+/);
    let ref = words.find((w) => OUTPUT_NOUNS.includes(w)) ?? words.filter((w) => w.length > 2).slice(0, 2).join('-');
    if (!ref || outputs.some((o) => o.ref === ref)) ref = `${ref || 'output'}-${item.number}`;
    const span = item.span ?? element;
    const output: DraftOutput = {
      ref,
      component: item.number,
      title,
      description: `${capitalise(raw)}.`,
      basedOnText: /\b(?:based on|bas[ée]e? sur|basad[oa] en)\s+(.{3,120})$/i.exec(raw)?.[1],
      basedOn: [],
      span,
    };
    outputs.push(output);
    b.report.add(`project.outputs[${outputs.length - 1}]`, span, `${item.number}: ${title}`);
  }
  for (const output of outputs) {
    if (!output.basedOnText || output.basedOn.length) continue;
    const component = /\b(?:component|composante|componente)\s+(one|two|three|four|five|six|un|deux|trois|uno|dos|tres|\d{1,2})\b/i.exec(output.basedOnText);
    const target = component
      ? outputs.find((o) => o.component === parseCount(component[1]!))
      : outputs.find((o) => o !== output && new RegExp(`\\b${o.ref.split('-')[0]}\\b`, 'i').test(output.basedOnText!));
    if (target && target !== output) output.basedOn.push(target.ref);
  }
}

/**
 * Short lines standing alone in the project information block are captions (the brief's
 * cover picture of an output): one that names an output's key words becomes its title.
 */
function readCaptions(b: Brief): void {
  const captions = b.elementsOf('information').filter((e) => isCaption(e) && !b.taken.has(e));
  for (const caption of captions) {
    const words = new Set(caption.text.toLowerCase().split(/[^a-z]+/));
    const output = b.project.outputs.find((o) => {
      const key = o.title.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 2 && !['the', 'and', 'for', 'with'].includes(w));
      return key.length > 0 && key.every((w) => words.has(w));
    });
    if (!output) {
      b.report.warn(`a line outside any field was ignored: "${caption.text}"`, caption.line);
      continue;
    }
    b.report.warn(`"${caption.text}" stands alone next to the project information; taken as the title of output ${output.component}`, caption.line);
    output.title = caption.text;
  }
}
