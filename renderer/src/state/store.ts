/**
 * The app's global UI state (zustand): current page, the global filter shared by every view, and the
 * model list's sort and selection. Initialised from the URL hash; `useHashSync` keeps the two in step.
 */
import { create } from 'zustand';
import type { Filter } from '../../../shared/specs';
import { normaliseFilter, type ListKey } from './filter-model';
import { parseHash, type ModelSort, type UrlState, type ViewId } from './url-hash';

/** State plus the actions that change it. */
export interface AtlasState extends UrlState {
  setView: (view: ViewId) => void;
  /** Replace the values of one multi-value filter (empty list = no filter on it). */
  setList: (key: ListKey, values: readonly string[]) => void;
  /** Toggle one value of a multi-value filter (cross-filtering from charts). */
  toggleValue: (key: ListKey, value: string) => void;
  setPeriod: (from: string | null, to: string | null) => void;
  setSearch: (search: string) => void;
  clearFilters: () => void;
  setModelSort: (sort: ModelSort | null) => void;
  selectModel: (id: string | null) => void;
  /** Replace the pivot layout (JSON of a PivotSpec without filter; null = the default layout). */
  setPivot: (pivot: string | null) => void;
  /** Replace the Trends settings (JSON, see views/trends/trends-settings.ts; null = the defaults). */
  setTrends: (trends: string | null) => void;
  /** Replace the Map settings (JSON, see views/map/map-settings.ts; null = the defaults). */
  setMap: (map: string | null) => void;
  /** Adopt a state read from the URL (back/forward, an edited or pasted link). */
  applyUrl: (s: UrlState) => void;
}

const initial = (): UrlState =>
  typeof window === 'undefined'
    ? { view: 'overview', filter: {}, modelSort: null, selectedModel: null }
    : parseHash(window.location.hash);

const withFilter = (f: Filter) => ({ filter: normaliseFilter(f) });

/** The one store. Components read slices with selectors: `useAtlas((s) => s.filter)`. */
export const useAtlas = create<AtlasState>()((set) => ({
  ...initial(),
  setView: (view) => set({ view }),
  setList: (key, values) => set((s) => withFilter({ ...s.filter, [key]: [...values] })),
  toggleValue: (key, value) =>
    set((s) => {
      const cur = s.filter[key] ?? [];
      const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
      return withFilter({ ...s.filter, [key]: next });
    }),
  setPeriod: (from, to) =>
    set((s) => withFilter({ ...s.filter, period: { ...(from ? { from } : {}), ...(to ? { to } : {}) } })),
  setSearch: (search) => set((s) => withFilter({ ...s.filter, search })),
  clearFilters: () => set({ filter: {} }),
  setModelSort: (modelSort) => set({ modelSort }),
  selectModel: (selectedModel) => set({ selectedModel }),
  setPivot: (pivot) => set({ pivot }),
  setTrends: (trends) => set({ trends }),
  setMap: (map) => set({ map }),
  applyUrl: (u) => set({ ...u }),
}));
