/**
 * Derived tables, rebuilt from the imported data inside every import transaction so they are always
 * consistent with it (their `derived_version` in meta equals `data_version`, their `derived_format` equals
 * `DERIVED_FORMAT`):
 * - `model_dim`: one row per model with its unit's attributes resolved (the model-level fact table),
 *   sorted by model_id (the list's default order; zone maps prune a model lookup), plus `model_key`, a
 *   small integer standing for the model (its rank in model_id order), and `name_order`, the name's rank in
 *   Vietnamese collation (the Models list sorts by it: an ICU sort key per row costs more than the page),
 *   and `years_mask`, the years it reported in as bits (YEARS_MASK_FIRST);
 * - `model_months`: the months (`ym`) in which each model (`model_key`) reported a value, sorted by month:
 *   the "model active in the period" filter reads a few hundred thousand integer pairs here instead of
 *   scanning every value in `facts`;
 * - `model_years`: per model (`model_key`) and year (`y`) with a value, its months reported and its first and
 *   last month (`ym`): a period of whole years (or none) reads a tenth of the rows of `model_months` — the
 *   "active in the period" filter and the ranking's months reported;
 * - `model_values`: indicator_values (model, period, indicator, value) sorted by model, for one model's
 *   detail (zone maps prune the scan to the model's row group);
 * - `facts`: one row per indicator value with every model dimension denormalised next to it and the
 *   weight for weighted-mean indicators, sorted by indicator and period (zone maps prune scans), plus an
 *   integer month key `ym` (year × 100 + month) so period filters and groupings need no date functions;
 * - the summary tables (cubes, see CUBES): `facts` pre-aggregated over a subset of the dimensions per
 *   month, holding only additive partials (sums, counts, min, max, weighted sums) so the planner
 *   (query/planner.ts) can answer a spec from them exactly;
 * - ENUM types `dvk_e_<column>` over the values of the low-cardinality model dimensions (plus the pivot's
 *   Others key), in Vietnamese collation order: a result column cast to one reads out as small integer
 *   codes plus one dictionary (db/arrow.ts) instead of a string per row — decoding each long string through
 *   the DuckDB client costs about 1.5 µs, most of a 4,000-row pivot's read-out — and sorting by the cast
 *   sorts in collation order without computing an ICU sort key per row. The tables keep plain VARCHAR
 *   columns (same names and semantics for every compiler).
 * Queries read these instead of joining models, units and values at query time.
 */
import { PIVOT_OTHERS } from '../../../shared/pivot-spec';
import type { Workspace } from './workspace';

/**
 * Format of the derived tables. Bump it whenever their shape changes: a workspace (or a cached test or
 * benchmark workspace) built with another format has its derived tables rebuilt on open.
 */
export const DERIVED_FORMAT = 11;

/**
 * `model_dim.years_mask`: bit (y − YEARS_MASK_FIRST) is set when the model reported a value in year y, for
 * the 64 years from YEARS_MASK_FIRST. A period of whole years inside that span keeps a model when its mask
 * meets the period's (query/filter.ts): one AND per model row instead of a semi-join on `model_years`.
 */
export const YEARS_MASK_FIRST = 2000;
export const YEARS_MASK_LAST = YEARS_MASK_FIRST + 63;

/** One summary table: its name and the dimension columns of `facts` it keeps (besides indicator and month). */
export interface CubeDef {
  name: string;
  dims: readonly string[];
  /** A finer cube it is rolled up from (its partials add up exactly), else `facts`. */
  from?: string;
  /**
   * 'year': one row per year instead of per month (rolled up from a month cube). It keeps `period_start`
   * (the year's first day) and `year_key` but no month or quarter key, so it answers only specs grouped by
   * year or not by period, under a period of whole years (query/planner.ts).
   */
  grain?: 'year';
}

/**
 * The cubes. Chosen from the spec mix: the Overview, the field×period pivots and any
 * filter on field/period read `cube_field` (~8k rows at scale 1, independent of the number of models);
 * per-unit maps and pivots, and geographic filters read `cube_unit` (the unit attributes are carried along:
 * they follow from the unit, so they cost no rows; ~250k rows at scale 1, bounded by units × fields × months
 * × indicators whatever the number of models); `cube_unit_year` is the same per year (~1/12 of the rows) for
 * the specs that group by year or not by period under whole years (the map, unit × year pivots, top units).
 * A cube over the other model attributes (sponsor, status,
 * recognition, start year) was measured at 230k rows at scale 1 — 5× smaller than `facts` but 0.4 s more
 * per import — and left out: those specs, and search, model ids, distinct counts of models and medians,
 * read `facts`. Listed in build order (a cube after the one it is rolled up from).
 */
export const CUBES: readonly CubeDef[] = [
  { name: 'cube_unit', dims: ['unit_code', 'unit_name', 'unit_type', 'province', 'field'] },
  { name: 'cube_field', dims: ['field'], from: 'cube_unit' },
  {
    name: 'cube_unit_year',
    dims: ['unit_code', 'unit_name', 'unit_type', 'province', 'field'],
    from: 'cube_unit',
    grain: 'year',
  },
];

/**
 * Per model × indicator × year partials of `facts` (rank-compile.ts): a ranking aggregates every model's
 * values of a few indicators, and without a period filter, or with one of whole years, it reads these —
 * about a tenth of the rows of `facts` (1.1M against 11.4M at scale 10). Besides the partials of the other
 * cubes (no min/max: no ranking component uses them) it keeps those of a least-squares trend over the
 * month index x (months since January 2000) of the non-missing values: Σx, Σx², Σxy (Σy and their count
 * are `s` and `c`). Sorted by indicator and year, so a ranking reads only its indicators' row groups.
 */
export const MODEL_CUBE = 'model_cube';

/** The month index the trend regresses on: months since January 2000 of an integer month `ym`. */
export const trendX = (ym: string) => `((${ym}) // 100 * 12 + (${ym}) % 100 - 24001)`;

const MODEL_CUBE_SQL = (() => {
  const ok = `f.weight > 0 AND f.value IS NOT NULL`;
  const x = trendX('f.ym');
  const has = `FILTER (WHERE f.value IS NOT NULL)`;
  return `SELECT f.indicator_code, CAST(f.ym // 100 AS SMALLINT) AS y, f.model_key,
      sum(f.value) AS s, count(f.value) AS c, count(*) AS n,
      sum(f.weight) FILTER (WHERE ${ok}) AS sw, sum(f.value * f.weight) FILTER (WHERE ${ok}) AS swv,
      CAST(sum(${x}) ${has} AS DOUBLE) AS tx, CAST(sum(${x} * ${x}) ${has} AS DOUBLE) AS txx,
      sum(${x} * f.value) AS txy
    FROM facts f GROUP BY f.indicator_code, y, f.model_key
    ORDER BY f.indicator_code, y`;
})();

/** Low-cardinality model dimensions that get an ENUM type for cheap read-out. */
export const ENUM_COLUMNS = [
  'unit_code',
  'unit_name',
  'unit_type',
  'province',
  'field',
  'sponsor',
  'status',
  'recognition',
  'start_year',
] as const;

/**
 * Columns of `units` whose values an ENUM also holds: a per-capita pivot keys on every unit in scope, with
 * or without a model.
 */
const UNIT_VALUES = {
  unit_code: 'code',
  unit_name: 'name',
  unit_type: 'type',
  province: 'province',
} as const;

/** Name of the ENUM type of a column (an engine constant). */
export const enumType = (col: (typeof ENUM_COLUMNS)[number]) => `dvk_e_${col}`;

let generation = 0;

/**
 * A counter bumped by every rebuild in this process. Result caches key on it next to `data_version`, so a
 * rebuild that did not bump the data version (tests, repairs) still invalidates them.
 */
export function derivedGeneration(): number {
  return generation;
}

/** The values sorted by indicator and period: a temp table that exists only during a rebuild. */
const SORTED = 'facts_sorted_values';

/**
 * `model_dim`'s dimensions already cast to their ENUMs (a temp table during a rebuild): casting once per
 * model instead of once per value takes 0.3 s of CPU off `facts` at scale 1.
 */
const DIM_CODED = 'facts_model_dim';

/**
 * One row per indicator value with the model's dimensions and the weight. Weights as their own relation so
 * every join stays an equi-join (an OR/IS NOT NULL in the join condition made DuckDB pick a nested-loop
 * join: minutes instead of a second at 1M rows). The dimensions are stored as their ENUM types: writing nine
 * VARCHAR columns per value was most of the import's largest statement (1.7 s of CPU at scale 1, 0.8 s as
 * ENUMs), and grouping and comparing one-byte codes is cheaper for every query and cube. They read as the
 * same text: compared with a VARCHAR (a bound filter value, a key from `model_dim`) an ENUM is cast to VARCHAR.
 */
const factsSql = (values: string) => `WITH w AS (
      SELECT i.code AS indicator_code, x.model_id, x.period_start, x.value AS weight
      FROM indicators i JOIN ${values} x ON x.indicator_code = i.weight_by
      WHERE i.weight_by IS NOT NULL
    )
    SELECT v.model_id, v.period_start, v.indicator_code, v.value, w.weight, d.model_key,
      ${ENUM_COLUMNS.map((c) => `d.${c}`).join(', ')},
      CAST(year(v.period_start) * 100 + month(v.period_start) AS INTEGER) AS ym
    FROM ${SORTED} v
    JOIN ${DIM_CODED} d ON d.model_id = v.model_id
    LEFT JOIN w ON w.indicator_code = v.indicator_code AND w.model_id = v.model_id AND w.period_start = v.period_start`;

/** The SELECT building one cube from `facts`, or rolled up from a finer cube (`from`). */
function cubeSql(c: CubeDef): string {
  if (c.grain === 'year') return yearCubeSql(c);
  const dims = c.dims.map((d) => `g.${d}`).join(', ');
  const keys = `g.indicator_code, g.ym, ${dims}`;
  const ok = `g.weight > 0 AND g.value IS NOT NULL`;
  const grouped = c.from
    ? `SELECT ${keys}, sum(s) AS s, CAST(sum(c) AS BIGINT) AS c, CAST(sum(n) AS BIGINT) AS n, min(mn) AS mn,
         max(mx) AS mx, sum(sw) AS sw, sum(swv) AS swv
       FROM ${c.from} g GROUP BY ${keys}`
    : `SELECT ${keys}, sum(g.value) AS s, count(g.value) AS c, count(*) AS n, min(g.value) AS mn, max(g.value) AS mx,
         sum(g.weight) FILTER (WHERE ${ok}) AS sw, sum(g.value * g.weight) FILTER (WHERE ${ok}) AS swv
       FROM facts g GROUP BY ${keys}`;
  // Period keys as the compilers output them ('YYYY-MM-DD' of the period's first day), computed once per
  // cube row instead of once per value per query; period_start (the month's first day) for period filters.
  const first = `make_date(x.ym // 100, x.ym % 100, 1)`;
  return `SELECT x.*, ${first} AS period_start, strftime(${first}, '%Y-%m-%d') AS month_key,
      strftime(date_trunc('quarter', ${first}), '%Y-%m-%d') AS quarter_key,
      strftime(make_date(x.ym // 100, 1, 1), '%Y-%m-%d') AS year_key
    FROM (${grouped}) x
    ORDER BY x.indicator_code, x.ym`;
}

/**
 * Where a rebuild reads the indicator values: `indicator_values`, or a relation with the same rows
 * (model_id, period_start, indicator_code, value) that DuckDB scans faster. An import passes one: inside
 * its transaction the values it just inserted are scanned on one thread (DuckDB sizes a scan by the
 * table's committed rows), while the same rows in the temp table they were prepared in before the
 * transaction are scanned on every thread (about 0.3 s of a scale-1 import). See
 * import/index.ts (derivedValues), which checks the two hold the same rows.
 */
export interface DerivedSource {
  /** A table name or a parenthesised SELECT, engine-written (never user text). */
  values: string;
}

/** A year cube rolled up from its month cube: `ym` is the year's January, its keys the year's first day. */
function yearCubeSql(c: CubeDef): string {
  const dims = c.dims.map((d) => `g.${d}`).join(', ');
  const first = `make_date(x.ym // 100, 1, 1)`;
  return `SELECT x.*, ${first} AS period_start, strftime(${first}, '%Y-%m-%d') AS year_key
    FROM (SELECT g.indicator_code, g.yj AS ym, ${dims},
        sum(s) AS s, CAST(sum(c) AS BIGINT) AS c, CAST(sum(n) AS BIGINT) AS n, min(mn) AS mn, max(mx) AS mx,
        sum(sw) AS sw, sum(swv) AS swv
      FROM (SELECT *, CAST(ym // 100 * 100 + 1 AS INTEGER) AS yj FROM ${c.from}) g
      GROUP BY g.indicator_code, g.yj, ${dims}) x
    ORDER BY x.indicator_code, x.ym`;
}

export async function rebuildDerived(
  ws: Workspace,
  source: DerivedSource = { values: 'indicator_values' },
): Promise<void> {
  const values = source.values;
  await ws.exec(`CREATE OR REPLACE TABLE model_dim AS
    SELECT m.model_id, m.name, m.unit_code, coalesce(u.name, m.unit_name, m.unit_code) AS unit_name, u.type AS unit_type,
      coalesce(u.province, m.province) AS province, m.field, m.sponsor, m.status, m.recognition,
      CAST(year(m.start_date) AS VARCHAR) AS start_year, m.start_date, m.lat, m.lon, m.replicated_from,
      u.population, u.area_km2, m.search_text,
      CAST(row_number() OVER (ORDER BY m.model_id) AS INTEGER) AS model_key,
      CAST(dense_rank() OVER (ORDER BY m.name COLLATE vi) AS INTEGER) AS name_order,
      CAST(0 AS UBIGINT) AS years_mask
    FROM models m LEFT JOIN units u ON u.code = m.unit_code
    ORDER BY m.model_id`);
  await ws.exec(`CREATE OR REPLACE TABLE model_months AS
    SELECT DISTINCT CAST(year(v.period_start) * 100 + month(v.period_start) AS INTEGER) AS ym, d.model_key
    FROM ${values} v JOIN model_dim d ON d.model_id = v.model_id
    ORDER BY ym, d.model_key`);
  await ws.exec(`CREATE OR REPLACE TABLE model_years AS
    SELECT CAST(ym // 100 AS SMALLINT) AS y, model_key, CAST(count(*) AS INTEGER) AS months,
      min(ym) AS first_ym, max(ym) AS last_ym
    FROM model_months GROUP BY y, model_key ORDER BY y, model_key`);
  await ws.exec(`UPDATE model_dim SET years_mask = k.mask
    FROM (SELECT model_key, bit_or(CAST(1 AS UBIGINT) << CAST(y - ${YEARS_MASK_FIRST} AS INTEGER)) AS mask
      FROM model_years WHERE y BETWEEN ${YEARS_MASK_FIRST} AND ${YEARS_MASK_LAST} GROUP BY model_key) k
    WHERE model_dim.model_key = k.model_key`);
  // The values are sorted first as a narrow table (model, period, indicator, value), then `facts` is built
  // from it without an ORDER BY: the joins keep the probe side's order (insertion order is preserved), so
  // `facts` comes out sorted without sorting every dimension string along. One sort of the wide rows needed
  // more than the engine's 2 GB at scale 10 inside the transaction. The cubes are grouped from `facts`.
  // The ENUM types before `facts`, which stores its dimensions as them (and the cubes, grouped from it): the
  // tables go first, since a type cannot be dropped while a column uses it.
  for (const t of [MODEL_CUBE, ...CUBES.map((c) => c.name).reverse(), 'facts'])
    await ws.exec(`DROP TABLE IF EXISTS ${t}`);
  for (const col of ENUM_COLUMNS) {
    const extra = UNIT_VALUES[col as keyof typeof UNIT_VALUES];
    await ws.exec(`DROP TYPE IF EXISTS ${enumType(col)}`);
    await ws.exec(
      `CREATE TYPE ${enumType(col)} AS ENUM (SELECT v FROM (SELECT DISTINCT ${col} AS v FROM model_dim
         ${extra ? `UNION SELECT ${extra} FROM units` : ''} UNION SELECT '${PIVOT_OTHERS}') WHERE v IS NOT NULL
       ORDER BY v COLLATE vi, v)`,
    );
  }
  await ws.exec(`DROP TABLE IF EXISTS ${SORTED}`);
  // Sorted on the code's rank among the indicators (an integer), not the code itself: the same order, but
  // comparing long codes that share prefixes made this sort of every value half again as slow.
  await ws.exec(`CREATE TEMP TABLE ${SORTED} AS
    SELECT v.model_id, v.period_start, v.indicator_code, v.value
    FROM ${values} v
    LEFT JOIN (SELECT code, CAST(row_number() OVER (ORDER BY code) AS INTEGER) AS o FROM indicators) i
      ON i.code = v.indicator_code
    ORDER BY i.o NULLS LAST, v.period_start`);
  await ws.exec(`DROP TABLE IF EXISTS ${DIM_CODED}`);
  await ws.exec(`CREATE TEMP TABLE ${DIM_CODED} AS SELECT model_id, model_key,
    ${ENUM_COLUMNS.map((c) => `CAST(${c} AS ${enumType(c)}) AS ${c}`).join(', ')} FROM model_dim`);
  await ws.exec(`CREATE OR REPLACE TABLE facts AS ${factsSql(values)}`);
  await ws.exec(`DROP TABLE ${DIM_CODED}`);
  await ws.exec(`DROP TABLE ${SORTED}`);
  // From the values as imported: files list a model's values together, and a nearly sorted input sorts in
  // two thirds of the time the indicator-sorted copy takes.
  await ws.exec(`CREATE OR REPLACE TABLE model_values AS
    SELECT v.model_id, v.period_start, v.indicator_code, v.value
    FROM ${values} v LEFT JOIN model_dim d ON d.model_id = v.model_id
    ORDER BY d.model_key NULLS LAST`);
  for (const c of CUBES) await ws.exec(`CREATE OR REPLACE TABLE ${c.name} AS ${cubeSql(c)}`);
  await ws.exec(`CREATE OR REPLACE TABLE ${MODEL_CUBE} AS ${MODEL_CUBE_SQL}`);
  await ws.exec(
    `INSERT OR REPLACE INTO meta SELECT 'derived_version', value FROM meta WHERE key = 'data_version'`,
  );
  await ws.exec(`INSERT OR REPLACE INTO meta VALUES ('derived_format', '${DERIVED_FORMAT}')`);
  generation++;
}

/** True when the derived tables are missing, of another format or older than the data. */
export async function derivedStale(ws: Workspace): Promise<boolean> {
  const r = await ws.rows<{ d: string | null; v: string | null; f: string | null; t: number }>(
    `SELECT (SELECT value FROM meta WHERE key = 'derived_version') AS d, (SELECT value FROM meta WHERE key = 'data_version') AS v,
       (SELECT value FROM meta WHERE key = 'derived_format') AS f,
       (SELECT count(*)::INTEGER FROM information_schema.tables WHERE table_name IN ('facts', 'model_dim') AND table_schema = 'main') AS t`,
    ws.write,
  );
  const x = r[0];
  return !x || x.t < 2 || x.d !== x.v || x.f !== String(DERIVED_FORMAT);
}
