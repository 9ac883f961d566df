/** The record mapping writes only what the model declares, so the Cypher lint's view of it is complete. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_PREFIX, LABELS, labelOfId, PROPERTY_KEYS, RELATIONSHIPS } from '../src/domain/model.js';
import { readRecords } from '../src/ingest/recordFiles.js';
import { recordToChange } from '../src/services/import/mapRecord.js';
import { ROOT } from './helpers/api.js';

describe('record to graph mapping', () => {
  it('uses only property keys of the model and relationships between allowed labels', async () => {
    const [seed] = await readRecords([path.join(ROOT, 'seeds')]);
    const change = recordToChange(seed!.record, seed!.source);
    const keys = new Set([...change.nodes.flatMap((n) => Object.keys(n.props)), ...change.edges.flatMap((e) => Object.keys(e.props))]);
    expect([...keys].filter((k) => !(PROPERTY_KEYS as readonly string[]).includes(k))).toEqual([]);
    const labelOf = new Map(change.nodes.map((n) => [n.id, n.label]));
    for (const edge of change.edges) {
      expect(RELATIONSHIPS[edge.type].from as readonly string[]).toContain(labelOf.get(edge.from));
      expect(RELATIONSHIPS[edge.type].to as readonly string[]).toContain(labelOf.get(edge.to));
    }
  });
});

describe('node ids', () => {
  it('name their label by their prefix, and no label for an unknown or missing prefix', () => {
    for (const label of LABELS) expect(labelOfId(`${ID_PREFIX[label]}:some-key`)).toBe(label);
    expect(new Set(Object.values(ID_PREFIX)).size).toBe(LABELS.length);
    expect(labelOfId('project:bo10p0001/ce.0350:with-a-colon')).toBe('Project');
    expect(labelOfId('planet:mars')).toBeUndefined();
    expect(labelOfId('projects')).toBeUndefined();
    expect(labelOfId('')).toBeUndefined();
  });
});
