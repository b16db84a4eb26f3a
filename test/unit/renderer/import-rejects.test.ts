import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { vi } from '../../../renderer/src/i18n/vi';
import { BOM, csvField, neutralise, safeName, toCsv } from '../../../renderer/src/views/import/csv';
import {
  REJECT_CODES,
  parseReason,
  rejectMessage,
  rejectText,
  type Translate,
} from '../../../renderer/src/views/import/reject-reasons';
import { pageOf, rejectsCsv, toRejectRows } from '../../../renderer/src/views/import/rejects-data';

/** A tiny i18next stand-in over a resource object: dotted keys, {{name}} values. */
function translator(resources: unknown): Translate {
  return (key, values = {}) => {
    let node: unknown = resources;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(values[k] ?? ''));
  };
}
const tVi = translator(vi);
const tEn = translator(en);

describe('reject reasons', () => {
  it('split the code from its detail', () => {
    expect(parseReason('IMPORT_BAD_DATE')).toEqual({ code: 'IMPORT_BAD_DATE', detail: null });
    expect(parseReason('IMPORT_MISSING_VALUE: model_id')).toEqual({
      code: 'IMPORT_MISSING_VALUE',
      detail: 'model_id',
    });
    expect(parseReason('IMPORT_DUPLICATE_ID: first at row 12')).toEqual({
      code: 'IMPORT_DUPLICATE_ID',
      detail: 'first at row 12',
    });
    expect(parseReason('something odd')).toEqual({ code: 'UNKNOWN', detail: 'something odd' });
  });

  it('map codes to message keys with their values', () => {
    expect(rejectMessage('IMPORT_BAD_NUMBER')).toEqual({
      key: 'import.reasons.IMPORT_BAD_NUMBER',
      values: {},
    });
    expect(rejectMessage('IMPORT_DUPLICATE_ID: first at row 12')).toEqual({
      key: 'import.reasons.IMPORT_DUPLICATE_ID_at',
      values: { row: 12 },
    });
    expect(rejectMessage('IMPORT_MISSING_VALUE: unit').values).toEqual({ whatKey: 'import.missing.unit' });
    expect(rejectMessage('IMPORT_MISSING_VALUE: weird').key).toBe('import.reasons.IMPORT_MISSING_VALUE');
    expect(rejectMessage('NEW_ENGINE_CODE')).toEqual({
      key: 'import.reasons.other',
      values: { reason: 'NEW_ENGINE_CODE' },
    });
  });

  it('read as words in both languages', () => {
    expect(rejectText('IMPORT_BAD_NUMBER', tVi)).toBe('Số không đọc được');
    expect(rejectText('IMPORT_BAD_DATE', tVi)).toBe('Ngày không đọc được');
    expect(rejectText('IMPORT_BAD_NUMBER', tEn)).toBe('Unreadable number');
    expect(rejectText('IMPORT_MISSING_VALUE: name', tVi)).toBe('Thiếu tên');
    expect(rejectText('IMPORT_MISSING_VALUE: model_id', tEn)).toBe('Missing model ID');
    expect(rejectText('IMPORT_DUPLICATE_ID: first at row 3', tVi)).toBe('Mã bị trùng (đã có ở dòng 3)');
    for (const code of REJECT_CODES) {
      expect(rejectText(code, tVi)).not.toContain('import.');
      expect(rejectText(code, tEn)).not.toContain('import.');
    }
  });
});

describe('rejects CSV', () => {
  it('neutralises formula starts and quotes what needs quoting', () => {
    expect(neutralise('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(neutralise('+84 90')).toBe("'+84 90");
    expect(neutralise('-5')).toBe("'-5");
    expect(neutralise('@cmd')).toBe("'@cmd");
    expect(neutralise('\tx')).toBe("'\tx");
    expect(neutralise('Phường 1')).toBe('Phường 1');
    expect(neutralise(null)).toBe('');
    expect(neutralise(42)).toBe('42');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });

  it('starts with a BOM and ends lines with CRLF', () => {
    const text = toCsv([
      ['a', 'b'],
      [1, null],
    ]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}a,b\r\n1,\r\n`);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes the rejects with a translated header, words and the raw code', () => {
    const rows = toRejectRows([
      { row: 5, column: 'Ngày bắt đầu', reason: 'IMPORT_BAD_DATE', value: '31/02/2024' },
      { row: 9, column: 'Giá trị', reason: 'IMPORT_BAD_NUMBER', value: '=1+1' },
      { row: null, column: null, reason: 'IMPORT_MISSING_VALUE: name', value: null },
    ]);
    const csv = rejectsCsv(rows, tVi);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Dòng,Cột,Lý do,Mã lý do,Giá trị trong tệp');
    expect(lines[1]).toBe('5,Ngày bắt đầu,Ngày không đọc được,IMPORT_BAD_DATE,31/02/2024');
    expect(lines[2]).toBe("9,Giá trị,Số không đọc được,IMPORT_BAD_NUMBER,'=1+1");
    expect(lines[3]).toBe(',,Thiếu tên,IMPORT_MISSING_VALUE: name,');
  });

  it('decodes loose rows and pages them', () => {
    expect(toRejectRows([{ row: 'x', column: 3, reason: null, value: 12 }])).toEqual([
      { row: null, column: null, reason: '', value: '12' },
    ]);
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(rows, 0, 50)).toMatchObject({ page: 0, pages: 3 });
    expect(pageOf(rows, 2, 50).rows).toHaveLength(20);
    expect(pageOf(rows, 9, 50).page).toBe(2);
    expect(pageOf([], 0, 50)).toEqual({ rows: [], page: 0, pages: 1 });
  });

  it('makes file names safe', () => {
    expect(safeName('mo_hinh.xlsx')).toBe('mo_hinh');
    expect(safeName('a/b:c?.csv')).toBe('a_b_c_');
    expect(safeName('.csv')).toBe('import');
  });
});
