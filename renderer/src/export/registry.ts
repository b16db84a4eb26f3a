/**
 * The page's presentable items (charts and tables), kept in a small store so the header's deck and
 * print tools and presentation mode see every chart of the current view without knowing the view.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Presentable } from './types';

interface Registry {
  items: readonly Presentable[];
  put: (item: Presentable) => void;
  drop: (id: string) => void;
}

/** The registry store; read it with `usePresentables` (ordered) or `useRegistry.getState()`. */
export const useRegistry = create<Registry>()((set) => ({
  items: [],
  put: (item) =>
    set((s) => {
      const i = s.items.findIndex((x) => x.id === item.id);
      if (i < 0) return { items: [...s.items, item] };
      const next = [...s.items];
      next[i] = item;
      return { items: next };
    }),
  drop: (id) => set((s) => ({ items: s.items.filter((x) => x.id !== id) })),
}));

/** Items in page order (by `order`, then registration). */
export function orderedItems(items: readonly Presentable[]): Presentable[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.order ?? 0) - (b.item.order ?? 0) || a.i - b.i)
    .map((x) => x.item);
}

/** Register `item` while the calling component is mounted; re-registers when it changes. */
export function usePresentable(item: Presentable | null): void {
  const put = useRegistry((s) => s.put);
  const drop = useRegistry((s) => s.drop);
  useEffect(() => {
    if (item) put(item);
  }, [item, put]);
  const id = item?.id;
  useEffect(() => {
    if (!id) return;
    return () => drop(id);
  }, [id, drop]);
}
