/**
 * Print / PDF of the current page: the renderer asks (atlas:print-to-pdf, with a suggested file name),
 * main shows the save dialog, renders the page with Chromium's printToPDF (A4 landscape; the print
 * stylesheet puts each chart on its own page) and writes the file. The renderer never gets to name a
 * path: it only receives the path the user chose, or null when cancelled.
 */
import fs from 'node:fs/promises';
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { chooseSavePath } from './dialogs';

/** A safe default file name: the renderer's suggestion reduced to letters, digits, dashes and dots. */
export function pdfFileName(suggested: unknown): string {
  const base =
    typeof suggested === 'string'
      ? suggested
          .replace(/\.pdf$/i, '')
          .replace(/[^A-Za-z0-9.-]+/g, '-')
          .slice(0, 80)
      : '';
  return `${base || 'DVK-Atlas'}.pdf`;
}

async function printToPdf(e: IpcMainInvokeEvent, suggested: unknown): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(e.sender);
  if (!win) return null;
  const file = await chooseSavePath(win, pdfFileName(suggested), ['pdf']);
  if (!file) return null;
  const pdf = await e.sender.printToPDF({
    landscape: true,
    pageSize: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
  });
  await fs.writeFile(file, pdf);
  return file;
}

/** Register the print handler (once, at start). */
export function registerPrintIpc(): void {
  ipcMain.handle('atlas:print-to-pdf', printToPdf);
}
