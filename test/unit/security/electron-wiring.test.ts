/**
 * Static checks of the Electron wiring that the `_electron` tests cannot reach on machines without the
 * binary: one app instance per user (a second start focuses the first window), the renderer can import
 * only dialog-granted files and uploads (main grants, the engine enforces), and the harness allows
 * uploads only. Read from the sources, as the other static security test does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const src = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

describe('Electron wiring', () => {
  it('holds the single-instance lock and focuses the existing window on a second start', () => {
    const main = src('electron/main/index.ts');
    expect(main).toMatch(/if \(!app\.requestSingleInstanceLock\(\)\) \{\s*app\.quit\(\);/);
    const second = main.slice(main.indexOf("app.on('second-instance'"));
    expect(second).toMatch(/restore\(\)/);
    expect(second).toMatch(/focus\(\)/);
    // Nothing starts (no engine, no window) before the lock is known to be ours.
    expect(main.indexOf('requestSingleInstanceLock')).toBeLessThan(main.indexOf('host = new EngineHost'));
  });

  it('grants the engine exactly the files chosen in the open dialog, before the renderer sees them', () => {
    const main = src('electron/main/index.ts');
    const handler = main.slice(
      main.indexOf("'atlas:choose-import-files'"),
      main.indexOf("'atlas:open-workspace'"),
    );
    expect(handler).toMatch(/await chooseImportFiles\(w\)/);
    expect(handler).toMatch(/await host\?\.grant\(files\)/);
    expect(handler.indexOf('grant(files)')).toBeLessThan(handler.indexOf('return files'));
    const host = src('electron/main/engine-host.ts');
    expect(host).toMatch(/type: 'grant'/);
    const engine = src('electron/engine/main.ts');
    expect(engine).toMatch(
      /new EngineServer\(ws, \{ allowPath: grants\.allowWithUploads\(ws\.stagingDir\) \}\)/,
    );
    expect(engine.match(/new EngineServer\(/g)).toHaveLength(1);
  });

  it('the harness engine accepts uploads only', () => {
    const serve = src('electron/cli/serve.ts');
    expect(serve).toMatch(/new EngineServer\(ws, \{ allowPath: uploadsOnly\(ws\.stagingDir\) \}\)/);
    expect(serve.match(/new EngineServer\(/g)).toHaveLength(1);
  });
});
