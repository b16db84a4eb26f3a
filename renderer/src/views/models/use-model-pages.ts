/** The app's Models page loader over the real engine, and the hook that re-renders when pages arrive. */
import type { Table } from 'apache-arrow';
import { useSyncExternalStore } from 'react';
import type { Spec } from '../../../../shared/specs';
import { AtlasError } from '../../../../shared/errors';
import { getApi } from '../../api';
import { decodeTable } from '../../api/arrow';
import { toUiError } from '../../errors/ui-error';
import { ModelPageLoader } from './model-pages';

/**
 * Run a spec (a `models` page, a whole list or ranked table for an export) under engine view key `view`
 * and decode it. Not through the query coordinator: its small result cache is shared by every view, and
 * hundreds of pages (or one whole-list export) would push the charts' results out of it.
 */
export async function fetchTable(spec: Spec, view: string): Promise<Table> {
  let api;
  try {
    api = await getApi();
  } catch (e) {
    throw new AtlasError('INTERNAL', toUiError(e).message);
  }
  try {
    const r = await api.call('query', spec, { view });
    return decodeTable(r.arrow);
  } catch (e) {
    const u = toUiError(e);
    throw new AtlasError(u.code, u.message);
  }
}

let instance: ModelPageLoader | null = null;

/** The one page loader (its cache outlives the page, so coming back to Models is instant). */
export function modelPageLoader(): ModelPageLoader {
  instance ??= new ModelPageLoader((spec) => fetchTable(spec, 'models.page'));
  return instance;
}

/** The loader, and its version: the calling component re-renders whenever a page arrives or fails. */
export function useModelPages(): { loader: ModelPageLoader; version: number } {
  const loader = modelPageLoader();
  const version = useSyncExternalStore(
    (l) => loader.subscribe(l),
    () => loader.version,
  );
  return { loader, version };
}
