/** KPI figures read from the Overview's result tables (columns m0…m4 of kpiSpec, key/m0 of statusSpec). */
import type { Table } from 'apache-arrow';
import { ACTIVE_STATUS } from './overview-specs';

/** The six figures of the KPI tiles; null where the result has no value. */
export interface KpiValues {
  models: number | null;
  active: number | null;
  units: number | null;
  funds: number | null;
  beneficiaries: number | null;
  households: number | null;
}

const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null;

/** Read the KPI row; `status` may still be loading (null). */
export function readKpis(kpi: Table | null, status: Table | null): Partial<KpiValues> {
  const out: Partial<KpiValues> = {};
  if (kpi && kpi.numRows > 0) {
    const cell = (col: string) => num(kpi.getChild(col)?.get(0));
    out.models = cell('m0') ?? 0;
    out.units = cell('m1') ?? 0;
    out.funds = cell('m2');
    out.beneficiaries = cell('m3');
    out.households = cell('m4');
  } else if (kpi) {
    out.models = 0;
    out.units = 0;
  }
  if (status) {
    const keys = status.getChild('key');
    const counts = status.getChild('m0');
    let active = 0;
    for (let i = 0; i < status.numRows; i++)
      if (keys?.get(i) === ACTIVE_STATUS) active = num(counts?.get(i)) ?? 0;
    out.active = active;
  }
  return out;
}
