/**
 * What cannot become an evaluation record is refused with an error that says why and names
 * what is missing: an empty file, a binary one, a document that is not a brief, a brief
 * without its title or evaluation type, 20 MB of text. Crafted input within the size
 * limit (huge lines, thousands of parentheses, bullets or page breaks) is parsed or refused
 * without the parser slowing down: it has no regular expression that can backtrack without
 * bound. Times are printed, not asserted.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefParseError, MAX_BRIEF_CHARS } from '../../src/ingest/brief/errors.js';
import { parseBrief } from '../../src/ingest/brief/index.js';
import { readInputFile } from '../../src/ingest/inputFiles.js';
import { removeDir, ROOT, tempDir } from '../helpers/api.js';

const MB = 1024 * 1024;
let dir: string;
let seedBrief: string;

beforeAll(async () => {
  dir = await tempDir('meg-rejects-');
  seedBrief = await readFile(path.join(ROOT, 'seeds/sources/iom-bolivia-internal-migration-brief.txt'), 'utf8');
});
afterAll(async () => removeDir(dir));

/** The BriefParseError a parse throws, timed. */
function refusal(text: string, label: string): BriefParseError {
  const started = performance.now();
  let error: unknown;
  try {
    parseBrief(text, { document: label });
  } catch (e) {
    error = e;
  }
  console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms`);
  expect(error, label).toBeInstanceOf(BriefParseError);
  return error as BriefParseError;
}

describe('documents that are not briefs', () => {
  it('refuses an empty or blank document', () => {
    for (const text of ['', '   \n\n\t \r\n', '\u00a0\u00a0\n']) {
      const error = refusal(text, 'empty');
      expect(error.code).toBe('EMPTY');
      expect(error.message).toBe('the document is empty: expected the text of an evaluation brief');
    }
  });

  it('refuses binary content, as text or as a file', async () => {
    const bytes = randomBytes(64 * 1024);
    bytes[10] = 0;
    const error = refusal(bytes.toString('latin1'), 'binary');
    expect(error.code).toBe('BINARY');
    expect(error.message).toMatch(/^the document is binary, not text \(a NUL byte at character \d+\); give a \.txt brief or a \.pdf file$/);

    const file = path.join(dir, 'photo.txt');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(20_000)]));
    const fromFile = await readInputFile(file).catch((e: unknown) => e);
    expect(fromFile).toBeInstanceOf(BriefParseError);
    expect((fromFile as BriefParseError).code).toBe('BINARY');
  });

  it('refuses a random document, naming the header lines and sections a brief has', () => {
    const prose = [
      'Quarterly newsletter',
      '',
      'The river festival returned this year with more boats than ever, and the weather held until the last evening.',
      '',
      'Volunteers painted the community hall, the library extended its opening hours, and the football team won the regional cup after a penalty shoot-out.',
      '',
      'Next quarter: the harvest market, a new bus timetable, and the results of the survey on cycling paths.',
    ].join('\n');
    const error = refusal(prose, 'newsletter.txt');
    expect(error.code).toBe('NOT_A_BRIEF');
    expect(error.message).toBe(
      'newsletter.txt does not look like an IOM evaluation brief: it has none of the brief\'s header lines ("Evaluation type:", "Evaluator(s):", "Final report:", "Commissioned by:", "Project code:", "Project period:", "Budget:"...) ' +
        'and sections (PROJECT SUMMARY, KEY FINDINGS, Conclusions, KEY RECOMMENDATIONS); at least 3 are expected, and the evaluation type and title are required',
    );
    expect(error.missing).toEqual(['evaluation.type', 'evaluation.title']);
  });

  it('refuses a brief without its title and evaluation type, naming both', () => {
    const text = seedBrief.replace(/^EX-POST EVALUATION OF THE PROJECT.*$/m, '').replace(/^Evaluation type:.*$/m, '');
    const error = refusal(text, 'untitled.txt');
    expect(error.code).toBe('MISSING_FIELDS');
    expect(error.message).toBe(
      'untitled.txt is missing the title (a heading such as EX-POST EVALUATION OF THE PROJECT "TITLE", or a "Project title:" line) and the evaluation type (an "Evaluation type:" line)',
    );
    expect(error.missing).toEqual(['evaluation.title', 'evaluation.type']);
  });

  it('refuses 20 MB of text before reading it, as text or as a file', async () => {
    const huge = `${seedBrief}\n${'x'.repeat(20 * MB)}`;
    const error = refusal(huge, '20 MB of text');
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toBe('the document has 20.0 MB of text; an evaluation brief is a few pages, and at most 5.0 MB is accepted');

    const file = path.join(dir, 'huge.txt');
    await writeFile(file, huge);
    const started = performance.now();
    const fromFile = await readInputFile(file).catch((e: unknown) => e);
    console.log(`20 MB file: ${(performance.now() - started).toFixed(0)} ms`);
    expect((fromFile as BriefParseError).code).toBe('TOO_LARGE');
  });
});

describe('crafted input within the size limit', () => {
  const header = 'EVALUATION BRIEF\n\nFINAL EVALUATION OF THE PROJECT "CRAFTED"\n\nEvaluation type: Final evaluation\nProject code: XX00\n\n';
  const cases: [string, string][] = [
    ['one line of 4.9 MB of letters', 'a'.repeat(4.9 * MB)],
    ['thousands of lines ending in a hyphen', `${'a'.repeat(1_000)}-\n`.repeat(4_800)],
    ['parentheses in a partners paragraph', `${header}PROJECT SUMMARY\n\n${'The project was designed in collaboration with '}${'Unit A (AAA), '.repeat(300_000)}`],
    ['thousands of partners paragraphs', `${header}PROJECT SUMMARY\n\n${`The project was designed in collaboration with ${'Unit A (AAA), '.repeat(1_000)}\n\n`.repeat(300)}`],
    ['unclosed rating parentheses', `${header}KEY FINDINGS\n\n${'Relevance (rating: '.repeat(250_000)}`],
    ['a hundred thousand recommendations', `${header}KEY RECOMMENDATIONS\n\n${'A. Theme\nFor IOM Bolivia:\n- x\n'.repeat(100_000)}`],
    ['a page break every word', `${header}Conclusions\n\n${'word\f'.repeat(900_000)}`],
    ['a header line of 4.8 MB', `${header}Geographical coverage: ${'Bolivia '.repeat(600_000)}`],
    ['a sentence of 4.8 MB', `${header}PROJECT SUMMARY\n\n${'was '.repeat(1_200_000)}`],
  ];

  it.each(cases)('%s: parsed or refused, never stuck', (label, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_BRIEF_CHARS);
    const started = performance.now();
    let outcome: string;
    try {
      const { report } = parseBrief(text, { document: label });
      outcome = `parsed with ${report.warnings.length} warning(s)`;
    } catch (error) {
      expect(error).toBeInstanceOf(BriefParseError);
      outcome = `refused: ${(error as BriefParseError).code}`;
    }
    console.log(`${label}: ${outcome} in ${(performance.now() - started).toFixed(0)} ms`);
  });
});
