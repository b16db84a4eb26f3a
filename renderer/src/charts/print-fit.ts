/**
 * Printed charts use the whole page width. ECharts draws at the size of its host when it last measured,
 * and print layout (sidebar hidden, A4 landscape) does not re-run ResizeObservers before the page is
 * captured, so every live chart is resized to the printable width before printing (`beforeprint`, the
 * print media query turning on, or `preparePrint()` before Electron's printToPDF, which fires neither)
 * and re-measured afterwards.
 */

/** Printable width of A4 landscape with the stylesheet's 12 mm margins, in CSS px (96 px per inch). */
export const PRINT_PAGE_WIDTH_PX = Math.floor(((297 - 2 * 12) * 96) / 25.4);

/** A chart as print fitting sees it (an ECharts instance and its host element). */
interface Fittable {
  resize: (opts?: { width?: number | 'auto'; height?: number | 'auto' }) => void;
}

/**
 * The width a chart gets on paper: the printable width less what its card adds around it on screen
 * (padding and borders), never below its screen width's minimum of 200 px.
 */
export function printWidth(hostWidth: number, cardWidth: number | null): number {
  const inset = cardWidth !== null && cardWidth > hostWidth ? cardWidth - hostWidth : 0;
  return Math.max(200, PRINT_PAGE_WIDTH_PX - inset);
}

const live = new Map<Fittable, HTMLElement>();
let printing = false;

function fit(chart: Fittable, host: HTMLElement): void {
  const card = host.closest('.card');
  chart.resize({
    width: printWidth(host.clientWidth, card instanceof HTMLElement ? card.clientWidth : null),
    height: 'auto',
  });
}

/** Resize every live chart for paper (idempotent until `restoreAfterPrint`). */
export function preparePrint(): void {
  printing = true;
  for (const [chart, host] of live) fit(chart, host);
}

/** Give every live chart its screen size back. */
export function restoreAfterPrint(): void {
  if (!printing) return;
  printing = false;
  // 'auto' clears the explicit print width (ECharts keeps an explicit size until told otherwise).
  for (const chart of live.keys()) chart.resize({ width: 'auto', height: 'auto' });
}

let listening = false;
function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('beforeprint', preparePrint);
  window.addEventListener('afterprint', restoreAfterPrint);
  window
    .matchMedia?.('print')
    .addEventListener('change', (e) => (e.matches ? preparePrint() : restoreAfterPrint()));
}

/** Keep `chart` (drawn in `host`) page-wide while printing; returns the unsubscribe function. */
export function fitForPrint(chart: Fittable, host: HTMLElement): () => void {
  listen();
  live.set(chart, host);
  return () => {
    live.delete(chart);
  };
}
