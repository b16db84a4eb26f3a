/**
 * Indicator column header (or long-form indicator name) → catalogue code, when the match is clear.
 */
import { INDICATORS, type IndicatorDef } from '../catalog';
import { cleanText, foldVi } from '../text';
import { headerParts, isAsciiLike, splitUnit, wordTokens } from './normalise';
import { compareUnits, readUnit, type UnitReading } from './units-of-measure';

/** A header read as a catalogue indicator. */
export interface IndicatorMatch {
  code: string;
  /** 0..1: 1 = the code or a catalogue name exactly; fuzzy matches stay at or below 0.9. */
  confidence: number;
  /**
   * Factor from the header's unit to the catalogue unit when they differ only in scale ("(triệu đồng)"
   * → 1e6, "(tấn)" → 1e3 for kg, "(giờ)" → 60 for minutes). Absent when values are already in the
   * catalogue unit.
   */
  scale?: number;
  /** The unit written in the header, if any ("triệu đồng"). */
  unit?: string;
}

/** Fuzzy scores at or above this are accepted (see `matchIndicator`). */
export const INDICATOR_THRESHOLD = 0.6;
/** The best fuzzy candidate must beat the runner-up (another code) by at least this much. */
export const INDICATOR_MARGIN = 0.1;

/**
 * Report wordings of the built-in indicators that token overlap alone reads badly ("Đường giao thông
 * nông thôn" shares more words with the rural-bridge indicator than with roads). Used only for codes
 * present in the catalogue passed in.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  houses_built: ['Nhà đại đoàn kết', 'Nhà tình thương', 'Nhà tình nghĩa', 'Căn nhà xây mới, sửa chữa'],
  roads_built_m: ['Đường giao thông', 'Đường giao thông nông thôn', 'Chiều dài đường giao thông'],
  canals_cleaned_m: ['Kênh rạch được nạo vét', 'Nạo vét kênh mương', 'Tuyến hẻm được vệ sinh'],
  funds_mobilized_vnd: ['Kinh phí huy động', 'Số tiền vận động', 'Kinh phí xã hội hóa', 'Tiền vận động'],
  patients_transported: ['Bệnh nhân được đưa đón'],
  students_supported: ['Học bổng trao tặng', 'Suất học bổng'],
  participants: ['Người dân tham gia', 'Lượt tham gia'],
  records_processed: ['Hồ sơ thủ tục hành chính được giải quyết', 'Hồ sơ đã giải quyết'],
  turnaround_minutes: ['Thời gian giải quyết trung bình', 'Thời gian xử lý trung bình'],
  satisfaction_pct: ['Tỷ lệ hài lòng', 'Tỷ lệ người dân hài lòng', 'Chỉ số hài lòng'],
  ocop_products: ['Sản phẩm đạt chuẩn OCOP'],
};

/** Words that carry no meaning for matching (with diacritics, so "sơ" in "hồ sơ" is not "số"). */
const STOP_VI = new Set(
  'số lượng được của các và những người dân tổng có đã cho trong kỳ tháng năm lũy kế thực hiện đạt tại theo từ với về'.split(
    ' ',
  ),
);
/** The same for text without diacritics, minus words that would swallow others when folded ("so"). */
const STOP_FOLDED = new Set(
  'luong duoc cua cac va nhung nguoi dan tong co cho ky thang nam luy ke thuc hien dat tai theo voi ve'.split(
    ' ',
  ),
);
const STOP_EN = new Set('of the and or number no total count amount by for in a an to per'.split(' '));

/** Leading report words: "Tổng số", "Số lượng", "Số", "Tổng", numbering such as "1." or "a)". */
const LEADING = /^(?:(?:\d+|[ivx]+|[a-z])[.)]\s+)?(?:tong so luong|tong so|so luong|tong|so)\s+/;

interface Tokens {
  vi: readonly string[];
  folded: readonly string[];
}

function tokensOf(text: string): Tokens {
  const words = wordTokens(text);
  const folded = words.map((w) => foldVi(w));
  if (folded[0] === 'so' || (folded[0] === 'tong' && folded[1] === 'so'))
    folded.splice(0, folded[0] === 'so' ? 1 : 2);
  return {
    vi: words.filter((w) => !STOP_VI.has(w) && !STOP_EN.has(w)),
    folded: folded.filter((w) => !STOP_FOLDED.has(w) && !STOP_EN.has(w)),
  };
}

interface Form {
  folded: string;
  ascii: boolean;
  tokens: Tokens;
  /** 1 for the code and catalogue names, 0.95 for built-in aliases. */
  exactConfidence: number;
}

interface Prepared {
  def: IndicatorDef;
  forms: Form[];
  unit: UnitReading | null;
  unitTokens: Tokens;
}

const cache = new WeakMap<readonly IndicatorDef[], Prepared[]>();

function prepare(catalog: readonly IndicatorDef[]): Prepared[] {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const out = catalog.map((def) => {
    const form = (s: string, exactConfidence: number): Form => ({
      folded: foldVi(s),
      ascii: isAsciiLike(s),
      tokens: tokensOf(s),
      exactConfidence,
    });
    const forms = [form(def.name_vi, 1), form(def.name_en, 1), form(def.code.replace(/_/g, ' '), 1)];
    for (const a of ALIASES[def.code] ?? []) forms.push(form(a, 0.95));
    const unit = readUnit(def.unit);
    return { def, forms, unit, unitTokens: tokensOf(`${def.unit} ${unit?.base ?? ''}`) };
  });
  cache.set(catalog, out);
  return out;
}

/** Dice of the token sets, averaged with how much of the header the name (plus its unit) explains. */
function overlapScore(h: readonly string[], c: readonly string[], u: readonly string[]): number {
  if (h.length === 0 || c.length === 0) return 0;
  const hs = new Set(h);
  const cs = new Set(c);
  const us = new Set(u);
  let inter = 0;
  let cover = 0;
  for (const w of hs) {
    if (cs.has(w)) inter++;
    if (cs.has(w) || us.has(w)) cover++;
  }
  if (inter === 0) return 0;
  // One shared word is never clear enough ("Đèn", "Tổng cộng"), unless both sides are that one word.
  if (cover < 2 && !(hs.size === 1 && cs.size === 1)) return 0;
  // A short header inside a long name is no match either ("Thời gian", "Kết quả" vs turnaround).
  const named = new Set([...cs, ...us]);
  if ((2 * cover) / (hs.size + named.size) < 0.5) return 0;
  const dice = (2 * inter) / (hs.size + cs.size);
  return (dice + cover / hs.size) / 2;
}

const UNIT_ADJUST = { agree: 0.1, other_count: -0.05, conflict: 0, unknown: 0 } as const;

function scoreText(
  text: string,
  unitText: string | null,
  catalog: readonly IndicatorDef[],
): IndicatorMatch | null {
  const prepared = prepare(catalog);
  const clean = cleanText(text);
  if (!clean) return null;
  const folded = foldVi(clean);
  const codeLike = folded.replace(/[\s-]+/g, '_');
  const stripped = folded.replace(LEADING, '');
  const headerUnit = readUnit(unitText);
  const withUnit = (code: string, confidence: number, unitReading: UnitReading | null): IndicatorMatch => {
    const m: IndicatorMatch = { code, confidence };
    if (unitText) m.unit = unitText;
    if (
      headerUnit &&
      unitReading &&
      compareUnits(headerUnit, unitReading) === 'agree' &&
      headerUnit.scale !== 1
    ) {
      m.scale = headerUnit.scale / unitReading.scale;
    }
    return m;
  };

  for (const p of prepared) {
    if (codeLike === p.def.code.toLowerCase()) return withUnit(p.def.code, 1, p.unit);
  }
  for (const p of prepared) {
    const f = p.forms.find((x) => x.folded === folded);
    if (f && compareUnits(headerUnit, p.unit) !== 'conflict')
      return withUnit(p.def.code, f.exactConfidence, p.unit);
  }
  for (const p of prepared) {
    const f = p.forms.find((x) => x.folded === stripped);
    if (f && compareUnits(headerUnit, p.unit) !== 'conflict') {
      return withUnit(p.def.code, Math.min(0.95, f.exactConfidence), p.unit);
    }
  }

  const header = tokensOf(clean);
  // "Kinh phí khác" is the other money, never the catalogue's: no fuzzy match for "other …" columns.
  if (header.folded.includes('khac') || header.folded.includes('other')) return null;
  const headerAscii = isAsciiLike(clean);
  const best = new Map<string, number>();
  for (const p of prepared) {
    let score = 0;
    for (const f of p.forms) {
      const useFolded = headerAscii || f.ascii;
      const s = useFolded
        ? overlapScore(header.folded, f.tokens.folded, p.unitTokens.folded)
        : overlapScore(header.vi, f.tokens.vi, p.unitTokens.vi);
      score = Math.max(score, s);
    }
    const agreement = compareUnits(headerUnit, p.unit);
    // Values in another dimension (kg for a tree count) cannot join the catalogue series at all.
    if (agreement === 'conflict') continue;
    if (score > 0) score += UNIT_ADJUST[agreement];
    if (score > 0) best.set(p.def.code, score);
  }
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < INDICATOR_THRESHOLD) return null;
  if (second && first[1] - second[1] < INDICATOR_MARGIN) return null;
  const p = prepared.find((x) => x.def.code === first[0]);
  return withUnit(first[0], Math.round(Math.min(0.9, first[1]) * 100) / 100, p?.unit ?? null);
}

/**
 * Maps an indicator column header, or a long-form indicator name, to a catalogue code when the match
 * is clear; null means an unknown indicator (the importer keeps it as a new one).
 *
 * Rules, first hit wins: the code itself ("houses_built", any case) → 1; a catalogue name_vi/name_en,
 * case- and diacritics-insensitive → 1 (a built-in report alias → 0.95); the same after dropping a
 * leading "Số", "Số lượng", "Tổng số" or numbering → 0.95; else token overlap: words are compared with
 * their diacritics ("cộng" ≠ "công"; folded only when either side has none), stop-words ("số", "lượng",
 * "được", "của", "người", "dân"…) removed, score = mean of Dice and the share of header words explained
 * by the name or its unit, ±unit agreement (+0.1 same unit, −0.05 another count unit; a unit of another
 * dimension, such as kg for a tree count, rules the indicator out); accepted at ≥ 0.6 when at least
 * 0.1 ahead of the next code, confidence capped at 0.9.
 * Gates before scoring: at least two header words explained (by the name or its unit) unless both are a
 * single word, the Dice of header against name-plus-unit words at least 0.5 (so "Thời gian" or "Kết
 * quả" alone do not hit a long name), and no fuzzy match for "… khác"/"other …" columns.
 * The unit in parentheses (or after "ĐVT:") is a hint; a scaled unit of the same base yields `scale`.
 * For a two-row header "Group / Name" the lower name is tried first, then the whole header.
 */
export function matchIndicator(
  header: string,
  catalog: readonly IndicatorDef[] = INDICATORS,
): IndicatorMatch | null {
  const parts = headerParts(header);
  const readings = parts ? [parts.lower, cleanText(header)] : [cleanText(header)];
  for (const r of readings) {
    const { text, unit } = splitUnit(r);
    const m = scoreText(text, unit, catalog);
    if (m) return m;
  }
  return null;
}
