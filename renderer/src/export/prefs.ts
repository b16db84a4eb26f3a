/** Export preferences shared by every export menu: the projector look, remembered for the session. */
import { create } from 'zustand';
import { PROJECTOR_LOOK, STANDARD_LOOK, type ExportLook } from './decorate';

interface ExportPrefs {
  projector: boolean;
  setProjector: (on: boolean) => void;
}

/** The preferences store. */
export const useExportPrefs = create<ExportPrefs>()((set) => ({
  projector: false,
  setProjector: (projector) => set({ projector }),
}));

/** The look chosen for exports. */
export function useExportLook(): ExportLook {
  return useExportPrefs((s) => (s.projector ? PROJECTOR_LOOK : STANDARD_LOOK));
}
