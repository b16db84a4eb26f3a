/**
 * The "no design" baseline: each suite question as hand-written SQL on the normalised tables (models, units,
 * indicator_values), joined at query time, with the same output columns as the engine so one decoder and one
 * equality check serve both. Only the joins a question needs are written.
 */
import { INDICATOR_BY_CODE, STATUSES } from '../../../shared/catalog';
import type { MapSpec } from '../../../shared/map-spec';
import type { RankComponent, RankSpec } from '../../../shared/rank-spec';
import { SERIES_ALL, SERIES_OTHERS, type SeriesSpec } from '../../../shared/series-spec';
import type { Filter } from '../../../shared/specs';
import { FUNDS, BENEFICIARIES, lit, sqlFilter } from './filters';

const VALUES = 'indicator_values v JOIN models m ON m.model_id = v.model_id';
const UNIT_NAME = 'coalesce(u.name, m.unit_name, m.unit_code)';

/** The KPI row: models and units counted on models, three indicator sums on values. */
export function kpi(filter: Filter | undefined): string {
  const w = sqlFilter(filter);
  const s = (code: string) => `CAST(sum(v.value) FILTER (WHERE v.indicator_code = ${lit(code)}) AS DOUBLE)`;
  return `SELECT '' AS key, '' AS label, a.m0, a.m1, b.m2, b.m3, b.m4 FROM
    (SELECT CAST(count(DISTINCT m.model_id) AS DOUBLE) AS m0, CAST(count(DISTINCT m.unit_code) AS DOUBLE) AS m1
       FROM models m WHERE ${w.models}) a,
    (SELECT ${s('funds_mobilized_vnd')} AS m2, ${s('beneficiaries')} AS m3, ${s('households_supported')} AS m4
       FROM ${VALUES} WHERE v.indicator_code IN ('funds_mobilized_vnd', 'beneficiaries', 'households_supported')
       AND ${w.values}) b`;
}

/** Models counted per model column. */
export function countBy(col: string, filter: Filter | undefined, order = 'ORDER BY key NULLS LAST'): string {
  return `SELECT m.${col} AS key, any_value(m.${col}) AS label, CAST(count(DISTINCT m.model_id) AS DOUBLE) AS m0
    FROM models m WHERE ${sqlFilter(filter).models} GROUP BY 1 ${order}`;
}

/** One indicator summed per key expression over values joined to models (and units for the label). */
export function sumBy(
  key: string,
  code: string,
  filter: Filter | undefined,
  order = 'ORDER BY key',
  unitLabel = false,
): string {
  const label = unitLabel ? `any_value(${UNIT_NAME})` : `any_value(${key})`;
  const units = unitLabel ? 'LEFT JOIN units u ON u.code = m.unit_code' : '';
  return `SELECT ${key} AS key, ${label} AS label, CAST(sum(v.value) AS DOUBLE) AS m0
    FROM ${VALUES} ${units} WHERE v.indicator_code = ${lit(code)} AND ${sqlFilter(filter).values} GROUP BY 1 ${order}`;
}

/** A page of the model list with the unit resolved. */
export function modelList(where: string, order: string, limit: number, offset = 0): string {
  return `SELECT m.model_id, m.name, m.unit_code, ${UNIT_NAME} AS unit_name, coalesce(u.province, m.province) AS province,
      m.field, m.sponsor, m.start_date, m.status, m.recognition, m.lat, m.lon, m.replicated_from
    FROM models m LEFT JOIN units u ON u.code = m.unit_code WHERE ${where}
    ORDER BY ${order} NULLS LAST, m.model_id LIMIT ${limit} OFFSET ${offset}`;
}

/** Month or year key of a value's period, as the engine writes it. */
export const periodKey = (grain: 'month' | 'year') =>
  `strftime(date_trunc('${grain}', v.period_start), '%Y-%m-%d')`;

/** Grouping sets for R row keys and C column keys: every row level × every column level. */
function groupingSets(R: number, C: number): string {
  const sets: string[] = [];
  for (let l = R; l >= 0; l--) {
    for (let c = C; c >= 0; c--) {
      const keys = [
        ...Array.from({ length: l }, (_, i) => `r${i}`),
        ...Array.from({ length: c }, (_, j) => `c${j}`),
      ];
      sets.push(`(${keys.join(', ')})`);
    }
  }
  return `GROUPING SETS (${sets.join(', ')})`;
}

/** `GROUPING(c…, r…)`: bit i set when key i (rows first, then columns) is rolled up, as the engine's grp. */
function grouping(R: number, C: number): string {
  const keys = [
    ...Array.from({ length: R }, (_, i) => `r${i}`),
    ...Array.from({ length: C }, (_, j) => `c${j}`),
  ];
  return `CAST(GROUPING(${keys.reverse().join(', ')}) AS INTEGER) AS grp`;
}

/** Labels: unit names for unit keys, the key itself otherwise. */
function labelled(keys: string[], prefix: 'r' | 'c'): string[] {
  return keys.flatMap((k, i) => [
    `${k} AS ${prefix}${i}`,
    `${k === 'm.unit_code' ? UNIT_NAME : k} AS ${prefix}${i}_label`,
  ]);
}

function outCols(R: number, C: number): string {
  const names = [
    ...Array.from({ length: R }, (_, i) => [`r${i}`, `any_value(r${i}_label) AS r${i}_label`]),
    ...Array.from({ length: C }, (_, j) => [`c${j}`, `any_value(c${j}_label) AS c${j}_label`]),
  ];
  return names.flat().join(', ');
}

/** Models counted per unit × field with every total. */
export function pivotModels(filter: Filter | undefined): string {
  return `SELECT ${outCols(1, 1)}, ${grouping(1, 1)}, CAST(count(DISTINCT model_id) AS DOUBLE) AS v0 FROM (
      SELECT ${labelled(['m.unit_code'], 'r').join(', ')}, ${labelled(['m.field'], 'c').join(', ')}, m.model_id
      FROM models m LEFT JOIN units u ON u.code = m.unit_code WHERE ${sqlFilter(filter).models})
    GROUP BY ${groupingSets(1, 1)} ORDER BY r0 NULLS FIRST, c0 NULLS FIRST`;
}

/** One indicator summed per row keys × column keys (value-level expressions) with every subtotal and total. */
export function pivotValues(
  rows: string[],
  cols: string[],
  code: string,
  filter: Filter | undefined,
): string {
  const R = rows.length;
  const C = cols.length;
  return `SELECT ${outCols(R, C)}, ${grouping(R, C)}, CAST(sum(value) AS DOUBLE) AS v0 FROM (
      SELECT ${[...labelled(rows, 'r'), ...labelled(cols, 'c')].join(', ')}, v.value
      FROM ${VALUES} LEFT JOIN units u ON u.code = m.unit_code
      WHERE v.indicator_code = ${lit(code)} AND ${sqlFilter(filter).values})
    GROUP BY ${groupingSets(R, C)} ORDER BY ALL NULLS FIRST`;
}

/** Units × field, the 10 largest units by the indicator kept and the rest merged into Others. */
export function pivotTopN(n: number, code: string, filter: Filter | undefined): string {
  return `WITH src AS (
      SELECT m.unit_code AS k, ${UNIT_NAME} AS name, m.field, v.value
      FROM ${VALUES} LEFT JOIN units u ON u.code = m.unit_code
      WHERE v.indicator_code = ${lit(code)} AND ${sqlFilter(filter).values}),
    top AS (SELECT k FROM src GROUP BY k ORDER BY sum(value) DESC NULLS LAST, k LIMIT ${n})
    SELECT r0, any_value(r0_label) AS r0_label, c0, any_value(c0) AS c0_label, ${grouping(1, 1)},
      CAST(sum(value) AS DOUBLE) AS v0
    FROM (SELECT CASE WHEN k IN (SELECT k FROM top) THEN k ELSE '__others__' END AS r0,
            CASE WHEN k IN (SELECT k FROM top) THEN name END AS r0_label, field AS c0, value FROM src)
    GROUP BY ${groupingSets(1, 1)} ORDER BY sum(value) DESC`;
}

/** One indicator per unit and in total, per 10,000 inhabitants of the units (all units for the total). */
export function pivotPerCapita(code: string, filter: Filter | undefined): string {
  return `WITH c AS (
      SELECT m.unit_code AS r0, any_value(${UNIT_NAME}) AS r0_label, CAST(GROUPING(m.unit_code) AS INTEGER) AS grp,
        sum(v.value) AS x
      FROM ${VALUES} LEFT JOIN units u ON u.code = m.unit_code
      WHERE v.indicator_code = ${lit(code)} AND ${sqlFilter(filter).values}
      GROUP BY GROUPING SETS ((m.unit_code), ()))
    SELECT c.r0, c.r0_label, c.grp,
      CAST(c.x / nullif(CASE WHEN c.grp = 1 THEN (SELECT sum(population) FROM units) ELSE u.population END, 0) * 10000 AS DOUBLE) AS v0
    FROM c LEFT JOIN units u ON u.code = c.r0 AND c.grp = 0 ORDER BY c.grp DESC, c.r0_label`;
}

/** The catalogue entry of an indicator (the suite's indicators are the built-in ones). */
function indicatorDef(code: string) {
  const def = INDICATOR_BY_CODE.get(code);
  if (!def) throw new Error(`baseline: unknown indicator ${code}`);
  return def;
}

/**
 * One indicator's catalogue aggregate over columns `value` and `weight` of rows where `cond` holds: sums
 * summed, means averaged over every value, weighted means weighted by the `weight_by` indicator of the same
 * model and month where one was reported (the plain mean otherwise).
 */
function aggOf(code: string, cond = 'TRUE'): string {
  const f = (extra?: string) => `FILTER (WHERE ${[cond, extra].filter(Boolean).join(' AND ')})`;
  switch (indicatorDef(code).aggregation) {
    case 'sum':
      return `sum(value) ${f()}`;
    case 'mean':
      return `avg(value) ${f()}`;
    case 'weighted_mean': {
      const w = f('weight > 0 AND value IS NOT NULL');
      return `CASE WHEN coalesce(sum(weight) ${w}, 0) > 0 THEN sum(value * weight) ${w} / sum(weight) ${w} ELSE avg(value) ${f()} END`;
    }
    default:
      throw new Error(`baseline: no catalogue aggregation for ${code}`);
  }
}

/**
 * `indicator_values v` with, for weighted-mean indicators among `codes`, the weight: the value of the
 * catalogue's `weight_by` indicator reported by the same model in the same month (a LEFT JOIN back onto
 * indicator_values); `weight` is NULL for the others.
 */
function weightedValues(codes: readonly string[]): { join: string; weight: string } {
  const by = codes.flatMap((c) => {
    const w = indicatorDef(c).weight_by;
    return w ? [`WHEN ${lit(c)} THEN ${lit(w)}`] : [];
  });
  if (!by.length) return { join: '', weight: 'CAST(NULL AS DOUBLE)' };
  return {
    join: `LEFT JOIN indicator_values wt ON wt.model_id = v.model_id AND wt.period_start = v.period_start
      AND wt.indicator_code = (CASE v.indicator_code ${by.join(' ')} END)`,
    weight: 'wt.value',
  };
}

/** Months since year 0 of a DATE expression (month arithmetic without date functions on the axis). */
const monthNo = (d: string) => `(year(${d}) * 12 + month(${d}) - 1)`;

/**
 * A SeriesSpec at any grain (shared/series-spec.ts), one series or split by a model column with top-N
 * and Others, transform none, YoY or moving average: the catalogue aggregate per series × indicator ×
 * period, on the full period axis (a period without values is a NULL row with n = 0; n is a distinct
 * count of models). YoY and the moving
 * average look back on that axis by date arithmetic (a self-join 12 months back; the mean of the non-NULL
 * months in the window) rather than by row offsets.
 */
export function series(spec: SeriesSpec): string {
  const split = spec.split;
  if (spec.modelIds || split?.rankBy === 'models')
    throw new Error('baseline: series by a split or none, ranked by value only');
  const grain = spec.grain ?? 'month';
  // Months per step of the period axis.
  const step = { month: 1, quarter: 3, year: 12 }[grain];
  if (split && !['field', 'sponsor', 'status'].includes(split.by))
    throw new Error(`baseline: series split by ${split.by} not written`);
  const t = spec.transform ?? { type: 'none' };
  const w = sqlFilter(spec.filter);
  const codes = spec.indicators;
  const first = codes[0] as string;
  const wv = weightedValues(codes);
  const ctes = [
    `src AS (SELECT ${split ? `m.${split.by}` : lit(SERIES_ALL)} AS g, v.indicator_code AS ind,
        CAST(date_trunc('${grain}', v.period_start) AS DATE) AS p, v.model_id, v.value, ${wv.weight} AS weight
      FROM ${VALUES} ${wv.join}
      WHERE v.indicator_code IN (${codes.map(lit).join(', ')}) AND ${w.values})`,
  ];
  if (split) {
    const kept = split.topN === undefined ? 'TRUE' : `o.rn <= ${split.topN}`;
    ctes.push(
      // Groups ranked by the first indicator's aggregate over all the filtered data (groups without it
      // last), ties by key.
      `ord AS (SELECT g.g, row_number() OVER (ORDER BY r.rv DESC NULLS LAST, g.g) AS rn
        FROM (SELECT DISTINCT g FROM src WHERE g IS NOT NULL) g
        LEFT JOIN (SELECT g, ${aggOf(first)} AS rv FROM src WHERE ind = ${lit(first)} GROUP BY g) r ON r.g = g.g)`,
      `keyed AS (SELECT CASE WHEN s.g IS NULL THEN NULL WHEN ${kept} THEN s.g ELSE ${lit(SERIES_OTHERS)} END AS s,
          s.ind, s.p, s.model_id, s.value, s.weight
        FROM src s LEFT JOIN ord o ON o.g = s.g)`,
      `ser AS (SELECT k.s, CASE WHEN k.s IS NULL THEN 2e9 WHEN k.s = ${lit(SERIES_OTHERS)} THEN 2e9 + 1 ELSE min(o.rn) END AS so
        FROM keyed k LEFT JOIN ord o ON o.g = k.s GROUP BY k.s)`,
    );
  } else {
    ctes.push(
      'keyed AS (SELECT g AS s, ind, p, model_id, value, weight FROM src)',
      `ser AS (SELECT ${lit(SERIES_ALL)} AS s, 0 AS so)`,
    );
  }
  const from = spec.filter?.period?.from;
  const to = spec.filter?.period?.to;
  ctes.push(
    `agg AS (SELECT s, ind, p, CASE ${codes.map((c) => `WHEN ind = ${lit(c)} THEN ${aggOf(c)}`).join(' ')} END AS raw,
        count(DISTINCT model_id) FILTER (WHERE value IS NOT NULL) AS n
      FROM keyed GROUP BY s, ind, p)`,
    `bounds AS (SELECT ${from ? `CAST(date_trunc('${grain}', DATE ${lit(`${from}-01`)}) AS DATE)` : 'min(p)'} AS lo,
        ${to ? `CAST(date_trunc('${grain}', DATE ${lit(`${to}-01`)}) AS DATE)` : 'max(p)'} AS hi FROM src)`,
    `axis AS (SELECT CAST(lo + to_months(CAST(i * ${step} AS INTEGER)) AS DATE) AS p
      FROM (SELECT lo, unnest(range(0, (${monthNo('hi')} - ${monthNo('lo')}) // ${step} + 1)) AS i FROM bounds WHERE lo IS NOT NULL))`,
    `grid AS (SELECT ser.s, ser.so, i.ind, i.io, a.p, g.raw, coalesce(g.n, 0) AS n
      FROM ser CROSS JOIN (VALUES ${codes.map((c, i) => `(${lit(c)}, ${i})`).join(', ')}) i(ind, io) CROSS JOIN axis a
      LEFT JOIN agg g ON g.s IS NOT DISTINCT FROM ser.s AND g.ind = i.ind AND g.p = a.p)`,
  );
  const same = 'y.s IS NOT DISTINCT FROM j.s AND y.ind = j.ind';
  let value = 'j.raw';
  let delta = 'NULL';
  let join = '';
  if (t.type === 'yoy') {
    join = `LEFT JOIN grid y ON ${same} AND y.p = CAST(j.p - INTERVAL 12 MONTH AS DATE)`;
    value =
      'CASE WHEN y.raw IS NULL OR y.raw = 0 OR j.raw IS NULL THEN NULL ELSE (j.raw - y.raw) / abs(y.raw) * 100 END';
    delta = 'j.raw - y.raw';
  } else if (t.type === 'moving_average') {
    value = `CASE WHEN j.raw IS NULL THEN NULL ELSE (SELECT avg(y.raw) FROM grid y
      WHERE ${same} AND y.p BETWEEN CAST(j.p - INTERVAL ${(t.window - 1) * step} MONTH AS DATE) AND j.p) END`;
  } else if (t.type !== 'none') throw new Error(`baseline: series transform ${t.type} not written`);
  return `WITH ${ctes.join(',\n')}
    SELECT j.s AS series, CAST(NULL AS VARCHAR) AS label, j.ind AS indicator, strftime(j.p, '%Y-%m-%d') AS period,
      CAST(j.raw AS DOUBLE) AS raw, CAST(${value} AS DOUBLE) AS value, CAST(${delta} AS DOUBLE) AS delta,
      CAST(j.n AS INTEGER) AS n
    FROM grid j ${join}
    ORDER BY j.so, j.io, j.p`;
}

/**
 * The map's units layer (shared/map-spec.ts) for a count of models or an indicator, optionally per 10,000
 * residents or per km²: one row per registered unit (a code registered twice counts once, the latest
 * import), the unit's filtered models (0 when none) and the measure (a count is 0 when absent, an
 * indicator the unit never reported NULL).
 */
export function mapUnits(spec: MapSpec): string {
  if ((spec.layer ?? 'units') !== 'units') throw new Error('baseline: map units layer only');
  const m = spec.measure ?? { type: 'count_models' as const };
  const w = sqlFilter(spec.filter);
  const ctes = [
    `s AS (SELECT code, name, type, province, population, area_km2 FROM units
      QUALIFY row_number() OVER (PARTITION BY code ORDER BY import_id DESC NULLS LAST) = 1)`,
    `n AS (SELECT m.unit_code, count(*) AS n FROM models m WHERE ${w.models} GROUP BY m.unit_code)`,
  ];
  let base: string;
  if (m.type === 'count_models') base = 'coalesce(n.n, 0)';
  else if (m.type === 'indicator' && (m.agg ?? 'catalog') === 'catalog') {
    const wv = weightedValues([m.indicator]);
    ctes.push(
      `x AS (SELECT unit_code, ${aggOf(m.indicator)} AS v FROM (
        SELECT m.unit_code, v.value, ${wv.weight} AS weight FROM ${VALUES} ${wv.join}
        WHERE v.indicator_code = ${lit(m.indicator)} AND ${w.values}) GROUP BY unit_code)`,
    );
    base = 'x.v';
  } else throw new Error(`baseline: map measure ${m.type} not written`);
  const per = ('per' in m ? m.per : undefined) ?? 'none';
  const value =
    per === 'per10k'
      ? `${base} / nullif(s.population, 0) * 10000`
      : per === 'per_km2'
        ? `${base} / nullif(s.area_km2, 0)`
        : base;
  return `WITH ${ctes.join(',\n')}
    SELECT s.code AS unit_code, s.name AS unit_name, s.type AS unit_type, s.province,
      CAST(s.population AS DOUBLE) AS population, CAST(s.area_km2 AS DOUBLE) AS area_km2,
      CAST(coalesce(n.n, 0) AS INTEGER) AS models, CAST(${value} AS DOUBLE) AS value
    FROM s LEFT JOIN n ON n.unit_code = s.code ${m.type === 'indicator' ? 'LEFT JOIN x ON x.unit_code = s.code' : ''}
    ORDER BY s.code`;
}

/** A value ordered on 12 significant digits, so values equal but for float noise tie (rank-spec.ts). */
const tieKey = (c: string) =>
  `CASE WHEN ${c} = 0 OR NOT isfinite(${c}) THEN ${c} ELSE round(${c}, CAST(11 - floor(log10(abs(${c}))) AS INTEGER)) END`;

/**
 * A RankSpec (shared/rank-spec.ts) on the normalised tables: the filtered models (active in the period),
 * their values in the period with the weights, per-model aggregates (catalogue aggregate and months
 * reported per indicator, months reported, beneficiaries and funds totals, expected months), each
 * component's raw value, its percentile within the peer group among the models reporting it ((models
 * strictly worse) ÷ (group size − 1), 0 for a group of one; ties on 12 significant digits), the group's
 * median and top decile, the weighted score and the rank; one page (limit, offset) with the counts when
 * asked. Flags are not computed (see canon.ts).
 */
export function rank(spec: RankSpec): string {
  if (spec.exclude?.length || spec.only || spec.focus || (spec.sort && spec.sort.by !== 'rank'))
    throw new Error('baseline: ranking in rank order, without exclusions, flag filter or focus');
  if (spec.sort?.dir === 'desc') throw new Error('baseline: ranking in ascending rank order');
  const comps = spec.components;
  const codes = [...new Set(comps.flatMap((c) => (c.type === 'indicator' ? [c.indicator] : [])))];
  const w = sqlFilter(spec.filter);
  const wv = weightedValues(codes);
  const peer = { field: `coalesce(m.field, '')`, unit_type: `coalesce(u.type, '')`, all: `'all'` }[
    spec.peer ?? 'field'
  ];
  const [, completed, paused] = STATUSES;
  const perModel = codes.flatMap((c, k) => [
    `${aggOf(c, `ind = ${lit(c)}`)} AS i${k}`,
    `count(DISTINCT period_start) FILTER (WHERE ind = ${lit(c)}) AS i${k}_months`,
  ]);
  const rawOf = (c: RankComponent): string => {
    switch (c.type) {
      case 'indicator': {
        const i = `a.i${codes.indexOf(c.indicator)}`;
        const per = c.per ?? 'none';
        if (per === 'none') return i;
        if (per === 'per_month') return `${i} / nullif(${i}_months, 0)`;
        if (per === 'per10k') return `${i} / nullif(a.population, 0) * 10000`;
        return `${i} / nullif(a.funds, 0) * 1000000`;
      }
      case 'months_active':
        return 'a.months';
      case 'reporting_share':
        return 'CASE WHEN a.expected > 0 THEN least(1.0, a.months / a.expected) END';
      case 'reach':
        return 'a.benef / nullif(a.population, 0)';
      case 'efficiency':
        return 'a.benef / nullif(a.funds, 0) * 1000000';
      default:
        throw new Error(`baseline: ranking component ${c.type} not written`);
    }
  };
  const higher = (c: RankComponent) => c.type !== 'indicator' || indicatorDef(c.indicator).higher_is_better;
  const pct = comps.flatMap((c, i) => {
    const x = `c${i}_raw`;
    const part = `PARTITION BY peer, (${x} IS NULL)`;
    return [
      `CASE WHEN ${x} IS NULL THEN NULL ELSE CAST(rank() OVER (${part} ORDER BY ${tieKey(x)} ${higher(c) ? 'ASC' : 'DESC'}) - 1 AS DOUBLE)
        / greatest(count(*) OVER (${part}) - 1, 1) END AS c${i}_pct`,
      `median(${x}) OVER (PARTITION BY peer) AS c${i}_median`,
      `quantile_cont(${x}, ${higher(c) ? 0.9 : 0.1}) OVER (PARTITION BY peer) AS c${i}_top10`,
    ];
  });
  const total = comps.reduce((t, c) => t + c.weight, 0);
  const score = comps.map((c, i) => `${c.weight} * coalesce(c${i}_pct, 0)`).join(' + ');
  const out = comps.flatMap((_, i) =>
    [`c${i}_raw`, `c${i}_pct`, `c${i}_median`, `c${i}_top10`].map((x) => `s.${x}`),
  );
  return `WITH mu AS (
      SELECT m.model_id, m.name, m.unit_code, ${UNIT_NAME} AS unit_name, u.type AS unit_type, m.field, m.sponsor,
        m.status, m.start_date, u.population, ${peer} AS peer
      FROM models m LEFT JOIN units u ON u.code = m.unit_code WHERE ${w.models}
    ), vals AS (
      SELECT v.model_id, v.indicator_code AS ind, v.period_start, v.value, ${wv.weight} AS weight
      FROM indicator_values v ${wv.join}
      WHERE v.model_id IN (SELECT model_id FROM mu) AND ${w.period}
    ), rng AS (SELECT min(period_start) AS d0, max(period_start) AS d1 FROM vals
    ), pm AS (
      SELECT model_id, count(DISTINCT period_start) AS months, max(period_start) AS last_p,
        sum(value) FILTER (WHERE ind = ${lit(BENEFICIARIES)}) AS benef, sum(value) FILTER (WHERE ind = ${lit(FUNDS)}) AS funds
        ${perModel.map((x) => `, ${x}`).join('')}
      FROM vals GROUP BY model_id
    ), a AS (
      SELECT mu.*, pm.* EXCLUDE (model_id),
        ${monthNo(`CASE WHEN mu.status IN (${lit(completed)}, ${lit(paused)}) THEN pm.last_p ELSE rng.d1 END`)}
          - greatest(${monthNo('coalesce(mu.start_date, rng.d0)')}, ${monthNo('rng.d0')}) + 1 AS expected
      FROM mu JOIN pm USING (model_id) CROSS JOIN rng
    ), r AS (
      SELECT a.model_id, a.peer, ${comps.map((c, i) => `${rawOf(c)} AS c${i}_raw`).join(', ')} FROM a
    ), p AS (
      SELECT r.*, ${pct.join(', ')} FROM r WHERE ${comps.map((_, i) => `c${i}_raw IS NOT NULL`).join(' OR ')}
    ), s AS (
      SELECT p.*, 100.0 * (${score}) / ${total} AS score FROM p
    )
    SELECT CAST(row_number() OVER (ORDER BY s.score DESC, s.model_id) AS INTEGER) AS rank, s.score, s.peer,
      mu.model_id, mu.name, mu.unit_code, mu.unit_name, mu.unit_type, mu.field, mu.sponsor, mu.status,
      strftime(mu.start_date, '%Y-%m-%d') AS start_date, ${out.join(', ')}
      ${spec.counts ? ', CAST(count(*) OVER () AS INTEGER) AS ranked, CAST(count(*) OVER () AS INTEGER) AS matching' : ''}
    FROM s JOIN mu USING (model_id)
    ORDER BY rank
    ${spec.limit ? `LIMIT ${spec.limit}` : ''} ${spec.offset ? `OFFSET ${spec.offset}` : ''}`;
}
