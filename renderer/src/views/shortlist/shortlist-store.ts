/**
 * The shortlist as the renderer sees it: loaded from the engine (the workspace is the source of truth, so
 * a reload or a restart shows the same list) and updated through 'shortlist.set' / 'shortlist.remove'.
 */
import { create } from 'zustand';
import type { ShortlistEntry, ShortlistSet } from '../../../../shared/shortlist';
import { getApi } from '../../api';
import { toUiError, type UiError } from '../../errors/ui-error';

interface ShortlistStore {
  entries: ShortlistEntry[] | null;
  error: UiError | null;
  load: () => Promise<void>;
  /** Add or update; resolves with the saved entry, rejects with the engine's error. */
  set: (p: ShortlistSet) => Promise<ShortlistEntry>;
  remove: (modelId: string) => Promise<void>;
}

/** The shortlist store; `load()` once where the list is shown. */
export const useShortlist = create<ShortlistStore>()((set, get) => ({
  entries: null,
  error: null,
  load: async () => {
    try {
      const api = await getApi();
      set({ entries: await api.call('shortlist.list', {}), error: null });
    } catch (e) {
      set({ error: toUiError(e) });
    }
  },
  set: async (p) => {
    const api = await getApi();
    const entry = await api.call('shortlist.set', p);
    const cur = get().entries ?? [];
    const i = cur.findIndex((e) => e.modelId === entry.modelId);
    set({ entries: i < 0 ? [...cur, entry] : cur.map((e, k) => (k === i ? entry : e)) });
    return entry;
  },
  remove: async (modelId) => {
    const api = await getApi();
    await api.call('shortlist.remove', { modelId });
    set({ entries: (get().entries ?? []).filter((e) => e.modelId !== modelId) });
  },
}));
