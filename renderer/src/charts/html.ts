/** Escape text for ECharts' HTML tooltips (labels come from imported data). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
