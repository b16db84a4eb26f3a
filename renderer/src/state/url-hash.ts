/**
 * The URL hash mirrors the current view and the global filter, so reloading or sharing a link reopens
 * the same page: `#/models?field=An+sinh+x%C3%A3+h%E1%BB%99i&from=2024-01&q=cau&sort=name&dir=desc`.
 * Lists use repeated keys (field names contain commas). Parsing is forgiving: anything unknown or
 * malformed is dropped, never an error.
 */
import { MODEL_COLUMNS, type Filter, type ModelColumn } from '../../../shared/specs';
import { LIST_KEYS, normaliseFilter, type ListKey } from './filter-model';

/** The pages of the app, in navigation order. */
export const VIEW_IDS = ['overview', 'pivot', 'map', 'trends', 'models', 'ranking', 'shortlist'] as const;
/** Screens outside the analysis navigation, reached from their own button (the import). */
export const TOOL_VIEW_IDS = ['import'] as const;
/** One page of the app. */
export type ViewId = (typeof VIEW_IDS)[number] | (typeof TOOL_VIEW_IDS)[number];

/** Sort of the model list (engine-side). */
export interface ModelSort {
  by: ModelColumn;
  dir: 'asc' | 'desc';
}

/** Everything the hash carries. */
export interface UrlState {
  view: ViewId;
  filter: Filter;
  modelSort: ModelSort | null;
  selectedModel: string | null;
  /** The pivot's layout (a PivotSpec without its filter) as JSON text, validated by the pivot view. */
  pivot?: string | null;
  /** The Trends view's settings as JSON text, validated by the trends view. */
  trends?: string | null;
  /** The Map view's settings as JSON text (only what differs from the defaults), validated by the map view. */
  map?: string | null;
}

const PARAM: Record<ListKey, string> = {
  provinces: 'province',
  units: 'unit',
  unitTypes: 'unitType',
  fields: 'field',
  sponsors: 'sponsor',
  statuses: 'status',
  recognitions: 'recognition',
  startYears: 'startYear',
  indicators: 'indicator',
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_TEXT = 200;
const MAX_VALUES = 2000;
const MAX_PIVOT = 4000;

const isView = (s: string): s is ViewId =>
  (VIEW_IDS as readonly string[]).includes(s) || (TOOL_VIEW_IDS as readonly string[]).includes(s);
const isColumn = (s: string): s is ModelColumn => (MODEL_COLUMNS as readonly string[]).includes(s);

/** Read a hash ('#/view?…', with or without the '#'). Unknown views fall back to the overview. */
export function parseHash(hash: string): UrlState {
  const body = hash.replace(/^#/, '').replace(/^\//, '');
  const q = body.indexOf('?');
  const path = q < 0 ? body : body.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : body.slice(q + 1));
  const filter: Filter = {};
  for (const k of LIST_KEYS) {
    const values = params
      .getAll(PARAM[k])
      .filter((v) => v.length > 0 && v.length <= MAX_TEXT)
      .slice(0, MAX_VALUES);
    if (values.length) filter[k] = values;
  }
  const from = params.get('from');
  const to = params.get('to');
  if ((from && MONTH.test(from)) || (to && MONTH.test(to))) {
    filter.period = {
      ...(from && MONTH.test(from) ? { from } : {}),
      ...(to && MONTH.test(to) ? { to } : {}),
    };
  }
  const search = params.get('q');
  if (search) filter.search = search.slice(0, MAX_TEXT);
  const sortBy = params.get('sort');
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const model = params.get('model');
  const pivot = params.get('pivot');
  const trends = params.get('trends');
  const map = params.get('map');
  return {
    view: isView(path) ? path : 'overview',
    filter: normaliseFilter(filter),
    modelSort: sortBy && isColumn(sortBy) ? { by: sortBy, dir } : null,
    selectedModel: model && model.length <= MAX_TEXT ? model : null,
    ...(path === 'pivot' && pivot && pivot.length <= MAX_PIVOT ? { pivot } : {}),
    ...(path === 'trends' && trends && trends.length <= MAX_PIVOT ? { trends } : {}),
    ...(path === 'map' && map && map.length <= MAX_PIVOT ? { map } : {}),
  };
}

/** Write the hash for a state, keys in a fixed order so equal states give equal hashes. */
export function formatHash(s: UrlState): string {
  const params = new URLSearchParams();
  const f = normaliseFilter(s.filter);
  for (const k of LIST_KEYS) for (const v of f[k] ?? []) params.append(PARAM[k], v);
  if (f.period?.from) params.set('from', f.period.from);
  if (f.period?.to) params.set('to', f.period.to);
  if (f.search) params.set('q', f.search);
  if (s.view === 'models') {
    if (s.modelSort) {
      params.set('sort', s.modelSort.by);
      params.set('dir', s.modelSort.dir);
    }
    if (s.selectedModel) params.set('model', s.selectedModel);
  }
  if (s.view === 'pivot' && s.pivot) params.set('pivot', s.pivot);
  if (s.view === 'trends' && s.trends) params.set('trends', s.trends);
  if (s.view === 'map' && s.map) params.set('map', s.map);
  const qs = params.toString();
  return `#/${s.view}${qs ? `?${qs}` : ''}`;
}
