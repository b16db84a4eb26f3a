/**
 * What a sheet holds (models, long or wide indicator values, units, crosswalk), from its headers with
 * the sheet name as a tie-breaker.
 */
import { INDICATORS, type IndicatorDef } from '../catalog';
import type { ImportKind, TargetField } from '../import-types';
import { foldVi } from '../text';
import { matchCrosswalkColumns, matchField } from './fields';
import { matchIndicator } from './indicators';

/** The detected kind, how sure detection is (0..1), and the kind the sheet name suggested, if any. */
export interface KindDetection {
  kind: ImportKind;
  confidence: number;
  /** Kind suggested by the sheet name; 'values_long' stands for any values sheet. */
  hint: ImportKind | null;
  /** True when every header rule of the kind holds (false: chosen from the sheet name or a partial match). */
  complete: boolean;
}

const HINTS: readonly [ImportKind, readonly string[]][] = [
  [
    'crosswalk',
    ['sap nhap', 'sap xep', 'chuyen doi', 'doi chieu', 'crosswalk', 'old to new', 'cu moi', 'cu - moi'],
  ],
  ['units', ['don vi hanh chinh', 'dvhc', 'danh muc don vi', 'danh muc phuong', 'danh muc xa', 'units']],
  ['values_long', ['chi tieu', 'ket qua', 'so lieu', 'gia tri', 'values', 'indicator']],
  ['models', ['mo hinh', 'models', 'model']],
];

/**
 * The kind a sheet name suggests ("Mô hình" → models, "Chỉ tiêu"/"Kết quả"/"Số liệu" → values_long,
 * standing for either values form, "Đơn vị hành chính"/"ĐVHC" → units, "Sáp nhập"/"Đối chiếu" →
 * crosswalk); null for names like "Sheet1".
 */
export function sheetKindHint(sheet: string): ImportKind | null {
  const key = foldVi(sheet).replace(/[_]+/g, ' ');
  for (const [kind, words] of HINTS) if (words.some((w) => key.includes(w))) return kind;
  return null;
}

const MODEL_EXTRAS: readonly TargetField[] = [
  'field',
  'sponsor',
  'start_date',
  'status',
  'recognition',
  'description',
  'replicated_from',
  'lat',
  'lon',
];

interface Signals {
  common: Set<TargetField>;
  strongModelId: boolean;
  strongName: boolean;
  units: Set<TargetField>;
  indicatorColumns: number;
  crosswalkOld: boolean;
  crosswalkNew: boolean;
}

function signals(headers: readonly string[], catalog: readonly IndicatorDef[]): Signals {
  const common = new Set<TargetField>();
  const units = new Set<TargetField>();
  let strongModelId = false;
  let strongName = false;
  let indicatorColumns = 0;
  for (const h of headers) {
    const f = matchField(h);
    if (f) {
      common.add(f.target);
      if (f.target === 'model_id' && f.confidence >= 0.9) strongModelId = true;
      if (f.target === 'name' && f.confidence >= 0.9) strongName = true;
    } else if (matchIndicator(h, catalog)) {
      indicatorColumns++;
    }
    const u = matchField(h, 'units');
    if (u) units.add(u.target);
  }
  const cw = matchCrosswalkColumns(headers);
  return {
    common,
    strongModelId,
    strongName,
    units,
    indicatorColumns,
    crosswalkOld: cw.old_code !== undefined || cw.old_name !== undefined,
    crosswalkNew: cw.new_code !== undefined || cw.new_name !== undefined,
  };
}

/** `weak`: the rule holds only through generic words ("Mã", "Tên") that a sheet name may overrule. */
type Scored = { kind: ImportKind; complete: boolean; score: number; weak?: boolean };

function score(s: Signals): Scored[] {
  const c = (t: TargetField) => s.common.has(t);
  const u = (t: TargetField) => s.units.has(t);
  const frac = (bits: boolean[]) => bits.filter(Boolean).length / bits.length;
  const unitExtra = u('population') || u('area_km2') || u('type');
  const modelExtras = Math.min(0.3, 0.05 * MODEL_EXTRAS.filter(c).length);

  const crosswalk = [s.crosswalkOld, s.crosswalkNew];
  const long = [c('model_id'), c('period'), c('indicator'), c('value')];
  const wide = [c('model_id'), c('period'), s.indicatorColumns > 0];
  const units = [u('unit_code'), u('unit_name'), unitExtra];
  const models = [c('model_id'), c('name'), c('unit_code') || c('unit_name')];
  return [
    { kind: 'crosswalk', complete: crosswalk.every(Boolean), score: frac(crosswalk) },
    { kind: 'values_long', complete: long.every(Boolean), score: frac(long) },
    {
      kind: 'values_wide',
      complete: wide.every(Boolean) && !c('indicator'),
      score: c('indicator') ? 0 : frac(wide),
    },
    {
      kind: 'units',
      complete: units.every(Boolean) && !s.strongModelId,
      score: s.strongModelId ? 0 : frac(units),
    },
    {
      kind: 'models',
      complete: c('model_id') && c('name') && !c('period'),
      weak: !s.strongModelId || !s.strongName,
      score: c('period') ? frac(models) / 2 : frac(models) + modelExtras,
    },
  ];
}

/**
 * Detects the kind of a sheet. Header rules, in this order: crosswalk (an old and a new unit column,
 * e.g. old_code/new_code or "Mã cũ"/"Mã mới"); values_long (model_id + period + indicator + value);
 * values_wide (model_id + period + at least one column matching a catalogue indicator, no indicator
 * column); units (code + name + population, area or type, and no explicit model id); models
 * (model_id + name, no period). When several rules hold, the one the sheet name suggests wins, else the
 * first; but a models reading that rests only on the generic "Mã"/"Tên" yields to a sheet name whose
 * kind scores at least 0.6 (confidence 0.6). When none holds, the sheet-name kind is taken if any of its columns is present (confidence
 * 0.6), else the best partial match scoring at least 0.6 (confidence 0.5), else 'unknown'.
 * Confidence: 1 when a rule holds and the sheet name agrees, 0.9 with a neutral name, 0.8 against it.
 */
export function detectKind(
  headers: readonly string[],
  sheet: string,
  catalog: readonly IndicatorDef[] = INDICATORS,
): KindDetection {
  const s = signals(headers, catalog);
  const hint = sheetKindHint(sheet);
  const scored = score(s);
  const hintKinds: ImportKind[] =
    hint === 'values_long'
      ? s.common.has('indicator')
        ? ['values_long']
        : ['values_wide', 'values_long']
      : hint
        ? [hint]
        : [];

  const complete = scored.filter((x) => x.complete);
  const hinted = scored.find((x) => hintKinds.includes(x.kind) && x.score >= 0.6);
  if (complete.length > 0) {
    const agreeing = complete.find((x) => hintKinds.includes(x.kind));
    const chosen = agreeing ?? complete[0]!;
    if (!agreeing && chosen.weak && hinted)
      return { kind: hinted.kind, confidence: 0.6, hint, complete: false };
    const confidence = agreeing ? 1 : hint ? 0.8 : 0.9;
    return { kind: chosen.kind, confidence, hint, complete: true };
  }
  for (const k of hintKinds) {
    const x = scored.find((y) => y.kind === k);
    if (x && x.score > 0) return { kind: k, confidence: 0.6, hint, complete: false };
  }
  const best = [...scored].sort((a, b) => b.score - a.score)[0];
  if (best && best.score >= 0.6) return { kind: best.kind, confidence: 0.5, hint, complete: false };
  return { kind: 'unknown', confidence: 0, hint, complete: false };
}
