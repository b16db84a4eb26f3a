import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, safeCell, safeText } from '../../../shared/cell-safety';
import { exportTable, tableCsv } from '../../../electron/engine/export/table-export';
import { pivotCsv } from '../../../electron/engine/export/pivot-csv';
import type { PivotGrid } from '../../../shared/pivot-grid';

const HOSTILE = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("http://x")'];

describe('cell safety', () => {
  it('every formula-like text gets a leading apostrophe; ordinary text is unchanged', () => {
    for (const s of HOSTILE) {
      expect(isFormulaLike(s)).toBe(true);
      expect(safeText(s)).toBe(`'${s}`);
    }
    for (const s of ['Cầu Ông Lãnh', '1.234', 'a=b', ' =x', '']) {
      expect(isFormulaLike(s)).toBe(false);
      expect(safeText(s)).toBe(s);
    }
  });

  it('numbers stay numbers (a negative number is not text), non-finite numbers become empty', () => {
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(0)).toBe(0);
    expect(safeCell(Number.NaN)).toBeNull();
    expect(safeCell(null)).toBeNull();
    expect(safeCell('-5')).toBe("'-5");
  });

  it('a table CSV is UTF-8 with a BOM, neutralises text and writes negative numbers as numbers', () => {
    const bytes = tableCsv({
      columns: [
        { name: 'Tên', kind: 'text' },
        { name: 'Giá trị', kind: 'number' },
      ],
      rows: [
        ['=1+1', -12.5],
        ['Phường Bến Nghé', 3],
      ],
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')).toEqual(['Tên,Giá trị', "'=1+1,-12.5", 'Phường Bến Nghé,3', '']);
  });

  it('a table XLSX has a frozen header, neutralised text cells and numeric negative cells', async () => {
    const file = await exportTable({
      title: '=Bảng thử',
      format: 'xlsx',
      columns: [
        { name: '@Tên', kind: 'text' },
        { name: 'Kinh phí', kind: 'number', unit: 'đồng' },
      ],
      rows: [
        ['+cmd', -1_500_000],
        ['Xã Bình Chánh', 2_000_000],
      ],
      filtersText: '-Lĩnh vực: An sinh',
      locale: 'vi',
    });
    expect(file.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').value).toBe("'@Tên");
    expect(ws.getCell('B1').value).toBe('Kinh phí (đồng)');
    expect(ws.getCell('A2').value).toBe("'+cmd");
    expect(ws.getCell('B2').value).toBe(-1_500_000);
    expect(ws.getCell('B3').value).toBe(2_000_000);
    const notes = wb.worksheets[1]!;
    expect(notes.getCell('B1').value).toBe("'=Bảng thử");
    expect(notes.getCell('B2').value).toBe("'-Lĩnh vực: An sinh");
  });

  it('the pivot CSV uses the same guard for labels and keeps negative values numeric', () => {
    const grid: PivotGrid = {
      rowHeaderCount: 1,
      headers: [['Lĩnh vực', 'Giá trị']],
      columns: [{ keys: [], labels: [], level: 0, value: 0 } as never],
      rows: [{ keys: ['x'], labels: ['-x'], level: 1, kind: 'detail', cells: [-3] } as never],
      tooLarge: null,
    };
    const text = new TextDecoder().decode(pivotCsv(grid).slice(3));
    expect(text.split('\r\n')[1]).toBe("'-x,-3");
  });
});
