/** Remember the main window's size, position and maximised state between runs (a small JSON file). */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1400, height: 900 }, maximized: false };

/** Read the saved state, or defaults when missing or unreadable. */
export function loadWindowState(file: string): WindowState {
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8')) as WindowState;
    const b = s.bounds;
    if ([b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width >= 640 && b.height >= 480) return s;
  } catch {
    // First run or a damaged file: use the defaults.
  }
  return DEFAULT;
}

/** Save the window's state whenever it is moved, resized or closed (debounced). */
export function trackWindowState(win: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(state));
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}
