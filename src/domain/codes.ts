/**
 * IOM project codes as documents write them, and the keys projects are matched by.
 *
 * A project can carry two forms of its code: the PRIMA project id (`BO10P0001`: country
 * letters, two digits, `P`, four digits) and the older project code (`CE.0350`, also written
 * `CE0350`). A brief writes both as `BO10P0001/CE.0350`; the catalogue often gives only one.
 * Two codes of the same form name two projects (`CS1137 / CS1138`, `CS1137, CS1138`).
 */

const PRIMA_ID = /^[A-Z]{2}\d{2}P\d{4}$/;
const PROJECT_CODE = /^[A-Z]{2,3}\.?\d{3,4}$/;

export type CodeForm = 'prima' | 'project' | 'other';

export function codeForm(code: string): CodeForm {
  const c = code.trim().toUpperCase();
  if (PRIMA_ID.test(c)) return 'prima';
  if (PROJECT_CODE.test(c)) return 'project';
  return 'other';
}

/** The key one code form is matched by: capitals and digits only (`CE.0350` and `CE0350` meet). */
export function codeKey(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The projects a code cell names, each as the code to record (its forms joined by "/"):
 * "BO10P0001/CE.0350" -> ["BO10P0001/CE.0350"]; "CS1137 / CS1138" and "CS1137, CS1138" ->
 * ["CS1137", "CS1138"]; "TC.0270;TC.0350" -> ["TC.0270", "TC.0350"]. Repeated codes count once.
 */
export function splitProjectCodes(cell: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (forms: readonly string[]) => {
    const keys = forms.map(codeKey);
    if (!keys.every(Boolean) || keys.some((k) => seen.has(k))) return;
    keys.forEach((k) => seen.add(k));
    out.push(forms.join('/'));
  };
  for (const segment of cell.split(/[,;\n]+|\s+(?:and|et|y)\s+/i)) {
    const tokens = segment.split('/').map((t) => t.trim()).filter(Boolean);
    if (!tokens.length) continue;
    const forms = tokens.map(codeForm);
    // One PRIMA id and one project code joined by "/" are two forms of one project's code.
    if (tokens.length === 2 && forms.includes('prima') && forms.includes('project')) push(tokens);
    else tokens.forEach((t) => push([t]));
  }
  return out;
}

/** The keys of every form of a recorded code ("BO10P0001/CE.0350" -> ["BO10P0001", "CE0350"]). */
export function codeKeys(code: string): string[] {
  return [...new Set(code.split(/[/,;]/).map(codeKey).filter(Boolean))];
}
