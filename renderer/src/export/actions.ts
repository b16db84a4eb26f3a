/**
 * The export actions behind every menu: chart → PNG (2×/3×), SVG, clipboard; table → XLSX/CSV through
 * the engine ('export.table'). Each returns the saved file's name, or throws a UiError-convertible error.
 */
import type { ChartOption } from '../charts/types';
import { getApi } from '../api';
import type { UiLang } from '../format/numbers';
import { decorateOption, type ExportLook } from './decorate';
import { dataUrlBytes, renderPng, renderSvg } from './render';
import { copyPng, fileNameFor, saveBytes, type ClipboardFailure } from './save';
import type { ExportMeta, TableData } from './types';

/** Save a chart as a PNG at `ratio`× pixels; returns the file name. */
export async function exportChartPng(
  option: ChartOption,
  meta: ExportMeta,
  look: ExportLook,
  ratio: 2 | 3,
): Promise<string> {
  const url = await renderPng(decorateOption(option, meta, look), ratio);
  const name = fileNameFor(meta.title, `${ratio}x.png`);
  saveBytes(name, dataUrlBytes(url), 'image/png');
  return name;
}

/** Save a chart as SVG (font embedded); returns the file name. */
export async function exportChartSvg(
  option: ChartOption,
  meta: ExportMeta,
  look: ExportLook,
): Promise<string> {
  const svg = await renderSvg(decorateOption(option, meta, look));
  const name = fileNameFor(meta.title, 'svg');
  saveBytes(name, svg, 'image/svg+xml');
  return name;
}

/** Copy a chart (2× PNG) to the clipboard; null on success. */
export async function copyChart(
  option: ChartOption,
  meta: ExportMeta,
  look: ExportLook,
): Promise<ClipboardFailure | null> {
  const url = await renderPng(decorateOption(option, meta, look), 2);
  return copyPng(dataUrlBytes(url));
}

/** Save a table as XLSX or CSV (written by the engine); returns the file name. */
export async function exportTableFile(
  table: TableData,
  meta: ExportMeta,
  format: 'xlsx' | 'csv',
  locale: UiLang,
): Promise<string> {
  const api = await getApi();
  const file = await api.call('export.table', {
    title: meta.title,
    format,
    columns: table.columns,
    rows: table.rows,
    filtersText: meta.subtitle,
    dataDate: meta.dataDate,
    source: meta.source,
    locale,
  });
  saveBytes(file.fileName, file.bytes, file.mime);
  return file.fileName;
}
