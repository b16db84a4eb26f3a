/**
 * An independent JS computation of a RankSpec from plain rows of `model_dim` and `facts` (no SQL
 * aggregation), following the documented semantics in shared/rank-spec.ts. Used to check the compiler.
 */
import type { RankComponent, RankSpec } from '../../../shared/rank-spec';
import { INDICATOR_BY_CODE } from '../../../shared/catalog';

export interface ModelRow {
  model_id: string;
  field: string | null;
  unit_type: string | null;
  population: number | null;
  status: string | null;
  start_month: number | null;
}
export interface FactRow {
  model_id: string;
  indicator_code: string;
  month: number;
  value: number | null;
  weight: number | null;
}
export interface OracleRow {
  model_id: string;
  peer: string;
  raw: (number | null)[];
  pct: (number | null)[];
  median: (number | null)[];
  top10: (number | null)[];
  score: number;
}

const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);

function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

function slope(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  const mx = sum(xs) / n;
  const my = sum(ys) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    sxx += ((xs[i] as number) - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}

function aggregate(code: string, rows: FactRow[]): number | null {
  const vals = rows.filter((r) => r.value !== null);
  if (!vals.length) return null;
  const def = INDICATOR_BY_CODE.get(code);
  const v = vals.map((r) => r.value as number);
  if (!def || def.aggregation === 'sum') return sum(v);
  if (def.aggregation === 'mean') return sum(v) / v.length;
  const w = vals.filter((r) => (r.weight ?? 0) > 0);
  if (w.length && sum(w.map((r) => r.weight as number)) > 0)
    return (
      sum(w.map((r) => (r.value as number) * (r.weight as number))) / sum(w.map((r) => r.weight as number))
    );
  return sum(v) / v.length;
}

/** Rank `models` (already filtered) with their `facts` as `spec` says (no exclusions). */
export function oracleRank(spec: RankSpec, models: ModelRow[], facts: FactRow[]): OracleRow[] {
  const byModel = new Map<string, FactRow[]>();
  for (const f of facts) {
    const l = byModel.get(f.model_id) ?? [];
    l.push(f);
    byModel.set(f.model_id, l);
  }
  let d0 = Infinity;
  let d1 = -Infinity;
  for (const f of facts) {
    d0 = Math.min(d0, f.month);
    d1 = Math.max(d1, f.month);
  }
  const rows: { m: ModelRow; peer: string; raw: (number | null)[] }[] = [];
  for (const m of models) {
    const fs = byModel.get(m.model_id);
    if (!fs) continue;
    const monthsSet = new Set(fs.map((f) => f.month));
    const lastP = Math.max(...[...monthsSet]);
    const ind = (code: string) => fs.filter((f) => f.indicator_code === code);
    const total = (code: string) => aggregate(code, ind(code));
    const benef = total('beneficiaries');
    const funds = total('funds_mobilized_vnd');
    const div = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
    const raw = spec.components.map((c: RankComponent): number | null => {
      switch (c.type) {
        case 'indicator': {
          const v = total(c.indicator);
          const per = c.per ?? 'none';
          if (per === 'none') return v;
          if (per === 'per_month') return div(v, new Set(ind(c.indicator).map((f) => f.month)).size);
          if (per === 'per10k')
            return div(v, m.population) === null ? null : ((v as number) / (m.population as number)) * 10000;
          return div(v, funds) === null ? null : ((v as number) / (funds as number)) * 1_000_000;
        }
        case 'months_active':
          return monthsSet.size;
        case 'reporting_share': {
          const from = Math.max(m.start_month ?? d0, d0);
          const to = m.status === 'Đã hoàn thành' || m.status === 'Tạm dừng' ? lastP : d1;
          const expected = to - from + 1;
          return expected <= 0 ? null : Math.min(1, monthsSet.size / expected);
        }
        case 'trend': {
          const slopes: number[] = [];
          for (const code of new Set(fs.map((f) => f.indicator_code))) {
            const r = ind(code).filter((f) => f.value !== null);
            if (r.length < 3) continue;
            const mean = sum(r.map((f) => f.value as number)) / r.length;
            const s = slope(
              r.map((f) => f.month),
              r.map((f) => f.value as number),
            );
            if (s === null || mean === 0) continue;
            const rel = s / mean;
            if (!Number.isFinite(rel)) continue;
            slopes.push(INDICATOR_BY_CODE.get(code)?.higher_is_better === false ? -rel : rel);
          }
          return slopes.length ? sum(slopes) / slopes.length : null;
        }
        case 'reach':
          return div(benef, m.population);
        case 'efficiency':
          return div(benef, funds) === null ? null : ((benef as number) / (funds as number)) * 1_000_000;
      }
    });
    if (raw.every((x) => x === null)) continue;
    const peer =
      spec.peer === 'all' ? 'all' : spec.peer === 'unit_type' ? (m.unit_type ?? '') : (m.field ?? '');
    rows.push({ m, peer, raw });
  }
  const totalWeight = sum(spec.components.map((c) => c.weight));
  const out: OracleRow[] = rows.map((r) => ({
    model_id: r.m.model_id,
    peer: r.peer,
    raw: r.raw,
    pct: [],
    median: [],
    top10: [],
    score: 0,
  }));
  spec.components.forEach((c, i) => {
    const hib =
      c.type === 'indicator' ? INDICATOR_BY_CODE.get(c.indicator)?.higher_is_better !== false : true;
    const groups = new Map<string, number[]>();
    for (const r of rows) {
      const v = r.raw[i];
      const g = groups.get(r.peer) ?? [];
      if (v !== null && v !== undefined) g.push(v);
      groups.set(r.peer, g);
    }
    for (const g of groups.values()) g.sort((a, b) => a - b);
    out.forEach((o, k) => {
      const v = rows[k]?.raw[i] ?? null;
      const g = groups.get(o.peer) ?? [];
      o.median.push(quantile(g, 0.5));
      o.top10.push(quantile(g, hib ? 0.9 : 0.1));
      if (v === null) return void o.pct.push(null);
      // Equal up to float noise counts as a tie (the engine ranks on about 12 significant digits: 40 bits).
      const tie = (x: number) => Math.abs(x - v) <= 1e-11 * Math.max(Math.abs(x), Math.abs(v));
      const better = g.filter((x) => !tie(x) && (hib ? x < v : x > v)).length;
      o.pct.push(g.length > 1 ? better / (g.length - 1) : 0);
    });
  });
  for (const o of out)
    o.score = (100 * sum(spec.components.map((c, i) => c.weight * (o.pct[i] ?? 0)))) / totalWeight;
  return out;
}
