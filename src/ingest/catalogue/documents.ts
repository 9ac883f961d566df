/**
 * The documents of a catalogue row: the File URL cell (several URLs separated by ",   "), with
 * the Document Subtype and File description lists.
 *
 * The export lists the URLs sorted by file name, while the subtypes and descriptions keep the
 * order the documents were entered in (the seed row: URLs "…Evaluation Brief.pdf", "…Final
 * report_0.pdf", "…Management Response.docx"; subtypes "Management response, Evaluation brief,
 * Evaluation report"). Aligning them by position would label a management response as the
 * report. So when the three counts agree, each URL is matched to the subtype and description
 * its file name fits: a description that is the file name itself, else the kind of document
 * both name (brief, report, management response, terms of reference, inception report,
 * annex, summary, infographic), else the words they share. Where the counts disagree, or a
 * URL fits none, its subtype is guessed from its file name only when that is unambiguous, and
 * left empty otherwise, with a warning.
 */
import { clean, isPlaceholder, splitOutsideParentheses } from './cells.js';
import { DOCUMENT_SUBTYPES } from './vocabulary.js';

export interface DocumentRecordInput {
  url: string;
  subtype?: string;
  description?: string;
}

export interface DocumentsResult {
  readonly documents: DocumentRecordInput[];
  readonly problems: { column: string; message: string }[];
}

type Category = 'brief' | 'report' | 'management response' | 'terms of reference' | 'inception report' | 'annex' | 'summary' | 'infographic' | 'matrix' | 'presentation';

/** The kind of document a file name or a description names, most specific first. */
function category(text: string): Category | undefined {
  const t = ` ${text
    .toLowerCase()
    .replace(/[_\-.%()]+/g, ' ')
    .replace(/\bwith(?:out)? annex(?:es)?\b/g, ' ')} `;
  if (/infogra(ph|f)|inforgraphic/.test(t)) return 'infographic';
  if (/management (follow ?up )?response|managament response|\bmrm\b|respuesta (de la administraci|gere)|r[ée]ponse de la direction|response (plan|matrix)|response matri|recomm response|action plan for follow/.test(t)) return 'management response';
  if (/(?:\b|evaluation)tors?\b|terms of reference|t[ée]rminos de referencia|\btdrs?|termes de r[ée]f[ée]rence/.test(t)) return 'terms of reference';
  if (/inception|(?:informe|reporte?) de inicio|rapport de d[ée]marrage/.test(t)) return 'inception report';
  if (/evaluation matrix|matri[zx] de (?:evaluaci|preguntas)|results? matrix/.test(t)) return 'matrix';
  if (/brief|\bbreve\b|\bbrève\b|hoja informativa|fact ?sheet/.test(t)) return 'brief';
  if (/annex|anexo|appendi/.test(t)) return 'annex';
  if (/summary|resumen|exec sum|r[ée]sum[ée]|synth[eè]se/.test(t)) return 'summary';
  if (/presentation|present(?:a|e)?t?naci[oó]n|presentaci[oó]n|pr[ée]sentation/.test(t)) return 'presentation';
  if (/report|informe|rapport|relat[oó]rio|\bfinal\b|evaluation|evaluaci[oó]n|[ée]valuation/.test(t)) return 'report';
  return undefined;
}

/** The subtype a category is filed under in IOM's vocabulary. */
const SUBTYPE_OF: Record<Category, string | undefined> = {
  brief: 'Evaluation brief',
  report: 'Evaluation report',
  'management response': 'Management response',
  summary: 'Evaluation summary',
  'terms of reference': 'Annexes',
  'inception report': 'Annexes',
  annex: 'Annexes',
  matrix: 'Annexes',
  infographic: 'Special related reports/documents',
  presentation: undefined,
};

/** The subtype's own category (coarse: "Annexes" covers terms of reference and inception reports). */
function subtypeCategory(subtype: string): Category | 'annexes' | 'special' | undefined {
  const s = subtype.toLowerCase();
  if (/brief/.test(s)) return 'brief';
  if (/management response/.test(s)) return 'management response';
  if (/summary/.test(s)) return 'summary';
  if (/annex/.test(s)) return 'annexes';
  if (/special/.test(s)) return 'special';
  if (/report/.test(s)) return 'report';
  return undefined;
}

/** The file name of a URL, decoded (some URLs are encoded twice: "%2520"). */
export function fileName(url: string): string {
  let name = url.split(/[?#]/)[0]!.split('/').pop() ?? url;
  for (let i = 0; i < 3; i++) {
    try {
      const decoded = decodeURIComponent(name);
      if (decoded === name) break;
      name = decoded;
    } catch {
      break;
    }
  }
  return name;
}

const norm = (s: string) => clean(s).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
const wordsOf = (s: string) => new Set(norm(s).replace(/\.\w{2,4}$/, '').split(/[^a-z0-9]+/).filter((w) => w.length > 2));

function compatibleSubtype(coarse: ReturnType<typeof subtypeCategory>, fileCat: Category): boolean {
  return (
    coarse === fileCat ||
    (coarse === 'annexes' && ['annex', 'terms of reference', 'inception report', 'matrix', 'presentation'].includes(fileCat)) ||
    (coarse === 'special' && ['infographic', 'presentation', 'annex', 'summary', 'report', 'brief'].includes(fileCat)) ||
    (coarse === 'report' && ['report', 'presentation'].includes(fileCat))
  );
}

/** How well a file fits a (subtype, description) label; negative when they contradict. */
function fit(file: string, subtype: string | undefined, description: string | undefined): number {
  if (description && norm(description) === norm(file)) return 100;
  const fileCat = category(file);
  const labelCat = (description ? category(description) : undefined) ?? (subtype ? category(subtype) : undefined);
  const coarse = subtype ? subtypeCategory(subtype) : undefined;
  let score = 0;
  if (fileCat && labelCat) {
    if (fileCat === labelCat) score += 10;
    else if (fileCat === 'report' || labelCat === 'report') score -= 3; // "report" is also the fallback for any evaluation file
    else score -= 20;
  }
  if (fileCat && coarse) {
    score += compatibleSubtype(coarse, fileCat) ? 2 : -5;
  }
  if (description) {
    const a = wordsOf(file);
    const b = wordsOf(description);
    const shared = [...a].filter((w) => b.has(w) && !['evaluation', 'final', 'report', 'pdf', 'docx'].includes(w)).length;
    score += Math.min(shared, 5);
  }
  return score;
}

/** The assignment of labels to files with the greatest total fit (exact, by bitmask, for up to 12 files). */
function bestAssignment(scores: number[][]): number[] | undefined {
  const n = scores.length;
  if (n > 12) return undefined;
  const memo = new Map<number, { total: number; picks: number[] }>();
  const solve = (i: number, used: number): { total: number; picks: number[] } => {
    if (i === n) return { total: 0, picks: [] };
    const key = i * 8192 + used;
    const hit = memo.get(key);
    if (hit) return hit;
    let best = { total: -Infinity, picks: [] as number[] };
    for (let j = 0; j < n; j++) {
      if (used & (1 << j)) continue;
      const rest = solve(i + 1, used | (1 << j));
      const total = scores[i]![j]! + rest.total;
      if (total > best.total) best = { total, picks: [j, ...rest.picks] };
    }
    memo.set(key, best);
    return best;
  };
  return solve(0, 0).picks;
}

/** Split the File URL cell: URLs separated by commas (and spaces) before "http". */
export function splitUrls(cell: string): string[] {
  return cell
    .split(/\s*,\s*(?=https?:\/\/)/i)
    .map((u) => u.trim())
    .filter((u) => u && !isPlaceholder(u));
}

/** Subtypes: comma-separated values of IOM's vocabulary (none of which has a comma). */
function splitSubtypes(cell: string): string[] {
  if (isPlaceholder(cell)) return [];
  return splitOutsideParentheses(clean(cell))
    .map((s) => clean(s))
    .map((s) => (s && !isPlaceholder(s) ? s : ''));
}

function splitDescriptions(cell: string): string[] {
  if (isPlaceholder(cell)) return [];
  return splitOutsideParentheses(clean(cell)).map((s) => clean(s));
}

function validUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function readDocuments(urlCell: string, subtypeCell: string, descriptionCell: string): DocumentsResult {
  const problems: DocumentsResult['problems'] = [];
  const urls: string[] = [];
  for (const url of splitUrls(urlCell)) {
    if (validUrl(url)) urls.push(url);
    else problems.push({ column: 'File URL', message: `"${url}" is not an http(s) URL; left out` });
  }
  if (!urls.length) return { documents: [], problems };
  const subtypes = splitSubtypes(subtypeCell);
  const descriptions = splitDescriptions(descriptionCell);
  for (const s of subtypes) if (s && !DOCUMENT_SUBTYPES.canonical(s)) problems.push({ column: 'Document Subtype', message: `"${s}" is not one of the document subtypes seen in IOM's exports; kept as written` });
  const files = urls.map(fileName);
  const labelled = (i: number, subtype?: string, description?: string): DocumentRecordInput => ({
    url: urls[i]!,
    ...(subtype ? { subtype: DOCUMENT_SUBTYPES.canonical(subtype) ?? subtype } : {}),
    ...(description && !isPlaceholder(description) ? { description } : {}),
  });
  const guess = (i: number): string | undefined => {
    const cat = category(files[i]!);
    return cat ? SUBTYPE_OF[cat] : undefined;
  };

  if (urls.length === 1 && subtypes.length <= 1 && descriptions.length <= 1) {
    return { documents: [labelled(0, subtypes[0] || undefined, descriptions[0] || undefined)], problems };
  }
  if (subtypes.length === urls.length && descriptions.length === urls.length) {
    const scores = files.map((f) => subtypes.map((s, j) => fit(f, s || undefined, descriptions[j] || undefined)));
    const picks = bestAssignment(scores);
    if (picks) {
      const documents = picks.map((j, i) => {
        if (scores[i]![j]! < 0) {
          // Left over when the others were matched: keep the subtype if it suits the file.
          const subtype = subtypes[j] || undefined;
          const fileCat = category(files[i]!);
          if (subtype && fileCat && compatibleSubtype(subtypeCategory(subtype), fileCat)) {
            problems.push({ column: 'File description', message: `${files[i]}: no listed description fits it ("${descriptions[j]}" is left over); subtype ${subtype} kept, description left out` });
            return labelled(i, subtype);
          }
          problems.push({ column: 'Document Subtype', message: `${files[i]}: fits none of the listed subtypes and descriptions ("${subtypes[j]}", "${descriptions[j]}" are left over); left without them` });
          return labelled(i);
        }
        return labelled(i, subtypes[j] || undefined, descriptions[j] || undefined);
      });
      return { documents, problems };
    }
  }
  // Counts disagree: descriptions that are file names still say which file they describe;
  // otherwise the subtype is guessed from the file name when it names one kind of document.
  problems.push({
    column: 'File URL',
    message: `${urls.length} URL(s), ${subtypes.length} subtype(s) and ${descriptions.length} description(s) do not line up; subtypes guessed from file names where they say which kind of document they are`,
  });
  const documents = urls.map((_, i) => {
    const description = descriptions.find((d) => norm(d) === norm(files[i]!));
    const guessed = guess(i);
    const listed = subtypes.find((s) => s && guessed && subtypeCategory(s) === subtypeCategory(guessed));
    const subtype = listed ?? (subtypes.length === 0 ? guessed : undefined);
    if (!subtype) problems.push({ column: 'Document Subtype', message: `${files[i]}: subtype unknown (the file name says no single kind of document listed for this row); left empty` });
    return labelled(i, subtype, description);
  });
  return { documents, problems };
}
