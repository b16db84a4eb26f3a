/**
 * RankSpec → SQL (one statement). Steps, as CTEs; only the inputs the spec's components use are computed:
 * 1. `md`: models in the filter (model_dim), minus those carrying an excluded flag (the user's choice), as
 *    narrow rows (key, peer group, population, status, start) — texts join back for the output rows only;
 * 2. `iv` (when an indicator, reach or efficiency component is used): one row per model with the catalogue
 *    aggregate of each indicator used (sums summed, means averaged, turnaround weighted by records), its
 *    months reported (when a per-month rate needs them) and the totals of beneficiaries and funds (when
 *    needed) — composed from the partials of the model cube (workspace/derived.ts MODEL_CUBE: one row per
 *    model, indicator and year, a tenth of `facts`) when there is no period filter or one of whole years,
 *    else aggregated from `facts` (sorted by indicator and period, so the scan reads only their row groups);
 * 3. `mm` (months active, reporting share): months reported, the first and the last one per model, from
 *    `model_years` for whole years or `model_months` otherwise (both far fewer rows than `facts`), and
 *    `rng`, the data's first and last month in the filter;
 * 4. `tr` (trend only): mean over the model's indicators of the least-squares slope of value ÷ mean per
 *    month (sign reversed when lower is better), from per model × indicator sums Σx, Σx², Σxy, Σy and the
 *    count (the model cube holds them per year; `facts` gives the same sums);
 * 5. `r`: each component's raw value (`c{i}_raw`) and its rank key; models with none are dropped;
 * 6. `p`: per component the percentile rank within the peer group (`percent_rank()` over the models of the
 *    group that have a value, ascending — descending for lower-is-better; one narrow window per component,
 *    `w{i}`, joined back: five windows stacked over the wide rows took twice as long), the group's median and its
 *    top decile (the 90th percentile, or the 10th for lower-is-better), the latter two grouped once per
 *    peer group and joined back;
 * 7. score = 100 × Σ wᵢ·coalesce(pctᵢ, 0) ÷ Σ wᵢ, rank by score (ties by model id);
 * 8. `o`, `pg`: the rows asked for (`only`, `focus`) in the `sort` order, one page (`offset`, `limit`),
 *    chosen on keys, then the texts and flags joined — the Ranking view reads a page, not 96,000 rows.
 * Identifiers are the engine's own; indicator codes, weights, dates and filter values are bound.
 *
 * Months are counted as rows: an import keeps one value per model, month and indicator (duplicates are
 * rejected) and every period starts on a month's first day, so rows, distinct `period_start`s and
 * distinct `ym`s count the same months.
 */
import { listValue } from '@duckdb/node-api';
import { STATUSES } from '../../../shared/catalog';
import type { RankSpec } from '../../../shared/rank-spec';
import { and, join, raw, sql, type Sql } from '../db/sql';
import { ENUM_COLUMNS, enumType, MODEL_CUBE, trendX } from '../workspace/derived';
import type { CatalogCache } from './catalog-cache';
import { dimConditions, periodConditions, wholeYears, ymOf } from './filter';
import { indicatorAggregate } from './measures';
import { componentIndicators, componentNeeds, componentRaw, higherIsBetter } from './rank-components';
import { RANK_FLAGS } from './rank-flags';

/** Columns describing each ranked model, in output order. */
export const RANK_MODEL_COLUMNS = [
  'model_id',
  'name',
  'unit_code',
  'unit_name',
  'unit_type',
  'field',
  'sponsor',
  'status',
] as const;

/**
 * A model column as output: the low-cardinality ones cast to their ENUM (workspace/derived.ts), which reads
 * out as small codes plus one dictionary instead of one decoded string per row (db/arrow.ts) — most of a
 * full ranking's read-out time. The values are the same texts.
 */
export function modelColumn(c: (typeof RANK_MODEL_COLUMNS)[number]): Sql {
  return (ENUM_COLUMNS as readonly string[]).includes(c)
    ? raw(`CAST(m.${c} AS ${enumType(c as (typeof ENUM_COLUMNS)[number])}) AS ${c}`)
    : raw(`m.${c}`);
}

/**
 * The peer group of a model (alias m) as the small integer the windows partition by (`pk`: the value's ENUM
 * code; -1 for none or '', which share the key '') — hashing and comparing long Vietnamese field names per
 * row and window was a good part of the percentile step. `peerText` is its key as output (`peer`).
 */
function peerKey(peer: RankSpec['peer']): Sql {
  const of = (c: 'field' | 'unit_type') =>
    raw(`coalesce(enum_code(CAST(nullif(m.${c}, '') AS ${enumType(c)})), -1) AS pk`);
  switch (peer ?? 'field') {
    case 'field':
      return of('field');
    case 'unit_type':
      return of('unit_type');
    case 'all':
      return raw('0 AS pk');
  }
}

export function peerText(peer: RankSpec['peer']): Sql {
  switch (peer ?? 'field') {
    case 'field':
      return raw(`coalesce(m.field, '')`);
    case 'unit_type':
      return raw(`coalesce(m.unit_type, '')`);
    case 'all':
      return raw(`'all'`);
  }
}

/**
 * The value percentiles order by: rounded to 40 significant bits (about 12 decimal digits), so two models
 * whose values are equal (say the same mean satisfaction) tie even when parallel float summation left them
 * one ulp apart. Rounded by Veltkamp's split (c·x − (c·x − x) with c = 2¹³ + 1, exact in binary floating
 * point): three multiplications and subtractions, where rounding to 12 decimal digits took a logarithm and
 * a power of ten per value (18 of the ranking's 150 ms at scale 10). Huge, infinite and NaN values (never
 * a real rate) are kept as they are.
 */
export function rankKey(col: Sql): Sql {
  return sql`CASE WHEN abs(${col}) < 1e300 THEN ${col} * 8193.0 - (${col} * 8193.0 - ${col}) ELSE ${col} END`;
}

/** Month index (year × 12 + month) of an integer month key `ym` (year × 100 + month). */
const monthIndex = (ym: string) => `((${ym}) // 100 * 12 + (${ym}) % 100)`;

/** Aggregations the model cube's partials compose exactly (min, max and median would need the values). */
const COMPOSABLE = new Set(['sum', 'mean', 'weighted_mean']);

/**
 * The years the model cube is read over when it answers the spec exactly: no period filter, or one of whole
 * years, and every indicator aggregated composably. Null: read `facts`.
 */
export function cubeYears(
  spec: RankSpec,
  codes: readonly string[],
  catalog: CatalogCache,
): { from: number | null; to: number | null } | null {
  if (!catalog.modelCube) return null;
  if (codes.some((c) => !COMPOSABLE.has(catalog.indicator(c)?.aggregation ?? ''))) return null;
  return wholeYears(spec.filter?.period);
}

/** Indicators whose aggregates the components read: theirs, plus beneficiaries and funds for the rates. */
export function codesNeeded(spec: RankSpec, catalog: CatalogCache): { inds: string[]; codes: string[] } {
  const inds = componentIndicators(spec.components, catalog);
  const need = componentNeeds(spec.components);
  const codes = [...inds];
  for (const c of [need.beneficiaries, need.funds]) if (c && !codes.includes(c)) codes.push(c);
  return { inds, codes };
}

/** The table a ranking's per-model values are read from (null when no component needs them). */
export function rankSource(spec: RankSpec, catalog: CatalogCache): string | null {
  const { codes } = codesNeeded(spec, catalog);
  if (!codes.length && !componentNeeds(spec.components).trend) return null;
  return cubeYears(spec, codes, catalog) ? MODEL_CUBE : 'facts';
}

/** The sort key of the ranked table (over `x`, the model's row of model_dim, and `fl`, its flags). */
function sortKey(sort: RankSpec['sort']): { key: Sql; dir: Sql } {
  const by = sort?.by ?? 'rank';
  // Missing texts sort as the smallest value (first ascending, last descending).
  const dir = raw((sort?.dir ?? 'asc') === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST');
  switch (by) {
    case 'rank':
      return { key: raw('s.rank'), dir };
    case 'name':
      return { key: raw('x.name_order'), dir };
    case 'unit':
      return { key: raw(`enum_code(CAST(x.unit_name AS ${enumType('unit_name')}))`), dir };
    case 'field':
      return { key: raw(`enum_code(CAST(x.field AS ${enumType('field')}))`), dir };
    case 'flags':
      return { key: raw('coalesce(len(fl.codes), 0)'), dir };
  }
}

/**
 * Conditions on `model_dim` (alias m) selecting the models a ranking ranks: the filter's (a model is in a
 * period when it reported in it) minus those carrying an excluded flag (the user's choice). None: every model.
 */
export function rankScopeConditions(spec: RankSpec): Sql[] {
  const conds = dimConditions(spec.filter, 'm', { activeInPeriod: true });
  if (spec.exclude?.length) {
    conds.push(
      sql`m.model_id NOT IN (SELECT x.model_id FROM ${raw(RANK_FLAGS)} x WHERE list_has_any(x.codes, ${listValue([...spec.exclude])}))`,
    );
  }
  return conds;
}

/**
 * The ranking's first stage, as CTEs ending in `p`: one row per ranked model with its peer group (`pk`)
 * and, per component, its raw value and percentile (`c{i}_raw`, `c{i}_pct`). It depends on the
 * components' definitions, the peer group, the filter and the exclusions — not on the weights, the sort,
 * the flag shown or the page, so the engine keeps it (rank-cores.ts) while the analyst moves weights and pages.
 */
export function rankCoreCtes(spec: RankSpec, catalog: CatalogCache): Sql {
  const { inds, codes } = codesNeeded(spec, catalog);
  const need = componentNeeds(spec.components);
  const [, completed, paused] = STATUSES;
  const comps = spec.components;

  const mdConds = rankScopeConditions(spec);

  // `md`: the models in scope, narrow (the texts join back for the page's rows only).
  const ctes: Sql[] = [
    sql`md AS (SELECT m.model_key, m.population, m.status, m.start_date, ${peerKey(spec.peer)}
      FROM model_dim m WHERE ${and(mdConds)})`,
  ];
  const joins: Sql[] = [];
  const aCols: Sql[] = [raw('md.model_key'), raw('md.pk'), raw('md.population')];
  const codeList = join(codes.map((c) => sql`${c}`));
  const years = cubeYears(spec, codes, catalog);
  const semiJoin = mdConds.length > 0;

  // Conditions on `facts` rows (alias f) in scope. Without an exclusion the filter's own conditions on
  // `facts` select the models of `md` (it carries the model dimensions; a model with a value in the period
  // is active in it); an exclusion needs the semi-join on `md`.
  const factConds = () => {
    const fc = periodConditions(spec.filter);
    if (spec.exclude?.length) fc.push(raw('f.model_key IN (SELECT model_key FROM md)'));
    else fc.push(...dimConditions(spec.filter, 'f'));
    return fc;
  };
  // Conditions on model cube rows (alias f): their years, and the models of `md` (every model of the
  // cube is in `model_dim`: without conditions on the models, no semi-join).
  const cubeConds = () => {
    const pc: Sql[] = [];
    if (years?.from != null) pc.push(sql`f.y >= ${years.from}`);
    if (years?.to != null) pc.push(sql`f.y <= ${years.to}`);
    if (semiJoin) pc.push(raw('f.model_key IN (SELECT model_key FROM md)'));
    return pc;
  };

  if (codes.length) {
    // One row per model: the catalogue aggregate of each indicator used (sums summed, means averaged,
    // turnaround weighted), its months reported when a per-month rate needs them, and the totals of
    // beneficiaries and funds when needed — from the model cube's partials when it answers exactly.
    const cube = years !== null;
    const sumOf = (code: string) =>
      sql`sum(${raw(cube ? 'f.s' : 'f.value')}) FILTER (WHERE f.indicator_code = ${code})`;
    const cols = inds.flatMap((code, i) => {
      const c = [
        sql`${indicatorAggregate({ type: 'indicator', indicator: code }, catalog, cube)} AS ${raw(`i${i}`)}`,
      ];
      if (need.monthsOf.has(code))
        c.push(
          cube
            ? sql`sum(f.n) FILTER (WHERE f.indicator_code = ${code}) AS ${raw(`i${i}_months`)}`
            : sql`count(*) FILTER (WHERE f.indicator_code = ${code}) AS ${raw(`i${i}_months`)}`,
        );
      return c;
    });
    if (need.beneficiaries) cols.push(sql`${sumOf(need.beneficiaries)} AS beneficiaries`);
    if (need.funds) cols.push(sql`${sumOf(need.funds)} AS funds`);
    const where = [sql`f.indicator_code IN (${codeList})`, ...(cube ? cubeConds() : factConds())];
    ctes.push(sql`iv AS (
      SELECT f.model_key, ${join(cols)}
      FROM ${raw(cube ? MODEL_CUBE : 'facts')} f WHERE ${and(where)}
      GROUP BY f.model_key)`);
    joins.push(raw('LEFT JOIN iv ON iv.model_key = md.model_key'));
    aCols.push(raw('iv.* EXCLUDE (model_key)'));
  }

  if (need.months) {
    // Months reported and the first and last per model: from `model_years` for whole years (or no
    // period), else from `model_months` (each model's distinct months).
    const period = spec.filter?.period;
    const wy = wholeYears(period);
    const pc: Sql[] = semiJoin ? [raw('fp.model_key IN (SELECT model_key FROM md)')] : [];
    if (wy) {
      if (wy.from !== null) pc.push(sql`fp.y >= ${wy.from}`);
      if (wy.to !== null) pc.push(sql`fp.y <= ${wy.to}`);
      ctes.push(sql`mm AS (
        SELECT fp.model_key, sum(fp.months) AS months, min(fp.first_ym) AS first_ym, max(fp.last_ym) AS last_ym
        FROM model_years fp WHERE ${and(pc)} GROUP BY fp.model_key)`);
    } else {
      if (period?.from) pc.push(sql`fp.ym >= CAST(${ymOf(period.from)} AS INTEGER)`);
      if (period?.to) pc.push(sql`fp.ym <= CAST(${ymOf(period.to)} AS INTEGER)`);
      ctes.push(sql`mm AS (
        SELECT fp.model_key, count(*) AS months, min(fp.ym) AS first_ym, max(fp.ym) AS last_ym
        FROM model_months fp WHERE ${and(pc)} GROUP BY fp.model_key)`);
    }
    ctes.push(
      raw(
        `rng AS (SELECT ${monthIndex('min(first_ym)')} AS d0, ${monthIndex('max(last_ym)')} AS d1 FROM mm)`,
      ),
    );
    joins.push(raw('LEFT JOIN mm ON mm.model_key = md.model_key CROSS JOIN rng'));
    // Months expected: from the start month (or the data's first month, whichever is later) to the last
    // month of data, or to the last report for a completed or paused model.
    aCols.push(
      raw('mm.months'),
      sql`CASE WHEN mm.months IS NULL THEN NULL ELSE
        (CASE WHEN md.status IN (${completed}, ${paused}) THEN ${raw(monthIndex('mm.last_ym'))} ELSE rng.d1 END)
        - greatest(coalesce(year(md.start_date) * 12 + month(md.start_date), rng.d0), rng.d0) + 1 END AS expected`,
    );
  }

  if (need.trend) {
    // The least-squares slope per model and indicator with at least 3 values, from partials per model and
    // indicator (the model cube's, or the same sums over `facts`): (c·Σxy − Σx·Σy) ÷ (c·Σx² − (Σx)²),
    // divided by the mean Σy ÷ c; averaged over the model's indicators, sign reversed where lower is better.
    const x = trendX('f.ym');
    const has = 'FILTER (WHERE f.value IS NOT NULL)';
    const partials =
      years !== null
        ? sql`SELECT f.model_key, f.indicator_code, sum(f.s) AS s, sum(f.c) AS c, sum(f.tx) AS tx,
            sum(f.txx) AS txx, sum(f.txy) AS txy
          FROM ${raw(MODEL_CUBE)} f WHERE ${and(cubeConds())} GROUP BY f.model_key, f.indicator_code`
        : sql`SELECT f.model_key, f.indicator_code, sum(f.value) AS s, count(f.value) AS c,
            ${raw(`CAST(sum(${x}) ${has} AS DOUBLE) AS tx, CAST(sum(${x} * ${x}) ${has} AS DOUBLE) AS txx, sum(${x} * f.value) AS txy`)}
          FROM facts f WHERE ${and(factConds())} GROUP BY f.model_key, f.indicator_code`;
    ctes.push(sql`tr AS (
      SELECT t.model_key, avg(CASE WHEN i.higher_is_better THEN t.slope ELSE -t.slope END) AS trend
      FROM (
        SELECT p.model_key, p.indicator_code,
          (p.c * p.txy - p.tx * p.s) / nullif(p.c * p.txx - p.tx * p.tx, 0) / nullif(p.s / p.c, 0) AS slope
        FROM (${partials}) p WHERE p.c >= 3
      ) t JOIN indicators i ON i.code = t.indicator_code
      WHERE t.slope IS NOT NULL AND isfinite(t.slope)
      GROUP BY t.model_key)`);
    joins.push(raw('LEFT JOIN tr ON tr.model_key = md.model_key'));
    aCols.push(raw('tr.trend'));
  }

  const rawCols = comps.map((c, i) => sql`${componentRaw(c, inds)} AS ${raw(`c${i}_raw`)}`);
  const keyCols = comps.map((_, i) => sql`${rankKey(raw(`c${i}_raw`))} AS ${raw(`c${i}_key`)}`);
  const anyValue = comps.map((_, i) => raw(`c${i}_raw IS NOT NULL`));
  // Per component, the percentile among the models of the peer group that have a value: a narrow window
  // over those models alone, joined back by model.
  const windows = comps.map((c, i) => {
    const dir = raw(higherIsBetter(c, catalog) ? 'ASC' : 'DESC');
    return sql`${raw(`w${i}`)} AS (SELECT model_key, percent_rank() OVER (PARTITION BY pk ORDER BY ${raw(`c${i}_key`)} ${dir}) AS ${raw(`c${i}_pct`)}
      FROM r WHERE ${raw(`c${i}_raw`)} IS NOT NULL)`;
  });
  const pctJoins = comps.map((_, i) => raw(`LEFT JOIN w${i} ON w${i}.model_key = r.model_key`));
  return sql`${join(ctes)},
    a AS (SELECT ${join(aCols)} FROM md ${join(joins, ' ')}),
    r0 AS (SELECT a.model_key, a.pk, ${join(rawCols)} FROM a),
    r AS (SELECT r0.*, ${join(keyCols)} FROM r0 WHERE ${join(anyValue, ' OR ')}),
    ${join(windows)},
    p AS (SELECT r.model_key, r.pk, ${join(comps.map((_, i) => raw(`r.c${i}_raw`)))},
      ${join(comps.map((_, i) => raw(`w${i}.c${i}_pct`)))} FROM r ${join(pctJoins, ' ')})`;
}

/** The first stage as one SELECT (rank-cores.ts keeps its rows in a temp table). */
export function rankCoreSql(spec: RankSpec, catalog: CatalogCache): Sql {
  return sql`WITH ${rankCoreCtes(spec, catalog)} SELECT * FROM p`;
}

/**
 * Per peer group and component, the median and top decile of the raw values, over the rows of `from`: both
 * from one `quantile_cont` over the list of the two fractions (one sort of the group's values, not two).
 */
export function rankStatsSql(spec: RankSpec, catalog: CatalogCache, from: string): Sql {
  const qCols = spec.components.map((c, i) => {
    const top = higherIsBetter(c, catalog) ? 0.9 : 0.1;
    return sql`quantile_cont(${raw(`c${i}_raw`)}, [0.5, ${top}]) AS ${raw(`q${i}`)}`;
  });
  const statCols = spec.components.flatMap((_, i) => [
    raw(`q${i}[1] AS c${i}_median`),
    raw(`q${i}[2] AS c${i}_top10`),
  ]);
  return sql`SELECT pk, ${join(statCols)} FROM (SELECT pk, ${join(qCols)} FROM ${raw(from)} GROUP BY pk)`;
}

/**
 * The second stage over the first stage's rows (`p`) and the group statistics (`g`), as the CTEs after
 * them and the final SELECT: score = 100 × Σ wᵢ·coalesce(pctᵢ, 0) ÷ Σ wᵢ, rank by score (ties by model id),
 * then the rows asked for — those with flag `only` or the model `focus` (ranks unchanged) in the sort
 * order, one page, chosen on keys with the model texts and flags joined for the page's rows only.
 */
function rankPage(spec: RankSpec, p: string, g: string): { ctes: Sql; select: Sql } {
  const comps = spec.components;
  const totalWeight = comps.reduce((s, c) => s + c.weight, 0);
  const weighted = join(
    comps.map((c, i) => sql`${c.weight} * coalesce(${raw(`c${i}_pct`)}, 0)`),
    ' + ',
  );
  const outCols = comps.flatMap((_, i) => [`s.c${i}_raw`, `s.c${i}_pct`, `g.c${i}_median`, `g.c${i}_top10`]);
  const { key, dir } = sortKey(spec.sort);
  const byText = ['name', 'unit', 'field'].includes(spec.sort?.by ?? 'rank');
  const byFlags = spec.only !== undefined || spec.sort?.by === 'flags';
  const oJoins: Sql[] = [];
  const oConds: Sql[] = [];
  if (byText || byFlags || spec.focus) oJoins.push(raw('JOIN model_dim x ON x.model_key = s.model_key'));
  if (byFlags) oJoins.push(raw(`LEFT JOIN ${RANK_FLAGS} fl ON fl.model_id = x.model_id`));
  if (spec.only) oConds.push(sql`list_contains(fl.codes, ${spec.only})`);
  if (spec.focus) oConds.push(sql`x.model_id = ${spec.focus}`);
  // In rank order over every ranked model a page is a top-N of the scores (no sort of every model) and
  // its ranks count on from the offset; otherwise every model is ranked, then ordered and paged.
  const plain = oJoins.length === 0 && (spec.sort?.by ?? 'rank') === 'rank' && spec.sort?.dir !== 'desc';
  const offset = spec.offset ?? 0;
  const order = raw('score DESC, model_key');
  const scored = sql`s0 AS (SELECT p.*, 100.0 * (${weighted}) / ${totalWeight} AS score FROM ${raw(p)} p)`;
  let ranked: Sql;
  if (plain) {
    const page = sql`${spec.limit ? sql`LIMIT ${spec.limit}` : raw('')} ${offset ? sql`OFFSET ${offset}` : raw('')}`;
    ranked = sql`${scored},
    t AS (SELECT * FROM s0 ORDER BY ${order} ${page}),
    s AS (SELECT t.*, (${offset} + row_number() OVER (ORDER BY ${order}))::INTEGER AS rank FROM t),
    o AS (SELECT s.model_key, s.rank AS pos FROM s)`;
  } else {
    const pageConds: Sql[] = [];
    if (offset) pageConds.push(sql`o.pos > ${offset}`);
    if (spec.limit) pageConds.push(sql`o.pos <= ${offset + spec.limit}`);
    ranked = sql`${scored},
    s AS (SELECT s0.*, row_number() OVER (ORDER BY ${order})::INTEGER AS rank FROM s0),
    oa AS (SELECT s.model_key, row_number() OVER (ORDER BY ${key} ${dir}, s.rank) AS pos
      FROM s ${join(oJoins, ' ')} WHERE ${and(oConds)}),
    o AS (SELECT * FROM oa o WHERE ${and(pageConds)})`;
  }

  // Models are carried by `model_key` (their rank in model_id order, so it also breaks score ties by
  // id) and peer groups by `pk`.
  const ctes = sql`${ranked},
    pg AS (SELECT s.rank, s.score, ${peerText(spec.peer)} AS peer,
      ${join(RANK_MODEL_COLUMNS.map(modelColumn))}, strftime(m.start_date, '%Y-%m-%d') AS start_date,
      ${join(outCols.map((c) => raw(c)))},
      array_to_string(fl.codes, ',') AS flag_codes, fl.json AS flags_json, o.pos
      FROM o JOIN s ON s.model_key = o.model_key JOIN model_dim m ON m.model_key = o.model_key
        JOIN ${raw(g)} g ON g.pk = s.pk LEFT JOIN ${raw(RANK_FLAGS)} fl ON fl.model_id = m.model_id)`;
  if (!spec.counts) return { ctes, select: raw('SELECT pg.* EXCLUDE (pos) FROM pg ORDER BY pg.pos') };
  // With counts every answer has a row: a page without models is one row of NULL model columns.
  const matching = plain ? raw('ranked') : raw('(SELECT CAST(count(*) AS INTEGER) FROM oa)');
  return {
    ctes: sql`${ctes},
    n AS (SELECT CAST(count(*) AS INTEGER) AS ranked FROM ${raw(p)}),
    cnt AS (SELECT ranked, ${matching} AS matching FROM n)`,
    select: raw(
      'SELECT pg.* EXCLUDE (pos), cnt.ranked, cnt.matching FROM cnt LEFT JOIN pg ON TRUE ORDER BY pg.pos',
    ),
  };
}

/** The second stage over a kept first stage: its rows in table `p`, the group statistics in `g`. */
export function rankPageSql(spec: RankSpec, tables: { p: string; g: string }): Sql {
  const page = rankPage(spec, tables.p, tables.g);
  return sql`WITH ${page.ctes} ${page.select}`;
}

/** The whole ranking as one statement: both stages, the statistics grouped from the first. */
export function compileRank(spec: RankSpec, catalog: CatalogCache): Sql {
  const page = rankPage(spec, 'p', 'g');
  return sql`WITH ${rankCoreCtes(spec, catalog)},
    g AS (${rankStatsSql(spec, catalog, 'p')}),
    ${page.ctes} ${page.select}`;
}
