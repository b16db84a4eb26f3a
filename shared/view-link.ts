/**
 * The app's hash link for a view under a filter ('#/pivot?field=…&pivot=…'), for callers outside the
 * renderer (the `dvk export` CLI opens a saved view by its link). The parameter names are the URL
 * contract of renderer/src/state/url-hash.ts; a unit test checks both write the same link.
 */
import type { Filter } from './specs';

const PARAMS = [
  ['provinces', 'province'],
  ['units', 'unit'],
  ['unitTypes', 'unitType'],
  ['fields', 'field'],
  ['sponsors', 'sponsor'],
  ['statuses', 'status'],
  ['recognitions', 'recognition'],
  ['startYears', 'startYear'],
  ['indicators', 'indicator'],
] as const;

/** The hash of `view` under `filter`, with view-specific parameters appended in the given order. */
export function viewLink(
  view: string,
  filter: Filter,
  extra: readonly (readonly [string, string])[] = [],
): string {
  const params = new URLSearchParams();
  for (const [key, name] of PARAMS) for (const v of filter[key] ?? []) params.append(name, v);
  if (filter.period?.from) params.set('from', filter.period.from);
  if (filter.period?.to) params.set('to', filter.period.to);
  if (filter.search) params.set('q', filter.search);
  for (const [k, v] of extra) params.set(k, v);
  const qs = params.toString();
  return `#/${view}${qs ? `?${qs}` : ''}`;
}
