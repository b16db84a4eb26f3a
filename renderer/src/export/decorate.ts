/**
 * Dress a view's chart option for leaving the app: a title, a subtitle with the filters in force, a
 * footer with the data date and the source, room made for them in the grid, no animation, and (for a
 * projector) large type and pure black text. Pure: option in, option out (formatters are kept).
 */
import type { ChartOption } from '../charts/types';
import type { ExportMeta } from './types';

/** The look of an exported chart. */
export interface ExportLook {
  id: 'standard' | 'projector';
  fontFamily: string;
  title: number;
  subtitle: number;
  footer: number;
  /** Axis, legend and data-label text size; null keeps the view's sizes. */
  label: number | null;
  text: string;
  muted: string;
  background: string;
}

/** Default export look (matches the screen). */
export const STANDARD_LOOK: ExportLook = {
  id: 'standard',
  fontFamily: "'Be Vietnam Pro', 'Segoe UI', system-ui, sans-serif",
  title: 22,
  subtitle: 14,
  footer: 12,
  label: null,
  text: '#1b2430',
  muted: '#5a6573',
  background: '#ffffff',
};

/** Projector look: large type, high contrast (readable from the back of a meeting room). */
export const PROJECTOR_LOOK: ExportLook = {
  id: 'projector',
  fontFamily: STANDARD_LOOK.fontFamily,
  title: 36,
  subtitle: 22,
  footer: 18,
  label: 22,
  text: '#000000',
  muted: '#1a1a1a',
  background: '#ffffff',
};

/** Pixel size (CSS px) of an exported chart: 16:9, so it fills a slide. */
export const EXPORT_SIZE = { width: 1280, height: 720 } as const;

type Loose = Record<string, unknown>;
const isObj = (x: unknown): x is Loose => typeof x === 'object' && x !== null && !Array.isArray(x);
const mapAll = (x: unknown, f: (o: Loose) => Loose): unknown =>
  Array.isArray(x) ? x.map((o) => (isObj(o) ? f(o) : o)) : isObj(x) ? f(x) : x;

/** Lines a text of `chars` characters wraps to in `width` px at `size` px (a generous estimate). */
function linesFor(text: string, width: number, size: number): number {
  const perLine = Math.max(10, Math.floor(width / (size * 0.56)));
  return Math.max(1, Math.ceil(text.length / perLine));
}

const PAD = 20;

/** Heights of the header (title + subtitle) and footer for `meta` at `width`. */
export function frameHeights(meta: ExportMeta, look: ExportLook, width: number) {
  const inner = width - 2 * PAD;
  const header =
    PAD +
    Math.ceil(look.title * 1.35) * linesFor(meta.title, inner, look.title) +
    (meta.subtitle
      ? Math.round(look.subtitle * 0.6) +
        Math.ceil(look.subtitle * 1.4) * linesFor(meta.subtitle, inner, look.subtitle)
      : 0) +
    12;
  const footer = Math.ceil(look.footer * 1.4) + PAD;
  return { header, footer };
}

function bigLabels(o: Loose, look: ExportLook): Loose {
  if (look.label === null) return o;
  const label = isObj(o.axisLabel) ? o.axisLabel : {};
  const width = typeof label.width === 'number' ? { width: Math.round(label.width * 1.5) } : {};
  return {
    ...o,
    axisLabel: { ...label, ...width, fontSize: look.label, color: look.text },
    nameTextStyle: { ...(isObj(o.nameTextStyle) ? o.nameTextStyle : {}), fontSize: look.label },
  };
}

/** The option to export: the view's option framed by title, filters, data date and source. */
export function decorateOption(
  option: ChartOption,
  meta: ExportMeta,
  look: ExportLook,
  width: number = EXPORT_SIZE.width,
): ChartOption {
  const o = option as Loose;
  const { header, footer } = frameHeights(meta, look, width);
  const inner = width - 2 * PAD;
  const grid = mapAll(o.grid ?? {}, (g) => ({
    ...g,
    top: header + (typeof g.top === 'number' ? g.top : 8),
    // Larger axis labels need room below the plot too.
    bottom: footer + (typeof g.bottom === 'number' ? g.bottom : 8) + (look.label ?? 0),
    ...(look.label !== null && typeof g.right === 'number' ? { right: Math.round(g.right * 1.6) } : {}),
  }));
  const series = mapAll(o.series, (s) =>
    look.label !== null && isObj(s.label) ? { ...s, label: { ...s.label, fontSize: look.label } } : s,
  );
  const foot = [meta.dataDate, meta.source].filter(Boolean).join(' · ');
  // Small multiples title each panel (`title` as a list placed in px): they move down with the grids.
  const panelTitles = Array.isArray(o.title)
    ? o.title.filter(isObj).map((t) => ({
        ...t,
        top: typeof t.top === 'number' ? t.top + header : t.top,
        ...(look.label !== null
          ? {
              textStyle: {
                ...(isObj(t.textStyle) ? t.textStyle : {}),
                fontSize: Math.round(look.label * 0.8),
                color: look.text,
              },
            }
          : {}),
      }))
    : [];
  const frameTitle = {
    left: PAD,
    top: PAD,
    text: meta.title,
    subtext: meta.subtitle,
    itemGap: Math.round(look.subtitle * 0.6),
    // An explicit transparent frame: canvas ignores a 0 line width, which left a stray dot.
    borderWidth: 0,
    borderColor: 'transparent',
    backgroundColor: 'transparent',
    textStyle: {
      fontFamily: look.fontFamily,
      fontWeight: 600,
      fontSize: look.title,
      color: look.text,
      width: inner,
      overflow: 'break',
    },
    subtextStyle: {
      fontFamily: look.fontFamily,
      fontSize: look.subtitle,
      color: look.muted,
      width: inner,
      overflow: 'break',
    },
  };
  const out: Loose = {
    ...o,
    animation: false,
    backgroundColor: look.background,
    textStyle: { ...(isObj(o.textStyle) ? o.textStyle : {}), fontFamily: look.fontFamily },
    title: panelTitles.length ? [frameTitle, ...panelTitles] : frameTitle,
    // The view's own graphics (a map's legend) stay; the footer is added after them.
    graphic: [
      ...(Array.isArray(o.graphic) ? o.graphic : isObj(o.graphic) ? [o.graphic] : []),
      {
        type: 'text',
        left: PAD,
        bottom: Math.round(PAD / 2),
        style: {
          text: foot,
          fontFamily: look.fontFamily,
          fontSize: look.footer,
          fill: look.muted,
          width: inner,
          overflow: 'truncate',
        },
      },
    ],
    grid,
    series,
    xAxis: mapAll(o.xAxis, (a) => bigLabels(a, look)),
    yAxis: mapAll(o.yAxis, (a) => bigLabels(a, look)),
  };
  // A map fills the box between header and footer instead of its on-screen centred square.
  if (o.geo !== undefined) {
    out.geo = mapAll(o.geo, (g) => {
      const { layoutCenter: _c, layoutSize: _s, ...rest } = g;
      return {
        ...rest,
        top: header + 8,
        bottom: footer + 8,
        left: typeof g.left === 'number' ? g.left : PAD,
        right: typeof g.right === 'number' ? g.right : PAD,
      };
    });
  }
  if (o.legend !== undefined) {
    out.legend = mapAll(o.legend, (l) => ({
      ...l,
      top: header - 4,
      ...(look.label !== null
        ? { textStyle: { ...(isObj(l.textStyle) ? l.textStyle : {}), fontSize: look.label } }
        : {}),
    }));
  }
  for (const k of ['xAxis', 'yAxis', 'legend'] as const) if (out[k] === undefined) delete out[k];
  return out as ChartOption;
}
