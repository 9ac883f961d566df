/**
 * The text of a brief file, whatever its encoding: UTF-8 (with or without a byte-order mark),
 * UTF-16 (little- or big-endian, with or without one), or Latin-1 as Windows writes it
 * (Windows-1252). The encoding is decided from the byte-order mark, then from the bytes: NULs
 * in every other byte are UTF-16, valid UTF-8 is UTF-8, anything else is Windows-1252. Nothing
 * is ever stored with replacement characters (U+FFFD): a file that cannot be decoded, or that
 * already carries them, is refused with its encoding named.
 */
import { BriefParseError } from './brief/errors.js';

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** What was decided and why, for the extraction report (nothing for plain UTF-8). */
  readonly note?: string;
}

const LABEL: Record<Exclude<TextEncodingName, 'Windows-1252'>, string> = { 'UTF-8': 'utf-8', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be' };

/**
 * Windows-1252: Latin-1, with printable characters (curly quotes, dashes, the euro sign) where
 * Latin-1 has control codes 0x80-0x9F. Decoded here: Node's TextDecoder reads it as plain
 * Latin-1. The five bytes Windows-1252 leaves undefined stay control codes.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function windows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b));
    chars.push(String.fromCharCode(...chunk));
  }
  return chars.join('');
}

function decode(bytes: Uint8Array, encoding: Exclude<TextEncodingName, 'Windows-1252'>, what: string): string {
  try {
    return new TextDecoder(LABEL[encoding], { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BriefParseError('ENCODING', `the file ${what}, but its bytes are not valid ${encoding}; save the brief again as UTF-8`);
  }
}

/** UTF-16 without a byte-order mark: text in Latin script has a NUL in every other byte. */
function utf16Without(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= 0.4 * pairs && evenZeros <= 0.05 * pairs) return 'UTF-16LE';
  if (evenZeros >= 0.4 * pairs && oddZeros <= 0.05 * pairs) return 'UTF-16BE';
  return undefined;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const [a, b, c, d] = bytes;
  let decoded: DecodedText;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
    throw new BriefParseError('ENCODING', `the file is UTF-32 text (${a === 0 ? 'big' : 'little'}-endian, by its byte-order mark), which is not read; save the brief as UTF-8`);
  } else if (a === 0xef && b === 0xbb && c === 0xbf) {
    decoded = { text: decode(bytes.subarray(3), 'UTF-8', 'starts with a UTF-8 byte-order mark'), encoding: 'UTF-8' };
  } else if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    const encoding = a === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    if (bytes.length % 2) throw new BriefParseError('ENCODING', `the file starts with a ${encoding} byte-order mark but has an odd number of bytes; it is not valid ${encoding}`);
    decoded = { text: decode(bytes.subarray(2), encoding, `starts with a ${encoding} byte-order mark`), encoding, note: `the file is ${encoding} text (by its byte-order mark); decoded as such` };
  } else if (utf16Without(bytes)) {
    const encoding = utf16Without(bytes)!;
    decoded = { text: decode(bytes.subarray(0, bytes.length - (bytes.length % 2)), encoding, `looks like ${encoding} (a NUL in every other byte)`), encoding, note: `the file is ${encoding} text without a byte-order mark (a NUL in every other byte); decoded as such` };
  } else if (isUtf8(bytes)) {
    decoded = { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' };
  } else {
    decoded = { text: windows1252(bytes), encoding: 'Windows-1252', note: 'the file is not valid UTF-8; it was read as Latin-1 (Windows-1252), the encoding older Windows editors save in' };
  }
  const damaged = decoded.text.indexOf('\ufffd');
  if (damaged >= 0) {
    const count = decoded.text.split('\ufffd').length - 1;
    const line = decoded.text.slice(0, damaged).split('\n').length;
    throw new BriefParseError(
      'ENCODING',
      `the ${decoded.encoding} text contains ${count} replacement character(s) (U+FFFD), the first on line ${line}: it was damaged by an earlier conversion between encodings; give the brief as it was first saved`,
    );
  }
  return decoded;
}
