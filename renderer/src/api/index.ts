/**
 * The renderer's one door to the engine. `getApi()` returns the typed AtlasApi over whichever transport
 * this page runs on (Electron MessagePort from `window.atlas`, or the harness WebSocket); nothing else
 * in the renderer knows which.
 */
import type { AtlasApi } from '../../../shared/api';

let api: Promise<AtlasApi> | null = null;

export function getApi(): Promise<AtlasApi> {
  api ??= import('./connect').then((m) => m.connect());
  return api;
}
