/**
 * Colour-blind-safe palettes (ColorBrewer schemes marked colour-blind safe, viridis, and Okabe–Ito with
 * Paul Tol's muted scheme for categories). Sequential palettes go from light (low) to dark (high).
 */
export const SEQUENTIAL = {
  ylgnbu: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'],
  viridis: [
    '#fde725',
    '#addc30',
    '#5ec962',
    '#28ae80',
    '#21918c',
    '#2c728e',
    '#3b528b',
    '#472d7b',
    '#440154',
  ],
} as const;

export const DIVERGING = {
  puor: ['#b35806', '#e08214', '#fdb863', '#fee0b6', '#f7f7f7', '#d8daeb', '#b2abd2', '#8073ac', '#542788'],
  rdbu: ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'],
} as const;

export type PaletteId = keyof typeof SEQUENTIAL | keyof typeof DIVERGING;
export const PALETTE_IDS: readonly PaletteId[] = ['ylgnbu', 'viridis', 'puor', 'rdbu'];

/** True for palettes meant for values around a midpoint (growth). */
export const isDiverging = (p: PaletteId): p is keyof typeof DIVERGING => p in DIVERGING;

/** `k` colours of a palette, evenly spread over its nine (both ends kept). */
export function paletteColors(p: PaletteId, k: number): string[] {
  const all: readonly string[] = isDiverging(p) ? DIVERGING[p] : SEQUENTIAL[p];
  if (k <= 1) return [all[Math.floor(all.length / 2)] as string];
  return Array.from({ length: k }, (_, i) => all[Math.round((i * (all.length - 1)) / (k - 1))] as string);
}

/** Category colours (points by field, status…): Okabe–Ito, then Paul Tol's muted; repeats past 15. */
export const CATEGORY_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#332288',
  '#117733',
  '#882255',
  '#44AA99',
  '#999933',
  '#AA4499',
  '#DDCC77',
  '#000000',
] as const;

/** Fill of a unit without data, and of units in modes that do not colour them. */
export const NO_DATA = '#e3e7ec';
/** Outline of the units in the global unit filter (and of a found unit). */
export const SELECTED_BORDER = '#d9822b';
/** Fill of a gap (a unit with no model in the chosen field). */
export const GAP_FILL = '#D55E00';
