import { describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../../shared/api';
import { AtlasError } from '../../../shared/errors';
import type { ImportReport, SheetPreview } from '../../../shared/import-types';
import { columnLetter } from '../../../renderer/src/views/import/column-letters';
import {
  commitFraction,
  commitOrder,
  fileRank,
  stageKey,
} from '../../../renderer/src/views/import/commit-plan';
import { delimiterKey, fileSize } from '../../../renderer/src/views/import/file-facts';
import { errorPlace, importErrorKey, toImportError } from '../../../renderer/src/views/import/import-errors';
import { draftFromPreview, withSkip, withTarget } from '../../../renderer/src/views/import/mapping-draft';
import { previewProblems, problemMessage } from '../../../renderer/src/views/import/problem-text';
import { commitBlockers } from '../../../renderer/src/views/import/readiness';
import { sheetImportIds } from '../../../renderer/src/views/import/report-ids';

const sheet = (kind: SheetPreview['kind'], name = 's'): SheetPreview => ({
  sheet: name,
  kind,
  headerRow: 1,
  headerRows: 1,
  columns:
    kind === 'models'
      ? [
          { index: 0, header: 'Mã', target: 'model_id', confidence: 1 },
          { index: 1, header: 'Tên', target: 'name', confidence: 1 },
          { index: 2, header: 'Mã ĐVHC', target: 'unit_code', confidence: 1 },
        ]
      : [
          { index: 0, header: 'Mã', target: 'model_id', confidence: 1 },
          { index: 1, header: 'Kỳ', target: 'period', confidence: 1 },
          { index: 2, header: 'Chỉ tiêu', target: 'indicator', confidence: 1 },
          { index: 3, header: 'Giá trị', target: 'value', confidence: 1 },
        ],
  types: [],
  sampleRows: [],
  problems: [],
});

describe('commit plan', () => {
  it('imports units before models before values, keeping the user order otherwise', () => {
    const files = [
      { name: 'values.csv', drafts: [draftFromPreview(sheet('values_long'))] },
      { name: 'models-b.csv', drafts: [draftFromPreview(sheet('models'))] },
      { name: 'units.csv', drafts: [{ ...draftFromPreview(sheet('models')), kind: 'units' as const }] },
      { name: 'models-a.csv', drafts: [draftFromPreview(sheet('models'))] },
    ];
    expect(commitOrder(files, (f) => f.drafts).map((f) => f.name)).toEqual([
      'units.csv',
      'models-b.csv',
      'models-a.csv',
      'values.csv',
    ]);
    expect(fileRank([withSkip(draftFromPreview(sheet('models')), true)])).toBe(9);
  });

  it('moves the progress bar through the stages of each file', () => {
    expect(commitFraction(0, 2, null)).toBe(0);
    expect(commitFraction(0, 1, { stage: 'stage', done: 1, total: 2 })).toBeCloseTo(0.2);
    expect(commitFraction(0, 1, { stage: 'load', done: 1, total: 2 })).toBeCloseTo(0.65);
    expect(commitFraction(0, 1, { stage: 'derive', done: 2, total: 2 })).toBeCloseTo(0.9);
    expect(commitFraction(1, 2, { stage: 'done', done: 2, total: 2 })).toBe(1);
    expect(commitFraction(0, 1, { stage: 'load', done: 5, total: 0 })).toBeCloseTo(0.4);
    expect(stageKey('load')).toBe('import.stages.load');
    expect(stageKey('mystery')).toBe('import.stages.working');
  });

  it('lists what blocks the Import button', () => {
    const ok = {
      name: 'a.csv',
      status: 'ready' as const,
      drafts: [draftFromPreview(sheet('models', 'a.csv'))],
    };
    expect(commitBlockers([ok])).toEqual([]);
    const broken = { ...ok, drafts: [withTarget(ok.drafts[0]!, 1, null)] };
    expect(commitBlockers([broken])).toEqual([
      { type: 'sheet', file: 'a.csv', sheet: 'a.csv', issues: [{ type: 'missing', targets: ['name'] }] },
    ]);
    expect(commitBlockers([{ name: 'b.xlsx', status: 'previewing', drafts: [] }])).toEqual([
      { type: 'busy', file: 'b.xlsx' },
    ]);
    expect(commitBlockers([ok, { name: 'c.xls', status: 'error', drafts: [] }])).toEqual([
      { type: 'fileError', file: 'c.xls' },
    ]);
    expect(commitBlockers([{ ...ok, drafts: [withSkip(ok.drafts[0]!, true)] }])).toEqual([
      { type: 'nothing' },
    ]);
  });

  it('finds the import id of every sheet of a report in the import history', () => {
    const report = {
      importId: 41,
      file: '/x/bao_cao.xlsx',
      sheets: [
        { sheet: 'Mô hình', kind: 'models' },
        { sheet: 'Số liệu', kind: 'values_wide' },
      ],
    } as unknown as ImportReport;
    const imports = [
      { id: 3, file: '/x/bao_cao.xlsx', sheet: 'Mô hình', kind: 'models' },
      { id: 41, file: '/x/bao_cao.xlsx', sheet: 'Mô hình', kind: 'models' },
      { id: 42, file: '/x/bao_cao.xlsx', sheet: 'Số liệu', kind: 'values_wide' },
    ] as unknown as WorkspaceInfo['imports'];
    expect(sheetImportIds(report, imports)).toEqual([41, 42]);
    expect(sheetImportIds(report, [])).toEqual([41, null]);
  });
});

describe('import errors and problems', () => {
  it('keep the code and the details of an engine error', () => {
    const e = toImportError(
      new AtlasError('IMPORT_MISSING_COLUMN', 'no column', {
        file: '/tmp/uploads/abc/mo_hinh.csv',
        sheet: 'mo_hinh.csv',
        column: 'name',
      }),
    );
    expect(e.code).toBe('IMPORT_MISSING_COLUMN');
    expect(errorPlace(e.details)).toEqual({ file: 'mo_hinh.csv', sheet: 'mo_hinh.csv', column: 'name' });
    expect(errorPlace({ file: 'C:\\Data\\a.xlsx', row: 7 })).toEqual({ file: 'a.xlsx', row: 7 });
    expect(toImportError(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'boom', details: {} });
  });

  it('map codes to their explanation group', () => {
    expect(importErrorKey('FILE_XLS_UNSUPPORTED')).toBe('FILE_XLS_UNSUPPORTED');
    expect(importErrorKey('WORKSPACE_LOCKED')).toBe('WORKSPACE_LOCKED');
    expect(importErrorKey('INTERNAL')).toBe('DISCONNECTED');
    expect(importErrorKey('QUERY_FAILED')).toBe('UNKNOWN');
  });

  it('put problems into words and drop the engine’s own mapping errors', () => {
    expect(
      problemMessage({ code: 'IMPORT_LOW_CONFIDENCE', message: '', severity: 'info', column: 'Địa bàn' }),
    ).toEqual({
      key: 'import.problems.IMPORT_LOW_CONFIDENCE',
      values: { code: 'IMPORT_LOW_CONFIDENCE', column: 'Địa bàn' },
    });
    expect(problemMessage({ code: 'NEW_THING', message: 'x', severity: 'warning' }).key).toBe(
      'import.problems.other',
    );
    const sorted = previewProblems([
      { code: 'SHEET_HIDDEN', message: '', severity: 'info' },
      { code: 'IMPORT_MISSING_COLUMN', message: '', severity: 'error' },
      { code: 'ENCODING_UNSURE', message: '', severity: 'warning' },
    ]);
    expect(sorted.map((p) => p.code)).toEqual(['ENCODING_UNSURE', 'SHEET_HIDDEN']);
  });

  it('format small file facts', () => {
    expect(fileSize(null)).toBeNull();
    expect(fileSize(512)).toEqual({ value: 512, unit: 'b', digits: 0 });
    expect(fileSize(5 * 1024 ** 2)).toMatchObject({ value: 5, unit: 'mb' });
    expect(delimiterKey(';')).toBe('semicolon');
    expect(delimiterKey('\t')).toBe('tab');
    expect(delimiterKey('#')).toBe('other');
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
