/**
 * Compile a SeriesSpec (shared/series-spec.ts documents the result) to one SQL statement over `facts`, or
 * over the smallest cube that answers it exactly (planner.ts planSeries: at month grain a month cube —
 * a split by field, unit or unit type or none, a filter it keeps; at year grain the per-model cube joined
 * to `model_dim`, under no period filter or one of whole years):
 *
 *   src    facts rows (or cube rows: partials per month, or per model and year) of the spec's indicators
 *          under the filter, with the series key and the period key
 *   ord    (split) groups ranked for top-N and series order
 *   keyed  src with groups beyond top-N rewritten to Others (before aggregating)
 *   agg    catalogue aggregate per (series, indicator, period) and the models behind it
 *   ser    the series (key, label, order); axis: every period between the bounds at the grain
 *   grid   series × indicators × axis LEFT JOIN agg: a period without values is a NULL row, not a zero
 *   final  the transform as window functions over each (series, indicator) in period order
 */
import { listValue } from '@duckdb/node-api';
import { AtlasError } from '../../../shared/errors';
import {
  ADDITIVE_TRANSFORMS,
  SERIES_ALL,
  SERIES_OTHERS,
  type SeriesSpec,
  type SeriesSplitBy,
  type SeriesTransform,
} from '../../../shared/series-spec';
import type { Filter } from '../../../shared/specs';
import { and, inList, join, raw, sql, type Sql } from '../db/sql';
import { MODEL_CUBE } from '../workspace/derived';
import type { CatalogCache } from './catalog-cache';
import { dimConditions, monthStart, periodConditions, wholeYears } from './filter';
import { planSeries } from './planner';
import { aggregateOf, catalogAggregateSql, catalogAggs, type CatalogAgg } from './series-agg';

type Grain = NonNullable<SeriesSpec['grain']>;

/** The Others key as an SQL literal (an engine constant, not user text). */
const OTHERS = raw(`'${SERIES_OTHERS}'`);

/** Step of the period axis and the YoY lag (in axis steps) per grain. */
const STEP: Record<Grain, { interval: string; perYear: number }> = {
  month: { interval: 'INTERVAL 1 MONTH', perYear: 12 },
  quarter: { interval: 'INTERVAL 3 MONTH', perYear: 4 },
  year: { interval: 'INTERVAL 1 YEAR', perYear: 1 },
};

/** Column of `facts` (alias f) a split groups by. */
function splitColumn(by: SeriesSplitBy): string {
  return by === 'unit' ? 'unit_code' : by;
}

/** `date_trunc` of a DATE expression to the grain, as DATE (grain is a validated enum value). */
export function truncSql(grain: Grain, expr: string): Sql {
  return raw(`CAST(date_trunc('${grain}', ${expr}) AS DATE)`);
}

/** Mean-type indicators cannot be summed up: refuse additive transforms on them. */
function checkTransform(t: SeriesTransform, aggs: Map<string, CatalogAgg>): void {
  if (!ADDITIVE_TRANSFORMS.includes(t.type)) return;
  for (const [code, agg] of aggs) {
    if (agg !== 'sum')
      throw new AtlasError(
        'SPEC_INVALID',
        `Transform '${t.type}' adds values up: it does not apply to '${code}', an average`,
        { indicator: code, transform: t.type },
      );
  }
}

/** The filter's geographic scope over `units` (alias u): provinces, units and unit types. */
export function scopeConditions(filter: Filter | undefined): Sql[] {
  const c: Sql[] = [];
  if (filter?.provinces?.length) c.push(inList(raw('u.province'), filter.provinces));
  if (filter?.units?.length) c.push(inList(raw('u.code'), filter.units));
  if (filter?.unitTypes?.length) c.push(inList(raw('u.type'), filter.unitTypes));
  return c;
}

/** `src` over `facts` or a month cube (alias f; `cube`: partials per month) under the filter. */
function factSrc(
  spec: SeriesSpec,
  split: SeriesSpec['split'],
  models: readonly string[] | undefined,
  grain: Grain,
  table: string,
  cube: boolean,
): Sql {
  const conds = [
    sql`f.indicator_code = ANY(${listValue([...spec.indicators])})`,
    ...dimConditions(spec.filter, 'f'),
    ...periodConditions(spec.filter),
  ];
  if (models) conds.push(inList(raw('f.model_id'), models));
  const keyExpr = models
    ? raw('f.model_id')
    : split
      ? raw(`f.${splitColumn(split.by)}`)
      : raw(`'${SERIES_ALL}'`);
  const labelExpr = split?.by === 'unit' ? raw('f.unit_name') : raw('CAST(NULL AS VARCHAR)');
  return sql`SELECT ${keyExpr} AS s0, ${labelExpr} AS sl, f.indicator_code AS ind,
      ${cube ? raw('f.period_start') : truncSql(grain, 'f.period_start')} AS p,
      ${raw(cube ? 'f.s AS v_s, f.c AS v_c, f.sw AS v_sw, f.swv AS v_swv' : 'f.model_key AS mk, f.value, f.weight')}
    FROM ${raw(table)} f WHERE ${and(conds)}`;
}

/**
 * `src` over the per-model cube (alias f; one row per indicator, year and model, with a row even where every
 * value was missing, c = 0, as `facts` has rows for them) joined to `model_dim` (alias m) when the series
 * key, its label or the filter need a model dimension. The period filter is of whole years (planSeries).
 * The filter's `indicators` (models that reported any of them in the period) is a semi-join on the same
 * cube: it has a row for every model, indicator and year with a row in `facts`.
 */
function modelCubeSrc(
  spec: SeriesSpec,
  split: SeriesSpec['split'],
  models: readonly string[] | undefined,
): Sql {
  const { indicators, ...filter } = spec.filter ?? {};
  const years = wholeYears(filter.period);
  const yearConds = (alias: string) => {
    const c: Sql[] = [];
    if (years?.from != null) c.push(sql`${raw(alias)}.y >= ${years.from}`);
    if (years?.to != null) c.push(sql`${raw(alias)}.y <= ${years.to}`);
    return c;
  };
  const mConds = dimConditions(filter, 'm');
  if (models) mConds.push(inList(raw('m.model_id'), models));
  if (indicators?.length) {
    mConds.push(
      sql`m.model_key IN (SELECT fi.model_key FROM ${raw(MODEL_CUBE)} fi WHERE ${and([inList(raw('fi.indicator_code'), indicators), ...yearConds('fi')])})`,
    );
  }
  const keyExpr = models
    ? raw('m.model_id')
    : split
      ? raw(`m.${splitColumn(split.by)}`)
      : raw(`'${SERIES_ALL}'`);
  const labelExpr = split?.by === 'unit' ? raw('m.unit_name') : raw('CAST(NULL AS VARCHAR)');
  const joinDim = models !== undefined || split !== undefined || mConds.length > 0;
  const conds = [
    sql`f.indicator_code = ANY(${listValue([...spec.indicators])})`,
    ...yearConds('f'),
    ...mConds,
  ];
  return sql`SELECT ${keyExpr} AS s0, ${labelExpr} AS sl, f.indicator_code AS ind,
      make_date(CAST(f.y AS INTEGER), 1, 1) AS p, f.model_key AS mk,
      f.s AS v_s, f.c AS v_c, f.sw AS v_sw, f.swv AS v_swv
    FROM ${raw(MODEL_CUBE)} f ${raw(joinDim ? 'JOIN model_dim m ON m.model_key = f.model_key' : '')}
    WHERE ${and(conds)}`;
}

export function compileSeries(spec: SeriesSpec, catalog: CatalogCache): Sql {
  const aggs = catalogAggs(spec.indicators, catalog);
  const transform = spec.transform ?? { type: 'none' };
  checkTransform(transform, aggs);
  const grain: Grain = spec.grain ?? 'month';
  const split = spec.modelIds ? undefined : spec.split;
  const models = spec.modelIds;
  const filter = spec.filter;
  // A cube holds partials instead of values (planner.ts); a month cube's `period_start` is the month's
  // first day, the per-model cube is read per year.
  const source = planSeries(spec, catalog);
  const cube = source.cube;
  const perModel = source.table === MODEL_CUBE;
  const payloadCols = perModel
    ? ['v_s', 'v_c', 'v_sw', 'v_swv', 'v_n']
    : cube
      ? ['v_s', 'v_c', 'v_sw', 'v_swv']
      : ['mk', 'value', 'weight'];
  /** The columns the aggregates read, as carried from `src` on (`alias.` prefixed when given). */
  const payload = (alias = '') => raw(payloadCols.map((c) => (alias ? `${alias}.${c}` : c)).join(', '));

  // --- src: the filtered facts (or cube rows) with series and period keys. The per-model cube's rows (`pm`)
  // are summed per series group, indicator and year first, with the number of models with a value (`v_n`;
  // a model is in one group): everything after reads a few rows per group instead of one per model.
  const ctes: [string, Sql][] = perModel
    ? [
        ['pm', modelCubeSrc(spec, split, models)],
        [
          'src',
          raw(`SELECT s0, sl, ind, p, sum(v_s) AS v_s, sum(v_c) AS v_c, sum(v_sw) AS v_sw, sum(v_swv) AS v_swv,
            count(*) FILTER (WHERE v_c > 0) AS v_n
          FROM pm GROUP BY s0, sl, ind, p`),
        ],
      ]
    : [['src', factSrc(spec, split, models, grain, source.table, cube)]];

  // --- split ranking, top-N rewrite, series list.
  if (split) {
    const first = spec.indicators[0] as string;
    // Groups reporting only other indicators rank after the rest (rv NULL), ties by key. (A LEFT JOIN from
    // the groups, not a UNION with `NOT IN`: its mark join over every row of `src` was most of the query.)
    const rankSql =
      split.rankBy === 'models'
        ? raw(
            perModel
              ? `SELECT s0 AS s, count(DISTINCT mk) FILTER (WHERE v_c > 0) AS rv FROM pm WHERE s0 IS NOT NULL GROUP BY s0`
              : `SELECT s0 AS s, count(DISTINCT mk) FILTER (WHERE value IS NOT NULL) AS rv
                FROM src WHERE s0 IS NOT NULL GROUP BY s0`,
          )
        : sql`SELECT g.s, r.rv FROM (SELECT DISTINCT s0 AS s FROM src WHERE s0 IS NOT NULL) g
            LEFT JOIN (SELECT s0, CAST(${aggregateOf(aggs.get(first) as CatalogAgg, cube)} AS DOUBLE) AS rv
              FROM src WHERE s0 IS NOT NULL AND ind = ${first} GROUP BY s0) r ON r.s0 = g.s`;
    ctes.push([
      'ord',
      sql`SELECT s, row_number() OVER (ORDER BY rv DESC NULLS LAST, s) AS rn FROM (${rankSql}) r`,
    ]);
    const kept =
      split.topN !== undefined
        ? sql`CASE WHEN src.s0 IS NULL THEN NULL WHEN o.rn <= ${split.topN} THEN src.s0 ELSE ${OTHERS} END`
        : raw('src.s0');
    const keptLabel =
      split.topN !== undefined ? sql`CASE WHEN o.rn <= ${split.topN} THEN src.sl END` : raw('src.sl');
    ctes.push([
      'keyed',
      sql`SELECT ${kept} AS s, ${keptLabel} AS sl, src.ind, src.p, ${payload('src')}
        FROM src LEFT JOIN ord o ON o.s = src.s0`,
    ]);
    ctes.push([
      'ser',
      sql`SELECT k.s, CASE WHEN k.s IS NULL THEN NULL ELSE any_value(k.sl) END AS label,
          CASE WHEN k.s IS NULL THEN 2000000000 WHEN k.s = ${OTHERS} THEN 2000000001 ELSE min(o.rn) END AS so
        FROM keyed k LEFT JOIN ord o ON o.s = k.s GROUP BY k.s`,
    ]);
  } else {
    ctes.push(['keyed', sql`SELECT s0 AS s, sl, ind, p, ${payload()} FROM src`]);
    if (models) {
      const order = join(models.map((id, i) => sql`(${id}, ${i})`));
      ctes.push([
        'ser',
        sql`SELECT m.model_id AS s, m.name AS label, o.i AS so
          FROM (VALUES ${order}) o(s, i) JOIN model_dim m ON m.model_id = o.s`,
      ]);
    } else {
      ctes.push(['ser', raw(`SELECT '${SERIES_ALL}' AS s, CAST(NULL AS VARCHAR) AS label, 0 AS so`)]);
    }
  }

  // --- aggregation, axis, grid.
  // A model has at most one value per indicator and month (imports replace older ones), so at month grain
  // counting values counts models — without the cost of a distinct count (about half the query time) —
  // and a cube's count of values (Σc) counts them too. At a coarser grain `n` is a distinct count of
  // models: the per-model cube has one row per model, indicator and year, so at year grain it counts its
  // rows with a value (a model is in one series: its group, Others or itself); no cube keeps a model's
  // quarters (the planner sends those to `facts`, where the count is of distinct `model_key`s: an integer
  // hashes for less than the model id).
  const modelsN = perModel
    ? raw('sum(v_n)')
    : cube
      ? raw('sum(v_c)')
      : grain === 'month'
        ? raw('count(value)')
        : raw('count(DISTINCT mk) FILTER (WHERE value IS NOT NULL)');
  ctes.push([
    'agg',
    sql`SELECT s, ind, p, ${catalogAggregateSql(aggs, 'ind', cube)} AS raw, ${modelsN} AS n
      FROM keyed GROUP BY s, ind, p`,
  ]);
  const from = filter?.period?.from;
  const to = filter?.period?.to;
  const bound = (ym: string | undefined, open: string) =>
    ym ? sql`CAST(date_trunc(${raw(`'${grain}'`)}, CAST(${monthStart(ym)} AS DATE)) AS DATE)` : raw(open);
  ctes.push([
    'axis',
    sql`SELECT CAST(unnest(generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP), ${raw(STEP[grain].interval)})) AS DATE) AS p
      FROM (SELECT ${bound(from, 'x.p0')} AS lo, ${bound(to, 'x.p1')} AS hi
        FROM (SELECT min(p) AS p0, max(p) AS p1 FROM src) x) b WHERE lo IS NOT NULL AND hi IS NOT NULL`,
  ]);
  const inds = join(spec.indicators.map((c, i) => sql`(${c}, ${i})`));
  ctes.push([
    'grid',
    sql`SELECT ser.s, ser.label, ser.so, i.ind, i.io, a.p, g.raw, coalesce(g.n, 0) AS n
      FROM ser CROSS JOIN (VALUES ${inds}) i(ind, io) CROSS JOIN axis a
      LEFT JOIN agg g ON g.s IS NOT DISTINCT FROM ser.s AND g.ind = i.ind AND g.p = a.p`,
  ]);

  // --- transform.
  const { value, delta, den } = transformSql(transform, grain, split?.by, split?.topN, models, filter);
  if (den) ctes.push(['den', den]);
  const withSql = join(
    ctes.map(([name, body]) => sql`${raw(name)} AS (${body})`),
    ',\n',
  );
  const denJoin = !den
    ? raw('')
    : models || split?.by === 'unit' || split?.by === 'unit_type'
      ? raw('LEFT JOIN den d ON d.s = j.s')
      : raw('CROSS JOIN den d');
  return sql`WITH ${withSql}
    SELECT j.s AS series, j.label, j.ind AS indicator, strftime(j.p, '%Y-%m-%d') AS period, j.raw,
      CAST(${value} AS DOUBLE) AS value, CAST(${delta} AS DOUBLE) AS delta, CAST(j.n AS INTEGER) AS n
    FROM grid j ${denJoin}
    ORDER BY j.so, j.io, j.p`;
}

/** The value and delta expressions over `j` (the grid) and, for per10k, the denominators CTE `den`. */
function transformSql(
  t: SeriesTransform,
  grain: Grain,
  splitBy: SeriesSplitBy | undefined,
  topN: number | undefined,
  models: readonly string[] | undefined,
  filter: Filter | undefined,
): { value: Sql; delta: Sql; den: Sql | null } {
  const part = 'PARTITION BY j.s, j.ind ORDER BY j.p';
  const none = raw('NULL');
  switch (t.type) {
    case 'none':
      return { value: raw('j.raw'), delta: none, den: null };
    case 'cumulative':
      return {
        value: raw(
          `CASE WHEN j.raw IS NULL THEN NULL ELSE sum(j.raw) OVER (${part} ROWS UNBOUNDED PRECEDING) END`,
        ),
        delta: none,
        den: null,
      };
    case 'moving_average':
      return {
        // `window` is a validated literal (3, 6 or 12).
        value: raw(
          `CASE WHEN j.raw IS NULL THEN NULL ELSE avg(j.raw) OVER (${part} ROWS BETWEEN ${t.window - 1} PRECEDING AND CURRENT ROW) END`,
        ),
        delta: none,
        den: null,
      };
    case 'yoy': {
      const prev = `lag(j.raw, ${STEP[grain].perYear}) OVER (${part})`;
      return {
        value: raw(`CASE WHEN ${prev} = 0 THEN NULL ELSE (j.raw - ${prev}) / abs(${prev}) * 100 END`),
        delta: raw(`j.raw - ${prev}`),
        den: null,
      };
    }
    case 'index': {
      const base = `first_value(j.raw IGNORE NULLS) OVER (${part} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`;
      return { value: raw(`j.raw / nullif(${base}, 0) * 100`), delta: none, den: null };
    }
    case 'per10k':
      return {
        value: raw('j.raw / nullif(d.pop, 0) * 10000'),
        delta: none,
        den: denominatorSql(splitBy, topN, models, filter),
      };
  }
}

/** Population per series key (`s`, `pop`) for per10k; see the `per10k` transform in series-spec.ts. */
function denominatorSql(
  splitBy: SeriesSplitBy | undefined,
  topN: number | undefined,
  models: readonly string[] | undefined,
  filter: Filter | undefined,
): Sql {
  const scope = and(scopeConditions(filter));
  if (models) {
    return sql`SELECT m.model_id AS s, u.population AS pop FROM model_dim m JOIN units u ON u.code = m.unit_code
      WHERE m.model_id = ANY(${listValue([...models])})`;
  }
  if (splitBy === 'unit' || splitBy === 'unit_type') {
    const col = raw(splitBy === 'unit' ? 'u.code' : 'u.type');
    const key =
      topN !== undefined ? sql`CASE WHEN o.rn <= ${topN} THEN ${col} ELSE ${OTHERS} END` : sql`${col}`;
    return sql`SELECT ${key} AS s, sum(u.population) AS pop FROM units u LEFT JOIN ord o ON o.s = ${col}
      WHERE ${scope} AND ${col} IS NOT NULL GROUP BY 1`;
  }
  // Every series (the missing group too) divides by the whole scope: one row, cross-joined.
  return sql`SELECT sum(u.population) AS pop FROM units u WHERE ${scope}`;
}
