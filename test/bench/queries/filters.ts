/** The filter the suite applies in its "filtered" variants: one field and one year (a field filter and a period range). */
import type { Filter } from '../../../shared/specs';

export const FIELD = 'An sinh xã hội';
export const PERIOD = { from: '2024-01', to: '2024-12' } as const;
export const FILTER: Filter = { fields: [FIELD], period: { ...PERIOD } };
/** The Overview's field chart drops its own field filter (cross-filtering). */
export const FILTER_NO_FIELD: Filter = { period: { ...PERIOD } };
export const SEARCH = 'cau';
export const MODEL_ID = 'MH-000100';
export const FUNDS = 'funds_mobilized_vnd';
export const BENEFICIARIES = 'beneficiaries';

/** SQL text literal (suite constants only, never user text). */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The filter keys `sqlFilter` writes; any other key is refused rather than silently ignored. */
const SQL_FILTER_KEYS = new Set(['fields', 'period']);

/**
 * Plain-SQL conditions of the filter: on models (m), on values (v, joined to their model m) and on the
 * values' period alone (v).
 */
export function sqlFilter(f: Filter | undefined): { models: string; values: string; period: string } {
  const other = Object.keys(f ?? {}).filter((k) => !SQL_FILTER_KEYS.has(k));
  if (other.length) throw new Error(`the plain-SQL baseline does not write filter keys ${other.join(', ')}`);
  const m: string[] = [];
  if (f?.fields?.length) m.push(`m.field IN (${f.fields.map(lit).join(', ')})`);
  const v = [...m];
  const p: string[] = [];
  if (f?.period?.from) p.push(`v.period_start >= DATE ${lit(`${f.period.from}-01`)}`);
  if (f?.period?.to) p.push(`v.period_start <= last_day(DATE ${lit(`${f.period.to}-01`)})`);
  v.push(...p);
  // A period filter keeps the models that reported a value in the period (shared/specs.ts Filter.period).
  if (p.length) m.push(`m.model_id IN (SELECT v.model_id FROM indicator_values v WHERE ${p.join(' AND ')})`);
  return {
    models: m.join(' AND ') || 'TRUE',
    values: v.join(' AND ') || 'TRUE',
    period: p.join(' AND ') || 'TRUE',
  };
}
