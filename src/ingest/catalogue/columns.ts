/**
 * The columns of IOM's evaluation repository search export, as exported (typos included), and
 * which of them the reader needs. Columns are found by name, not position, ignoring case and
 * spacing; a file without a required column is refused as a whole.
 */

export const COLUMNS = {
  title: 'Title',
  year: 'Year',
  author: 'Author',
  publicationDate: 'Date of Publication',
  donor: 'Donor',
  brief: 'Evaluation Brief',
  commissioner: 'Evaluation Commissioner',
  coverage: 'Evaluation Coverage',
  periodFrom: 'Evaluation Period From Date',
  periodTo: 'Evaluation Period To Date',
  languages: 'Languages',
  thematicAreas: 'Migration Thematic Areas',
  projectNames: 'Name of Project(s) Being Evaluated',
  projectCode: 'Project Code',
  countries: 'Countries Covered',
  regions: 'Regions Covered',
  crossCuttingThemes: 'Relevant Crosscutting Themes',
  termsOfReference: 'Terms of Reference',
  scope: 'Type of Evaluation Scope',
  timing: 'Type of Evaluation Timing',
  evaluatorType: 'Type of Evaluator',
  level: 'Level of Evaluation',
  documentSubtype: 'Document Subtype',
  fileUrl: 'File URL',
  fileDescription: 'File description',
  managementResponse: 'Management response',
} as const;

export type Column = keyof typeof COLUMNS;

/** Columns without which a row cannot become a record. */
export const REQUIRED: readonly Column[] = ['title'];

/**
 * Columns the export has and the record has no field for, so the reader leaves them: "Best
 * Practicesor Lessons Learnt", "Executive Summary", "External Version of the Report", "Number
 * of Pages Excluding annexes", "Other Documents Included", "Report Published", "Date added".
 */
export const UNUSED = ['Best Practicesor Lessons Learnt', 'Executive Summary', 'External Version of the Report', 'Number of Pages Excluding annexes', 'Other Documents Included', 'Report Published', 'Date added'] as const;

const key = (name: string) => name.replace(/^\ufeff/, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The position of each known column in a header row (undefined for the ones it lacks). */
export function mapHeader(header: readonly string[]): { index: Partial<Record<Column, number>>; missing: Column[] } {
  const positions = new Map(header.map((name, i) => [key(name), i]));
  const index: Partial<Record<Column, number>> = {};
  const missing: Column[] = [];
  for (const [column, name] of Object.entries(COLUMNS) as [Column, string][]) {
    const at = positions.get(key(name));
    if (at === undefined) missing.push(column);
    else index[column] = at;
  }
  return { index, missing };
}
