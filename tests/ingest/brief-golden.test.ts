/**
 * The golden test: parsing the seed brief (the real IOM Development Fund brief) yields exactly
 * the record a curator wrote for it in seeds/, and the report says where each fact was found.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBrief, type ParsedBrief } from '../../src/ingest/brief/index.js';
import { EXPECTED_FIELDS } from '../../src/ingest/brief/report.js';
import { readRecordFile } from '../../src/ingest/recordFiles.js';
import type { EvaluationRecord } from '../../src/domain/record.js';
import { ROOT } from '../helpers/api.js';

const BRIEF = path.join(ROOT, 'seeds/sources/iom-bolivia-internal-migration-brief.txt');
let parsed: ParsedBrief;
let curated: EvaluationRecord;
let lines: string[];

beforeAll(async () => {
  const text = await readFile(BRIEF, 'utf8');
  lines = text.split('\n');
  parsed = parseBrief(text, { document: 'iom-bolivia-internal-migration-brief.txt' });
  const { record } = await readRecordFile(path.join(ROOT, 'seeds/iom-bolivia-internal-migration.yaml'));
  const { source: _source, ...facts } = record;
  curated = facts as EvaluationRecord;
});

describe('the seed brief', () => {
  it('parses to exactly the curated record (the source block aside)', () => {
    expect(parsed.record).toEqual(curated);
  });

  it('keeps the facts the graph must hold, read from the brief', () => {
    const { evaluation: e, projects: [p], organizations } = parsed.record as EvaluationRecord & { projects: [EvaluationRecord['projects'][number]] };
    expect(p).toMatchObject({ code: 'BO10P0001/CE.0350', type: 'Migration policy', startDate: '2016-11-01', endDate: '2018-10-31', budget: { amount: 100000, currency: 'USD' }, costExtensions: 3, extensionMonths: 12 });
    expect(p.countries).toEqual([{ name: 'Bolivia', officialName: 'Plurinational State of Bolivia', isoCode: 'BO' }]);
    expect(p.partners.map((x) => [x.organization, x.lead])).toEqual([['UDAPE', true], ['INE', false], ['IDIS', false]]);
    expect(e.recommendations.map((r) => [r.code, r.audiences])).toEqual([
      ['A', ['IOM Bolivia']], ['B', ['IOM Bolivia']], ['C', ['IOM Bolivia']], ['D', ['IOM Bolivia']],
      ['E.1', ['IOM Bolivia']], ['E.2', ['All IOM units implementing IDF projects']],
    ]);
    const udape = organizations.find((o) => o.acronym === 'UDAPE')!;
    expect(udape).toMatchObject({ localName: 'Unidad de Políticas Sociales y Económicas', parent: 'MPD', parentRelation: 'decentralized unit linked to', kind: 'GOVERNMENT_AGENCY' });
  });

  it('reports the line each field came from, with the value read there', () => {
    const at = (field: string) => parsed.report.found.find((f) => f.field === field);
    for (const [field, needle] of [
      ['evaluation.type', 'Evaluation type:'],
      ['evaluation.finalReportDate', 'Final report:'],
      ['projects[0].code', 'Project code:'],
      ['projects[0].budget', 'Budget:'],
      ['evaluation.findings[2]', 'Efficiency and Cost Effectiveness'],
      ['projects[0].costExtensions', 'Three cost extensions'],
      ['projects[0].partners[0].lead', 'The UDAPE was positioned as the leading organisation'],
      ['evaluation.recommendations[5]', 'IDF projects should have'],
    ] as const) {
      const found = at(field);
      expect(found, field).toBeDefined();
      expect(lines[found!.line - 1], field).toContain(needle);
    }
    expect(at('projects[0].budget')!.value).toBe('USD 100000');
    expect(at('evaluation.finalReportDate')!.value).toBe('2021-05-20');
  });

  it('misses nothing expected, and says what it inferred', () => {
    expect(parsed.report.missing).toEqual([]);
    // Every expected field is found (both sides of an "a|b" this layout states), and so are the
    // implementer, partners and outputs, which the seed's layout states though not every layout does.
    const stated = (f: string) => f !== 'evaluation.coverage';
    const fields = [...EXPECTED_FIELDS.flatMap((f) => f.split('|')).filter(stated), 'projects[0].implementer', 'projects[0].partners', 'projects[0].outputs'];
    for (const f of fields) expect(parsed.report.found.some((x) => x.field === f || x.field.startsWith(`${f}[`)), f).toBe(true);
    const messages = parsed.report.warnings.map((w) => w.message);
    expect(messages).toContain(`no "Implemented by:" line; the implementer is taken to be IOM Bolivia (from the recommendations' audiences)`);
    expect(messages).toContain('IDF, used in the text, is taken as the acronym of IOM Development Fund (its initials)');
    expect(parsed.report.warnings.find((w) => w.message.includes('The study on internal migration in Bolivia'))?.line).toBe(40);
  });

  it('gives the line ranges of each part of the record for provenance', () => {
    expect(parsed.passages['evaluation.findings[2]']).toBe('50');
    expect(parsed.passages['evaluation.recommendations[0]']).toBe('66');
    expect(parsed.passages['projects[0]']).toBe('5,24,32-36,50');
    expect(parsed.passages['projects[0].outputs[1]']).toBe('28');
    expect(parsed.passages['projects[0].countries[0]']).toBe('32');
    // UDAPE is named in the partners paragraph; IOM Bolivia in every audience line.
    expect(parsed.passages[`organizations[${parsed.record.organizations.findIndex((o) => o.acronym === 'UDAPE')}]`]).toBe('26');
    expect(parsed.passages[`organizations[${parsed.record.organizations.findIndex((o) => o.name === 'IOM Bolivia')}]`]).toBe('64,70,76,82,88');
  });
});
