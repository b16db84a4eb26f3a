/**
 * The ranking view's own state: the spec being edited (components, weights, peer group, exclusions; the
 * filter comes from the global bar), the preset it started from, the selected model, the table's sort and
 * flag filter. Kept in a store so leaving and reopening the page keeps the work.
 */
import { create } from 'zustand';
import type { FlagCode, RankSort, RankSortKey, RankSpec } from '../../../../shared/rank-spec';
import { RANK_PRESETS, RankSpecSchema } from '../../../../shared/rank-spec';
import type { Filter } from '../../../../shared/specs';

interface RankState {
  spec: RankSpec;
  /** Preset id, or null once edited / opened from a saved view. */
  preset: string | null;
  selected: string | null;
  sort: RankSort;
  flagFilter: FlagCode | null;
  shown: number;
  setSpec: (spec: RankSpec, preset?: string | null) => void;
  select: (id: string | null) => void;
  setSort: (by: RankSortKey) => void;
  setFlagFilter: (f: FlagCode | null) => void;
  showMore: () => void;
}

/** Rows shown at first and added by "show more". */
export const PAGE = 100;

const first = RANK_PRESETS[0];

export const useRankState = create<RankState>()((set) => ({
  spec: first ? first.spec : { kind: 'rank', components: [{ type: 'months_active', weight: 1 }] },
  preset: first?.id ?? null,
  selected: null,
  sort: { by: 'rank', dir: 'asc' },
  flagFilter: null,
  shown: PAGE,
  setSpec: (spec, preset = null) => set({ spec, preset, shown: PAGE }),
  select: (selected) => set({ selected }),
  setSort: (by) =>
    set((s) => ({
      sort: { by, dir: s.sort.by === by && s.sort.dir === 'asc' ? 'desc' : 'asc' },
      shown: PAGE,
    })),
  setFlagFilter: (flagFilter) => set({ flagFilter, shown: PAGE }),
  showMore: () => set((s) => ({ shown: s.shown + PAGE })),
}));

/** The spec to run: the edited spec with the global filter over the preset's own filter. */
export function effectiveSpec(spec: RankSpec, global: Filter): RankSpec {
  const filter: Filter = { ...(spec.filter ?? {}), ...global };
  return { ...spec, filter };
}

/**
 * The ranking itself without the fields that only choose which rows come back (sort, flag filter, focus,
 * paging, counts): a saved view carrying any of them must not change what the page asks for.
 */
export function rankingOf(spec: RankSpec): RankSpec {
  const {
    sort: _sort,
    only: _only,
    focus: _focus,
    offset: _offset,
    limit: _limit,
    counts: _counts,
    ...rest
  } = spec;
  return rest;
}

/** What the table shows: the first `shown` rows in `sort` order, only those flagged `only`, with counts. */
export function pageSpec(spec: RankSpec, sort: RankSort, only: FlagCode | null, shown: number): RankSpec {
  return { ...rankingOf(spec), sort, ...(only ? { only } : {}), offset: 0, limit: shown, counts: true };
}

/** One model's row under the ranking of `spec` (its rank among all): a breakdown not on the page. */
export function focusSpec(spec: RankSpec, modelId: string): RankSpec {
  return { ...rankingOf(spec), focus: modelId };
}

/** The whole table as `spec` (a page spec) shows it: the same sort and flag filter, every row. */
export function wholeTableSpec(spec: RankSpec): RankSpec {
  return {
    ...rankingOf(spec),
    ...(spec.sort ? { sort: spec.sort } : {}),
    ...(spec.only ? { only: spec.only } : {}),
  };
}

/** The spec a result answers, from its coordinator key (the spec's stable JSON); `fallback` if unreadable. */
export function answeredSpec(dataKey: string | null, fallback: RankSpec): RankSpec {
  if (!dataKey) return fallback;
  try {
    const p = RankSpecSchema.safeParse(JSON.parse(dataKey));
    return p.success ? p.data : fallback;
  } catch {
    return fallback;
  }
}
