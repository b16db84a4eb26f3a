/**
 * `README.txt` of a generated sample: what the files are, in Vietnamese and English, with the seed and
 * scale, and a clear statement that the data is illustrative.
 */

import { writeFile } from 'node:fs/promises';
import { SAMPLE_PROVINCE_NAME } from './types';

/** Facts the README states. */
export interface ReadmeFacts {
  seed: number;
  scale: number;
  units: number;
  models: number;
  valueRows: number;
}

/** One-line note placed under each XLSX report. */
export function illustrativeNote(seed: number, scale: number): string {
  return `Ghi chú: Dữ liệu minh họa do DVK Atlas sinh tự động (seed ${seed}, scale ${scale}), không phải số liệu thật.`;
}

/** The README text (CRLF line endings so Notepad shows it properly). */
export function readmeText(f: ReadmeFacts): string {
  const n = (v: number): string => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const lines = [
    'DVK Atlas – BỘ DỮ LIỆU MẪU / SAMPLE DATASET',
    '',
    '*** DỮ LIỆU MINH HỌA – KHÔNG PHẢI SỐ LIỆU THẬT ***',
    '*** ILLUSTRATIVE DATA – NOT REAL FIGURES ***',
    '',
    `Seed: ${f.seed}    Scale: ${f.scale}`,
    `${n(f.units)} đơn vị / units · ${n(f.models)} mô hình / models · ${n(f.valueRows)} dòng chỉ tiêu / value rows`,
    '',
    '[Tiếng Việt]',
    `Bộ dữ liệu này được DVK Atlas sinh tự động từ seed ${f.seed} (scale ${f.scale}) cho một thành phố giả định,`,
    `"${SAMPLE_PROVINCE_NAME}" (mã 99). Tên đơn vị, ranh giới, dân số, mô hình và số liệu đều là dữ liệu minh họa,`,
    'dùng để làm quen với ứng dụng; không phản ánh bất kỳ địa phương hay mô hình có thật nào.',
    'Cùng seed và scale luôn cho cùng dữ liệu.',
    '',
    '  don_vi_hanh_chinh.csv  Danh sách phường, xã, đặc khu (mã ĐVHC 5 chữ số, dân số, diện tích).',
    '  ranh_gioi.geojson      Ranh giới các đơn vị (GeoJSON, WGS 84).',
    '  mo_hinh.xlsx           Danh sách mô hình dạng báo cáo (tiêu đề, dòng tổng cộng, chữ ký).',
    '  mo_hinh.csv            Danh sách mô hình dạng bảng phẳng (UTF-8).',
    '  chi_tieu.csv           Kết quả chỉ tiêu theo tháng, dạng dọc (mỗi dòng một chỉ tiêu).',
    '  chi_tieu.xlsx          Kết quả chỉ tiêu theo tháng, dạng ngang, mỗi năm một trang tính.',
    '',
    '[English]',
    `DVK Atlas generated this dataset from seed ${f.seed} (scale ${f.scale}) for a fictional city,`,
    `"${SAMPLE_PROVINCE_NAME}" (code 99). Unit names, boundaries, populations, models and figures are all`,
    'illustrative, for getting to know the app; they describe no real place or model.',
    'The same seed and scale always give the same data.',
    '',
    '  don_vi_hanh_chinh.csv  Wards, communes and the special zone (5-digit codes, population, area).',
    '  ranh_gioi.geojson      Unit boundaries (GeoJSON, WGS 84).',
    '  mo_hinh.xlsx           Models as a report (title rows, totals row, signatures).',
    '  mo_hinh.csv            Models as a flat table (UTF-8).',
    '  chi_tieu.csv           Monthly indicator values, long form (one indicator per line).',
    '  chi_tieu.xlsx          Monthly indicator values, wide form, one sheet per year.',
    '',
  ];
  return '\uFEFF' + lines.join('\r\n');
}

/** Write `README.txt`; returns its line count. */
export async function writeReadme(path: string, f: ReadmeFacts): Promise<number> {
  const text = readmeText(f);
  await writeFile(path, text, 'utf8');
  return text.split('\r\n').length - 1;
}
