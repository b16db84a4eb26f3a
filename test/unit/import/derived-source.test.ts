/**
 * An import rebuilds the derived tables from the temp tables its values were inserted from (they scan on
 * every thread; the rows just inserted inside the transaction scan on one), together with the values of
 * earlier imports that stay. Whatever the import, the derived tables must be exactly those rebuilt from
 * `indicator_values` itself: first imports, further files with repeated keys, a file imported again, two
 * files repeating each other's keys in one import, and files with rejected rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles } from '../../../electron/engine/import';
import { CUBES, MODEL_CUBE, rebuildDerived } from '../../../electron/engine/workspace/derived';
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

const DERIVED = [
  'model_dim',
  'model_months',
  'model_years',
  'facts',
  'model_values',
  ...CUBES.map((c) => c.name),
  MODEL_CUBE,
];

async function derived(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of DERIVED) {
    const [r] = await ws.rows<{ n: number; h: string }>(
      `SELECT count(*)::INTEGER AS n, coalesce(CAST(sum(hash(t)) AS VARCHAR), '0') AS h FROM ${table} t`,
    );
    out[table] = `${r?.n}:${r?.h}`;
  }
  return out;
}

/** Import, then check the derived tables against a rebuild from `indicator_values`. */
async function importAndCompare(files: string[]): Promise<Record<string, string>> {
  await commitFiles(ws, files);
  const imported = await derived();
  await ws.transaction(() => rebuildDerived(ws));
  expect(imported).toEqual(await derived());
  return imported;
}

const csv = (name: string, lines: string[]) => writeCsv(t.dir, name, lines);
const UNITS = ['Mã ĐVHC,Tên đơn vị,Loại', '00101,Phường An Phú,phường', '00102,Xã Bình Lợi,xã'];
const MODELS = [
  'Mã mô hình,Tên mô hình,Mã ĐVHC,Lĩnh vực',
  'MH-1,Cầu nông thôn,00102,Hạ tầng giao thông nông thôn',
  'MH-2,Một cửa 10 bản sao,00101,Cải cách hành chính',
  'MH-3,Cà phê sáng,00101,Cải cách hành chính',
];
const HEAD = 'Mã mô hình,Kỳ báo cáo,Chỉ tiêu,Giá trị';
/** Values of funds (and a weighted mean with its weight) for the given models and months of 2024. */
function values(models: string[], months: number[], scale = 1): string[] {
  const rows = [HEAD];
  for (const m of models)
    for (const mo of months) {
      const p = `2024-${String(mo).padStart(2, '0')}`;
      rows.push(`${m},${p},funds_mobilized_vnd,${1000 * mo * scale}`);
      rows.push(`${m},${p},turnaround_minutes,${10 + mo}`);
      rows.push(`${m},${p},records_processed,${100 * scale}`);
    }
  return rows;
}

describe('the derived tables an import builds equal a rebuild from indicator_values', () => {
  it('on a first import, on a further file repeating keys and on a file imported again', async () => {
    const base = [csv('dv.csv', UNITS), csv('mh.csv', MODELS)];
    const first = await importAndCompare([...base, csv('a.csv', values(['MH-1', 'MH-2'], [1, 2, 3]))]);
    expect(first.facts?.startsWith('18:')).toBe(true);
    // Another file: months 3–4 of MH-2 (month 3 repeats and replaces), and MH-3.
    await importAndCompare([csv('b.csv', values(['MH-2', 'MH-3'], [3, 4], 2))]);
    // The first file again, changed: it replaces its own earlier rows, b.csv's stay.
    const again = await importAndCompare([csv('a.csv', values(['MH-1'], [1, 5], 3))]);
    const n = await ws.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM indicator_values');
    expect(n[0]?.n).toBe(3 * (2 + 4));
    expect(again.facts?.startsWith(`${n[0]?.n}:`)).toBe(true);
  });

  it('when two files of one import repeat each other’s keys, or a file has rejected rows', async () => {
    const base = [csv('dv.csv', UNITS), csv('mh.csv', MODELS)];
    await importAndCompare([
      ...base,
      csv('a.csv', values(['MH-1', 'MH-2'], [1, 2])),
      csv('b.csv', values(['MH-2'], [2, 3], 5)),
    ]);
    const bad = [
      ...values(['MH-3'], [6]),
      'MH-9,2024-06,funds_mobilized_vnd,5',
      'MH-3,2024-07,funds_mobilized_vnd,abc',
    ];
    await importAndCompare([csv('c.csv', bad), csv('d.csv', values(['MH-1'], [7]))]);
    const [r] = await ws.rows<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM indicator_values WHERE model_id = 'MH-3'`,
    );
    expect(r?.n).toBe(3);
  });
});
