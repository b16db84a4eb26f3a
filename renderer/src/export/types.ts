/**
 * The one contract every chart and table of every view fulfils so that export, the slide deck,
 * presentation mode and printing work for all of them at once (ChartCard registers charts itself;
 * a table registers with `usePresentable`).
 */
import type { ChartOption } from '../charts/types';

/** One column of an exported table. */
export interface TableColumn {
  name: string;
  kind: 'text' | 'number';
  /** Unit shown in the header and as the number format ('đồng', '%'). */
  unit?: string;
}

/** A table as shown: columns and rows (numbers stay numbers). */
export interface TableData {
  columns: TableColumn[];
  rows: (string | number | null)[][];
  /** Rows of the whole table when `rows` holds only its first ones (a paged list); default rows.length. */
  totalRows?: number;
}

interface ItemBase {
  /** Stable id, unique on the page ('by-field', 'models-list'). */
  id: string;
  /** Title as the card shows it. */
  title: string;
  /** Position on the page: lower first (views number their items; ties keep registration order). */
  order?: number;
}

/** A chart: its current ECharts option (null while it has no data). */
export interface ChartItem extends ItemBase {
  kind: 'chart';
  option: ChartOption | null;
}

/** A table: its rows on demand (building them can be costly for long lists). */
export interface TableItem extends ItemBase {
  kind: 'table';
  /** Changes whenever the data changes (the spec key), so presentation mode redraws. */
  version: string | null;
  getTable: () => TableData | null;
  /**
   * The whole table, fetched on demand, for a file export, when `getTable` holds only what is on screen
   * (a paged list). Without it file exports use `getTable`.
   */
  loadTable?: () => Promise<TableData | null>;
}

/** Something a view can export, put on a slide or present. */
export type Presentable = ChartItem | TableItem;

/** What every export carries besides the data. */
export interface ExportMeta {
  title: string;
  /** The filters in force, as one line. */
  subtitle: string;
  /** "Dữ liệu đến 12/2025". */
  dataDate: string;
  /** "Nguồn: DVK Atlas — …". */
  source: string;
}
