/** Loading an import's rejected rows for the report (cached per import id: they never change). */
import { useCallback, useEffect, useState } from 'react';
import { getApi } from '../../api';
import { decodeTable, toRows } from '../../api/arrow';
import { toImportError, type ImportUiError } from './import-errors';
import { toRejectRows, type RejectRow } from './rejects-data';

/** Most rejects listed per import (the engine's own cap is higher; the count says how many there are). */
export const REJECTS_LIMIT = 100_000;

const cache = new Map<number, RejectRow[]>();

/** What the rejects table gets. */
export interface RejectsState {
  rows: RejectRow[] | null;
  loading: boolean;
  error: ImportUiError | null;
  retry: () => void;
}

/** The rejects of `importId` (null = nothing to load). */
export function useRejects(importId: number | null): RejectsState {
  const [state, setState] = useState<{
    id: number | null;
    rows: RejectRow[] | null;
    error: ImportUiError | null;
  }>({ id: null, rows: null, error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (importId === null) return;
    const hit = cache.get(importId);
    if (hit) {
      setState({ id: importId, rows: hit, error: null });
      return;
    }
    let live = true;
    void (async () => {
      try {
        const api = await getApi();
        const r = await api.call('import.rejects', { importId, limit: REJECTS_LIMIT });
        const rows = toRejectRows(toRows(decodeTable(r.arrow)));
        cache.set(importId, rows);
        if (live) setState({ id: importId, rows, error: null });
      } catch (e) {
        if (live) setState({ id: importId, rows: null, error: toImportError(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [importId, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const current = state.id === importId;
  return {
    rows: current ? state.rows : null,
    loading: importId !== null && (!current || (state.rows === null && state.error === null)),
    error: current ? state.error : null,
    retry,
  };
}
