/**
 * Engine process entry. In the app, main starts this file with `utilityProcess.fork` and hands it a
 * MessagePort per window over `process.parentPort`; each port carries the AtlasApi wire protocol.
 * This file deliberately does not import 'electron': the utility process exposes `parentPort` on
 * `process`, typed locally below.
 */
import { Workspace } from './workspace/workspace';
import { EngineServer } from './server';
import { ensureSampleData } from './workspace/first-run';
import { GrantedPaths } from './path-policy';

interface PortLike {
  on(event: 'message', fn: (e: { data: unknown }) => void): void;
  postMessage(msg: unknown): void;
  start(): void;
}
interface ParentPort {
  on(event: 'message', fn: (e: { data: unknown; ports: PortLike[] }) => void): void;
  postMessage(msg: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

async function start(): Promise<void> {
  if (!parentPort) {
    console.error('engine/main: not started as a utility process; use the CLI (dvk) instead');
    process.exit(2);
  }
  let server: EngineServer | null = null;
  const grants = new GrantedPaths();
  parentPort.on('message', (e) => {
    const data = e.data as {
      type?: string;
      workspace?: string;
      dataDir?: string;
      sampleDir?: string;
      paths?: unknown;
      seq?: number;
    };
    // Files the user picked in main's open dialog: the only paths outside uploads the page may import.
    if (data.type === 'grant') {
      if (Array.isArray(data.paths))
        grants.grant(data.paths.filter((p): p is string => typeof p === 'string'));
      parentPort.postMessage({ type: 'granted', seq: data.seq });
      return;
    }
    if (data.type === 'open' && data.workspace && data.dataDir) {
      void Workspace.open({ path: data.workspace, dataDir: data.dataDir })
        .then(async (ws) => {
          // The default workspace starts with the illustrative sample, imported like any user file.
          if (data.sampleDir) {
            await ensureSampleData(ws, data.sampleDir, {
              onProgress: (stage, done, total) =>
                parentPort.postMessage({ type: 'progress', stage, done, total }),
            });
          }
          server = new EngineServer(ws, { allowPath: grants.allowWithUploads(ws.stagingDir) });
          parentPort.postMessage({ type: 'ready', workspace: ws.path });
        })
        .catch((err: unknown) =>
          parentPort.postMessage({ type: 'open-failed', error: String((err as Error)?.message ?? err) }),
        );
      return;
    }
    if (data.type === 'connect') {
      const port = e.ports[0];
      if (!port) return;
      port.on('message', (m) => {
        if (!server) {
          port.postMessage({
            id: (m.data as { id?: number })?.id ?? -1,
            ok: false,
            error: { code: 'WORKSPACE_OPEN_FAILED', message: 'No workspace open' },
          });
          return;
        }
        server.handle(m.data, (msg) => port.postMessage(msg));
      });
      port.start();
    }
  });
}

void start();
