/**
 * Row-level SQL for pivot dimensions: the grouping key and, where it differs from the key, the display
 * label, over `model_dim` (alias m) or `facts` (alias f); and the geographic dimensions over `units` (u).
 * Keys are VARCHAR so the topN "Others" key fits every dimension.
 */
import { PIVOT_OTHERS } from '../../../shared/pivot-spec';
import type { Dimension, Grain } from '../../../shared/specs';
import { raw, type Sql } from '../db/sql';
import { enumType } from '../workspace/derived';
import type { Part } from './pivot-plan';

/** The Others key as an SQL literal (an engine constant, not user text). */
export const OTHERS = raw(`'${PIVOT_OTHERS}'`);

/** Alias of the indicators table joined to `facts` when the indicator dimension is used. */
export const INDICATOR_ALIAS = 'ind';

/**
 * Grouping key of `d` on a row of part `part`. Period and indicator exist only on facts (and the cubes,
 * `cube`, whose period keys are precomputed columns).
 */
export function keySql(d: Dimension, part: Part, grain: Grain, cube = false): Sql {
  switch (d) {
    case 'unit':
      return raw(`${part}.unit_code`);
    case 'period':
      // `grain` is a validated enum value, never user text.
      if (cube) return raw(`${part}.${grain}_key`);
      return raw(`strftime(date_trunc('${grain}', ${part}.period_start), '%Y-%m-%d')`);
    case 'indicator':
      return raw(`${part}.indicator_code`);
    case 'province':
    case 'unit_type':
    case 'field':
    case 'sponsor':
    case 'status':
    case 'recognition':
    case 'start_year':
      return raw(`${part}.${d}`);
  }
}

/** The row-level label of `d` when it differs from the key (unit name, indicator name); else null. */
export function labelSql(d: Dimension, part: Part): Sql | null {
  if (d === 'unit') return raw(`${part}.unit_name`);
  if (d === 'indicator') return raw(`${INDICATOR_ALIAS}.name_vi`);
  return null;
}

/** True for dimensions that partition units (their denominators come from the `units` table). */
export function isGeo(d: Dimension): boolean {
  return d === 'unit' || d === 'unit_type' || d === 'province';
}

/** The column of `units` (alias u) that a geographic dimension groups by; the same key as on models. */
export function unitColumnSql(d: Dimension): Sql {
  if (d === 'unit') return raw('u.code');
  if (d === 'unit_type') return raw('u.type');
  if (d === 'province') return raw('u.province');
  throw new Error(`not a geographic dimension: ${d}`);
}

/**
 * The ENUM types (workspace/derived.ts) that hold every key and every label of `d`, or null (period,
 * indicator). The result casts keys and labels to them so they read out as codes plus a dictionary, and
 * sorts labels by the cast (collation order, no sort key per row).
 */
export function enumTypes(d: Dimension): { key: Sql; label: Sql } | null {
  if (d === 'unit') return { key: raw(enumType('unit_code')), label: raw(enumType('unit_name')) };
  if (d === 'period' || d === 'indicator') return null;
  const t = raw(enumType(d));
  return { key: t, label: t };
}
