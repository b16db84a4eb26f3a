/**
 * `useQuery(spec, viewKey)`: a view's declared data need. Returns the decoded Arrow table for the spec,
 * whether a newer result is on its way, and the error (already normalised) if the last request failed.
 * While a new spec loads, the previous table stays available (`stale`), so charts do not blank out on
 * every filter change. Each call site must use its own view key: a newer request for a key supersedes
 * the older one in the engine.
 */
import type { Table } from 'apache-arrow';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Spec } from '../../../shared/specs';
import { isSuperseded, toUiError, type UiError } from '../errors/ui-error';
import { coordinator } from './atlas-coordinator';
import { QueryCoordinator, type QueryResult } from './coordinator';

/** What a view gets back. */
export interface QueryState {
  /** The table for the current spec, or the previous one while `loading` (see `stale`); null before any. */
  data: Table | null;
  /** True while the current spec's result is not here yet. */
  loading: boolean;
  /** True when `data` belongs to an earlier spec. */
  stale: boolean;
  error: UiError | null;
  /** Engine time of the shown result, ms. */
  ms: number | null;
  /** The current spec's key (its JSON), null when there is no spec. */
  key: string | null;
  /** The spec key `data` answers (lets views tell when a filter change has fully rendered). */
  dataKey: string | null;
  /** Drop the cached result and run the spec again. */
  retry: () => void;
}

interface Settled {
  /** The spec key of the last request that finished. */
  key: string;
  /** The newest result received, and the spec key it answers (may be older than `key` after an error). */
  result: QueryResult | null;
  resultKey: string | null;
  error: UiError | null;
}

/** Run `spec` (null = nothing to run yet) under `viewKey`. */
export function useQuery(spec: Spec | null, viewKey: string): QueryState {
  const coord = coordinator();
  const key = useMemo(() => (spec ? QueryCoordinator.key(spec) : null), [spec]);
  const [settled, setSettled] = useState<Settled | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!spec || !key) return;
    let live = true;
    coord.run(spec, viewKey, key).then(
      (result) => live && setSettled({ key, result, resultKey: key, error: null }),
      (e: unknown) => {
        if (!live || isSuperseded(e)) return;
        setSettled((prev) => ({
          key,
          result: prev?.result ?? null,
          resultKey: prev?.resultKey ?? null,
          error: toUiError(e),
        }));
      },
    );
    return () => {
      live = false;
    };
    // `spec` is represented by `key` (its JSON); `attempt` re-runs after a retry.
  }, [key, viewKey, attempt, coord]);

  const retry = useCallback(() => {
    if (key) coord.invalidate(key);
    setSettled((prev) => (prev ? { ...prev, error: null, key: '' } : prev));
    setAttempt((a) => a + 1);
  }, [coord, key]);

  const current = settled !== null && settled.key === key;
  const cached = key && !current ? coord.peek(key) : undefined;
  const result = cached ?? settled?.result ?? null;
  const dataKey = cached ? key : (settled?.resultKey ?? null);
  return {
    data: result?.table ?? null,
    loading: key !== null && !cached && !current,
    stale: result !== null && dataKey !== key,
    error: current ? settled.error : null,
    ms: result?.ms ?? null,
    key,
    dataKey,
    retry,
  };
}

/** True once the current spec has an answer: its data, or an error. */
export function isSettled(q: QueryState): boolean {
  return q.key !== null && !q.loading && (q.error !== null || q.dataKey === q.key);
}
