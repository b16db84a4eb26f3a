/**
 * The measures of the map's units layer, one compiler per `MapMeasure` type (`MAP_MEASURES`). Each
 * compiler returns a relation keyed by `unit_code` (joined to the units in scope as alias `x`) and the
 * expression of the unit's value over it; `map-compile.ts` adds the units with no row, applies the rate
 * (`per`) and names the columns. Adding a measure (the ranking's composite score, say) means adding its
 * schema to `MAP_MEASURE_SCHEMAS` in shared/map-spec.ts and its compiler here: the type checker asks for
 * both. The indicator measures read the table the planner picks for them (planner.ts mapFactNeed): the
 * unit cube whenever it answers exactly (composable aggregation, a filter it keeps), else `facts`.
 */
import type { MapMeasure, MapMeasureType, MapSpec } from '../../../shared/map-spec';
import { AtlasError } from '../../../shared/errors';
import type { Filter } from '../../../shared/specs';
import { and, raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';
import { dimConditions, periodConditions } from './filter';
import { effectiveAgg, indicatorAggregate } from './measures';
import { planFacts, unitIndicatorNeed, type FactSource } from './planner';

/** What a measure compiler gets. */
export interface MapMeasureContext {
  filter: Filter | undefined;
  catalog: CatalogCache;
}

/** A compiled measure. */
export interface MapMeasureSql {
  /** SELECT with a `unit_code` column and whatever `value` and `extra` read (alias `x`). */
  relation: Sql;
  /** The unit's value, over `x` (NULL when the unit has no row in `relation`). */
  value: Sql;
  /** True when a unit with no row has the value 0 (counts), false when it has no data (NULL). */
  zeroWhenAbsent: boolean;
  /** True when the value is a sum or a count, so a rate of it (`per`) means something. */
  additive: boolean;
  /** Extra output columns (`expr AS name`, over `x` and `join`). */
  extra: Sql[];
  /** A relation every row needs (cross-joined), for `extra`. */
  join?: Sql;
}

type Compiler<T extends MapMeasureType> = (
  m: Extract<MapMeasure, { type: T }>,
  ctx: MapMeasureContext,
) => MapMeasureSql;

/** Filtered models per unit, counting only rows where `cond` holds. */
function modelCount(ctx: MapMeasureContext, cond: Sql): Sql {
  const where = and(dimConditions(ctx.filter, 'm', { activeInPeriod: true }));
  return sql`SELECT m.unit_code, count(*) FILTER (WHERE ${cond}) AS v FROM model_dim m WHERE ${where} GROUP BY m.unit_code`;
}

/**
 * The table an indicator's values per unit are read from (alias f): `facts` or the smallest cube keeping
 * the unit that answers the aggregation and the filter exactly.
 */
function unitSource(
  m: Extract<MapMeasure, { type: 'indicator' | 'growth' }>,
  ctx: MapMeasureContext,
): FactSource {
  return planFacts(unitIndicatorNeed(m, ctx.filter), ctx.catalog);
}

/** Facts conditions of the filter (its period included unless `withPeriod` is false). */
function factConditions(ctx: MapMeasureContext, indicator: string, withPeriod = true): Sql[] {
  return [
    ...dimConditions(ctx.filter, 'f'),
    ...(withPeriod ? periodConditions(ctx.filter) : []),
    sql`f.indicator_code = ${indicator}`,
  ];
}

const countModels: Compiler<'count_models'> = (_m, ctx) => ({
  relation: modelCount(ctx, raw('TRUE')),
  value: raw('x.v'),
  zeroWhenAbsent: true,
  additive: true,
  extra: [],
});

const countField: Compiler<'count_field'> = (m, ctx) => ({
  relation: modelCount(ctx, sql`m.field = ${m.field}`),
  value: raw('x.v'),
  zeroWhenAbsent: true,
  additive: true,
  extra: [],
});

const indicator: Compiler<'indicator'> = (m, ctx) => {
  const agg = effectiveAgg(m, ctx.catalog);
  const src = unitSource(m, ctx);
  return {
    relation: sql`SELECT f.unit_code, ${indicatorAggregate(m, ctx.catalog, src.cube)} AS v FROM ${raw(src.table)} f
      WHERE ${and(factConditions(ctx, m.indicator))} GROUP BY f.unit_code`,
    value: raw('x.v'),
    zeroWhenAbsent: false,
    additive: agg === 'sum',
    extra: [],
  };
};

/** The calendar year of a 'YYYY-MM' bound, or null. */
const yearOf = (ym: string | undefined) => (ym ? Number(ym.slice(0, 4)) : null);

const growth: Compiler<'growth'> = (m, ctx) => {
  const fromYear = yearOf(ctx.filter?.period?.from);
  const toYear = yearOf(ctx.filter?.period?.to);
  if (fromYear !== null && fromYear === toYear)
    throw new AtlasError('SPEC_INVALID', 'Growth needs a period spanning two calendar years', {
      period: ctx.filter?.period,
    });
  const src = unitSource(m, ctx);
  // Open bounds fall back to the first and last year with any data, over the whole workspace (the same
  // years for every unit, so units compare). A cube holds every value's month, so the same years.
  const years = sql`SELECT CAST(coalesce(CAST(${fromYear} AS INTEGER), year(min(period_start))) AS INTEGER) AS y0,
    CAST(coalesce(CAST(${toYear} AS INTEGER), year(max(period_start))) AS INTEGER) AS y1 FROM ${raw(src.table)}`;
  const asIndicator = {
    type: 'indicator' as const,
    indicator: m.indicator,
    ...(m.agg ? { agg: m.agg } : {}),
  };
  const perYear = sql`SELECT f.unit_code, CAST(year(f.period_start) AS INTEGER) AS yr, ${indicatorAggregate(asIndicator, ctx.catalog, src.cube)} AS v
    FROM ${raw(src.table)} f WHERE ${and(factConditions(ctx, m.indicator, false))}
      AND year(f.period_start) IN (SELECT y0 FROM (${years}) b UNION ALL SELECT y1 FROM (${years}) b)
    GROUP BY f.unit_code, yr`;
  return {
    relation: sql`SELECT p.unit_code,
        max(p.v) FILTER (WHERE p.yr = b.y0) AS v0, max(p.v) FILTER (WHERE p.yr = b.y1) AS v1
      FROM (${perYear}) p CROSS JOIN (${years}) b WHERE b.y0 < b.y1 GROUP BY p.unit_code`,
    value: raw('(x.v1 - x.v0) / nullif(abs(x.v0), 0) * 100'),
    zeroWhenAbsent: false,
    additive: false,
    extra: [
      raw('CAST(x.v0 AS DOUBLE) AS value_first'),
      raw('CAST(x.v1 AS DOUBLE) AS value_last'),
      raw('CAST(yrs.y0 AS INTEGER) AS year_first'),
      raw('CAST(yrs.y1 AS INTEGER) AS year_last'),
    ],
    join: sql`CROSS JOIN (${years}) yrs`,
  };
};

/** The compilers, one per measure type. */
export const MAP_MEASURES: { [T in MapMeasureType]: Compiler<T> } = {
  count_models: countModels,
  count_field: countField,
  indicator,
  growth,
};

/** Compile the units layer's measure. */
export function compileMapMeasure(m: MapMeasure, ctx: MapMeasureContext): MapMeasureSql {
  const compiler = MAP_MEASURES[m.type] as Compiler<typeof m.type>;
  return compiler(m as never, ctx);
}

/** The measure of a spec (default: count of models). */
export function specMeasure(spec: MapSpec): MapMeasure {
  return spec.measure ?? { type: 'count_models' };
}
