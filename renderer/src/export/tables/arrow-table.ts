/**
 * A table item's data from an Arrow result and column definitions: the generic bridge for list views
 * (models, rankings, shortlists) whose rows arrive as Arrow. Numbers stay numbers; other cells are the
 * text the view shows.
 */
import type { Table } from 'apache-arrow';
import type { TableColumn, TableData } from '../types';

/** How one exported column reads its cell. */
export interface ArrowColumn extends TableColumn {
  /** Arrow column name. */
  field: string;
  /** Text of a non-numeric cell (dates, vocabulary); default String(raw). */
  text?: (raw: unknown) => string;
}

/** Rows of `table` as export cells for `columns`. */
export function arrowTableData(table: Table, columns: readonly ArrowColumn[]): TableData {
  const vectors = columns.map((c) => table.getChild(c.field));
  const rows: TableData['rows'] = [];
  for (let i = 0; i < table.numRows; i++) {
    rows.push(
      columns.map((c, j) => {
        const raw: unknown = vectors[j]?.get(i);
        if (raw === null || raw === undefined) return null;
        if (c.kind === 'number') {
          const n = typeof raw === 'bigint' ? Number(raw) : raw;
          return typeof n === 'number' && Number.isFinite(n) ? n : null;
        }
        return c.text ? c.text(raw) : String(raw);
      }),
    );
  }
  return {
    columns: columns.map(({ name, kind, unit }) => ({ name, kind, ...(unit ? { unit } : {}) })),
    rows,
  };
}
