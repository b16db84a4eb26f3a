import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/dvk';
import { insertTinyData } from '../../helpers/tiny-data';
import { openTemp } from '../../helpers/workspace';

describe('dvk query --format xlsx', () => {
  it('writes a pivot workbook to --out, and refuses a non-pivot spec', async () => {
    const t = await openTemp();
    const file = t.ws.path;
    await insertTinyData(t.ws);
    t.ws.close();
    try {
      const spec = {
        kind: 'pivot',
        rows: ['field'],
        columns: [],
        values: [{ measure: { type: 'count_models' } }],
      };
      const out = path.join(t.dir, 'p.xlsx');
      const stdout = process.stdout.write;
      process.stdout.write = (() => true) as typeof process.stdout.write;
      let code: number;
      let bad: number;
      try {
        const args = [
          'query',
          '--workspace',
          file,
          '--spec',
          JSON.stringify(spec),
          '--format',
          'xlsx',
          '--out',
          out,
        ];
        code = await main(args);
        const stderr = process.stderr.write;
        process.stderr.write = (() => true) as typeof process.stderr.write;
        try {
          bad = await main([
            'query',
            '--workspace',
            file,
            '--spec',
            '{"kind":"models"}',
            '--format',
            'xlsx',
            '--out',
            out,
          ]);
        } finally {
          process.stderr.write = stderr;
        }
      } finally {
        process.stdout.write = stdout;
      }
      expect(code).toBe(0);
      expect(bad).toBe(1);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Bảng tổng hợp', 'Bộ lọc']);
      expect(wb.worksheets[0]?.getCell(1, 1).value).toBe('Lĩnh vực');
    } finally {
      t.cleanup();
    }
  });
});
