/** Presentation mode state: open or not, and which item is on screen. */
import { create } from 'zustand';

interface PresentState {
  open: boolean;
  index: number;
  start: () => void;
  stop: () => void;
  go: (index: number) => void;
}

/** The presentation store (the header button and the desktop menu's 'presentation' command open it). */
export const usePresent = create<PresentState>()((set) => ({
  open: false,
  index: 0,
  start: () => set({ open: true, index: 0 }),
  stop: () => set({ open: false }),
  go: (index) => set({ index }),
}));

/** The key's move: +1, -1, or null (not a navigation key). */
export function keyMove(key: string): 1 | -1 | null {
  if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || key === ' ') return 1;
  if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp') return -1;
  return null;
}
