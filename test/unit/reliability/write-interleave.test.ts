/**
 * The write connection is shared by an import (which stages its files there before its transaction) and
 * the small edits the UI sends at any time (shortlist, saved views). An edit sent while an import stages
 * must neither run inside the import's work nor take the import's staging tables with it when it fails.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles } from '../../../electron/engine/import';
import { setShortlist, listShortlist } from '../../../electron/engine/workspace/shortlist';
import { saveView, listViews } from '../../../electron/engine/workspace/saved-views';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { writeCsv } from '../../helpers/files';
import { openTemp } from '../../helpers/workspace';

let t: Awaited<ReturnType<typeof openTemp>>;
let ws: Workspace;

beforeEach(async () => {
  t = await openTemp();
  ws = t.ws;
});
afterEach(() => t.cleanup());

const UNITS = ['Mã ĐVHC,Tên đơn vị,Loại,Tỉnh/Thành phố', '00101,Phường An Phú,phường,Thành phố Mẫu'];
const MODELS = [
  'Mã mô hình,Tên mô hình,Mã ĐVHC,Lĩnh vực',
  'MH-1,Cầu nông thôn,00101,Hạ tầng giao thông nông thôn',
  'MH-2,Một cửa 10 bản sao,00101,Cải cách hành chính',
];
/** 1,920 values: two models × two indicators × every month of 1990–2029. */
const VALUES = ['Mã mô hình;Kỳ báo cáo;Chỉ tiêu;Giá trị'];
for (let y = 1990; y < 2030; y++)
  for (let m = 1; m <= 12; m++)
    for (const id of ['MH-1', 'MH-2'])
      for (const ind of ['bridges_built', 'houses_built']) VALUES.push(`${id};${m}/${y};${ind};${y - 1989}`);
const PIVOT = {
  kind: 'pivot',
  rows: ['unit'],
  columns: [],
  values: [{ measure: { type: 'indicator', indicator: 'bridges_built' } }],
};

describe('edits sent while an import stages its files', () => {
  it('wait for the import; a failing edit does not undo its staging, and every edit lands', async () => {
    const dir = t.dir;
    await commitFiles(ws, [writeCsv(dir, 'don_vi.csv', UNITS), writeCsv(dir, 'mo_hinh.csv', MODELS)]);
    const valuesFile = writeCsv(dir, 'chi_tieu.csv', VALUES, { bom: false });
    const edits: Promise<PromiseSettledResult<unknown>>[] = [];
    const settle = (p: Promise<unknown>) =>
      p.then(
        (value): PromiseSettledResult<unknown> => ({ status: 'fulfilled', value }),
        (reason: unknown): PromiseSettledResult<unknown> => ({ status: 'rejected', reason }),
      );
    const reports = await commitFiles(ws, [valuesFile], {
      onProgress: (stage) => {
        // Sent as the import starts staging: one edit that fails (no such model: its transaction rolls
        // back), one that succeeds, and a saved view.
        if (stage !== 'stage' || edits.length) return;
        edits.push(
          settle(setShortlist(ws, { modelId: 'MH-404', note: 'không có' })),
          settle(setShortlist(ws, { modelId: 'MH-1', note: 'Ghi chú trong lúc nhập' })),
          settle(saveView(ws, 'Khi đang nhập', 'pivot', PIVOT)),
        );
      },
    });
    expect(reports[0]?.rowsImported).toBe(1920);
    const [bad, good, view] = await Promise.all(edits);
    expect(bad?.status).toBe('rejected');
    expect(String((bad as PromiseRejectedResult).reason)).toContain('MH-404');
    expect(good?.status).toBe('fulfilled');
    expect(view?.status).toBe('fulfilled');
    const list = await listShortlist(ws);
    expect(list.map((e) => [e.modelId, e.notes[0]?.note])).toEqual([['MH-1', 'Ghi chú trong lúc nhập']]);
    expect((await listViews(ws, 'pivot')).map((v) => v.name)).toEqual(['Khi đang nhập']);
    const n = await ws.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM facts');
    expect(n[0]?.n).toBe(1920);
    // The staging tables are gone once the import is done.
    const stg = await ws.rows<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'stg%'`,
      ws.write,
    );
    expect(stg[0]?.n).toBe(0);
    expect(path.basename(reports[0]?.file ?? '')).toBe('chi_tieu.csv');
  });
});
