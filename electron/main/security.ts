/**
 * The app's security policy in one place: window web preferences, the Content-Security-Policy, and
 * the session/webContents handlers (navigation, new windows, permissions, webviews). A static test
 * (test/unit/electron/security.test.ts) keeps these settings from regressing.
 */
import type { Session, WebContents, WebPreferences } from 'electron';

/** Web preferences for every app window: isolated, sandboxed, no Node in the page. */
export const SECURE_WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
});

/** Only the app's own resources; no remote scripts, fonts, images or connections. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The one permission the app grants: writing (sanitised) content to the clipboard, for "copy chart".
 * Reading the clipboard, media, geolocation, notifications and everything else stay denied.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Apply the session-wide policy: CSP on every response, every permission but clipboard writes denied. */
export function secureSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_wc, permission) => ALLOWED_PERMISSIONS.has(permission));
  // The app never fetches from the network: refuse anything that is not the app's own files.
  session.webRequest.onBeforeRequest((details, callback) => {
    const ok = /^(file|devtools|data|blob):/.test(details.url) || isDevServer(details.url);
    callback({ cancel: !ok });
  });
}

function isDevServer(url: string): boolean {
  const dev = process.env.ELECTRON_RENDERER_URL;
  return !!dev && (url.startsWith(dev) || url.startsWith(dev.replace(/^http/, 'ws')));
}

/** Block navigation away from the app, new windows and webviews for one window's contents. */
export function secureContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
}
