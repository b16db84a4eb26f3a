/** Writers for test files, made the way users' tools make them (Excel via exceljs, text with BOMs). */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** Write text as UTF-8 with a BOM (Excel's "CSV UTF-8"). */
export function writeCsv(
  dir: string,
  name: string,
  lines: string[],
  opts: { bom?: boolean; sep?: string } = {},
): string {
  const file = path.join(dir, name);
  const body = lines.join('\r\n') + '\r\n';
  fs.writeFileSync(file, (opts.bom === false ? '' : '\ufeff') + body, 'utf8');
  return file;
}

/** Write a workbook: each sheet is an array of rows (cells: string | number | Date | null). */
export async function writeXlsx(
  dir: string,
  name: string,
  sheets: Record<string, (string | number | Date | null)[][]>,
  merges: Record<string, string[]> = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheetName);
    for (const r of rows) ws.addRow(r);
    for (const m of merges[sheetName] ?? []) ws.mergeCells(m);
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
