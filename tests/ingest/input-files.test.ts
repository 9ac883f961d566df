/**
 * Bad input at the file level. Text briefs in Latin-1 (Windows-1252) and in UTF-16 (either
 * byte order, with or without a byte-order mark) are decoded to the same record as their UTF-8
 * original, and never stored with replacement characters; what cannot be decoded is refused
 * with its encoding named. A record's source document is read only from inside the record's
 * folder: "../x", an absolute path or a link out of the folder is refused, naming the record
 * and the path.
 */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordValidationError } from '../../src/domain/record.js';
import { BriefParseError } from '../../src/ingest/brief/errors.js';
import { readInputFile } from '../../src/ingest/inputFiles.js';
import { readRecordFile } from '../../src/ingest/recordFiles.js';
import { removeDir, ROOT, tempDir } from '../helpers/api.js';
import { FIXTURES_DIR } from '../helpers/briefFixtures.js';

let dir: string;
let original: string;

beforeAll(async () => {
  dir = await tempDir('meg-inputs-');
  // An invented brief with accented letters (Evaluadora Técnica, San Andrés).
  original = await readFile(path.join(FIXTURES_DIR, 'bolivia-migration-data.txt'), 'utf8');
});
afterAll(async () => removeDir(dir));

const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

async function imported(name: string, bytes: Uint8Array) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return readInputFile(file);
}

async function refusal(name: string, bytes: Uint8Array): Promise<BriefParseError> {
  const error = await imported(name, bytes).catch((e: unknown) => e);
  expect(error, name).toBeInstanceOf(BriefParseError);
  return error as BriefParseError;
}

describe('text briefs in other encodings', () => {
  it('decodes Latin-1 (Windows-1252, curly quotes included) to the record of the UTF-8 original, with a note', async () => {
    expect(original).toMatch(/[éá]/);
    const withQuotes = original.replace(/"Improving/, '\u201cImproving').replace(/Bolivia"/, 'Bolivia\u201d');
    const cp1252 = Buffer.from(withQuotes.replace(/\u201c/g, '\x93').replace(/\u201d/g, '\x94'), 'latin1');
    expect(cp1252.includes(0x93)).toBe(true);
    const input = await imported('latin1.txt', cp1252);
    const utf8 = await imported('utf8.txt', Buffer.from(original, 'utf8'));
    expect(input.record).toEqual(utf8.record);
    expect(input.source!.text).toBe(withQuotes);
    expect(input.source!.text).not.toContain('\ufffd');
    expect(input.record.evaluation.evaluators.map((e) => e.name)).toContain('Evaluadora Técnica');
    expect(input.report!.warnings.map((w) => w.message)).toContain('the file is not valid UTF-8; it was read as Latin-1 (Windows-1252), the encoding older Windows editors save in');
  });

  it.each([
    ['UTF-16LE with a byte-order mark', 'UTF-16LE', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le')]), 'by its byte-order mark'],
    ['UTF-16LE without one', 'UTF-16LE', () => Buffer.from(original, 'utf16le'), 'without a byte-order mark'],
    ['UTF-16BE with a byte-order mark', 'UTF-16BE', () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(original)]), 'by its byte-order mark'],
    ['UTF-16BE without one', 'UTF-16BE', () => utf16be(original), 'without a byte-order mark'],
  ] as const)('decodes %s', async (label, encoding, bytes, how) => {
    const input = await imported(`${encoding}-${how.length}.txt`, bytes());
    expect(input.record).toEqual((await imported('utf8.txt', Buffer.from(original, 'utf8'))).record);
    expect(input.source!.text).toBe(original);
    expect(input.report!.warnings[0]!.message, label).toContain(`the file is ${encoding} text`);
    expect(input.report!.warnings[0]!.message).toContain(how);
  });

  it('reads UTF-8 with a byte-order mark without keeping the mark', async () => {
    const input = await imported('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original, 'utf8')]));
    expect(input.source!.text).toBe(original);
  });

  it('refuses what cannot be decoded, naming the encoding', async () => {
    const utf32 = await refusal('utf32.txt', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('A\0\0\0', 'latin1')]));
    expect(utf32.code).toBe('ENCODING');
    expect(utf32.message).toBe('the file is UTF-32 text (little-endian, by its byte-order mark), which is not read; save the brief as UTF-8');

    const odd = await refusal('odd.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le'), Buffer.from([0x41])]));
    expect(odd.message).toBe('the file starts with a UTF-16LE byte-order mark but has an odd number of bytes; it is not valid UTF-16LE');

    const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original.slice(0, 200), 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect((await refusal('surrogate.txt', lone)).message).toBe('the file starts with a UTF-16LE byte-order mark, but its bytes are not valid UTF-16LE; save the brief again as UTF-8');

    const damaged = original.replace('Evaluadora Técnica', 'Evaluadora T\ufffd\ufffdcnica');
    const error = await refusal('damaged.txt', Buffer.from(damaged, 'utf8'));
    const line = damaged.split('\n').findIndex((l) => l.includes('\ufffd')) + 1;
    expect(error.code).toBe('ENCODING');
    expect(error.message).toBe(`the UTF-8 text contains 2 replacement character(s) (U+FFFD), the first on line ${line}: it was damaged by an earlier conversion between encodings; give the brief as it was first saved`);
  });
});

describe("a record's source document", () => {
  const record = (file: string) => `source:\n  file: ${JSON.stringify(file)}\nevaluation:\n  title: An evaluation\n  type: Final evaluation\n`;

  it('is read from inside the record\'s folder', async () => {
    const folder = path.join(dir, 'inside');
    await mkdir(path.join(folder, 'sources'), { recursive: true });
    await writeFile(path.join(folder, 'sources', 'brief.txt'), 'Caf\xe9 brief', 'latin1');
    await writeFile(path.join(folder, 'record.yaml'), record('sources/brief.txt'));
    const { source } = await readRecordFile(path.join(folder, 'record.yaml'));
    expect(source).toMatchObject({ fileName: 'brief.txt', text: 'Café brief' });
  });

  it.each([
    ['../secret.txt', 'leads out of the record\'s folder (it contains "..")'],
    ['sources/../../secret.txt', 'leads out of the record\'s folder (it contains "..")'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:\\Windows\\win.ini', 'is an absolute path'],
    ['escape/secret.txt', "leads out of the record's folder (through a link)"],
  ])('refuses %s, naming the record and the path', async (written, why) => {
    const folder = path.join(dir, 'outside');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(dir, 'secret.txt'), 'not for import');
    await symlink(dir, path.join(folder, 'escape')).catch(() => undefined);
    const file = path.join(folder, 'record.yaml');
    await writeFile(file, record(written));
    const error = await readRecordFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    const display = path.relative(process.cwd(), file);
    expect((error as Error).message).toBe(
      `${display}: invalid evaluation record:\n  - source.file: "${written}" ${why}; a source document is named by a path relative to the record, inside the record's folder`,
    );
  });

  it('still reads the seed record and its brief', async () => {
    const { source } = await readRecordFile(path.join(ROOT, 'seeds/iom-bolivia-internal-migration.yaml'));
    expect(source?.fileName).toBe('iom-bolivia-internal-migration-brief.txt');
  });
});
