/**
 * The project information panel: geographical coverage (and the countries in it), project
 * type, code(s), period, budget, donor, gender marker, implementer. Several codes ("CS1137 /
 * CS1138") name several projects that share the panel's facts; two forms of one code
 * ("BO10P0001/CE.0350") name one project.
 */
import { splitProjectCodes } from '../../../domain/codes.js';
import { countriesIn, officialNameIn } from '../countries.js';
import type { Brief } from '../draft.js';
import { parseMoney, parsePeriod } from '../fields.js';
import { labelKey } from '../labels.js';
import { orgList, type Span } from '../organizations.js';

const NOT_A_VALUE = /^(?:n\/?a|none|not applicable|-+|\u2013|\u2014|sans objet|aucun|aucune|ninguno|no aplica|s\/o|tbd|tbc)$/i;
/** Coverage that names no country. */
const NO_COUNTRY = /^(?:global|worldwide|world|multi-?country|regional|mondial|mondiale|monde|mundial|r[ée]gional|multi-?pays|multipa[ií]s|various|several countries)$/i;

export function readProjectInformation(b: Brief): void {
  const p = b.project;
  const coverage = b.label('project.coverage');
  if (coverage) {
    p.coverage = coverage.value.replace(/\.$/, '');
    b.report.add('project.coverage', coverage, p.coverage);
  }
  const type = b.label('project.type');
  if (type) {
    p.type = type.value.replace(/\.$/, '');
    b.report.add('project.type', type, p.type);
  }
  readCodes(b);
  readPeriod(b);
  const budget = b.label('project.budget');
  if (budget) {
    const money = parseMoney(budget.value);
    if (money) {
      p.budget = money;
      b.report.add('project.budget', budget, `${money.currency} ${money.amount}`);
    } else {
      b.report.warn(`cannot read the budget "${budget.value}" (expected e.g. "USD 100,000", "US$ 1.2 million" or "EUR 64.7 million")`, budget.line);
    }
  }
  const implementer = b.label('project.implementer');
  if (implementer) {
    p.implementer = b.orgPhrase(implementer.value, implementer);
    b.report.add('project.implementer', implementer, p.implementer.name);
  }
  const funders = b.label('project.funders');
  if (funders) {
    orgList(funders.value).names.forEach((name, i) => {
      const org = b.orgPhrase(name, funders);
      p.funders.push(org);
      b.report.add(`project.funders[${i}]`, funders, org.name);
    });
  }
  const marker = b.label('project.genderMarker');
  if (marker && !NOT_A_VALUE.test(marker.value.trim())) {
    p.genderMarker = (/^(\d[a-c]?)\b/i.exec(marker.value.trim())?.[1] ?? marker.value.replace(/\.$/, '')).trim();
    b.report.add('project.genderMarker', marker, p.genderMarker);
  }
  readCountries(b);
}

function readCodes(b: Brief): void {
  const code = b.label('project.code');
  if (!code) return;
  if (NOT_A_VALUE.test(code.value.trim())) {
    b.report.warn(`"${code.label}:" gives no code ("${code.value}")`, code.line);
    return;
  }
  const codes = splitProjectCodes(code.value).filter((c) => /\d/.test(c));
  if (!codes.length) {
    b.report.warn(`cannot read a project code in "${code.value}"`, code.line);
    return;
  }
  b.project.codes = codes;
  codes.forEach((c, i) => b.report.add(`projects[${i}].code`, code, c));
  if (codes.length > 1) b.report.warn(`"${code.value}" names ${codes.length} projects (${codes.join(', ')}); each is recorded with the facts the brief gives once for all`, code.line);
}

function readPeriod(b: Brief): void {
  const period = b.label('project.period');
  if (!period) return;
  const parsed = parsePeriod(period.value);
  if (!parsed) b.report.warn(`cannot read the project period "${period.value}" (expected e.g. "1 November 2016 to 31 October 2018")`, period.line);
  for (const [field, date] of [['project.startDate', parsed?.start], ['project.endDate', parsed?.end]] as const) {
    if (!date) continue;
    if (date.note) b.report.warn(date.note, period.line);
    if (field === 'project.startDate') b.project.startDate = date.iso;
    else b.project.endDate = date.iso;
    b.report.add(field, period, date.iso);
  }
  if (parsed && (!parsed.start || !parsed.end)) b.report.warn(`cannot read both dates of the project period "${period.value}"`, period.line);
}

/** Countries from the coverage line (or, failing that, the title), with official names the text gives. */
function readCountries(b: Brief): void {
  const coverage = b.label('project.coverage');
  let found = coverage ? countriesIn(coverage.value) : [];
  let span: Span | undefined = coverage;
  if (!found.length && b.project.title && !coverage) {
    found = countriesIn(b.project.title);
    span = b.report.spans().find((s) => s.field === 'project.title');
    if (found.length) b.report.warn(`no country in the geographical coverage; taken from the project title: ${found.map((c) => c.name).join(', ')}`);
  }
  if (coverage && !found.length && !NO_COUNTRY.test(labelKey(coverage.value))) b.report.warn(`no country recognised in the geographical coverage "${coverage.value}"`, coverage.line);
  found.forEach((c, i) => {
    const officialName = officialNameIn(b.fullText, c.name);
    b.project.countries.push({ name: c.name, isoCode: c.code, ...(officialName ? { officialName } : {}) });
    b.report.add(`project.countries[${i}]`, span ?? { line: 1 }, `${c.name} (${c.code})`);
  });
}
