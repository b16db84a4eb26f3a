/**
 * Writers for the model list: `mo_hinh.csv` (plain header, UTF-8 BOM) and `mo_hinh.xlsx` (report form
 * with title rows, header on row 5, a totals row and signatures, and a few messy traits real exports have).
 */

import { FIELDS } from '../../../shared/catalog';
import { Rng, at } from './rng';
import { TextWriter, BOM, csvLine } from './text-writer';
import { type SampleModel, type SampleUnit } from './types';
import { dmy, openWorkbook, relieve, utcDate, writeSignatures, writeTitleBlock } from './xlsx-common';

/** Header of both model files, in order. */
export const MODEL_HEADERS = [
  'STT',
  'Mã mô hình',
  'Tên mô hình',
  'Mã ĐVHC',
  'Phường/Xã',
  'Lĩnh vực',
  'Cơ quan chủ trì',
  'Ngày bắt đầu',
  'Tình trạng',
  'Cấp công nhận',
  'Vĩ độ',
  'Kinh độ',
  'Nhân rộng từ mô hình',
  'Mô tả',
] as const;

/** 1-based row of the header in `mo_hinh.xlsx`. */
export const MODEL_XLSX_HEADER_ROW = 5;
/** Sheet name of `mo_hinh.xlsx`. */
export const MODEL_SHEET = 'Mô hình';

/** Shares of rows carrying each messy trait in the XLSX (see README.md). */
export const MODEL_XLSX_MESS = { textDate: 0.4, numericCode: 0.25, bareUnitName: 0.08 } as const;

/** Write `mo_hinh.csv`: one line per model, dates dd/mm/yyyy, unit codes as 5-digit text. */
export async function writeModelsCsv(
  path: string,
  models: readonly SampleModel[],
  units: readonly SampleUnit[],
): Promise<void> {
  const out = new TextWriter(path);
  await out.write(BOM + csvLine(MODEL_HEADERS));
  for (const m of models) {
    const u = at(units, m.unit);
    await out.write(
      csvLine([
        m.index + 1,
        m.id,
        m.name,
        u.code,
        u.fullName,
        at(FIELDS, m.field).name_vi,
        m.sponsor,
        dmy(m.startDate),
        m.status,
        m.recognition,
        m.lat,
        m.lon,
        m.replicatedFrom,
        m.description,
      ]),
    );
  }
  await out.close();
}

const WIDTHS = [6, 12, 48, 9, 24, 26, 26, 12, 15, 14, 11, 11, 14, 60];

/** Write `mo_hinh.xlsx` in report form; `seed` drives which rows get which messy trait. */
export async function writeModelsXlsx(
  path: string,
  models: readonly SampleModel[],
  units: readonly SampleUnit[],
  seed: number,
  note: string,
): Promise<void> {
  const rng = new Rng(seed, 'xlsx-models');
  const wb = await openWorkbook(path);
  const ws = wb.addWorksheet(MODEL_SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  writeTitleBlock(ws, 'BÁO CÁO TỔNG HỢP MÔ HÌNH DÂN VẬN KHÉO (dữ liệu minh họa)', MODEL_HEADERS.length);
  const header = ws.addRow([...MODEL_HEADERS]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.commit();

  for (const m of models) {
    const u = at(units, m.unit);
    const textDate = rng.chance(MODEL_XLSX_MESS.textDate);
    const numericCode = rng.chance(MODEL_XLSX_MESS.numericCode);
    const bareName = rng.chance(MODEL_XLSX_MESS.bareUnitName);
    const row = ws.addRow([
      m.index + 1,
      m.id,
      m.name,
      numericCode ? Number(u.code) : u.code,
      bareName ? u.name : u.fullName,
      at(FIELDS, m.field).name_vi,
      m.sponsor,
      textDate ? dmy(m.startDate) : utcDate(m.startDate),
      m.status,
      m.recognition || undefined,
      m.lat ?? undefined,
      m.lon ?? undefined,
      m.replicatedFrom ?? undefined,
      m.description,
    ]);
    if (!textDate) row.getCell(8).numFmt = 'dd/mm/yyyy';
    row.commit();
    if (m.index % 2000 === 1999) await relieve(ws);
  }

  const total = ws.addRow(['Tổng cộng', undefined, `${models.length} mô hình`]);
  total.font = { bold: true };
  const r = MODEL_XLSX_HEADER_ROW + models.length + 1;
  ws.mergeCells(r, 1, r, 2);
  total.commit();
  writeSignatures(ws, 3, 10, note);
  ws.commit();
  await wb.commit();
}
