/** The default chart theme, matching styles/tokens.css. */
import type { ChartTheme } from './types';

/** Light theme used on screen and for exports. */
export const lightTheme: ChartTheme = {
  fontFamily: "'Be Vietnam Pro', 'Segoe UI', system-ui, sans-serif",
  text: '#1b2430',
  muted: '#5a6573',
  axisLine: '#c3cad3',
  splitLine: '#e8ecf1',
  primary: '#1c5aa3',
  primarySoft: '#9dbbe0',
  accent: '#d9822b',
  tooltipBg: '#ffffff',
  tooltipBorder: '#dde2e8',
  palette: ['#1c5aa3', '#d9822b', '#2e8b57', '#8e44ad', '#c0392b', '#16a2b8', '#7f8c8d'],
};
