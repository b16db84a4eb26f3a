/** Columns of the model table: which engine column, how wide, and how a cell is written. */
import type { ModelColumn } from '../../../../shared/specs';
import type { VocabKind } from '../../i18n/vocab';

/** One visible column. */
export interface ColumnDef {
  id: ModelColumn;
  /** Track size in the CSS grid. */
  width: string;
  /** 'date' cells hold Arrow DateDay (epoch ms); 'vocab' cells are translated in English. */
  kind: 'text' | 'date' | 'vocab';
  vocab?: VocabKind;
}

/** Visible columns, in order. */
export const MODEL_TABLE_COLUMNS: readonly ColumnDef[] = [
  { id: 'model_id', width: '116px', kind: 'text' },
  { id: 'name', width: 'minmax(220px, 2.2fr)', kind: 'text' },
  { id: 'unit_name', width: 'minmax(150px, 1fr)', kind: 'text' },
  { id: 'field', width: 'minmax(160px, 1.1fr)', kind: 'vocab', vocab: 'field' },
  { id: 'sponsor', width: 'minmax(160px, 1.1fr)', kind: 'vocab', vocab: 'sponsor' },
  { id: 'start_date', width: '118px', kind: 'date' },
  { id: 'status', width: '128px', kind: 'vocab', vocab: 'status' },
  { id: 'recognition', width: '128px', kind: 'vocab', vocab: 'recognition' },
];

/** The CSS grid template shared by the header and every row. */
export const GRID_TEMPLATE = MODEL_TABLE_COLUMNS.map((c) => c.width).join(' ');

/** Sum of the columns' minimum widths (px): below it the table scrolls sideways. */
export const GRID_MIN_WIDTH = MODEL_TABLE_COLUMNS.reduce(
  (sum, c) => sum + Number(/\d+/.exec(c.width)?.[0] ?? 0),
  0,
);
