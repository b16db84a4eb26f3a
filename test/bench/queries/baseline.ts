/**
 * The "no design" baseline: each suite question as hand-written SQL on the normalised tables (models, units,
 * indicator_values), joined at query time, with the same output columns as the engine so one decoder and one
 * equality check serve both. Only the joins a question needs are written.
 */
import type { Filter } from '../../../shared/specs';
import { lit, sqlFilter } from './filters';

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
export function modelList(where: string, order: string, limit: number): string {
  return `SELECT m.model_id, m.name, m.unit_code, ${UNIT_NAME} AS unit_name, coalesce(u.province, m.province) AS province,
      m.field, m.sponsor, m.start_date, m.status, m.recognition, m.lat, m.lon, m.replicated_from
    FROM models m LEFT JOIN units u ON u.code = m.unit_code WHERE ${where}
    ORDER BY ${order} NULLS LAST, m.model_id LIMIT ${limit}`;
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
