/**
 * The global filter as the UI holds it, and its normal form: empty lists, blank search and open period
 * bounds are dropped so two equal filters always serialise to the same spec JSON (one cache entry).
 */
import type { Filter } from '../../../shared/specs';

/** Multi-value filter keys kept in the URL (start years and indicators come from a pivot drill-through). */
export const LIST_KEYS = [
  'provinces',
  'units',
  'unitTypes',
  'fields',
  'sponsors',
  'statuses',
  'recognitions',
  'startYears',
  'indicators',
] as const;
/** One multi-value filter key. */
export type ListKey = (typeof LIST_KEYS)[number];

/** The filter with nothing empty in it; `{}` when nothing is filtered. */
export function normaliseFilter(f: Filter): Filter {
  const out: Filter = {};
  for (const k of LIST_KEYS) {
    const v = f[k];
    if (v?.length) out[k] = [...new Set(v)];
  }
  if (f.modelIds?.length) out.modelIds = [...new Set(f.modelIds)];
  const from = f.period?.from;
  const to = f.period?.to;
  if (from || to) {
    // A reversed range is a slip of the hand: swap it rather than return nothing.
    const [a, b] = from && to && from > to ? [to, from] : [from, to];
    out.period = { ...(a ? { from: a } : {}), ...(b ? { to: b } : {}) };
  }
  const search = f.search?.trim();
  if (search) out.search = search;
  return out;
}

/** How many filter controls are set (for the "clear filters" button and badges). */
export function activeFilterCount(f: Filter): number {
  let n = 0;
  for (const k of LIST_KEYS) if (f[k]?.length) n++;
  if (f.period?.from || f.period?.to) n++;
  if (f.search?.trim()) n++;
  return n;
}
