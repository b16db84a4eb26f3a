/**
 * The raw tables (models, units, indicator_values, indicators) read with hand-written SQL — never the
 * engine's `facts` or `model_dim` — into plain JS records for the reference pivot in oracle.ts. A model's
 * unit attributes are resolved here the way DATA.md defines them: the registered unit's name, type and
 * province, else what the model row says.
 */
import type { Workspace } from '../../../electron/engine/workspace/workspace';

export interface UnitRec {
  code: string;
  type: string | null;
  province: string | null;
  population: number | null;
  area: number | null;
}

export interface ModelRec {
  id: string;
  unit: string | null;
  unitLabel: string | null;
  unit_type: string | null;
  province: string | null;
  field: string | null;
  sponsor: string | null;
  status: string | null;
  recognition: string | null;
  start_year: string | null;
  /** 'YYYY-MM-DD' or null. */
  start: string | null;
  search: string;
}

export interface ValueRec {
  model: ModelRec;
  /** 'YYYY-MM-DD' (first of the month). */
  period: string;
  indicator: string;
  value: number | null;
  /** For weighted indicators: the weight indicator's value in the same model and month. */
  weight: number | null;
}

export interface IndicatorRec {
  code: string;
  name: string;
  aggregation: string;
  weightBy: string | null;
}

export interface RawData {
  units: UnitRec[];
  models: ModelRec[];
  values: ValueRec[];
  indicators: Map<string, IndicatorRec>;
}

/** Read every raw table once. */
export async function loadRaw(ws: Workspace): Promise<RawData> {
  const units = await ws.rows<UnitRec>(
    'SELECT code, type, province, population, area_km2 AS area FROM units ORDER BY code',
  );
  const byCode = new Map(units.map((u) => [u.code, u]));
  const unitNames = new Map(
    (await ws.rows<{ code: string; name: string }>('SELECT code, name FROM units')).map((u) => [
      u.code,
      u.name,
    ]),
  );
  const rawModels = await ws.rows<{
    model_id: string;
    unit_code: string | null;
    unit_name: string | null;
    province: string | null;
    field: string | null;
    sponsor: string | null;
    status: string | null;
    recognition: string | null;
    start: string | null;
    search_text: string | null;
  }>(`SELECT model_id, unit_code, unit_name, province, field, sponsor, status, recognition,
        CAST(start_date AS VARCHAR) AS start, search_text FROM models`);
  const models = rawModels.map((m): ModelRec => {
    const u = m.unit_code === null ? undefined : byCode.get(m.unit_code);
    return {
      id: m.model_id,
      unit: m.unit_code,
      unitLabel:
        (m.unit_code !== null ? unitNames.get(m.unit_code) : undefined) ?? m.unit_name ?? m.unit_code,
      unit_type: u?.type ?? null,
      province: u?.province ?? m.province,
      field: m.field,
      sponsor: m.sponsor,
      status: m.status,
      recognition: m.recognition,
      start_year: m.start ? m.start.slice(0, 4) : null,
      start: m.start,
      search: m.search_text ?? '',
    };
  });
  const modelById = new Map(models.map((m) => [m.id, m]));
  const indicators = new Map(
    (
      await ws.rows<IndicatorRec>(
        'SELECT code, name_vi AS name, aggregation, weight_by AS "weightBy" FROM indicators',
      )
    ).map((i) => [i.code, i]),
  );
  const rawValues = await ws.rows<{
    model_id: string;
    period: string;
    indicator_code: string;
    value: number | null;
  }>('SELECT model_id, CAST(period_start AS VARCHAR) AS period, indicator_code, value FROM indicator_values');
  const byCell = new Map(rawValues.map((v) => [`${v.model_id}|${v.period}|${v.indicator_code}`, v.value]));
  const values: ValueRec[] = [];
  for (const v of rawValues) {
    const model = modelById.get(v.model_id);
    if (!model) continue; // values of unknown models are not analysed
    const weightBy = indicators.get(v.indicator_code)?.weightBy ?? null;
    const weight = weightBy ? (byCell.get(`${v.model_id}|${v.period}|${weightBy}`) ?? null) : null;
    values.push({ model, period: v.period, indicator: v.indicator_code, value: v.value, weight });
  }
  return { units, models, values, indicators };
}
