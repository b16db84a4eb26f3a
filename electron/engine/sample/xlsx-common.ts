/**
 * Shared pieces of the sample's XLSX reports: the streaming workbook (fixed metadata so cell content is
 * reproducible), the report title block, Vietnamese number text and dates.
 */

import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../lazy-libs';

/** Date written into workbook metadata and signature lines (the end of the sample period). */
export const REPORT_DATE = new Date(Date.UTC(2025, 11, 31));

/** Agency lines at the top of every report sheet. */
export const AGENCY_LINES = ['ỦY BAN NHÂN DÂN THÀNH PHỐ MẪU', 'BAN DÂN VẬN'] as const;

/**
 * A streaming workbook writing to `filename` with inline strings and fixed creation metadata. Without
 * `useStyles` fonts, alignment and number formats are dropped (ExcelJS resolves a style for every cell
 * when they are on, which dominates the time of big sheets).
 */
export async function openWorkbook(
  filename: string,
  useStyles = true,
): Promise<ExcelJS.stream.xlsx.WorkbookWriter> {
  const Excel = await loadExcelJS();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename, useStyles, useSharedStrings: false });
  wb.creator = 'DVK Atlas – dữ liệu minh họa';
  wb.created = REPORT_DATE;
  wb.modified = REPORT_DATE;
  return wb;
}

/**
 * Rows 1–3 of a report: agency lines at the left, the national motto at the right, the title merged
 * across `width` columns; row 4 is left blank. The caller continues at row 5.
 */
export function writeTitleBlock(ws: ExcelJS.Worksheet, title: string, width: number): void {
  const right = Math.max(4, width - 4);
  const r1 = ws.addRow([]);
  r1.getCell(1).value = AGENCY_LINES[0];
  r1.getCell(right).value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  r1.font = { bold: true };
  r1.commit();
  const r2 = ws.addRow([]);
  r2.getCell(1).value = AGENCY_LINES[1];
  r2.getCell(right).value = 'Độc lập – Tự do – Hạnh phúc';
  r2.font = { bold: true };
  r2.commit();
  const r3 = ws.addRow([title]);
  r3.font = { bold: true, size: 13 };
  r3.alignment = { horizontal: 'center' };
  ws.mergeCells(3, 1, 3, width);
  r3.commit();
  ws.addRow([]).commit();
}

/**
 * Signature block under a report, starting one row below the last written row: place and date, then
 * "Người lập biểu" at `leftCol` and "TM. BAN DÂN VẬN" at `rightCol`, then a note.
 */
export function writeSignatures(
  ws: ExcelJS.Worksheet,
  leftCol: number,
  rightCol: number,
  note: string,
): void {
  ws.addRow([]).commit();
  const place = ws.addRow([]);
  place.getCell(rightCol).value = 'Thành phố Mẫu, ngày 31 tháng 12 năm 2025';
  place.getCell(rightCol).font = { italic: true };
  place.commit();
  const roles = ws.addRow([]);
  roles.getCell(leftCol).value = 'Người lập biểu';
  roles.getCell(rightCol).value = 'TM. BAN DÂN VẬN';
  roles.font = { bold: true };
  roles.commit();
  const hints = ws.addRow([]);
  hints.getCell(leftCol).value = '(Ký, ghi rõ họ tên)';
  hints.getCell(rightCol).value = 'TRƯỞNG BAN';
  hints.commit();
  ws.addRow([]).commit();
  ws.addRow([note]).commit();
}

/** Vietnamese number text: "." groups thousands, "," marks decimals ("1.234.567", "12,5"). */
export function viNumber(v: number): string {
  const [int = '0', frac] = String(Math.abs(v)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (v < 0 ? '-' : '') + grouped + (frac ? `,${frac}` : '');
}

/** "dd/mm/yyyy" from an ISO date "yyyy-mm-dd". */
export function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The ISO date "yyyy-mm-dd" as a UTC midnight Date (what ExcelJS turns into a whole Excel serial). */
export function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** Uncompressed sheet bytes allowed to queue before `relieve` waits for the zip to catch up. */
const BACKLOG_BYTES = 8 << 20;

interface StreamBufInternals {
  stream?: {
    buffers?: unknown[];
    bufSize?: number;
    pipes?: { writableLength?: number; _writableState?: { length?: number }; destroyed?: boolean }[];
  };
}

/**
 * Let the zip and file streams catch up with a streaming sheet. ExcelJS's stream writer pushes sheet XML
 * into archiver without heeding back-pressure, so a fast producer piles hundreds of MB up in memory; this
 * polls the queued bytes (ExcelJS internals, read defensively) and waits while they exceed 8 MB. Where
 * the internals are not found it just yields one turn of the event loop.
 */
export async function relieve(ws: ExcelJS.Worksheet): Promise<void> {
  const stream = (ws as unknown as StreamBufInternals).stream;
  const backlog = (): number => {
    const pipe = stream?.pipes?.[0];
    if (pipe?.destroyed) return 0;
    const queued = pipe?.writableLength ?? pipe?._writableState?.length ?? 0;
    return queued + (stream?.buffers?.length ?? 0) * (stream?.bufSize ?? 0);
  };
  await nextTurn();
  while (backlog() > BACKLOG_BYTES) await sleep(5);
}
