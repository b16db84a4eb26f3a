/**
 * Vietnamese legacy font encodings: TCVN3 (TCVN 5712:1993, the "ABC" fonts .VnTime/.VnArial) and VNI
 * (VNI-Windows, the VNI-Times fonts). They are font encodings: a file stores one byte per glyph, and a reader
 * that does not know the font decodes the bytes as Windows-1252, giving mojibake such as "Ph­êng" (TCVN3) or
 * "Phöôøng" (VNI) for "Phường". Pure functions, no Node or DOM APIs.
 *
 * Input convention: the text is the file's bytes decoded as Windows-1252 the WHATWG way (TextDecoder
 * 'windows-1252': bytes 0x80–0x9F become € ‚ ƒ … “ ” – —, the five undefined bytes 0x81 0x8D 0x8F 0x90 0x9D
 * become U+0081…). Latin-1 decoding (0x80–0x9F → U+0080–U+009F) is accepted too: every character maps back
 * to one byte before the table lookup. Decoders that replace undefined bytes with U+FFFD (iconv-lite) lose
 * five TCVN3 capitals (Ả Ì Ĩ Í Ù); decode with TextDecoder or `legacyBytesToString` to keep them.
 *
 * TCVN3 tables. VN3 (the subset the ABC fonts implement) has the 67 lower-case letters with diacritics and
 * the 7 capitals Ă Â Ê Ô Ơ Ư Đ; capitals with a tone were typed in the all-caps fonts (.VnTimeH) using the
 * lower-case codes. VN1 adds the toned capitals at 0x01–0x17, 0x80–0x9F and a few spare 0xA0–0xFF positions,
 * and combining tone marks at 0xB0–0xB4. Decoding modes:
 * - 'vn1': the whole VN1 table.
 * - 'vn3': only VN3; every other byte keeps its Windows-1252 meaning.
 * - 'auto' (default): VN1 capitals where they cannot be ordinary Windows-1252 text (control bytes, spare
 *   Latin-1 letters, rare symbols such as ƒ ˆ Š Œ ™ ž); the punctuation bytes ‚ „ … ‰ ‹ ‘ ’ “ ” • – — ›
 *   become capitals only inside a word (after a letter, and before a letter or after a capital), so “quotes”
 *   and " – " dashes survive; combining marks are not decoded.
 * With `restoreCase` (default true, 'vn3'/'auto'), letters decoded from lower-case codes are upper-cased in
 * all-caps words and cells (.VnTimeH text): "TæNG CéNG" → "TỔNG CỘNG", while "Hå ChÝ Minh" stays title case.
 */
import { isVietnameseSyllable } from './text';

/** The legacy encodings handled here. */
export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 decoding mode (see the module note). */
export type Tcvn3Mode = 'auto' | 'vn1' | 'vn3';

/** Options for `decodeTcvn3`. */
export interface Tcvn3DecodeOptions {
  mode?: Tcvn3Mode;
  /** Upper-case letters decoded from lower-case codes in all-caps words and cells; default true. */
  restoreCase?: boolean;
}

/** Options for `encodeTcvn3`. */
export interface Tcvn3EncodeOptions {
  /**
   * How capitals with a tone are written: 'vn1' (default) uses the VN1 capital codes, so all 134 letters
   * round-trip; 'lowercase' writes the lower-case code, as text typed in the ABC all-caps fonts is stored.
   */
  capitals?: 'vn1' | 'lowercase';
}

/** Result of `detectLegacyVietnamese`. */
export interface LegacyDetection {
  /** The encoding the text most likely uses, or null for Unicode text, plain ASCII or no clear evidence. */
  encoding: LegacyEncoding | null;
  /** 0..1: share of the words with non-ASCII characters that become valid Vietnamese syllables only after
   *  decoding, damped for very small samples. 0 when `encoding` is null and nothing scored. */
  confidence: number;
  /** Other encodings that also scored, best first (excluding `encoding`): offer them when unsure. */
  alternatives: LegacyEncoding[];
}

/** Windows-1252 characters for bytes 0x80–0x9F (WHATWG: undefined bytes map to the C1 control). */
const WIN1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The character Windows-1252 (WHATWG) gives for a byte. */
function byteToChar(b: number): string {
  return b >= 0x80 && b <= 0x9f ? WIN1252_C1.charAt(b - 0x80) : String.fromCharCode(b);
}

/** The byte a Windows-1252- or Latin-1-decoded character came from, or -1. */
function charToByte(c: string): number {
  const code = c.charCodeAt(0);
  if (c.length === 1 && code < 0x100) return code;
  const i = WIN1252_C1.indexOf(c);
  return c.length === 1 && i >= 0 ? 0x80 + i : -1;
}

/** Decode bytes as Windows-1252 (WHATWG; undefined bytes → U+0081…): the input form the decoders expect. */
export function legacyBytesToString(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += byteToChar(b);
  return out;
}

/**
 * Encode a Windows-1252/Latin-1 string (e.g. from `encodeTcvn3`/`encodeVni`) back to bytes, for writing
 * fixtures. Characters outside Windows-1252 become '?' (0x3F).
 */
export function legacyStringToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const b = charToByte(s.charAt(i));
    out[i] = b < 0 ? 0x3f : b;
  }
  return out;
}

/** Tone marks in table order: none, sắc, huyền, hỏi, ngã, nặng. */
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/** The 12 vowel bases and đ: with TONES they give the 134 letters (67 lower, 67 upper case). */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;

/** Every Vietnamese letter with a diacritic, lower then upper case (134 = 2 × (12 × 6 − 6 + 1)). */
export const VIETNAMESE_LETTERS: readonly string[] = (() => {
  const lower: string[] = [];
  for (const v of VOWELS) {
    for (const t of TONES) {
      const ch = (v + t).normalize('NFC');
      if (ch.charCodeAt(0) >= 0x80) lower.push(ch);
    }
  }
  lower.push('đ');
  return [...lower, ...lower.map((c) => c.toUpperCase())];
})();

// ---------------------------------------------------------------------------------------------- TCVN3

/** Byte codes per base for [no tone, sắc, huyền, hỏi, ngã, nặng] (TCVN 5712:1993, VN1 ⊇ VN3). */
const TCVN3_LOWER: readonly (readonly [string, readonly number[]])[] = [
  ['a', [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9]],
  ['ă', [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6]],
  ['â', [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb]],
  ['e', [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1]],
  ['ê', [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6]],
  ['i', [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde]],
  ['o', [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4]],
  ['ô', [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9]],
  ['ơ', [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee]],
  ['u', [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4]],
  ['ư', [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9]],
  ['y', [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe]],
];
const TCVN3_UPPER: readonly (readonly [string, readonly number[]])[] = [
  ['A', [0x41, 0x83, 0x80, 0x81, 0x82, 0x84]],
  ['Ă', [0xa1, 0xc0, 0xaf, 0xba, 0xbf, 0x85]],
  ['Â', [0xa2, 0xc4, 0xc1, 0xc2, 0xc3, 0x86]],
  ['E', [0x45, 0x8a, 0x87, 0x88, 0x89, 0x8b]],
  ['Ê', [0xa3, 0xda, 0xc5, 0xcd, 0xd9, 0x8c]],
  ['I', [0x49, 0x90, 0x8d, 0x8e, 0x8f, 0x91]],
  ['O', [0x4f, 0x95, 0x92, 0x93, 0x94, 0x96]],
  ['Ô', [0xa4, 0xff, 0xdb, 0xe0, 0xf0, 0x97]],
  ['Ơ', [0xa5, 0x9b, 0x98, 0x99, 0x9a, 0x9c]],
  ['U', [0x55, 0x01, 0x9d, 0x9e, 0x9f, 0x02]],
  ['Ư', [0xa6, 0x11, 0x04, 0x05, 0x06, 0x12]],
  ['Y', [0x59, 0x16, 0x13, 0x14, 0x15, 0x17]],
];
const TCVN3_D_LOWER = 0xae;
const TCVN3_D_UPPER = 0xa7;
/** VN1 combining tone marks at 0xB0–0xB4: huyền, hỏi, ngã, sắc, nặng. */
const TCVN3_COMBINING: readonly (readonly [number, string])[] = [
  [0xb0, '\u0300'],
  [0xb1, '\u0309'],
  [0xb2, '\u0303'],
  [0xb3, '\u0301'],
  [0xb4, '\u0323'],
];
/** 0x80–0x9F bytes that are common punctuation in Windows-1252: in 'auto', capitals only inside words. */
const TCVN3_C1_CONTEXTUAL: ReadonlySet<number> = new Set([
  0x82, 0x84, 0x85, 0x89, 0x8b, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x9b,
]);

type Tcvn3Class = 'core' | 'capital' | 'contextual' | 'combining';
interface Tcvn3Entry {
  ch: string;
  cls: Tcvn3Class;
  /** Decoded from a lower-case code (a candidate for `restoreCase`). */
  lower: boolean;
}

const TCVN3_DECODE: ReadonlyMap<number, Tcvn3Entry> = (() => {
  const m = new Map<number, Tcvn3Entry>();
  const add = (b: number, ch: string, cls: Tcvn3Class, lower: boolean): void => {
    if (b >= 0x20 && b < 0x80) return; // ASCII base letters are themselves
    if (m.has(b)) throw new Error(`TCVN3 table: byte 0x${b.toString(16)} assigned twice`);
    m.set(b, { ch, cls, lower });
  };
  for (const [base, codes] of TCVN3_LOWER) {
    codes.forEach((b, t) => add(b, (base + (TONES[t] ?? '')).normalize('NFC'), 'core', true));
  }
  for (const [base, codes] of TCVN3_UPPER) {
    codes.forEach((b, t) => {
      const cls: Tcvn3Class = t === 0 ? 'core' : TCVN3_C1_CONTEXTUAL.has(b) ? 'contextual' : 'capital';
      add(b, (base + (TONES[t] ?? '')).normalize('NFC'), cls, false);
    });
  }
  add(TCVN3_D_LOWER, 'đ', 'core', true);
  add(TCVN3_D_UPPER, 'Đ', 'core', false);
  for (const [b, mark] of TCVN3_COMBINING) add(b, mark, 'combining', false);
  return m;
})();

const TCVN3_ENCODE_VN1: ReadonlyMap<string, number> = new Map(
  [...TCVN3_DECODE].filter(([, e]) => e.cls !== 'combining').map(([b, e]) => [e.ch, b]),
);

/**
 * Encode Unicode Vietnamese text as TCVN3, returned as the Windows-1252 string of the bytes (write it with
 * `legacyStringToBytes`). ASCII and characters TCVN3 cannot represent pass through unchanged. Input is
 * NFC-normalised first.
 */
export function encodeTcvn3(s: string, opts: Tcvn3EncodeOptions = {}): string {
  const lowerCapitals = opts.capitals === 'lowercase';
  let out = '';
  for (const c of s.normalize('NFC')) {
    let b = TCVN3_ENCODE_VN1.get(c);
    const entry = b === undefined ? undefined : TCVN3_DECODE.get(b);
    if (lowerCapitals && entry && entry.cls !== 'core') b = TCVN3_ENCODE_VN1.get(c.toLowerCase());
    out += b === undefined ? c : byteToChar(b);
  }
  return out;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/** Decode TCVN3 mojibake (Windows-1252/Latin-1 string) to Unicode. See the module note for modes and case. */
export function decodeTcvn3(s: string, opts: Tcvn3DecodeOptions = {}): string {
  const mode = opts.mode ?? 'auto';
  const restoreCase = opts.restoreCase ?? mode !== 'vn1';
  const chars = [...s];
  const entryAt = (i: number): Tcvn3Entry | undefined => {
    const c = chars[i];
    if (c === undefined) return undefined;
    const b = charToByte(c);
    const e = b < 0 ? undefined : TCVN3_DECODE.get(b);
    if (!e) return undefined;
    if (mode === 'vn1') return e;
    if (mode === 'vn3') return e.cls === 'core' ? e : undefined;
    return e.cls === 'combining' ? undefined : e;
  };
  const out: string[] = [];
  const fromLower: boolean[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const e = entryAt(i);
    let use = e !== undefined;
    if (e && mode === 'auto' && e.cls === 'contextual') {
      const prev = out[out.length - 1];
      const next = entryAt(i + 1);
      const nextIsLetter = next ? next.cls !== 'contextual' : isLetter(chars[i + 1]);
      use = isLetter(prev) && (nextIsLetter || prev !== prev?.toLowerCase());
    }
    out.push(use && e ? e.ch : c);
    fromLower.push(use && e ? e.lower : false);
  }
  if (restoreCase) restoreCapitals(out, fromLower);
  return out.join('');
}

/** Upper-case letters from lower-case codes inside all-caps cells (≥ 3 ASCII letters) and all-caps words. */
function restoreCapitals(out: string[], fromLower: readonly boolean[]): void {
  const upperAll = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (fromLower[k]) out[k] = (out[k] ?? '').toUpperCase();
  };
  /** ASCII letters in out[from, to): capitals, whether one is past the first position, any lower case. */
  const census = (from: number, to: number) => {
    let upper = 0;
    let upperInside = false;
    let lower = false;
    for (let k = from; k < to; k++) {
      const c = out[k] ?? '';
      if (/^[A-Z]$/.test(c)) {
        upper++;
        if (k > from) upperInside = true;
      } else if (/^[a-z]$/.test(c)) lower = true;
    }
    return { upper, upperInside, lower };
  };
  let start = 0;
  for (let i = 0; i <= out.length; i++) {
    if (i < out.length && !/[\n\r\t;,|"]/.test(out[i] ?? '')) continue;
    const cell = census(start, i);
    if (!cell.lower && cell.upper >= 3) upperAll(start, i);
    else {
      let w = start;
      for (let k = start; k <= i; k++) {
        if (k < i && isLetter(out[k])) continue;
        const word = census(w, k);
        if (!word.lower && (word.upper >= 2 || word.upperInside)) upperAll(w, k);
        w = k + 1;
      }
    }
    start = i + 1;
  }
}

// ------------------------------------------------------------------------------------------------ VNI

/** VNI-Windows mark bytes (as Windows-1252 characters) for [no tone, sắc, huyền, hỏi, ngã, nặng]. */
const VNI_TONE = ['', 'ù', 'ø', 'û', 'õ', 'ï'] as const;
/** Circumflex with each tone ("aâ" = â, "aá" = ấ, "oä" = ộ). */
const VNI_CIRCUMFLEX = ['â', 'á', 'à', 'å', 'ã', 'ä'] as const;
/** Breve with each tone ("aê" = ă, "aé" = ắ, "aë" = ặ). */
const VNI_BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'] as const;

/** Lower-case VNI rows: each base's sequences for [no tone, sắc, huyền, hỏi, ngã, nặng]. */
const VNI_LOWER: readonly (readonly [string, readonly string[]])[] = [
  ['a', VNI_TONE.map((m) => 'a' + m)],
  ['ă', VNI_BREVE.map((m) => 'a' + m)],
  ['â', VNI_CIRCUMFLEX.map((m) => 'a' + m)],
  ['e', VNI_TONE.map((m) => 'e' + m)],
  ['ê', VNI_CIRCUMFLEX.map((m) => 'e' + m)],
  ['i', ['i', 'í', 'ì', 'æ', 'ó', 'ò']],
  ['o', VNI_TONE.map((m) => 'o' + m)],
  ['ô', VNI_CIRCUMFLEX.map((m) => 'o' + m)],
  ['ơ', VNI_TONE.map((m) => 'ô' + m)],
  ['u', VNI_TONE.map((m) => 'u' + m)],
  ['ư', VNI_TONE.map((m) => 'ö' + m)],
  ['y', ['y', 'yù', 'yø', 'yû', 'yõ', 'î']],
];

const VNI_ENCODE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [base, seqs] of VNI_LOWER) {
    seqs.forEach((seq, t) => {
      const ch = (base + (TONES[t] ?? '')).normalize('NFC');
      if (ch === seq) return;
      m.set(ch, seq);
      m.set(ch.toUpperCase(), seq.toUpperCase());
    });
  }
  m.set('đ', 'ñ');
  m.set('Đ', 'Ñ');
  return m;
})();

/** VNI sequence → letter; two-character sequences also in mixed case (the base letter decides the case). */
const VNI_DECODE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [ch, seq] of VNI_ENCODE) {
    const upper = ch !== ch.toLowerCase();
    if (m.has(seq)) throw new Error(`VNI table: sequence ${seq} assigned twice`);
    m.set(seq, ch);
    if (seq.length === 2) {
      const [b = '', mark = ''] = [...seq];
      m.set(b + (upper ? mark.toLowerCase() : mark.toUpperCase()), ch);
    }
  }
  m.set('yï', 'ỵ');
  m.set('YÏ', 'Ỵ');
  m.set('Yï', 'Ỵ');
  m.set('yÏ', 'ỵ');
  return m;
})();

/**
 * Encode Unicode Vietnamese text as VNI-Windows, returned as the Windows-1252 string of the bytes. ASCII and
 * characters VNI cannot represent pass through unchanged. Input is NFC-normalised; capitals use capital
 * mark bytes ("Ấ" → "AÁ").
 */
export function encodeVni(s: string): string {
  let out = '';
  for (const c of s.normalize('NFC')) out += VNI_ENCODE.get(c) ?? c;
  return out;
}

/** Decode VNI-Windows mojibake (Windows-1252/Latin-1 string) to Unicode (NFC). A mark byte that does not fit
 *  the letter before it is left as it is. */
export function decodeVni(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const pair = VNI_DECODE.get(s.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    const c = s.charAt(i);
    out += VNI_DECODE.get(c) ?? c;
  }
  return out;
}

/** Decode with the named encoding (TCVN3 in 'auto' mode). */
export function decodeLegacyVietnamese(s: string, encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? decodeTcvn3(s) : decodeVni(s);
}

// ------------------------------------------------------------------------------------------- detection

/** Characters that cannot come from a Windows-1252/Latin-1 decode (U+FFFD aside): proof of Unicode text. */
function hasNonLegacyChar(text: string): boolean {
  for (const c of text) {
    if (c.charCodeAt(0) < 0x100 && c.length === 1) continue;
    if (c === '\ufffd' || WIN1252_C1.includes(c)) continue;
    return true;
  }
  return false;
}

/** Whether a word holds a character a legacy encoding puts a Vietnamese letter on: a byte ≥ 0x80 or one of
 *  the VN1 control codes. */
function hasLegacyChar(word: string): boolean {
  for (const c of word) {
    const b = charToByte(c);
    if (b >= 0x80 || (b >= 0 && b < 0x20 && TCVN3_DECODE.has(b))) return true;
  }
  return false;
}

/** A word counts when its letters form a valid syllable and its case is lower, Title or UPPER. */
function isPlausibleWord(word: string): boolean {
  if (!isVietnameseSyllable(word)) return false;
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

/** Non-letters around a decoded word. */
const WORD_EDGE = /^[^\p{L}]+|[^\p{L}]+$/gu;
/** Non-letters around a raw word, keeping Latin-1 symbols a legacy encoding may turn into letters (§ ¸). */
const RAW_WORD_EDGE = /^[^\p{L}\u0080-\u00ff]+|[^\p{L}\u0080-\u00ff]+$/gu;

/**
 * Guess whether text (a Windows-1252/Latin-1 decode of a file) is TCVN3 or VNI mojibake. Every word holding
 * a non-ASCII character is decoded both ways and judged as a Vietnamese syllable before and after. Words
 * valid both ways (old-style "hoà" is valid Unicode and valid VNI) say nothing; among the rest, an encoding
 * scores (fixed − broken) / counted, where fixed words become valid only after decoding and broken ones stop
 * being valid, damped for small samples (× (1 − 2^−n) for n counted words). The best score ≥ 0.3 wins; the
 * other, if it scores ≥ 0.15, is listed in `alternatives`. Text with characters outside Windows-1252
 * (ordinary Unicode Vietnamese), plain ASCII and text that is valid Vietnamese as it stands give
 * `encoding: null`.
 */
export function detectLegacyVietnamese(text: string): LegacyDetection {
  const none: LegacyDetection = { encoding: null, confidence: 0, alternatives: [] };
  if (hasNonLegacyChar(text)) return none;
  const words = text
    .split(/[\s,;:|/()[\]{}<>"=+*]+/)
    .filter(hasLegacyChar)
    .slice(0, 5000);
  if (words.length === 0) return none;
  const before = words.map((w) => isPlausibleWord(w.replace(RAW_WORD_EDGE, '')));
  const scores = (['tcvn3', 'vni'] as const).map((encoding) => {
    let fixed = 0;
    let broken = 0;
    let counted = 0;
    words.forEach((w, i) => {
      const decoded = encoding === 'tcvn3' ? decodeTcvn3(w) : decodeVni(w);
      const after = isPlausibleWord(decoded.replace(WORD_EDGE, ''));
      if (before[i] && after) return;
      counted++;
      if (after) fixed++;
      else if (before[i]) broken++;
    });
    const score = counted === 0 ? 0 : ((fixed - broken) / counted) * (1 - 2 ** -counted);
    return { encoding, confidence: Math.max(0, score) };
  });
  scores.sort((a, b) => b.confidence - a.confidence);
  const [best, second] = scores;
  const alternatives = (xs: typeof scores) => xs.filter((x) => x.confidence >= 0.15).map((x) => x.encoding);
  if (!best || best.confidence < 0.3)
    return { encoding: null, confidence: 0, alternatives: alternatives(scores) };
  return {
    encoding: best.encoding,
    confidence: round3(best.confidence),
    alternatives: alternatives(second ? [second] : []),
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
