/**
 * Drill-through: the global filter that lists the models behind a pivot cell. Each of the cell's keys
 * narrows the filter on its dimension (province, unit, unit type, field, sponsor, status, recognition,
 * start year; an indicator key keeps the models that reported that indicator — in the period filter, as
 * the cell counts them; a period key becomes a month range intersected with the current one). Others
 * and missing keys have no filter that expresses them, so such a cell cannot be drilled.
 */
import { PIVOT_OTHERS, type PivotSpec } from '../../../../shared/pivot-spec';
import type { Dimension, Filter, Grain } from '../../../../shared/specs';
import type { ListKey } from '../../state/filter-model';

const LIST_OF: Partial<Record<Dimension, ListKey>> = {
  province: 'provinces',
  unit: 'units',
  unit_type: 'unitTypes',
  field: 'fields',
  sponsor: 'sponsors',
  status: 'statuses',
  recognition: 'recognitions',
  start_year: 'startYears',
  indicator: 'indicators',
};

const MONTHS: Readonly<Record<Grain, number>> = { month: 1, quarter: 3, year: 12 };

/** 'YYYY-MM' of an ISO period start plus `add` months. */
function month(iso: string, add = 0): string | null {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) return null;
  const total = Number(m[1]) * 12 + Number(m[2]) - 1 + add;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** One key of a cell: its dimension and value (null = missing). */
export interface CellKey {
  dim: Dimension;
  key: string | null;
}

/** The keys of a cell from its row and column keys (rolled-up positions are left out by the caller). */
export function cellKeys(
  spec: PivotSpec,
  rowKeys: (string | null)[],
  rowLevel: number,
  colKeys: (string | null)[],
  colLevel: number,
): CellKey[] {
  const out: CellKey[] = [];
  spec.rows.slice(0, rowLevel).forEach((dim, i) => out.push({ dim, key: rowKeys[i] ?? null }));
  spec.columns.slice(0, colLevel).forEach((dim, i) => out.push({ dim, key: colKeys[i] ?? null }));
  return out;
}

/** The filter listing the models of a cell, or null when a key (Others, missing) cannot be expressed. */
export function drillFilter(filter: Filter, keys: readonly CellKey[], grain: Grain = 'month'): Filter | null {
  const next: Filter = { ...filter };
  for (const { dim, key } of keys) {
    if (key === null || key === PIVOT_OTHERS) return null;
    const list = LIST_OF[dim];
    if (list) next[list] = [key];
    else if (dim === 'period') {
      const from = month(key);
      const to = month(key, MONTHS[grain] - 1);
      if (!from || !to) return null;
      const curFrom = filter.period?.from;
      const curTo = filter.period?.to;
      next.period = {
        from: curFrom && curFrom > from ? curFrom : from,
        to: curTo && curTo < to ? curTo : to,
      };
    }
  }
  return next;
}
