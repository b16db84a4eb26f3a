/**
 * Electron main: app lifecycle, the window, and the engine utility process. It does no data work;
 * query results travel renderer ⇄ engine over a MessagePort and never pass through here.
 */
import path from 'node:path';
import { app, BrowserWindow, MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';

let engine: UtilityProcess | null = null;

function startEngine(): UtilityProcess {
  const child = utilityProcess.fork(path.join(import.meta.dirname, 'engine.js'), [], { serviceName: 'DVK Atlas engine' });
  child.postMessage({
    type: 'open',
    workspace: path.join(app.getPath('userData'), 'workspace.duckdb'),
    dataDir: path.join(app.getPath('userData'), 'engine'),
  });
  return child;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'DVK Atlas',
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.on('did-finish-load', () => {
    if (!engine) return;
    const { port1, port2 } = new MessageChannelMain();
    engine.postMessage({ type: 'connect' }, [port1]);
    win.webContents.postMessage('atlas:engine-port', null, [port2]);
  });
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    engine = startEngine();
    createWindow();
  });
  app.on('window-all-closed', () => {
    engine?.kill();
    app.quit();
  });
}
