/**
 * Pure helpers of the on-screen grid: which rows show when groups are collapsed, which row labels to
 * print (a parent's label once, at its group's first row), and heat-map intensities per value column.
 */
import type { GridRow, PivotGrid } from '../../../../shared/pivot-grid';

/** The id of the group a subtotal row heads (its keys up to its level). */
export const groupId = (r: GridRow): string => JSON.stringify(r.keys.slice(0, r.level));

/** True when `r` lies inside the group headed by subtotal `head` (not the head itself). */
function inside(r: GridRow, head: GridRow): boolean {
  if (r === head || r.level <= head.level || head.kind !== 'subtotal') return false;
  for (let i = 0; i < head.level; i++)
    if (r.keys[i] !== head.keys[i] || r.missing[i] !== head.missing[i]) return false;
  return true;
}

/** Rows shown when the groups in `collapsed` (group ids) are folded into their subtotal row. */
export function visibleRows(grid: PivotGrid, collapsed: ReadonlySet<string>): GridRow[] {
  if (collapsed.size === 0) return grid.rows;
  const out: GridRow[] = [];
  let hiddenBy: GridRow | null = null;
  for (const r of grid.rows) {
    if (hiddenBy && inside(r, hiddenBy)) continue;
    hiddenBy = r.kind === 'subtotal' && collapsed.has(groupId(r)) ? r : null;
    out.push(r);
  }
  return out;
}

/**
 * Labels to print for row `i` of `rows`: a key's label only where it differs from the row above (so a
 * group's name shows once); subtotal and total rows print all of theirs.
 */
export function shownLabels(rows: readonly GridRow[], i: number): string[] {
  const r = rows[i];
  if (!r) return [];
  const prev = rows[i - 1];
  if (r.kind !== 'detail' || !prev) return r.labels;
  let same = true;
  return r.labels.map((l, j) => {
    same = same && j < prev.level && prev.keys[j] === r.keys[j] && prev.labels[j] === l;
    return same ? '' : l;
  });
}

/** Per value column: the [min, max] over detail rows, for heat shading. */
export function heatRanges(grid: PivotGrid): { min: number; max: number }[] {
  return grid.columns.map((c, j) => {
    let min = Infinity;
    let max = -Infinity;
    if (c.kind === 'detail') {
      for (const r of grid.rows) {
        const v = r.cells[j];
        if (r.kind !== 'detail' || v === null || v === undefined || !Number.isFinite(v)) continue;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return { min, max };
  });
}

/** Heat intensity 0–1 of `v` in a column's range (null: no shading). */
export function heatLevel(
  v: number | null | undefined,
  range: { min: number; max: number } | undefined,
): number | null {
  if (v === null || v === undefined || !range || !Number.isFinite(range.min) || !Number.isFinite(v))
    return null;
  if (range.max === range.min) return 0.5;
  return (v - range.min) / (range.max - range.min);
}
