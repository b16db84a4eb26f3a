/**
 * Workspace facts every view needs once: counts, period range, import history (workspace.info) and the
 * catalogue (catalog.get) that fills the filter bar and names indicators. Loaded at start and on retry.
 */
import { create } from 'zustand';
import type { CatalogInfo, WorkspaceInfo } from '../../../shared/api';
import { getApi } from '../api';
import { toUiError, type UiError } from '../errors/ui-error';
import { coordinator } from './atlas-coordinator';

/** Loading state of the workspace facts. */
export type WorkspaceState =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | { status: 'ready'; info: WorkspaceInfo; catalog: CatalogInfo };

interface WorkspaceStore {
  state: WorkspaceState;
  load: () => Promise<void>;
}

/** The workspace facts store; `load()` is called by the app root. */
export const useWorkspace = create<WorkspaceStore>()((set) => ({
  state: { status: 'loading' },
  load: async () => {
    set({ state: { status: 'loading' } });
    try {
      const api = await getApi();
      const [info, catalog] = await Promise.all([
        api.call('workspace.info', {}),
        api.call('catalog.get', {}),
      ]);
      coordinator().noteDataVersion(info.dataVersion);
      set({ state: { status: 'ready', info, catalog } });
    } catch (e) {
      set({ state: { status: 'error', error: toUiError(e) } });
    }
  },
}));

/** The ready workspace facts; only call below the app root's ready gate. */
export function useReadyWorkspace(): { info: WorkspaceInfo; catalog: CatalogInfo } {
  const s = useWorkspace((w) => w.state);
  if (s.status !== 'ready') throw new Error('useReadyWorkspace used before the workspace loaded');
  return s;
}

/** True when the import history shows the built-in sample files (mo_hinh…, chi_tieu…). */
export function isSampleWorkspace(info: WorkspaceInfo): boolean {
  return info.imports.some((i) => /mo_hinh|chi_tieu/i.test(i.file));
}
