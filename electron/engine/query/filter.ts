/**
 * The shared Filter model compiled to SQL conditions over the derived tables. `model_dim` and `facts`
 * carry the same dimension column names, so one compiler serves both; pass the table alias.
 */
import type { Filter } from '../../../shared/specs';
import { foldVi } from '../../../shared/text';
import { and, inList, raw, sql, type Sql } from '../db/sql';
import { YEARS_MASK_FIRST, YEARS_MASK_LAST } from '../workspace/derived';

/** First day of a 'YYYY-MM' month, as ISO date text. */
export const monthStart = (ym: string) => `${ym}-01`;

/** Last day of a 'YYYY-MM' month, as ISO date text. */
export function monthEnd(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The integer month key (year × 100 + month) of a 'YYYY-MM' month, as in `facts.ym`. */
export function ymOf(ym: string): number {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return y * 100 + m;
}

/** Search tokens: folded, split on anything not a letter or digit. */
export function searchTokens(search: string | undefined): string[] {
  return foldVi(search ?? '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 20);
}

/** Conditions on the search text of `model_dim` (alias given). */
function searchConditions(f: Filter, alias: string): Sql[] {
  return searchTokens(f.search).map((t) => sql`contains(${raw(alias)}.search_text, ${t})`);
}

/**
 * Conditions on model dimensions. `alias` is 'm' for model_dim or 'f' for facts; search (which only
 * model_dim carries) becomes a semi-join when filtering facts, and `indicators` is a semi-join on
 * `facts` for both aliases (the planner sends such filters to `facts`, not a cube).
 */
export function dimConditions(
  f: Filter | undefined,
  alias: 'm' | 'f',
  opts: { activeInPeriod?: boolean } = {},
): Sql[] {
  if (!f) return [];
  const col = (c: string) => raw(`${alias}.${c}`);
  const c: Sql[] = [];
  if (f.provinces?.length) c.push(inList(col('province'), f.provinces));
  if (f.units?.length) c.push(inList(col('unit_code'), f.units));
  if (f.unitTypes?.length) c.push(inList(col('unit_type'), f.unitTypes));
  if (f.fields?.length) c.push(inList(col('field'), f.fields));
  if (f.sponsors?.length) c.push(inList(col('sponsor'), f.sponsors));
  if (f.statuses?.length) c.push(inList(col('status'), f.statuses));
  if (f.recognitions?.length) c.push(inList(col('recognition'), f.recognitions));
  if (f.modelIds?.length) c.push(inList(col('model_id'), f.modelIds));
  if (f.startYears?.length) c.push(inList(col('start_year'), f.startYears));
  if (f.indicators?.length) {
    // A set of models, not of values: models that reported any of the indicators (in the period when
    // one is set) — the models a pivot cell under an indicator key counts. An indicator measure still
    // aggregates its own values; this only decides whose.
    const ic: Sql[] = [inList(raw('fi.indicator_code'), f.indicators)];
    if (f.period?.from) ic.push(sql`fi.period_start >= CAST(${monthStart(f.period.from)} AS DATE)`);
    if (f.period?.to) ic.push(sql`fi.period_start <= CAST(${monthEnd(f.period.to)} AS DATE)`);
    c.push(sql`${col('model_id')} IN (SELECT fi.model_id FROM facts fi WHERE ${and(ic)})`);
  }
  const search = searchConditions(f, 'ms');
  if (search.length) {
    if (alias === 'm') c.push(...searchConditions(f, 'm'));
    else c.push(sql`f.model_id IN (SELECT ms.model_id FROM model_dim ms WHERE ${and(search)})`);
  }
  if (alias === 'm' && opts.activeInPeriod && (f.period?.from || f.period?.to)) {
    // A model belongs to a period when it reported a value in it: the same set a pivot cell under that
    // period counts, so drilling through a cell lists exactly the models behind it.
    // `model_months` lists the months each model reported in (workspace/derived.ts): the same set as
    // the values in `facts` within the period, from far fewer rows.
    // A period of whole years reads `model_years` (one row per model and year), a tenth of the rows.
    const years = wholeYears(f.period);
    const mask = years && yearsMask(years);
    if (mask !== null) {
      // Whole years inside the mask's span: the bits of the model's years (`model_dim.years_mask`).
      c.push(raw(`(m.years_mask & CAST(${mask} AS UBIGINT)) <> 0`));
    } else if (years) {
      const pc: Sql[] = [];
      if (years.from !== null) pc.push(sql`fp.y >= ${years.from}`);
      if (years.to !== null) pc.push(sql`fp.y <= ${years.to}`);
      c.push(sql`m.model_key IN (SELECT fp.model_key FROM model_years fp WHERE ${and(pc)})`);
    } else {
      const pc: Sql[] = [];
      if (f.period.from) pc.push(sql`fp.ym >= CAST(${ymOf(f.period.from)} AS INTEGER)`);
      if (f.period.to) pc.push(sql`fp.ym <= CAST(${ymOf(f.period.to)} AS INTEGER)`);
      c.push(sql`m.model_key IN (SELECT fp.model_key FROM model_months fp WHERE ${and(pc)})`);
    }
  }
  return c;
}

/**
 * The years of a period made of whole years — from a January (or open) to a December (or open) — else
 * null. Open on both ends (no period) gives { from: null, to: null }.
 */
export function wholeYears(
  p: { from?: string; to?: string } | undefined,
): { from: number | null; to: number | null } | null {
  if (p?.from && !p.from.endsWith('-01')) return null;
  if (p?.to && !p.to.endsWith('-12')) return null;
  return { from: p?.from ? Number(p.from.slice(0, 4)) : null, to: p?.to ? Number(p.to.slice(0, 4)) : null };
}

/**
 * The `years_mask` bits of a range of whole years, as decimal text, when both ends are set and inside the
 * mask's span (YEARS_MASK_FIRST…YEARS_MASK_LAST); else null (the caller reads `model_years`). An empty
 * range (from after to) is 0: no model.
 */
export function yearsMask(years: { from: number | null; to: number | null }): string | null {
  const { from, to } = years;
  if (from === null || to === null) return null;
  if (!Number.isInteger(from) || !Number.isInteger(to)) return null;
  if (from > to) return '0';
  if (from < YEARS_MASK_FIRST || to > YEARS_MASK_LAST) return null;
  const bits = ((1n << BigInt(to - from + 1)) - 1n) << BigInt(from - YEARS_MASK_FIRST);
  return bits.toString();
}

/** Conditions on the period of `facts` rows (alias f). */
export function periodConditions(f: Filter | undefined): Sql[] {
  const c: Sql[] = [];
  if (f?.period?.from) c.push(sql`f.period_start >= CAST(${monthStart(f.period.from)} AS DATE)`);
  if (f?.period?.to) c.push(sql`f.period_start <= CAST(${monthEnd(f.period.to)} AS DATE)`);
  return c;
}

/** SQL that folds text for search the same way `foldVi` does (lower case, no diacritics, đ → d). */
export const SEARCH_FOLD_SQL = (expr: string) =>
  `lower(strip_accents(replace(replace(coalesce(${expr}, ''), 'đ', 'd'), 'Đ', 'D')))`;
