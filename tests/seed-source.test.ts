/** The brief kept in seeds/ is the real source brief, byte for byte. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/api.js';

const shared = path.join(ROOT, '../shared/sources/iom-bolivia-internal-migration-brief.txt');
const hasShared = await readFile(shared).then(() => true, () => false);
if (!hasShared) console.log(`seed-source: ${shared} is not beside the checkout; the copy in seeds/ cannot be compared`);

describe('seeds/sources', () => {
  it.runIf(hasShared)('holds an identical copy of the shared source brief', async () => {
    const copy = await readFile(path.join(ROOT, 'seeds/sources/iom-bolivia-internal-migration-brief.txt'));
    expect(copy.equals(await readFile(shared))).toBe(true);
  });
});
