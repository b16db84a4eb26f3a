/** SQL expressions for the dimensions of the spec model, over `model_dim` (m) or `facts` (f). */
import type { Dimension, Grain } from '../../../shared/specs';
import { raw, type Sql } from '../db/sql';

export interface DimensionSql {
  /** Grouping key (stable across locales). */
  key: Sql;
  /** Display label (an aggregate over the group, e.g. the unit's name). */
  label: Sql;
  /** True when the dimension exists only on values (period, indicator). */
  valueLevel: boolean;
}

const plain = (alias: string, col: string): DimensionSql => ({
  key: raw(`${alias}.${col}`),
  label: raw(`any_value(${alias}.${col})`),
  valueLevel: false,
});

/**
 * The key and label of a dimension on table alias `alias`; `grain` applies to `period`. With `cube` the
 * alias f is a cube, whose period keys are precomputed columns.
 */
export function dimensionSql(
  d: Dimension,
  alias: 'm' | 'f',
  grain: Grain = 'month',
  cube = false,
): DimensionSql {
  switch (d) {
    case 'unit':
      return {
        key: raw(`${alias}.unit_code`),
        label: raw(`any_value(${alias}.unit_name)`),
        valueLevel: false,
      };
    case 'unit_type':
      return plain(alias, 'unit_type');
    case 'start_year':
      return plain(alias, 'start_year');
    case 'province':
    case 'field':
    case 'sponsor':
    case 'status':
    case 'recognition':
      return plain(alias, d);
    case 'period': {
      if (cube)
        return { key: raw(`f.${grain}_key`), label: raw(`any_value(f.${grain}_key)`), valueLevel: true };
      const k = raw(`strftime(date_trunc('${grain}', f.period_start), '%Y-%m-%d')`);
      return { key: k, label: raw(`any_value(${k.parts[0]})`), valueLevel: true };
    }
    case 'indicator':
      return {
        key: raw('f.indicator_code'),
        label: raw('any_value((SELECT i.name_vi FROM indicators i WHERE i.code = f.indicator_code))'),
        valueLevel: true,
      };
  }
}
