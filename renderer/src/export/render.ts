/**
 * Draw an export-ready option off screen: PNG through a canvas instance at the asked pixel ratio (2×
 * for documents, 3× for large screens), SVG through ECharts' SVG renderer in server-side mode with the
 * Be Vietnam Pro subsets embedded. Each call makes its own short-lived instance, so the chart on screen
 * is never resized or redrawn.
 */
import { echarts } from '../charts/echarts-setup';
import type { ChartOption } from '../charts/types';
import { EXPORT_SIZE } from './decorate';
import { embeddedFontCss, ensureExportFonts } from './fonts';

/** CSS size of the drawing; the PNG is `size × pixelRatio` pixels. */
export interface DrawSize {
  width: number;
  height: number;
}

/** PNG data URL of `option` at `pixelRatio` (white background). */
export async function renderPng(
  option: ChartOption,
  pixelRatio: number,
  size: DrawSize = EXPORT_SIZE,
): Promise<string> {
  await ensureExportFonts();
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${size.width}px;height:${size.height}px;`;
  document.body.append(host);
  const chart = echarts.init(host, undefined, {
    renderer: 'canvas',
    width: size.width,
    height: size.height,
    devicePixelRatio: pixelRatio,
  });
  try {
    chart.setOption(option, { notMerge: true, lazyUpdate: false });
    return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
    host.remove();
  }
}

/** SVG text of `option` with the font embedded, so it renders the same on a PC without the font. */
export async function renderSvg(option: ChartOption, size: DrawSize = EXPORT_SIZE): Promise<string> {
  const chart = echarts.init(null, undefined, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  let svg: string;
  try {
    chart.setOption(option, { notMerge: true });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const css = await embeddedFontCss();
  // The style goes first inside <svg …>, before any text that uses the font.
  return svg.replace(/<svg\b[^>]*>/, (open) => `${open}<defs><style>${css}</style></defs>`);
}

/** Bytes of a data URL (base64). */
export function dataUrlBytes(url: string): Uint8Array {
  const b64 = url.slice(url.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
