/**
 * IOM's real evaluation briefs, read from ../shared (next to the repository, never copied into
 * it), with the facts a curator read from each (tests/fixtures/real-briefs.yaml). Where the
 * documents are absent the tests that need them are skipped with the reason printed, except
 * under CI=true, where their absence is a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { BriefFacts } from '../../src/ingest/brief/accuracy.js';
import { ROOT } from './api.js';

export const REAL_BRIEFS_DIR = path.join(ROOT, '..', 'shared', 'sources', 'iom-evaluation-repository');
export const REAL_BRIEF_FACTS = path.join(ROOT, 'tests', 'fixtures', 'real-briefs.yaml');

export interface RealBrief extends BriefFacts {
  readonly file: string;
  /** Where the document is, and whether it is there. */
  readonly path: string;
  readonly present: boolean;
}

export function realBriefs(): RealBrief[] {
  const { briefs } = parse(readFileSync(REAL_BRIEF_FACTS, 'utf8')) as { briefs: (BriefFacts & { file: string })[] };
  return briefs.map((b) => {
    const file = path.join(REAL_BRIEFS_DIR, b.file);
    return { ...b, path: file, present: existsSync(file) };
  });
}

/** Why the real briefs cannot be checked, or undefined when they all can. */
export function realBriefsAbsent(briefs: readonly RealBrief[]): string | undefined {
  const absent = briefs.filter((b) => !b.present);
  return absent.length ? `IOM's real briefs are not at ${REAL_BRIEFS_DIR}: ${absent.map((b) => b.file).join(', ')}` : undefined;
}
