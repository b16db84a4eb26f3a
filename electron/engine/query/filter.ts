/**
 * The shared Filter model compiled to SQL conditions. Model-level conditions use alias `m` (models)
 * and `u` (units, left-joined on m.unit_code); value-level conditions use alias `v` (indicator_values).
 */
import type { Filter } from '../../../shared/specs';
import { foldVi } from '../../../shared/text';
import { inList, raw, sql, type Sql } from '../db/sql';

/** First day of a 'YYYY-MM' month, as ISO date text. */
export const monthStart = (ym: string) => `${ym}-01`;

/** Last day of a 'YYYY-MM' month, as ISO date text. */
export function monthEnd(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

/** Conditions on models (and their unit) from a filter. */
export function modelConditions(f: Filter | undefined, opts: { periodOnStart?: boolean } = {}): Sql[] {
  if (!f) return [];
  const c: Sql[] = [];
  if (f.provinces?.length) c.push(inList(raw('coalesce(u.province, m.province)'), f.provinces));
  if (f.units?.length) c.push(inList(raw('m.unit_code'), f.units));
  if (f.unitTypes?.length) c.push(inList(raw('u.type'), f.unitTypes));
  if (f.fields?.length) c.push(inList(raw('m.field'), f.fields));
  if (f.sponsors?.length) c.push(inList(raw('m.sponsor'), f.sponsors));
  if (f.statuses?.length) c.push(inList(raw('m.status'), f.statuses));
  if (f.recognitions?.length) c.push(inList(raw('m.recognition'), f.recognitions));
  if (f.modelIds?.length) c.push(inList(raw('m.model_id'), f.modelIds));
  if (f.search) {
    const tokens = foldVi(f.search)
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .slice(0, 20);
    for (const t of tokens) c.push(sql`contains(m.search_text, ${t})`);
  }
  if (opts.periodOnStart && f.period?.to) {
    c.push(sql`(m.start_date IS NULL OR m.start_date <= CAST(${monthEnd(f.period.to)} AS DATE))`);
  }
  return c;
}

/** Conditions on indicator values from a filter's period. */
export function valueConditions(f: Filter | undefined): Sql[] {
  const c: Sql[] = [];
  if (f?.period?.from) c.push(sql`v.period_start >= CAST(${monthStart(f.period.from)} AS DATE)`);
  if (f?.period?.to) c.push(sql`v.period_start <= CAST(${monthEnd(f.period.to)} AS DATE)`);
  return c;
}

/** SQL that folds text for search the same way `foldVi` does (lower case, no diacritics, đ → d). */
export const SEARCH_FOLD_SQL = (expr: string) =>
  `lower(strip_accents(replace(replace(coalesce(${expr}, ''), 'đ', 'd'), 'Đ', 'D')))`;
