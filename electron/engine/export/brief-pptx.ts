/**
 * The replication brief as a PowerPoint deck (pptxgenjs, in Node, offline): a title slide, then one slide
 * per shortlisted model with its name, unit, field, sponsor, status and score line, a table of key
 * indicators, its monthly trend as a NATIVE line chart (editable in PowerPoint), its location as a small
 * map image rendered here (brief-map.ts) and its flags and latest note. Fonts: the deck names "Be Vietnam
 * Pro" with Arial as the theme fallback; text is Unicode, so Vietnamese diacritics survive as written.
 */
import { loadPptxGenJS } from '../lazy-libs';
import type { FormatLocale } from '../../../shared/format';
import { formatNumber, formatPeriod, formatValue } from '../../../shared/format';
import type { CatalogCache } from '../query/catalog-cache';
import type { BriefData, BriefModel } from './brief-data';
import { renderUnitMap } from './brief-map';
import { briefWords, flagLabel, flagSentence, indicatorLabel } from './brief-text';

// pptxgenjs ships CommonJS: under ESM interop the class may sit on `.default`.

const FONT = 'Arial';
const PRIMARY = '1C5AA3';
const MUTED = '5A6573';

function modelSlide(
  pptx: InstanceType<Awaited<ReturnType<typeof loadPptxGenJS>>>,
  m: BriefModel,
  data: BriefData,
  catalog: CatalogCache,
  locale: FormatLocale,
) {
  const w = briefWords(locale);
  const s = pptx.addSlide();
  s.addText(m.entry.name ?? m.entry.modelId, {
    x: 0.4,
    y: 0.25,
    w: 12.5,
    h: 0.6,
    fontFace: FONT,
    fontSize: 24,
    bold: true,
    color: PRIMARY,
  });
  const meta = [m.entry.modelId, m.entry.unitName, m.entry.field, m.entry.sponsor, m.status]
    .filter(Boolean)
    .join(' · ');
  s.addText(meta, { x: 0.4, y: 0.85, w: 12.5, h: 0.4, fontFace: FONT, fontSize: 13, color: MUTED });
  const scoreLine =
    m.score === null || m.rank === null
      ? w.notRanked
      : w.scoreLine(
          formatNumber(m.score, { locale, maxFractionDigits: 1 }),
          formatNumber(m.rank, { locale }),
          formatNumber(data.rankedCount, { locale }),
        );
  s.addText(`${w.status[m.entry.status]} · ${scoreLine}`, {
    x: 0.4,
    y: 1.25,
    w: 12.5,
    h: 0.35,
    fontFace: FONT,
    fontSize: 12,
    bold: true,
  });

  const rows = m.figures
    .slice()
    .sort((a, b) => b.months - a.months)
    .slice(0, 7)
    .map((f) => [
      { text: indicatorLabel(f.indicator.code, catalog, locale), options: { fontSize: 11 } },
      {
        text: formatValue(f.value, f.indicator.unit, locale, f.indicator.aggregation === 'sum' ? 0 : 1),
        options: { fontSize: 11, align: 'right' as const },
      },
    ]);
  s.addText(w.keyIndicators, { x: 0.4, y: 1.75, w: 5.6, h: 0.35, fontFace: FONT, fontSize: 13, bold: true });
  if (rows.length)
    s.addTable(rows, {
      x: 0.4,
      y: 2.1,
      w: 5.6,
      colW: [3.6, 2.0],
      fontFace: FONT,
      border: { type: 'solid', pt: 0.5, color: 'DDE2E8' },
    });

  const first = m.series[0];
  if (first && first.points.length > 1) {
    const name = indicatorLabel(first.indicator.code, catalog, locale);
    s.addText(w.trend(name), { x: 6.3, y: 1.75, w: 6.6, h: 0.35, fontFace: FONT, fontSize: 13, bold: true });
    s.addChart(
      pptx.ChartType.line,
      [
        {
          name,
          labels: first.points.map((p) => formatPeriod(`${p.period}-01`, 'month', locale)),
          values: first.points.map((p) => p.value),
        },
      ],
      {
        x: 6.3,
        y: 2.1,
        w: 6.6,
        h: 2.9,
        chartColors: [PRIMARY],
        lineSize: 2,
        lineDataSymbol: 'none',
        catAxisLabelFontSize: 9,
        valAxisLabelFontSize: 9,
        catAxisLabelFontFace: FONT,
        valAxisLabelFontFace: FONT,
        showLegend: false,
      },
    );
  }

  const map = renderUnitMap(
    data.shapes,
    m.entry.unitCode,
    m.lat !== null && m.lon !== null ? { lat: m.lat, lon: m.lon } : null,
    480,
  );
  if (map) {
    const h = 2.2;
    const wIn = Math.min(3.2, (h * map.width) / map.height);
    s.addText(w.location, { x: 0.4, y: 5.0, w: 3.2, h: 0.3, fontFace: FONT, fontSize: 11, bold: true });
    s.addImage({
      data: `image/png;base64,${map.png.toString('base64')}`,
      x: 0.4,
      y: 5.3,
      w: wIn,
      h,
      altText: `${w.location}: ${m.entry.unitName ?? ''}`,
    });
  }
  const flagLines = m.flags.length
    ? m.flags.slice(0, 4).map((f) => `⚑ ${flagLabel(f, locale)}: ${flagSentence(f, catalog, locale)}`)
    : [w.noFlags];
  const note = m.entry.notes[0]?.note;
  s.addText([...flagLines, ...(note ? [`✎ ${note}`] : [])].join('\n'), {
    x: 4.0,
    y: 5.2,
    w: 8.9,
    h: 2.1,
    fontFace: FONT,
    fontSize: 11,
    valign: 'top',
    color: '1B2430',
  });
}

/** Build the deck bytes. */
export async function briefPptx(
  data: BriefData,
  catalog: CatalogCache,
  locale: FormatLocale,
  opts: { illustrative: boolean; today: string },
): Promise<Uint8Array> {
  const w = briefWords(locale);
  const PptxGenJS = await loadPptxGenJS();
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = w.title;
  pptx.author = 'DVK Atlas';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const t = pptx.addSlide();
  t.addText(w.title, {
    x: 0.8,
    y: 2.2,
    w: 11.7,
    h: 1.2,
    fontFace: FONT,
    fontSize: 34,
    bold: true,
    color: PRIMARY,
  });
  t.addText(w.subtitle(data.models.length, opts.today), {
    x: 0.8,
    y: 3.5,
    w: 11.7,
    h: 0.6,
    fontFace: FONT,
    fontSize: 18,
  });
  if (data.periodRange.from && data.periodRange.to)
    t.addText(
      w.data(
        formatPeriod(`${data.periodRange.from}-01`, 'month', locale),
        formatPeriod(`${data.periodRange.to}-01`, 'month', locale),
      ),
      { x: 0.8, y: 4.1, w: 11.7, h: 0.5, fontFace: FONT, fontSize: 14, color: MUTED },
    );
  if (opts.illustrative)
    t.addText(w.illustrative, {
      x: 0.8,
      y: 4.7,
      w: 11.7,
      h: 0.5,
      fontFace: FONT,
      fontSize: 14,
      italic: true,
      color: 'B3261E',
    });
  for (const m of data.models) modelSlide(pptx, m, data, catalog, locale);
  const out = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return new Uint8Array(out);
}
