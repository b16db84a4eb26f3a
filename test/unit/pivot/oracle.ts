/**
 * A reference pivot written independently of the engine: plain JS loops and Maps over the raw records of
 * oracle-data.ts, every (row level × column level) computed by regrouping the underlying records (so a
 * subtotal of a mean is the mean of its values and a distinct count is distinct at every level). Used to
 * check the compiled SQL cell by cell.
 */
import { foldVi } from '../../../shared/text';
import { PIVOT_OTHERS, type PivotSpec } from '../../../shared/pivot-spec';
import type { Dimension, Filter, Measure } from '../../../shared/specs';
import type { ModelRec, RawData, UnitRec, ValueRec } from './oracle-data';

export interface Cell {
  grp: number;
  keys: (string | null)[];
  labels: (string | null)[];
  values: (number | null)[];
}

type Rec = { m: ModelRec; v?: ValueRec };
type Key = string | null;

export const cellId = (grp: number, keys: readonly Key[]) => `${grp}|${JSON.stringify(keys)}`;

const GEO: readonly Dimension[] = ['unit', 'unit_type', 'province'];
const UNIT_ATTR = { unit: 'code', unit_type: 'type', province: 'province' } as const;
const LISTS = {
  provinces: 'province',
  units: 'unit',
  unitTypes: 'unit_type',
  fields: 'field',
  sponsors: 'sponsor',
  statuses: 'status',
  recognitions: 'recognition',
  modelIds: 'id',
} as const;

function truncate(period: string, grain: string): string {
  const [y, m] = [period.slice(0, 4), Number(period.slice(5, 7))];
  if (grain === 'year') return `${y}-01-01`;
  if (grain === 'quarter') return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  return period;
}

function modelPasses(m: ModelRec, f: Filter | undefined): boolean {
  if (!f) return true;
  for (const [list, attr] of Object.entries(LISTS) as [
    keyof typeof LISTS,
    (typeof LISTS)[keyof typeof LISTS],
  ][]) {
    const allowed = f[list];
    if (allowed?.length && !allowed.includes(m[attr] as string)) return false;
  }
  const tokens = foldVi(f.search ?? '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (!tokens.every((t) => m.search.includes(t))) return false;
  return true;
}

function aggregate(measure: Measure, recs: Rec[], raw: RawData): number | null {
  if (measure.type === 'count_models') return new Set(recs.map((r) => r.m.id)).size;
  if (measure.type === 'count_units')
    return new Set(recs.flatMap((r) => (r.m.unit === null ? [] : [r.m.unit]))).size;
  const def = raw.indicators.get(measure.indicator);
  const agg = !measure.agg || measure.agg === 'catalog' ? def?.aggregation : measure.agg;
  const rows = recs.flatMap((r) =>
    r.v && r.v.indicator === measure.indicator && r.v.value !== null ? [r.v] : [],
  );
  const vals = rows.map((v) => v.value as number);
  if (vals.length === 0) return null;
  const sum = vals.reduce((a, b) => a + b, 0);
  if (agg === 'sum') return sum;
  if (agg === 'mean') return sum / vals.length;
  if (agg === 'min') return vals.reduce((a, b) => Math.min(a, b));
  if (agg === 'max') return vals.reduce((a, b) => Math.max(a, b));
  if (agg === 'median') {
    const s = [...vals].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  }
  const weighted = rows.filter((v) => (v.weight ?? 0) > 0);
  const w = weighted.reduce((a, v) => a + (v.weight as number), 0);
  return w > 0
    ? weighted.reduce((a, v) => a + (v.value as number) * (v.weight as number), 0) / w
    : sum / vals.length;
}

/** The expected result: every requested cell by `cellId`. */
export function referencePivot(spec: PivotSpec, raw: RawData): Map<string, Cell> {
  const dims = [...spec.rows, ...spec.columns];
  const R = spec.rows.length;
  const C = spec.columns.length;
  const valueDim = dims.includes('period') || dims.includes('indicator');
  const partOf = (m: Measure) => (m.type !== 'indicator' && !valueDim ? 'm' : 'f');
  const keyOf = (d: Dimension, r: Rec): Key => {
    if (d === 'period') return truncate(r.v?.period ?? '', spec.grain ?? 'month');
    if (d === 'indicator') return r.v?.indicator ?? null;
    return d === 'unit' ? r.m.unit : r.m[d];
  };
  const labelOf = (d: Dimension, r: Rec): Key =>
    d === 'unit'
      ? r.m.unitLabel
      : d === 'indicator'
        ? (raw.indicators.get(r.v?.indicator ?? '')?.name ?? null)
        : keyOf(d, r);
  const hide = (r: Rec) => spec.missing !== 'hide' || dims.every((d) => keyOf(d, r) !== null);

  const f = spec.filter;
  const fMeasures = spec.values.map((v) => v.measure).filter((m) => partOf(m) === 'f');
  const codes = fMeasures.every((m) => m.type === 'indicator')
    ? new Set(fMeasures.map((m) => (m.type === 'indicator' ? m.indicator : '')))
    : null;
  const inPeriod = (p: string) =>
    (!f?.period?.from || p.slice(0, 7) >= f.period.from) && (!f?.period?.to || p.slice(0, 7) <= f.period.to);
  // With a period filter, a model counts when it reported a value in the period.
  const active =
    f?.period?.from || f?.period?.to
      ? new Set(raw.values.filter((v) => inPeriod(v.period)).map((v) => v.model.id))
      : null;
  const recs = {
    m: raw.models
      .filter((m) => modelPasses(m, f) && (!active || active.has(m.id)))
      .map((m): Rec => ({ m }))
      .filter(hide),
    f: raw.values
      .filter((v) => modelPasses(v.model, f))
      .filter(
        (v) =>
          (!f?.period?.from || v.period.slice(0, 7) >= f.period.from) &&
          (!f?.period?.to || v.period.slice(0, 7) <= f.period.to),
      )
      .filter((v) => !codes || codes.has(v.indicator))
      .map((v): Rec => ({ m: v.model, v }))
      .filter(hide),
  };

  // Units in the filter's geographic scope, and a cell's denominator.
  const scope = raw.units.filter(
    (u) =>
      (!f?.provinces?.length || f.provinces.includes(u.province ?? '\0')) &&
      (!f?.units?.length || f.units.includes(u.code)) &&
      (!f?.unitTypes?.length || f.unitTypes.includes(u.type ?? '\0')) &&
      (spec.missing !== 'hide' || dims.every((d) => !GEO.includes(d) || u[UNIT_ATTR[d as 'unit']] !== null)),
  );
  let top: Set<Key> | null = null;
  const unitKey = (u: UnitRec, i: number): Key => {
    const k = u[UNIT_ATTR[dims[i] as 'unit']];
    return i === 0 && top && !top.has(k) ? PIVOT_OTHERS : k;
  };
  const denominator = (
    keys: Key[],
    rolled: (i: number) => boolean,
    per: 'per10k' | 'per_km2',
  ): number | null => {
    const units = scope.filter((u) =>
      dims.every((d, i) => !GEO.includes(d) || rolled(i) || unitKey(u, i) === keys[i]),
    );
    const xs = units
      .map((u) => (per === 'per10k' ? u.population : u.area))
      .filter((x): x is number => x !== null);
    const s = xs.reduce((a, b) => a + b, 0);
    return xs.length === 0 || s === 0 ? null : per === 'per10k' ? s / 10_000 : s;
  };

  if (spec.topN && dims[0]) {
    const j = spec.topN.value ?? 0;
    const value = spec.values[j];
    if (!value) throw new Error('bad topN value');
    const groups = new Map<Key, Rec[]>();
    for (const r of recs[partOf(value.measure)]) {
      const key = keyOf(dims[0], r);
      const g = groups.get(key);
      if (g) g.push(r);
      else groups.set(key, [r]);
    }
    const ranked = [...groups].map(([key, rs]) => {
      let v = aggregate(value.measure, rs, raw);
      if (v !== null && value.per && value.per !== 'none' && GEO.includes(dims[0] as Dimension)) {
        const d = denominator([key], (i) => i !== 0, value.per);
        v = d === null ? null : v / d;
      }
      return { key, v };
    });
    const cmpKey = (a: Key, b: Key) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
    ranked.sort((a, b) =>
      a.v === b.v ? cmpKey(a.key, b.key) : a.v === null ? 1 : b.v === null ? -1 : b.v - a.v,
    );
    top = new Set(ranked.slice(0, spec.topN.n).map((r) => r.key));
  }
  const mapKey = (i: number, k: Key) => (i === 0 && top && !top.has(k) ? PIVOT_OTHERS : k);

  // Every (row level, column level): regroup the records.
  const all = new Map<string, Cell & { rolled: (i: number) => boolean }>();
  for (let lr = 0; lr <= R; lr++) {
    for (let lc = 0; lc <= C; lc++) {
      const rolled = (i: number) => (i < R ? i >= lr : i - R >= lc);
      const grp = dims.reduce((g, _, i) => (rolled(i) ? g | (1 << i) : g), 0);
      for (const part of ['m', 'f'] as const) {
        const idx = spec.values.flatMap((v, j) => (partOf(v.measure) === part ? [j] : []));
        if (!idx.length) continue;
        const groups = new Map<string, { keys: Key[]; labels: Key[]; recs: Rec[] }>();
        for (const r of recs[part]) {
          const keys = dims.map((d, i) => (rolled(i) ? null : mapKey(i, keyOf(d, r))));
          const id = cellId(grp, keys);
          const g = groups.get(id) ?? { keys, labels: keys.map(() => null), recs: [] };
          dims.forEach((d, i) => {
            if (keys[i] !== null && keys[i] !== PIVOT_OTHERS) g.labels[i] ??= labelOf(d, r);
          });
          g.recs.push(r);
          groups.set(id, g);
        }
        for (const [id, g] of groups) {
          const cell = all.get(id) ?? {
            grp,
            keys: g.keys,
            labels: g.labels,
            values: spec.values.map(() => null),
            rolled,
          };
          for (const j of idx)
            cell.values[j] = aggregate((spec.values[j] as { measure: Measure }).measure, g.recs, raw);
          all.set(id, cell);
        }
      }
    }
  }

  // Rates and shares, then keep the requested levels.
  const t = { rowSubtotals: true, columnSubtotals: true, grand: true, ...spec.totals };
  const wantedLevel = (l: number, n: number, sub: boolean) => n === 0 || l === n || (l === 0 ? t.grand : sub);
  const out = new Map<string, Cell>();
  for (const [id, cell] of all) {
    const lr = range(R).filter((i) => !cell.rolled(i)).length;
    const lc = range(C).filter((i) => !cell.rolled(R + i)).length;
    const values = cell.values.map((x, j) => {
      const v = spec.values[j];
      if (x === null || !v) return null;
      if (v.per && v.per !== 'none') {
        const d = denominator(cell.keys, cell.rolled, v.per);
        return d === null ? null : x / d;
      }
      if (!v.share || v.share === 'none') return x;
      // The total cell keeps the row part (row share), the column part (column share) or nothing (grand).
      const keep = (i: number) => (v.share === 'row' ? i < R : v.share === 'column' ? i >= R : false);
      const keys = cell.keys.map((k, i) => (keep(i) ? k : null));
      const g = dims.reduce((acc, _, i) => (keep(i) ? acc | (cell.grp & (1 << i)) : acc | (1 << i)), 0);
      const total = all.get(cellId(g, keys))?.values[j] ?? null;
      return total === null || total === 0 ? null : x / total;
    });
    if (wantedLevel(lr, R, t.rowSubtotals) && wantedLevel(lc, C, t.columnSubtotals)) {
      out.set(id, { grp: cell.grp, keys: cell.keys, labels: cell.labels, values });
    }
  }
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
