/**
 * Matching named things (boundary features, old unit names) to registered administrative units: by
 * code first, then by a user-confirmed alias, then by normalised name ("Phường 01" = "P.1" =
 * "phuong 1"; diacritics, tone-mark placement, type prefixes and leading zeros ignored). Nothing is
 * guessed: a name that fits several units is reported as ambiguous, and units or features left over
 * get likely candidates by name similarity for a person to confirm. Pure functions, no I/O.
 */
import { cleanText, foldVi, normaliseUnitName, similarity } from './text';

/** A registered unit as the matcher sees it. */
export interface MatchUnit {
  code: string;
  /** The unit's name, with or without its type prefix ("Phường Sài Gòn" or "Sài Gòn"). */
  name: string;
  /** 'phường' | 'xã' | 'đặc khu' …; compared diacritics-insensitively, ignored when absent. */
  type?: string | null;
  province?: string | null;
}

/** Something to match: a boundary feature, or any named reference to a unit. */
export interface MatchFeature {
  /** Stable position in its file (0-based); reports refer to features by it. */
  index: number;
  code?: string | null;
  name?: string | null;
  /** Other spellings accepted for the name ("Hoà" for "Hòa"). */
  altNames?: readonly string[];
  type?: string | null;
  province?: string | null;
}

/** How a feature found its unit. */
export type MatchedBy = 'code' | 'alias' | 'name' | 'confirmed';

export interface FeatureMatch {
  index: number;
  unitCode: string;
  by: MatchedBy;
}

/** A likely unit for an unmatched feature; `score` in [0, 1] is the name similarity. */
export interface MatchCandidate {
  code: string;
  name: string;
  score: number;
}

/**
 * Why a feature found no unit: `no_key` (no code and no usable name), `no_match`, `ambiguous` (the
 * name fits several units: they are the candidates, score 1) or `duplicate` (its unit was already
 * taken by an earlier feature).
 */
export type UnmatchedReason = 'no_key' | 'no_match' | 'ambiguous' | 'duplicate';

export interface UnmatchedFeature {
  index: number;
  code: string | null;
  name: string | null;
  reason: UnmatchedReason;
  candidates: MatchCandidate[];
}

export interface UnmatchedUnit {
  code: string;
  name: string;
  /** Likely features, best first. */
  candidates: { index: number; name: string; score: number }[];
}

export interface MatchResult {
  matched: FeatureMatch[];
  unmatchedFeatures: UnmatchedFeature[];
  unmatchedUnits: UnmatchedUnit[];
}

export interface MatchOptions {
  /** Confirmed aliases: `nameKey()` of a name → unit code. */
  aliases?: ReadonlyMap<string, string>;
  /** Decisions per feature index: a unit code, or null to leave the feature unmatched. */
  overrides?: ReadonlyMap<number, string | null>;
  /** Candidates kept per unmatched feature or unit (default 3). */
  maxCandidates?: number;
  /** Minimum name similarity of a candidate (default 0.5). */
  minScore?: number;
}

/**
 * A unit code's comparison key: NFC, trimmed, upper-case; an all-digit code loses its leading zeros
 * so "00123", "0123" and "123" (a code that lost its zeros in Excel) meet.
 */
export function codeKey(code: string | null | undefined): string {
  const c = (code ?? '').normalize('NFC').trim().toUpperCase();
  if (/^\d+$/.test(c)) return c.replace(/^0+(?=\d)/, '');
  if (/^\d+\.0+$/.test(c)) return c.replace(/\.0+$/, '').replace(/^0+(?=\d)/, '');
  return c;
}

/** A name's comparison key (`normaliseUnitName(name).key`): "Phường 01" → "1", "Xã Bình Chánh" → "binh chanh". */
export function nameKey(name: string | null | undefined): string {
  return normaliseUnitName(name).key;
}

/**
 * The type an explicit type or the name's prefix stands for, folded ("Phường" → "phuong"); '' when
 * unknown. An explicit type that is not a Vietnamese unit type ("ward") is ignored, not compared.
 */
function typeKey(explicit: string | null | undefined, name: string | null | undefined): string {
  const t = (explicit && normaliseUnitName(`${explicit} x`).type) || normaliseUnitName(name).type;
  return t ? foldVi(t) : '';
}

interface UnitEntry {
  unit: MatchUnit;
  key: string;
  type: string;
  province: string;
}

/** Unit entries by name key, code key, and in input order. */
class UnitIndex {
  readonly byCode = new Map<string, UnitEntry>();
  readonly byName = new Map<string, UnitEntry[]>();
  readonly all: UnitEntry[] = [];

  constructor(units: readonly MatchUnit[]) {
    for (const unit of units) {
      const e: UnitEntry = {
        unit,
        key: nameKey(unit.name),
        type: typeKey(unit.type, unit.name),
        province: foldVi(unit.province ?? ''),
      };
      this.all.push(e);
      const ck = codeKey(unit.code);
      if (ck && !this.byCode.has(ck)) this.byCode.set(ck, e);
      if (!e.key) continue;
      const list = this.byName.get(e.key) ?? [];
      list.push(e);
      this.byName.set(e.key, list);
    }
  }
}

/** Province names meet when one folded name contains the other ("TP Hồ Chí Minh" / "Thành phố Hồ Chí Minh"). */
function sameProvince(a: string, b: string): boolean {
  if (!a || !b) return true;
  const strip = (s: string) => s.replace(/^(thanh pho|tinh|tp\.?)\s+/, '');
  const x = strip(a);
  const y = strip(b);
  return x.includes(y) || y.includes(x);
}

/** The units a feature's names fit, narrowed by type and province when that settles it. */
function byName(f: MatchFeature, idx: UnitIndex): UnitEntry[] {
  const names = [f.name, ...(f.altNames ?? [])].filter((n): n is string => !!n && !!n.trim());
  const found = new Set<UnitEntry>();
  for (const n of names) for (const e of idx.byName.get(nameKey(n)) ?? []) found.add(e);
  let list = [...found];
  const fType = typeKey(f.type, f.name);
  if (fType) list = list.filter((e) => !e.type || e.type === fType);
  const fProv = foldVi(f.province ?? '');
  if (list.length > 1 && fProv) {
    const same = list.filter((e) => sameProvince(e.province, fProv));
    if (same.length) list = same;
  }
  if (list.length > 1) {
    // "Thanh An" and "Thạnh An" are two communes: when folding made them meet, the exact spelling decides.
    const spelled = new Set(names.map(accentKey));
    const exact = list.filter((e) => spelled.has(accentKey(e.unit.name)));
    if (exact.length === 1) list = exact;
  }
  return list;
}

/** Lower-case NFC name without its type prefix, diacritics kept ("Xã Thạnh An" → "thạnh an"). */
function accentKey(name: string): string {
  return cleanText(name)
    .toLowerCase()
    .replace(/^(?:thị trấn|đặc khu|phường|xã|tt\.|p\.|x\.)\s*/u, '');
}

/**
 * Match features to units. Order of evidence: an override (a person's decision), the code, a
 * confirmed alias, then the name (unique after narrowing by type and province). Each unit takes at
 * most one feature; a code match always wins over a name match for the same unit. Unmatched features
 * and units come with candidates by name similarity (`similarity` of their name keys), best first.
 */
export function matchFeatures(
  features: readonly MatchFeature[],
  units: readonly MatchUnit[],
  opts: MatchOptions = {},
): MatchResult {
  const max = opts.maxCandidates ?? 3;
  const minScore = opts.minScore ?? 0.5;
  const idx = new UnitIndex(units);
  const taken = new Map<string, number>();
  const result = new Map<number, FeatureMatch | UnmatchedFeature>();
  const take = (f: MatchFeature, e: UnitEntry, by: MatchedBy): void => {
    if (taken.has(e.unit.code)) {
      result.set(f.index, unmatched(f, 'duplicate', [candidateOf(e, 1)]));
      return;
    }
    taken.set(e.unit.code, f.index);
    result.set(f.index, { index: f.index, unitCode: e.unit.code, by });
  };

  // Pass 1: decisions and codes, so a later name match cannot steal a unit its code claims.
  const rest: MatchFeature[] = [];
  for (const f of features) {
    const o = opts.overrides?.get(f.index);
    if (o !== undefined) {
      const e = o === null ? undefined : idx.byCode.get(codeKey(o));
      if (e) take(f, e, 'confirmed');
      else result.set(f.index, unmatched(f, 'no_match', []));
      continue;
    }
    const e = f.code ? idx.byCode.get(codeKey(f.code)) : undefined;
    if (e) take(f, e, 'code');
    else rest.push(f);
  }
  // Pass 2: aliases, then names.
  for (const f of rest) {
    const names = [f.name, ...(f.altNames ?? [])].filter((n): n is string => !!n && !!n.trim());
    if (!names.length) {
      result.set(f.index, unmatched(f, 'no_key', []));
      continue;
    }
    const aliased = names.map((n) => opts.aliases?.get(nameKey(n))).find((c) => c !== undefined);
    const aliasUnit = aliased ? idx.byCode.get(codeKey(aliased)) : undefined;
    if (aliasUnit) {
      take(f, aliasUnit, 'alias');
      continue;
    }
    const fits = byName(f, idx);
    if (fits.length === 1) take(f, fits[0] as UnitEntry, 'name');
    else if (fits.length > 1)
      result.set(
        f.index,
        unmatched(
          f,
          'ambiguous',
          fits.slice(0, Math.max(max, 2)).map((e) => candidateOf(e, 1)),
        ),
      );
    else result.set(f.index, unmatched(f, 'no_match', []));
  }

  const matched: FeatureMatch[] = [];
  const unmatchedFeatures: UnmatchedFeature[] = [];
  for (const f of features) {
    const r = result.get(f.index);
    if (!r) continue;
    if ('unitCode' in r) matched.push(r);
    else unmatchedFeatures.push(r);
  }
  const freeUnits = idx.all.filter((e) => !taken.has(e.unit.code));
  const featureKeys = new Map(features.map((f) => [f.index, nameKey(f.name)]));
  for (const u of unmatchedFeatures) {
    if (u.reason !== 'no_match') continue;
    const k = featureKeys.get(u.index) ?? '';
    if (k)
      u.candidates = best(
        freeUnits,
        (e) => similarity(k, e.key),
        minScore,
        max,
        (e, s) => candidateOf(e, s),
      );
  }
  const looseFeatures = unmatchedFeatures.filter((u) => u.reason !== 'no_key');
  const unmatchedUnits: UnmatchedUnit[] = freeUnits.map((e) => ({
    code: e.unit.code,
    name: e.unit.name,
    candidates: best(
      looseFeatures,
      (u) => similarity(e.key, featureKeys.get(u.index) ?? ''),
      minScore,
      max,
      (u, score) => ({ index: u.index, name: u.name ?? u.code ?? '', score: round(score) }),
    ),
  }));
  return { matched, unmatchedFeatures, unmatchedUnits };
}

function unmatched(f: MatchFeature, reason: UnmatchedReason, candidates: MatchCandidate[]): UnmatchedFeature {
  return {
    index: f.index,
    code: f.code?.trim() || null,
    name: f.name?.trim() || null,
    reason,
    candidates,
  };
}

function candidateOf(e: UnitEntry, score: number): MatchCandidate {
  return { code: e.unit.code, name: e.unit.name, score: round(score) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The `max` items scoring at least `min`, best first (ties keep input order). */
function best<T, R>(
  items: readonly T[],
  score: (t: T) => number,
  min: number,
  max: number,
  out: (t: T, s: number) => R,
): R[] {
  const scored: { t: T; s: number; i: number }[] = [];
  items.forEach((t, i) => {
    const s = score(t);
    if (s >= min) scored.push({ t, s, i });
  });
  scored.sort((a, b) => b.s - a.s || a.i - b.i);
  return scored.slice(0, max).map((x) => out(x.t, x.s));
}

/** A unit as a pre-2025 export names it: the commune part and, when given, its district. */
export interface UnitReference {
  commune: string;
  district: string | null;
}

/** A district word after a space (spelled with its diacritics, or abbreviated with a dot). */
const DISTRICT_WORD = /\s(?=(?:quận|huyện|thị xã|thành phố|tp\.|q\.|h\.|tx\.)\s*[\p{L}\p{N}])/iu;

/**
 * Splits "Phường 1, Quận 3", "Phường 1 - Quận 3", "P.1 Q.3" or "Xã Tân Thông Hội, Huyện Củ Chi" into
 * the commune and its district; a name without a district gives `district: null`. A province after
 * the district ("…, Quận 3, TP.HCM") is ignored.
 */
export function splitUnitReference(s: string | null | undefined): UnitReference {
  const text = (s ?? '').normalize('NFC').trim();
  const parts = text
    .split(/\s*[,;/]\s*|\s+[-–—]\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length >= 2) return { commune: parts[0] as string, district: parts[1] as string };
  const m = DISTRICT_WORD.exec(text.slice(1));
  if (m) {
    const at = m.index + 1;
    return { commune: text.slice(0, at).trim(), district: text.slice(at).trim() };
  }
  return { commune: text, district: null };
}
