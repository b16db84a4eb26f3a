import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURE_WEB_PREFERENCES } from '../../../electron/main/security';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

describe('Electron security settings', () => {
  it('keeps windows isolated, sandboxed and without Node', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('allows only the app’s own resources in the CSP', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [k, ...v] = d.trim().split(/\s+/);
        return [k, v.join(' ')];
      }),
    );
    expect(directives['default-src']).toBe("'self'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });

  it('creates every window with the secure preferences and applies the handlers', () => {
    const main = read('electron/main/index.ts');
    expect(main).toMatch(/webPreferences: \{ \.\.\.SECURE_WEB_PREFERENCES, preload:/);
    expect(main).toMatch(/secureSession\(session\.defaultSession\)/);
    expect(main).toMatch(/app\.on\('web-contents-created', \(_e, contents\) => secureContents\(contents\)\)/);
    expect(main).toMatch(/requestSingleInstanceLock\(\)/);
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/);
    const sec = read('electron/main/security.ts');
    expect(sec).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(sec).toMatch(/'will-navigate', \(e\) => e\.preventDefault\(\)/);
    expect(sec).toMatch(
      /setPermissionRequestHandler\(\(_wc, permission, callback\) =>\s*callback\(ALLOWED_PERMISSIONS\.has\(permission\)\)/,
    );
    expect(sec).toMatch(
      /setPermissionCheckHandler\(\(_wc, permission\) => ALLOWED_PERMISSIONS\.has\(permission\)\)/,
    );
    // Only clipboard writes (copy chart) are granted: the allow-list holds exactly that one name.
    expect(sec).toMatch(/new Set\(\['clipboard-sanitized-write'\]\)/);
    expect(sec).toMatch(/'will-attach-webview', \(e\) => e\.preventDefault\(\)/);
  });

  it('exposes exactly one object from the preload', () => {
    const preload = read('electron/preload/index.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('atlas',/);
    expect(preload).not.toMatch(/require\(|process\.|ipcRenderer\s*[,}]\s*\)/);
  });

  it('sets the packaging fuses and keeps the DuckDB addon out of asar', () => {
    const cfg = read('electron-builder.yml');
    expect(cfg).toMatch(/runAsNode: false/);
    expect(cfg).toMatch(/enableCookieEncryption: true/);
    expect(cfg).toMatch(/onlyLoadAppFromAsar: true/);
    expect(cfg).toMatch(/asarUnpack:\s*\n\s*- node_modules\/@duckdb\/\*\*/);
  });
});
