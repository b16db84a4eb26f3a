/**
 * Vietnamese text helpers shared by the engine and the renderer. Pure functions, no DOM or Node APIs.
 */

/** Unicode NFC, trimmed, inner whitespace collapsed. `null`/`undefined` become ''. */
export function cleanText(s: string | null | undefined): string {
  if (s == null) return '';
  return s
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Lower-case, diacritics removed (đ → d), whitespace collapsed: the key used for diacritics-insensitive
 * search and matching ("Cầu Đường" → "cau duong").
 */
export function foldVi(s: string | null | undefined): string {
  if (s == null) return '';
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Search key: `foldVi` plus every run of punctuation or symbols collapsed to one space, so "duong" finds
 * "Đường", "p.1" and "p 1" meet, and "Kinh tế – nông nghiệp" becomes "kinh te nong nghiep".
 * Letters and digits of any script are kept.
 */
export function searchKey(s: string | null | undefined): string {
  return foldVi(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The administrative unit types `normaliseUnitName` recognises in a name's prefix. */
export type UnitType = 'phường' | 'xã' | 'đặc khu' | 'thị trấn' | 'quận' | 'huyện' | 'thị xã' | 'thành phố';

/** Result of `normaliseUnitName`: the match key and, when the name had a type prefix, that type. */
export interface NormalisedUnitName {
  /** Type-free match key: folded, punctuation collapsed, leading zeros removed ("Phường 01" → "1"). */
  key: string;
  type?: UnitType;
}

/**
 * Full prefixes, matched on the lower-cased name WITH diacritics so that names which merely fold to a prefix
 * ("Xà Phiên", "Quan Hóa") keep their first word. Longest first.
 */
const UNIT_PREFIXES: readonly (readonly [string, UnitType])[] = [
  ['thị trấn', 'thị trấn'],
  ['thành phố', 'thành phố'],
  ['đặc khu', 'đặc khu'],
  ['phường', 'phường'],
  ['thị xã', 'thị xã'],
  ['huyện', 'huyện'],
  ['quận', 'quận'],
  ['xã', 'xã'],
];

/** Abbreviated prefixes, matched on the folded name: "P.1", "P1", "P 1", "X. Bình Chánh", "TT. Cần Thạnh". */
const UNIT_ABBREVIATIONS: readonly (readonly [string, UnitType])[] = [
  ['tt', 'thị trấn'],
  ['tp', 'thành phố'],
  ['tx', 'thị xã'],
  ['dk', 'đặc khu'],
  ['p', 'phường'],
  ['x', 'xã'],
  ['q', 'quận'],
  ['h', 'huyện'],
];

/**
 * Normalise an administrative unit name for matching: the type prefix ("Phường", "P.", "Xã", "X.", "Đặc khu",
 * "Thị trấn"/"TT.", "Quận"/"Q.", "Huyện"/"H.", "Thị xã"/"TX.", "Thành phố"/"TP.") is removed and returned as
 * `type`; the rest is folded (case, diacritics, tone-mark placement "Hoà"/"Hòa"), punctuation collapsed and
 * leading zeros dropped from numbers. So "Phường 01", "P.1", "phuong 1" and "P1" all give key "1" (type
 * phường), and "Xã Bình Chánh", "Bình Chánh", "X. Binh Chanh" all give "binh chanh".
 *
 * A spelled-out prefix is only recognised with its diacritics ("Xã", "Quận"), or without any when the whole
 * name is undiacritised ("xa binh chanh"), so "Xà Phiên" and "Quan Hóa" keep their first word. An
 * abbreviation needs a dot, a digit or a following word ("P.1", "P1", "P Bến Nghé"). A bare prefix with no
 * name after it ("Phường") is not stripped.
 */
export function normaliseUnitName(s: string | null | undefined): NormalisedUnitName {
  const clean = cleanText(s);
  const lower = clean.toLowerCase();
  const folded = foldVi(clean);
  const undiacritised = folded === lower;
  let type: UnitType | undefined;
  let rest = clean;
  for (const [prefix, t] of UNIT_PREFIXES) {
    const foldedPrefix = foldVi(prefix);
    const hit =
      (lower.startsWith(prefix) && isBoundary(lower, prefix.length)) ||
      (undiacritised && folded.startsWith(foldedPrefix) && isBoundary(folded, foldedPrefix.length));
    if (hit) {
      const after = clean.slice(prefix.length).replace(/^[\s.:,-]+/, '');
      if (/[\p{L}\p{N}]/u.test(after)) {
        type = t;
        rest = after;
      }
      break;
    }
  }
  if (type === undefined) {
    for (const [abbr, t] of UNIT_ABBREVIATIONS) {
      const m = new RegExp(`^${abbr}(?:\\s*\\.\\s*|\\s+|(?=\\d))(?=[\\p{L}\\p{N}])`, 'u').exec(folded);
      if (m) {
        type = t;
        rest = folded.slice(m[0].length);
        break;
      }
    }
  }
  const key = searchKey(rest).replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, ''));
  return type === undefined ? { key } : { key, type };
}

function isBoundary(s: string, at: number): boolean {
  const next = s.charAt(at);
  return next === '' || /[\s.:,\d-]/.test(next);
}

/**
 * Fuzzy similarity of two strings in [0, 1]: the Sørensen–Dice coefficient of the character bigrams of
 * their `searchKey`s (multiset, spaces kept as word boundaries). 1 for equal keys (including two empty
 * keys), 0 when exactly one key is empty. Symmetric; insensitive to case, diacritics and punctuation;
 * tolerant of word order.
 */
export function similarity(a: string | null | undefined, b: string | null | undefined): number {
  const ka = searchKey(a);
  const kb = searchKey(b);
  if (ka === kb) return 1;
  if (ka === '' || kb === '') return 0;
  const ga = bigrams(ka);
  const gb = bigrams(kb);
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of gb) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (ga.length + gb.length);
}

function bigrams(key: string): string[] {
  const padded = ` ${key} `;
  const out: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) out.push(padded.slice(i, i + 2));
  return out;
}

/** Tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng); vowel-quality marks are not tones. */
const TONE_MARKS: readonly string[] = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** The vowel-quality marks each vowel letter may carry: circumflex, breve, horn. */
const VOWEL_QUALITIES: Readonly<Record<string, readonly string[]>> = {
  a: ['\u0302', '\u0306'],
  e: ['\u0302'],
  i: [],
  o: ['\u0302', '\u031b'],
  u: ['\u031b'],
  y: [],
};

/** Rimes (vần, tone removed) and the codas each nucleus takes; '' is an open rime. */
const RIME_CODAS: Readonly<Record<string, readonly string[]>> = {
  a: ['', 'c', 'ch', 'i', 'm', 'n', 'ng', 'nh', 'o', 'p', 't', 'u', 'y'],
  ă: ['c', 'm', 'n', 'ng', 'p', 't'],
  â: ['c', 'm', 'n', 'ng', 'p', 't', 'u', 'y'],
  e: ['', 'c', 'm', 'n', 'ng', 'o', 'p', 't'],
  ê: ['', 'ch', 'm', 'n', 'nh', 'p', 't', 'u'],
  i: ['', 'ch', 'm', 'n', 'nh', 'p', 't', 'u'],
  y: [''],
  o: ['', 'c', 'i', 'm', 'n', 'ng', 'p', 't'],
  ô: ['', 'c', 'i', 'm', 'n', 'ng', 'p', 't'],
  ơ: ['', 'i', 'm', 'n', 'p', 't'],
  u: ['', 'c', 'i', 'm', 'n', 'ng', 'p', 't'],
  ư: ['', 'c', 'i', 'm', 'ng', 't', 'u'],
  ia: [''],
  iê: ['c', 'm', 'n', 'ng', 'p', 't', 'u'],
  yê: ['m', 'n', 't', 'u'],
  ua: [''],
  uô: ['c', 'i', 'm', 'n', 'ng', 't'],
  ưa: [''],
  ươ: ['c', 'i', 'm', 'n', 'ng', 'p', 't', 'u'],
  oa: ['', 'c', 'ch', 'i', 'm', 'n', 'ng', 'nh', 'o', 'p', 't', 'y'],
  oă: ['c', 'm', 'n', 'ng', 't'],
  oe: ['', 'n', 'o', 't'],
  oo: ['c', 'ng'],
  uâ: ['n', 'ng', 't', 'y'],
  uê: ['', 'ch', 'nh'],
  uơ: [''],
  uy: ['', 'ch', 'n', 'nh', 'p', 't', 'u'],
  uya: [''],
  uyê: ['n', 't'],
};

const RIMES: ReadonlySet<string> = new Set(
  Object.entries(RIME_CODAS).flatMap(([nucleus, codas]) => codas.map((c) => nucleus + c)),
);

const ONSETS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'th',
  'tr',
  'qu',
  'q',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];

/**
 * Whether a single word is a well-formed Vietnamese syllable (case-insensitive, any Unicode normalisation):
 * a valid onset, a valid rime, vowel marks only where Vietnamese has them (so "ñ" is no "n" with ngã), at
 * most one tone mark, the spelling rules c/k, g/gh, ng/ngh, only the sắc or nặng tone on a rime closed by
 * p, t, c or ch, and no tone but huyền on the loan rime "oong". "phường", "Nguyễn", "khuỷu", "giếng" pass;
 * "Ph­êng", "tỉng", "céng", "xyz" do not. Used to score legacy-encoding guesses.
 */
export function isVietnameseSyllable(word: string): boolean {
  const clusters =
    word
      .normalize('NFD')
      .toLowerCase()
      .match(/[^\u0300-\u036f][\u0300-\u036f]*/gu) ?? [];
  let base = '';
  let tone: string | undefined;
  for (const cluster of clusters) {
    const [letter = '', ...marks] = [...cluster];
    const qualities = marks.filter((m) => !TONE_MARKS.includes(m));
    const tones = marks.filter((m) => TONE_MARKS.includes(m));
    const allowed = VOWEL_QUALITIES[letter];
    if (allowed === undefined) {
      if (!/^[bcdđghklmnpqrstvx]$/.test(letter) || marks.length > 0) return false;
    } else if (qualities.length > 1 || (qualities[0] !== undefined && !allowed.includes(qualities[0]))) {
      return false;
    }
    if (tones.length > 0) {
      if (tone !== undefined || tones.length > 1) return false;
      tone = tones[0];
    }
    base += (letter + qualities.join('')).normalize('NFC');
  }
  if (base === '') return false;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rime = base.slice(onset.length);
    if (!RIMES.has(rime)) continue;
    if (!onsetFits(onset, rime)) continue;
    const stopped = /(?:p|t|c|ch)$/.test(rime);
    if (stopped && tone !== '\u0301' && tone !== '\u0323') continue;
    if (rime === 'oong' && tone !== undefined && tone !== '\u0300') continue;
    return true;
  }
  return false;
}

function onsetFits(onset: string, rime: string): boolean {
  const front = /^[eêiy]/.test(rime);
  switch (onset) {
    case 'c':
    case 'ng':
      return !front;
    case 'k':
    case 'gh':
    case 'ngh':
      return front;
    case 'g':
      return !/^[eê]/.test(rime);
    case 'qu':
      return !rime.startsWith('u') && !rime.startsWith('o');
    case 'q':
      return rime.startsWith('u');
    default:
      return true;
  }
}
