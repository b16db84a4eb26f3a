/**
 * RankSpec → SQL (one statement). Steps, as CTEs; only the inputs the spec's components use are computed:
 * 1. `md`: models in the filter (model_dim), minus those carrying an excluded flag (the user's choice);
 * 2. `iv` (when an indicator, reach or efficiency component is used): one row per model with the catalogue
 *    aggregate of each indicator used (sums summed, means averaged, turnaround weighted by records), its
 *    months reported (when a per-month rate needs them) and the totals of beneficiaries and funds (when
 *    needed), from `facts` restricted to those indicators and the period — `facts` is sorted by indicator
 *    and period, so the scan reads only their row groups;
 * 3. `mm` (months active, reporting share): months reported and the last one per model, from
 *    `model_months` (each model's distinct reporting months as integers, far fewer rows than `facts`), and
 *    `rng`, the data's first and last month in the filter;
 * 4. `tr` (trend only): mean over the model's indicators of the OLS slope of value ÷ mean per month (sign
 *    reversed when lower is better), from `facts` in the filter;
 * 5. `r`: each component's raw value (`c{i}_raw`) and its rank key; models with none are dropped;
 * 6. `p`: per component the percentile rank within the peer group (`percent_rank()` over the models of the
 *    group that have a value, ascending — descending for lower-is-better), the group's median and its
 *    top decile (the 90th percentile, or the 10th for lower-is-better), the latter two grouped once per
 *    peer group and joined back;
 * 7. score = 100 × Σ wᵢ·coalesce(pctᵢ, 0) ÷ Σ wᵢ, rank by score (ties by model id), flags joined.
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
import { ENUM_COLUMNS, enumType } from '../workspace/derived';
import type { CatalogCache } from './catalog-cache';
import { dimConditions, periodConditions, ymOf } from './filter';
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
function modelColumn(c: (typeof RANK_MODEL_COLUMNS)[number]): Sql {
  return (ENUM_COLUMNS as readonly string[]).includes(c)
    ? raw(`CAST(md.${c} AS ${enumType(c as (typeof ENUM_COLUMNS)[number])}) AS ${c}`)
    : raw(`md.${c}`);
}

/**
 * The peer group of a model (alias m): its key as output (`peer`) and as a small integer the windows
 * partition by (`pk`: the value's ENUM code; -1 for none or '', which share the key '') — hashing and
 * comparing long Vietnamese field names per row and window was a good part of the percentile step.
 */
function peerKey(peer: RankSpec['peer']): Sql {
  const of = (c: 'field' | 'unit_type') =>
    raw(
      `coalesce(m.${c}, '') AS peer, coalesce(enum_code(CAST(nullif(m.${c}, '') AS ${enumType(c)})), -1) AS pk`,
    );
  switch (peer ?? 'field') {
    case 'field':
      return of('field');
    case 'unit_type':
      return of('unit_type');
    case 'all':
      return raw(`'all' AS peer, 0 AS pk`);
  }
}

/**
 * The value percentiles order by: rounded to 12 significant digits, so two models whose values are equal
 * (say the same mean satisfaction) tie even when parallel float summation left them one ulp apart.
 */
function rankKey(col: Sql): Sql {
  return sql`CASE WHEN ${col} = 0 OR NOT isfinite(${col}) THEN ${col} ELSE round(${col}, CAST(11 - floor(log10(abs(${col}))) AS INTEGER)) END`;
}

/** Month index (year × 12 + month) of an integer month key `ym` (year × 100 + month). */
const monthIndex = (ym: string) => `((${ym}) // 100 * 12 + (${ym}) % 100)`;

export function compileRank(spec: RankSpec, catalog: CatalogCache): Sql {
  const inds = componentIndicators(spec.components, catalog);
  const need = componentNeeds(spec.components);
  const [, completed, paused] = STATUSES;
  const comps = spec.components;

  const mdConds = dimConditions(spec.filter, 'm', { activeInPeriod: true });
  if (spec.exclude?.length) {
    mdConds.push(
      sql`m.model_id NOT IN (SELECT x.model_id FROM ${raw(RANK_FLAGS)} x WHERE list_has_any(x.codes, ${listValue([...spec.exclude])}))`,
    );
  }
  // Values of the models in `md` within the period. Without an exclusion the filter's own conditions on
  // `facts` select the same models (it carries the model dimensions; a model with a value in the period is
  // active in it); an exclusion needs the semi-join on `md`.
  const fConds = periodConditions(spec.filter);
  if (spec.exclude?.length) fConds.push(raw('f.model_id IN (SELECT model_id FROM md)'));
  else fConds.push(...dimConditions(spec.filter, 'f'));

  const ctes: Sql[] = [
    // The flags join here, where the planner sees the small flags table against every model (joined to
    // the ranked rows at the end it built its hash table on the ranked rows instead).
    sql`md AS (SELECT m.*, ${peerKey(spec.peer)}, fl.codes AS flag_list, fl.json AS flags_json
      FROM model_dim m LEFT JOIN ${raw(RANK_FLAGS)} fl ON fl.model_id = m.model_id WHERE ${and(mdConds)})`,
  ];
  const joins: Sql[] = [];
  const aCols: Sql[] = [raw('md.model_key'), raw('md.pk'), raw('md.population')];

  // Per-model aggregates of the indicators used (and of beneficiaries / funds when a rate needs them).
  const codes = [...inds];
  const extra: Sql[] = [];
  if (need.beneficiaries) {
    if (!codes.includes(need.beneficiaries)) codes.push(need.beneficiaries);
    extra.push(sql`sum(f.value) FILTER (WHERE f.indicator_code = ${need.beneficiaries}) AS beneficiaries`);
  }
  if (need.funds) {
    if (!codes.includes(need.funds)) codes.push(need.funds);
    extra.push(sql`sum(f.value) FILTER (WHERE f.indicator_code = ${need.funds}) AS funds`);
  }
  if (codes.length) {
    const perIndicator = inds.flatMap((code, i) => {
      const cols = [
        sql`${indicatorAggregate({ type: 'indicator', indicator: code }, catalog)} AS ${raw(`i${i}`)}`,
      ];
      if (need.monthsOf.has(code))
        cols.push(sql`count(*) FILTER (WHERE f.indicator_code = ${code}) AS ${raw(`i${i}_months`)}`);
      return cols;
    });
    ctes.push(sql`iv AS (
      SELECT f.model_id, ${join([...perIndicator, ...extra])}
      FROM facts f WHERE f.indicator_code IN (${join(codes.map((c) => sql`${c}`))}) AND ${and(fConds)}
      GROUP BY f.model_id)`);
    joins.push(raw('LEFT JOIN iv ON iv.model_id = md.model_id'));
    aCols.push(raw('iv.* EXCLUDE (model_id)'));
  }

  if (need.months) {
    // Every model of `model_months` is in `model_dim`: without conditions on the models, no semi-join.
    const pc: Sql[] = mdConds.length ? [raw('fp.model_key IN (SELECT model_key FROM md)')] : [];
    const period = spec.filter?.period;
    if (period?.from) pc.push(sql`fp.ym >= CAST(${ymOf(period.from)} AS INTEGER)`);
    if (period?.to) pc.push(sql`fp.ym <= CAST(${ymOf(period.to)} AS INTEGER)`);
    ctes.push(sql`mm AS (
      SELECT fp.model_key, count(*) AS months, min(fp.ym) AS first_ym, max(fp.ym) AS last_ym
      FROM model_months fp WHERE ${and(pc)} GROUP BY fp.model_key)`);
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
    const tConds = [...fConds, raw('f.value IS NOT NULL')];
    ctes.push(sql`tr AS (
      SELECT s.model_id, avg(CASE WHEN i.higher_is_better THEN s.slope ELSE -s.slope END) AS trend
      FROM (
        SELECT f.model_id, f.indicator_code,
          regr_slope(f.value, date_diff('month', DATE '2000-01-01', f.period_start)) / nullif(avg(f.value), 0) AS slope
        FROM facts f WHERE ${and(tConds)} GROUP BY f.model_id, f.indicator_code HAVING count(*) >= 3
      ) s JOIN indicators i ON i.code = s.indicator_code
      WHERE s.slope IS NOT NULL AND isfinite(s.slope)
      GROUP BY s.model_id)`);
    joins.push(raw('LEFT JOIN tr ON tr.model_id = md.model_id'));
    aCols.push(raw('tr.trend'));
  }

  const rawCols = comps.map((c, i) => sql`${componentRaw(c, inds)} AS ${raw(`c${i}_raw`)}`);
  const keyCols = comps.map((_, i) => sql`${rankKey(raw(`c${i}_raw`))} AS ${raw(`c${i}_key`)}`);
  const anyValue = comps.map((_, i) => raw(`c${i}_raw IS NOT NULL`));
  const pctCols = comps.map((c, i) => {
    const col = raw(`c${i}_raw`);
    const dir = raw(higherIsBetter(c, catalog) ? 'ASC' : 'DESC');
    return sql`CASE WHEN ${col} IS NULL THEN NULL ELSE percent_rank() OVER (PARTITION BY pk, (${col} IS NULL) ORDER BY ${raw(`c${i}_key`)} ${dir}) END AS ${raw(`c${i}_pct`)}`;
  });
  const statCols = comps.flatMap((c, i) => {
    const col = raw(`c${i}_raw`);
    return [
      sql`median(${col}) AS ${raw(`c${i}_median`)}`,
      sql`quantile_cont(${col}, ${higherIsBetter(c, catalog) ? 0.9 : 0.1}) AS ${raw(`c${i}_top10`)}`,
    ];
  });
  const totalWeight = comps.reduce((s, c) => s + c.weight, 0);
  const weighted = join(
    comps.map((c, i) => sql`${c.weight} * coalesce(${raw(`c${i}_pct`)}, 0)`),
    ' + ',
  );
  const outCols = comps.flatMap((_, i) => [`s.c${i}_raw`, `s.c${i}_pct`, `g.c${i}_median`, `g.c${i}_top10`]);

  // Models are carried by `model_key` (their rank in model_id order, so it also breaks score ties by
  // id) and peer groups by `pk`; names and texts join back only for the output rows.
  return sql`WITH ${join(ctes)},
    a AS (SELECT ${join(aCols)} FROM md ${join(joins, ' ')}),
    r0 AS (SELECT a.model_key, a.pk, ${join(rawCols)} FROM a),
    r AS (SELECT r0.*, ${join(keyCols)} FROM r0 WHERE ${join(anyValue, ' OR ')}),
    g AS (SELECT pk, ${join(statCols)} FROM r GROUP BY pk),
    p AS (SELECT r.model_key, r.pk, ${join(comps.map((_, i) => raw(`r.c${i}_raw`)))}, ${join(pctCols)} FROM r),
    s0 AS (SELECT p.*, 100.0 * (${weighted}) / ${totalWeight} AS score FROM p),
    s AS (SELECT s0.*, row_number() OVER (ORDER BY s0.score DESC, s0.model_key)::INTEGER AS rank FROM s0)
    SELECT s.rank, s.score, md.peer,
      ${join(RANK_MODEL_COLUMNS.map(modelColumn))}, strftime(md.start_date, '%Y-%m-%d') AS start_date,
      ${join(outCols.map((c) => raw(c)))},
      array_to_string(md.flag_list, ',') AS flag_codes, md.flags_json
    FROM s JOIN md ON md.model_key = s.model_key JOIN g ON g.pk = s.pk
    ORDER BY s.rank
    ${spec.limit ? sql`LIMIT ${spec.limit}` : raw('')}`;
}
