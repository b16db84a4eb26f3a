/**
 * Text-file encodings: detection from a sample (BOM, UTF-16 without BOM, strict UTF-8, legacy Vietnamese
 * TCVN3/VNI, windows-1258/1252 via chardet) and a streaming decoder to NFC Unicode that only ever cuts
 * text at line ends (so a VNI letter + mark pair or a base + combining mark is never split).
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AtlasError } from '../../../../shared/errors';
import { decodeTcvn3, decodeVni, detectLegacyVietnamese } from '../../../../shared/legacy-encoding';

/** The result of `detectEncoding`. */
export interface EncodingGuess {
  /** Canonical name: 'utf-8', 'utf-16le', 'utf-16be', 'tcvn3', 'vni', 'windows-1258', 'windows-1252', … */
  encoding: string;
  /** Bytes of byte-order mark at the start of the file. */
  bom: number;
  /** Alternatives to offer the user when the guess is unsure (includes the guess, first). */
  choices?: string[];
}

/** Is this sample binary junk rather than text? (NUL bytes, or many control characters.) */
export function looksBinary(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let nul = 0;
  let ctl = 0;
  for (const b of sample) {
    if (b === 0) nul++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a && b !== 0x1b)) ctl++;
  }
  return nul > Math.max(1, sample.length * 0.001) || ctl > sample.length * 0.1;
}

function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.4 * pairs && evenZero < 0.05 * pairs) return 'utf-16le';
  if (evenZero > 0.4 * pairs && oddZero < 0.05 * pairs) return 'utf-16be';
  return null;
}

/** Length of `buf` without an incomplete UTF-8 sequence at its end. */
export function completeUtf8Length(buf: Uint8Array): number {
  let i = buf.length;
  // Walk back over at most 3 continuation bytes to the lead byte.
  let k = 0;
  while (i > 0 && k < 4 && ((buf[i - 1] ?? 0) & 0xc0) === 0x80) {
    i--;
    k++;
  }
  if (i === 0) return buf.length;
  const lead = buf[i - 1] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > k + 1 ? i - 1 : buf.length;
}

/** Vietnamese-only letters and the tone marks windows-1258 stores as combining characters. */
const VI_LETTERS = /[ăâđêôơưĂÂĐÊÔƠƯ]|\u0300|\u0301|\u0303|\u0309|\u0323/gu;

/**
 * Guesses the encoding of a text file from its first bytes. `complete` says the sample is the whole
 * file (so a cut multi-byte character at the end is real). Throws FILE_UNREADABLE for binary content.
 */
export function detectEncoding(sample: Buffer, complete: boolean, file?: string): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const u16 = utf16WithoutBom(sample);
  if (u16) return { encoding: u16, bom: 0 };
  if (looksBinary(sample)) {
    throw new AtlasError(
      'FILE_UNREADABLE',
      'The file is not text (binary content); it cannot be read as CSV',
      { file },
    );
  }
  const end = complete ? sample.length : completeUtf8Length(sample);
  if (isUtf8(sample.subarray(0, end))) return { encoding: 'utf-8', bom: 0 };
  // Mostly UTF-8 with a few invalid bytes (a file pasted together from several sources): read it as
  // UTF-8 (the bad bytes become U+FFFD, visible in the preview) rather than mis-decode every letter.
  const { valid, invalid } = utf8Sequences(sample.subarray(0, end));
  if (valid >= 8 && valid >= 10 * invalid) {
    return { encoding: 'utf-8', bom: 0, choices: ['utf-8', 'windows-1258', 'windows-1252', 'tcvn3', 'vni'] };
  }

  const latin = sample.toString('latin1');
  const legacy = detectLegacyVietnamese(latin);
  if (legacy.encoding) {
    const sure = legacy.confidence >= 0.8 && legacy.alternatives.length === 0;
    const guess: EncodingGuess = { encoding: legacy.encoding, bom: 0 };
    if (!sure)
      guess.choices = unique([legacy.encoding, ...legacy.alternatives, 'windows-1258', 'windows-1252']);
    return guess;
  }
  // A single-byte code page: windows-1258 when it yields Vietnamese letters, else what chardet says.
  const as1258 = iconv.decode(sample, 'windows-1258');
  const viCount = (as1258.match(VI_LETTERS) ?? []).length;
  let encoding = 'windows-1252';
  if (viCount >= 3) encoding = 'windows-1258';
  else {
    const top = chardet.analyse(sample).find((m) => iconv.encodingExists(m.name));
    if (top && !/^(UTF-8|ASCII)$/i.test(top.name)) encoding = canonicalEncoding(top.name);
  }
  return {
    encoding,
    bom: 0,
    choices: unique([encoding, ...legacy.alternatives, 'windows-1258', 'windows-1252', 'tcvn3', 'vni']),
  };
}

/** Count well-formed multi-byte UTF-8 sequences and invalid bytes (a rough, linear scan). */
function utf8Sequences(buf: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < buf.length;) {
    const b = buf[i] as number;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need === 0) {
      i++;
      continue;
    }
    let ok = need > 0 && i + need < buf.length + 1;
    for (let k = 1; ok && k <= need; k++) ok = ((buf[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Canonical name of a user- or detector-given encoding; throws REQUEST_INVALID for unknown ones.
 * Accepts 'utf8', 'UTF-8', 'utf-8-bom', 'utf16le', 'ucs2', 'tcvn3' (alias 'abc', 'tcvn'), 'vni',
 * 'cp1258', 'windows-1258', and anything iconv-lite knows.
 */
export function canonicalEncoding(name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (/^utf-?8(-?bom|-sig)?$/.test(n)) return 'utf-8';
  if (/^(utf-?16-?le|ucs-?2|utf-?16)$/.test(n)) return 'utf-16le';
  if (/^utf-?16-?be$/.test(n)) return 'utf-16be';
  if (/^(tcvn3?|abc|tcvn-?5712)$/.test(n)) return 'tcvn3';
  if (/^vni(-windows)?$/.test(n)) return 'vni';
  const cp = /^(?:cp|windows-?)(\d{4})$/.exec(n);
  if (cp) return `windows-${cp[1]}`;
  if (/^(iso-?8859-?1|latin-?1)$/.test(n)) return 'windows-1252';
  if (iconv.encodingExists(n)) return n;
  throw new AtlasError('REQUEST_INVALID', `Unknown text encoding "${name}"`);
}

/** A streaming decoder: bytes in, NFC Unicode text out, cut only after a line feed. */
export interface LineDecoder {
  /** Text of all complete lines decoded so far (each ending in '\n'). */
  write(chunk: Buffer): string;
  /** The rest. */
  end(): string;
}

/** A decoder for a canonical encoding name (see `canonicalEncoding`); strips a BOM. */
export function createLineDecoder(encoding: string): LineDecoder {
  const enc = canonicalEncoding(encoding);
  let pending = '';
  let legacy: ((s: string) => string) | undefined;
  let base: { write(b: Buffer): string; end(): string | undefined };
  if (enc === 'tcvn3' || enc === 'vni') {
    legacy = enc === 'tcvn3' ? (s: string) => decodeTcvn3(s) : decodeVni;
    base = { write: (b) => b.toString('latin1'), end: () => '' };
  } else {
    base = iconv.getDecoder(enc, { stripBOM: true });
  }
  const finish = (s: string): string => (legacy ? legacy(s) : s).normalize('NFC');
  return {
    write(chunk) {
      pending += base.write(chunk);
      const cut = pending.lastIndexOf('\n');
      if (cut < 0) {
        // A pathological file without line feeds: flush at a safe size anyway (never inside a pair).
        if (pending.length < 4 * 1024 * 1024) return '';
        const out = pending.slice(0, -2);
        pending = pending.slice(-2);
        return finish(out);
      }
      const out = pending.slice(0, cut + 1);
      pending = pending.slice(cut + 1);
      return finish(out);
    },
    end() {
      const out = pending + (base.end() ?? '');
      pending = '';
      return finish(out);
    },
  };
}

/** Decodes a whole (sample) buffer with a canonical encoding; a cut character at the end is dropped. */
export function decodeSample(buf: Buffer, encoding: string): string {
  const d = createLineDecoder(encoding);
  const text = d.write(buf) + d.end();
  return text.replace(/\uFFFD$/u, '');
}
