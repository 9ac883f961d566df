/**
 * The title heading: EX-POST EVALUATION OF THE PROJECT “TITLE” (the seed's), FINAL
 * EVALUATION FOR <TITLE> (the 2023 template, no quotes), ÉVALUATION FINALE DU PROJET over
 * « TITRE » on the next line, or a "Project title:" line. Headings in capitals are recased:
 * English titles in title case, French and Spanish ones in sentence case with the proper nouns
 * the text writes with a capital.
 */
import type { Brief } from '../draft.js';
import { OF_THE_PROJECT, QUOTES } from '../phrases.js';
import type { Element } from '../sections.js';
import { isAllCaps, recase } from '../words.js';

const EVALUATION_OF =
  /\b(?:evaluation|review|assessment)\s+(?:of|for)\b|\b(?:evaluation|review)\s*[-\u2013\u2014:]\s+\S|(?:^|\s)[ée]valuation\b.*\b(?:du|de la|des|de l'|d')\s*(?:projet|programme)\b|\bevaluaci[oó]n\b.*\b(?:del|de la)\s+(?:proyecto|programa)\b|\bavalia[cç][aã]o\b.*\b(?:do|da)\s+(?:projeto|programa)\b/i;
/** "<TITLE> – FINAL EVALUATION": the title first, the kind of evaluation after it. */
const TITLE_FIRST = /^(.{3,250}?)\s*[-\u2013\u2014:]\s*((?:(?:final|mid-?term|ex-?post|ex-?ante|baseline|end-?line|terminal|independent|external|internal|project|programme)\s+)*(?:evaluation|review))$/i;
const PREFIX_ONLY = /^(.*?(?:\b(?:project|programme|program|projet|proyecto|programa|projeto)))\s*:?\s*$/i;
const SPLIT: readonly RegExp[] = [
  /^(.*?\b(?:evaluation|review|assessment)\s+(?:of|for)(?:\s+the)?(?:\s+(?:project|programme|program)\b)?)\s*:?\s+(.+)$/i,
  /^(.*?\b(?:evaluation|review))\s*[-\u2013\u2014:]\s+(.+)$/i,
  /^(.*?[ée]valuation\b.*?\b(?:du|de la|des|de l'|d')\s*(?:projet|programme)?)\s*:?\s+(.+)$/i,
  /^(.*?evaluaci[oó]n\b.*?\b(?:del|de la|de)\s*(?:proyecto|programa)?)\s*:?\s+(.+)$/i,
  /^(.*?avalia[cç][aã]o\b.*?\b(?:do|da|de)\s*(?:projeto|programa)?)\s*:?\s+(.+)$/i,
];
const SAYS_PROJECT = /\b(?:project|programme|program|projet|proyecto|programa|projeto)\b/i;

export function readTitle(b: Brief): void {
  const preamble = (b.section('preamble')?.elements ?? []).filter((e) => e.kind === 'text' && e.text.length <= 300 && !/^(?:this|cette|ce|cet|este|esta)\b/i.test(e.text));
  let at = preamble.findIndex((e) => EVALUATION_OF.test(e.text) || /"[^"]{3,}"/.test(e.text) || TITLE_FIRST.test(e.text));
  // No heading says "evaluation": the first heading in capitals, else the first short line
  // that is not a sentence, is the title (with a warning).
  const guessed = at < 0;
  const titleLike = (e: Element) => e.text.split(/\s+/).length >= 3 && !/^\[?[\d\s/.-]+\]?$/.test(e.text) && !/:\s/.test(e.text) && !/[.;:]$/.test(e.text);
  if (guessed) at = preamble.findIndex((e) => isAllCaps(e.text) && titleLike(e));
  if (guessed && at < 0) at = preamble.findIndex(titleLike);
  let heading: Element | undefined = preamble[at];
  // "ÉVALUATION FINALE DU PROJET" with the title on the next line.
  const next = preamble[at + 1];
  if (heading && PREFIX_ONLY.test(heading.text) && next && !/[.:]$/.test(next.text)) heading = { ...heading, text: `${heading.text} ${next.text}`, endLine: next.endLine };
  if (heading) {
    fromHeading(b, heading);
    for (let line = heading.line; line <= heading.endLine; line++) b.titleLines.add(line);
  }
  if (heading && guessed) b.report.warn(`no heading names the evaluation; "${heading.text}" is taken as the title`, heading.line);
  const labelled = b.label('project.title');
  if (labelled && !b.project.title) {
    b.project.title = labelled.value;
    b.project.titleSaysProject = true;
    b.report.add('project.title', labelled, labelled.value);
  }
}

function fromHeading(b: Brief, heading: Element): void {
  const quoted = /"([^"]{3,250})"/.exec(heading.text);
  const first = quoted ? null : TITLE_FIRST.exec(heading.text);
  let prefix: string;
  let title: string;
  if (first) {
    title = recased(b, first[1]!.trim());
    b.evaluation.title = `${title} \u2013 ${recase(first[2]!, 'sentence', b.acronyms)}`;
    b.report.add('evaluation.title', heading, b.evaluation.title);
    b.project.title = title;
    b.project.titleSaysProject = /\b(?:project|programme)\b/i.test(first[2]!);
    b.report.add('project.title', heading, title);
    return;
  }
  if (quoted) {
    prefix = heading.text.slice(0, quoted.index);
    title = quoted[1]!.trim();
  } else {
    const m = SPLIT.map((re) => re.exec(heading.text)).find((x) => x !== null);
    [prefix, title] = m ? [m[1]!, m[2]!] : ['', heading.text];
  }
  prefix = prefix.replace(/[\s:\-\u2013]+$/, '').trim();
  title = recased(b, title);
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

/** A title in capitals, recased: in title case in English, in sentence case (proper nouns kept) in French and Spanish. */
function recased(b: Brief, title: string): string {
  if (!isAllCaps(title)) return title;
  return b.language === 'en' ? recase(title, 'title', b.acronyms) : recase(title, 'sentence', b.acronyms, b.capitalised);
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
