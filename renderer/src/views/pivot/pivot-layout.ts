/**
 * The pivot's layout (a PivotSpec without its filter) and the pure edits the field wells make to it:
 * add, remove and move dimensions and values, swap axes, sort and top-N. Every edit returns a new layout
 * that still passes `PivotSpecSchema` (a dimension sits in one place only; sort/topN indexes stay in range).
 */
import { PivotSpecSchema, type PivotSpec, type PivotValue } from '../../../../shared/pivot-spec';
import type { Dimension, Filter, Measure } from '../../../../shared/specs';

/** A pivot spec without the global filter. */
export type PivotLayout = Omit<PivotSpec, 'filter'>;
/** An axis of the pivot. */
export type Axis = 'rows' | 'columns';

/** Most dimensions per axis and values (the spec's caps). */
export const AXIS_MAX: Readonly<Record<Axis, number>> = { rows: 4, columns: 3 };
export const VALUES_MAX = 8;

/** The layout a new pivot starts with: fields by year, number of models. */
export const DEFAULT_LAYOUT: PivotLayout = {
  kind: 'pivot',
  rows: ['field'],
  columns: ['period'],
  grain: 'year',
  values: [{ measure: { type: 'count_models' } }],
};

/** Read a layout from URL or saved-view JSON; anything invalid gives null. */
export function parseLayout(json: string | null | undefined): PivotLayout | null {
  if (!json) return null;
  try {
    const p = PivotSpecSchema.safeParse(JSON.parse(json));
    if (!p.success) return null;
    const { filter: _drop, ...layout } = p.data;
    return layout;
  } catch {
    return null;
  }
}

/** Layout from any saved spec object (a saved view). */
export function layoutFromSpec(spec: unknown): PivotLayout | null {
  return parseLayout(JSON.stringify(spec));
}

/** The JSON stored in the URL. */
export function formatLayout(l: PivotLayout): string {
  return JSON.stringify(l);
}

/** The spec to run: the layout under the global filter. */
export function toSpec(l: PivotLayout, filter: Filter): PivotSpec {
  return Object.keys(filter).length ? { ...l, filter } : { ...l };
}

/** Where a dimension sits, if anywhere. */
export function placeOf(l: PivotLayout, d: Dimension): { axis: Axis; index: number } | null {
  const r = l.rows.indexOf(d);
  if (r >= 0) return { axis: 'rows', index: r };
  const c = l.columns.indexOf(d);
  return c >= 0 ? { axis: 'columns', index: c } : null;
}

/** Drop the top-N when no row dimension is left. */
const tidy = (l: PivotLayout): PivotLayout => {
  const out = { ...l };
  if (out.rows.length === 0) delete out.topN;
  if (out.rows.length === 0 && out.columns.length === 0) return l;
  return out;
};

/** Put `d` on `axis` at `index` (end by default), moving it from wherever it was. No-op when full. */
export function placeDimension(l: PivotLayout, d: Dimension, axis: Axis, index?: number): PivotLayout {
  const rows = l.rows.filter((x) => x !== d);
  const columns = l.columns.filter((x) => x !== d);
  const target = axis === 'rows' ? rows : columns;
  if (target.length >= AXIS_MAX[axis]) return l;
  target.splice(index === undefined ? target.length : Math.max(0, Math.min(index, target.length)), 0, d);
  return tidy({ ...l, rows, columns });
}

/** Remove `d` from the layout (kept when it is the last dimension left). */
export function removeDimension(l: PivotLayout, d: Dimension): PivotLayout {
  return tidy({ ...l, rows: l.rows.filter((x) => x !== d), columns: l.columns.filter((x) => x !== d) });
}

/** Move `d` one place earlier (-1) or later (+1) on its axis. */
export function shiftDimension(l: PivotLayout, d: Dimension, delta: -1 | 1): PivotLayout {
  const at = placeOf(l, d);
  if (!at) return l;
  return placeDimension(l, d, at.axis, at.index + delta);
}

/** Move `d` to the other axis (end), when there is room. */
export function flipDimension(l: PivotLayout, d: Dimension): PivotLayout {
  const at = placeOf(l, d);
  if (!at) return l;
  return placeDimension(l, d, at.axis === 'rows' ? 'columns' : 'rows');
}

/** Rows become columns and columns rows (as far as the caps allow). */
export function swapAxes(l: PivotLayout): PivotLayout {
  if (l.columns.length > AXIS_MAX.rows || l.rows.length > AXIS_MAX.columns) return l;
  return tidy({ ...l, rows: [...l.columns], columns: [...l.rows] });
}

/** Add a value (no-op at the cap). */
export function addValue(l: PivotLayout, measure: Measure): PivotLayout {
  if (l.values.length >= VALUES_MAX) return l;
  return { ...l, values: [...l.values, { measure }] };
}

/** Indexes in sort/topN must stay in range and follow their value when values move. */
function remapValueRefs(l: PivotLayout, map: (i: number) => number | null): PivotLayout {
  const out = { ...l };
  if (out.sort?.value !== undefined) {
    const v = map(out.sort.value);
    out.sort = v === null ? { ...out.sort, value: 0 } : { ...out.sort, value: v };
  }
  if (out.topN?.value !== undefined) {
    const v = map(out.topN.value);
    out.topN = v === null ? { ...out.topN, value: 0 } : { ...out.topN, value: v };
  }
  return out;
}

/** Remove value `i` (the last value stays). */
export function removeValue(l: PivotLayout, i: number): PivotLayout {
  if (l.values.length <= 1) return l;
  const values = l.values.filter((_, j) => j !== i);
  return remapValueRefs({ ...l, values }, (j) => (j === i ? null : j > i ? j - 1 : j));
}

/** Move value `i` by `delta`. */
export function shiftValue(l: PivotLayout, i: number, delta: -1 | 1): PivotLayout {
  const j = i + delta;
  const a = l.values[i];
  const b = l.values[j];
  if (!a || !b) return l;
  const values = [...l.values];
  values[i] = b;
  values[j] = a;
  return remapValueRefs({ ...l, values }, (k) => (k === i ? j : k === j ? i : k));
}

/** Replace value `i`'s options; keeps `per` and `share` exclusive and only on additive measures. */
export function updateValue(l: PivotLayout, i: number, patch: Partial<PivotValue>): PivotLayout {
  const cur = l.values[i];
  if (!cur) return l;
  const next: PivotValue = { ...cur, ...patch };
  if (patch.per && patch.per !== 'none') delete next.share;
  if (patch.share && patch.share !== 'none') delete next.per;
  if (next.per === 'none') delete next.per;
  if (next.share === 'none') delete next.share;
  if (!isAdditive(next.measure)) {
    delete next.per;
    delete next.share;
  }
  return { ...l, values: l.values.map((v, j) => (j === i ? next : v)) };
}

/** Sums and counts can be divided per capita or shown as shares; means, medians, minima, maxima cannot. */
export function isAdditive(m: Measure, catalogAggregation?: string): boolean {
  if (m.type !== 'indicator') return true;
  const agg = m.agg ?? 'catalog';
  return agg === 'sum' || (agg === 'catalog' && (catalogAggregation ?? 'sum') === 'sum');
}
