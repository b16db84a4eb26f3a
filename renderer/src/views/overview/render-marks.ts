/**
 * Performance marks the benchmarks read: 'overview-rendered' once per page load, when the Overview
 * first shows results for every part; 'charts-rendered' after each later filter change has been drawn.
 */
import { useEffect, useRef } from 'react';

let firstDone = false;

/** Mark when `ready` becomes true for a new `filterKey` (after the browser has painted). */
export function useRenderMarks(filterKey: string, ready: boolean): void {
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || marked.current === filterKey) return;
    marked.current = filterKey;
    const name = firstDone ? 'charts-rendered' : 'overview-rendered';
    firstDone = true;
    requestAnimationFrame(() => performance.mark(name, { detail: { filter: filterKey } }));
  }, [filterKey, ready]);
}
