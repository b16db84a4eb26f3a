/** File dialogs: the only way a user-chosen path reaches the engine. */
import { dialog, type BrowserWindow } from 'electron';

export async function chooseImportFiles(win: BrowserWindow): Promise<string[]> {
  const r = await dialog.showOpenDialog(win, {
    properties: ['openFile', 'multiSelections'],
    filters: [
      {
        name: 'Dữ liệu / Data',
        extensions: [
          'xlsx',
          'xls',
          'csv',
          'tsv',
          'txt',
          'parquet',
          'arrow',
          'json',
          'geojson',
          'topojson',
          'zip',
        ],
      },
    ],
  });
  return r.canceled ? [] : r.filePaths;
}

export async function chooseWorkspace(win: BrowserWindow): Promise<string | null> {
  const r = await dialog.showOpenDialog(win, {
    properties: ['openFile'],
    filters: [{ name: 'DVK Atlas', extensions: ['duckdb'] }],
  });
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

export async function chooseSavePath(
  win: BrowserWindow,
  defaultName: string,
  extensions: string[],
): Promise<string | null> {
  const r = await dialog.showSaveDialog(win, {
    defaultPath: defaultName,
    filters: [{ name: defaultName, extensions }],
  });
  return r.canceled ? null : (r.filePath ?? null);
}
