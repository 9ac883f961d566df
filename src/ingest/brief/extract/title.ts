/**
 * The title heading: EX-POST EVALUATION OF THE PROJECT “TITLE” (the seed's), FINAL
 * EVALUATION FOR <TITLE> (the 2023 template, no quotes), ÉVALUATION FINALE DU PROJET over
 * « TITRE » on the next line, or a "Project title:" line. Headings in capitals are recased:
 * English titles in title case, French and Spanish ones in sentence case with the proper nouns
 * the text writes with a capital.
 */
import type { Brief } from '../draft.js';
import { OF_THE_PROJECT, QUOTES } from '../labels.js';
import type { Element } from '../sections.js';
import { isAllCaps, recase } from '../words.js';

const EVALUATION_OF = /\b(?:evaluation|review|assessment)\s+(?:of|for)\b|(?:^|\s)[ée]valuation\b.*\b(?:du|de la|des|de l'|d')\s*(?:projet|programme)\b|\bevaluaci[oó]n\b.*\b(?:del|de la)\s+(?:proyecto|programa)\b/i;
const PREFIX_ONLY = /^(.*?(?:\b(?:project|programme|program|projet|proyecto|programa)))\s*:?\s*$/i;
const SPLIT: readonly RegExp[] = [
  /^(.*?\b(?:evaluation|review|assessment)\s+(?:of|for)(?:\s+the)?(?:\s+(?:project|programme|program)\b)?)\s*:?\s+(.+)$/i,
  /^(.*?[ée]valuation\b.*?\b(?:du|de la|des|de l'|d')\s*(?:projet|programme)?)\s*:?\s+(.+)$/i,
  /^(.*?evaluaci[oó]n\b.*?\b(?:del|de la|de)\s*(?:proyecto|programa)?)\s*:?\s+(.+)$/i,
];
const SAYS_PROJECT = /\b(?:project|programme|program|projet|proyecto|programa)\b/i;

export function readTitle(b: Brief): void {
  const preamble = (b.section('preamble')?.elements ?? []).filter((e) => e.kind === 'text' && e.text.length <= 300 && !/^(?:this|cette|ce|cet|este|esta)\b/i.test(e.text));
  const at = preamble.findIndex((e) => EVALUATION_OF.test(e.text) || /"[^"]{3,}"/.test(e.text));
  let heading: Element | undefined = preamble[at];
  // "ÉVALUATION FINALE DU PROJET" with the title on the next line.
  const next = preamble[at + 1];
  if (heading && PREFIX_ONLY.test(heading.text) && next && !/[.:]$/.test(next.text)) heading = { ...heading, text: `${heading.text} ${next.text}`, endLine: next.endLine };
  if (heading) fromHeading(b, heading);
  const labelled = b.label('project.title');
  if (labelled && !b.project.title) {
    b.project.title = labelled.value;
    b.project.titleSaysProject = true;
    b.report.add('project.title', labelled, labelled.value);
  }
}

function fromHeading(b: Brief, heading: Element): void {
  const quoted = /"([^"]{3,250})"/.exec(heading.text);
  let prefix: string;
  let title: string;
  if (quoted) {
    prefix = heading.text.slice(0, quoted.index);
    title = quoted[1]!.trim();
  } else {
    const m = SPLIT.map((re) => re.exec(heading.text)).find((x) => x !== null);
    [prefix, title] = m ? [m[1]!, m[2]!] : ['', heading.text];
  }
  prefix = prefix.replace(/[\s:\-\u2013]+$/, '').trim();
  if (isAllCaps(title)) title = b.language === 'en' ? recase(title, 'title', b.acronyms) : recase(title, 'sentence', b.acronyms, b.capitalised);
  const project = Boolean(quoted) || SAYS_PROJECT.test(prefix);
  const prefixText = prefix ? recase(prefix, 'sentence', b.acronyms) : '';
  const [open, close] = QUOTES[b.language];
  b.evaluation.titlePrefix = prefixText || undefined;
  b.evaluation.title = !prefixText ? title : quoted ? `${prefixText} ${open}${title}${close}` : `${prefixText} ${title}`;
  b.report.add('evaluation.title', heading, b.evaluation.title);
  b.project.title = title;
  b.project.titleSaysProject = project;
  b.report.add('project.title', heading, title);
}

/** No title heading: the title is made from the evaluation type and the project title. */
export function titleFromType(b: Brief): void {
  const e = b.evaluation;
  if (e.title || !b.project.title) return;
  const [open, close] = QUOTES[b.language];
  e.title = e.type ? `${e.type} ${OF_THE_PROJECT[b.language]} ${open}${b.project.title}${close}` : b.project.title;
  b.report.add('evaluation.title', b.label('project.title') ?? b.label('evaluation.type') ?? { line: 1 }, e.title);
  b.report.warn(`no evaluation title heading; the title is made from the evaluation type and project title: ${e.title}`);
}
