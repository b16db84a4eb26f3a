/**
 * Electron main: app lifecycle, the window, menus, dialogs and the engine utility process. No data
 * work: query results travel renderer ⇄ engine over a MessagePort and never pass through here.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { buildMenu, type MenuActions } from './menu';
import { chooseImportFiles, chooseSavePath, chooseWorkspace } from './dialogs';
import { EngineHost } from './engine-host';
import { registerPrintIpc } from './print';
import { SECURE_WEB_PREFERENCES, secureContents, secureSession } from './security';
import { loadWindowState, trackWindowState } from './window-state';

const here = import.meta.dirname;
let host: EngineHost | null = null;

function createWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'DVK Atlas',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: path.join(here, '../preload/index.cjs') },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, stateFile);
  secureContents(win.webContents);
  // Vietnamese by default; the renderer reports a language switch through atlas:set-language.
  win.setMenu(buildMenu(win, true, menuActions(win)));
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-finish-load', () => host?.connect(win.webContents));
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(path.join(here, '../renderer/index.html'));
  return win;
}

/** Open and Save-as run in main: they choose files and restart the engine on another workspace. */
function menuActions(win: BrowserWindow): MenuActions {
  return {
    openWorkspace: () => {
      void chooseWorkspace(win).then((file) => file && host?.reopen(file));
    },
    saveWorkspaceAs: () => {
      void chooseSavePath(win, 'DVK Atlas.duckdb', ['duckdb']).then((file) => {
        if (file && host && path.resolve(file) !== path.resolve(host.workspace)) return host.saveAs(file);
        return undefined;
      });
    },
  };
}

function registerIpc(): void {
  const winOf = (e: Electron.IpcMainInvokeEvent) => BrowserWindow.fromWebContents(e.sender);
  ipcMain.handle('atlas:choose-import-files', async (e) => {
    const w = winOf(e);
    const files = w ? await chooseImportFiles(w) : [];
    // Only dialog-chosen files (and uploads) may be read by the engine for the renderer.
    await host?.grant(files);
    return files;
  });
  ipcMain.handle('atlas:open-workspace', async (e) => {
    const w = winOf(e);
    const file = w ? await chooseWorkspace(w) : null;
    if (file) host?.reopen(file);
    return file;
  });
  ipcMain.handle('atlas:choose-save-path', async (e, name: unknown, exts: unknown) => {
    const w = winOf(e);
    if (!w || typeof name !== 'string' || !Array.isArray(exts)) return null;
    return chooseSavePath(
      w,
      name,
      exts.filter((x): x is string => typeof x === 'string'),
    );
  });
  ipcMain.on('atlas:set-language', (e, lang: unknown) => {
    const w = BrowserWindow.fromWebContents(e.sender);
    if (w && (lang === 'vi' || lang === 'en')) w.setMenu(buildMenu(w, lang === 'vi', menuActions(w)));
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const w = BrowserWindow.getAllWindows()[0];
    if (w) {
      if (w.isMinimized()) w.restore();
      w.focus();
    }
  });
  void app.whenReady().then(() => {
    secureSession(session.defaultSession);
    const userData = app.getPath('userData');
    host = new EngineHost({
      entry: EngineHost.defaultEntry(here),
      workspace: path.join(userData, 'workspace.duckdb'),
      dataDir: path.join(userData, 'engine-data'),
      sampleDir: path.join(userData, 'sample'),
    });
    host.start();
    registerIpc();
    registerPrintIpc();
    createWindow();
  });
  app.on('web-contents-created', (_e, contents) => secureContents(contents));
  app.on('window-all-closed', () => {
    host?.stop();
    app.quit();
  });
}
