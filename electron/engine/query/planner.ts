/**
 * The planner: which table answers the value-level part of a spec. `facts` holds one row per value; the
 * cubes (workspace/derived.ts CUBES) hold the same values pre-aggregated per indicator × month × a few
 * dimensions, as additive partials only (sum, count, min, max, weighted sums). A cube can answer a spec
 * EXACTLY when every dimension it groups or filters by is a cube column (period and indicator always are),
 * nothing asks for individual models (search, model ids, distinct counts of models) and every measure
 * composes from the partials: sums (Σs), means (Σs ÷ Σc: the mean of all underlying values, never a mean
 * of means), weighted means (Σ(v·w) ÷ Σw with the same fallback to the plain mean), min, max, and distinct
 * counts of units where the cube keeps the unit. Medians never compose. Among the cubes that can, the one
 * with the fewest rows wins; otherwise `facts`.
 *
 * Period filters are month-granular ('YYYY-MM' bounds) and every month cube keeps the month, so they are
 * exact. A year cube (one row per year) answers only specs grouped by year or not by period, under a period
 * of whole years or none (yearGrainOk): the map per unit, pivots by unit and year, the top units.
 * Aggregates, pivots, series (planSeries, which adds the series' own limits and answers year-grain series
 * from the per-model cube) and the map's indicator measures (mapFactNeed) all plan here, so `explainSpec`
 * reports what each reads and switching the cubes off (CatalogCache `cubes: false`, DVK_CUBES=off) sends
 * every one of them to `facts`.
 */
import type { MapSpec } from '../../../shared/map-spec';
import type { PivotSpec } from '../../../shared/pivot-spec';
import type { SeriesSpec } from '../../../shared/series-spec';
import type { AggregateSpec, Dimension, Filter, Measure, Spec } from '../../../shared/specs';
import type { CatalogCache } from './catalog-cache';
import { ENUM_COLUMNS, MODEL_CUBE } from '../workspace/derived';
import { wholeYears } from './filter';
import { effectiveAgg } from './measures';

/** The table the value part reads (alias f), and whether it holds cube partials instead of values. */
export interface FactSource {
  table: string;
  cube: boolean;
  /** Dimension columns of the table (all of them for facts). */
  columns: ReadonlySet<string>;
}

/** A cube present in the workspace. */
export interface CubeInfo {
  name: string;
  dims: readonly string[];
  rows: number;
  /** 'year': one row per year (workspace/derived.ts CubeDef.grain); else one per month. */
  grain?: 'year';
}

/** Every dimension column of `facts`: it stores each ENUM column of the model dimensions (derived.ts). */
const FACT_COLUMNS: ReadonlySet<string> = new Set(ENUM_COLUMNS);

export const FACTS: FactSource = { table: 'facts', cube: false, columns: FACT_COLUMNS };

/** What the value part of a spec reads: grouping dimensions, filter and measures. */
export interface FactNeed {
  dims: readonly Dimension[];
  filter: Filter | undefined;
  measures: readonly Measure[];
  /** The period grain it groups by (a period dimension, or a series' months); absent: not by period. */
  grain?: 'month' | 'quarter' | 'year';
}

/**
 * Whether a year cube answers `need`: it groups by year or not by period, and its period filter (if any) is
 * of whole years, so every value of a cube row is in or out as a whole.
 */
function yearGrainOk(need: FactNeed): boolean {
  return (need.grain === undefined || need.grain === 'year') && wholeYears(need.filter?.period) !== null;
}

/** Columns a grouping dimension reads (period and indicator are in every cube). */
function dimColumns(d: Dimension): string[] {
  switch (d) {
    case 'unit':
      return ['unit_code', 'unit_name'];
    case 'period':
    case 'indicator':
      return [];
    default:
      return [d];
  }
}

/** Columns the filter reads, or null when no cube can answer it (individual models, start years). */
function filterColumns(f: Filter | undefined): string[] | null {
  if (!f) return [];
  // Cubes keep no model id (search, model ids and the indicators semi-join need it) and no start year.
  if (f.search?.trim() || f.modelIds?.length || f.startYears?.length || f.indicators?.length) return null;
  const c: string[] = [];
  if (f.provinces?.length) c.push('province');
  if (f.units?.length) c.push('unit_code');
  if (f.unitTypes?.length) c.push('unit_type');
  if (f.fields?.length) c.push('field');
  if (f.sponsors?.length) c.push('sponsor');
  if (f.statuses?.length) c.push('status');
  if (f.recognitions?.length) c.push('recognition');
  return c;
}

const COMPOSABLE = new Set(['sum', 'mean', 'weighted_mean', 'min', 'max']);

/** Columns a measure needs in a cube, or null when no cube answers it exactly. */
function measureColumns(m: Measure, catalog: CatalogCache): string[] | null {
  if (m.type === 'indicator') return COMPOSABLE.has(effectiveAgg(m, catalog)) ? [] : null;
  if (m.type === 'count_units') return ['unit_code'];
  return null;
}

/** The smallest table answering `need` exactly (see the module comment). */
export function planFacts(need: FactNeed, catalog: CatalogCache): FactSource {
  const cubes = catalog.cubes;
  if (!cubes.length) return FACTS;
  const cols = filterColumns(need.filter);
  if (!cols) return FACTS;
  for (const d of need.dims) cols.push(...dimColumns(d));
  for (const m of need.measures) {
    const c = measureColumns(m, catalog);
    if (!c) return FACTS;
    cols.push(...c);
  }
  const yearly = yearGrainOk(need);
  let best: CubeInfo | null = null;
  for (const c of cubes) {
    if (c.grain === 'year' && !yearly) continue;
    if (cols.every((x) => c.dims.includes(x)) && (!best || c.rows < best.rows)) best = c;
  }
  return best ? { table: best.name, cube: true, columns: new Set(best.dims) } : FACTS;
}

/** The value part of an aggregate spec (null when it has none). */
export function aggregateFactNeed(spec: AggregateSpec): FactNeed | null {
  const valueDim = spec.by === 'period' || spec.by === 'indicator';
  const measures = spec.measures.filter((m) => m.type === 'indicator' || valueDim);
  if (!measures.length) return null;
  const need: FactNeed = { dims: spec.by ? [spec.by] : [], filter: spec.filter, measures };
  if (spec.by === 'period') need.grain = spec.grain ?? 'month';
  return need;
}

/** The value part of a pivot spec (null when it has none). */
export function pivotFactNeed(spec: PivotSpec): FactNeed | null {
  const dims = [...spec.rows, ...spec.columns];
  const valueDim = dims.includes('period') || dims.includes('indicator');
  const measures = spec.values.map((v) => v.measure).filter((m) => m.type === 'indicator' || valueDim);
  if (!measures.length) return null;
  const need: FactNeed = { dims, filter: spec.filter, measures };
  if (dims.includes('period')) need.grain = spec.grain ?? 'month';
  return need;
}

/**
 * The per-model cube read per year (workspace/derived.ts MODEL_CUBE: per indicator × year × model, the
 * partials s, c, sw, swv), joined to `model_dim` on `model_key` for every model dimension. `cube`: it holds
 * partials, not values.
 */
export const MODEL_CUBE_SOURCE: FactSource = {
  table: MODEL_CUBE,
  cube: true,
  columns: new Set([...ENUM_COLUMNS, 'model_id']),
};

/**
 * The table a series spec (series-compile.ts) reads. A source answers it only where it can produce every
 * column exactly, `n` (distinct models with a value) included.
 *
 * At month grain a model has at most one value per indicator and month, so `n` is the count of values (the
 * cube's Σc); series per model (`modelIds`) and a split ranked by models need the models, which no month
 * cube keeps. Otherwise the split dimension, the filter and the catalogue aggregations decide as for any
 * spec (sponsor and status splits read `facts`).
 *
 * At year grain `n` counts models over twelve months: the per-model cube (MODEL_CUBE_SOURCE) has one row
 * per indicator, year and model, so `n` is its count of rows with a value (c > 0), and its partials give
 * every catalogue aggregate (sum, mean, weighted mean) of the year. Through `model_dim` it keeps every
 * model dimension, the model ids and the search text, so any split, `modelIds`, a ranking by models and
 * any filter read it — provided the period filter is of whole years (or absent): `n` under a period that
 * cuts a year needs the months of each model, which the cube summed away (`facts` then).
 *
 * At quarter grain `n` counts models over three months: no cube keeps a model's quarters (`facts`).
 */
export function planSeries(spec: SeriesSpec, catalog: CatalogCache): FactSource {
  const grain = spec.grain ?? 'month';
  if (grain === 'year')
    return catalog.modelCube && wholeYears(spec.filter?.period) ? MODEL_CUBE_SOURCE : FACTS;
  if (grain !== 'month' || spec.modelIds?.length || spec.split?.rankBy === 'models') return FACTS;
  const need: FactNeed = {
    dims: spec.split ? [spec.split.by] : [],
    filter: spec.filter,
    measures: spec.indicators.map((indicator) => ({ type: 'indicator', indicator })),
    grain: 'month',
  };
  return planFacts(need, catalog);
}

/**
 * The value part of a map spec (map-measures.ts): an indicator or its growth per unit, on the units layer
 * (null for counts of models and the other layers, which read `model_dim`). The growth's per-year
 * aggregates group by the year of `period_start`, which every cube keeps.
 */
export function mapFactNeed(spec: MapSpec): FactNeed | null {
  const m = spec.measure;
  if ((spec.layer ?? 'units') !== 'units' || (m?.type !== 'indicator' && m?.type !== 'growth')) return null;
  return unitIndicatorNeed(m, spec.filter);
}

/** An indicator aggregated per unit under a filter (the map's indicator and growth measures). */
export function unitIndicatorNeed(
  m: { indicator: string; agg?: Extract<Measure, { type: 'indicator' }>['agg'] },
  filter: Filter | undefined,
): FactNeed {
  return {
    dims: ['unit'],
    filter,
    measures: [{ type: 'indicator', indicator: m.indicator, ...(m.agg ? { agg: m.agg } : {}) }],
  };
}

/** What the planner chose for a spec: the table its value part reads, or null when it reads no values. */
export interface SpecPlan {
  facts: string | null;
}

/** Explain a spec's plan without running it (tests and `npm run bench` assert which table answers). */
export function explainSpec(spec: Spec, catalog: CatalogCache): SpecPlan {
  switch (spec.kind) {
    case 'series':
      return { facts: planSeries(spec, catalog).table };
    case 'field_band':
      // Medians of per-model aggregates: only `facts` keeps the models.
      return { facts: FACTS.table };
    default: {
      const need =
        spec.kind === 'aggregate'
          ? aggregateFactNeed(spec)
          : spec.kind === 'pivot'
            ? pivotFactNeed(spec)
            : spec.kind === 'map'
              ? mapFactNeed(spec)
              : null;
      return { facts: need ? planFacts(need, catalog).table : null };
    }
  }
}
