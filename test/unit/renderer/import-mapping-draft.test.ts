import { describe, expect, it } from 'vitest';
import type { SheetPreview } from '../../../shared/import-types';
import {
  canCommitSheets,
  draftFromPreview,
  draftIssues,
  draftsFromPreview,
  isLowConfidence,
  kindOptions,
  missingTargets,
  toChoice,
  withHeaderRow,
  withIndicator,
  withKind,
  withSkip,
  withTarget,
} from '../../../renderer/src/views/import/mapping-draft';

const models: SheetPreview = {
  sheet: 'mo_hinh.csv',
  kind: 'models',
  headerRow: 4,
  headerRows: 1,
  columns: [
    { index: 0, header: 'STT', target: 'row_number', confidence: 1 },
    { index: 1, header: 'Mã MH', target: 'model_id', confidence: 1 },
    { index: 2, header: 'Tên mô hình', target: 'name', confidence: 1 },
    { index: 3, header: 'Địa bàn', target: 'unit_name', confidence: 0.7 },
    { index: 4, header: 'Ghi chú thêm', target: null, confidence: 0 },
  ],
  types: ['number', 'text', 'text', 'text', 'text'],
  sampleRows: [['1', 'MH-1', 'Cầu', 'Phường Sài Gòn', '']],
  problems: [],
};

const wide: SheetPreview = {
  sheet: 'Số liệu',
  kind: 'values_wide',
  headerRow: 5,
  headerRows: 2,
  columns: [
    { index: 0, header: 'Mã mô hình', target: 'model_id', confidence: 1 },
    { index: 1, header: 'Kỳ báo cáo', target: 'period', confidence: 1 },
    {
      index: 2,
      header: 'Kinh phí vận động (đồng)',
      target: 'value',
      indicator: 'funds_mobilized_vnd',
      confidence: 0.95,
    },
    { index: 3, header: 'Số cây xanh', target: 'value', indicator: 'so_cay_xanh', confidence: 0.5 },
  ],
  types: ['text', 'period', 'number', 'number'],
  sampleRows: [],
  problems: [],
};

describe('mapping drafts', () => {
  it('start from the engine guess and turn back into the same commit choice', () => {
    const d = draftFromPreview(models);
    expect(d.kind).toBe('models');
    expect(d.skip).toBe(false);
    expect(toChoice(d)).toEqual({
      sheet: 'mo_hinh.csv',
      kind: 'models',
      headerRow: 4,
      headerRows: 1,
      columns: [
        { index: 0, target: 'row_number' },
        { index: 1, target: 'model_id' },
        { index: 2, target: 'name' },
        { index: 3, target: 'unit_name' },
        { index: 4, target: null },
      ],
    });
    expect(draftIssues(d)).toEqual([]);
    expect(canCommitSheets([d])).toBe(true);
  });

  it('flags low-confidence guesses until the user confirms a target', () => {
    const d = draftFromPreview(models);
    expect(d.columns.filter(isLowConfidence).map((c) => c.index)).toEqual([3]);
    const confirmed = withTarget(d, 3, 'unit_name');
    expect(confirmed.columns.filter(isLowConfidence)).toEqual([]);
  });

  it('says which required column is missing and blocks the commit', () => {
    const d = withTarget(draftFromPreview(models), 2, null);
    expect(missingTargets(d)).toEqual([['name']]);
    expect(draftIssues(d)).toEqual([{ type: 'missing', targets: ['name'] }]);
    expect(canCommitSheets([d])).toBe(false);
    const noUnit = withTarget(draftFromPreview(models), 3, null);
    expect(missingTargets(noUnit)).toEqual([['unit_code', 'unit_name']]);
  });

  it('reports two columns mapped to one target', () => {
    const d = withTarget(draftFromPreview(models), 4, 'name');
    expect(draftIssues(d)).toEqual([
      { type: 'duplicate', target: 'name', columns: ['Tên mô hình', 'Ghi chú thêm'] },
    ]);
  });

  it('a skipped sheet never blocks, but a session of only skipped sheets cannot commit', () => {
    const broken = withSkip(withTarget(draftFromPreview(models), 1, null), true);
    expect(draftIssues(broken)).toEqual([]);
    expect(toChoice(broken).skip).toBe(true);
    expect(canCommitSheets([broken])).toBe(false);
    expect(canCommitSheets([broken, draftFromPreview(models)])).toBe(true);
  });

  it('wide value columns carry their indicator; clearing it is an issue', () => {
    const d = draftFromPreview(wide);
    expect(toChoice(d).columns).toEqual([
      { index: 0, target: 'model_id' },
      { index: 1, target: 'period' },
      { index: 2, target: 'value', indicator: 'funds_mobilized_vnd' },
      { index: 3, target: 'value', indicator: 'so_cay_xanh' },
    ]);
    const picked = withIndicator(d, 3, 'trees_planted');
    expect(picked.columns[3]).toMatchObject({ indicator: 'trees_planted', confidence: 1 });
    const cleared = withIndicator(d, 3, '');
    expect(draftIssues(cleared)).toEqual([{ type: 'noIndicator', column: 'Số cây xanh' }]);
    const twice = withIndicator(d, 3, 'funds_mobilized_vnd');
    expect(draftIssues(twice)).toEqual([
      {
        type: 'duplicate',
        target: 'value',
        indicator: 'funds_mobilized_vnd',
        columns: ['Kinh phí vận động (đồng)', 'Số cây xanh'],
      },
    ]);
  });

  it('changing the kind keeps allowed targets and re-guesses the rest', () => {
    const asLong = withKind(draftFromPreview(wide), 'values_long');
    expect(asLong.kind).toBe('values_long');
    expect(asLong.columns.map((c) => c.target)).toEqual(['model_id', 'period', null, null]);
    expect(toChoice(asLong).columns.every((c) => !('indicator' in c))).toBe(true);
    expect(missingTargets(asLong)).toEqual([['indicator'], ['value']]);

    const back = withKind(asLong, 'values_wide');
    expect(back.columns[2]).toMatchObject({ target: 'value', indicator: 'funds_mobilized_vnd' });

    const asUnits = withKind(draftFromPreview(models), 'units');
    expect(asUnits.columns.map((c) => c.target)).toEqual(['row_number', null, null, 'unit_name', null]);
  });

  it('offers the editable kinds plus the detected one, and validates unknown and crosswalk sheets', () => {
    expect(kindOptions({ detectedKind: 'models' })).toEqual([
      'models',
      'values_long',
      'values_wide',
      'units',
    ]);
    expect(kindOptions({ detectedKind: 'unknown' })).toContain('unknown');
    const unknown = { ...draftFromPreview(models), kind: 'unknown' as const };
    expect(draftIssues(unknown)).toEqual([{ type: 'kindUnknown' }]);
    const crosswalk = { ...draftFromPreview(models), kind: 'crosswalk' as const };
    expect(draftIssues(crosswalk)).toEqual([{ type: 'kindUnsupported' }]);
  });

  it('starts a notes sheet of a workbook skipped when another sheet is usable', () => {
    const notes: SheetPreview = { ...models, sheet: 'Ghi chú', kind: 'unknown', columns: [] };
    expect(draftsFromPreview([models, notes]).map((d) => d.skip)).toEqual([false, true]);
    expect(draftsFromPreview([notes]).map((d) => d.skip)).toEqual([false]);
  });

  it('clamps the header row and header row count', () => {
    const d = draftFromPreview(models);
    expect(withHeaderRow(d, 7).headerRow).toBe(7);
    expect(withHeaderRow(d, 0).headerRow).toBe(1);
    expect(withHeaderRow(d, Number.NaN).headerRow).toBe(1);
    expect(withHeaderRow(d, 3.7, 2)).toMatchObject({ headerRow: 3, headerRows: 2 });
    expect(withHeaderRow(d, 3, 5).headerRows).toBe(1);
    expect(toChoice(withHeaderRow(d, 6, 2))).toMatchObject({ headerRow: 6, headerRows: 2 });
  });
});
