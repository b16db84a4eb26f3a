/**
 * Old Excel workbooks (.xls BIFF5/8, and the HTML / SpreadsheetML 2003 files that web systems save with an
 * .xls name) read with SheetJS. BIFF files are small (65,536 rows at most), so the workbook is read whole
 * and each sheet is then treated as a list of rows.
 */
import { readFile } from 'node:fs/promises';
import type * as XLSX from '@e965/xlsx';
import { AtlasError } from '../../../../shared/errors';
import type { ImportProblem } from '../../../../shared/import-types';
import { dateText, excelSerialToDate, isDateFormat, numberText, textOrNull } from './cells';
import type { SourceRow } from './staging';
import { loadSheetJS } from '../../lazy-libs';

/** How to tell the user to get a readable file. */
export const RESAVE_HINT =
  'Open it in Excel and save it as an Excel Workbook (.xlsx): File → Save As → Excel Workbook (*.xlsx).';

/** A workbook read by SheetJS. */
export class XlsWorkbook {
  private constructor(
    private readonly wb: XLSX.WorkBook,
    private readonly date1904: boolean,
    private readonly sheetjs: typeof XLSX,
  ) {}

  /** Reads the whole file; FILE_XLS_UNSUPPORTED (with the re-save hint) when SheetJS cannot. */
  static async open(file: string): Promise<XlsWorkbook> {
    const buf = await readFile(file);
    const sheetjs = await loadSheetJS();
    let wb: XLSX.WorkBook;
    try {
      wb = sheetjs.read(buf, {
        type: 'buffer',
        dense: true,
        cellNF: true,
        cellDates: false,
        cellHTML: false,
        cellText: false,
      });
    } catch (e) {
      const msg = (e as Error).message ?? String(e);
      if (/password|encrypt/i.test(msg)) {
        throw new AtlasError(
          'FILE_UNREADABLE',
          `The workbook is password-protected. Remove the password in Excel and save it again.`,
          { file },
        );
      }
      throw new AtlasError(
        'FILE_XLS_UNSUPPORTED',
        `This old Excel file cannot be read (${msg}). ${RESAVE_HINT}`,
        { file },
      );
    }
    if (!wb.SheetNames.length)
      throw new AtlasError('FILE_XLS_UNSUPPORTED', `No sheets could be read. ${RESAVE_HINT}`, { file });
    return new XlsWorkbook(wb, !!wb.Workbook?.WBProps?.date1904, sheetjs);
  }

  /** Sheet names in workbook order, with hidden flags. */
  get sheets(): { name: string; hidden: boolean }[] {
    return this.wb.SheetNames.map((name, i) => ({
      name: name.normalize('NFC'),
      hidden: !!this.wb.Workbook?.Sheets?.[i]?.Hidden,
    }));
  }

  /** The rows of one sheet (1-based Excel row numbers; rows without any cell are skipped). */
  *rows(
    sheetName: string,
    problems: ImportProblem[],
    transform?: (s: string) => string,
  ): Generator<SourceRow> {
    const realName = this.wb.SheetNames.find((n) => n.normalize('NFC') === sheetName) ?? sheetName;
    const ws = this.wb.Sheets[realName];
    if (!ws) throw new AtlasError('REQUEST_INVALID', `No sheet "${sheetName}"`, { sheet: sheetName });
    const ref = ws['!ref'];
    if (!ref) return;
    const range = this.sheetjs.utils.decode_range(ref);
    const data = (ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    let noValue = 0;
    for (let r = range.s.r; r < data.length && r <= range.e.r; r++) {
      const row = data[r];
      if (!row) continue;
      const cells: (string | null)[] = [];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const v = this.cellText(cell, transform);
        if (v === undefined) {
          noValue++;
          continue;
        }
        if (v === null) continue;
        while (cells.length < c) cells.push(null);
        cells[c] = v;
      }
      yield { row: r + 1, cells };
    }
    if (noValue) {
      problems.push({
        code: 'FORMULA_NO_VALUE',
        message: `${noValue} formula cell(s) have no saved result; read as blank`,
        severity: 'warning',
      });
    }
  }

  private cellText(cell: XLSX.CellObject, transform?: (s: string) => string): string | null | undefined {
    switch (cell.t) {
      case 'n': {
        const v = cell.v as number;
        if (isDateFormat(typeof cell.z === 'string' ? cell.z : undefined))
          return dateText(excelSerialToDate(v, this.date1904));
        return numberText(v);
      }
      case 's': {
        const s = String(cell.v ?? '');
        return textOrNull(transform ? transform(s) : s);
      }
      case 'b':
        return cell.v ? 'TRUE' : 'FALSE';
      case 'd':
        return cell.v instanceof Date ? dateText(cell.v) : null;
      case 'e':
        return null;
      case 'z':
        return cell.f ? undefined : null;
      default:
        return null;
    }
  }
}
