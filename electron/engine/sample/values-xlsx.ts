/**
 * Writer for `chi_tieu.xlsx`: the same values in wide form, one row per model × month and one column per
 * indicator named as reports name them, one sheet per year under title rows and a two-row merged header,
 * with a totals row and signatures. Regenerates each model's series on the fly (never all values at once).
 */

import { INDICATORS } from '../../../shared/catalog';
import { FIRST_YEAR, MONTH_COUNT, periodSlash } from './calendar';
import { at, Rng } from './rng';
import { type SampleModel } from './types';
import { modelSeries } from './values';
import { type ModelProgress } from './values-csv';
import { openWorkbook, relieve, viNumber, writeSignatures, writeTitleBlock } from './xlsx-common';

/**
 * Indicator column headers as reports write them: a leading "Số", the unit in parentheses, or a
 * slightly different wording of the catalogue name (catalogue order).
 */
export const REPORT_HEADERS: Readonly<Record<string, string>> = {
  houses_built: 'Số căn nhà xây mới, sửa chữa (căn)',
  bridges_built: 'Số cây cầu giao thông nông thôn',
  roads_built_m: 'Đường giao thông làm mới, nâng cấp (m)',
  canals_cleaned_m: 'Chiều dài kênh mương, hẻm được làm sạch (m)',
  lights_installed: 'Số bộ đèn chiếu sáng lắp đặt',
  households_supported: 'Số hộ nghèo, cận nghèo được hỗ trợ (hộ)',
  meals_served: 'Suất ăn, phần quà trao tặng (suất)',
  patients_transported: 'Lượt bệnh nhân được đưa đón miễn phí',
  students_supported: 'Số học sinh khó khăn được hỗ trợ',
  funds_mobilized_vnd: 'Kinh phí vận động (đồng)',
  labor_days: 'Ngày công lao động (ngày công)',
  participants: 'Lượt người dân tham gia',
  beneficiaries: 'Số người dân hưởng lợi',
  trees_planted: 'Số cây xanh trồng mới (cây)',
  waste_collected_kg: 'Rác thải được thu gom (kg)',
  records_processed: 'Số hồ sơ hành chính được giải quyết',
  turnaround_minutes: 'Thời gian trả kết quả trung bình (phút)',
  satisfaction_pct: 'Mức độ hài lòng của người dân (%)',
  ocop_products: 'Số sản phẩm OCOP được công nhận',
};

/** 1-based rows of the two header rows of each `chi_tieu.xlsx` sheet; data starts on the row after. */
export const VALUE_XLSX_HEADER_ROWS = [5, 6] as const;
/** Columns before the indicator columns in `chi_tieu.xlsx`. */
export const VALUE_XLSX_KEY_HEADERS = ['STT', 'Mã mô hình', 'Kỳ báo cáo (MM/YYYY)'] as const;
/** Group header above the indicator columns. */
export const VALUE_XLSX_GROUP = 'Kết quả thực hiện';
/** Share of value cells written as Vietnamese-notation text ("1.234.567", "87,5"). */
export const VALUE_XLSX_TEXT_SHARE = 0.02;
/** Data rows per sheet before a year continues on a "YYYY (2)" sheet (Excel's limit is 1,048,576 rows). */
export const MAX_SHEET_ROWS = 1_000_000;

/** Written sheets and wide rows of `chi_tieu.xlsx`. */
export interface WideResult {
  sheets: string[];
  rows: number;
}

const K0 = VALUE_XLSX_KEY_HEADERS.length;
const RELIEVE_EVERY = 2000;

/**
 * Write `chi_tieu.xlsx` in wide form, one sheet per year (continued on "YYYY (2)" past `maxSheetRows`
 * data rows); `seed` drives which cells are written as text.
 */
export async function writeValuesXlsx(
  path: string,
  models: readonly SampleModel[],
  seed: number,
  note: string,
  progress?: ModelProgress,
  maxSheetRows = MAX_SHEET_ROWS,
): Promise<WideResult> {
  const rng = new Rng(seed, 'xlsx-values');
  // Styles off: per-cell style resolution would more than double the time of these large sheets.
  const wb = await openWorkbook(path, false);
  const width = K0 + INDICATORS.length;
  const sheets: string[] = [];
  let total = 0;
  const yearCount = MONTH_COUNT / 12;

  for (let y = 0; y < yearCount; y++) {
    const year = FIRST_YEAR + y;
    const first = y * 12;
    const last = first + 11;
    let part = 1;
    let sheet = openValueSheet(wb, String(year), year, width);
    sheets.push(String(year));
    let sums = new Float64Array(INDICATORS.length);
    let sheetRows = 0;
    for (const model of models) {
      if (model.lastMonth < first || model.startMonth > last) continue;
      const { months, values } = modelSeries(model);
      const inds = model.values.indicators;
      const k = inds.length;
      for (let r = 0; r < months.length; r++) {
        const m = at(months, r);
        if (m < first || m > last) continue;
        if (sheetRows === maxSheetRows) {
          closeValueSheet(sheet, sums, note);
          part++;
          const name = `${year} (${part})`;
          sheet = openValueSheet(wb, name, year, width);
          sheets.push(name);
          sums = new Float64Array(INDICATORS.length);
          sheetRows = 0;
        }
        sheetRows++;
        total++;
        const cells: (string | number | undefined)[] = new Array<string | number | undefined>(width);
        cells[0] = sheetRows;
        cells[1] = model.id;
        cells[2] = periodSlash(m);
        for (let j = 0; j < k; j++) {
          const i = at(inds, j);
          const v = at(values, r * k + j);
          sums[i] = (sums[i] ?? 0) + v;
          cells[K0 + i] = rng.chance(VALUE_XLSX_TEXT_SHARE) ? viNumber(v) : v;
        }
        sheet.addRow(cells).commit();
        if (total % RELIEVE_EVERY === 0) await relieve(sheet);
      }
      if (progress && (model.index % 500 === 0 || model.index === models.length - 1)) {
        progress(y * models.length + model.index + 1, yearCount * models.length);
      }
    }
    closeValueSheet(sheet, sums, note);
  }
  await wb.commit();
  return { sheets, rows: total };
}

type Sheet = ReturnType<Awaited<ReturnType<typeof openWorkbook>>['addWorksheet']>;

function openValueSheet(
  wb: Awaited<ReturnType<typeof openWorkbook>>,
  name: string,
  year: number,
  width: number,
): Sheet {
  const ws = wb.addWorksheet(name);
  // Widths only: a column number format would make ExcelJS look up a style for every value cell,
  // a quarter of the writing time.
  ws.columns = Array.from({ length: width }, (_, c) => ({ width: c === 0 ? 7 : c < K0 ? 13 : 16 }));
  writeTitleBlock(
    ws,
    `KẾT QUẢ THỰC HIỆN CHỈ TIÊU CÁC MÔ HÌNH DÂN VẬN KHÉO NĂM ${year} (dữ liệu minh họa)`,
    width,
  );
  const [top, bottom] = VALUE_XLSX_HEADER_ROWS;
  const group = ws.getRow(top);
  const names = ws.getRow(bottom);
  VALUE_XLSX_KEY_HEADERS.forEach((h, c) => (group.getCell(c + 1).value = h));
  group.getCell(K0 + 1).value = VALUE_XLSX_GROUP;
  INDICATORS.forEach((d, i) => (names.getCell(K0 + 1 + i).value = REPORT_HEADERS[d.code] ?? d.name_vi));
  for (let c = 1; c <= K0; c++) ws.mergeCells(top, c, bottom, c);
  ws.mergeCells(top, K0 + 1, top, width);
  group.commit();
  names.commit();
  return ws;
}

function closeValueSheet(ws: Sheet, sums: Float64Array, note: string): void {
  const cells: (string | number | undefined)[] = new Array<string | number | undefined>(
    K0 + INDICATORS.length,
  );
  cells[0] = 'Tổng cộng';
  INDICATORS.forEach((d, i) => {
    if (d.aggregation === 'sum') cells[K0 + i] = Math.round((sums[i] ?? 0) * 10) / 10;
  });
  const row = ws.addRow(cells);
  ws.mergeCells(row.number, 1, row.number, K0);
  row.commit();
  writeSignatures(ws, 2, K0 + INDICATORS.length - 3, note);
  ws.commit();
}
