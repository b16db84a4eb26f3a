/**
 * The words of the report's blank-cells note, through real i18next (plurals) over the app's own strings:
 * numbers in vi-VN / en-US notation, the share of the file's value cells, and indicators named from the
 * catalogue in the UI language, falling back to the file's wording.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/import-types';
import { INDICATORS } from '../../../shared/catalog';
import { en } from '../../../renderer/src/i18n/en';
import { vi } from '../../../renderer/src/i18n/vi';
import { blankValuesText } from '../../../renderer/src/views/import/blank-text';
import type { Translate } from '../../../renderer/src/views/import/reject-reasons';

function translator(lng: 'vi' | 'en'): Translate {
  const i = i18next.createInstance();
  void i.init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return (key, values) => i.t(key, values ?? {});
}

type Sheet = ImportReport['sheets'][number];
const sheet = (s: Partial<Sheet>): Sheet => ({
  importId: 1,
  sheet: 's',
  kind: 'values_wide',
  rowsIn: 0,
  rowsImported: 0,
  rowsRejected: 0,
  rowsSkipped: 0,
  ...s,
});

/** A file of two values sheets and a models sheet: 12,345 blank of 30,862 value cells (40 %). */
function report(
  blank: number | undefined,
  byIndicator: ImportReport['valuesBlankByIndicator'] = [],
): ImportReport {
  return {
    importId: 1,
    file: '/x/chi_tieu.xlsx',
    format: 'xlsx',
    sheets: [
      sheet({ rowsImported: 10_000, rowsRejected: 17, valuesBlank: 10_000 }),
      sheet({ rowsImported: 8_500, rowsRejected: 0, valuesBlank: 2_345 }),
      // Rows of a models sheet are no value cells: they stay out of the share.
      sheet({ kind: 'models', rowsImported: 9_600 }),
    ],
    rowsIn: 0,
    rowsImported: 28_117,
    rowsRejected: 17,
    ...(blank === undefined ? {} : { valuesBlank: blank, valuesBlankByIndicator: byIndicator }),
    unregisteredUnits: [],
    unknownFields: [],
    newIndicators: [],
    replacedPrevious: false,
    problems: [],
    ms: 0,
  };
}

const TOP = [
  { indicator: 'funds_mobilized_vnd', label: 'Kinh phí vận động (đồng)', count: 9_001 },
  { indicator: 'chi_tieu_moi', label: 'Chỉ tiêu mới lạ', count: 3_343 },
  { indicator: 'participants', label: 'participants', count: 1 },
];

describe('blank value cells note', () => {
  it('vi: count and share in vi-VN notation, catalogue names, the file’s wording for a new indicator', () => {
    const t = blankValuesText(report(12_345, TOP), translator('vi'), 'vi', INDICATORS);
    expect(t?.sentence).toBe(
      '12.345 ô giá trị để trống (không báo cáo) — không tính là 0 (40% số ô giá trị của tệp).',
    );
    expect(t?.top).toBe(
      'Để trống nhiều nhất: Kinh phí vận động (9.001 ô); Chỉ tiêu mới lạ (3.343 ô); Lượt người dân tham gia (1 ô).',
    );
  });

  it('en: en-US notation, plural and singular, English catalogue names', () => {
    const t = blankValuesText(report(12_345, TOP), translator('en'), 'en', INDICATORS);
    expect(t?.sentence).toBe(
      '12,345 value cells left blank (not reported) — not counted as zero (40% of the file’s value cells).',
    );
    expect(t?.top).toBe(
      'Most often blank: Funds mobilised (9,001 cells); Chỉ tiêu mới lạ (3,343 cells); Resident participations (1 cell).',
    );
    const one = report(1, [TOP[2] ?? TOP[0]!]);
    one.sheets = [sheet({ rowsImported: 3, valuesBlank: 1 })];
    expect(blankValuesText(one, translator('en'), 'en', INDICATORS)?.sentence).toBe(
      '1 value cell left blank (not reported) — not counted as zero (25% of the file’s value cells).',
    );
  });

  it('says so when nothing was blank, and says nothing for a file without values', () => {
    expect(blankValuesText(report(0), translator('vi'), 'vi', INDICATORS)).toEqual({
      sentence: 'Không có ô giá trị nào để trống.',
      top: null,
    });
    expect(blankValuesText(report(undefined), translator('vi'), 'vi', INDICATORS)).toBeNull();
  });
});
