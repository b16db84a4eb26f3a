/**
 * The replication brief as an XLSX workbook (exceljs): the shortlist with key figures, score and rank,
 * flags and the latest note; the score components of each model (raw value, peer percentile, weight,
 * points, peer median and top decile); key figures per indicator; every flag explained; every note.
 * Text cells pass through `safeText` so nothing runs as a formula.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../lazy-libs';
import { safeText } from '../../../shared/cell-safety';
import type { FormatLocale } from '../../../shared/format';
import type { CatalogCache } from '../query/catalog-cache';
import type { BriefData } from './brief-data';
import { briefWords, componentText, flagLabel, flagSentence, indicatorLabel } from './brief-text';

const txt = (s: string | null | undefined) => (s == null ? null : safeText(s));

function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] ?? 16 }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** Build the workbook bytes. */
export async function briefXlsx(
  data: BriefData,
  catalog: CatalogCache,
  locale: FormatLocale,
): Promise<Uint8Array> {
  const w = briefWords(locale);
  const c = w.cols;
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = 'DVK Atlas';
  const list = sheet(
    wb,
    w.sheets.list,
    [
      c.no,
      c.id,
      c.name,
      c.unit,
      c.field,
      c.sponsor,
      c.modelStatus,
      c.start,
      c.status,
      c.owner,
      c.score,
      c.rank,
      c.months,
      c.flags,
      c.note,
    ],
    [6, 12, 44, 22, 26, 24, 16, 13, 22, 18, 12, 8, 12, 40, 50],
  );
  data.models.forEach((m, i) => {
    const months = Math.max(0, ...m.figures.map((f) => f.months));
    list.addRow([
      i + 1,
      txt(m.entry.modelId),
      txt(m.entry.name),
      txt(m.entry.unitName),
      txt(m.entry.field),
      txt(m.entry.sponsor),
      txt(m.status),
      txt(m.startDate),
      txt(w.status[m.entry.status]),
      txt(m.entry.owner),
      m.score === null ? null : Math.round(m.score * 10) / 10,
      m.rank,
      months,
      txt([...new Set(m.flags.map((f) => flagLabel(f, locale)))].join(', ')),
      txt(m.entry.notes[0]?.note ?? null),
    ]);
  });
  list.getColumn(11).numFmt = '0.0';

  const parts = sheet(
    wb,
    w.sheets.parts,
    [c.id, c.name, c.component, c.raw, c.pct, c.weight, c.points, c.median, c.top10],
    [12, 40, 44, 16, 12, 10, 12, 16, 16],
  );
  const totalWeight = data.rankSpec.components.reduce((s, x) => s + x.weight, 0) || 1;
  for (const m of data.models)
    data.rankSpec.components.forEach((comp, i) => {
      const p = m.parts[i];
      parts.addRow([
        txt(m.entry.modelId),
        txt(m.entry.name),
        txt(componentText(comp, catalog, locale)),
        p?.raw ?? null,
        p?.pct === null || p?.pct === undefined ? null : Math.round(p.pct * 1000) / 10,
        comp.weight,
        Math.round(((100 * comp.weight * (p?.pct ?? 0)) / totalWeight) * 10) / 10,
        p?.median ?? null,
        p?.top10 ?? null,
      ]);
    });
  for (const col of [4, 8, 9]) parts.getColumn(col).numFmt = '#,##0.##';

  const figures = sheet(
    wb,
    w.sheets.figures,
    [c.id, c.name, c.indicator, c.value, c.uom, c.months],
    [12, 40, 40, 18, 14, 12],
  );
  for (const m of data.models)
    for (const f of m.figures)
      figures.addRow([
        txt(m.entry.modelId),
        txt(m.entry.name),
        txt(indicatorLabel(f.indicator.code, catalog, locale)),
        Math.round(f.value * 100) / 100,
        txt(f.indicator.unit),
        f.months,
      ]);
  figures.getColumn(4).numFmt = '#,##0.##';

  const flags = sheet(wb, w.sheets.flags, [c.id, c.name, c.flag, c.explanation], [12, 40, 22, 90]);
  for (const m of data.models)
    for (const f of m.flags)
      flags.addRow([
        txt(m.entry.modelId),
        txt(m.entry.name),
        txt(flagLabel(f, locale)),
        txt(flagSentence(f, catalog, locale)),
      ]);

  const notes = sheet(wb, w.sheets.notes, [c.id, c.name, c.note, c.author, c.created], [12, 40, 70, 18, 20]);
  for (const m of data.models)
    for (const n of m.entry.notes)
      notes.addRow([
        txt(m.entry.modelId),
        txt(m.entry.name),
        txt(n.note),
        txt(n.author),
        txt(n.created.slice(0, 19)),
      ]);

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
