/**
 * Turn the page's presentable items into deck slides: native chart data when PowerPoint can draw the
 * chart, otherwise a 2× picture drawn off screen; tables cut to what a slide holds (the notes say so).
 */
import type { Translate } from '../charts/types';
import { EXPORT_SIZE } from './decorate';
import type { DeckSlide } from './deck';
import { nativeChartOf } from './native-chart';
import { renderPng } from './render';
import type { ExportMeta, Presentable } from './types';

/** Most table rows on one slide. */
export const SLIDE_TABLE_ROWS = 14;
/** Most table columns on one slide. */
export const SLIDE_TABLE_COLUMNS = 8;

/** Slides for `items`, in order; items without data are left out. */
export async function deckSlides(
  items: readonly Presentable[],
  metaFor: (title: string) => ExportMeta,
  t: Translate,
): Promise<DeckSlide[]> {
  const slides: DeckSlide[] = [];
  for (const item of items) {
    const meta = metaFor(item.title);
    const notes = [item.title, meta.subtitle, meta.dataDate, meta.source].filter(Boolean).join('\n');
    if (item.kind === 'chart') {
      if (!item.option) continue;
      const chart = nativeChartOf(item.option);
      const image = chart
        ? null
        : {
            dataUrl: await renderPng({ ...item.option, animation: false }, 2),
            width: EXPORT_SIZE.width * 2,
            height: EXPORT_SIZE.height * 2,
          };
      slides.push({ title: item.title, subtitle: meta.subtitle, notes, chart, image });
    } else {
      const table = item.getTable();
      if (!table) continue;
      const cut = {
        columns: table.columns.slice(0, SLIDE_TABLE_COLUMNS),
        rows: table.rows.slice(0, SLIDE_TABLE_ROWS).map((r) => r.slice(0, SLIDE_TABLE_COLUMNS)),
      };
      const total = table.totalRows ?? table.rows.length;
      const more =
        total > SLIDE_TABLE_ROWS || table.columns.length > SLIDE_TABLE_COLUMNS
          ? `\n${t('export.deck.tableNotes', { shown: cut.rows.length, total })}`
          : '';
      slides.push({ title: item.title, subtitle: meta.subtitle, notes: notes + more, table: cut });
    }
  }
  return slides;
}
