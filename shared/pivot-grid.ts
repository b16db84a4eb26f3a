/**
 * Pure shaping of a pivot's long result (see `pivot-spec.ts`) into a 2-D grid: header rows, row header
 * columns and value cells, with the row groups in the engine's pre-order (subtotal first, then children)
 * and the grand total last. The renderer's grid and both exporters (XLSX, CSV) use this one module, so
 * what a person sees is what they export. Words (totals, Others, Unknown, dimension and value names) come
 * from the caller through `GridText`: the renderer passes i18next strings, the engine `pivot-text.ts`.
 */
import { safeText } from './cell-safety';
import { PIVOT_OTHERS, PIVOT_TOO_LARGE, type PivotSpec } from './pivot-spec';

/** Column access the grid needs: an Apache Arrow `Table` satisfies it, so do plain test doubles. */
export interface ColumnSource {
  numRows: number;
  getChild(name: string): { get(i: number): unknown } | null;
}

/** One row of the long result. */
export interface PivotRecord {
  rowKeys: (string | null)[];
  rowLabels: (string | null)[];
  colKeys: (string | null)[];
  colLabels: (string | null)[];
  grp: number;
  values: (number | null)[];
}

/** Words and names the grid shows. `keyLabel` names a plain key (periods, codes) given its dimension. */
export interface GridText {
  total: string;
  grandTotal: string;
  others: string;
  unknown: string;
  dimension(index: number, axis: 'row' | 'column'): string;
  value(index: number): string;
  keyLabel(axis: 'row' | 'column', index: number, key: string, label: string | null): string;
}

/** Kind of a row or column: a detail, a subtotal of a group or the grand total. */
export type GridKind = 'detail' | 'subtotal' | 'grand';

/** One grid row: its keys (null where rolled up or missing), shown labels and `cols × values` cells. */
export interface GridRow {
  id: string;
  kind: GridKind;
  /** Number of leading row keys set (R for a detail row, 0 for the grand total). */
  level: number;
  keys: (string | null)[];
  /** True per row key when its NULL is the missing group (not a roll-up). */
  missing: boolean[];
  labels: string[];
  cells: (number | null)[];
}

/** One leaf column: a column key tuple and a value index. */
export interface GridColumn {
  id: string;
  kind: GridKind;
  level: number;
  keys: (string | null)[];
  missing: boolean[];
  labels: string[];
  value: number;
}

/** The shaped pivot. `headers[h]` has `rowHeaderCount + columns.length` cells. */
export interface PivotGrid {
  rowHeaderCount: number;
  headers: string[][];
  rows: GridRow[];
  columns: GridColumn[];
  /** Cells the pivot would have had when over the cap (the UI explains); else null. */
  tooLarge: number | null;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null =>
  v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : Number(v);

/** Read the long result's columns into records. */
export function readPivotRecords(spec: PivotSpec, src: ColumnSource): PivotRecord[] {
  const R = spec.rows.length;
  const C = spec.columns.length;
  const col = (name: string) => src.getChild(name);
  const rk = Array.from({ length: R }, (_, i) => [col(`r${i}`), col(`r${i}_label`)] as const);
  const ck = Array.from({ length: C }, (_, i) => [col(`c${i}`), col(`c${i}_label`)] as const);
  const vs = spec.values.map((_, i) => col(`v${i}`));
  const grp = col('grp');
  const out: PivotRecord[] = [];
  for (let i = 0; i < src.numRows; i++) {
    out.push({
      rowKeys: rk.map(([k]) => str(k?.get(i))),
      rowLabels: rk.map(([, l]) => str(l?.get(i))),
      colKeys: ck.map(([k]) => str(k?.get(i))),
      colLabels: ck.map(([, l]) => str(l?.get(i))),
      grp: num(grp?.get(i)) ?? 0,
      values: vs.map((v) => num(v?.get(i))),
    });
  }
  return out;
}

interface Tuple {
  id: string;
  bits: number;
  keys: (string | null)[];
  labels: (string | null)[];
}

const levelOf = (bits: number, n: number): number => {
  let level = 0;
  while (level < n && (bits & (1 << level)) === 0) level++;
  return level;
};

function keyText(
  text: GridText,
  axis: 'row' | 'column',
  i: number,
  t: Tuple,
  level: number,
  grand: boolean,
): string {
  if (i >= level) return i === level ? (grand ? text.grandTotal : text.total) : '';
  const k = t.keys[i] ?? null;
  if (k === null) return text.unknown;
  if (k === PIVOT_OTHERS) return text.others;
  return text.keyLabel(axis, i, k, t.labels[i] ?? null);
}

/** Rank within a level: real keys, then missing, Others, the roll-up. */
const rank = (t: Tuple, i: number): number => {
  if (t.bits & (1 << i)) return 3;
  const k = t.keys[i];
  return k === null ? 1 : k === PIVOT_OTHERS ? 2 : 0;
};

function compareColumns(a: Tuple, b: Tuple, n: number): number {
  for (let i = 0; i < n; i++) {
    const d = rank(a, i) - rank(b, i);
    if (d !== 0) return d;
    if (rank(a, i) === 0) {
      const ka = a.labels[i] ?? a.keys[i] ?? '';
      const kb = b.labels[i] ?? b.keys[i] ?? '';
      // Period keys are ISO dates and sort by key; other keys by their label.
      const c = /^\d{4}-\d{2}-\d{2}$/.test(a.keys[i] ?? '')
        ? (a.keys[i] ?? '').localeCompare(b.keys[i] ?? '')
        : ka.localeCompare(kb, 'vi');
      if (c !== 0) return c;
    }
  }
  return 0;
}

/** Shape the long result of `spec` into a grid. */
export function buildPivotGrid(spec: PivotSpec, records: readonly PivotRecord[], text: GridText): PivotGrid {
  const R = spec.rows.length;
  const C = spec.columns.length;
  const K = spec.values.length;
  const rowHeaderCount = Math.max(R, 1);
  const first = records[0];
  if (first && first.grp === PIVOT_TOO_LARGE) {
    return { rowHeaderCount, headers: [], rows: [], columns: [], tooLarge: first.values[0] ?? 0 };
  }
  const rowMask = (1 << R) - 1;
  const rowTuples = new Map<string, Tuple>();
  const colTuples = new Map<string, Tuple>();
  const cells = new Map<string, (number | null)[]>();
  for (const r of records) {
    const rb = r.grp & rowMask;
    const cb = r.grp >> R;
    const rid = JSON.stringify([rb, r.rowKeys]);
    const cid = JSON.stringify([cb, r.colKeys]);
    if (!rowTuples.has(rid)) rowTuples.set(rid, { id: rid, bits: rb, keys: r.rowKeys, labels: r.rowLabels });
    if (!colTuples.has(cid)) colTuples.set(cid, { id: cid, bits: cb, keys: r.colKeys, labels: r.colLabels });
    cells.set(`${rid}|${cid}`, r.values);
  }
  const rowList = [...rowTuples.values()];
  // The engine puts the grand total first; a reader expects it last.
  const grandRow = rowList.findIndex((t) => R > 0 && t.bits === rowMask);
  if (grandRow >= 0) rowList.push(...rowList.splice(grandRow, 1));
  const colList = [...colTuples.values()].sort((a, b) => compareColumns(a, b, C));

  const kindOf = (level: number, n: number): GridKind =>
    level === n ? 'detail' : level === 0 ? 'grand' : 'subtotal';
  const columns: GridColumn[] = [];
  for (const t of colList) {
    const level = levelOf(t.bits, C);
    const labels = Array.from({ length: C }, (_, i) => keyText(text, 'column', i, t, level, level === 0));
    for (let v = 0; v < K; v++) {
      columns.push({
        id: `${t.id}#${v}`,
        kind: kindOf(level, C),
        level,
        keys: t.keys.map((k, i) => (i < level ? k : null)),
        missing: t.keys.map((k, i) => i < level && k === null),
        labels,
        value: v,
      });
    }
  }
  const rows: GridRow[] = rowList.map((t) => {
    const level = levelOf(t.bits, R);
    const labels =
      R === 0
        ? [text.grandTotal]
        : Array.from({ length: R }, (_, i) => keyText(text, 'row', i, t, level, level === 0));
    const out: (number | null)[] = [];
    for (const c of colList) {
      const vals = cells.get(`${t.id}|${c.id}`);
      for (let v = 0; v < K; v++) out.push(vals?.[v] ?? null);
    }
    return {
      id: t.id,
      kind: R === 0 ? 'grand' : kindOf(level, R),
      level,
      keys: t.keys.map((k, i) => (i < level ? k : null)),
      missing: t.keys.map((k, i) => i < level && k === null),
      labels,
      cells: out,
    };
  });

  const headers: string[][] = [];
  for (let h = 0; h < C; h++) {
    const lead = Array.from({ length: rowHeaderCount }, (_, i) =>
      i === rowHeaderCount - 1 ? text.dimension(h, 'column') : '',
    );
    headers.push([...lead, ...columns.map((c) => c.labels[h] ?? '')]);
  }
  const lead = Array.from({ length: rowHeaderCount }, (_, i) => (R === 0 ? '' : text.dimension(i, 'row')));
  headers.push([...lead, ...columns.map((c) => text.value(c.value))]);
  return { rowHeaderCount, headers, rows, columns, tooLarge: null };
}

/**
 * Spans of equal consecutive labels in row header column `col` (for merged cells and the grid's group
 * bands): a run of rows sharing keys 0..col, at least two long. Rows are indexes into `grid.rows`.
 */
export function rowGroupSpans(grid: PivotGrid, col: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const prefix = (r: GridRow) => (r.level > col ? JSON.stringify(r.keys.slice(0, col + 1)) : null);
  let start = 0;
  for (let i = 1; i <= grid.rows.length; i++) {
    const a = grid.rows[start];
    const b = grid.rows[i];
    const pa = a ? prefix(a) : null;
    if (!b || pa === null || prefix(b) !== pa) {
      if (pa !== null && i - start > 1) spans.push({ start, end: i - 1 });
      start = i;
    }
  }
  return spans;
}

/** A text cell an export must neutralise (spreadsheet formula injection); see shared/cell-safety.ts. */
export const neutraliseText = safeText;
