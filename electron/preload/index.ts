/**
 * Preload: exposes exactly one object, `window.atlas`, through contextBridge: the engine port, file
 * dialogs, menu commands and engine-restart notices. Nothing else from Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('atlas', {
  transport: 'electron' as const,
  /** Resolves with the engine port (a DOM MessagePort in the renderer) once main has wired it. */
  enginePort: () =>
    new Promise<unknown>((resolve) => {
      ipcRenderer.once('atlas:engine-port', (e) => resolve(e.ports[0]));
    }),
  chooseImportFiles: (): Promise<string[]> => ipcRenderer.invoke('atlas:choose-import-files'),
  openWorkspace: (): Promise<string | null> => ipcRenderer.invoke('atlas:open-workspace'),
  chooseSavePath: (name: string, extensions: string[]): Promise<string | null> =>
    ipcRenderer.invoke('atlas:choose-save-path', name, extensions),
  setLanguage: (lang: 'vi' | 'en') => ipcRenderer.send('atlas:set-language', lang),
  /** Print the page to a PDF the user names in a save dialog; resolves with its path or null. */
  printToPdf: (suggestedName: string): Promise<string | null> =>
    ipcRenderer.invoke('atlas:print-to-pdf', suggestedName),
  onCommand: (fn: (cmd: string) => void) => {
    ipcRenderer.on('atlas:command', (_e, cmd: unknown) => typeof cmd === 'string' && fn(cmd));
  },
  onEngineRestarted: (fn: (info: { code: number; restarts: number }) => void) => {
    ipcRenderer.on('atlas:engine-restarted', (_e, info: { code: number; restarts: number }) => fn(info));
  },
});
