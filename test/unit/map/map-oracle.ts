/**
 * An independent computation of the map layers in plain JS from the raw tables (units, models,
 * indicator_values, indicators — never the engine's `facts` or `model_dim`), following DATA.md and the
 * MapSpec documentation: the reference the engine's answers are compared with.
 */
import type { MapMeasure, MapSpec } from '../../../shared/map-spec';
import type { Filter } from '../../../shared/specs';
import { foldVi } from '../../../shared/text';
import type { Workspace } from '../../../electron/engine/workspace/workspace';

interface Unit {
  code: string;
  name: string;
  type: string | null;
  province: string | null;
  population: number | null;
  area: number | null;
}

interface Model {
  id: string;
  name: string;
  unit: string | null;
  unitType: string | null;
  province: string | null;
  field: string | null;
  sponsor: string | null;
  status: string | null;
  recognition: string | null;
  lat: number | null;
  lon: number | null;
  from: string | null;
  search: string;
}

interface Value {
  model: Model;
  period: string;
  indicator: string;
  value: number | null;
  weight: number | null;
}

export interface MapRaw {
  units: Unit[];
  models: Model[];
  /** Values of the indicators asked for at load. */
  values: Value[];
  /** Periods ('YYYY-MM-DD') each model reported any value in. */
  periods: Map<string, Set<string>>;
  /** First and last period of any value. */
  minPeriod: string;
  maxPeriod: string;
  agg: Map<string, string>;
}

/** Read the raw tables; values only for `indicators` (and their weights). */
export async function loadMapRaw(ws: Workspace, indicators: string[]): Promise<MapRaw> {
  const units = await ws.rows<Unit>(
    'SELECT code, name, type, province, population, area_km2 AS area FROM units',
  );
  const unitBy = new Map(units.map((u) => [u.code, u]));
  const rawModels = await ws.rows<{
    model_id: string;
    name: string;
    unit_code: string | null;
    province: string | null;
    field: string | null;
    sponsor: string | null;
    status: string | null;
    recognition: string | null;
    lat: number | null;
    lon: number | null;
    replicated_from: string | null;
    search_text: string | null;
  }>(
    'SELECT model_id, name, unit_code, province, field, sponsor, status, recognition, lat, lon, replicated_from, search_text FROM models',
  );
  const models = rawModels.map((m): Model => {
    const u = m.unit_code ? unitBy.get(m.unit_code) : undefined;
    return {
      id: m.model_id,
      name: m.name,
      unit: m.unit_code,
      unitType: u?.type ?? null,
      province: u?.province ?? m.province,
      field: m.field,
      sponsor: m.sponsor,
      status: m.status,
      recognition: m.recognition,
      lat: m.lat,
      lon: m.lon,
      from: m.replicated_from,
      search: m.search_text ?? '',
    };
  });
  const byId = new Map(models.map((m) => [m.id, m]));
  const indRows = await ws.rows<{ code: string; aggregation: string; weight_by: string | null }>(
    'SELECT code, aggregation, weight_by FROM indicators',
  );
  const agg = new Map(indRows.map((i) => [i.code, i.aggregation]));
  const weightBy = new Map(indRows.map((i) => [i.code, i.weight_by]));
  const wanted = [...new Set(indicators.flatMap((i) => [i, weightBy.get(i) ?? i]))];
  const rows = await ws.rows<{ model_id: string; period: string; code: string; value: number | null }>(
    `SELECT model_id, CAST(period_start AS VARCHAR) AS period, indicator_code AS code, value
     FROM indicator_values WHERE indicator_code IN (${wanted.map((w) => `'${w}'`).join(', ')})`,
  );
  const cell = new Map(rows.map((r) => [`${r.model_id}|${r.period}|${r.code}`, r.value]));
  const values: Value[] = [];
  for (const r of rows) {
    const model = byId.get(r.model_id);
    if (!model || !indicators.includes(r.code)) continue;
    const wb = weightBy.get(r.code);
    values.push({
      model,
      period: r.period,
      indicator: r.code,
      value: r.value,
      weight: wb ? (cell.get(`${r.model_id}|${r.period}|${wb}`) ?? null) : null,
    });
  }
  const periods = new Map<string, Set<string>>();
  let minPeriod = '9999';
  let maxPeriod = '0000';
  for (const r of await ws.rows<{ model_id: string; period: string }>(
    'SELECT DISTINCT model_id, CAST(period_start AS VARCHAR) AS period FROM indicator_values',
  )) {
    if (!byId.has(r.model_id)) continue;
    let s = periods.get(r.model_id);
    if (!s) periods.set(r.model_id, (s = new Set()));
    s.add(r.period);
    if (r.period < minPeriod) minPeriod = r.period;
    if (r.period > maxPeriod) maxPeriod = r.period;
  }
  return { units, models, values, periods, minPeriod, maxPeriod, agg };
}

const inList = (list: string[] | undefined, v: string | null) =>
  !list?.length || (v !== null && list.includes(v));

const lastDay = (ym: string) => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

function inPeriod(f: Filter | undefined, period: string): boolean {
  if (f?.period?.from && period < `${f.period.from}-01`) return false;
  if (f?.period?.to && period > lastDay(f.period.to)) return false;
  return true;
}

/** The filter on a model's own attributes (no period). */
function modelMatches(f: Filter | undefined, m: Model): boolean {
  if (!f) return true;
  const tokens = foldVi(f.search ?? '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return (
    inList(f.provinces, m.province) &&
    inList(f.units, m.unit) &&
    inList(f.unitTypes, m.unitType) &&
    inList(f.fields, m.field) &&
    inList(f.sponsors, m.sponsor) &&
    inList(f.statuses, m.status) &&
    inList(f.recognitions, m.recognition) &&
    inList(f.modelIds, m.id) &&
    tokens.every((t) => m.search.includes(t))
  );
}

/** A model counted by model-level measures: its attributes match and it reported in the period. */
function modelCounted(raw: MapRaw, f: Filter | undefined, m: Model): boolean {
  if (!modelMatches(f, m)) return false;
  if (!f?.period?.from && !f?.period?.to) return true;
  return [...(raw.periods.get(m.id) ?? [])].some((p) => inPeriod(f, p));
}

function scope(raw: MapRaw, f: Filter | undefined): Unit[] {
  return raw.units
    .filter(
      (u) => inList(f?.provinces, u.province) && inList(f?.units, u.code) && inList(f?.unitTypes, u.type),
    )
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Catalogue aggregation of values; null when there is nothing to aggregate. */
function aggregate(kind: string, vals: Value[]): number | null {
  const xs = vals.filter((v) => v.value !== null);
  if (xs.length === 0) return null;
  const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
  const mean = () => sum(xs.map((v) => v.value as number)) / xs.length;
  if (kind === 'sum') return sum(xs.map((v) => v.value as number));
  if (kind === 'mean') return mean();
  if (kind === 'weighted_mean') {
    const w = xs.filter((v) => v.weight !== null && v.weight > 0);
    const sw = sum(w.map((v) => v.weight as number));
    return sw > 0 ? sum(w.map((v) => (v.value as number) * (v.weight as number))) / sw : mean();
  }
  throw new Error(`oracle: aggregation ${kind}`);
}

export interface UnitRow {
  unit_code: string;
  unit_name: string;
  models: number;
  value: number | null;
}

/** The units layer. */
export function oracleUnits(raw: MapRaw, spec: MapSpec): UnitRow[] {
  const f = spec.filter;
  const m: MapMeasure = spec.measure ?? { type: 'count_models' };
  const counted = raw.models.filter((x) => modelCounted(raw, f, x));
  return scope(raw, f).map((u) => {
    const mine = counted.filter((x) => x.unit === u.code);
    let value: number | null;
    let additive = true;
    if (m.type === 'count_models') value = mine.length;
    else if (m.type === 'count_field') value = mine.filter((x) => x.field === m.field).length;
    else if (m.type === 'indicator') {
      const kind = raw.agg.get(m.indicator) ?? 'sum';
      additive = kind === 'sum';
      value = aggregate(
        kind,
        raw.values.filter(
          (v) =>
            v.indicator === m.indicator &&
            v.model.unit === u.code &&
            modelMatches(f, v.model) &&
            inPeriod(f, v.period),
        ),
      );
    } else {
      const kind = raw.agg.get(m.indicator) ?? 'sum';
      additive = false;
      const y0 = f?.period?.from?.slice(0, 4) ?? raw.minPeriod.slice(0, 4);
      const y1 = f?.period?.to?.slice(0, 4) ?? raw.maxPeriod.slice(0, 4);
      const year = (y: string) =>
        aggregate(
          kind,
          raw.values.filter(
            (v) =>
              v.indicator === m.indicator &&
              v.model.unit === u.code &&
              modelMatches(f, v.model) &&
              v.period.startsWith(y),
          ),
        );
      const a = year(y0);
      const b = year(y1);
      value = a === null || b === null || a === 0 ? null : ((b - a) / Math.abs(a)) * 100;
    }
    const per = 'per' in m ? (m.per ?? 'none') : 'none';
    if (per !== 'none' && additive && value !== null) {
      const d = per === 'per10k' ? u.population : u.area;
      value = d ? (per === 'per10k' ? (value / d) * 10000 : value / d) : null;
    }
    return { unit_code: u.code, unit_name: u.name, models: mine.length, value };
  });
}

/** The points layer: [model_id, lon, lat, key]. */
export function oraclePoints(raw: MapRaw, spec: MapSpec): [string, number, number, string | null][] {
  const by = spec.colorBy ?? 'field';
  return raw.models
    .filter((m) => modelCounted(raw, spec.filter, m) && m.lat !== null && m.lon !== null)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((m) => [m.id, m.lon as number, m.lat as number, m[by]]);
}

/** The replication layer: 'from>to' → replicas. */
export function oracleReplication(raw: MapRaw, spec: MapSpec): Map<string, number> {
  const byId = new Map(raw.models.map((m) => [m.id, m]));
  const out = new Map<string, number>();
  for (const m of raw.models) {
    if (!m.from || !modelCounted(raw, spec.filter, m)) continue;
    if (spec.origin && m.from !== spec.origin) continue;
    if (spec.field && m.field !== spec.field) continue;
    const o = byId.get(m.from);
    if (!o?.unit || !m.unit) continue;
    const k = `${o.unit}>${m.unit}`;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** The gaps layer: unit code → models of the field. */
export function oracleGaps(raw: MapRaw, spec: MapSpec): Map<string, number> {
  const counted = raw.models.filter((m) => modelCounted(raw, spec.filter, m) && m.field === spec.field);
  return new Map(
    scope(raw, spec.filter).map((u) => [u.code, counted.filter((m) => m.unit === u.code).length]),
  );
}
