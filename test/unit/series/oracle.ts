/**
 * The reference series: a SeriesSpec computed in plain JS from the raw tables (test/unit/pivot/oracle-data
 * reads models, units, indicator_values and the catalogue with hand-written SQL, never `facts`), following
 * the rules written in shared/series-spec.ts — not the engine's SQL.
 */
import { SERIES_ALL, SERIES_OTHERS, type SeriesRow, type SeriesSpec } from '../../../shared/series-spec';
import type { ModelRec, RawData, ValueRec } from '../pivot/oracle-data';

type Grain = 'month' | 'quarter' | 'year';

/** 'YYYY-MM-DD' of the first day of the grain period holding `iso`. */
export function periodOf(iso: string, grain: Grain): string {
  const y = iso.slice(0, 4);
  const m = Number(iso.slice(5, 7));
  if (grain === 'year') return `${y}-01-01`;
  if (grain === 'quarter') return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

/** Every period from `lo` to `hi` (both period starts), stepping by the grain. */
export function axisOf(lo: string, hi: string, grain: Grain): string[] {
  const step = grain === 'year' ? 12 : grain === 'quarter' ? 3 : 1;
  const out: string[] = [];
  let y = Number(lo.slice(0, 4));
  let m = Number(lo.slice(5, 7));
  for (;;) {
    const p = `${y}-${String(m).padStart(2, '0')}-01`;
    if (p > hi) break;
    out.push(p);
    m += step;
    while (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  return out;
}

const inList = (list: readonly string[] | undefined, v: string | null) =>
  !list?.length || (v !== null && list.includes(v));

function modelPasses(spec: SeriesSpec, m: ModelRec): boolean {
  const f = spec.filter ?? {};
  return (
    inList(f.provinces, m.province) &&
    inList(f.units, m.unit) &&
    inList(f.unitTypes, m.unit_type) &&
    inList(f.fields, m.field) &&
    inList(f.sponsors, m.sponsor) &&
    inList(f.statuses, m.status) &&
    inList(f.recognitions, m.recognition) &&
    inList(f.modelIds, m.id) &&
    inList(spec.modelIds, m.id)
  );
}

/** The catalogue aggregate of a set of values (null when none is a number). */
export function aggregate(agg: string, vals: readonly ValueRec[]): number | null {
  const nums = vals.filter((v) => v.value !== null);
  if (nums.length === 0) return null;
  const mean = nums.reduce((a, v) => a + (v.value as number), 0) / nums.length;
  if (agg === 'sum') return nums.reduce((a, v) => a + (v.value as number), 0);
  if (agg === 'mean') return mean;
  const weighted = nums.filter((v) => v.weight !== null && v.weight > 0);
  const wsum = weighted.reduce((a, v) => a + (v.weight as number), 0);
  if (wsum <= 0) return mean;
  return weighted.reduce((a, v) => a + (v.value as number) * (v.weight as number), 0) / wsum;
}

function splitKey(spec: SeriesSpec, m: ModelRec): string | null {
  if (spec.modelIds) return m.id;
  const by = spec.split?.by;
  if (!by) return SERIES_ALL;
  if (by === 'unit') return m.unit;
  return m[by];
}

/** The reference rows, in the documented order. */
export function referenceSeries(
  spec: SeriesSpec,
  raw: RawData,
  modelNames: Map<string, string>,
): SeriesRow[] {
  const grain: Grain = spec.grain ?? 'month';
  const from = spec.filter?.period?.from;
  const to = spec.filter?.period?.to;
  const vals = raw.values.filter(
    (v) =>
      spec.indicators.includes(v.indicator) &&
      modelPasses(spec, v.model) &&
      (!from || v.period.slice(0, 7) >= from) &&
      (!to || v.period.slice(0, 7) <= to),
  );
  const aggOf = (code: string) => raw.indicators.get(code)?.aggregation ?? 'sum';

  // Ranking of split groups.
  const split = spec.modelIds ? undefined : spec.split;
  const rank = new Map<string, number>();
  if (split) {
    const first = spec.indicators[0] as string;
    const groups = new Map<string, ValueRec[]>();
    for (const v of vals) {
      const k = splitKey(spec, v.model);
      if (k === null) continue;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(v);
    }
    const scored = [...groups].map(([k, g]) => {
      const rv =
        split.rankBy === 'models'
          ? new Set(g.filter((v) => v.value !== null).map((v) => v.model.id)).size
          : g.some((v) => v.indicator === first)
            ? aggregate(
                aggOf(first),
                g.filter((v) => v.indicator === first),
              )
            : null;
      return { k, rv };
    });
    scored.sort((a, b) => {
      if (a.rv === null && b.rv !== null) return 1;
      if (b.rv === null && a.rv !== null) return -1;
      if (a.rv !== null && b.rv !== null && a.rv !== b.rv) return b.rv - a.rv;
      return a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
    });
    scored.forEach((s, i) => rank.set(s.k, i + 1));
  }
  const seriesKey = (m: ModelRec): string | null => {
    const k = splitKey(spec, m);
    if (!split || split.topN === undefined || k === null) return k;
    return (rank.get(k) ?? Infinity) <= split.topN ? k : SERIES_OTHERS;
  };

  // Cells.
  const cells = new Map<string, ValueRec[]>();
  const labels = new Map<string | null, string | null>();
  for (const v of vals) {
    const s = seriesKey(v.model);
    const id = `${s}\u0001${v.indicator}\u0001${periodOf(v.period, grain)}`;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = []));
    c.push(v);
    if (!labels.has(s))
      labels.set(s, split?.by === 'unit' && s !== SERIES_OTHERS && s !== null ? v.model.unitLabel : null);
  }

  // Series and axis.
  let series: { s: string | null; label: string | null }[];
  if (spec.modelIds) {
    series = spec.modelIds
      .filter((id) => modelNames.has(id))
      .map((id) => ({ s: id, label: modelNames.get(id) ?? null }));
  } else if (split) {
    const order = (s: string | null) =>
      s === null ? 2e9 : s === SERIES_OTHERS ? 2e9 + 1 : (rank.get(s) as number);
    series = [...labels.keys()]
      .sort((a, b) => order(a) - order(b))
      .map((s) => ({ s, label: labels.get(s) ?? null }));
  } else {
    series = [{ s: SERIES_ALL, label: null }];
  }
  const periods = vals.map((v) => periodOf(v.period, grain)).sort();
  const lo = from ? periodOf(`${from}-01`, grain) : periods[0];
  const hi = to ? periodOf(`${to}-01`, grain) : periods[periods.length - 1];
  const axis = lo && hi ? axisOf(lo, hi, grain) : [];

  // Denominators for per10k.
  const f = spec.filter ?? {};
  const scope = raw.units.filter(
    (u) => inList(f.provinces, u.province) && inList(f.units, u.code) && inList(f.unitTypes, u.type),
  );
  const popSum = (us: typeof scope) => us.reduce((a, u) => a + (u.population ?? 0), 0);
  const unitPop = new Map(raw.units.map((u) => [u.code, u.population]));
  const denominator = (s: string | null): number | null => {
    if (spec.modelIds) {
      const m = raw.models.find((x) => x.id === s);
      return m?.unit ? (unitPop.get(m.unit) ?? null) : null;
    }
    const by = split?.by;
    if (by === 'unit' || by === 'unit_type') {
      if (s === null) return null;
      const col = (u: (typeof scope)[number]) => (by === 'unit' ? u.code : u.type);
      const kept = (u: (typeof scope)[number]) => {
        const k = col(u);
        return k !== null && split?.topN !== undefined ? (rank.get(k) ?? Infinity) <= split.topN : true;
      };
      const us =
        s === SERIES_OTHERS
          ? scope.filter((u) => col(u) !== null && !kept(u))
          : scope.filter((u) => col(u) === s);
      return us.length ? popSum(us) : null;
    }
    return scope.length ? popSum(scope) : null;
  };

  const t = spec.transform ?? { type: 'none' };
  const perYear = grain === 'month' ? 12 : grain === 'quarter' ? 4 : 1;
  const out: SeriesRow[] = [];
  for (const { s, label } of series) {
    for (const ind of spec.indicators) {
      const raws = axis.map((p) => {
        const c = cells.get(`${s}\u0001${ind}\u0001${p}`) ?? [];
        return {
          raw: aggregate(aggOf(ind), c),
          n: new Set(c.filter((v) => v.value !== null).map((v) => v.model.id)).size,
        };
      });
      const base = raws.find((r) => r.raw !== null)?.raw ?? null;
      let running = 0;
      const den = t.type === 'per10k' ? denominator(s) : null;
      raws.forEach((r, i) => {
        let value: number | null = r.raw;
        let delta: number | null = null;
        if (t.type === 'cumulative') {
          running += r.raw ?? 0;
          value = r.raw === null ? null : running;
        } else if (t.type === 'moving_average') {
          const win = raws.slice(Math.max(0, i - t.window + 1), i + 1).filter((x) => x.raw !== null);
          value = r.raw === null ? null : win.reduce((a, x) => a + (x.raw as number), 0) / win.length;
        } else if (t.type === 'yoy') {
          const prev = i >= perYear ? (raws[i - perYear]?.raw ?? null) : null;
          value =
            r.raw === null || prev === null || prev === 0 ? null : ((r.raw - prev) / Math.abs(prev)) * 100;
          delta = r.raw === null || prev === null ? null : r.raw - prev;
        } else if (t.type === 'index') {
          value = r.raw === null || base === null || base === 0 ? null : (r.raw / base) * 100;
        } else if (t.type === 'per10k') {
          value = r.raw === null || den === null || den === 0 ? null : (r.raw / den) * 10000;
        }
        out.push({
          series: s,
          label,
          indicator: ind,
          period: axis[i] as string,
          raw: r.raw,
          value,
          delta,
          n: r.n,
        });
      });
    }
  }
  return out;
}
