/**
 * Preload: exposes exactly one object, `window.atlas`, through contextBridge. It forwards the engine
 * MessagePort that main hands over; the renderer speaks the AtlasApi protocol on it.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('atlas', {
  transport: 'electron' as const,
  /** Resolves with the engine port (a DOM MessagePort in the renderer) once main has wired it. */
  enginePort: () =>
    new Promise<unknown>((resolve) => {
      ipcRenderer.once('atlas:engine-port', (e) => resolve(e.ports[0]));
    }),
});
