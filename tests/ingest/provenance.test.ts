/**
 * Provenance: every node a brief states links to its SourceDocument, and for a parsed brief
 * the SOURCED_FROM relationship says which lines of the document the node's facts came from.
 * Curated records have no line ranges, and their relationships carry none.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefFromText } from '../../src/ingest/inputFiles.js';
import { readRecordFile } from '../../src/ingest/recordFiles.js';
import { recordToChange } from '../../src/services/import/mapRecord.js';
import { ROOT } from '../helpers/api.js';

const BRIEF = path.join(ROOT, 'seeds/sources/iom-bolivia-internal-migration-brief.txt');

describe('SOURCED_FROM', () => {
  it('carries the line ranges of the brief each node came from', async () => {
    const text = await readFile(BRIEF, 'utf8');
    const input = briefFromText(text, { document: 'brief.txt', bytes: await readFile(BRIEF) });
    const change = recordToChange(input.record, input.source);
    const sourced = new Map(change.edges.filter((e) => e.type === 'SOURCED_FROM').map((e) => [e.from, e]));
    const linesOf = (id: string) => sourced.get(id)?.props.lines;

    expect(linesOf('project:bo10p0001-ce-0350')).toBe('5,24,32-36,50');
    expect(linesOf('finding:bo10p0001-ce-0350:ex-post:2021:efficiency')).toBe('50');
    expect(linesOf('recommendation:bo10p0001-ce-0350:ex-post:2021:e-2')).toBe('94');
    expect(linesOf('organization:udape-bo')).toBe('26');
    expect(linesOf('person:horacio-calle')).toBe('14');
    const lines = text.split('\n');
    expect(lines[49]).toMatch(/^Efficiency and Cost Effectiveness \(rating: Good - 3\)/);
    // Every node the record states is sourced, and points at the one document.
    const doc = change.nodes.find((n) => n.label === 'SourceDocument')!;
    expect(doc.id).toBe(`source:${input.source!.sha256.slice(0, 16)}`);
    expect(new Set([...sourced.values()].map((e) => e.to))).toEqual(new Set([doc.id]));
    expect([...sourced.values()].every((e) => typeof e.props.lines === 'string')).toBe(true);
  });

  it('carries no line range for a curated record', async () => {
    const { record, source } = await readRecordFile(path.join(ROOT, 'seeds/iom-bolivia-internal-migration.yaml'));
    const edges = recordToChange(record, source).edges.filter((e) => e.type === 'SOURCED_FROM');
    expect(edges.length).toBeGreaterThan(20);
    expect(edges.every((e) => !('lines' in e.props))).toBe(true);
  });
});
