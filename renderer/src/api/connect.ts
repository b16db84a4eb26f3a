/**
 * Pick the transport this page runs on: the Electron engine port when the preload exposes
 * `window.atlas`, otherwise the harness WebSocket (authenticated by the cookie set on page load, or
 * by the `?token=` still in the URL).
 */
import type { AtlasApi } from '../../../shared/api';
import { portTransport } from './port-transport';
import { RpcClient } from './rpc-client';
import { WebSocketTransport, harnessSocketUrl } from './ws-transport';

/** The typed API over the right transport. */
export async function connect(): Promise<AtlasApi> {
  const atlas = window.atlas;
  if (atlas?.transport === 'electron') return new RpcClient(portTransport(await atlas.enginePort()));
  return new RpcClient(new WebSocketTransport(harnessSocketUrl(window.location)));
}
