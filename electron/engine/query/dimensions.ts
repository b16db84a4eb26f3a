/** SQL expressions for the dimensions of the shared Filter/spec model. */
import type { Dimension, Grain } from '../../../shared/specs';
import { raw, type Sql } from '../db/sql';

export interface DimensionSql {
  /** Grouping key (stable across locales). */
  key: Sql;
  /** Display label (Vietnamese names as stored). */
  label: Sql;
  /** True when the dimension lives on indicator values rather than models. */
  valueLevel: boolean;
}

const periodTrunc: Record<Grain, string> = { month: 'month', quarter: 'quarter', year: 'year' };

/** The key and label expressions of a dimension; `grain` applies to `period`. */
export function dimensionSql(d: Dimension, grain: Grain = 'month'): DimensionSql {
  switch (d) {
    case 'province':
      return { key: raw('coalesce(u.province, m.province)'), label: raw('coalesce(u.province, m.province)'), valueLevel: false };
    case 'unit':
      return { key: raw('m.unit_code'), label: raw('any_value(coalesce(u.name, m.unit_name, m.unit_code))'), valueLevel: false };
    case 'unit_type':
      return { key: raw('u.type'), label: raw('u.type'), valueLevel: false };
    case 'field':
      return { key: raw('m.field'), label: raw('m.field'), valueLevel: false };
    case 'sponsor':
      return { key: raw('m.sponsor'), label: raw('m.sponsor'), valueLevel: false };
    case 'status':
      return { key: raw('m.status'), label: raw('m.status'), valueLevel: false };
    case 'recognition':
      return { key: raw('m.recognition'), label: raw('m.recognition'), valueLevel: false };
    case 'start_year':
      return {
        key: raw('CAST(year(m.start_date) AS VARCHAR)'),
        label: raw('CAST(year(m.start_date) AS VARCHAR)'),
        valueLevel: false,
      };
    case 'period': {
      const k = raw(`strftime(date_trunc('${periodTrunc[grain]}', v.period_start), '%Y-%m-%d')`);
      return { key: k, label: k, valueLevel: true };
    }
    case 'indicator':
      return { key: raw('v.indicator_code'), label: raw('any_value(i.name_vi)'), valueLevel: true };
  }
}
