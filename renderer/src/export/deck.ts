/**
 * A 16:9 PowerPoint deck from presentable items (pptxgenjs, bundled; nothing is fetched): a title
 * slide, then one slide per item with its title, the filters as a subtitle, and speaker notes (filters,
 * data date, source). Bar/line/pie charts become native PowerPoint charts (editable, crisp on any
 * projector); other charts are placed as 2× PNG pictures; tables become native tables. Text is set in
 * Be Vietnam Pro with Unicode kept as is, so Vietnamese survives. Pure of the DOM: runs in Node tests.
 */
import PptxGenJS from 'pptxgenjs';
import { safeCell } from '../../../shared/cell-safety';
import type { NativeChart } from './native-chart';
import type { TableData } from './types';

/** One slide's content. */
export interface DeckSlide {
  title: string;
  subtitle: string;
  notes: string;
  /** A native chart (preferred when the chart type allows). */
  chart?: NativeChart | null;
  /** Otherwise a picture: a PNG data URL and its pixel size. */
  image?: { dataUrl: string; width: number; height: number } | null;
  /** Or a table (already cut to what fits a slide). */
  table?: TableData | null;
}

/** The deck's front matter. */
export interface DeckInfo {
  title: string;
  subtitle: string;
  dataDate: string;
  source: string;
  lang: 'vi' | 'en';
}

const FONT = 'Be Vietnam Pro';
const W = 13.333;
const H = 7.5;
const M = 0.5;
const PALETTE = ['1C5AA3', 'D9822B', '2E8B57', '8E44AD', 'C0392B', '16A2B8', '7F8C8D'];

type Slide = ReturnType<PptxGenJS['addSlide']>;

function addChart(pptx: PptxGenJS, slide: Slide, c: NativeChart, box: { y: number; h: number }): void {
  const data = c.series.map((s) => ({ name: s.name || ' ', labels: c.labels, values: s.values }));
  const common = {
    x: M,
    y: box.y,
    w: W - 2 * M,
    h: box.h,
    chartColors: PALETTE,
    catAxisLabelFontFace: FONT,
    valAxisLabelFontFace: FONT,
    legendFontFace: FONT,
    dataLabelFontFace: FONT,
    catAxisLabelFontSize: 12,
    valAxisLabelFontSize: 12,
    showLegend: c.series.length > 1 || c.type === 'pie',
    legendPos: 'b' as const,
  };
  if (c.type === 'pie') {
    slide.addChart(pptx.ChartType.pie, data, { ...common, showPercent: true, dataLabelFontSize: 12 });
  } else if (c.type === 'line') {
    slide.addChart(pptx.ChartType.line, data, { ...common, lineSize: 2, lineDataSymbolSize: 6 });
  } else {
    slide.addChart(pptx.ChartType.bar, data, {
      ...common,
      barDir: c.horizontal ? 'bar' : 'col',
      barGrouping: c.stacked ? 'stacked' : 'clustered',
      ...(c.stacked ? { overlap: 100 } : {}),
      showValue: c.series.length === 1 && c.labels.length <= 24,
      dataLabelFontSize: 11,
    });
  }
}

function addTable(slide: Slide, t: TableData, box: { y: number; h: number }): void {
  const head = t.columns.map((c) => ({
    text: c.unit ? `${c.name} (${c.unit})` : c.name,
    options: { bold: true, color: 'FFFFFF', fill: { color: '1C5AA3' } },
  }));
  const rows = t.rows.map((r) =>
    t.columns.map((c, j) => {
      const v = safeCell(r[j] ?? null);
      const text = v === null ? '' : typeof v === 'number' ? v.toLocaleString('vi-VN') : v;
      return { text, options: { align: (c.kind === 'number' ? 'right' : 'left') as 'right' | 'left' } };
    }),
  );
  slide.addTable([head, ...rows], {
    x: M,
    y: box.y,
    w: W - 2 * M,
    fontFace: FONT,
    fontSize: t.columns.length > 6 ? 10 : 12,
    border: { type: 'solid', pt: 0.5, color: 'C3CAD3' },
    autoPage: false,
  });
}

/** The deck's bytes (.pptx). */
export async function buildDeck(slides: readonly DeckSlide[], info: DeckInfo): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'DVK Atlas';
  pptx.company = 'DVK Atlas';
  pptx.title = info.title;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  // Marks text as Vietnamese (spelling, line breaking) in PowerPoint.
  const lang = info.lang === 'vi' ? 'vi-VN' : 'en-US';

  /** A full-width line of text at `y` (inches): title, subtitle or footer of a slide. */
  const line = (
    slide: PptxGenJS.Slide,
    text: string,
    y: number,
    h: number,
    fontSize: number,
    heading = false,
  ) =>
    slide.addText(text, {
      x: M,
      y,
      w: W - 2 * M,
      h,
      fontFace: FONT,
      lang,
      fontSize,
      ...(heading ? { bold: true, color: '15263D' } : { color: '5A6573' }),
    });
  const footer = [info.dataDate, info.source].filter(Boolean).join(' · ');

  const cover = pptx.addSlide();
  line(cover, info.title, 2.2, 1.2, 36, true);
  line(cover, info.subtitle, 3.5, 1, 18);
  line(cover, footer, H - 1.1, 0.5, 12);
  cover.addNotes([info.subtitle, info.dataDate, info.source].filter(Boolean).join('\n'));

  for (const s of slides) {
    const slide = pptx.addSlide();
    line(slide, s.title, 0.3, 0.7, 26, true);
    line(slide, s.subtitle, 0.95, 0.45, 13);
    line(slide, footer, H - 0.5, 0.35, 10);
    const box = { y: 1.5, h: H - 2.1 };
    if (s.chart) addChart(pptx, slide, s.chart, box);
    else if (s.image) {
      // Fit the picture into the box, keeping its aspect ratio, centred.
      const ratio = s.image.width / s.image.height;
      const bw = W - 2 * M;
      const w = Math.min(bw, box.h * ratio);
      const h = w / ratio;
      slide.addImage({ data: s.image.dataUrl, x: M + (bw - w) / 2, y: box.y + (box.h - h) / 2, w, h });
    } else if (s.table) addTable(slide, s.table, box);
    slide.addNotes(s.notes);
  }
  const out = await pptx.write({ outputType: 'uint8array' });
  return out as Uint8Array;
}
