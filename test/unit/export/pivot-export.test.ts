import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import { buildPivotGrid, readPivotRecords } from '../../../shared/pivot-grid';
import { PIVOT_TOO_LARGE, type PivotSpec } from '../../../shared/pivot-spec';
import { exportGridText } from '../../../shared/pivot-text';
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { exportPivot } from '../../../electron/engine/export/pivot-export';
import { rebuildDerived } from '../../../electron/engine/workspace/derived';
import { openPivotFixture } from '../pivot/fixture';

const spec: PivotSpec = {
  kind: 'pivot',
  rows: ['province', 'field'],
  columns: ['period'],
  grain: 'year',
  values: [
    { measure: { type: 'count_models' } },
    { measure: { type: 'indicator', indicator: 'funds_mobilized_vnd' } },
  ],
};

let t: Awaited<ReturnType<typeof openPivotFixture>>;
let server: EngineServer;

beforeAll(async () => {
  t = await openPivotFixture();
  server = new EngineServer(t.ws);
  // A field name a spreadsheet would run as a formula.
  await t.ws.exec(
    `UPDATE models SET field = '=HYPERLINK("x")' WHERE model_id IN (SELECT model_id FROM models LIMIT 3)`,
  );
  await rebuildDerived(t.ws);
});
afterAll(() => t.cleanup());

async function engineGrid() {
  const r = await server.query(spec);
  return buildPivotGrid(spec, readPivotRecords(spec, tableFromIPC(r.arrow)), exportGridText(spec, [], 'vi'));
}

describe('export.pivot', () => {
  it('an XLSX export holds the same numbers as the engine pivot, with frozen headers and a filters sheet', async () => {
    const grid = await engineGrid();
    const file = await server.run('export.pivot', {
      spec,
      format: 'xlsx',
      title: 'Thử',
      filtersText: 'Lĩnh vực: An sinh',
    });
    expect(file.fileName).toMatch(/^Thu-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const H = grid.headers.length;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: H, xSplit: 2 });
    expect(grid.rows.length).toBeGreaterThan(5);
    grid.rows.forEach((r, i) => {
      r.cells.forEach((v, j) => {
        const cell = sheet.getCell(H + i + 1, 2 + j + 1).value;
        if (v === null) expect(cell).toBeNull();
        else expect(cell).toBeCloseTo(v, 6);
      });
    });
    // Independently of the grid code: the engine's grand-total record is the sheet's last row, last cells.
    const raw = tableFromIPC((await server.query(spec)).arrow)
      .toArray()
      .map((r) => r.toJSON() as { grp: number; v0: number; v1: number });
    const grand = raw.find((r) => r.grp === 7);
    const width = sheet.getRow(H + 1).cellCount;
    expect(sheet.getCell(H + grid.rows.length, width - 1).value).toBe(grand?.v0);
    expect(sheet.getCell(H + grid.rows.length, width).value).toBeCloseTo(grand?.v1 ?? NaN, 2);
    // Row groups are merged down the first column; subtotal rows are bold; funds carry their unit.
    expect(
      Object.keys((sheet as unknown as { _merges: Record<string, unknown> })._merges).length,
    ).toBeGreaterThan(0);
    const sub = grid.rows.findIndex((r) => r.kind === 'subtotal');
    expect(sheet.getRow(H + sub + 1).font?.bold).toBe(true);
    expect(sheet.getCell(H + 1, 4).numFmt).toContain('"đồng"');
    const last = sheet.getRow(H + grid.rows.length);
    expect(last.getCell(1).value).toBe('Tổng cộng');
    expect(last.font?.bold).toBe(true);
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
    expect(texts.some((s) => s.startsWith("'=HYPERLINK"))).toBe(true);
    expect(texts.some((s) => s.startsWith('='))).toBe(false);
    const notes = wb.getWorksheet('Bộ lọc');
    expect(notes?.getCell(2, 2).value).toBe('Lĩnh vực: An sinh');
    expect(String(notes?.getCell(3, 2).value)).toMatch(/\d{2}\/\d{4} – \d{2}\/\d{4}/);
  });

  it('a CSV export is UTF-8 with a BOM, neutralises formulas and carries the engine numbers', async () => {
    const grid = await engineGrid();
    const file = await server.run('export.pivot', { spec, format: 'csv' });
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines.length).toBe(grid.headers.length + grid.rows.length);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const grand = lines[lines.length - 1]?.split(',') ?? [];
    expect(grand[0]).toBe('Tổng cộng');
    expect(Number(grand[grand.length - 2])).toBe(grid.rows[grid.rows.length - 1]?.cells.at(-2));
  });

  it('an invalid pivot spec is refused with SPEC_INVALID', async () => {
    const bad = { ...spec, rows: ['field', 'field'] };
    const answer = await new Promise<unknown>((resolve) =>
      server.handle({ id: 1, method: 'export.pivot', params: { spec: bad, format: 'xlsx' } }, resolve),
    );
    expect(answer).toMatchObject({ id: 1, ok: false, error: { code: 'SPEC_INVALID' } });
  });
});

describe('export of a pivot over the cell cap', () => {
  it('is refused with EXPORT_FAILED and the number of cells', async () => {
    const marker = tableToIPC(
      tableFromArrays({
        r0: [null],
        r1: [null],
        c0: [null],
        grp: Int32Array.from([PIVOT_TOO_LARGE]),
        v0: [250_000],
        v1: [null],
      }),
    );
    const err = await exportPivot(t.ws, { spec, format: 'xlsx' }, () =>
      Promise.resolve({ arrow: marker }),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'EXPORT_FAILED', details: { cells: 250_000 } });
  });
});
