/**
 * Writer for `chi_tieu.csv`: indicator values in long form (model, period "2025-03", indicator, value,
 * unit), streamed model by model so memory stays flat at any scale.
 */

import { INDICATORS } from '../../../shared/catalog';
import { MONTH_COUNT, periodIso } from './calendar';
import { at, hash32 } from './rng';
import { BOM, TextWriter, csvField, csvLine, EOL } from './text-writer';
import { type SampleModel } from './types';
import { modelSeries } from './values';

/** Header of `chi_tieu.csv`. */
export const VALUE_HEADERS = ['Mã mô hình', 'Kỳ báo cáo', 'Chỉ tiêu', 'Giá trị', 'Đơn vị tính'] as const;

/** Share of models whose long-form rows name indicators by their Vietnamese name instead of the code. */
export const NAME_LABEL_SHARE = 0.08;

/** True when `model`'s CSV rows use `name_vi` rather than the catalogue code. */
export function usesVietnameseLabels(model: SampleModel): boolean {
  return hash32('labels', model.values.seed) / 4294967296 < NAME_LABEL_SHARE;
}

/** Progress callback: models done out of total. */
export type ModelProgress = (done: number, total: number) => void;

/** Write `chi_tieu.csv`; returns the number of value rows written. */
export async function writeValuesCsv(
  path: string,
  models: readonly SampleModel[],
  progress?: ModelProgress,
): Promise<number> {
  const periods = Array.from({ length: MONTH_COUNT }, (_, m) => periodIso(m));
  const byCode = INDICATORS.map((d) => csvField(d.code));
  const byName = INDICATORS.map((d) => csvField(d.name_vi));
  const units = INDICATORS.map((d) => csvField(d.unit));
  const out = new TextWriter(path);
  await out.write(BOM + csvLine(VALUE_HEADERS));
  let rows = 0;
  for (const model of models) {
    const { months, values } = modelSeries(model);
    const inds = model.values.indicators;
    const labels = usesVietnameseLabels(model) ? byName : byCode;
    const k = inds.length;
    let text = '';
    for (let r = 0; r < months.length; r++) {
      const prefix = `${model.id},${at(periods, at(months, r))},`;
      for (let j = 0; j < k; j++) {
        const i = at(inds, j);
        text += `${prefix}${at(labels, i)},${at(values, r * k + j)},${at(units, i)}${EOL}`;
      }
    }
    rows += months.length * k;
    await out.write(text);
    if (progress && (model.index % 500 === 0 || model.index === models.length - 1))
      progress(model.index + 1, models.length);
  }
  await out.close();
  return rows;
}
