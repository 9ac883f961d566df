/**
 * The projects a catalogue row evaluates: one per code group of its Project Code cell
 * (domain/codes.ts `splitProjectCodes`), each with its code only, and with a title only when
 * the evaluation's title names the project explicitly (a quoted name, or "Evaluation of the
 * project: X"). A row of a programme or project evaluation without a code gets one project
 * when its title names it so; otherwise no project: a title is never guessed.
 *
 * The cell is tidied before it is split, each change reported: placeholders and debris
 * ("N/A", "â€¦") are no codes; "CS. 0948" and "MA 0272" are one code each; codes separated
 * only by spaces, "&" or " - " are several; a code written with "/" inside its own parts
 * ("AZE/98/005") gets "-" instead, since "/" joins two forms of one project's code.
 */
import { codeForm, splitProjectCodes } from '../../domain/codes.js';
import { clean, isPlaceholder } from './cells.js';

export interface CodeResult {
  readonly codes: string[];
  readonly problems: string[];
}

/** A token shaped like some project code: letters and digits, no spaces. */
const CODE_TOKEN = /^[A-Z0-9][A-Z0-9.\-()]*\d[A-Z0-9.\-()]*$/i;
/** A PRIMA id as the catalogue sometimes mistypes it ("SV10M0005", "Z10P0501"). */
const PRIMA_LIKE = /^[A-Z]{1,2}\d{2}[A-Z]\d{4}$/;

export function projectCodes(cell: string): CodeResult {
  const problems: string[] = [];
  let v = clean(cell);
  if (isPlaceholder(v)) return { codes: [], problems };
  const before = v;
  // Debris of a broken encoding ("Â PR.0144", "â€¦") and stray quotes.
  v = v.replace(/[^\x20-\x7e]+/g, ' ').replace(/["“”]/g, '').trim();
  if (!v || !/\d/.test(v)) {
    problems.push(`"${before}" holds no project code; left out`);
    return { codes: [], problems };
  }
  if (v !== before) problems.push(`characters that belong to no code removed from "${before}"`);
  // Words, not codes ("Evaluation matrix, Evaluation Terms of Reference").
  if (/\b[a-z]{3,}\b/.test(v) && !/^[^a-z]*\b(?:and|et|y)\b[^a-z]*$/.test(v)) {
    problems.push(`"${before}" is text, not a project code; left out`);
    return { codes: [], problems };
  }
  // An unbalanced closing parenthesis ("PR.0219)").
  while ((v.match(/\)/g) ?? []).length > (v.match(/\(/g) ?? []).length) {
    const at = v.lastIndexOf(')');
    v = `${v.slice(0, at)}${v.slice(at + 1)}`.trim();
    problems.push(`an unmatched ")" removed from "${before}"`);
  }
  // "CS. 0948", "MA 0272": one code written with a space.
  v = v.replace(/\b([A-Z]{2,3})(?:\.\s+|\s+)(\d{3,4})\b/g, (match, letters: string, digits: string) => {
    problems.push(`"${match}" read as one code, ${letters}.${digits}`);
    return `${letters}.${digits}`;
  });
  // Codes separated only by spaces, "&" or " - ".
  v = v.replace(/\s+-\s+(?=[A-Z]{2}\.?\d)/g, () => {
    problems.push(`" - " between two codes in "${before}" read as a list, not a range`);
    return ', ';
  });
  v = v.replace(/\s*&\s*/g, ', ');
  v = v.replace(/(?<=[A-Z0-9)])\s+(?=[A-Z]{2,3}\.?\d{3,4}\b)/g, ', ');
  // Groups whose "/" is part of one code rather than between two forms of it.
  const groups = v.split(/\s*[,;\n]+\s*|\s+(?:and|et|y)\s+/i).filter(Boolean);
  const out: string[] = [];
  for (const group of groups) {
    const parts = group.split('/').map((p) => p.trim()).filter(Boolean);
    if (parts.length > 1 && !parts.every((p) => CODE_TOKEN.test(p) && /[A-Z]/i.test(p) && p.replace(/[^A-Z0-9]/gi, '').length >= 4)) {
      const joined = parts.join('-').replace(/\s+/g, ' ');
      problems.push(`"${group}" is one code with "/" inside it; recorded as ${joined}`);
      out.push(joined);
      continue;
    }
    if (parts.length === 2) {
      const forms = parts.map(codeForm);
      const prima = forms.indexOf('prima') >= 0 ? -1 : parts.findIndex((p) => PRIMA_LIKE.test(p.toUpperCase()));
      if (prima >= 0 && forms[1 - prima] === 'project') {
        problems.push(`"${group}": ${parts[prima]} is not a well-formed PRIMA id but stands, as usual, beside the project code; read as two forms of one project's code`);
        out.push(`__one__${parts.join('/')}`);
        continue;
      }
    }
    out.push(group);
  }
  const codes: string[] = [];
  for (const piece of out) {
    if (piece.startsWith('__one__')) codes.push(piece.slice('__one__'.length));
    else codes.push(...splitProjectCodes(piece));
  }
  // Repeated codes across groups count once (splitProjectCodes dedupes within a group).
  const unique = [...new Set(codes)];
  const seen = new Set<string>();
  const result = unique.filter((c) => {
    const keys = c.split('/').map((k) => k.toUpperCase().replace(/[^A-Z0-9]/g, ''));
    if (keys.some((k) => seen.has(k))) return false;
    keys.forEach((k) => seen.add(k));
    return true;
  });
  for (const code of result) {
    for (const form of code.split('/')) if (!CODE_TOKEN.test(form)) problems.push(`"${form}" does not look like a project code; kept as written`);
  }
  return { codes: result, problems };
}

/** Names quoted in a title: “…”, "…", «…», ‘…’ (and an opening quote never closed, to the end). */
function quotedNames(title: string): { names: string[]; unclosed: boolean } {
  const names: string[] = [];
  const pattern = /“([^“”"]{6,}?)[”"]|"([^"“”]{6,}?)["”]|«\s*([^«»]{6,}?)\s*»|(?<![\p{L}])[‘']([^‘’']{6,}?)[’'](?![\p{L}])/gu;
  let last = 0;
  for (const m of title.matchAll(pattern)) {
    names.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
    last = m.index! + m[0].length;
  }
  if (names.length) return { names, unclosed: false };
  const open = /[“"«‘]\s*([^“”"«»‘’]{6,})$/u.exec(title.slice(last));
  if (open) return { names: [open[1]!], unclosed: true };
  return { names, unclosed: false };
}

const tidyName = (name: string) =>
  clean(name)
    .replace(/^[\s"“”'‘’«»]+|[\s"“”'‘’«».,;:]+$/gu, '')
    .trim();

/**
 * The project names an evaluation title gives explicitly, in order: quoted names, else the name
 * after "project:" ("Final evaluation of the project: Sustaining peace ..."). Empty when the
 * title names none.
 */
export function projectNamesInTitle(title: string): { names: string[]; problems: string[] } {
  const problems: string[] = [];
  const quoted = quotedNames(title);
  let names = quoted.names.map(tidyName).filter((n) => n.length >= 6);
  // A title that is entirely a quoted "Final evaluation of project X: name".
  names = names.map((n) => afterProjectColon(n) ?? n);
  if (quoted.unclosed && names.length) problems.push(`the project name's opening quote is never closed; the name is read to the end of the title`);
  if (!names.length) {
    const after = afterProjectColon(title);
    if (after) names = [after];
  }
  return { names: names.filter((n) => n.length >= 6), problems };
}

function afterProjectColon(text: string): string | undefined {
  const m = /(?:^|\b(?:of|the|du|del|de|of the|iom|iom's|iom’s|final|external|externa|interna|evaluation|evaluación|évaluation|évaluation|evaluacion)\s+)(?:project|projet|proyecto|programme|program|programa)(?:\s+[A-Z]{2}\.?\d{3,4})?\s*:\s*(.+)$/iu.exec(text);
  return m ? tidyName(m[1]!) : undefined;
}
