/**
 * Blank value cells (empty, "-", "–", "—", "x", " x ") are skipped as "not reported" and counted in the
 * import report, per sheet, per file and per indicator, in long and wide layouts, from CSV and XLSX. The
 * files are built from cells tagged with what they are, so the expected counts come from the tags, not
 * from the engine; zeros must be imported and junk rejected, never counted as blank.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles, previewFile } from '../../../electron/engine/import';
import type { BlankValueCount, ImportReport } from '../../../shared/import-types';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { openTemp } from '../../helpers/workspace';
import { writeCsv, writeXlsx } from '../../helpers/files';

let t: Awaited<ReturnType<typeof openTemp>>;
let ws: Workspace;
let dir: string;
beforeEach(async () => {
  t = await openTemp();
  ws = t.ws;
  dir = t.dir;
});
afterEach(() => t.cleanup());

const UNITS = ['Mã ĐVHC,Tên đơn vị,Loại,Tỉnh/Thành phố', '00101,Phường An Phú,phường,Thành phố Mẫu'];
const MODELS = [
  'Mã mô hình,Tên mô hình,Mã ĐVHC,Lĩnh vực',
  'MH-1,Cầu nông thôn,00101,Hạ tầng giao thông nông thôn',
  'MH-2,Một cửa,00101,Cải cách hành chính',
  'MH-3,Chợ sạch,00101,An sinh xã hội',
];

/** What a cell is: a value to import, a blank to skip and count, or junk to reject. */
type Kind = 'value' | 'blank' | 'reject';
type Cell = string | number | null;
/** A cell and what it is. */
const v = (c: Cell): [Cell, Kind] => [c, 'value'];
const b = (c: Cell): [Cell, Kind] => [c, 'blank'];
const r = (c: Cell): [Cell, Kind] => [c, 'reject'];

/** Every spelling of "not reported" (empty twice: nothing at all and an empty string). */
const BLANKS: Cell[] = [null, '', '-', '–', '—', 'x', ' x ', '  -  '];

/** Wide layout: one column per indicator (header as reports write it → code). */
const WIDE_COLS = [
  { header: 'Kinh phí vận động (đồng)', code: 'funds_mobilized_vnd' },
  { header: 'Mức độ hài lòng của người dân (%)', code: 'satisfaction_pct' },
  { header: 'Số căn nhà xây mới, sửa chữa (căn)', code: 'houses_built' },
] as const;

/**
 * Wide rows (model, period, one tagged cell per indicator column), for the given months of a year. The
 * funds column is blank most often, houses least: the per-indicator order is known.
 */
function wideRows(
  year: number,
  months: number[],
): { model: string; period: string; cells: [Cell, Kind][] }[] {
  const rows: { model: string; period: string; cells: [Cell, Kind][] }[] = [];
  let k = 0;
  for (const model of ['MH-1', 'MH-2', 'MH-3'])
    for (const m of months) {
      const blank = BLANKS[k % BLANKS.length] as Cell;
      const funds = k % 4 === 3 ? v('1.500.000') : b(blank);
      const sat = k % 5 === 0 ? r('abc') : k % 2 === 0 ? b(blank) : v(k % 3 === 0 ? '0' : '95,5');
      const houses = k % 6 === 1 ? b(blank) : v(k % 4 === 0 ? 0 : k);
      rows.push({ model, period: `${String(m).padStart(2, '0')}/${year}`, cells: [funds, sat, houses] });
      k++;
    }
  return rows;
}

/** The counts the tags say a sheet must give: totals and blanks per indicator code. */
function expected(cells: { code: string; kind: Kind }[]) {
  const n = (k: Kind) => cells.filter((c) => c.kind === k).length;
  const per = new Map<string, number>();
  for (const c of cells) if (c.kind === 'blank') per.set(c.code, (per.get(c.code) ?? 0) + 1);
  const byIndicator = [...per.entries()]
    .sort((a, z) => z[1] - a[1] || a[0].localeCompare(z[0]))
    .map(([indicator, count]) => ({ indicator, count }));
  return { imported: n('value'), rejected: n('reject'), blank: n('blank'), byIndicator };
}

/** A report's per-indicator list without labels (checked separately). */
const codes = (l: BlankValueCount[] | undefined) => l?.map(({ indicator, count }) => ({ indicator, count }));

/** CSV text of a cell: quoted when it has spaces, empty for null. */
const csvCell = (c: Cell) => (c === null ? '' : /\s/.test(String(c)) ? `"${c}"` : String(c));

async function baseline(): Promise<void> {
  await commitFiles(ws, [writeCsv(dir, 'don_vi.csv', UNITS), writeCsv(dir, 'mo_hinh.csv', MODELS)]);
}

const values = async () =>
  (await ws.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM indicator_values'))[0]?.n;

describe('blank value cells in the import report', () => {
  it('long CSV: counts empty, "-", dashes and "x" exactly; zeros are imported, junk rejected', async () => {
    await baseline();
    const rows: { model: string; period: string; code: string; name: string; cell: [Cell, Kind] }[] = [];
    const names = { funds_mobilized_vnd: 'Kinh phí vận động', satisfaction_pct: 'satisfaction_pct' };
    let k = 0;
    for (const model of ['MH-1', 'MH-2'])
      for (let m = 1; m <= 12; m++)
        for (const code of ['funds_mobilized_vnd', 'satisfaction_pct'] as const) {
          // Funds: two blanks in three; satisfaction: one in four, the rest zeros, numbers and junk.
          const cell =
            code === 'funds_mobilized_vnd'
              ? k % 3 === 2
                ? v(k % 2 ? '0' : '1.250.000')
                : b(BLANKS[k % BLANKS.length] as Cell)
              : k % 4 === 0
                ? b(BLANKS[(k + 3) % BLANKS.length] as Cell)
                : k % 7 === 1
                  ? r('abc')
                  : v(k % 2 ? '0' : '70,5');
          rows.push({ model, period: `${m}/2024`, code, name: names[code], cell });
          k++;
        }
    // A blank for a model the workspace lacks is still blank (not reported), not rejected.
    rows.push({
      model: 'MH-9',
      period: '1/2024',
      code: 'satisfaction_pct',
      name: 'satisfaction_pct',
      cell: b('-'),
    });
    const file = writeCsv(
      dir,
      'chi_tieu.csv',
      [
        'Mã mô hình;Kỳ báo cáo;Chỉ tiêu;Giá trị',
        ...rows.map((x) => `${x.model};${x.period};${x.name};${csvCell(x.cell[0])}`),
        'Tổng cộng;;;15', // a totals row: a skipped row, not a blank cell
      ],
      { bom: false },
    );
    const want = expected(rows.map((x) => ({ code: x.code, kind: x.cell[1] })));
    expect(want.blank).toBeGreaterThan(10);
    expect(want.rejected).toBeGreaterThan(0);

    const [rep] = await commitFiles(ws, [file]);
    const s = rep?.sheets[0];
    expect(s?.kind).toBe('values_long');
    expect([s?.rowsImported, s?.rowsRejected, s?.rowsSkipped, s?.valuesBlank]).toEqual([
      want.imported,
      want.rejected,
      1,
      want.blank,
    ]);
    expect(rep?.valuesBlank).toBe(want.blank);
    expect(codes(s?.valuesBlankByIndicator)).toEqual(want.byIndicator);
    expect(codes(rep?.valuesBlankByIndicator)).toEqual(want.byIndicator);
    // Long form: an indicator's label is its name as the file writes it.
    expect(s?.valuesBlankByIndicator?.map((x) => x.label)).toEqual(
      want.byIndicator.map((x) => names[x.indicator as keyof typeof names]),
    );
    expect(await values()).toBe(want.imported);
    // Zeros went in as zeros.
    const zeros = rows.filter((x) => x.cell[1] === 'value' && /^0$/.test(String(x.cell[0]))).length;
    expect(zeros).toBeGreaterThan(0);
    expect(
      (await ws.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM indicator_values WHERE value = 0'))[0]
        ?.n,
    ).toBe(zeros);
  });

  it('wide CSV: every empty slot of a data row counts, one per indicator column', async () => {
    await baseline();
    const rows = wideRows(2024, [1, 2, 3, 4, 5, 6, 7, 8]);
    const file = writeCsv(
      dir,
      'chi_tieu_ngang.csv',
      [
        ['STT', 'Mã mô hình', 'Kỳ báo cáo', ...WIDE_COLS.map((c) => c.header)].join(';'),
        ...rows.map((x, i) => [i + 1, x.model, x.period, ...x.cells.map((c) => csvCell(c[0]))].join(';')),
        ';Tổng cộng;;1;2;3',
      ],
      { bom: false },
    );
    const p = await previewFile(file);
    expect(p.sheets[0]?.kind).toBe('values_wide');
    const want = expected(
      rows.flatMap((x) => x.cells.map((c, i) => ({ code: WIDE_COLS[i]?.code ?? '', kind: c[1] }))),
    );
    const [rep] = await commitFiles(ws, [file]);
    const s = rep?.sheets[0];
    expect([s?.rowsImported, s?.rowsRejected, s?.valuesBlank, rep?.valuesBlank]).toEqual([
      want.imported,
      want.rejected,
      want.blank,
      want.blank,
    ]);
    expect(codes(s?.valuesBlankByIndicator)).toEqual(want.byIndicator.slice(0, 5));
    // Wide form: an indicator's label is its column header.
    const header = new Map<string, string>(WIDE_COLS.map((c) => [c.code, c.header]));
    expect(s?.valuesBlankByIndicator?.map((x) => x.label)).toEqual(
      want.byIndicator.map((x) => header.get(x.indicator)),
    );
    expect(await values()).toBe(want.imported);
  });

  it('wide XLSX over two sheets: per-sheet counts, and the file adds them up per indicator', async () => {
    await baseline();
    const sheets = {
      '2023': wideRows(2023, [1, 2, 3, 4, 5]),
      '2024': wideRows(2024, [6, 7, 8, 9, 10, 11, 12]),
    };
    const file = await writeXlsx(
      dir,
      'chi_tieu.xlsx',
      Object.fromEntries(
        Object.entries(sheets).map(([name, rows]) => [
          name,
          [
            ['BÁO CÁO KẾT QUẢ THỰC HIỆN'],
            [],
            ['STT', 'Mã mô hình', 'Kỳ báo cáo', ...WIDE_COLS.map((c) => c.header)],
            ...rows.map((x, i) => [i + 1, x.model, x.period, ...x.cells.map((c) => c[0])]),
            [null, 'Tổng cộng', null, 1, 2, 3],
          ],
        ]),
      ),
    );
    const p = await previewFile(file);
    expect(p.sheets.map((s) => s.kind)).toEqual(['values_wide', 'values_wide']);
    const wantOf = (rows: ReturnType<typeof wideRows>) =>
      expected(rows.flatMap((x) => x.cells.map((c, i) => ({ code: WIDE_COLS[i]?.code ?? '', kind: c[1] }))));
    const [rep] = await commitFiles(ws, [file]);
    const all = wantOf([...sheets['2023'], ...sheets['2024']]);
    for (const [name, rows] of Object.entries(sheets)) {
      const want = wantOf(rows);
      const s = rep?.sheets.find((x) => x.sheet === name);
      expect([s?.rowsImported, s?.rowsRejected, s?.valuesBlank]).toEqual([
        want.imported,
        want.rejected,
        want.blank,
      ]);
      expect(codes(s?.valuesBlankByIndicator)).toEqual(want.byIndicator);
    }
    expect([rep?.rowsImported, rep?.rowsRejected, rep?.valuesBlank]).toEqual([
      all.imported,
      all.rejected,
      all.blank,
    ]);
    expect(codes(rep?.valuesBlankByIndicator)).toEqual(all.byIndicator);
    expect(await values()).toBe(all.imported);
  });

  it('reports no blank count for files that hold no values', async () => {
    const reports: ImportReport[] = await commitFiles(ws, [
      writeCsv(dir, 'don_vi.csv', UNITS),
      writeCsv(dir, 'mo_hinh.csv', MODELS),
    ]);
    expect(reports.map((x) => [path.basename(x.file), x.valuesBlank, x.sheets[0]?.valuesBlank])).toEqual([
      ['don_vi.csv', undefined, undefined],
      ['mo_hinh.csv', undefined, undefined],
    ]);
  });
});
